"""Quality that must not regress: our own query set and the SQuAD 2.0 tune articles."""
from evaluate.queries import load_squad
from evaluate.runner import report, run_squad
from tests.conftest import ROOT, shortfalls

SQUAD = ROOT / "bench" / "data" / "squad2-dev-subset.json"


def test_own_queries_reach_ninety_percent_on_answers_citations_and_abstention(assistant):
    assert not shortfalls(assistant, ROOT / "tests" / "queries.yaml",
                          "answer=0.9,citation=0.9,abstention=0.9,false_abstention=0.1", least=30, unanswerable=8)


def test_squad_tune_articles_retrieve_the_gold_paragraph(assistant):
    articles = load_squad(SQUAD, ["0", "1", "2"])
    for article in articles:
        article.queries = [q for q in article.queries if not q.unanswerable]
    metrics = report(run_squad(assistant.settings, assistant.embedder, articles), 4)["metrics"]["overall"]
    assert metrics["hit@1"] >= 0.85, metrics
    assert metrics["hit@4"] >= 0.97, metrics
    assert metrics["answerable_accuracy"] >= 0.75, metrics
