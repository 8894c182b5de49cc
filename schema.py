"""The small types every stage speaks; the CLIs' ``--json`` is these, serialised."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Passage:
    """A span of a source file: ``text == file_text[start:end]``, so citations quote exactly."""

    id: str
    source: str
    text: str
    start: int
    end: int
    score: float = 0.0
    metadata: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_json(self, n: int | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {} if n is None else {"n": n}
        out.update(source=self.source, text=self.text, start=self.start, end=self.end,
                   score=round(float(self.score), 6))
        for key in ("title", "date", "publisher", "section", "page"):
            if self.metadata.get(key):
                out[key] = self.metadata[key]
        if "highlights" in self.metadata:
            out["highlights"] = [{"start": a, "end": b} for a, b in self.metadata["highlights"]]
        return out


@dataclass(frozen=True)
class Answer:
    text: str
    abstained: bool
    citations: list[Passage]
    backend: str
    timings_ms: dict[str, float] = field(default_factory=dict)
    retrieved: list[Passage] = field(default_factory=list)
    question: str = ""
    rewritten: str = ""
    notice: str = ""
    verification: dict[str, Any] | None = None
    reason: str = ""

    def to_json(self, with_retrieved: bool = False) -> dict[str, Any]:
        out = {
            "answer": self.text,
            "abstained": self.abstained,
            "citations": [p.to_json(n) for n, p in enumerate(self.citations, 1)],
            "backend": self.backend,
            "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
        }
        if self.abstained and self.reason:
            out["reason"] = self.reason
        if self.rewritten:
            out["rewritten"] = self.rewritten
        if self.notice:
            out["notice"] = self.notice
        if self.verification is not None:
            out["verification"] = self.verification
        if with_retrieved:
            out["retrieved"] = [p.to_json() for p in self.retrieved]
        return out


@dataclass(frozen=True)
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    documents: int = 0
    chunks: int = 0
    changes: dict[str, dict[str, Any]] = field(default_factory=dict)
    notes: dict[str, list[str]] = field(default_factory=dict)
    chunk_chars: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        for key in ("added", "updated", "deleted", "skipped"):
            out[key] = len(out[key])
        out["files"] = {key: getattr(self, key) for key in ("added", "updated", "deleted", "skipped")}
        return out
