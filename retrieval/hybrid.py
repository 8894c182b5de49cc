"""Hybrid retrieval in two steps.

1. Candidates: dense (Chroma, paragraph vectors) and keyword (BM25) rankings fused by
   reciprocal rank, which needs no calibration between their incomparable scores.
2. Rerank the candidate pool on sentence-level evidence: a paragraph is as relevant as its
   best sentence, which a paragraph vector blurs. Scores are standardised within the pool
   and combined with weights from settings (tuned on the SQuAD tune articles only).
"""
from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
from chromadb.errors import ChromaError


from retrieval.keyword import KeywordIndex
from retrieval.text import back_matter, holds_phrase, name_phrases
from schema import Passage
from settings import Settings
from store.catalog import Catalog, ChunkRow, Key
from store.vectors import KeysOnlyChroma, StoreUnavailable, unreachable

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with the evidence each signal gave for it."""

    row: ChunkRow
    score: float
    dense: float
    keyword: float
    sentence_similarity: np.ndarray = field(repr=False, compare=False)

    def passage(self) -> Passage:
        row = self.row
        return Passage(id=row.key, source=row.source, text=row.text, start=row.start, end=row.end,
                       score=self.score,
                       metadata={"title": row.title, "section": row.section, "heading": row.heading,
                                 "sentences": row.sentences, "page": row.page, "date": row.date,
                                 "publisher": row.publisher})


def reciprocal_rank_fusion(rankings: list[tuple[list[Key], float]], k: int) -> dict[Key, float]:
    scores: dict[Key, float] = {}
    for ranking, weight in rankings:
        for rank, key in enumerate(ranking):
            scores[key] = scores.get(key, 0.0) + weight / (k + rank + 1)
    return scores


def fuse_hits(rankings: list[list[Hit]], k: int) -> list[Hit]:
    """Hits of several queries in one ranking (reciprocal rank fusion, the first query weighing
    most); a chunk found by several keeps the first query's evidence."""
    first: dict[Key, Hit] = {}
    for ranking in rankings:
        for hit in ranking:
            first.setdefault(hit.row.key, hit)
    fused = reciprocal_rank_fusion([([h.row.key for h in ranking], 1.0 / (n + 1))
                                    for n, ranking in enumerate(rankings)], 60)
    return [first[key] for key in sorted(fused, key=lambda key: -fused[key])][:k]


def standardise(values: np.ndarray) -> np.ndarray:
    spread = values.std()
    return (values - values.mean()) / spread if spread > 1e-9 else np.zeros_like(values)


