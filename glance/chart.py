"""Now against target: the figure rows that measure the same thing, one bar per figure.

A chart is worth drawing only where a document states where things stand and where they should be.
Rows are grouped when they share a unit and name the same measure (one measure's words hold at
least half of the other's), whichever document they come from; a group with a current value and
a target becomes one panel. Each bar keeps its row number so the page can link it to its citation.
"""
from __future__ import annotations

import re
from typing import Any

from retrieval.text import terms

_AMOUNT = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*(thousand|million|billion|trillion)?", re.I)
_SCALE = {None: 1.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_YEAR = re.compile(r"\b((?:19|20)\d\d)(?:[-–](\d\d)\b(?!-))?")


def amount(value: str) -> float | None:
    """The number a figure states, scaled by its magnitude word ("630 billion" → 6.3e11)."""
    match = _AMOUNT.search(value)
    if not match:
        return None
    return float(match.group(1).replace(",", "")) * _SCALE[(match.group(2) or "").lower() or None]


def year(row: dict[str, Any]) -> str:
    """The year a figure is for: a target's deadline, a current value's as-of date, else its document's."""
    target = _status(row) == "target"
    for text in (row.get("period") or "", row.get("date") or ""):
        found = _YEAR.findall(text)
        if found:
            start, end = found[-1] if target else found[0]
            return start[:2] + end if target and end else start
    return ""


def _status(row: dict[str, Any]) -> str:
    return "target" if str(row.get("status", "")).startswith("target") else "current"


def _same_measure(a: set[str], b: set[str]) -> bool:
    return bool(a and b) and len(a & b) * 2 >= min(len(a), len(b))


def bars(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One record per bar, for every measure that has both a current value and a target.

    ``n`` is the row's 1-based position in ``figures`` (the page's citation numbering)."""
    entries = []
    for n, row in enumerate(figures, 1):
        value = amount(str(row.get("value", "")))
        unit = " ".join(terms(str(row.get("unit", ""))))
        if value is None or not unit:
            continue
        words = set(terms(str(row.get("measure", "")))) - set(unit.split())
        entries.append((n, row, value, unit, words))
    groups: list[list[tuple]] = []
    for entry in entries:
        home = next((g for g in groups if g[0][3] == entry[3] and any(_same_measure(entry[4], e[4]) for e in g)),
                    None)
        if home is None:
            groups.append([entry])
        else:
            home.append(entry)
    out = []
    for group in groups:
        if {_status(e[1]) for e in group} != {"current", "target"}:
            continue
        name = min((str(e[1]["measure"]) for e in group), key=len)
        measure = f"{name} ({group[0][1].get('unit', '')})"
        for n, row, value, _, _ in sorted(group, key=lambda e: (year(e[1]), _status(e[1]))):
            when = year(row)
            out.append({"n": n, "measure": measure, "value": value, "label": row.get("value", ""),
                        "status": _status(row), "year": when,
                        "bar": f"{_status(row)} {when}".strip(),
                        "document": row.get("document", ""), "date": row.get("date", ""),
                        "sentence": row.get("sentence", "")})
    return out
