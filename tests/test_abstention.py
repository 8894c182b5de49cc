"""Abstention: a question that changes one decisive part of what the document says is refused,
while the question the document does answer still gets its answer (each rule is tested on both)."""
import pytest

from answer.opposites import contradiction
from answer.swaps import quantity_mismatch, swapped_word, unranked_superlative
from answer.extractive import type_fit
from answer.question import Kind, analyse
from assistant import build_assistant
from settings import load_settings

HARBOUR = """Harbour report

The city has the second busiest container port in the country.

Professional surfers Rob Machado and Tim Curran live in the coastal towns.

The council approved two new bridges over the river in 2019.

The most critical resource for the ferry service is fuel.

The maritime museum was founded by Hervé Dubois in 1901.

Ferries cannot sail when the wind exceeds 60 kilometres per hour.

The harbour master is a retired naval officer who inspects every vessel.

The new dock cost $40 million to build.

The Port Authority's new pier opened in 2020.

Ferries leave for Dover, Calais and Dieppe every morning.

Tourists crowd the harbour ferries every summer.

Sailings to Dieppe resumed after a two-week strike by the crews.

A quarter of the city's trade passes through the port.

By 2030 the port aims to handle 5 million containers a year.

The 7.2-square-kilometre park by the harbour is home to 40 boatyards.
"""


