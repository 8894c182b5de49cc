"""Hybrid retrieval: dense (Chroma) and keyword (BM25) rankings fused by reciprocal rank.

Dense search finds paraphrases, BM25 finds rare exact terms (names, figures); RRF combines
the two rankings without having to calibrate their incomparable scores.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass

from langchain_chroma import Chroma

from retrieval.keyword import KeywordIndex
from schema import Passage
from settings import Settings
from store.catalog import Catalog, ChunkRow


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with what each ranker thought of it."""

    row: ChunkRow
    score: float
    dense: float | None = None
    keyword: float | None = None

    def passage(self) -> Passage:
        row = self.row
        return Passage(id=row.key, source=row.source, text=row.text, start=row.start, end=row.end,
                       score=self.score,
                       metadata={"title": row.title, "section": row.section, "heading": row.heading,
                                 "sentences": row.sentences, "dense": self.dense, "keyword": self.keyword})


def reciprocal_rank_fusion(rankings: list[tuple[list[str], float]], k: int) -> dict[str, float]:
    scores: dict[str, float] = {}
    for ranking, weight in rankings:
        for rank, key in enumerate(ranking):
            scores[key] = scores.get(key, 0.0) + weight / (k + rank + 1)
    return scores


class HybridRetriever:
    def __init__(self, settings: Settings, catalog: Catalog, vectorstore: Chroma) -> None:
        self.settings = settings
        self.catalog = catalog
        self.vectorstore = vectorstore
        self._keyword: tuple[int, KeywordIndex] | None = None
        self._lock = threading.Lock()

    def keyword_index(self) -> KeywordIndex:
        """The BM25 index of the current generation, rebuilt only when an ingest published one."""
        generation = self.catalog.generation()
        with self._lock:
            if self._keyword is None or self._keyword[0] != generation:
                self._keyword = (generation, KeywordIndex(list(self.catalog.active_chunks())))
            return self._keyword[1]

    def dense(self, query_vector: list[float], k: int) -> list[tuple[tuple[str, str, int], float]]:
        if self.vectorstore._collection.count() == 0:
            return []
        results = self.vectorstore.similarity_search_by_vector_with_relevance_scores(query_vector, k=k)
        return [((d.metadata["source"], d.metadata["doc_hash"], int(d.metadata["idx"])), float(s))
                for d, s in results]

    def retrieve(self, question: str, query_vector: list[float], k: int | None = None) -> list[Hit]:
        k = k or self.settings.top_k
        fetch = max(self.settings.fetch_k, k)
        keyword_hits = self.keyword_index().search(question, fetch)
        dense_hits = self.dense(query_vector, fetch)
        rows = {(r.source, r.doc_hash, r.idx): r for r, _ in keyword_hits}
        missing = [key for key, _ in dense_hits if key not in rows]
        rows.update(self.catalog.get_chunks(missing))
        dense_scores = {key: s for key, s in dense_hits if key in rows}
        keyword_scores = {(r.source, r.doc_hash, r.idx): s for r, s in keyword_hits}
        fused = reciprocal_rank_fusion(
            [(list(dense_scores), self.settings.dense_weight),
             (list(keyword_scores), self.settings.keyword_weight)], self.settings.rrf_k)
        ranked = sorted(fused, key=lambda key: -fused[key])[:k]
        return [Hit(rows[key], fused[key], dense_scores.get(key), keyword_scores.get(key)) for key in ranked]
