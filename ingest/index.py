"""Incremental, crash-safe indexing of the corpus into the catalog and Chroma.

Order of work, chosen so that a crash at any point leaves one consistent version current:
1. note the sources about to change (``pending``);
2. write the new versions' chunks (catalog rows, then Chroma through LangChain's indexing
   API and its record manager) beside the old ones, where readers do not see them yet;
3. publish: one catalog transaction makes the new versions current;
4. purge the old versions' chunks and clear ``pending``.
A crash before 3 leaves the old version answering; after it, the new one. The next run
finishes step 4 for whatever ``pending`` still names.
"""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Callable, Sequence

import numpy as np
from chromadb.errors import ChromaError
from langchain_chroma import Chroma
from langchain_classic.indexes import SQLRecordManager
from langchain_core.documents import Document
from langchain_core.indexing import index

from embedding import ReusingEmbeddings
from ingest.chunking import CHUNKERS, Chunk, embedded_sentences
from ingest.loaders import LOADERS, LoadError, LoadedDocument, LoadOptions, document_hash, load
from schema import IngestReport
from settings import Settings
from store.catalog import Catalog, page_of
from store.database import LockTaken, exclusive
from store.vectors import chunk_uid, key_of_uid

Progress = Callable[[float, str], None]
# Work done on each new document version once its chunks are stored (its tables, its summary):
# step(document, chunks, vectors, previous version's hash or None) -> what changed since, or None.
IngestStep = Callable[[LoadedDocument, list[Chunk], list[np.ndarray], "str | None"], "dict | None"]
log = logging.getLogger(__name__)


class IngestBusy(RuntimeError):
    """Another ingest holds the store; running two at once would interleave their versions."""


def corpus_files(corpus: Path, extensions: tuple[str, ...]) -> dict[str, Path]:
    """Files to ingest, keyed by their path relative to the corpus (the citation ``source``)."""
    if not corpus.is_dir():
        raise LoadError(f"corpus folder not found: {corpus}")
    root = corpus.resolve()
    files = {}
    for path in sorted(corpus.rglob("*")):
        if not path.is_file() or path.name.startswith(".") or path.suffix.lower() not in extensions:
            continue
        if not path.resolve().is_relative_to(root):
            continue
        files[path.relative_to(corpus).as_posix()] = path
    return files


def chunk_documents(doc: LoadedDocument, chunks: list[Chunk]) -> list[Document]:
    dated = {"date": doc.date} if doc.date else {}
    out = []
    for c in chunks:
        page = page_of(doc, c.start)
        out.append(Document(page_content=c.text, metadata={
            "source": doc.source, "doc_hash": doc.content_hash, "idx": c.index, "start": c.start, "end": c.end,
            "title": doc.title, "heading": c.heading, "section": c.section, **dated,
            **({"page": page} if page else {})}))
    return out


