"""The dense side of the store: a Chroma collection and LangChain's record manager beside it."""
from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any, Iterable

import chromadb
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma
from langchain_classic.indexes import SQLRecordManager
from langchain_core.embeddings import Embeddings

from settings import Settings


class StoreUnavailable(RuntimeError):
    """The Chroma server cannot be reached; the message says where it was looked for."""


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

    def nearest_keys(self, vector: list[float], k: int) -> list[dict]:
        """The metadata (chunk keys) of the k nearest vectors."""
        found = self._collection.query(query_embeddings=[vector], n_results=k, include=["metadatas"])
        return found["metadatas"][0] if found["metadatas"] else []


def open_vectorstore(settings: Settings, embedder: Embeddings) -> KeysOnlyChroma:
    client = chroma_client(settings)
    return KeysOnlyChroma(collection_name=settings.collection, embedding_function=embedder, client=client,
                  collection_metadata={"hnsw:space": "cosine"},
                  relevance_score_fn=lambda distance: 1.0 - distance)


def open_record_manager(settings: Settings) -> SQLRecordManager:
    path = Path(settings.store) / "records.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    manager = SQLRecordManager(f"chroma/{settings.collection}", db_url=f"sqlite:///{path}")
    manager.create_schema()
    return manager
