"""The evaluation workbench end to end: a SQuAD-format file made here, the baseline comparison,
the CI gate, the Evaluate page and feedback exported as test queries."""
import json
import threading

import yaml
from streamlit.testing.v1 import AppTest

from store.feedback import Feedback, FeedbackStore, as_test_queries
from tests.conftest import ROOT
from tests.test_cli import run

PARAGRAPHS = [
    ("The Grand Canal of Lumeria was finished in 1742 by the engineer Tomas Vell. It links the port of Ardo "
     "with the inland city of Brenn and is 212 kilometres long.",
     [("Who finished the Grand Canal of Lumeria?", ["Tomas Vell"]),
      ("How long is the Grand Canal?", ["212 kilometres"])],
     [("Who finished the Grand Canal of Ardo in 1801?",)]),
    ("Lumerian cheese is aged in limestone caves for eighteen months. The caves stay at eleven degrees all year, "
     "which gives the cheese its blue veins.",
     [("How long is Lumerian cheese aged?", ["eighteen months"])],
     [("Why did the caves of Brenn close in 1900?",)]),
    ("The festival of lanterns takes place every autumn in Brenn. Visitors release about 4,000 paper lanterns "
     "over the river on the first night.",
     [("How many lanterns are released at the festival?", ["4,000"])],
     [("How many lanterns were banned by the mayor of Ardo?",)]),
]


def squad_file(path):
    paragraphs = []
    for n, (context, answerable, unanswerable) in enumerate(PARAGRAPHS):
        qas = [{"id": f"a{n}{i}", "question": q, "is_impossible": False,
                "answers": [{"text": a, "answer_start": context.index(a)} for a in answers]}
               for i, (q, answers) in enumerate(answerable)]
        qas += [{"id": f"u{n}{i}", "question": q, "is_impossible": True, "answers": []}
                for i, (q,) in enumerate(unanswerable)]
        paragraphs.append({"context": context, "qas": qas})
    path.write_text(json.dumps({"version": "v2.0", "data": [{"title": "Lumeria", "paragraphs": paragraphs}]}))
    return path


def test_squad_file_runs_end_to_end_with_the_baseline_beside_it(tmp_path):
    out = tmp_path / "squad.json"
    result = run("evaluate", str(squad_file(tmp_path / "lumeria.json")), "--compare", "baseline",
                 "--json", str(out), "--markdown", str(tmp_path / "report.md"))
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text())
    ours, theirs = data["metrics"]["overall"], data["compare"]["metrics"]["overall"]
    assert ours["answerable"] == 4 and ours["unanswerable"] == 3
    assert ours["hit@1"] == 1.0
    assert ours["answerable_accuracy"] >= 0.75
    assert ours["abstention_accuracy"] >= 2 / 3
    assert theirs["abstention_accuracy"] == 0.0, "the baseline never abstains"
    assert "f1" in ours and "exact_match" in ours
    report = (tmp_path / "report.md").read_text()
    assert "| overall |" in report and "baseline" in report
    assert (tmp_path / "report.by-type.png").stat().st_size > 1000
    assert "ours / theirs" in result.stdout


def test_free_text_references_are_scored_beside_the_naive_recipe_on_a_real_pdf(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "normans.pdf").write_bytes((ROOT / "tests" / "data" / "normans-two-column.pdf").read_bytes())
    out = tmp_path / "report.json"
    result = run("evaluate", str(ROOT / "tests" / "data" / "normans-two-column.yaml"), "--store", str(tmp_path / "s"),
                 "--compare", "baseline", "--json", str(out), env={"GUIDE_CORPUS": str(corpus)})
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text())
    ours, theirs = data["metrics"]["overall"], data["compare"]["metrics"]["overall"]
    for name in ("reference_recall_answer", "reference_recall_retrieved", "reference_recall_cited",
                 "answer_similarity"):
        assert 0 < theirs[name] <= ours[name] <= 1, name
    item = next(i for i in data["items"] if i["id"] == "n4")
    assert item["reference"].startswith("Hervé") and item["scores"]["reference_recall_answer"] >= 0.5
    assert "in retrieved (2,000 ch.)" in result.stdout


def test_fail_under_exits_non_zero_below_the_threshold(tmp_path):
    file = squad_file(tmp_path / "lumeria.json")
    passing = run("evaluate", str(file), "--fail-under", "answerable=0.5")
    assert passing.returncode == 0, passing.stderr
    failing = run("evaluate", str(file), "--fail-under", "answer=1.01")
    assert failing.returncode == 1
    assert "below threshold" in failing.stderr and "answer_accuracy" in failing.stderr


def test_evaluate_page_runs_a_query_file_and_shows_failures(assistant, monkeypatch, tmp_path):
    monkeypatch.setenv("GUIDE_STORE", str(assistant.settings.store))
    monkeypatch.setenv("GUIDE_CORPUS", str(assistant.settings.corpus))
    at = AppTest.from_file(str(ROOT / "pages" / "evaluate_page.py"), default_timeout=300)
    at.run()
    assert not at.exception, at.exception
    assert at.selectbox[0].value == "tests/queries.yaml"
    assert "tests/glance_expected.yaml" not in at.selectbox[0].options
    assert "bench/data/squad2-dev-subset.json" in at.selectbox[0].options
    at.button[0].click().run()
    assert not at.exception, at.exception
    table = at.dataframe[0].value
    overall = table[table["type"] == "overall"].iloc[0]
    assert float(overall["answer"]) >= 0.9
    assert any(e.label.startswith("oos-") or "·" in e.label for e in at.expander)
    assert len(at.get("download_button")) == 2