@pytest.fixture(scope="module")
def harbour(tmp_path_factory, embedder):
    root = tmp_path_factory.mktemp("harbour")
    (root / "corpus").mkdir()
    (root / "corpus" / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    assistant = build_assistant(load_settings(corpus=root / "corpus", store=root / "store"), embedder)
    assistant.ingest()
    return assistant


def test_opposites_are_found_only_when_the_evidence_lacks_the_asked_word():
    assert contradiction("the least critical one?", "the most critical one") == ("least", "most")
    assert contradiction("which south desert?", "the east desert") == ("south", "east")
    assert contradiction("the least critical one?", "the least, not the most") is None
    assert contradiction("What happened before the war?", "The treaty was signed after the war.") == ("before", "after")


def test_wordnet_opposites_meet_in_any_inflection():
    assert contradiction("What makes the bounds dependent?", "bounds independent of the model") == (
        "dependent", "independent")
    assert contradiction("What set of unconnected graphs?", "the set of all connected graphs") == (
        "unconnected", "connected")
    assert contradiction("When did exports increase?", "exports decreased in 1990") == ("increase", "decreased")
    assert contradiction("What has accepted the input?", "it is said to accept the input, else reject it") is None


@pytest.mark.parametrize("question, evidence", [
    ("How long was the war?", "It was a short war."),
    ("Is an instance abstract or concrete?", "An instance is a concrete utterance."),
    ("What is unknown about L?", "It is not known if L equals P."),
    ("Who was Emma's brother?", "Emma, sister of Duke Richard, married the king."),
    ("What thesis specifies a polynomial relation?", "The thesis states that any two general models relate."),
    ("How long was the pilot before the rides were approved?", "The approval came after a three-month pilot."),
    ("How many days in the first eight months of 2019?", "150 days, five fewer than in the same period of last year."),
])
def test_opposite_words_that_do_not_contradict(question, evidence):
    assert contradiction(question, evidence) is None


def test_questions_keep_names_as_runs_of_words_and_counts_and_cannot():
    question = analyse("Where did Rob Curran and Edward the Confessor's three sons go, and why cannot they stay?")
    assert question.phrases == ("rob curran", "edward the confessor")
    assert question.counts == ("three",)
    assert question.negated
    assert not analyse("Is it known whether or not P equals NP?").negated
    assert not analyse("What may or may not hold?").negated


def test_a_question_swapping_a_word_for_its_opposite_is_refused(harbour):
    assert "fuel" in harbour.ask("What is the most critical resource for the ferry service?").text
    refused = harbour.ask("What is the least critical resource for the ferry service?")
    assert refused.abstained and not refused.citations


def test_a_name_whose_words_the_evidence_holds_in_other_names_is_refused(harbour):
    assert not harbour.ask("Where do Rob Machado and Tim Curran live?").abstained
    assert harbour.ask("Where does Rob Curran live?").abstained


def test_a_list_the_evidence_holds_all_but_one_member_of_is_answered_saying_which_is_missing(harbour):
    answer = harbour.ask("Do ferries leave for Dover, Calais and Ostend?")
    assert not answer.abstained and "Dover, Calais and Dieppe" in answer.text
    assert answer.text.endswith("Nothing in the documents mentions Ostend.")
    assert harbour.ask("Do ferries leave for Ostend?").abstained
    assert harbour.ask("Do ferries leave for Dover and Ostend?").abstained


@pytest.mark.parametrize("answered, figure, refused, reason", [
    pytest.param("How much did the new dock cost?", "$40 million", "How much does the harbour master earn?",
                 "no figure", id="a sum of money the evidence does not give"),
    pytest.param("How many new bridges did the council approve?", "two new bridges",
                 "How many cranes does the container port have?", "crane", id="a count of what it never names"),
    pytest.param("How many new bridges did the council approve?", "two new bridges",
                 "How many visitors attended the harbour festival?", "visitor",
                 id="a count of what it never names, before a past verb"),
    pytest.param("What was the cost of the new dock?", "$40 million", "What is the budget of the maritime museum?",
                 "budget", id="an attribute the documents never name"),
    pytest.param("How much did the new dock cost?", "$40 million", "How much does a kilogram of ferry fuel cost?",
                 "kilogram", id="a price of what it never names"),
    pytest.param("How many new bridges did the council approve?", "two new bridges",
                 "How long does the express train to the harbour take?", "train",
                 id="a duration of what it never names"),
])
def test_a_quantity_whose_measure_the_evidence_lacks_is_refused(harbour, answered, figure, refused, reason):
    assert figure in harbour.ask(answered).text
    refusal = harbour.ask(refused)
    assert refusal.abstained and reason in refusal.reason


def test_a_count_the_evidence_does_not_give_is_refused(harbour):
    assert "two new bridges" in harbour.ask("How many new bridges did the council approve?").text
    assert harbour.ask("What three new bridges did the council approve?").abstained


def test_one_is_a_count_only_before_what_it_counts():
    question = analyse("How many companies are there in the park?")
    assert type_fit(Kind.NUMBER, "The park brings research and care together in one ecosystem.", question) == 0
    assert type_fit(Kind.NUMBER, "One of them supports young companies.", question) == 0
    assert type_fit(Kind.NUMBER, "The park has one new company.", question) == 1


def test_a_count_of_what_the_evidence_names_without_counting_it_is_refused(harbour):
    """"Tourists crowd the ferries" names the tourists and does not say how many there are."""
    refusal = harbour.ask("How many tourists do the harbour ferries carry each summer?")
    assert refusal.abstained and "no number" in refusal.reason


def test_an_ordinal_without_a_month_is_no_date():
    question = analyse("When did Liu Baiqi found the company?")
    assert type_fit(Kind.DATE, "It was the rocket's 19th launch, said Liu Baiqi.", question) == 0
    assert type_fit(Kind.DATE, "The company was founded on March 21st.", question) == 1


def test_when_is_not_answered_by_a_sentence_that_names_no_time(harbour):
    assert "2020" in harbour.ask("When did the Port Authority's new pier open?").text
    refusal = harbour.ask("When did the harbour master retire?")
    assert refusal.abstained and "names no time" in refusal.reason


def test_what_was_so_in_a_year_is_not_answered_by_a_target_for_it(harbour):
    assert "5 million containers" in harbour.ask("How many containers does the port aim to handle by 2030?").text
    refusal = harbour.ask("How many containers did the port handle in 2030?")
    assert refusal.abstained and "what was so" in refusal.reason


@pytest.mark.parametrize("question, figure", [
    ("How long was the strike by the crews?", "two-week"),
    ("What share of the city's trade passes through the port?", "A quarter"),
    ("How many square kilometres does the park by the harbour cover?", "7.2-square-kilometre"),
])
def test_durations_shares_and_areas_written_as_words_answer_their_questions(harbour, question, figure):
    assert figure in harbour.ask(question).text




@pytest.mark.parametrize("check, question, evidence, swap", [
    (swapped_word, "What is a scientific device that reads tape?", "It is a theoretical device that reads tape.",
     ("scientific", "theoretical")),
    (swapped_word, "Where does professional surfer Tony Hawk live?", "Professional skateboarder Tony Hawk lives here.",
     ("surfer", "skateboarder")),
    (swapped_word, "Which famous serf breaks are there?", "Famous surf breaks are Trestles and Rincon.", None),
    (swapped_word, "Who examines every boat?", "The officer who inspects every vessel.", None),
    (swapped_word, "Who is a retired navy officer?", "He is a retired naval officer.", None),
    (swapped_word, "What is a commonly used measure?", "Measures are also used.", None),
    (swapped_word, "What is a theoretical device that reads tape?", "It is a theoretical device that reads tape.",
     None),
    (unranked_superlative, "What is the busiest airport in the country?",
     "It has the second-busiest airport in the country.", ("busiest airport", "second busiest airport")),
    (unranked_superlative, "What is the second busiest airport?", "It has the second-busiest airport.", None),
    (unranked_superlative, "What is the busiest port?", "The second busiest port and the busiest port are here.",
     None),
    (quantity_mismatch, "What caused $20 million in damage?", "It caused damage estimated at $20 billion.",
     ("20 million", "20 billion")),
    (quantity_mismatch, "What lies 18 miles south?", "It lies 11 miles (18 km) south.", ("18 mile", "18 kilometre")),
    (quantity_mismatch, "What lies 18 km south?", "It lies 11 miles (18 kilometres) south.", None),
    (quantity_mismatch, "What is 60 percent of the budget?", "Wages are 60% of the budget.", None),
])
def test_word_swaps_are_found_and_paraphrases_and_typos_are_not(check, question, evidence, swap):
    assert check(question, evidence) == swap


@pytest.mark.parametrize("answered, refused", [
    ("Who is the retired naval officer who inspects every vessel?",
     "Who is the retired army officer who inspects every vessel?"),
    ("Which city has the second busiest container port in the country?",
     "Which city has the busiest container port in the country?"),
    ("What did the new dock cost, $40 million?", "What cost $40 billion to build?"),
    ("What did the council approve in 2019?", "What did the council disapprove in 2019?"),
])
def test_a_question_with_one_word_swapped_is_refused_and_the_original_answered(harbour, answered, refused):
    assert not harbour.ask(answered).abstained
    refusal = harbour.ask(refused)
    assert refusal.abstained and not refusal.citations


@pytest.mark.parametrize("question, expected", [
    pytest.param("When did Herve Dubois found the maritime museum?", "1901", id="a name typed without its accents"),
    pytest.param("When cannot ferries sail?", "60 kilometres", id="cannot answered by a sentence that says cannot"),
    pytest.param("What is the toughest limit on sailing ferries in strong gales?", "60 kilometres",
                 id="other words than the document's, close in meaning"),
    pytest.param("When was the MM founded by Hervé Dubois?", "1901", id="an acronym the document writes out"),
    pytest.param("When did the Port Authority open the new pier?", "2020", id="a name held in the possessive"),
])
def test_questions_worded_unlike_the_document_are_still_answered(harbour, question, expected):
    answer = harbour.ask(question)
    assert not answer.abstained and expected in answer.text


def test_an_acronym_the_document_does_not_write_out_is_refused(harbour):
    assert harbour.ask("When was the MX founded by Hervé Dubois?").abstained


def test_an_acronym_is_written_out_by_its_words_in_order_and_an_ampersand_by_and():
    from answer.extractive import _spelled_out
    from retrieval.text import words

    assert _spelled_out("gdp", words("2.55 percent of gross domestic product"))
    assert _spelled_out("r&d", words("spent on research and development"))
    assert not _spelled_out("r&d", words("after the rapid development of the city"))