class HybridRetriever:
    def __init__(self, settings: Settings, catalog: Catalog, vectorstore: KeysOnlyChroma) -> None:
        self.settings = settings
        self.catalog = catalog
        self.vectorstore = vectorstore
        self._keyword: tuple[int, KeywordIndex] | None = None
        self._rows: tuple[int, OrderedDict[Key, ChunkRow]] = (-1, OrderedDict())
        self._lock = threading.Lock()

    def keyword_index(self) -> KeywordIndex:
        """The BM25 index of the current generation, rebuilt only when an ingest published one."""
        generation = self.catalog.generation()
        with self._lock:
            if self._keyword is None or self._keyword[0] != generation:
                self._keyword = (generation, KeywordIndex(list(self.catalog.active_chunks())))
            return self._keyword[1]

    def rows(self, keys: list[Key]) -> dict[Key, ChunkRow]:
        """Current chunks with their sentence vectors. The same few chunks answer most questions,
        so recent ones stay in memory until an ingest publishes a new generation; reading and
        decoding them from SQLite was a third of retrieval's time."""
        generation = self.catalog.generation()
        with self._lock:
            if self._rows[0] != generation:
                self._rows = (generation, OrderedDict())
            cache = self._rows[1]
            found = {}
            for key in keys:
                if key in cache:
                    cache.move_to_end(key)
                    found[key] = cache[key]
        missing = [key for key in keys if key not in found]
        if missing:
            fetched = self.catalog.get_chunks(missing)
            found.update(fetched)
            with self._lock:
                if self._rows[0] == generation:
                    cache.update(fetched)
                    while len(cache) > self.settings.row_cache:
                        cache.popitem(last=False)
        return found

    def dense(self, query_vector: list[float], k: int, sources: set[str] | None = None) -> list[Key]:
        """Chroma's nearest chunks. A server that cannot be reached is an error the user must
        see; an embedded index damaged by a crash is not: keyword candidates still answer
        (reranked on the catalog's vectors) until the next ingest rebuilds it."""
        try:
            return self.vectorstore.nearest_keys(query_vector, k, sources)
        except ChromaError as exc:
            if self.settings.chroma_host:
                raise StoreUnavailable(unreachable(self.settings, exc)) from None
            log.warning("dense search unavailable, answering from keyword candidates: %s", exc)
            return []
        except Exception as exc:  # an HTTP client's many ways of saying "no server"
            if self.settings.chroma_host:
                raise StoreUnavailable(unreachable(self.settings, exc)) from None
            raise

    def candidates(self, question: str, query_vector: list[float], sources: set[str] | None = None
                   ) -> tuple[list[Key], np.ndarray, KeywordIndex]:
        """The fused pool, from ``sources`` only when given; a question that names a document by
        its title searches that document."""
        s = self.settings
        keyword = self.keyword_index()
        scope = keyword.scope(question)
        if sources:
            scope = (scope & sources) or set(sources)
        keyword_hits, keyword_scores = keyword.search(question, s.fetch_k * (10 if scope else 1))
        if scope:
            keyword_hits = [(r, score) for r, score in keyword_hits if r.source in scope][:s.fetch_k]
        fused = reciprocal_rank_fusion(
            [(self.dense(query_vector, s.fetch_k, scope), s.dense_weight),
             ([(r.source, r.doc_hash, r.idx) for r, _ in keyword_hits], s.keyword_weight)], s.rrf_k)
        pool = sorted(fused, key=lambda key: -fused[key])[:s.rerank_pool]
        return pool, keyword_scores, keyword

    def retrieve(self, question: str, query_vector: list[float], k: int | None = None,
                 sources: set[str] | None = None, account: bool = False) -> list[Hit]:
        """The top ``k`` passages. For a question that asks for an account (``account``) the
        keyword score weighs less: its many words are paraphrased more than repeated."""
        s = self.settings
        pool, keyword_scores, keyword = self.candidates(question, query_vector, sources)
        rows = self.rows(pool)
        pool = [key for key in pool if key in rows and rows[key].vectors is not None]
        if not pool:
            return []
        q = np.asarray(query_vector, dtype=np.float32)
        sims = [rows[key].vectors @ q for key in pool]
        dense = np.array([v[0] for v in sims])
        best_sentence = np.array([v[1:].max() if len(v) > 1 else v[0] for v in sims])
        bm25 = np.array([float(keyword_scores[keyword.position[key]]) if key in keyword.position else 0.0
                         for key in pool])
        weight = s.rerank_keyword_account if account else s.rerank_keyword
        score = (weight * standardise(bm25) + s.rerank_sentence * standardise(best_sentence)
                 + s.rerank_dense * standardise(dense))
        phrases = name_phrases(question)
        if phrases:
            # A passage that writes the question's multi-word names word for word ("the Beijing
            # Science and Technology Commission") is about them; bag-of-words scores do not see order.
            held = np.array([sum(holds_phrase(rows[key].text, p) for p in phrases) / len(phrases) for key in pool])
            score = score + s.rerank_phrase * held
        # A title or dateline alone (a heading chunk) says what a document is, not what it
        # says, and a reference list names other works: they come after the passages, so they
        # do not take their places.
        aside = np.array([rows[key].heading or back_matter(rows[key].section, question) for key in pool])
        order = np.lexsort((-score, aside))[:k or s.top_k]
        return [Hit(rows[pool[i]], float(score[i]), float(dense[i]), float(bm25[i]), sims[i][1:]) for i in order]


class DenseRetriever(HybridRetriever):
    """Chroma's ranking alone: the naive recipe, kept as a baseline to measure against."""

    def retrieve(self, question: str, query_vector: list[float], k: int | None = None,
                 sources: set[str] | None = None, account: bool = False) -> list[Hit]:
        keys = self.dense(query_vector, k or self.settings.top_k, sources)
        rows = self.rows(keys)
        q = np.asarray(query_vector, dtype=np.float32)
        hits = []
        for key in keys:
            if key in rows and rows[key].vectors is not None:
                sims = rows[key].vectors @ q
                hits.append(Hit(rows[key], float(sims[0]), float(sims[0]), 0.0, sims[1:]))
        return hits


RETRIEVERS: dict[str, type[HybridRetriever]] = {"hybrid": HybridRetriever, "dense": DenseRetriever}
