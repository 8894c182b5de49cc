"""Quality that must not regress: our own query set and the SQuAD 2.0 tune articles."""
from evaluate.queries import load_squad, load_yaml
from evaluate.runner import report, run_queries, run_squad
from tests.conftest import ROOT

SQUAD = ROOT / "bench" / "data" / "squad2-dev-subset.json"


def test_own_queries_reach_ninety_percent_on_answers_citations_and_abstention(assistant):
    queries = load_yaml(ROOT / "tests" / "queries.yaml")
    assert len(queries) >= 30 and sum(q.unanswerable for q in queries) >= 8
    metrics = report(run_queries(assistant, queries), 4)["metrics"]["overall"]
    assert metrics["answer_accuracy"] >= 0.9, metrics
    assert metrics["citation_accuracy"] >= 0.9, metrics
    assert metrics["abstention_accuracy"] >= 0.9, metrics
    assert metrics["false_abstention"] <= 0.1, metrics


def test_squad_tune_articles_retrieve_the_gold_paragraph(assistant):
    articles = load_squad(SQUAD, ["0", "1", "2"])
    for article in articles:
        article.queries = [q for q in article.queries if not q.unanswerable]
    metrics = report(run_squad(assistant.settings, assistant.embedder, articles), 4)["metrics"]["overall"]
    assert metrics["hit@1"] >= 0.85, metrics
    assert metrics["hit@4"] >= 0.97, metrics
    assert metrics["answerable_accuracy"] >= 0.75, metrics
