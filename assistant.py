"""One place that builds the heavy parts once and wires the stages: the app, the CLIs and the
tests all go through ``build_assistant(settings)``, so they answer the same way."""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Callable

from langchain_core.embeddings import Embeddings

from embedding import ReusingEmbeddings, load_embedder
from answer.extractive import ExtractiveAnswerer
from answer.nearest import NearestSentenceAnswerer
from ingest.chunking import CHUNKERS
from answer.question import analyse
from ingest.index import Indexer, Progress
from prompts import load_prompt
from retrieval.hybrid import RETRIEVERS, Hit, HybridRetriever
from schema import Answer, IngestReport
from settings import Settings, feedback_path
from store.catalog import Catalog, DocumentInfo
from store.feedback import FeedbackStore
from store.vectors import open_record_manager, open_vectorstore

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class BadQuestion(ValueError):
    """A question that cannot be asked as it is; the message says why."""


class BadSettings(ValueError):
    """Settings that select something that does not exist."""


def clean_question(question: str, max_chars: int) -> str:
    text = " ".join(_CONTROL.sub(" ", question or "").split())
    if not text:
        raise BadQuestion("the question is empty")
    if len(text) > max_chars:
        raise BadQuestion(f"the question is too long ({len(text):,} characters; the limit is {max_chars:,})")
    return text


BACKENDS: dict[str, Callable[[Settings, Embeddings], object]] = {
    "extractive": ExtractiveAnswerer,
    "nearest-sentence": NearestSentenceAnswerer,
}


def check_settings(settings: Settings) -> None:
    """Names that select a part must name one that exists; say which ones do."""
    for field, table in (("chunker", CHUNKERS), ("retriever", RETRIEVERS), ("backend", BACKENDS)):
        value = getattr(settings, field)
        if value not in table:
            raise BadSettings(f"unknown {field} {value!r}; choose one of: {', '.join(table)}")


@dataclass
class Assistant:
    settings: Settings
    embedder: Embeddings
    catalog: Catalog
    retriever: HybridRetriever
    indexer: Indexer
    feedback: FeedbackStore

    def __post_init__(self) -> None:
        self._answerers: dict[str, object] = {}

    def answerer(self, name: str):
        if name not in BACKENDS:
            raise BadQuestion(f"unknown backend {name!r}; choose one of: {', '.join(BACKENDS)}")
        if name not in self._answerers:
            self._answerers[name] = BACKENDS[name](self.settings, self.embedder)
        return self._answerers[name]

    def retrieve(self, question: str, k: int | None = None) -> tuple[list[Hit], list[float], dict[str, float]]:
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        vector = self.embedder.embed_query(question)
        t1 = time.perf_counter()
        hits = self.retriever.retrieve(question, vector, k)
        timings.update(embed=(t1 - t0) * 1000, retrieve=(time.perf_counter() - t1) * 1000)
        return hits, vector, timings

    def ask(self, question: str, backend: str | None = None) -> Answer:
        started = time.perf_counter()
        text = clean_question(question, self.settings.max_question_chars)
        name = backend or self.settings.backend
        answerer = self.answerer(name)
        if not self.catalog.documents():
            return Answer(load_prompt("empty_store"), True, [], name, {"total": 0.0})
        k = max(self.settings.top_k, self.settings.answer_passages)
        hits, _, timings = self.retrieve(text, k)
        t0 = time.perf_counter()
        draft = answerer.answer(analyse(text), hits[:self.settings.answer_passages],
                                self.retriever.keyword_index())
        timings["answer"] = (time.perf_counter() - t0) * 1000
        timings["total"] = (time.perf_counter() - started) * 1000
        retrieved = [h.passage() for h in hits[:self.settings.top_k]]
        return Answer(draft.text, draft.abstained, [] if draft.abstained else draft.citations, name,
                      timings, retrieved)

    def ingest(self, progress: Progress | None = None) -> IngestReport:
        """Index the corpus, then build the keyword index of the new version here, so the
        first question after an ingest does not pay for it."""
        report = self.indexer.run(progress)
        self.retriever.keyword_index()
        return report

    def documents(self) -> list[DocumentInfo]:
        return self.catalog.documents()


def build_assistant(settings: Settings, embedder: Embeddings | None = None) -> Assistant:
    """Build every heavy part once. Pass ``embedder`` to share an already loaded model."""
    check_settings(settings)
    if embedder is None:
        embedder = load_embedder(settings)
    catalog = Catalog(settings.store / "catalog.sqlite")
    reusing = ReusingEmbeddings(embedder)
    vectorstore = open_vectorstore(settings, reusing)
    retriever = RETRIEVERS[settings.retriever](settings, catalog, vectorstore)
    indexer = Indexer(settings, catalog, vectorstore, open_record_manager(settings), reusing)
    return Assistant(settings, embedder, catalog, retriever, indexer, FeedbackStore(feedback_path(settings)))
