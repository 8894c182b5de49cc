"""The command-line contract, run as a user runs it: real processes, real store."""
import json
import os
import subprocess
import sys

import pytest

from tests.conftest import GUIDELINE, ROOT, guideline_corpus


def run(*args, env=None, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli")
    corpus = guideline_corpus(root)
    first = run("ingest", "--corpus", str(corpus), "--store", str(root / "store"), "--json")
    return root, first


def test_ingest_prints_the_report_as_json(ingested):
    root, first = ingested
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert {k: report[k] for k in ("added", "updated", "deleted", "skipped", "documents")} == \
        {"added": 1, "updated": 0, "deleted": 0, "skipped": 0, "documents": 1}
    assert report["chunks"] > 10


def test_second_ingest_skips_and_env_vars_set_the_folders(ingested):
    root, _ = ingested
    again = run("ingest", "--json", env={"GUIDE_CORPUS": str(root / "corpus"), "GUIDE_STORE": str(root / "store")})
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["skipped"] == 1


def test_answer_json_follows_the_contract(ingested):
    root, _ = ingested
    result = run("answer", "How many invention patents per 10,000 people?", "--store", str(root / "store"), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"answer", "abstained", "citations", "backend", "timings_ms"}
    assert "144" in data["answer"] and data["abstained"] is False and data["backend"] == "extractive"
    source = GUIDELINE.read_text(encoding="utf-8")
    for c in data["citations"]:
        assert {"n", "source", "text", "start", "end", "score"} <= set(c)
        assert source[c["start"]:c["end"]] == c["text"]


@pytest.mark.parametrize("args,message", [
    (("answer", ""), "empty"),
    (("answer", "x" * 100_000), "too long"),
    (("answer", "what?", "--backend", "nope"), "unknown backend"),
    (("ingest", "--corpus", "/no/such/folder"), "corpus folder not found"),
    (("evaluate", "/no/such/file.yaml"), "not found"),
])
def test_bad_input_exits_2_with_one_line_and_no_traceback(tmp_path, args, message):
    result = run(*args, env={"GUIDE_STORE": str(tmp_path / "store")})
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_evaluate_writes_metrics_and_items(ingested, tmp_path):
    root, _ = ingested
    queries = tmp_path / "q.yaml"
    queries.write_text(
        "- {id: p, question: 'How many invention patents per 10,000 people?', expect: ['144'], source: '144 invention'}\n"
        "- {id: u, question: 'Population of Shanghai?', unanswerable: true}\n")
    out = tmp_path / "report.json"
    result = run("evaluate", str(queries), "--store", str(root / "store"), "--json", str(out))
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text())
    assert data["metrics"]["overall"]["answer_accuracy"] == 1.0
    item = data["items"][0]
    assert {"id", "question", "answer", "abstained", "citations", "backend", "timings_ms", "retrieved"} <= set(item)
    assert "overall" in result.stdout


def test_evaluate_rejects_a_malformed_query_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("just: a mapping\n")
    result = run("evaluate", str(bad), env={"GUIDE_STORE": str(tmp_path / "store")})
    assert result.returncode == 2 and "YAML list" in result.stderr