def evaluate_page(assistant, monkeypatch) -> AppTest:
    monkeypatch.setenv("GUIDE_STORE", str(assistant.settings.store))
    monkeypatch.setenv("GUIDE_CORPUS", str(assistant.settings.corpus))
    at = AppTest.from_file(str(ROOT / "pages" / "evaluate_page.py"), default_timeout=300)
    at.run()
    return at


def test_an_uploaded_query_file_with_references_is_evaluated_with_the_reference_metrics(assistant, monkeypatch):
    at = evaluate_page(assistant, monkeypatch)
    mine = [{"id": "mine-1", "question": "How many invention patents per 10,000 people does Beijing have?",
             "expect": "144", "reference": "Beijing has 144 invention patents for every 10,000 people."},
            {"id": "mine-2", "question": "Who won the 2022 World Cup?", "unanswerable": True}]
    at.file_uploader[0].set_value(("mine.yaml", yaml.safe_dump(mine).encode(), "application/x-yaml")).run()
    assert not at.error and "mine.yaml" in at.caption[-1].value
    at.button[0].click().run()
    assert not at.exception, at.exception
    assert at.subheader[0].value == "Results: mine.yaml"
    table = at.dataframe[0].value
    assert "ref. words in answer" in table.columns
    overall = table[table["type"] == "overall"].iloc[0]
    assert float(overall["answer"]) == 1.0 and float(overall["ref. words in answer"]) >= 0.5


def test_a_bad_upload_names_the_item_and_the_problem_and_breaks_nothing(assistant, monkeypatch):
    at = evaluate_page(assistant, monkeypatch)
    bad = [{"question": "What is the R&D target?"}, {"id": "q2", "expect": ["6 percent"]}]
    at.file_uploader[0].set_value(("broken.yaml", yaml.safe_dump(bad).encode(), "application/x-yaml")).run()
    assert not at.exception, at.exception
    assert at.error[0].value.startswith("This file cannot be evaluated: broken.yaml: item 2 has no question")
    assert "/tmp" not in at.error[0].value
    assert at.button[0].disabled
    at.file_uploader[0].set_value(("squad.json", b'{"data": [{"title": "x", "paragraphs": [{"qas": []}]}]}',
                                   "application/json")).run()
    assert "squad.json: article 1 has no 'context'" in at.error[0].value
    at.file_uploader[0].set_value(None).run()
    assert not at.error and not at.button[0].disabled and at.selectbox[0].value == "tests/queries.yaml"


def test_feedback_from_two_threads_is_all_kept(tmp_path):
    store = FeedbackStore(tmp_path / "feedback.sqlite")

    def write(worker: int) -> None:
        for i in range(25):
            store.add(Feedback(question=f"q{worker}-{i}", answer="a [1]", abstained=False, helpful=bool(i % 2),
                               correction="" if i % 2 else f"right {i}"))

    threads = [threading.Thread(target=write, args=(w,)) for w in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    items = FeedbackStore(tmp_path / "feedback.sqlite").all()
    assert len(items) == 50
    assert {i.question for i in items} == {f"q{w}-{i}" for w in range(2) for i in range(25)}


def test_feedback_becomes_test_queries_in_the_yaml_format(tmp_path):
    items = [Feedback("Two zones?", "The two zones are X and Y. [1]", False, True, cited=("The two zones are X",)),
             Feedback("Target for 2035?", "It is 7 percent. [1]", False, False, unanswerable=True),
             Feedback("Patents?", "Wrong [1]", False, False, correction="144"),
             Feedback("Vague?", "Something [1]", False, False)]
    queries = as_test_queries([Feedback(**{**i.__dict__, "id": n}) for n, i in enumerate(items, 1)])
    assert [q["question"] for q in queries] == ["Two zones?", "Target for 2035?", "Patents?"]
    assert queries[0]["expect"] == ["The two zones are X and Y."] and queries[0]["source"] == "The two zones are X"
    assert queries[1]["unanswerable"] is True
    assert queries[2]["expect"] == ["144"]
    path = tmp_path / "from-feedback.yaml"
    path.write_text(yaml.safe_dump(queries))
    from evaluate.queries import load_yaml

    assert len(load_yaml(path)) == 3


def test_thumbs_in_the_chat_are_stored_and_exported(assistant, monkeypatch, tmp_path):
    monkeypatch.setenv("GUIDE_STORE", str(assistant.settings.store))
    monkeypatch.setenv("GUIDE_CORPUS", str(assistant.settings.corpus))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.run()
    at.chat_input[0].set_value("How many invention patents per 10,000 people?").run()
    at.feedback[0].set_value(1).run()
    assert not at.exception, at.exception
    stored = FeedbackStore(assistant.settings.store / "feedback.sqlite").all()
    assert stored[-1].helpful and "144" in stored[-1].answer
    out = tmp_path / "fb.yaml"
    result = run("evaluate.export_feedback", str(out), "--store", str(assistant.settings.store))
    assert result.returncode == 0, result.stderr
    assert any("144" in " ".join(q.get("expect", [])) for q in yaml.safe_load(out.read_text()))
