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

Ask = Callable[[str, list[str]], Answer]


def sides(question: str) -> tuple[str, str] | None:
    for pattern in _PATTERNS:
        match = pattern.match(question.strip())
        if match and match.group("a").strip() and match.group("b").strip():
            return match.group("a").strip(), match.group("b").strip()
    return None


def _as_question(side: str) -> str:
    return f"What is {side}?"


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
    first = ask(_as_question(first_side), [])
    second = ask(_as_question(second_side), [])
    if second.abstained:
        # An elliptical side is about what the first names: "current spending" of "the R&D target".
        second = ask(f"And what about its {_ARTICLE.sub('', second_side)}?", [_as_question(first_side)])
    if first.abstained and second.abstained:
        return Draft("", True, reason="neither side of the comparison is answered by the documents")
    lines, citations = [], []
    for side, answer in ((first_side, first), (second_side, second)):
        if answer.abstained:
            lines.append(load_prompt("comparison_side_unanswered").format(side=side))
            continue
        offset = len(citations)
        text = _MARKER.sub(lambda m: f"[{int(m.group(1)) + offset}]", answer.text)
        citations.extend(answer.citations)
        lines.append(load_prompt("comparison_side").format(side=side, answer=text))
    difference = gap(first.text, second.text) if not (first.abstained or second.abstained) else ""
    if difference:
        lines.append(load_prompt("comparison_gap").format(gap=difference))
    return Draft("\n".join(lines), False, citations)
