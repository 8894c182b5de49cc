"""BM25 over the current chunks (bm25s: sparse matrices, answers in well under a millisecond).

Built once per catalog generation, so queries never rebuild it."""
from __future__ import annotations

import math
from collections import Counter

import bm25s

from retrieval.text import terms
from store.catalog import ChunkRow


class KeywordIndex:
    def __init__(self, rows: list[ChunkRow]) -> None:
        self.rows = rows
        corpus = [terms(f"{row.section} {row.text}" if row.section and not row.heading else row.text) or ["∅"]
                  for row in rows]
        self._df: Counter[str] = Counter(t for doc in corpus for t in set(doc))
        self._vocab = set(self._df)
        self._bm25 = bm25s.BM25()
        if rows:
            self._bm25.index(corpus, show_progress=False)

    def idf(self, term: str) -> float:
        """Rarity of a term in the corpus; a term the corpus never uses is rarest of all."""
        n = max(len(self.rows), 1)
        return math.log(1 + (n + 1) / (self._df.get(term, 0) + 0.5))

    def known(self, term: str) -> bool:
        return term in self._vocab

    def search(self, question: str, k: int) -> list[tuple[ChunkRow, float]]:
        query = [t for t in terms(question) if t in self._vocab]
        if not query or not self.rows:
            return []
        k = min(k, len(self.rows))
        docs, scores = self._bm25.retrieve([query], k=k, show_progress=False, n_threads=1)
        return [(self.rows[int(i)], float(s)) for i, s in zip(docs[0], scores[0]) if s > 0]
