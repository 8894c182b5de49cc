"""kill -9 of a real `python -m ingest` at several moments, and two ingests at once."""
import os
import signal
import subprocess
import sys
import time

import pytest

from assistant import build_assistant
from bench.corpora import write_synthetic
from settings import load_settings
from tests.conftest import GUIDELINE, ROOT, chroma_texts




def start_ingest(corpus, store):
    return subprocess.Popen([sys.executable, "-m", "ingest", "--corpus", str(corpus), "--store", str(store), "--json"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})


def assert_consistent(store, embedder):
    """Every current version is complete in the catalog and in Chroma, and questions get answers."""
    assistant = build_assistant(load_settings(store=store), embedder)
    stored = assistant.retriever.vectorstore.get(include=["metadatas"])["metadatas"]
    for doc in assistant.documents():
        in_chroma = sum(1 for m in stored if m["source"] == doc.source and m["doc_hash"] == doc.doc_hash)
        assert in_chroma == doc.chunks, doc.source
    if assistant.documents():
        assistant.ask("When did the Normans conquer England?")
    return assistant


def test_kill_9_at_any_moment_leaves_one_consistent_version_and_the_next_run_repairs(tmp_path, embedder):
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    write_synthetic(corpus, 300, per_doc=30)
    (corpus / GUIDELINE.name).write_text(GUIDELINE.read_text(encoding="utf-8"), encoding="utf-8")
    for delay in (2.0, 4.0, 6.0, 8.0):
        process = start_ingest(corpus, store)
        time.sleep(delay)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait(60)
        assert_consistent(store, embedder)
        for path in sorted(corpus.glob("synthetic-*.txt"))[:2]:
            path.write_text(path.read_text() + f"\n\nEdited after a kill at {delay} seconds.\n")
    finished = start_ingest(corpus, store)
    out, err = finished.communicate(timeout=600)
    assert finished.returncode == 0, err
    assistant = assert_consistent(store, embedder)
    assert sorted(d.source for d in assistant.documents()) == sorted(p.name for p in corpus.iterdir())
    stored = assistant.retriever.vectorstore.get()["ids"]
    assert len(stored) == len(set(stored)) == assistant.catalog.count_chunks(), "no duplicate or stale chunks"
    assert "Edited after a kill at 8.0 seconds." in " ".join(chroma_texts(assistant))


def test_a_second_ingest_process_is_refused_while_one_runs(tmp_path):
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    write_synthetic(corpus, 600, per_doc=30)
    first = start_ingest(corpus, store)
    try:
        deadline = time.time() + 60
        while time.time() < deadline and not (store / "catalog.sqlite").exists():
            time.sleep(0.2)
        time.sleep(1.0)
        second = subprocess.run([sys.executable, "-m", "ingest", "--corpus", str(corpus), "--store", str(store)],
                                cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert first.poll() is None, "the first ingest finished too soon for this test"
        assert second.returncode == 2
        assert "another ingest is running" in second.stderr
    finally:
        first.communicate(timeout=600)
    assert first.returncode == 0


def test_a_damaged_vector_index_still_answers_and_the_next_ingest_rebuilds_it(tmp_path, embedder, monkeypatch):
    """What a kill -9 during a Chroma write has left here: its records readable, its vector index
    not ("Error creating hnsw segment reader: Nothing found on disk")."""
    from chromadb.errors import InternalError
    from langchain_chroma import Chroma

    corpus, store = tmp_path / "corpus", tmp_path / "store"
    corpus.mkdir()
    (corpus / GUIDELINE.name).write_text(GUIDELINE.read_text(encoding="utf-8"), encoding="utf-8")
    assistant = build_assistant(load_settings(corpus=corpus, store=store), embedder)
    assistant.ingest()
    collection_type = type(assistant.retriever.vectorstore._collection)
    damaged = {"yes": True}
    real_query, real_reset = collection_type.query, Chroma.reset_collection

    def query(self, *args, **kwargs):
        if damaged["yes"]:
            raise InternalError("Error creating hnsw segment reader: Nothing found on disk")
        return real_query(self, *args, **kwargs)

    def reset(self):
        damaged["yes"] = False
        return real_reset(self)

    monkeypatch.setattr(collection_type, "query", query)
    monkeypatch.setattr(Chroma, "reset_collection", reset)
    assert assistant.retriever.dense(embedder.embed_query("two zones"), 4) == []
    assert "144" in assistant.ask("How many invention patents per 10,000 people?").text

    monkeypatch.setattr(type(embedder), "embed_documents", lambda self, texts: pytest.fail("re-embedded"))
    assert assistant.ingest().skipped == [GUIDELINE.name]
    assert not damaged["yes"], "the ingest rebuilt the collection"
    assert len(assistant.retriever.dense(embedder.embed_query("two zones"), 4)) == 4
    assert_consistent(store, embedder)
