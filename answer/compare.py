"""Comparison questions ("how does the R&D target compare with current spending?", "the
difference between X and Y", "X versus Y") answered side by side.

No single passage answers a comparison; each side does. The question is split into its two
sides, each side is answered as a question of its own (the second as a follow-up to the first,
so "current spending" inherits "R&D" from "the R&D target"), and the two cited answers are put
together with what differs: the two figures, and their gap when they share a unit. A second side
that the documents do not answer on its own is read as elliptical, about what the first names.
"""
from __future__ import annotations

import re
from typing import Callable

from answer.extractive import Draft
from prompts import load_prompt
from schema import Answer

_PATTERNS = (
    re.compile(r"^\W*(?:how\s+(?:does|do|did|is|are|was|were|will)\s+)(?P<a>.+?)\s+(?:compare[sd]?|stack up|measure up|"
               r"differ|perform\s+(?:in\s+comparison|compared|relative))\s+(?:with|to|from|against)\s+(?P<b>.+?)\W*$",
               re.I),
    re.compile(r"^\W*compare\s+(?P<a>.+?)\s+(?:with|to|and|against|versus|vs\.?)\s+(?P<b>.+?)\W*$", re.I),
    re.compile(r"^\W*(?:what(?:'s| is| are)\s+)?(?:the\s+)?(?:difference|differences|gap)\s+between\s+(?P<a>.+?)\s+and\s+"
               r"(?P<b>.+?)\W*$", re.I),
    re.compile(r"^\W*(?P<a>[^?]+?)\s+(?:vs\.?|versus)\s+(?P<b>.+?)\W*$", re.I),
)
_FIGURE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(%|[A-Za-z]+)")
_MARKER = re.compile(r"\[(\d+)\]")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
# "BERT's performance on GLUE" and "the accuracy of the largest model": what is measured, of whom.
_ASPECT = (re.compile(r"^(?P<owner>[^,]+?)['’]s?\s+(?P<aspect>[^,]+)$"),
           re.compile(r"^the\s+(?P<aspect>[^,]+?)\s+of\s+(?P<owner>[^,]+)$", re.I))
_PERFORM = re.compile(r"\bperform\w*\s+(?:in\s+comparison|compared|relative)\b", re.I)
# A second question joined to the comparison ("…, and what are the benefits?") is no part of a side.
_SECOND_QUESTION = re.compile(r",?\s+and\s+(?:what|how|why|which|who|when|where|does|do|is|are|can)\b.*$", re.I)

Ask = Callable[[str, list[str]], Answer]


def sides(question: str) -> tuple[str, str] | None:
    for pattern in _PATTERNS:
        match = pattern.match(question.strip())
        if match and match.group("a").strip() and match.group("b").strip():
            return match.group("a").strip(), _SECOND_QUESTION.sub("", match.group("b")).strip()
    return None


def _as_question(side: str, aspect: str = "") -> str:
    return f"What is the {aspect} of {side}?" if aspect else f"What is {side}?"


def aspect(side: str) -> str:
    """What a side measures ("performance on GLUE" of "BERT's performance on GLUE"), or ""."""
    for pattern in _ASPECT:
        match = pattern.match(side)
        if match:
            return match.group("aspect")
    return ""


def side_questions(question: str, first: str, second: str) -> tuple[str, str]:
    """The question each side is asked. What the comparison measures belongs to both sides:
    "how does BERT's performance on GLUE compare to previous models" asks of the second side
    "the performance on GLUE of previous models", and "how does X perform compared to Y" asks
    each side's performance."""
    if _PERFORM.search(question):
        return _as_question(first, "performance"), _as_question(second, "performance")
    measured = aspect(first)
    return _as_question(first), _as_question(second, measured if measured and not aspect(second) else "")


def _figure(text: str) -> tuple[float, str] | None:
    for number, unit in _FIGURE.findall(_MARKER.sub("", text)):
        if len(number.replace(",", "")) == 4 and number.startswith(("19", "20")) and "." not in number:
            continue
        return float(number.replace(",", "")), unit.lower()
    return None


def gap(a: str, b: str) -> str:
    """The gap between the first figures of two answers, when they share a unit ("" otherwise)."""
    first, second = _figure(a), _figure(b)
    if not first or not second or first[1] != second[1] or first[0] == second[0]:
        return ""
    unit = "percentage points" if first[1] in ("percent", "%") else first[1]
    return f"{abs(first[0] - second[0]):,.4g} {unit}"


def compare(question: str, ask: Ask) -> Draft | None:
    """Both sides answered and put side by side, or None if the question is no comparison."""
    split = sides(question)
    if split is None:
        return None
    first_side, second_side = split
    first_question, second_question = side_questions(question, first_side, second_side)
    first = ask(first_question, [])
    second = ask(second_question, [])
    if second.abstained:
        # An elliptical side is about what the first names: "current spending" of "the R&D target".
        second = ask(f"And what about its {_ARTICLE.sub('', second_side)}?", [first_question])
    if first.abstained and second.abstained:
        return Draft("", True, reason="neither side of the comparison is answered by the documents")
    lines, citations = [], []
    for side, answer in ((first_side, first), (second_side, second)):
        if answer.abstained:
            lines.append(load_prompt("comparison_side_unanswered").format(side=side))
            continue
        offset = len(citations)
        text = _MARKER.sub(lambda m: f"[{int(m.group(1)) + offset}]", answer.text).replace("\n", "\n  ")
        citations.extend(answer.citations)
        lines.append(load_prompt("comparison_side").format(side=side, answer=text))
    difference = gap(first.text, second.text) if not (first.abstained or second.abstained) else ""
    if difference:
        lines.append(load_prompt("comparison_gap").format(gap=difference))
    return Draft("\n".join(lines), False, citations)
