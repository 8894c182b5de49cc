"""One place that builds the heavy parts once and wires the stages: the app, the CLIs and the
tests all go through ``build_assistant(settings)``, so they answer the same way."""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Generator, Iterator

import yaml
from langchain_core.embeddings import Embeddings

from embedding import ReusingEmbeddings, load_embedder
from answer import followup
from answer.compare import compare
from answer.extractive import Draft, ExtractiveAnswerer
from answer.generative import GenerativeAnswerer
from answer.llm import BackendUnavailable
from answer.mentions import MentionsAnswerer
from answer.metadata import MetadataAnswerer, asked_field
from answer.nearest import NearestSentenceAnswerer
from answer.summary import SummaryAnswerer
from answer.summary import ingest_step as summary_step
from ingest.chunking import CHUNKERS
from glance.answer import TableAnswerer
from glance.versions import ingest_step as glance_step
from ingest.index import Indexer, Progress
from prompts import load_prompt
from retrieval.hybrid import RETRIEVERS, Hit, HybridRetriever, fuse_hits
from retrieval.text import terms
from schema import Answer, IngestReport
from settings import Settings, feedback_path
from store.catalog import Catalog, DocumentInfo
from store.database import database_url
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
    "llamacpp": GenerativeAnswerer.factory("llamacpp"),
    "openai": GenerativeAnswerer.factory("openai"),
    "ollama": GenerativeAnswerer.factory("ollama"),
    "nearest-sentence": NearestSentenceAnswerer,
}
FALLBACK_BACKEND = "extractive"


class AnswerStream:
    """The answer's text as it is written, then (``.answer``) the final, verified answer."""

    def __init__(self, steps: Generator[str, None, Answer]) -> None:
        self._steps = steps
        self.answer: Answer | None = None

    def __iter__(self) -> Iterator[str]:
        self.answer = yield from self._steps

    def finish(self) -> Answer:
        """The final answer, with nothing shown on the way."""
        for _ in self:
            pass
        return self.answer


def _words(text: str) -> Iterator[str]:
    yield from re.findall(r"\S+\s*", text)


