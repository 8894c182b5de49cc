"""The dense side of the store: a Chroma collection and LangChain's record manager beside it."""
from __future__ import annotations

from pathlib import Path

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


def open_vectorstore(settings: Settings, embedder: Embeddings) -> Chroma:
    client = chroma_client(settings)
    return Chroma(collection_name=settings.collection, embedding_function=embedder, client=client,
                  collection_metadata={"hnsw:space": "cosine"},
                  relevance_score_fn=lambda distance: 1.0 - distance)


def open_record_manager(settings: Settings) -> SQLRecordManager:
    path = Path(settings.store) / "records.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    manager = SQLRecordManager(f"chroma/{settings.collection}", db_url=f"sqlite:///{path}")
    manager.create_schema()
    return manager
