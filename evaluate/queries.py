"""Test queries from YAML query files and SQuAD-format JSON, read into one shape."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml


class QueryFileError(ValueError):
    """A query file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Query:
    id: str
    question: str
    expect: tuple[str, ...] = ()
    source: str = ""
    unanswerable: bool = False
    type: str = ""
    document: str = ""
    reference: str = ""
    history: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()


@dataclass
class Article:
    """A SQuAD article: a corpus document made of its paragraphs joined by blank lines."""

    title: str
    text: str
    queries: list[Query] = field(default_factory=list)


def _slug(title: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "_", title).strip("_") or "article"


def load_yaml(path: Path) -> list[Query]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise QueryFileError(f"{path}: cannot read it as YAML ({exc.__class__.__name__})") from None
    if isinstance(raw, dict) and "queries" in raw:
        raw = raw["queries"]
    if not isinstance(raw, list) or not raw:
        raise QueryFileError(f"{path}: expected a non-empty YAML list of queries")
    out = []
    for i, item in enumerate(raw, 1):
        if not isinstance(item, dict) or not str(item.get("question") or "").strip():
            raise QueryFileError(f"{path}: item {i} has no question")
        if not isinstance(item.get("reference") or "", str):
            raise QueryFileError(f"{path}: item {i}: reference must be text")
        expect = _texts(item.get("expect"), path, i, "expect")
        out.append(Query(id=str(item.get("id", i)), question=str(item["question"]),
                         expect=tuple(str(e) for e in expect), source=str(item.get("source") or ""),
                         unanswerable=bool(item.get("unanswerable", False)), type=str(item.get("type") or ""),
                         reference=str(item.get("reference") or "").strip(),
                         history=_texts(item.get("history"), path, i, "history"),
                         documents=_texts(item.get("documents") or item.get("document"), path, i, "documents")))
    return out


def _texts(value: object, path: Path, item: int, name: str) -> tuple[str, ...]:
    """A YAML field that holds one text or a list of texts."""
    if value is None or value == "":
        return ()
    if isinstance(value, (str, int, float)):
        return (str(value),)
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return tuple(str(v) for v in value)
    raise QueryFileError(f"{path}: item {item}: {name} must be a text or a list of texts")


def load_squad(path: Path, articles: list[str] | None = None) -> list[Article]:
    """Articles of a SQuAD file (all, or those whose index or title is in ``articles``)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        data = raw["data"]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise QueryFileError(f"{path}: not a SQuAD-format JSON file ({exc.__class__.__name__})") from None
    if not isinstance(data, list) or not data:
        raise QueryFileError(f"{path}: expected a non-empty list of articles under \"data\"")
    out = []
    for index, article in enumerate(data):
        where = f"{path}: article {index + 1}"
        try:
            title = str(article.get("title") or f"article-{index}")
            if articles and str(index) not in articles and title not in articles:
                continue
            paragraphs = [p["context"].strip() for p in article["paragraphs"]]
            doc = Article(title=title, text="\n\n".join(paragraphs) + "\n")
            name = f"{_slug(title)}.txt"
            for number, (para, p) in enumerate(zip(paragraphs, article["paragraphs"]), 1):
                for qa in p["qas"]:
                    where = f"{path}: article {index + 1}, paragraph {number}, question {qa.get('id', '?')}"
                    impossible = bool(qa.get("is_impossible")) or not qa.get("answers")
                    doc.queries.append(Query(
                        id=str(qa["id"]), question=str(qa["question"]),
                        expect=tuple(dict.fromkeys(str(a["text"]) for a in qa.get("answers", []))),
                        source=para, unanswerable=impossible, type="unanswerable" if impossible else "answerable",
                        document=name))
        except (KeyError, TypeError, AttributeError) as exc:
            missing = f"has no {exc.args[0]!r}" if isinstance(exc, KeyError) else "is not shaped like SQuAD"
            raise QueryFileError(f"{where} {missing}") from None
        out.append(doc)
    if not out:
        raise QueryFileError(f"{path}: no articles matched {articles}")
    return out


def is_squad(path: Path) -> bool:
    return path.suffix.lower() == ".json"


def problem(path: Path) -> str | None:
    """Why ``path`` is not a usable query file (YAML list of questions or SQuAD JSON), or None."""
    try:
        load_squad(path) if is_squad(path) else load_yaml(path)
    except QueryFileError as exc:
        return str(exc)
    return None
