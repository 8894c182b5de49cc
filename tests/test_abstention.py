"""Abstention: a question that changes one decisive part of what the document says is refused,
while the question the document does answer still gets its answer (each rule is tested on both)."""
import pytest

from answer.opposites import contradiction
from answer.question import analyse
from assistant import build_assistant
from settings import load_settings

HARBOUR = """Harbour report

The city has the second busiest container port in the country.

Professional surfers Rob Machado and Tim Curran live in the coastal towns.

The council approved two new bridges over the river in 2019.

The most critical resource for the ferry service is fuel.

The maritime museum was founded by Hervé Dubois in 1901.

Ferries cannot sail when the wind exceeds 60 kilometres per hour.
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


def test_a_count_the_evidence_does_not_give_is_refused(harbour):
    assert "two new bridges" in harbour.ask("How many new bridges did the council approve?").text
    assert harbour.ask("What three new bridges did the council approve?").abstained


def test_a_name_typed_without_its_accents_is_found(harbour):
    answer = harbour.ask("When did Herve Dubois found the maritime museum?")
    assert not answer.abstained and "1901" in answer.text


def test_a_question_asking_what_cannot_be_done_is_answered_by_a_sentence_that_says_cannot(harbour):
    answer = harbour.ask("When cannot ferries sail?")
    assert not answer.abstained and "60 kilometres" in answer.text
