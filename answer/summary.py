"""Overview questions ("what is this document about?", "summarize the guideline in three
points", "main points") answered by a cited extractive summary.

Retrieval finds passages close to a question; an overview question is close to no passage in
particular. Each document version's summary is chosen once, at ingest: its sentences ranked by
how central they are to the document (similarity to the mean of its sentence vectors, with a
little weight on coming early, where news and papers state their point), picked one by one so
that each adds something the others do not say (maximal marginal relevance). An answer quotes
the first N in document order; for a collection, each document's most central sentence.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable, Sequence

import numpy as np

from answer.extractive import Draft
from answer.question import COUNT_WORDS, FRAMING
from prompts import load_prompt
from retrieval.keyword import KeywordIndex
from retrieval.text import terms
from schema import Passage
from store.catalog import Catalog, ChunkRow

KIND = "summary"
_DOCUMENT_NOUNS = (r"documents?|guidelines?|reports?|papers?|articles?|releases?|plans?|texts?|files?|collection|"
                   r"corpus|study|studies|it|this|these")
_OVERVIEW = re.compile(
    r"^\W*(?:please\s+|can you\s+|could you\s+)?(?:summari[sz]e|sum up|give (?:me )?(?:an? )?(?:overview|summary|gist)|"
    r"overview|tl;?dr)\b|"
    rf"\bwhat(?:'s| is| are| was| were)?\s+(?:\w+\s+){{0,6}}?(?:{_DOCUMENT_NOUNS})\s+(?:all\s+)?about\b|"
    r"\b(?:main|key|major|central|most important)\s+(?:points?|ideas?|messages?|takeaways?|themes?)\b|"
    r"\bin a nutshell\b|\bthe gist\b", re.I)
_POINTS = re.compile(r"\b(\d{1,2}|" + "|".join(["one", "two", *COUNT_WORDS]) +
                     r")\s+(?:main\s+|key\s+)?(?:points?|sentences?|bullets?|ideas?|takeaways?|things?)\b", re.I)
_SUMMARY_WORDS = frozenset(terms("summarize summarise summary sum overview gist tldr nutshell main key major central "
                                 "important points point ideas idea messages takeaways themes about whole tl dr "
                                 "sentences bullets briefly short brief documents document"))
_ANAPHORIC = re.compile(r"^(?:It|Its|This|These|That|Those|They|Their|He|His|She|Her|Such|Thereafter|Then|Also)\b")
_LEAD_WEIGHT, _MMR_LAMBDA, _KEEP = 0.15, 0.7, 8


def wanted_points(question: str, default: int = 3) -> int:
    match = _POINTS.search(question)
    if not match:
        return default
    said = match.group(1).lower()
    number = int(said) if said.isdigit() else {"one": 1, "two": 2}.get(said) or int(COUNT_WORDS[said])
    return max(1, min(number, _KEEP))


def is_overview(question: str, keyword: KeywordIndex | None = None) -> bool:
    """An overview question asks about a whole document: it names one ("summarize the Belt and
    Road action plan"), or nothing of a topic is left once its overview words, document words
    and the documents' title words are taken out ("main points of the R&D strategy" is a topic)."""
    if not _OVERVIEW.search(question):
        return False
    if keyword is not None and keyword.scope(question):
        return True
    titled = keyword.title_words() if keyword is not None else set()
    rest = [t for t in terms(question) if t not in _SUMMARY_WORDS and t not in FRAMING and t not in titled
            and not t.isdigit() and t not in COUNT_WORDS]
    return not rest


def rank_sentences(sentences: Sequence[tuple[tuple[int, int], str, np.ndarray]]) -> list[tuple[int, int]]:
    """Up to eight spans of one document, most central and least repetitive first."""
    usable = [(span, vector) for span, text, vector in sentences
              if 40 <= len(text) <= 400 and "|" not in text and not _ANAPHORIC.match(text)]
    if not usable:
        return []
    matrix = np.vstack([v for _, v in usable]).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-9
    centre = matrix.mean(axis=0)
    centre /= np.linalg.norm(centre) + 1e-9
    lead = 1.0 - np.arange(len(usable)) / max(len(usable), 1)
    relevance = matrix @ centre + _LEAD_WEIGHT * lead
    chosen: list[int] = []
    while len(chosen) < min(_KEEP, len(usable)):
        redundancy = (matrix @ matrix[chosen].T).max(axis=1) if chosen else np.zeros(len(usable))
        score = _MMR_LAMBDA * relevance - (1 - _MMR_LAMBDA) * redundancy
        score[chosen] = -np.inf
        chosen.append(int(score.argmax()))
    return [usable[i][0] for i in chosen]


def sentences_of_rows(rows: Iterable[ChunkRow]) -> list[tuple[tuple[int, int], str, np.ndarray]]:
    """Every sentence of a version's chunks with its vector (headings left out)."""
    out = []
    for row in rows:
        if row.heading or row.vectors is None:
            continue
        for j, (a, b) in enumerate(row.sentences):
            out.append(((a, b), row.text[a - row.start:b - row.start], row.vectors[j + 1]))
    return out


def ingest_step(catalog: Catalog) -> Callable:
    """The summary of each new document version, chosen and kept at ingest."""
    def step(doc, chunks, vectors, previous) -> None:
        sentences = [((a, b), doc.text[a:b], matrix[j + 1]) for c, matrix in zip(chunks, vectors) if not c.heading
                     for j, (a, b) in enumerate(c.sentences)]
        catalog.save_derived(KIND, doc.source, doc.content_hash, {"spans": rank_sentences(sentences)})
    return step


class SummaryAnswerer:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    def spans(self, source: str, doc_hash: str) -> list[tuple[int, int]]:
        """The version's summary; a store made before summaries existed gets it now, once."""
        kept = self.catalog.derived(KIND, source, doc_hash)
        if kept is None:
            kept = {"spans": rank_sentences(sentences_of_rows(self.catalog.version_chunks(source, doc_hash)))}
            self.catalog.save_derived(KIND, source, doc_hash, kept)
        return [tuple(s) for s in kept["spans"]]

    def answer(self, question: str, keyword: KeywordIndex, sources: set[str] | None = None) -> Draft | None:
        if not is_overview(question, keyword):
            return None
        documents = [d for d in self.catalog.documents()
                     if d.source in (sources or keyword.scope(question) or {d.source})]
        documents.sort(key=lambda d: d.date or "", reverse=True)
        if not documents:
            return None
        picked: list[tuple[object, tuple[int, int]]] = []
        if len(documents) == 1:
            doc = documents[0]
            picked = [(doc, span) for span in sorted(self.spans(doc.source, doc.doc_hash)[:wanted_points(question)])]
        else:
            for doc in documents[:wanted_points(question, default=_KEEP)]:
                picked += [(doc, span) for span in self.spans(doc.source, doc.doc_hash)[:1]]
        lines, citations = [], []
        for doc, (a, b) in picked:
            row = self.catalog.chunk_containing(doc.source, a)
            if row is None or not (row.start <= a and b <= row.end):
                continue
            citations.append(Passage(id=row.key, source=row.source, text=row.text, start=row.start, end=row.end,
                                     score=1.0, metadata={"title": row.title, "date": row.date,
                                                          "publisher": row.publisher, "section": row.section,
                                                          "page": row.page, "highlights": [(a, b)]}))
            quote = row.text[a - row.start:b - row.start]
            template = "summary_point" if len(documents) == 1 else "figure_by_document"
            lines.append(load_prompt(template).format(n=len(citations), quote=quote, date=doc.date or "undated",
                                                      title=doc.title or doc.source))
        if not citations:
            return None
        intro = (load_prompt("summary_intro").format(title=documents[0].title or documents[0].source,
                                                      count=len(citations))
                 if len(documents) == 1 else load_prompt("summary_collection_intro").format(count=len(documents)))
        return Draft(load_prompt("extractive_list").format(intro=intro, items="\n".join(lines)), False, citations)
