"""Words whose opposite turns a question into another one: "the least critical resource" is not
answered by a sentence about "the most critical" one, nor "a dependent choice" by "an independent"
one. SQuAD 2.0 builds many of its unanswerable questions exactly so (antonym and direction swaps),
and a sentence vector barely notices.

The pairs are a short hand list of scalar and directional opposites plus WordNet's antonyms of
adjectives, adverbs and verbs (``antonyms.txt``). Three readings are not contradictions: the
adjective of a "how long / high / old" question, a question that names both sides ("abstract or
concrete?"), a prefixed antonym against negated evidence ("unknown" for "not known"), and a
converse that swaps its two sides too ("the pilot before the approval" is "the approval after the
pilot")."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from answer.question import NEGATION
from retrieval.text import NUMBER_WORDS, PAST_FORMS, STOPWORDS, terms, words

_PAIRS = """
most least; more less; more fewer; largest smallest; biggest smallest; highest lowest; higher lower;
increase decrease; increased decreased; increase reduce; rise fall; first last; early late; earliest latest;
earlier later; before after; before subsequent; after prior; oldest newest; older newer; oldest youngest;
hard easy; hard soft; harder easier; hardest easiest; abstract concrete; major minor; maximum minimum;
best worst; better worse; win lose; won lost; won defeated; victory defeat; begin end; start end;
opened closed; accept reject; accepted rejected; allowed banned; public private; rich poor; richest poorest;
strong weak; strongest weakest; fastest slowest; longest shortest; hot cold; wet dry; upper lower;
inner outer; internal external; inside outside; import export; imports exports; buy sell; gain loss;
profit loss; success failure; succeeded failed; true false; common rare; always never; positive negative;
top bottom; above below; arrive depart; attack defend; ally enemy; friend enemy; include exclude;
included excluded; ancient modern; past future; previous next; precedes succeeds; preceded succeeded
"""
_DIRECTIONS = ("north south east west", "northern southern eastern western",
               "northernmost southernmost easternmost westernmost")
_NEGATING_PREFIX = re.compile(r"^(un|in|im|il|ir|non|dis|a)")


def _hand_pairs() -> list[tuple[str, str]]:
    pairs = [tuple(p.split()) for p in _PAIRS.split(";")]
    for group in _DIRECTIONS:
        names = group.split()
        pairs += [(a, b) for i, a in enumerate(names) for b in names[i + 1:]]
    return pairs


def _wordnet_pairs() -> list[tuple[str, str]]:
    listed = Path(__file__).with_name("antonyms.txt").read_text(encoding="utf-8").splitlines()
    return [tuple(line.split()) for line in listed if line and not line.startswith("#")]


# A verb's irregular past forms ("begin": began, begun).
_PASTS = {verb: {past for past, v in PAST_FORMS.items() if v == verb} for verb in set(PAST_FORMS.values())}


def inflections(word: str) -> set[str]:
    """The forms a listed word takes in running text ("connect": connects, connected, connecting;
    "soft": softer, softest), without reaching its derivations ("general" is no form of
    "generalize")."""
    forms = {word, word + "s", word + "es", word + "ed", word + "ing", word + "d", word + "er", word + "est"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing", word[:-1] + "ed", word + "r", word + "st"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word[:-1] + "ier", word[:-1] + "iest"}
    if len(word) > 2 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing", word + word[-1] + "er", word + word[-1] + "est"}
    return forms


@lru_cache(maxsize=1)
def opposites() -> tuple[dict[str, tuple[str, ...]], dict[str, frozenset[str]]]:
    """(each form of a listed word → its listed words, each listed word → its opposites).
    Stopwords ("same", "have") take part only through the hand list: WordNet pairs them with
    too many everyday uses."""
    against: dict[str, set[str]] = {}
    wordnet = [(a, b) for a, b in _wordnet_pairs() if a not in STOPWORDS and b not in STOPWORDS]
    for a, b in _hand_pairs() + wordnet:
        against.setdefault(a, set()).add(b)
        against.setdefault(b, set()).add(a)
    lemmas: dict[str, list[str]] = {}
    for lemma in against:
        for form in inflections(lemma):
            lemmas.setdefault(form, []).append(lemma)
    return ({form: tuple(found) for form, found in lemmas.items()},
            {lemma: frozenset(others) for lemma, others in against.items()})


def _prefixed(a: str, b: str) -> bool:
    """One word is the other with a negating prefix (known / unknown, connected / disconnected)."""
    short, long = sorted((a, b), key=len)
    return long.endswith(short) and bool(_NEGATING_PREFIX.match(long[: len(long) - len(short)]))


def contradiction(question: str, evidence: str) -> tuple[str, str] | None:
    """(asked, said): a word of the question the evidence lacks while it holds its opposite."""
    asked = words(question)
    said = set(words(evidence))
    negated = bool(NEGATION.search(evidence))
    lemmas, against = opposites()
    for before, word in sorted(set(zip(["", *asked], asked)), key=lambda pair: pair[1]):
        if before == "how" or word in said or word not in lemmas:
            continue
        # "began at the end of 2017" says when the repair began: an irregular past is the asked
        # word held (but a question's "bought" is not looked up as "buy": "sold … to him" answers it).
        mine = set().union(*(inflections(lemma) | _PASTS.get(lemma, set()) for lemma in lemmas[word]))
        if mine & said:
            continue
        opposite = set().union(*(inflections(o) for lemma in lemmas[word] for o in against[lemma])) - mine
        for other in sorted(opposite & said):
            if (other not in asked and not (negated and _prefixed(word, other))
                    and not _converse(asked, word, evidence, other)
                    and not (_spans_time(asked, word) or _spans_time(words(evidence), other))):
                return word, other
    return None


# Words that order two things: "A before B" says what "B after A" says.
_CONVERSES = frozenset("before after prior subsequent earlier later preceded followed precedes follows".split())


# "the first eight months", "last year": a span of time, not a rank.
_SPAN = frozenset("year years month months week weeks day days quarter half decade".split())
_COUNTS = frozenset(NUMBER_WORDS) | {"few"}


def _spans_time(words_: list[str], word: str) -> bool:
    """``word`` opens a span of time where it stands ("first eight months", "last year")."""
    i = words_.index(word)
    following = words_[i + 1:i + 3]
    counted = len(following) > 1 and (following[0] in _COUNTS or following[0].isdigit()) and following[1] in _SPAN
    return bool(following) and (following[0] in _SPAN or counted)


def _converse(asked: list[str], word: str, evidence: str, other: str) -> bool:
    """The evidence says with ``other`` what the question says with ``word``, its two sides swapped."""
    if word not in _CONVERSES or other not in _CONVERSES:
        return False
    said = words(evidence)
    i, j = asked.index(word), said.index(other)
    left, right = set(terms(" ".join(asked[max(0, i - 3):i]))), set(terms(" ".join(asked[i + 1:i + 7])))
    return bool(left & set(terms(" ".join(said[j + 1:])))) and bool(right & set(terms(" ".join(said[:j]))))
