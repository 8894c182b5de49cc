"""What a question asks for: the kind of answer it expects and the terms the evidence must hold."""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from retrieval.text import terms, words


class Kind(str, Enum):
    NUMBER = "number"
    DATE = "date"
    PERSON = "person"
    LIST = "list"
    OTHER = "other"


_KIND_PATTERNS = (
    (Kind.DATE, re.compile(r"^(when|what (year|date|day|month|time)|which (year|date|day|month)|by when|since when|"
                           r"in what (year|month)|how long ago)\b|\b(what|which) (year|date)\b")),
    (Kind.NUMBER, re.compile(r"\bhow (many|much|large|big|high|far|long|old|often)\b|\b(what|which) "
                             r"(is the )?(percentage|percent|share|proportion|number|amount|rate|ratio|figure|"
                             r"value|size|total)\b|\b(percentage|percent|how much|rate|ratio)\b")),
    (Kind.PERSON, re.compile(r"^(who|whom|whose)\b|\b(who|whom|whose) (is|was|are|were|did|has|leads|heads)\b")),
    (Kind.LIST, re.compile(r"^(list|name|enumerate)\b|\b(what|which) (are|were) the\b|\b(all|two|three|four|five|"
                           r"several|main|key) (\w+ )?(zones|areas|parks|cities|strategies|goals|fields|sectors|"
                           r"items|places|regions|steps|measures)\b|\b(which|what) (\w+ )?(areas|zones|parks|cities|"
                           r"strategies|fields|sectors|places|regions)\b")),
)

_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)s?\b")
_NUMBER = re.compile(r"\d")


@dataclass(frozen=True)
class Question:
    text: str
    kind: Kind
    terms: tuple[str, ...]
    years: frozenset[str]
    numbers: frozenset[str]
    asks_metadata: bool


def analyse(text: str) -> Question:
    lowered = " ".join(words(text))
    kind = next((k for k, pattern in _KIND_PATTERNS if pattern.search(lowered)), Kind.OTHER)
    years = frozenset(_YEAR.findall(text))
    numbers = frozenset(w.replace(",", "") for w in words(text) if _NUMBER.match(w)) - years
    asks_metadata = bool(re.search(r"\b(title|headline|published|source|date of|dated|who wrote|author)\b", lowered))
    return Question(text=text, kind=kind, terms=tuple(dict.fromkeys(terms(text))), years=years,
                    numbers=numbers, asks_metadata=asks_metadata)
