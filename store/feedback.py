"""Feedback on answers, kept in SQLite so it survives restarts and concurrent writers, and
exportable as test queries so real questions grow the test set."""
from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, question TEXT NOT NULL, answer TEXT NOT NULL,
    abstained INTEGER NOT NULL, helpful INTEGER NOT NULL, correction TEXT NOT NULL DEFAULT '',
    unanswerable INTEGER NOT NULL DEFAULT 0, cited TEXT NOT NULL DEFAULT '[]');
"""
# Added later; a database made before gets the column on opening.
_MIGRATIONS = ("ALTER TABLE feedback ADD COLUMN who TEXT NOT NULL DEFAULT ''",)
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
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        with self._connect() as db:
            db.executescript(_SCHEMA)
            columns = {row[1] for row in db.execute("PRAGMA table_info(feedback)")}
            if "who" not in columns:
                for statement in _MIGRATIONS:
                    db.execute(statement)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        db.execute("PRAGMA journal_mode=WAL")
        return db

    def add(self, item: Feedback) -> int:
        """Record one judgement; a connection per call, so threads and processes never share one."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        db = self._connect()
        try:
            with db:
                cursor = db.execute(
                    "INSERT INTO feedback (at, question, answer, abstained, helpful, correction, unanswerable, cited,"
                    " who) VALUES (?,?,?,?,?,?,?,?,?)",
                    (now, item.question, item.answer, int(item.abstained), int(item.helpful),
                     item.correction.strip(), int(item.unanswerable), json.dumps(list(item.cited)), item.who))
                return int(cursor.lastrowid)
        finally:
            db.close()

    def all(self) -> list[Feedback]:
        db = self._connect()
        try:
            rows = db.execute("SELECT question, answer, abstained, helpful, correction, unanswerable, cited, id, at, "
                              "who FROM feedback ORDER BY id").fetchall()
        finally:
            db.close()
        return [Feedback(r[0], r[1], bool(r[2]), bool(r[3]), r[4], bool(r[5]), tuple(json.loads(r[6])), r[7], r[8],
                         r[9]) for r in rows]

    def remove(self, feedback_id: int) -> bool:
        """Delete one item (abusive feedback); whether there was one."""
        db = self._connect()
        try:
            with db:
                return db.execute("DELETE FROM feedback WHERE id=?", (int(feedback_id),)).rowcount > 0
        finally:
            db.close()


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
