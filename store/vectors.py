"""The dense side of the store: a Chroma collection and LangChain's record manager beside it."""
from __future__ import annotations

import hashlib
import json
import uuid
from pathlib import Path
from typing import Any, Iterable

import chromadb
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma
from langchain_classic.indexes import SQLRecordManager
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings

from settings import Settings
from store.catalog import Key
from store.database import StoreUnavailable, database_url, reachable


def chroma_client(settings: Settings) -> "chromadb.ClientAPI":
    """The embedded persistent client under the store folder, or a Chroma server when
    ``chroma_host`` is set (one server can serve a whole team)."""
    options = ChromaSettings(anonymized_telemetry=False)
    if not settings.chroma_host:
        path = Path(settings.store) / "chroma"
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=options)
    headers = {"Authorization": f"Bearer {settings.chroma_token}"} if settings.chroma_token else None
    try:
        return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, headers=headers,
                                   settings=options)
    except Exception as exc:  # the client raises several types for one cause: no server there
        raise StoreUnavailable(unreachable(settings, exc)) from None


def unreachable(settings: Settings, exc: BaseException) -> str:
    return (f"cannot reach the Chroma server at {settings.chroma_host}:{settings.chroma_port} "
            f"({exc.__class__.__name__}); check that it is running")


def chunk_uid(doc: Document) -> str:
    """The Chroma id (and record-manager key) of a chunk: a hash of its text and metadata, so the
    indexing API sees any change, followed by its catalog key, so a search needs ids alone
    (fetching metadata was a third of a search's time)."""
    m = doc.metadata
    digest = hashlib.sha256(json.dumps([doc.page_content, m], sort_keys=True).encode()).hexdigest()
    return json.dumps([digest, m["source"], m["doc_hash"], m["idx"]], ensure_ascii=False)


def key_of_uid(uid: str) -> Key | None:
    """The catalog key in an id made by ``chunk_uid``; None for ids of older stores (plain hashes)."""
    if not uid.startswith("["):
        return None
    try:
        _, source, doc_hash, idx = json.loads(uid)
        return source, doc_hash, int(idx)
    except (ValueError, TypeError):
        return None


class KeysOnlyChroma(Chroma):
    """A Chroma collection of vectors and chunk keys, without the chunk text: answers quote the
    catalog, never Chroma, and Chroma's full-text index of stored documents took 40 % of an
    ingest's indexing time for text nobody reads back."""

    def add_texts(self, texts: Iterable[str], metadatas: list[dict] | None = None, ids: list[str] | None = None,
                  **kwargs: Any) -> list[str]:
        texts = list(texts)
        ids = list(ids) if ids else [str(uuid.uuid4()) for _ in texts]
        if texts:
            vectors = self._embedding_function.embed_documents(texts)
            self._collection.upsert(ids=ids, embeddings=vectors, metadatas=metadatas)
        return ids

    def nearest_keys(self, vector: list[float], k: int, sources: set[str] | None = None) -> list[Key]:
        """The catalog keys of the k nearest vectors (of these sources only, if given), best first."""
        where = {"source": {"$in": sorted(sources)}} if sources else None
        found = self._collection.query(query_embeddings=[vector], n_results=k, include=[], where=where)
        ids = found["ids"][0] if found["ids"] else []
        keys = {uid: key_of_uid(uid) for uid in ids}
        older = [uid for uid, key in keys.items() if key is None]
        if older:
            got = self._collection.get(ids=older, include=["metadatas"])
            keys.update({uid: (m["source"], m["doc_hash"], int(m["idx"]))
                         for uid, m in zip(got["ids"], got["metadatas"]) if m})
        return [keys[uid] for uid in ids if keys.get(uid)]


def open_vectorstore(settings: Settings, embedder: Embeddings) -> KeysOnlyChroma:
    client = chroma_client(settings)
    return KeysOnlyChroma(collection_name=settings.collection, embedding_function=embedder, client=client,
                  collection_metadata={"hnsw:space": "cosine"},
                  relevance_score_fn=lambda distance: 1.0 - distance)


def open_record_manager(settings: Settings) -> SQLRecordManager:
    manager = SQLRecordManager(f"chroma/{settings.collection}", db_url=database_url(settings, "records.sqlite"))
    with reachable(settings.database_url or "sqlite://"):
        manager.create_schema()
    return manager