class Indexer:
    def __init__(self, settings: Settings, catalog: Catalog, vectorstore: Chroma,
                 record_manager: SQLRecordManager, embedder: ReusingEmbeddings,
                 steps: Sequence[IngestStep] = ()) -> None:
        self.settings = settings
        self.steps = steps
        self.embedder = embedder
        self.catalog = catalog
        self.vectorstore = vectorstore
        self.record_manager = record_manager
        self._lock_file = Path(settings.store) / "ingest.lock"
        self._options = LoadOptions(settings.pdf_reader, settings.ocr, settings.ocr_language)

    def run(self, progress: Progress | None = None) -> IngestReport:
        try:
            with exclusive(self.catalog.engine, f"ingest:{self.settings.collection}", self._lock_file):
                return self._run(progress or (lambda fraction, message: None))
        except LockTaken:
            raise IngestBusy("another ingest is running on this store; try again when it has finished") from None

    def _run(self, progress: Progress) -> IngestReport:
        self._repair_vectors()
        self._purge(self.catalog.pending())
        report = IngestReport()
        current = {d.source: d for d in self.catalog.documents()}
        files = corpus_files(Path(self.settings.corpus), tuple(e for e in self.settings.extensions if e in LOADERS))

        changed: list[LoadedDocument] = []
        for source, path in files.items():
            try:
                data_hash = (document_hash(path, path.read_bytes())
                             if path.stat().st_size <= self.settings.max_file_bytes else "")
            except OSError as exc:
                report.failed[source] = f"unreadable: {exc.strerror or exc}"
                continue
            if source in current and current[source].doc_hash == data_hash and current[source].publisher is not None:
                report.skipped.append(source)
                continue
            try:
                doc = load(path, source, self.settings.max_file_bytes, self._options)
                changed.append(doc)
                if doc.notes:
                    report.notes[source] = list(doc.notes)
            except LoadError as exc:
                report.failed[source] = str(exc)
        removed = [s for s in current if s not in files]
        if not changed and not removed:
            return self._finish(report)

        self.catalog.set_pending([d.source for d in changed] + removed)
        published = []
        chunker = CHUNKERS[self.settings.chunker]
        group: list[tuple[LoadedDocument, list[Chunk]]] = []
        for i, doc in enumerate(changed):
            progress(i / max(len(changed), 1), f"Indexing {doc.source}")
            group.append((doc, chunker(doc.text, self.settings, doc.pages)))
            sentences = sum(len(c.sentences) for _, chunks in group for c in chunks)
            if i < len(changed) - 1 and sentences < self.settings.embed_group_sentences:
                continue
            for (doc_, chunks), vectors in zip(group, self._embed(group)):
                self.catalog.add_chunks(doc_, chunks, vectors)
                previous = current[doc_.source].doc_hash if doc_.source in current else None
                for step in self.steps:
                    changes = step(doc_, chunks, vectors, previous)
                    if changes is not None:
                        report.changes[doc_.source] = changes
                self.embedder.remember([c.text for c in chunks], [m[0].tolist() for m in vectors])
                try:
                    index(chunk_documents(doc_, chunks), self.record_manager, self.vectorstore, cleanup=None,
                          source_id_key="source", key_encoder=chunk_uid, batch_size=self.settings.index_batch_size)
                finally:
                    self.embedder.forget()
                published.append((doc_, len(chunks)))
                (report.updated if doc_.source in current else report.added).append(doc_.source)
            group = []
        progress(1.0, "Publishing the new version")
        self.catalog.publish(published, removed)
        report.deleted.extend(removed)
        # A source new to this run has nothing older to purge: a crashed run's leftovers of it
        # were purged at the start, from the pending list.
        self._purge([d.source for d in changed if d.source in current] + removed)
        return self._finish(report)

    def _embed(self, group: list[tuple[LoadedDocument, list[Chunk]]]) -> list[list[np.ndarray]]:
        """Per document, one matrix per chunk: the chunk's vector, then its sentences'.

        The sentences of several documents are embedded in one pass (length-sorted batches with
        little padding). Only sentences are embedded: the chunk's vector is their normalised mean
        (as good for retrieval here, and half the work), unless ``chunk_vector`` asks for the
        chunk to be embedded whole, as the naive baseline does."""
        whole = self.settings.chunk_vector == "embed"
        texts = [t for doc, chunks in group for c in chunks
                 for t in ([c.text] if whole else []) + embedded_sentences(doc.text, c)]
        vectors = self._vectors(texts)
        out, pos = [], 0
        for _, chunks in group:
            matrices = []
            for c in chunks:
                n = len(c.sentences) + int(whole)
                block = vectors[pos:pos + n]
                pos += n
                if not whole:
                    mean = block.mean(axis=0)
                    block = np.vstack([mean / (np.linalg.norm(mean) or 1.0), block])
                matrices.append(block)
            out.append(matrices)
        return out

    def _vectors(self, texts: list[str]) -> np.ndarray:
        """Embeddings of ``texts``, each distinct text embedded once ever: a changed document
        re-embeds only its new sentences."""
        model = self.settings.embedding_model or "default"
        keys = [hashlib.sha256(f"{model}\x00{t}".encode()).hexdigest() for t in texts]
        known = self.catalog.cached_vectors(list(dict.fromkeys(keys)))
        missing = list(dict.fromkeys((k, t) for k, t in zip(keys, texts) if k not in known))
        if missing:
            fresh = self.embedder.inner.embed_documents([t for _, t in missing])
            new = {k: np.asarray(v, dtype=np.float32) for (k, _), v in zip(missing, fresh)}
            self.catalog.cache_vectors(new)
            known.update(new)
        return np.stack([known[k] for k in keys])

    def _repair_vectors(self) -> None:
        """A kill -9 can leave Chroma's vector index unreadable. The catalog holds every current
        chunk's text and vector, so the collection is rebuilt from it, embedding nothing. A store
        made before ids carried chunk keys is rebuilt the same way, once."""
        collection = self.vectorstore._collection
        try:
            if not collection.count():
                return
            collection.query(query_embeddings=[self.embedder.embed_query("probe")], n_results=1)
            older = key_of_uid(collection.get(limit=1, include=[])["ids"][0]) is None
            if not older or self.settings.chroma_host:
                return
            log.info("rebuilding the vector index from the catalog with ids that carry chunk keys")
        except ChromaError as exc:
            if self.settings.chroma_host:
                raise
            log.warning("rebuilding the vector index from the catalog: %s", exc)
        self.vectorstore.reset_collection()
        self.record_manager.delete_keys(self.record_manager.list_keys())
        for info in self.catalog.documents():
            rows = self.catalog.version_chunks(info.source, info.doc_hash)
            docs = [Document(page_content=r.text, metadata={
                "source": r.source, "doc_hash": r.doc_hash, "idx": r.idx, "start": r.start, "end": r.end,
                "title": r.title, "heading": r.heading, "section": r.section,
                **({"date": info.date} if info.date else {}), **({"page": r.page} if r.page else {})})
                for r in rows]
            self.embedder.remember([r.text for r in rows], [r.vectors[0].tolist() for r in rows])
            try:
                index(docs, self.record_manager, self.vectorstore, cleanup=None, source_id_key="source",
                      key_encoder=chunk_uid, batch_size=self.settings.index_batch_size)
            finally:
                self.embedder.forget()

    def _finish(self, report: IngestReport) -> IngestReport:
        docs = self.catalog.documents()
        return IngestReport(report.added, report.updated, report.deleted, report.skipped, report.failed,
                            documents=len(docs), chunks=sum(d.chunks for d in docs), changes=report.changes,
                            notes=report.notes, chunk_chars=self.catalog.chunk_size_percentiles())

    def _purge(self, sources: list[str]) -> None:
        """Delete every chunk of these sources that is not of their current version (Chroma is
        asked about many sources at once: one scan per hundred sources, not one per source)."""
        current = {d.source: d.doc_hash for d in self.catalog.documents()}
        for i in range(0, len(sources), 100):
            part = sources[i:i + 100]
            found = self.vectorstore.get(where={"source": {"$in": part}}, include=["metadatas"])
            stale = [key for key, m in zip(found["ids"], found["metadatas"])
                     if m.get("doc_hash") != current.get(m.get("source"))]
            if stale:
                self.vectorstore.delete(ids=stale)
                self.record_manager.delete_keys(stale)
            for source in part:
                self.catalog.drop_versions(source, self.catalog.stale_versions(source))
        self.catalog.set_pending([])
