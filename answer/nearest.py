"""The naive answerer the extractive one is measured against: the retrieved sentence closest to
the question, never abstaining."""
from __future__ import annotations

from answer.extractive import Draft
from answer.question import Question
from langchain_core.embeddings import Embeddings
from retrieval.hybrid import Hit
from retrieval.keyword import KeywordIndex
from schema import Passage
from settings import Settings


class NearestSentenceAnswerer:
    name = "nearest-sentence"

    def __init__(self, settings: Settings, embedder: Embeddings) -> None:
        self.settings = settings

    def answer(self, question: Question, hits: list[Hit], keyword: KeywordIndex) -> Draft:
        best = None
        for hit in hits[:self.settings.answer_passages]:
            for (a, b), similarity in zip(hit.row.sentences, hit.sentence_similarity):
                if best is None or similarity > best[0]:
                    best = (float(similarity), hit, a, b)
        if best is None:
            return Draft("", True)
        _, hit, a, b = best
        p = hit.passage()
        citation = Passage(p.id, p.source, p.text, p.start, p.end, p.score, {**p.metadata, "highlights": [(a, b)]})
        return Draft(f"{hit.row.text[a - hit.row.start:b - hit.row.start]} [1]", False, [citation])
