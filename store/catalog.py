"""The catalog: which version of each document is current, and the text of every chunk.

It is the one place that decides what readers see. Chunks of a new version are written
before that version becomes current, and the switch is one SQLite transaction, so a reader
(or a crash) sees either the old version or the new one, never a mix. ``pending`` records the
sources an unfinished ingest was touching, so the next one knows what to clean.
"""
from __future__ import annotations

import bisect
import json
import sqlite3
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np

from ingest.chunking import Chunk
from ingest.loaders import LoadedDocument

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    source TEXT PRIMARY KEY, doc_hash TEXT NOT NULL, title TEXT, date TEXT,
    chunks INTEGER NOT NULL, chars INTEGER NOT NULL, ingested_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS chunks (
    source TEXT NOT NULL, doc_hash TEXT NOT NULL, idx INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, heading INTEGER NOT NULL,
    section TEXT, text TEXT NOT NULL, sentences TEXT NOT NULL, vectors BLOB, page INTEGER,
    PRIMARY KEY (doc_hash, idx, source));
CREATE INDEX IF NOT EXISTS chunks_source ON chunks(source);
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS vector_cache (key TEXT PRIMARY KEY, vector BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS derived (
    kind TEXT NOT NULL, source TEXT NOT NULL, doc_hash TEXT NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (kind, source, doc_hash));
CREATE TABLE IF NOT EXISTS glance (
    source TEXT NOT NULL, doc_hash TEXT NOT NULL, extracted_at TEXT NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (source, doc_hash));
"""


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


def page_of(doc: LoadedDocument, offset: int) -> int | None:
    """The 1-based page an offset falls on, for documents that have pages."""
    return bisect.bisect_right(doc.pages, offset) + 1 if doc.pages else None


class Catalog:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._path = path
        self._local = threading.local()
        self._db().executescript(_SCHEMA)
        columns = {row[1] for row in self._db().execute("PRAGMA table_info(chunks)")}
        if "page" not in columns:
            self._db().execute("ALTER TABLE chunks ADD COLUMN page INTEGER")
        columns = {row[1] for row in self._db().execute("PRAGMA table_info(documents)")}
        for name, kind in (("publisher", "TEXT"), ("meta_start", "INTEGER"), ("meta_end", "INTEGER")):
            if name not in columns:
                self._db().execute(f"ALTER TABLE documents ADD COLUMN {name} {kind}")

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self._path, timeout=30, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            self._local.db = db
        return db

    class _Tx:
        def __init__(self, db: sqlite3.Connection) -> None:
            self.db = db

        def __enter__(self) -> sqlite3.Connection:
            self.db.execute("BEGIN IMMEDIATE")
            return self.db

        def __exit__(self, exc_type, exc, tb) -> None:
            self.db.execute("ROLLBACK" if exc_type else "COMMIT")

    def _tx(self) -> "Catalog._Tx":
        return Catalog._Tx(self._db())

    # ---- reading -------------------------------------------------------------------
    def generation(self) -> int:
        row = self._db().execute("SELECT value FROM state WHERE key='generation'").fetchone()
        return int(row[0]) if row else 0

    def documents(self) -> list[DocumentInfo]:
        rows = self._db().execute(
            "SELECT source, doc_hash, title, date, chunks, chars, ingested_at, publisher, meta_start, "
            "meta_end FROM documents ORDER BY source")
        return [DocumentInfo(*row) for row in rows]

    def has_documents(self) -> bool:
        return self._db().execute("SELECT 1 FROM documents LIMIT 1").fetchone() is not None

    def active_chunks(self) -> Iterator[ChunkRow]:
        """Current chunks in a stable order, for building the keyword index."""
        yield from self._rows("JOIN documents d USING (source, doc_hash) ORDER BY c.source, c.idx")

    def version_chunks(self, source: str, doc_hash: str) -> list[ChunkRow]:
        """The chunks of one current version, with their vectors, in order."""
        return list(self._rows("JOIN documents d USING (source, doc_hash) WHERE c.source=? AND c.doc_hash=? "
                               "ORDER BY c.idx", (source, doc_hash), vectors=True))

    def chunk_at(self, source: str, offset: int) -> ChunkRow | None:
        """The current chunk holding a character of a document (to show a sentence in context)."""
        return next(self._rows('JOIN documents d USING (source, doc_hash) WHERE c.source=? AND c.start<=? '
                               'AND c."end">? AND c.heading=0 ORDER BY c.start DESC LIMIT 1',
                               (source, offset, offset)), None)

    def chunk_containing(self, source: str, offset: int) -> ChunkRow | None:
        """The current chunk (a heading chunk too) that holds a character of a document, else
        its first chunk."""
        rows = list(self._rows('JOIN documents d USING (source, doc_hash) WHERE c.source=? '
                               'ORDER BY (c.start<=? AND c."end">?) DESC, c.idx LIMIT 1', (source, offset, offset)))
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
            clause = " OR ".join(["(c.source=? AND c.doc_hash=? AND c.idx=?)"] * len(part))
            params = [v for key in part for v in key]
            for row in self._rows(f"JOIN documents d USING (source, doc_hash) WHERE {clause}", params,
                                  vectors=True):
                found[(row.source, row.doc_hash, row.idx)] = row
        return found

    def _rows(self, tail: str, params: list | tuple = (), vectors: bool = False) -> Iterator[ChunkRow]:
        sql = ('SELECT c.source, c.doc_hash, c.idx, c.start, c."end", c.heading, c.section, c.text, '
               f"c.sentences, d.title, c.page, d.date, d.publisher{', c.vectors' if vectors else ''} FROM chunks c {tail}")
        for r in self._db().execute(sql, params):
            sentences = tuple(tuple(s) for s in json.loads(r[8]))
            matrix = None
            if vectors and r[13] is not None:
                matrix = np.frombuffer(r[13], dtype=np.float16).reshape(len(sentences) + 1, -1).astype(np.float32)
            yield ChunkRow(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6] or "", r[7], sentences, r[9] or "",
                           matrix, r[10], r[11], r[12] or "")

    def pending(self) -> list[str]:
        row = self._db().execute("SELECT value FROM state WHERE key='pending'").fetchone()
        return json.loads(row[0]) if row else []

    def stale_versions(self, source: str) -> list[str]:
        """Versions of ``source`` that have chunks but are not current."""
        rows = self._db().execute(
            "SELECT DISTINCT doc_hash FROM chunks WHERE source=? AND doc_hash NOT IN "
            "(SELECT doc_hash FROM documents WHERE source=?)", (source, source))
        return [r[0] for r in rows]

    # ---- writing -------------------------------------------------------------------
    def set_pending(self, sources: list[str]) -> None:
        with self._tx() as db:
            db.execute("INSERT OR REPLACE INTO state VALUES ('pending', ?)", (json.dumps(sorted(sources)),))

    def add_chunks(self, doc: LoadedDocument, chunks: list[Chunk], vectors: list[np.ndarray]) -> None:
        """Store a version's chunks; ``vectors[i]`` holds chunk i's own embedding, then one
        per sentence, so reranking and answering need no embedding at query time."""
        with self._tx() as db:
            db.execute("DELETE FROM chunks WHERE source=? AND doc_hash=?", (doc.source, doc.content_hash))
            db.executemany(
                "INSERT INTO chunks (source, doc_hash, idx, start, \"end\", heading, section, text, sentences, "
                "vectors, page) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [(doc.source, doc.content_hash, c.index, c.start, c.end, int(c.heading), c.section,
                  c.text, json.dumps(c.sentences), np.asarray(v, dtype=np.float16).tobytes(), page_of(doc, c.start))
                 for c, v in zip(chunks, vectors)])

    def publish(self, current: list[tuple[LoadedDocument, int]], removed: list[str]) -> int:
        """Make the given versions current and drop removed documents, atomically."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self._tx() as db:
            for doc, n_chunks in current:
                span = doc.meta_span or (None, None)
                db.execute("INSERT OR REPLACE INTO documents (source, doc_hash, title, date, chunks, chars, "
                           "ingested_at, publisher, meta_start, meta_end) VALUES (?,?,?,?,?,?,?,?,?,?)",
                           (doc.source, doc.content_hash, doc.title, doc.date, n_chunks, len(doc.text), now,
                            doc.publisher, *span))
            db.executemany("DELETE FROM documents WHERE source=?", [(s,) for s in removed])
            generation = self.generation() + 1
            db.execute("INSERT OR REPLACE INTO state VALUES ('generation', ?)", (str(generation),))
        return generation

    def save_glance(self, source: str, doc_hash: str, data: dict) -> None:
        """The tables of one version, kept after the version is replaced so it can be diffed."""
        now = datetime.now(timezone.utc).isoformat(timespec="microseconds")
        with self._tx() as db:
            db.execute("INSERT OR REPLACE INTO glance VALUES (?,?,?,?)", (source, doc_hash, now, json.dumps(data)))

    def glance(self, source: str, doc_hash: str) -> dict | None:
        row = self._db().execute("SELECT data FROM glance WHERE source=? AND doc_hash=?", (source, doc_hash)).fetchone()
        return json.loads(row[0]) if row else None

    def glance_versions(self, source: str) -> list[str]:
        """The versions of a document whose tables are kept, oldest first."""
        rows = self._db().execute("SELECT doc_hash FROM glance WHERE source=? ORDER BY extracted_at", (source,))
        return [r[0] for r in rows]

    def save_derived(self, kind: str, source: str, doc_hash: str, data: dict) -> None:
        """What ingest works out for one version (its summary, ...), kept while the version is."""
        with self._tx() as db:
            db.execute("INSERT OR REPLACE INTO derived VALUES (?,?,?,?)", (kind, source, doc_hash, json.dumps(data)))

    def derived(self, kind: str, source: str, doc_hash: str) -> dict | None:
        row = self._db().execute("SELECT data FROM derived WHERE kind=? AND source=? AND doc_hash=?",
                                 (kind, source, doc_hash)).fetchone()
        return json.loads(row[0]) if row else None

    def drop_versions(self, source: str, doc_hashes: list[str]) -> None:
        with self._tx() as db:
            db.executemany("DELETE FROM chunks WHERE source=? AND doc_hash=?", [(source, h) for h in doc_hashes])
            db.executemany("DELETE FROM derived WHERE source=? AND doc_hash=?", [(source, h) for h in doc_hashes])

    def cached_vectors(self, keys: list[str]) -> dict[str, np.ndarray]:
        """Sentence vectors embedded before (by any version of any document)."""
        found: dict[str, np.ndarray] = {}
        for i in range(0, len(keys), 500):
            part = keys[i:i + 500]
            rows = self._db().execute(
                f"SELECT key, vector FROM vector_cache WHERE key IN ({','.join('?' * len(part))})", part)
            found.update((k, np.frombuffer(v, dtype=np.float32)) for k, v in rows)
        return found

    def cache_vectors(self, vectors: dict[str, np.ndarray]) -> None:
        with self._tx() as db:
            db.executemany("INSERT OR REPLACE INTO vector_cache VALUES (?, ?)",
                           [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in vectors.items()])

    def count_chunks(self) -> int:
        return self._db().execute(
            "SELECT COUNT(*) FROM chunks c JOIN documents d USING (source, doc_hash)").fetchone()[0]

    def chunk_size_percentiles(self) -> dict[str, int]:
        """p10, median and p90 of the current chunks' lengths in characters."""
        sizes = sorted(r[0] for r in self._db().execute(
            'SELECT c."end" - c.start FROM chunks c JOIN documents d USING (source, doc_hash)'))
        if not sizes:
            return {}
        at = lambda q: sizes[min(len(sizes) - 1, int(q * len(sizes)))]  # noqa: E731
        return {"p10": at(0.1), "median": at(0.5), "p90": at(0.9)}
