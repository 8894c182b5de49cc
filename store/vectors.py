"""The dense side of the store: a Chroma collection and LangChain's record manager beside it."""
from __future__ import annotations

from pathlib import Path

import chromadb
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma
from langchain_classic.indexes import SQLRecordManager
from langchain_core.embeddings import Embeddings

from settings import Settings


def open_vectorstore(settings: Settings, embedder: Embeddings) -> Chroma:
    path = Path(settings.store) / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    client = chromadb.PersistentClient(path=str(path), settings=ChromaSettings(anonymized_telemetry=False))
    return Chroma(collection_name=settings.collection, embedding_function=embedder, client=client,
                  collection_metadata={"hnsw:space": "cosine"},
                  relevance_score_fn=lambda distance: 1.0 - distance)


def open_record_manager(settings: Settings) -> SQLRecordManager:
    path = Path(settings.store) / "records.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    manager = SQLRecordManager(f"chroma/{settings.collection}", db_url=f"sqlite:///{path}")
    manager.create_schema()
    return manager
