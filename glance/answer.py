"""List questions answered from the tables: "list all the zones", "what figures does the guideline
give", "which targets are for 2025?". Retrieval returns a few passages; a list spread over the
whole document needs the whole table, each item cited to its sentence."""
from __future__ import annotations

import re
import threading

from answer.extractive import Draft
from glance.extract import Cite, Figure, Glance, Goal, Place
from glance.versions import combined
from prompts import load_prompt
from retrieval.text import terms
from schema import Passage
from store.catalog import Catalog

_LIST_CUE = re.compile(r"\b(list|name|enumerate|all|every|which|what)\b", re.I)
_PLACES = re.compile(r"\b(zones|areas|parks|cities|places|districts|regions|locations)\b", re.I)
_FIGURES = re.compile(r"\b(figures|numbers|statistics|indicators|data|numerical|metrics)\b", re.I)
_GOALS = re.compile(r"\b(targets|goals|commitments|objectives|aims|strategies)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_ASKING = frozenset(terms(
    "list name enumerate all every which what zones zone areas area parks park cities places districts regions "
    "locations figures numbers statistics indicators data numerical metrics targets target goals goal commitments "
    "objectives aims strategies strategy guideline document policy give gives given named mentioned mention "
    "set sets main there its city's"))


def figure_label(f: Figure) -> str:
    value = " ".join(filter(None, [f.qualifier, f.value, f.unit]))
    if f.equivalent:
        value += f" ({f.equivalent})"
    when = ", ".join(filter(None, [f.status, f.period]))
    return f"{value} ({when})" if f.measure == f.unit else f"{f.measure}: {value} ({when})"


def place_label(p: Place) -> str:
    return f"{p.name} ({p.group})" if p.group else p.name


def goal_label(g: Goal) -> str:
    return f"{g.goal} ({g.deadline})" if g.deadline else g.goal


class TableAnswerer:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._lock = threading.Lock()
        self._cached: tuple[int, Glance] | None = None

    def tables(self) -> Glance:
        """The current documents' tables, re-read only after an ingest publishes a new version."""
        generation = self.catalog.generation()
        with self._lock:
            if self._cached is None or self._cached[0] != generation:
                self._cached = (generation, combined(self.catalog))
            return self._cached[1]

    def answer(self, question: str, sources: set[str] | None = None) -> Draft | None:
        """The table rows a list question asks for, or None when it is not one (or the rows do
        not cover what it names: "which parks in Shanghai" is not answered with every park)."""
        if not _LIST_CUE.search(question) or not (_GOALS.search(question) or _FIGURES.search(question)
                                                   or _PLACES.search(question)):
            return None
        tables = self.tables()
        years = set(_YEAR.findall(question))
        rows: list[tuple[str, Cite, str]] = []
        if _GOALS.search(question):
            kind = "strategy" if re.search(r"\bstrateg(y|ies)\b", question, re.I) else "goal"
            goals = [g for g in tables.goals if g.kind == kind and (not years or any(y in g.deadline for y in years))]
            rows = [(goal_label(g), g.cite, g.cite.text) for g in goals]
            if years and kind == "goal":
                rows += [(figure_label(f), f.cite, f.cite.text) for f in tables.figures
                         if f.status == "target" and any(y in f.period for y in years)
                         and f.cite not in {g.cite for g in goals}]
        elif _FIGURES.search(question):
            rows = [(figure_label(f), f.cite, f.cite.text) for f in tables.figures
                    if not years or any(y in f.period for y in years)]
        elif _PLACES.search(question):
            rows = [(place_label(p), p.cites[0], p.role) for p in tables.places]
        wanted = set(terms(question)) - _ASKING - years
        rows = [r for r in rows if wanted <= set(terms(f"{r[0]} {r[2]}")) and (not sources or r[1].source in sources)]
        return self._compose([(label, cite) for label, cite, _ in rows]) if rows else None

    @staticmethod
    def _compose(items: list[tuple[str, Cite]]) -> Draft:
        numbers: dict[Cite, int] = {}
        lines = []
        for label, cite in items:
            n = numbers.setdefault(cite, len(numbers) + 1)
            lines.append(load_prompt("extractive_list_item").format(quote=label, n=n))
        citations = [Passage(f"{c.source}:{c.start}", c.source, c.text, c.start, c.end, 1.0,
                             {"highlights": [(c.start, c.end)]}) for c in numbers]
        text = load_prompt("table_list").format(count=len(items), items="\n".join(lines))
        return Draft(text, False, citations)
