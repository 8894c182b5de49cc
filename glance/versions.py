"""The tables of each document version, extracted once at ingest and kept with the version."""
from __future__ import annotations

from typing import Any

from glance.diff import diff
from glance.extract import Glance, extract
from ingest.chunking import Chunk
from ingest.loaders import LoadedDocument
from store.catalog import Catalog


def tables_of(doc: LoadedDocument, chunks: list[Chunk]) -> dict[str, Any]:
    """The tables of one document version, from the sentences its chunks already hold."""
    spans = [s for c in chunks if not c.heading for s in c.sentences]
    return extract(doc.source, doc.text, spans, doc.date).to_json()


def record_version(catalog: Catalog, doc: LoadedDocument, tables: dict[str, Any],
                   previous: str | None) -> dict[str, Any] | None:
    """Keep the new version's tables; what changed since ``previous`` (None if it is new)."""
    catalog.save_glance(doc.source, doc.content_hash, tables)
    old = catalog.glance(doc.source, previous) if previous else None
    return diff(Glance.from_json(old), Glance.from_json(tables)) if old is not None else None


def ingest_step(catalog: Catalog):
    """The tables of each new document version, extracted and kept at ingest; returns what
    changed since the previous version."""
    def step(doc: LoadedDocument, chunks: list[Chunk], vectors, previous: str | None) -> dict[str, Any] | None:
        return record_version(catalog, doc, tables_of(doc, chunks), previous)
    return step


def current(catalog: Catalog) -> dict[str, Glance]:
    """The tables of every current document."""
    out = {}
    for d in catalog.documents():
        data = catalog.glance(d.source, d.doc_hash)
        if data is not None:
            out[d.source] = Glance.from_json(data)
    return out


def combined(catalog: Catalog) -> Glance:
    """All current documents' tables as one."""
    merged = Glance()
    for g in current(catalog).values():
        merged.figures += g.figures
        merged.places += g.places
        merged.goals += g.goals
        merged.sentences += g.sentences
    return merged


def changes(catalog: Catalog) -> dict[str, dict[str, Any]]:
    """For each current document with an earlier version on record: what changed since it."""
    out = {}
    for d in catalog.documents():
        versions = [h for h in catalog.glance_versions(d.source) if h != d.doc_hash]
        new = catalog.glance(d.source, d.doc_hash)
        if versions and new is not None:
            out[d.source] = diff(Glance.from_json(catalog.glance(d.source, versions[-1])), Glance.from_json(new))
    return out
