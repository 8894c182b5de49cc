"""Follow-up questions are made standalone from the conversation before retrieval."""
from __future__ import annotations

import pytest

from answer.followup import accept_rewrite, is_follow_up, rewrite

FIRST = "What is the R&D target for 2025?"


@pytest.mark.parametrize("question, expected", [
    ("and what is it now?", "What is the R&D now?"),
    ("What about 2035?", "What is the R&D target for 2035?"),
    ("and now?", "What is the R&D now?"),
    ("what about technology contract turnover?", "What is the technology contract turnover for 2025?"),
    ("and when was it set?", "When was the R&D target for 2025 set?"),
])
def test_follow_up_is_rewritten_from_the_previous_question(question, expected):
    assert rewrite(question, [FIRST]) == expected


def test_standalone_question_is_left_alone():
    question = "How many invention patents are there per 10,000 people?"
    assert not is_follow_up(question)
    assert rewrite(question, [FIRST]) == question


def test_first_question_is_never_rewritten():
    assert rewrite("and what is it now?", []) == "and what is it now?"


def test_llm_rewrite_that_brings_in_a_new_topic_is_refused():
    history = [FIRST]
    assert accept_rewrite("What is the R&D expenditure now?", "and what is it now?", ["What is the R&D expenditure for 2025?"], 500)
    assert not accept_rewrite("What is the population of Shanghai now?", "and what is it now?", history, 500)
    assert not accept_rewrite("", "and what is it now?", history, 500)
    assert not accept_rewrite("What is the R&D target?\nIt is 6 percent.", "and what is it now?", history, 500)


def test_follow_up_is_answered_about_the_previous_subject(assistant):
    first = assistant.ask(FIRST)
    follow = assistant.ask("and what is it now?", history=[first.question])
    assert follow.rewritten
    assert "6.3 percent" in follow.text
    assert not follow.abstained
