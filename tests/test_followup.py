"""Follow-ups are resolved against the conversation: what they leave out is inherited, what they
change is kept, and the user is told in a grammatical sentence how the question was read. Time is
read from grammar and time expressions, the same way for questions and sentences."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from answer.followup import accept_rewrite, is_follow_up, resolve
from answer.question import Kind
from answer.when import When, asked, asks_future_time, mismatch, times
from tests.test_cli import run

SPEND = "How much will Beijing spend on R&D by 2025?"
CONVERSATIONS = Path(__file__).parent / "conversations.yaml"


def test_a_follow_up_that_changes_the_time_keeps_the_topic_and_the_kind_of_answer():
    read = resolve("and what is it now?", [SPEND])
    assert read.question.when is When.PRESENT and read.question.kind is Kind.NUMBER
    assert {"r&d", "spend"} <= set(read.question.terms) and "2025" not in read.question.years
    assert read.understood == f"Read as a follow-up to “{SPEND}”: now instead of by 2025."


def test_a_follow_up_that_changes_the_topic_keeps_the_old_topic_as_context_only():
    read = resolve("And the patents?", [SPEND])
    assert "patent" in read.question.terms and "r&d" not in read.question.terms
    assert {"r&d", "spend"} <= set(read.question.context)
    assert read.question.when is When.FUTURE and not read.question.years
    assert read.also and "R&D" in read.also[0] and "R&D" not in read.query
    assert read.understood == f"Read as a follow-up to “{SPEND}”: about the patents instead."


def test_a_three_turn_conversation_carries_each_change_from_its_first_question():
    read = resolve("And the patents?", [SPEND, "and what is it now?"])
    assert read.question.when is When.PRESENT and "patent" in read.question.terms
    assert read.understood == f"Read as a follow-up to “{SPEND}”: about the patents instead, now instead of by 2025."


@pytest.mark.parametrize("question, history, when, required", [
    ("and the target?", ["What share of GDP goes to R&D today?"], When.FUTURE, {"r&d", "gdp"}),
    ("What about 2035?", ["What is the R&D target for 2025?"], None, {"r&d", "target", "2035"}),
    ("why is it important?", ["What does the guideline say about independent research and development?"], None,
     {"independ", "research", "develop", "import"}),
])
def test_role_nouns_years_and_pronouns_refer_back(question, history, when, required):
    read = resolve(question, history)
    assert read.question.when is when
    assert required <= set(read.question.terms)


def test_a_reported_year_scopes_a_new_topic_but_a_targets_horizon_does_not():
    reported = resolve("And the patents?", ["How many invention patents were granted in 2021?"])
    assert reported.question.years == {"2021"}
    target = resolve("And the patents?", [SPEND])
    assert not target.question.years


def test_a_follow_up_opening_with_a_preposition_replaces_the_phrase_after_it():
    read = resolve("and on basic research?", ["How much did China spend on R&D in 2021?"])
    assert read.text == "How much did China spend on basic research in 2021?"
    assert "r&d" in read.question.context and read.question.years == {"2021"}
    assert read.understood.endswith("R&D in 2021?”: about basic research instead.")


def test_it_in_a_question_of_its_own_stands_for_the_name_the_earlier_question_asked_about():
    read = resolve("and how many technology transfers does it aim for?",
                   ["How many tasks does the Belt and Road action plan list?"])
    assert {"technolog", "transfer", "belt", "road"} <= set(read.question.terms)
    assert "task" in read.question.context and "task" not in read.question.terms
    assert read.understood.endswith("list?”: “it” taken to mean Belt and Road.")
    assert "China" in resolve("and how much did it spend on basic research?",
                              ["What share of GDP did China spend on R&D in 2021?"]).understood


def test_naming_another_document_asks_it_the_same_question():
    read = resolve("and the 2021 action plan?", ["How many departments drew up the 2023 work plan?"])
    assert read.text == "How many departments drew up the 2021 action plan?"
    assert read.question.years == {"2021"} and "2023" not in read.question.years
    assert read.understood.endswith("plan?”: about the 2021 action plan instead.")


def test_he_and_she_stand_for_the_person_an_earlier_answer_named_so_its_question_is_context_only():
    read = resolve("what did he say about the high-tech industry?", ["Who heads the Beijing Science and Technology Commission?"])
    assert {"high", "tech", "industri"} <= set(read.question.terms) and "commiss" in read.question.context
    assert read.question.kind is Kind.OTHER
    assert read.understood.endswith("Commission?”: “he” as the one it asks about.")


def test_standalone_questions_and_first_questions_are_left_alone():
    question = "How many invention patents are there per 10,000 people?"
    assert not is_follow_up(question)
    assert resolve(question, [SPEND]).text == question and not resolve(question, [SPEND]).understood
    assert resolve("and what is it now?", []).text == "and what is it now?"


def test_llm_rewrite_that_brings_in_a_new_topic_is_refused():
    history = ["What is the R&D target for 2025?"]
    assert accept_rewrite("What is the R&D expenditure now?", "and what is it now?", ["What is the R&D expenditure for 2025?"], 500)
    assert not accept_rewrite("What is the population of Shanghai now?", "and what is it now?", history, 500)
    assert not accept_rewrite("", "and what is it now?", history, 500)
    assert not accept_rewrite("What is the R&D target?\nIt is 6 percent.", "and what is it now?", history, 500)


@pytest.mark.parametrize("text, as_of, expected", [
    ("By 2025, R&D spending should be kept at 6 percent of GDP.", "2021-12-24", {When.FUTURE}),
    ("R&D accounts for 6.3 percent of GDP and turnover has reached 630 billion yuan.", "2021-12-24", {When.PRESENT}),
    ("Spending on basic research rose 15.6 percent.", "2022-01-27", {When.PAST}),
    ("Output in 2019 was lower.", "2021-01-01", {When.PAST}),
    ("The plant opens in 2027.", "2024-05-01", {When.FUTURE}),
    ("The network of 2030 is to be built next year.", "", {When.FUTURE}),
    ("By 2025 the share of self-developed chips should rise.", "2023-05-30", {When.FUTURE}),
])
def test_a_sentence_speaks_of_the_times_its_grammar_and_dates_say(text, as_of, expected):
    assert times(text, as_of) == expected


@pytest.mark.parametrize("question, expected", [
    ("How much is spent on R&D now?", When.PRESENT), ("How much was spent last year?", When.PAST),
    ("What will the share be?", When.FUTURE), ("What is the target?", When.FUTURE),
    ("How much is spent by 2030?", When.FUTURE), ("Who founded the city?", None),
    ("What does the theory seek to answer?", None), ("What is the share?", None),
])
def test_a_question_asks_about_a_time_only_when_it_says_one(question, expected):
    assert asked(question) is expected


def test_only_plans_and_facts_are_told_apart():
    assert mismatch(When.PRESENT, {When.FUTURE}) and mismatch(When.FUTURE, {When.PRESENT})
    assert not mismatch(When.PRESENT, {When.PAST}), "this year's figures are reported in the past tense"
    assert not mismatch(When.PRESENT, {When.FUTURE, When.PRESENT}) and not mismatch(None, {When.FUTURE})


def test_follow_ups_are_answered_in_the_cli_with_history(assistant):
    store = str(assistant.settings.store)
    now = json.loads(run("answer", "and what is it now?", "--history", SPEND, "--store", store, "--json").stdout)
    assert "6.3 percent" in now["answer"] and not now["abstained"]
    assert now["rewritten"] == f"Read as a follow-up to “{SPEND}”: now instead of by 2025."
    patents = json.loads(run("answer", "And the patents?", "--history", SPEND, "--history", "and what is it now?",
                             "--store", store, "--json").stdout)
    assert "144 invention patents" in patents["answer"]


def test_the_conversation_file_is_answered(assistant, tmp_path):
    out = tmp_path / "conversations.json"
    run("evaluate", str(CONVERSATIONS), "--store", str(assistant.settings.store), "--json", str(out))
    result = json.loads(out.read_text())
    assert len(result["items"]) >= 20 and all(item["history"] for item in result["items"])
    overall = result["metrics"]["overall"]
    assert overall["answer_accuracy"] >= 0.9 and overall["abstention_accuracy"] >= 0.9


def test_what_was_understood_is_shown_as_a_sentence_without_the_follow_ups_linking_words():
    read = resolve("and on basic research?", ["How much did China spend on R&D in 2021?"])
    assert read.understood == "Read as a follow-up to “How much did China spend on R&D in 2021?”: about basic research instead."
    assert "basic" in read.question.terms and "r&d" in read.question.context


def test_a_question_asks_for_a_time_to_come_only_when_it_says_one():
    assert asks_future_time("When will China bring back samples from Mars?")
    assert asks_future_time("How much will China spend on R&D by 2025?")
    assert not asks_future_time("What will the output be for a member of the language?")
    assert asked("Who was the ruling class ahead of the Normans?") is None
