"""BM25 over the current chunks (bm25s: sparse matrices, answers in well under a millisecond).

Built once per catalog generation, so queries never rebuild it."""
from __future__ import annotations

import math
from collections import Counter

import bm25s
import numpy as np

from retrieval.text import terms
from store.catalog import ChunkRow


class KeywordIndex:
    def __init__(self, rows: list[ChunkRow]) -> None:
        self.rows = rows
        # With several documents, a chunk also holds its document's title: "LLaMA's optimizer"
        # is asked of the LLaMA paper, whose sentences say "our models".
        titled = len({row.source for row in rows}) > 1
        corpus = [list(terms(" ".join(filter(None, (row.title if titled else "",
                                                     row.section if not row.heading else "", row.text))))) or ["∅"]
                  for row in rows]
        self._df: Counter[str] = Counter(t for doc in corpus for t in set(doc))
        by_source: dict[str, set[str]] = {}
        titles: dict[str, set[str]] = {}
        for row, doc in zip(rows, corpus):
            by_source.setdefault(row.source, set()).update(doc)
            titles.setdefault(row.source, set(terms(row.title)))
        self.documents = len(by_source)
        self._source_df: Counter[str] = Counter(t for vocab in by_source.values() for t in vocab)
        self._titles = titles
        self._vocab = set(self._df)
        self.position = {(r.source, r.doc_hash, r.idx): i for i, r in enumerate(rows)}
        self._bm25 = bm25s.BM25()
        if rows:
            self._bm25.index(corpus, show_progress=False)

    def idf(self, term: str) -> float:
        """Rarity of a term in the corpus; a term the corpus never uses is rarest of all."""
        n = max(len(self.rows), 1)
        return math.log(1 + (n + 1) / (self._df.get(term, 0) + 0.5))

    def document_share(self, term: str) -> float:
        """The share of the collection's documents that use a term."""
        return self._source_df.get(term, 0) / max(self.documents, 1)

    def titled(self, question: str) -> set[str]:
        """The documents a question names by a word of their title that few other titles hold
        ("LLaMA's optimizer", "the SuperGLUE paper"); empty when it names none, or with a
        single document."""
        if self.documents < 2:
            return set()
        asked = set(terms(question))
        found: set[str] = set()
        for term in asked:
            holders = {source for source, words in self._titles.items() if term in words}
            if holders and len(holders) <= max(1, len(self._titles) // 5) and self._source_df.get(term, 0) * 2 <= self.documents + 1:
                found |= holders
        return found

    def has_title(self, name: str) -> bool:
        """Whether some document's title holds every word of ``name``."""
        wanted = set(terms(name))
        return any(wanted <= words for words in self._titles.values())

    def known(self, term: str) -> bool:
        return term in self._vocab

    def scores(self, question: str) -> np.ndarray:
        """BM25 score of every row (zeros when no question term is in the corpus)."""
        query = [t for t in terms(question) if t in self._vocab]
        if not query or not self.rows:
            return np.zeros(len(self.rows), dtype=np.float32)
        return self._bm25.get_scores(query)

    def search(self, question: str, k: int) -> tuple[list[tuple[ChunkRow, float]], np.ndarray]:
        """The top ``k`` rows with a positive score, and the scores of all rows."""
        scores = self.scores(question)
        if not len(scores):
            return [], scores
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(self.rows[int(i)], float(scores[i])) for i in top if scores[i] > 0], scores
