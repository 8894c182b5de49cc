""""Which documents mention X?": every document that speaks of X, each with one cited sentence.

Retrieval returns the few passages closest to a question; this question wants every document,
so it is answered from the keyword index over the whole collection instead.
"""
from __future__ import annotations

import re

from answer.extractive import Draft
from prompts import load_prompt
from retrieval.keyword import KeywordIndex
from retrieval.text import terms
from schema import Passage

_MENTIONS = re.compile(r"^(?:which|what)\s+(?:documents?|releases?|reports?|files?|papers?|sources?|articles?|plans?)"
                       r"\s+(?:mention|mentions|discuss|discusses|cover|covers|talk about|refer to|say anything about|"
                       r"speak (?:of|about)|deal with)\s+(?P<topic>.+?)\s*\??$", re.I)


def asked_topic(question: str) -> str:
    """X of "which documents mention X?", or ""."""
    match = _MENTIONS.match(question.strip())
    return match.group("topic") if match else ""


class MentionsAnswerer:
    def answer(self, question: str, keyword: KeywordIndex, sources: set[str] | None = None) -> Draft | None:
        topic = asked_topic(question)
        if not topic:
            return None
        wanted = set(terms(topic))
        if not wanted:
            return None
        scores = keyword.scores(topic)
        best: dict[str, tuple[float, int]] = {}
        for i, row in enumerate(keyword.rows):
            if row.heading or (sources and row.source not in sources) or not wanted <= set(terms(row.text)):
                continue
            if row.source not in best or scores[i] > best[row.source][0]:
                best[row.source] = (float(scores[i]), i)
        if not best:
            return Draft("", True, reason=f"no document mentions {topic}")
        lines, citations = [], []
        for source, (_, i) in sorted(best.items(), key=lambda item: keyword.rows[item[1][1]].date or "", reverse=True):
            row = keyword.rows[i]
            a, b = max(row.sentences, key=lambda span: len(wanted & set(terms(row.text[span[0] - row.start:span[1] - row.start]))))
            quote = row.text[a - row.start:b - row.start]
            citations.append(Passage(id=row.key, source=row.source, text=row.text, start=row.start, end=row.end,
                                     score=1.0, metadata={"title": row.title, "date": row.date,
                                                          "publisher": row.publisher, "section": row.section,
                                                          "page": row.page, "highlights": [(a, b)]}))
            lines.append(load_prompt("figure_by_document").format(date=row.date or "undated",
                                                                  title=row.title or row.source, quote=quote,
                                                                  n=len(citations)))
        intro = load_prompt("mentions_intro").format(count=len(citations), topic=topic)
        return Draft(load_prompt("extractive_list").format(intro=intro, items="\n".join(lines)), False, citations)
