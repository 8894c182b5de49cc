"""The catalog: which version of each document is current, and the text of every chunk.

It is the one place that decides what readers see. Chunks of a new version are written
before that version becomes current, and the switch is one transaction, so a reader (or a
crash) sees either the old version or the new one, never a mix. ``pending`` records the
sources an unfinished ingest was touching, so the next one knows what to clean. It lives in
SQLite on a laptop and in PostgreSQL for a team (``store/database.py``).
"""
from __future__ import annotations

import bisect
import json
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Iterable, Iterator

import numpy as np
from sqlalchemy import Column, Index, Integer, LargeBinary, MetaData, PrimaryKeyConstraint, Table, Text, text

from ingest.chunking import Chunk
from ingest.loaders import LoadedDocument
from store.database import create_schema, open_engine, reachable, reader

_METADATA = MetaData()
Table("documents", _METADATA, Column("source", Text, primary_key=True), Column("doc_hash", Text, nullable=False),
      Column("title", Text), Column("date", Text), Column("chunks", Integer, nullable=False),
      Column("chars", Integer, nullable=False), Column("ingested_at", Text, nullable=False),
      Column("publisher", Text), Column("meta_start", Integer), Column("meta_end", Integer))
Table("chunks", _METADATA, Column("source", Text, nullable=False), Column("doc_hash", Text, nullable=False),
      Column("idx", Integer, nullable=False), Column("start", Integer, nullable=False),
      Column("end", Integer, nullable=False), Column("heading", Integer, nullable=False), Column("section", Text),
      Column("text", Text, nullable=False), Column("sentences", Text, nullable=False),
      Column("vectors", LargeBinary), Column("page", Integer),
      PrimaryKeyConstraint("doc_hash", "idx", "source"), Index("chunks_source", "source"))
Table("state", _METADATA, Column("key", Text, primary_key=True), Column("value", Text, nullable=False))
Table("vector_cache", _METADATA, Column("key", Text, primary_key=True), Column("vector", LargeBinary, nullable=False))
Table("derived", _METADATA, Column("kind", Text), Column("source", Text), Column("doc_hash", Text),
      Column("data", Text, nullable=False), PrimaryKeyConstraint("kind", "source", "doc_hash"))
Table("glance", _METADATA, Column("source", Text), Column("doc_hash", Text), Column("extracted_at", Text, nullable=False),
      Column("data", Text, nullable=False), PrimaryKeyConstraint("source", "doc_hash"))
# Columns added by later releases: a store made before gets them on opening.
_ADDED = {"chunks": (("page", "INTEGER"),),
          "documents": (("publisher", "TEXT"), ("meta_start", "INTEGER"), ("meta_end", "INTEGER"))}


Key = tuple[str, str, int]
"""A chunk's identity: (source, doc_hash, idx)."""


@dataclass(frozen=True)
class DocumentInfo:
    source: str
    doc_hash: str
    title: str
    date: str | None
    chunks: int
    chars: int
    ingested_at: str
    publisher: str | None = ""  # None: read by an older release, which kept no publisher
    meta_start: int | None = None
    meta_end: int | None = None


@dataclass(frozen=True)
class ChunkRow:
    source: str
    doc_hash: str
    idx: int
    start: int
    end: int
    heading: bool
    section: str
    text: str
    sentences: tuple[tuple[int, int], ...]
    title: str
    vectors: np.ndarray | None = field(default=None, compare=False, repr=False)
    page: int | None = None
    date: str | None = None
    publisher: str = ""

    @property
    def key(self) -> str:
        return f"{self.doc_hash}:{self.idx}"

    def sentence_texts(self) -> list[str]:
        """The passage's sentences, as its spans cut them."""
        return [self.text[a - self.start:b - self.start] for a, b in self.sentences]


def page_of(doc: LoadedDocument, offset: int) -> int | None:
    """The 1-based page an offset falls on, for documents that have pages."""
    return bisect.bisect_right(doc.pages, offset) + 1 if doc.pages else None


GENERATION_FRESH_S = 0.2


