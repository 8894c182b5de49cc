"""What changed between two versions of a document, in the terms of its tables: a figure whose
value changed (old → new, both cited), places and goals added or removed, sentences added,
removed or reworded. An edited sentence is one change, not a removal plus an addition."""
from __future__ import annotations

from dataclasses import asdict
from difflib import SequenceMatcher
from typing import Any, Callable, Sequence, TypeVar

from glance.extract import Figure, Glance, _norm

T = TypeVar("T")
REWORDED = 0.75


def _figure_keys(figures: list[Figure]) -> dict[str, Figure]:
    """A figure is known by what it measures, whether it is a target, and its unit; the period
    only tells apart two figures that share all three."""
    keyed: dict[str, Figure] = {}
    for f in figures:
        key = f"{_norm(f.measure)}|{f.status}|{_norm(f.unit)}"
        keyed[key if key not in keyed else f"{key}|{f.period}"] = f
    return keyed


def _pair(old: Sequence[T], new: Sequence[T], text: Callable[[T], str]) -> tuple[list[T], list[T], list[tuple[T, T]]]:
    """(removed, added, reworded): items only on one side, with close pairs matched as rewordings."""
    old_texts, new_texts = {_norm(text(o)) for o in old}, {_norm(text(n)) for n in new}
    removed = [o for o in old if _norm(text(o)) not in new_texts]
    added = [n for n in new if _norm(text(n)) not in old_texts]
    pairs = []
    for o in list(removed):
        best = max(added, key=lambda n: SequenceMatcher(None, text(o), text(n)).ratio(), default=None)
        if best is not None and SequenceMatcher(None, text(o), text(best)).ratio() >= REWORDED:
            pairs.append((o, best))
            removed.remove(o)
            added.remove(best)
    return removed, added, pairs


def diff(old: Glance, new: Glance) -> dict[str, Any]:
    before, after = _figure_keys(old.figures), _figure_keys(new.figures)
    figures = {
        "changed": [{"old": asdict(before[k]), "new": asdict(after[k])} for k in before
                    if k in after and (before[k].value, before[k].qualifier, before[k].period)
                    != (after[k].value, after[k].qualifier, after[k].period)],
        "added": [asdict(after[k]) for k in after if k not in before],
        "removed": [asdict(before[k]) for k in before if k not in after],
    }
    old_places, new_places = {p.key: p for p in old.places}, {p.key: p for p in new.places}
    places = {"added": [asdict(new_places[k]) for k in new_places if k not in old_places],
              "removed": [asdict(old_places[k]) for k in old_places if k not in new_places]}
    removed, added, reworded = _pair(old.goals, new.goals, lambda g: g.goal)
    goals = {"added": [asdict(g) for g in added], "removed": [asdict(g) for g in removed],
             "changed": [{"old": asdict(o), "new": asdict(n)} for o, n in reworded]}
    removed_s, added_s, reworded_s = _pair(old.sentences, new.sentences, lambda c: c.text)
    sentences = {"added": [asdict(c) for c in added_s], "removed": [asdict(c) for c in removed_s],
                 "changed": [{"old": asdict(o), "new": asdict(n)} for o, n in reworded_s]}
    return {"figures": figures, "places": places, "goals": goals, "sentences": sentences}


def is_empty(changes: dict[str, Any]) -> bool:
    return not any(items for table in changes.values() for items in table.values())


def summary(changes: dict[str, Any]) -> dict[str, int]:
    """Counts per table and kind, e.g. ``{"figures.changed": 1, "places.added": 1}``."""
    return {f"{table}.{kind}": len(items) for table, kinds in changes.items() for kind, items in kinds.items()
            if items}


