"""Words whose opposite turns a question into another one: "the least critical resource" is not
answered by a sentence about "the most critical" one. SQuAD 2.0 builds many of its unanswerable
questions exactly so (antonym and direction swaps), and a sentence vector barely notices.

Only scalar and directional opposites are listed: pairs such as known/unknown or same/different
are as often a paraphrase ("not known") as a contradiction, and the plain adjectives of "how
long / high / large / old" questions (long/short, high/low...) would contradict every such
question."""
from __future__ import annotations

_PAIRS = """
most least; more less; more fewer; largest smallest; biggest smallest; highest lowest; higher lower;
increase decrease; increased decreased; increase reduce; rise fall; first last; early late; earliest latest;
earlier later; before after; oldest newest; older newer; oldest youngest; hard easy; hard soft; harder easier;
hardest easiest; abstract concrete; major minor; maximum minimum; best worst; better worse; win lose; won lost;
won defeated; victory defeat; begin end; start end; opened closed; accept reject; accepted rejected;
allowed banned; public private; rich poor; richest poorest; strong weak; strongest weakest; fastest slowest;
longest shortest; hot cold; wet dry; upper lower; inner outer; internal external; inside outside;
import export; imports exports; buy sell; gain loss; profit loss; success failure; succeeded failed;
true false; common rare; always never; positive negative; top bottom; above below; arrive depart;
attack defend; ally enemy; friend enemy; include exclude; included excluded; ancient modern; past future;
previous next; precedes succeeds; preceded succeeded
"""
_DIRECTIONS = ("north south east west", "northern southern eastern western",
               "northernmost southernmost easternmost westernmost")

OPPOSITES: dict[str, frozenset[str]] = {}


def _add(a: str, b: str) -> None:
    OPPOSITES[a] = OPPOSITES.get(a, frozenset()) | {b}
    OPPOSITES[b] = OPPOSITES.get(b, frozenset()) | {a}


for _pair in _PAIRS.split(";"):
    _add(*_pair.split())
for _group in _DIRECTIONS:
    _names = _group.split()
    for _i, _a in enumerate(_names):
        for _b in _names[_i + 1:]:
            _add(_a, _b)


def contradiction(question_words: set[str], evidence_words: set[str]) -> tuple[str, str] | None:
    """(asked, said): a word of the question the evidence lacks while it holds its opposite."""
    for word in sorted(question_words - evidence_words):
        said = OPPOSITES.get(word, frozenset()) & evidence_words
        if said:
            return word, min(said)
    return None