class Catalog:
    def __init__(self, url: str) -> None:
        self.url = url
        self._generation: tuple[float, int] = (float("-inf"), 0)  # (when read, value)
        self._has_documents: tuple[int, bool] | None = None  # (generation, answer)
        self.engine = open_engine(url)
        self._reader = reader(self.engine)
        create_schema(self.engine, url, _METADATA, _ADDED)

    def _read(self, sql: str, params: dict | None = None) -> list:
        with reachable(self.url), self._reader.connect() as db:
            return list(db.execute(text(sql), params or {}))

    @contextmanager
    def _tx(self) -> Iterator:
        with reachable(self.url), self.engine.begin() as db:
            yield db

    def _run(self, db, sql: str, params: dict | list[dict]) -> None:
        if isinstance(params, list) and not params:
            return
        db.execute(text(sql), params)

    # ---- reading -------------------------------------------------------------------
    def generation(self, fresh: bool = False) -> int:
        """The published version's number. A question reads it ``fresh`` once, at its start, so
        it sees another process's ingest; its stages then reuse that read for up to
        ``GENERATION_FRESH_S`` instead of asking the database again each (this process's own
        publish updates it at once)."""
        read_at, value = self._generation
        now = time.monotonic()
        if fresh or now - read_at > GENERATION_FRESH_S:
            rows = self._read("SELECT value FROM state WHERE key='generation'")
            value = int(rows[0][0]) if rows else 0
            self._generation = (now, value)
        return value

    def documents(self) -> list[DocumentInfo]:
        rows = self._read(
            "SELECT source, doc_hash, title, date, chunks, chars, ingested_at, publisher, meta_start, "
            "meta_end FROM documents ORDER BY source")
        return [DocumentInfo(*row) for row in rows]

    def has_documents(self) -> bool:
        generation = self.generation()
        if self._has_documents is None or self._has_documents[0] != generation:
            self._has_documents = (generation, bool(self._read("SELECT 1 FROM documents LIMIT 1")))
        return self._has_documents[1]

    def active_chunks(self) -> Iterator[ChunkRow]:
        """Current chunks in a stable order, for building the keyword index."""
        yield from self._rows("JOIN documents d USING (source, doc_hash) ORDER BY c.source, c.idx")

    def version_chunks(self, source: str, doc_hash: str) -> list[ChunkRow]:
        """The chunks of one current version, with their vectors, in order."""
        return list(self._rows("JOIN documents d USING (source, doc_hash) WHERE c.source=:s AND c.doc_hash=:h "
                               "ORDER BY c.idx", {"s": source, "h": doc_hash}, vectors=True))

    def chunk_at(self, source: str, offset: int) -> ChunkRow | None:
        """The current chunk holding a character of a document (to show a sentence in context)."""
        return next(self._rows('JOIN documents d USING (source, doc_hash) WHERE c.source=:s AND c.start<=:o '
                               'AND c."end">:o AND c.heading=0 ORDER BY c.start DESC LIMIT 1',
                               {"s": source, "o": offset}), None)

    def chunk_containing(self, source: str, offset: int) -> ChunkRow | None:
        """The current chunk (a heading chunk too) that holds a character of a document, else
        its first chunk."""
        rows = list(self._rows('JOIN documents d USING (source, doc_hash) WHERE c.source=:s '
                               'ORDER BY CASE WHEN c.start<=:o AND c."end">:o THEN 0 ELSE 1 END, c.idx LIMIT 1',
                               {"s": source, "o": offset}))
        return rows[0] if rows else None

    def get_chunks(self, keys: Iterable[Key]) -> dict[Key, ChunkRow]:
        """Rows for (source, doc_hash, idx) keys, with their vectors, only if that version is
        still current."""
        keys = list(keys)
        if not keys:
            return {}
        found: dict[Key, ChunkRow] = {}
        for i in range(0, len(keys), 300):
            part = keys[i:i + 300]
            clause = " OR ".join(f"(c.source=:s{n} AND c.doc_hash=:h{n} AND c.idx=:i{n})" for n in range(len(part)))
            params = {f"{name}{n}": value for n, key in enumerate(part) for name, value in zip("shi", key)}
            for row in self._rows(f"JOIN documents d USING (source, doc_hash) WHERE {clause}", params,
                                  vectors=True):
                found[(row.source, row.doc_hash, row.idx)] = row
        return found

    def _rows(self, tail: str, params: dict | None = None, vectors: bool = False) -> Iterator[ChunkRow]:
        sql = ('SELECT c.source, c.doc_hash, c.idx, c.start, c."end", c.heading, c.section, c.text, '
               f"c.sentences, d.title, c.page, d.date, d.publisher{', c.vectors' if vectors else ''} FROM chunks c {tail}")
        for r in self._read(sql, params):
            sentences = tuple(tuple(s) for s in json.loads(r[8]))
            matrix = None
            if vectors and r[13] is not None:
                matrix = np.frombuffer(r[13], dtype=np.float16).reshape(len(sentences) + 1, -1).astype(np.float32)
            yield ChunkRow(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6] or "", r[7], sentences, r[9] or "",
                           matrix, r[10], r[11], r[12] or "")

    def pending(self) -> list[str]:
        rows = self._read("SELECT value FROM state WHERE key='pending'")
        return json.loads(rows[0][0]) if rows else []

    def stale_versions(self, source: str) -> list[str]:
        """Versions of ``source`` that have chunks but are not current."""
        rows = self._read("SELECT DISTINCT doc_hash FROM chunks WHERE source=:s AND doc_hash NOT IN "
                          "(SELECT doc_hash FROM documents WHERE source=:s)", {"s": source})
        return [r[0] for r in rows]

    # ---- writing -------------------------------------------------------------------
    def _set_state(self, db, key: str, value: str) -> None:
        db.execute(text("INSERT INTO state (key, value) VALUES (:k, :v) "
                        "ON CONFLICT (key) DO UPDATE SET value=excluded.value"), {"k": key, "v": value})

    def set_pending(self, sources: list[str]) -> None:
        with self._tx() as db:
            self._set_state(db, "pending", json.dumps(sorted(sources)))

    def add_chunks(self, doc: LoadedDocument, chunks: list[Chunk], vectors: list[np.ndarray]) -> None:
        """Store a version's chunks; ``vectors[i]`` holds chunk i's own embedding, then one
        per sentence, so reranking and answering need no embedding at query time."""
        with self._tx() as db:
            db.execute(text("DELETE FROM chunks WHERE source=:s AND doc_hash=:h"),
                       {"s": doc.source, "h": doc.content_hash})
            self._run(db, 'INSERT INTO chunks (source, doc_hash, idx, start, "end", heading, section, text, sentences, '
                      "vectors, page) VALUES (:source, :doc_hash, :idx, :start, :end, :heading, :section, :text, "
                      ":sentences, :vectors, :page)",
                      [{"source": doc.source, "doc_hash": doc.content_hash, "idx": c.index, "start": c.start,
                        "end": c.end, "heading": int(c.heading), "section": c.section, "text": c.text,
                        "sentences": json.dumps(c.sentences), "vectors": np.asarray(v, dtype=np.float16).tobytes(),
                        "page": page_of(doc, c.start)} for c, v in zip(chunks, vectors)])

    def publish(self, current: list[tuple[LoadedDocument, int]], removed: list[str]) -> int:
        """Make the given versions current and drop removed documents, atomically."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self._tx() as db:
            for doc, n_chunks in current:
                span = doc.meta_span or (None, None)
                db.execute(text(
                    "INSERT INTO documents (source, doc_hash, title, date, chunks, chars, ingested_at, publisher, "
                    "meta_start, meta_end) VALUES (:source, :doc_hash, :title, :date, :chunks, :chars, :at, "
                    ":publisher, :meta_start, :meta_end) ON CONFLICT (source) DO UPDATE SET "
                    "doc_hash=excluded.doc_hash, title=excluded.title, date=excluded.date, chunks=excluded.chunks, "
                    "chars=excluded.chars, ingested_at=excluded.ingested_at, publisher=excluded.publisher, "
                    "meta_start=excluded.meta_start, meta_end=excluded.meta_end"),
                    {"source": doc.source, "doc_hash": doc.content_hash, "title": doc.title, "date": doc.date,
                     "chunks": n_chunks, "chars": len(doc.text), "at": now, "publisher": doc.publisher,
                     "meta_start": span[0], "meta_end": span[1]})
            self._run(db, "DELETE FROM documents WHERE source=:s", [{"s": s} for s in removed])
            row = db.execute(text("SELECT value FROM state WHERE key='generation'")).fetchone()
            generation = (int(row[0]) if row else 0) + 1
            self._set_state(db, "generation", str(generation))
        self._generation = (time.monotonic(), generation)
        return generation

    def save_glance(self, source: str, doc_hash: str, data: dict) -> None:
        """The tables of one version, kept after the version is replaced so it can be diffed."""
        now = datetime.now(timezone.utc).isoformat(timespec="microseconds")
        with self._tx() as db:
            db.execute(text("INSERT INTO glance (source, doc_hash, extracted_at, data) VALUES (:s, :h, :at, :d) "
                            "ON CONFLICT (source, doc_hash) DO UPDATE SET extracted_at=excluded.extracted_at, "
                            "data=excluded.data"), {"s": source, "h": doc_hash, "at": now, "d": json.dumps(data)})

    def glance(self, source: str, doc_hash: str) -> dict | None:
        rows = self._read("SELECT data FROM glance WHERE source=:s AND doc_hash=:h", {"s": source, "h": doc_hash})
        return json.loads(rows[0][0]) if rows else None

    def glance_versions(self, source: str) -> list[str]:
        """The versions of a document whose tables are kept, oldest first."""
        rows = self._read("SELECT doc_hash FROM glance WHERE source=:s ORDER BY extracted_at", {"s": source})
        return [r[0] for r in rows]

    def save_derived(self, kind: str, source: str, doc_hash: str, data: dict) -> None:
        """What ingest works out for one version (its summary, ...), kept while the version is."""
        with self._tx() as db:
            db.execute(text("INSERT INTO derived (kind, source, doc_hash, data) VALUES (:k, :s, :h, :d) "
                            "ON CONFLICT (kind, source, doc_hash) DO UPDATE SET data=excluded.data"),
                       {"k": kind, "s": source, "h": doc_hash, "d": json.dumps(data)})

    def derived(self, kind: str, source: str, doc_hash: str) -> dict | None:
        rows = self._read("SELECT data FROM derived WHERE kind=:k AND source=:s AND doc_hash=:h",
                          {"k": kind, "s": source, "h": doc_hash})
        return json.loads(rows[0][0]) if rows else None

    def drop_versions(self, source: str, doc_hashes: list[str]) -> None:
        with self._tx() as db:
            pairs = [{"s": source, "h": h} for h in doc_hashes]
            self._run(db, "DELETE FROM chunks WHERE source=:s AND doc_hash=:h", pairs)
            self._run(db, "DELETE FROM derived WHERE source=:s AND doc_hash=:h", pairs)

    def cached_vectors(self, keys: list[str]) -> dict[str, np.ndarray]:
        """Sentence vectors embedded before (by any version of any document)."""
        found: dict[str, np.ndarray] = {}
        for i in range(0, len(keys), 500):
            part = keys[i:i + 500]
            names = ", ".join(f":k{n}" for n in range(len(part)))
            rows = self._read(f"SELECT key, vector FROM vector_cache WHERE key IN ({names})",
                              {f"k{n}": k for n, k in enumerate(part)})
            found.update((k, np.frombuffer(v, dtype=np.float32)) for k, v in rows)
        return found

    def cache_vectors(self, vectors: dict[str, np.ndarray]) -> None:
        with self._tx() as db:
            self._run(db, "INSERT INTO vector_cache (key, vector) VALUES (:k, :v) "
                      "ON CONFLICT (key) DO UPDATE SET vector=excluded.vector",
                      [{"k": k, "v": np.asarray(v, dtype=np.float32).tobytes()} for k, v in vectors.items()])

    def count_chunks(self) -> int:
        return self._read("SELECT COUNT(*) FROM chunks c JOIN documents d USING (source, doc_hash)")[0][0]

    def chunk_size_percentiles(self) -> dict[str, int]:
        """p10, median and p90 of the current chunks' lengths in characters."""
        sizes = sorted(r[0] for r in self._read(
            'SELECT c."end" - c.start FROM chunks c JOIN documents d USING (source, doc_hash)'))
        if not sizes:
            return {}
        at = lambda q: sizes[min(len(sizes) - 1, int(q * len(sizes)))]  # noqa: E731
        return {"p10": at(0.1), "median": at(0.5), "p90": at(0.9)}
