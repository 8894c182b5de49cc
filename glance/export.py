"""The tables and the changes as flat rows, for CSV and JSON downloads and the page's tables."""
from __future__ import annotations

import csv
import io
from typing import Any

from glance.answer import figure_label, goal_label, place_label
from glance.extract import Cite, Figure, Glance, Goal, Place

TABLES = ("figures", "places", "goals")


def _cite(cite: Cite | dict | None, prefix: str = "") -> dict[str, Any]:
    if cite is None:
        return {}
    c = cite if isinstance(cite, dict) else cite.__dict__
    return {f"{prefix}source": c["source"], f"{prefix}start": c["start"], f"{prefix}end": c["end"],
            f"{prefix}sentence": c["text"]}


def rows(glance: Glance, documents: dict[str, tuple[str, str]] | None = None) -> dict[str, list[dict[str, Any]]]:
    """The tables as records; with ``documents`` (source → title, date) each row also names its
    document and date, and rows of several documents are ordered newest document first."""
    documents = documents or {}

    def about(cite: Cite) -> dict[str, Any]:
        title, date = documents.get(cite.source, (cite.source, ""))
        return {"document": title or cite.source, "date": date or ""}

    out = {
        "figures": [{**about(f.cite), "measure": f.measure, "value": f.value, "unit": f.unit,
                     "qualifier": f.qualifier, "equivalent": f.equivalent, "status": f.status, "period": f.period,
                     **_cite(f.cite)} for f in glance.figures],
        "places": [{**about(p.cites[0]), "name": p.name, "group": p.group, "role": p.role, "mentions": len(p.cites),
                    **_cite(p.cites[0])} for p in glance.places],
        "goals": [{**about(g.cite), "goal": g.goal, "kind": g.kind, "deadline": g.deadline, "actor": g.actor,
                   **_cite(g.cite)} for g in glance.goals],
    }
    for table in out.values():
        table.sort(key=lambda r: r["date"], reverse=True)
    return out


_LABELS = {"figures": figure_label, "places": place_label, "goals": goal_label}


def change_rows(changes: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per change: document, table, kind (added/removed/changed), old and new, both cited."""
    def label(table: str, item: dict) -> str:
        if table == "sentences":
            return item["text"]
        kind = {"figures": Figure, "places": Place, "goals": Goal}[table]
        fields = {k: v for k, v in item.items() if k not in ("cite", "cites")}
        return _LABELS[table](kind(**fields))

    def where(table: str, item: dict) -> dict | None:
        return item if table == "sentences" else item.get("cite") or (item.get("cites") or [None])[0]

    out = []
    for source, tables in changes.items():
        for table, kinds in tables.items():
            for kind, items in kinds.items():
                for item in items:
                    old, new = (item["old"], item["new"]) if kind == "changed" else \
                        ((item, None) if kind == "removed" else (None, item))
                    out.append({"document": source, "table": table, "change": kind,
                                "old": label(table, old) if old else "", "new": label(table, new) if new else "",
                                **_cite(where(table, old) if old else None, "old_"),
                                **_cite(where(table, new) if new else None, "new_")})
    return out


def to_csv(records: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    fields = list(dict.fromkeys(k for r in records for k in r)) or ["empty"]
    writer = csv.DictWriter(buffer, fieldnames=fields)
    writer.writeheader()
    writer.writerows(records)
    return buffer.getvalue()
