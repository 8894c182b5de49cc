"""What a sentence announces and leaves to the text after it.

"Instead, we pre-train BERT using two unsupervised tasks, described in this section" and "This
leads to the following mixture of data:" answer nothing by themselves: the tasks and the mixture
are the paragraphs that follow, each opened by a heading (or a run-in heading the PDF reader
wrote as one). An answer built on such a sentence goes on with what it announces: the headings
of the parts that follow it (as many as it counts, else its section's subsections), or else the
sentences after it.
"""
from __future__ import annotations

import re

import numpy as np

from answer.question import COUNT_WORDS
from retrieval.hybrid import Hit
from retrieval.keyword import KeywordIndex
from store.catalog import ChunkRow

_ANNOUNCES = re.compile(r"(?::|\b(?:the\s+following(?:\s+[\w-]+){0,3}|as\s+follows|(?:described|listed|given|shown|"
                        r"outlined|detailed|discussed|explained)\s+(?:below|in\s+this\s+section|next|here))\W*)$",
                        re.I)
_COUNTED = re.compile(rf"\b(two|{'|'.join(COUNT_WORDS)}|\d+)\s+(?:[\w-]+\s+){{0,2}}[\w-]+s\b", re.I)
_HEADING_LINE = re.compile(r"#{1,6}[ \t]+(.+)")
_MARKER = re.compile(r"\s*(?:[-*+•]|\d+[.)]|\(\w{1,3}\))\s+")
# How far after the announcing sentence its parts may lie, in chunks.
_LOOKAHEAD = 24


def announces(text: str) -> bool:
    return bool(_ANNOUNCES.search(text.strip()))


def _count(text: str) -> int | None:
    match = _COUNTED.search(text)
    if not match:
        return None
    said = match.group(1).lower()
    return 2 if said == "two" else int(COUNT_WORDS.get(said, said))


def _heading(row: ChunkRow) -> tuple[int, int] | None:
    """The span of the heading a chunk opens with (its words, without the #s)."""
    match = _HEADING_LINE.match(row.text)
    return (row.start + match.start(1), row.start + match.end(1)) if match else None


def parts(row: ChunkRow, span: tuple[int, int], keyword: KeywordIndex, most: int) -> list[tuple[ChunkRow, tuple[int, int]]]:
    """The parts a sentence of ``row`` announces, each as (chunk, span to quote): [] when it
    announces nothing or nothing follows it."""
    text = row.text[span[0] - row.start:span[1] - row.start]
    if not announces(text):
        return []
    counted = _count(text)
    wanted = min(counted or most, most)
    following = [s for s in row.sentences if s[0] >= span[1]]
    if following and text.rstrip().endswith(":"):
        return [(row, _unmarked(row, s)) for s in following[:wanted]]
    at = keyword.position.get((row.source, row.doc_hash, row.idx))
    if at is None:
        return []
    after = [r for r in keyword.rows[at + 1:at + 1 + _LOOKAHEAD] if r.source == row.source and r.doc_hash == row.doc_hash]
    inside = f"{row.section} › " if row.section else ""
    found: list[tuple[ChunkRow, tuple[int, int]]] = []
    for r in after:
        if len(found) >= wanted:
            break
        heading = _heading(r)
        if heading is None:
            continue
        sub = bool(inside) and r.section.startswith(inside)
        if not sub and (counted is None or not found):
            break
        found.append((r, heading))
    if found or following:
        return found
    return [(r, r.sentences[0]) for r in after[:1] if r.section == row.section and r.sentences and not r.heading]


def _unmarked(row: ChunkRow, span: tuple[int, int]) -> tuple[int, int]:
    """A list item's span without its marker ("- ", "2. ", "(b) "): the answer lists it again."""
    match = _MARKER.match(row.text, span[0] - row.start, span[1] - row.start)
    return (row.start + match.end(), span[1]) if match and row.start + match.end() < span[1] else span


def as_hit(row: ChunkRow) -> Hit:
    """A chunk the answer quotes without having retrieved it."""
    return Hit(row, 0.0, 0.0, 0.0, np.zeros(0, dtype=np.float32))