def _known_backend(name: str) -> str:
    if name not in BACKENDS:
        raise BadQuestion(f"unknown backend {name!r}; choose one of: {', '.join(BACKENDS)}")
    return name


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
    tables: TableAnswerer
    metadata: MetadataAnswerer
    mentions: MentionsAnswerer
    summaries: SummaryAnswerer

    def __post_init__(self) -> None:
        self._answerers: dict[str, object] = {}

    def answerer(self, name: str):
        if _known_backend(name) not in self._answerers:
            self._answerers[name] = BACKENDS[name](self.settings, self.embedder)
        return self._answerers[name]

    def retrieve(self, question: str, k: int | None = None, sources: set[str] | None = None,
                 account: bool = False) -> tuple[list[Hit], list[float], dict[str, float]]:
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        vector = self.embedder.embed_query(question)
        t1 = time.perf_counter()
        hits = self.retriever.retrieve(question, vector, k, sources, account)
        timings.update(embed=(t1 - t0) * 1000, retrieve=(time.perf_counter() - t1) * 1000)
        return hits, vector, timings

    def ask(self, question: str, backend: str | None = None, history: list[str] | None = None,
            documents: list[str] | None = None) -> Answer:
        return self.stream(question, backend, history, documents).finish()

    def stream(self, question: str, backend: str | None = None, history: list[str] | None = None,
               documents: list[str] | None = None) -> AnswerStream:
        """Check the question now (a bad one raises here, before anything is shown), then
        answer it, from ``documents`` only when given, as a stream of text."""
        text = clean_question(question, self.settings.max_question_chars)
        name = _known_backend(backend or self.settings.backend)
        sources = self.sources(documents) if documents else None
        return AnswerStream(self._answer(text, name, list(history or []), sources))

    def sources(self, names: list[str]) -> set[str]:
        """The documents that names pick: a source path, its file name or stem, or words of a
        title; a name that picks none is an error that lists the documents there are."""
        docs = self.documents()
        picked: set[str] = set()
        for name in names:
            wanted = name.strip().lower()
            found = {d.source for d in docs if wanted in (d.source.lower(), d.source.rsplit("/", 1)[-1].lower(),
                                                          d.source.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower())}
            found = found or {d.source for d in docs if wanted and wanted in (d.title or "").lower()}
            if not found:
                raise BadQuestion(f"no document matches {name!r}; the documents are: "
                                  + ", ".join(d.source for d in docs))
            picked |= found
        return picked

    def collection_name(self) -> str:
        """What the collection is called in the app and in refusals: the ``collection_name``
        setting, else ``name`` in the corpus's ``collection.meta.yaml``, else the one document's
        title, else "the N documents"."""
        if self.settings.collection_name:
            return self.settings.collection_name
        meta = Path(self.settings.corpus) / "collection.meta.yaml"
        if meta.is_file():
            try:
                name = (yaml.safe_load(meta.read_text(encoding="utf-8")) or {}).get("name")
            except (yaml.YAMLError, OSError, AttributeError):
                name = None
            if name:
                return str(name)
        docs = self.documents()
        if len(docs) == 1:
            return f"“{docs[0].title or docs[0].source}”"
        return f"the {len(docs)} documents" if docs else "the documents"

    def refusal(self) -> str:
        return load_prompt("refusal").format(collection=self.collection_name())

    def standalone(self, question: str, history: list[str], answerer: object) -> followup.Resolved:
        """The question as the conversation so far makes it, when it is a follow-up."""
        mode = self.settings.condense
        if mode == "off" or not history or not followup.is_follow_up(question):
            return followup.resolve(question, [])
        if mode == "auto" and isinstance(answerer, GenerativeAnswerer):
            try:
                candidate = answerer.complete(followup.condense_prompt(question, history)).strip()
            except Exception:
                candidate = ""
            if followup.accept_rewrite(candidate, question, history, self.settings.max_question_chars):
                return followup.condensed(candidate)
        return followup.resolve(question, history)

    def _answered(self, text: str, name: str, history: list[str], sources: set[str] | None) -> Answer:
        """One question answered to the end (a side of a comparison)."""
        return AnswerStream(self._answer(text, name, history, sources)).finish()

    def _answer(self, text: str, name: str, history: list[str], sources: set[str] | None = None
                ) -> Generator[str, None, Answer]:
        started = time.perf_counter()
        notice = ""
        try:
            answerer = self.answerer(name)
        except BackendUnavailable as exc:
            notice = f"The {name} backend is unavailable ({exc}); answered with {FALLBACK_BACKEND}."
            name, answerer = FALLBACK_BACKEND, self.answerer(FALLBACK_BACKEND)
        self.catalog.generation(fresh=True)
        if not self.catalog.has_documents():
            message = load_prompt("empty_store")
            yield message
            return Answer(message, True, [], name, {"total": 0.0}, question=text, notice=notice)
        resolved = self.standalone(text, history, answerer)
        asked = resolved.shaped
        shaped, s = self.settings.shaped_answers, self.settings
        shapes = (("comparison", shaped, lambda: compare(asked, lambda q, h: self._answered(q, name, h, sources))),
                  ("mentions", shaped, lambda: self.mentions.answer(asked, self.retriever.keyword_index(), sources)),
                  ("summary", shaped, lambda: self.summaries.answer(asked, self.retriever.keyword_index(), sources)),
                  ("tables", s.table_answers, lambda: self.tables.answer(asked, sources)))
        for shape, enabled, answer in shapes:
            listed = answer() if enabled else None
            if listed is None:
                continue
            listed = replace(listed, text=self.refusal()) if listed.abstained else listed
            yield from _words(listed.text)
            return Answer(listed.text, listed.abstained, listed.citations, shape,
                          {"total": (time.perf_counter() - started) * 1000}, list(listed.citations), question=text,
                          rewritten=resolved.understood, notice=notice, reason=listed.reason)
        k = max(self.settings.top_k, self.settings.answer_passages, self.settings.compare_passages)
        resolved, sources = self._within_referenced(resolved, sources)
        account = resolved.question.explains
        hits, _, timings = self.retrieve(resolved.query, k, sources, account)
        for query in resolved.also:
            hits = fuse_hits([hits, self.retrieve(query, k, sources, account)[0]], k)
        t0 = time.perf_counter()
        passages, keyword = hits[:self.settings.answer_passages], self.retriever.keyword_index()
        question = resolved.question
        streamed = ""
        if isinstance(answerer, GenerativeAnswerer):
            try:
                draft = yield from answerer.stream(question, passages, keyword, timings)
                streamed = "" if draft.abstained else draft.text
            except Exception as exc:
                notice = f"The {name} backend failed ({type(exc).__name__}: {exc}); answered with {FALLBACK_BACKEND}."
                name, answerer = FALLBACK_BACKEND, self.answerer(FALLBACK_BACKEND)
        if not isinstance(answerer, GenerativeAnswerer):
            draft: Draft = answerer.answer(question, hits, keyword)
            timings.setdefault("first_token", (time.perf_counter() - t0) * 1000)
            # A question about a document itself waits for its metadata: the text's sentence may
            # give way to the header line, or to a refusal when the document carries no date.
            if not draft.abstained and not asked_field(question.text):
                streamed = draft.text
                yield from _words(streamed)
        about = self.metadata.answer(question, draft, hits, keyword, sources)
        if about is not None:
            draft = about
        if not draft.abstained and draft.text != streamed:
            yield from _words(draft.text[len(streamed):] if draft.text.startswith(streamed) else draft.text)
        if draft.abstained:
            draft = replace(draft, text=self.refusal())
            yield from _words(draft.text)
        timings["answer"] = (time.perf_counter() - t0) * 1000
        timings["total"] = (time.perf_counter() - started) * 1000
        retrieved = [h.passage() for h in hits[:self.settings.top_k]]
        return Answer(draft.text, draft.abstained, [] if draft.abstained else draft.citations, name,
                      timings, retrieved, question=text, rewritten=resolved.understood,
                      notice=" ".join(filter(None, [notice, draft.notice])), verification=draft.verification,
                      reason=draft.reason)

    def _within_referenced(self, resolved: followup.Resolved, sources: set[str] | None
                           ) -> tuple[followup.Resolved, set[str] | None]:
        """A question that points at a document ("according to the 2026 People's Daily report,
        how many…") is searched in that document for what it asks, without the pointer's words."""
        keyword = self.retriever.keyword_index()
        scope = keyword.referenced(resolved.query)
        if not scope:
            return resolved, sources
        plain = keyword.unreferenced(resolved.query)
        kept = set(terms(plain))
        asked = resolved.question
        # The checks read the question without the pointer too: "of July 2018" dates the report,
        # and asks no month of what the question wants from it.
        question = replace(asked, text=plain, terms=tuple(t for t in asked.terms if t in kept),
                           names=tuple(t for t in asked.names if t in kept), years=asked.years & kept,
                           numbers=asked.numbers & kept,
                           phrases=tuple(p for p in asked.phrases if set(terms(p)) <= kept))
        return replace(resolved, query=plain, question=question), ((scope & sources) or sources) if sources else scope

    def ingest(self, progress: Progress | None = None) -> IngestReport:
        """Index the corpus, then build the keyword index of the new version and the extractive
        answerer (which gates every backend) here, so the first question after an ingest does
        not pay for them."""
        report = self.indexer.run(progress)
        self.retriever.keyword_index()
        self.answerer(FALLBACK_BACKEND)
        return report

    def documents(self) -> list[DocumentInfo]:
        return self.catalog.documents()


def build_assistant(settings: Settings, embedder: Embeddings | None = None) -> Assistant:
    """Build every heavy part once. Pass ``embedder`` to share an already loaded model."""
    check_settings(settings)
    if embedder is None:
        embedder = load_embedder(settings)
    catalog = Catalog(database_url(settings, "catalog.sqlite"))
    reusing = ReusingEmbeddings(embedder)
    vectorstore = open_vectorstore(settings, reusing)
    retriever = RETRIEVERS[settings.retriever](settings, catalog, vectorstore)
    indexer = Indexer(settings, catalog, vectorstore, open_record_manager(settings), reusing,
                      steps=(glance_step(catalog), summary_step(catalog)))
    return Assistant(settings, embedder, catalog, retriever, indexer, FeedbackStore(feedback_path(settings)),
                     TableAnswerer(catalog), MetadataAnswerer(catalog), MentionsAnswerer(), SummaryAnswerer(catalog))
