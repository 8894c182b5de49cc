"""Feedback on answers, kept in a database (SQLite, or the team's PostgreSQL) so it survives restarts and
concurrent writers, and exportable as test queries so real questions grow the test set."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Integer, MetaData, Table, Text, text

from store.database import create_schema, open_engine, reachable, reader

_METADATA = MetaData()
Table("feedback", _METADATA, Column("id", Integer, primary_key=True, autoincrement=True),
      Column("at", Text, nullable=False), Column("question", Text, nullable=False), Column("answer", Text, nullable=False),
      Column("abstained", Integer, nullable=False), Column("helpful", Integer, nullable=False),
      Column("correction", Text, nullable=False, server_default=""),
      Column("unanswerable", Integer, nullable=False, server_default="0"),
      Column("cited", Text, nullable=False, server_default="[]"), Column("who", Text, nullable=False, server_default=""))
_MARKER = re.compile(r"\s*\[\d+\]")


@dataclass(frozen=True)
class Feedback:
    question: str
    answer: str
    abstained: bool
    helpful: bool
    correction: str = ""
    unanswerable: bool = False
    cited: tuple[str, ...] = ()
    id: int = 0
    at: str = ""
    who: str = ""  # "reader:<anonymous session id>" or "editor:<id>"; "" from the CLI or before


class FeedbackStore:
    """Feedback in a SQLite file (a path) or in the team's database (a URL); one connection per
    call from a pool, so threads and processes never share one."""

    def __init__(self, where: Path | str) -> None:
        if isinstance(where, Path):
            where.parent.mkdir(parents=True, exist_ok=True)
            where = f"sqlite:///{where}"
        self.url = where
        self.engine = open_engine(where)
        # A database made before feedback kept its author gets the column.
        create_schema(self.engine, where, _METADATA, {"feedback": (("who", "TEXT NOT NULL DEFAULT ''"),)})

    def add(self, item: Feedback) -> int:
        """Record one judgement."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with reachable(self.url), self.engine.begin() as db:
            row = db.execute(text(
                "INSERT INTO feedback (at, question, answer, abstained, helpful, correction, unanswerable, cited, who)"
                " VALUES (:at, :q, :a, :abstained, :helpful, :correction, :unanswerable, :cited, :who) RETURNING id"),
                {"at": now, "q": item.question, "a": item.answer, "abstained": int(item.abstained),
                 "helpful": int(item.helpful), "correction": item.correction.strip(),
                 "unanswerable": int(item.unanswerable), "cited": json.dumps(list(item.cited)), "who": item.who})
            return int(row.scalar_one())

    def all(self) -> list[Feedback]:
        with reachable(self.url), reader(self.engine).connect() as db:
            rows = db.execute(text("SELECT question, answer, abstained, helpful, correction, unanswerable, cited, id, "
                                   "at, who FROM feedback ORDER BY id")).fetchall()
        return [Feedback(r[0], r[1], bool(r[2]), bool(r[3]), r[4], bool(r[5]), tuple(json.loads(r[6])), r[7], r[8],
                         r[9]) for r in rows]

    def remove(self, feedback_id: int) -> bool:
        """Delete one item (abusive feedback); whether there was one."""
        with reachable(self.url), self.engine.begin() as db:
            return db.execute(text("DELETE FROM feedback WHERE id=:i"), {"i": int(feedback_id)}).rowcount > 0


def as_test_queries(items: list[Feedback]) -> list[dict[str, Any]]:
    """Feedback that says what the right answer is, in the YAML query format.

    Helpful answers become queries expecting what was answered (or an abstention); unhelpful ones
    with a correction expect the correction; "the guideline does not answer this" expects an
    abstention. Unhelpful feedback without a correction says nothing checkable and is left out."""
    queries = []
    for item in items:
        query: dict[str, Any] = {"id": f"feedback-{item.id}", "question": item.question, "type": "feedback"}
        if item.unanswerable or (item.helpful and item.abstained):
            query["unanswerable"] = True
        elif item.helpful:
            query["expect"] = [_MARKER.sub("", item.answer).strip()]
            if item.cited:
                query["source"] = item.cited[0]
        elif item.correction:
            query["expect"] = [item.correction]
        else:
            continue
        queries.append(query)
    return queries
