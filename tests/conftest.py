"""Shared fixtures: the real embedding model and a real on-disk store, built once per session."""
from __future__ import annotations

import shutil
import socket
import sys
import time
from pathlib import Path
from typing import Callable

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant import Assistant, build_assistant  # noqa: E402
from embedding import load_embedder  # noqa: E402
from settings import Settings, load_settings  # noqa: E402

GUIDELINE = ROOT / "corpus" / "beijing-sci-tech-guideline-2021.txt"


@pytest.fixture(scope="session")
def embedder():
    return load_embedder(Settings())


@pytest.fixture(scope="session")
def guideline_text() -> str:
    return GUIDELINE.read_text(encoding="utf-8")


def guideline_corpus(root: Path) -> Path:
    """``root/corpus`` holding a copy of the guideline and of the name of its collection."""
    corpus = root / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    shutil.copy(GUIDELINE, corpus / GUIDELINE.name)
    shutil.copy(GUIDELINE.parent / "collection.meta.yaml", corpus / "collection.meta.yaml")
    return corpus


@pytest.fixture(scope="session")
def assistant(tmp_path_factory, embedder) -> Assistant:
    """The guideline ingested into a real Chroma store in a temporary folder."""
    root = tmp_path_factory.mktemp("guideline")
    corpus = guideline_corpus(root)
    a = build_assistant(load_settings(corpus=corpus, store=root / "store"), embedder)
    a.ingest()
    return a


@pytest.fixture
def make_assistant(tmp_path, embedder) -> Callable[..., Assistant]:
    """A fresh assistant over ``tmp_path/corpus`` (created empty), sharing the loaded model."""
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)

    def make(**overrides) -> Assistant:
        settings = load_settings(corpus=corpus, store=tmp_path / "store", **overrides)
        return build_assistant(settings, embedder)

    return make


@pytest.fixture
def ingested(make_assistant, tmp_path) -> Callable[[dict[str, str]], Assistant]:
    """An assistant over the given files ({name: text}), already ingested."""
    def make(files: dict[str, str]) -> Assistant:
        for name, text in files.items():
            (tmp_path / "corpus" / name).write_text(text, encoding="utf-8")
        assistant = make_assistant()
        assistant.ingest()
        return assistant

    return make


@pytest.fixture
def embedded_texts(monkeypatch, embedder) -> list[str]:
    """Every text the model embeds for documents from now on, in order."""
    texts: list[str] = []
    original = type(embedder).embed_documents

    def spy(self, batch):
        texts.extend(batch)
        return original(self, batch)

    monkeypatch.setattr(type(embedder), "embed_documents", spy)
    return texts


@pytest.fixture
def held_ingest(monkeypatch):
    """(entered, release): an ingest pauses inside its Chroma write until ``release`` is set."""
    import threading

    from ingest import index as index_module

    entered, release = threading.Event(), threading.Event()
    original = index_module.index

    def slow_index(*args, **kwargs):
        entered.set()
        release.wait(60)
        return original(*args, **kwargs)

    monkeypatch.setattr(index_module, "index", slow_index)
    return entered, release


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout: float = 60) -> bool:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            time.sleep(0.2)
    return False


def chroma_texts(assistant: Assistant) -> list[str]:
    """The text of every chunk Chroma holds a vector for (Chroma keeps the keys, the catalog the
    text of every version it has). A vector with no chunk in the catalog fails."""
    import sqlite3

    db = sqlite3.connect(assistant.settings.store / "catalog.sqlite")
    texts = []
    for m in assistant.retriever.vectorstore.get(include=["metadatas"])["metadatas"]:
        row = db.execute("SELECT text FROM chunks WHERE source=? AND doc_hash=? AND idx=?",
                         (m["source"], m["doc_hash"], m["idx"])).fetchone()
        assert row is not None, f"a vector in Chroma has no chunk in the catalog: {m}"
        texts.append(row[0])
    db.close()
    return texts


def shortfalls(assistant: Assistant, path: Path, floors: str, least: int, unanswerable: int) -> list[str]:
    """What a YAML query file of at least ``least`` queries (``unanswerable`` of them not
    answerable) misses of its floors ("answer=0.9,citation=0.9") when asked of an assistant."""
    from evaluate.metrics import below_thresholds, parse_thresholds
    from evaluate.queries import load_yaml
    from evaluate.runner import report, run_queries

    queries = load_yaml(path)
    assert len(queries) >= least and sum(q.unanswerable for q in queries) >= unanswerable
    metrics = report(run_queries(assistant, queries), 4)["metrics"]["overall"]
    return below_thresholds(metrics, parse_thresholds(floors))
