"""Scoring functions on hand-made items whose right scores are known."""
from evaluate.metrics import (answer_correct, citation_correct, exact_match, reference_recall, retrieval_rank,
                              score_item, summarise, token_f1, within_budget)
from evaluate.queries import Query

Q = Query(id="q", question="What is the target?", expect=("6 percent",), source="estimated 6 percent of the GDP")
U = Query(id="u", question="What about 2035?", unanswerable=True)


def answer(text, abstained=False, citations=()):
    return {"answer": text, "abstained": abstained, "citations": [{"text": t} for t in citations]}


def test_answer_is_correct_when_it_contains_an_expected_string_ignoring_case_and_spacing():
    assert answer_correct(Q, answer("About 6  Percent of GDP [1]"))
    assert not answer_correct(Q, answer("About 60 percent"))
    assert not answer_correct(Q, answer("6 percent", abstained=True))


def test_unanswerable_is_correct_only_when_abstained():
    assert answer_correct(U, answer("The guideline does not say.", abstained=True))
    assert not answer_correct(U, answer("2035 is far", abstained=False))


def test_citation_must_hold_the_required_passage():
    assert citation_correct(Q, answer("x", citations=["R&D kept at an estimated 6 percent of the GDP of the city"]))
    assert not citation_correct(Q, answer("x", citations=["144 invention patents"]))
    assert citation_correct(U, answer("no", abstained=True))
    assert not citation_correct(U, answer("no", abstained=True, citations=["something"]))


def test_a_chunk_inside_a_longer_gold_paragraph_counts_as_the_paragraph():
    gold = Query(id="g", question="?", source="First sentence here. Second sentence is the one. Third.")
    assert retrieval_rank(gold, [{"text": "other"}, {"text": "Second sentence is the one."}]) == 2
    assert retrieval_rank(gold, [{"text": "other"}]) is None


def test_squad_exact_match_and_f1():
    assert exact_match("the France", ("France",)) == 1.0
    assert token_f1("in northern France", ("France",)) == 0.5
    assert token_f1("Spain", ("France",)) == 0.0


def test_summary_rates():
    items = [
        {"unanswerable": False, "abstained": False, "source": "s", "timings_ms": {"total": 10},
         "scores": {"answer_correct": True, "citation_correct": True, "retrieval_rank": 1}},
        {"unanswerable": False, "abstained": True, "source": "s", "timings_ms": {"total": 30},
         "scores": {"answer_correct": False, "citation_correct": False, "retrieval_rank": 3}},
        {"unanswerable": True, "abstained": True, "source": "", "timings_ms": {"total": 20},
         "scores": {"answer_correct": True, "citation_correct": True, "retrieval_rank": None}},
    ]
    m = summarise(items, k=4)
    assert m["answer_accuracy"] == round(2 / 3, 4)
    assert m["citation_accuracy"] == 0.5
    assert m["abstention_accuracy"] == 1.0
    assert m["false_abstention"] == 0.5
    assert m["hit@1"] == 0.5 and m["hit@4"] == 1.0
    assert m["mrr"] == round((1 + 1 / 3) / 2, 4)
    assert m["latency_p50_ms"] == 20


def test_thresholds_name_metrics_by_short_or_full_name():
    from evaluate.metrics import below_thresholds, parse_thresholds

    thresholds = parse_thresholds("answer=0.9,citation=0.8,hit@1=0.5,false_abstention=0.1")
    assert thresholds == {"answer_accuracy": 0.9, "citation_accuracy": 0.8, "hit@1": 0.5, "false_abstention": 0.1}
    metrics = {"answer_accuracy": 0.95, "citation_accuracy": 0.7, "hit@1": 0.5, "false_abstention": 0.2}
    missed = below_thresholds(metrics, thresholds)
    assert len(missed) == 2
    assert missed[0].startswith("citation_accuracy") and missed[1].startswith("false_abstention")


def test_a_malformed_threshold_is_refused():
    import pytest

    from evaluate.metrics import parse_thresholds

    with pytest.raises(ValueError, match="name=number"):
        parse_thresholds("answer=high")


def test_reference_recall_is_the_share_of_the_references_content_words_held():
    reference = "Masked LM (MLM) and Next Sentence Prediction (NSP)."
    assert reference_recall(reference, "BERT is pre-trained with a masked LM and next sentence prediction") == 5 / 7
    assert reference_recall(reference, "It uses dropout.") == 0.0


def test_retrieved_passages_are_scored_within_a_budget_of_characters():
    passages = [{"text": "a" * 1500}, {"text": "b" * 1500}, {"text": "c" * 1500}]
    assert within_budget(passages, 2000).count("b") == 500 and "c" not in within_budget(passages, 2000)


def test_reference_items_get_answer_passage_and_similarity_scores():
    q = Query(id="r", question="What does BERT pre-train on?", reference="Masked LM and next sentence prediction.")
    said = answer("Masked LM and next sentence prediction [1]", citations=["It uses a masked LM."])
    scores = score_item(q, said, [{"text": "Unrelated text."}, {"text": "Next sentence prediction."}],
                        similarity=lambda a, b: 0.5)
    assert scores["reference_recall_answer"] == 1.0
    assert scores["reference_recall_retrieved"] == 3 / 5 and scores["reference_recall_cited"] == 2 / 5
    assert scores["answer_similarity"] == 0.5
    refused = score_item(q, answer("The documents do not say.", abstained=True), [], similarity=lambda a, b: 0.9)
    assert refused["reference_recall_answer"] == 0.0 and refused["answer_similarity"] == 0.0
