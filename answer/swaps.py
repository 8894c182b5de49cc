"""One word of the question swapped for another in the evidence's own phrasing: "a scientific
device that manipulates symbols" against "a theoretical device that...", "the busiest airport"
against "the second-busiest airport", "$20 million" against "$20 billion". SQuAD 2.0 writes many
unanswerable questions by such a swap; the sentence that inspired them still looks like the answer
to every similarity measure, so the swap itself is what the answerer looks for."""
from __future__ import annotations

import os
import re

from answer.question import RANK_WORDS
from retrieval.text import PAST_FORMS, STOPWORDS, terms, words

_SCALES = frozenset("hundred thousand million billion trillion percent km kilometre mile metre meter foot feet "
                    "acre hectare degree minute hour day week month year dollar euro pound yuan".split())
_ALIASES = {"%": "percent", "km": "kilometre", "kilometer": "kilometre", "meter": "metre", "feet": "foot"}
# Words that anchor no phrase: a swap is looked for between content words ("a", "an" and "the" may
# open it), so that "Who examines every boat?" is a paraphrase of "who inspects every vessel".
_FUNCTION = STOPWORDS | frozenset("every each any all some one two who what which whom whose".split())
_ARTICLES = frozenset(("a", "an", "the"))
_QUANTITY = re.compile(r"(\d[\d,.]*)\s*(%|[a-z]+)")


def _typo(a: str, b: str) -> bool:
    """One letter apart: a misspelling, not another word ("serf" for "surf")."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _same_word(a: str, b: str) -> bool:
    """The same word, a misspelling of it, a kin form of it ("navy" / "naval") or another tense
    ("take" / "took")."""
    ta, tb = terms(a), terms(b)
    shared = len(os.path.commonprefix((a, b)))
    return (a == b or (bool(ta) and ta == tb) or _typo(a, b) or (shared >= 3 and 2 * shared >= min(len(a), len(b)))
            or PAST_FORMS.get(a, a) == PAST_FORMS.get(b, b))


def swapped_word(question: str, evidence: str) -> tuple[str, str] | None:
    """(asked, said): the question and the evidence put different words between the same two
    words ("a scientific device" / "a theoretical device"), and the evidence never uses the asked
    one. Adverbs are left out: "commonly used" and "also used" say the same; so is a word the
    question uses itself ("BERT's architecture … a unified model" / "its unified architecture")."""
    asked, said = words(question), words(evidence)
    said_set, asked_set = set(said), set(asked)
    between: dict[tuple[str, str], set[str]] = {}
    for left, middle, right in zip(said, said[1:], said[2:]):
        between.setdefault((left, right), set()).add(middle)
    for left, middle, right in zip(asked, asked[1:], asked[2:]):
        # (not a number: "the 2012 rainstorm" is "the heaviest rainstorm"; years and figures are
        # checked against the evidence on their own)
        if (middle in said_set or middle in STOPWORDS or middle.endswith("ly") or right in _FUNCTION
                or (left in _FUNCTION and left not in _ARTICLES) or middle[:1].isdigit()):
            continue
        others = sorted(w for w in between.get((left, right), ()) if w not in STOPWORDS)
        if others and not any(_same_word(middle, w) or w in asked_set for w in others):
            return middle, others[0]
    return None


def unranked_superlative(question: str, evidence: str) -> tuple[str, str] | None:
    """(asked, said): the question asks for "the busiest port" where the evidence only names the
    second busiest one."""
    asked, said = words(question), words(evidence)
    for i, (word, after) in enumerate(zip(asked, asked[1:])):
        if not (word.endswith("est") and len(word) > 5) or (i and asked[i - 1] in RANK_WORDS):
            continue
        places = [j for j in range(len(said) - 1) if said[j] == word and said[j + 1] == after]
        if places and all(j and said[j - 1] in RANK_WORDS for j in places):
            return f"{word} {after}", f"{said[places[0] - 1]} {word} {after}"
    return None


def _unit(word: str) -> str:
    word = word[:-1] if len(word) > 3 and word.endswith("s") else word
    return _ALIASES.get(word, word)


def quantity_mismatch(question: str, evidence: str) -> tuple[str, str] | None:
    """(asked, said): the question's number comes with another unit or scale than the evidence's
    same number ("$20 million" / "$20 billion", "18 miles" / "11 miles (18 km)")."""
    said: dict[str, set[str]] = {}
    for number, unit in _QUANTITY.findall(evidence.lower()):
        said.setdefault(number.replace(",", ""), set()).add(_unit(unit))
    for number, unit in _QUANTITY.findall(question.lower()):
        units, unit = said.get(number.replace(",", ""), set()), _unit(unit)
        if unit in _SCALES and unit not in units and units & _SCALES:
            return f"{number} {unit}", f"{number} {sorted(units & _SCALES)[0]}"
    return None
