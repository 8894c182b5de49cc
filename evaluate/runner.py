"""Running queries through an assistant built from settings, and scoring them.

YAML queries run against the configured store (ingested first if empty); SQuAD articles each get
a temporary store of their own. A comparison runs the same queries through a second
configuration in the same process, so both are measured on the same machine at the same time.
"""
from __future__ import annotations

import random
import tempfile
from pathlib import Path
from typing import Any, Callable

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant import Assistant, build_assistant
from answer.verify import Verifier
from evaluate.metrics import score_item, summarise
from evaluate.queries import Article, Query
from settings import Settings

Tick = Callable[[int, int], None]


def run_queries(assistant: Assistant, queries: list[Query], backend: str | None = None,
                tick: Tick | None = None, documents: list[str] | None = None) -> list[dict[str, Any]]:
    """Ask each query (with its conversation so far and its documents, or ``documents``)."""
    items = []
    verifier = Verifier(assistant.embedder, assistant.settings.verify_min_similarity)
    similarity = embedding_similarity(assistant.embedder)
    for n, query in enumerate(queries, 1):
        scope = list(query.documents or documents or []) or None
        answer = assistant.ask(query.question, backend, list(query.history) or None, scope)
        data = answer.to_json(with_retrieved=True)
        if data.get("verification") and data["verification"].get("verified"):
            # What the user was shown, checked again from scratch: the ungrounded rate after.
            shown = verifier.verify(answer.text, answer.citations)
            data["verification"]["unsupported_after"] = len(shown.removed)
        item = {"id": query.id, "question": query.question, "type": query.type or _default_type(query),
                "expect": list(query.expect), "source": query.source, "unanswerable": query.unanswerable, **data}
        if query.history:
            item["history"] = list(query.history)
        if scope:
            item["documents"] = scope
        if query.reference:
            item["reference"] = query.reference
        item["scores"] = score_item(query, data, data["retrieved"], similarity)
        items.append(item)
        if tick:
            tick(n, len(queries))
    return items


def embedding_similarity(embedder: Embeddings) -> Callable[[str, str], float]:
    """Cosine similarity of two texts' embeddings (answer against reference)."""
    def similarity(a: str, b: str) -> float:
        u, v = (np.asarray(embedder.embed_query(t), dtype=np.float32) for t in (a, b))
        return float(u @ v / ((np.linalg.norm(u) * np.linalg.norm(v)) or 1.0))
    return similarity


def _default_type(query: Query) -> str:
    return "out of scope" if query.unanswerable else "other"


def run_yaml(settings: Settings, embedder: Embeddings, queries: list[Query], tick: Tick | None = None,
             own_store: bool = False, documents: list[str] | None = None) -> list[dict[str, Any]]:
    """The queries against ``settings.store`` (ingested if empty), or, with ``own_store``, against
    a temporary store of the same corpus (for a configuration that chunks differently)."""
    if not own_store:
        assistant = build_assistant(settings, embedder)
        if not assistant.documents():
            assistant.ingest()
        return run_queries(assistant, queries, tick=tick, documents=documents)
    with tempfile.TemporaryDirectory(prefix="eval-") as tmp:
        assistant = build_assistant(settings.model_copy(update={"store": Path(tmp)}), embedder)
        assistant.ingest()
        return run_queries(assistant, queries, tick=tick, documents=documents)


def sample_squad(articles: list[Article], limit: int | None) -> list[Article]:
    """A deterministic sample of ``limit`` questions across the articles (all without a limit)."""
    if not limit:
        return articles
    everything = sorted(q.id for a in articles for q in a.queries)
    chosen = set(random.Random(0).sample(everything, min(limit, len(everything))))
    return [Article(a.title, a.text, [q for q in a.queries if q.id in chosen]) for a in articles]


def article_assistant(settings: Settings, embedder: Embeddings, article: Article, folder: Path) -> Assistant:
    """An assistant whose store under ``folder`` holds one SQuAD article as its only document."""
    corpus = folder / "corpus"
    corpus.mkdir(parents=True)
    (corpus / article.queries[0].document).write_text(article.text, encoding="utf-8")
    assistant = build_assistant(settings.model_copy(update={"corpus": corpus, "store": folder / "store"}), embedder)
    assistant.ingest()
    return assistant


def run_squad(settings: Settings, embedder: Embeddings, articles: list[Article],
              tick: Tick | None = None) -> list[dict[str, Any]]:
    """Each article is ingested as the only document of a temporary store, then its questions
    are asked there."""
    total = sum(len(a.queries) for a in articles)
    done, items = 0, []
    for article in articles:
        if not article.queries:
            continue
        with tempfile.TemporaryDirectory(prefix="squad-") as tmp:
            assistant = article_assistant(settings, embedder, article, Path(tmp))
            offset = done
            items.extend(run_queries(assistant, article.queries, tick=tick and (
                lambda n, _: tick(offset + n, total))))
            done += len(article.queries)
    return items


def report(items: list[dict[str, Any]], k: int) -> dict[str, Any]:
    types = sorted({i["type"] for i in items})
    return {"metrics": {"overall": summarise(items, k),
                        "by_type": {t: summarise([i for i in items if i["type"] == t], k) for t in types}},
            "items": items}


def failures(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [i for i in items if not (i["scores"]["answer_correct"] and i["scores"]["citation_correct"])]


def evaluate_path(settings: Settings, embedder: Embeddings, file: Path, articles: list[str] | None = None,
                  limit: int | None = None, tick: Tick | None = None, own_store: bool = False,
                  assistant: Assistant | None = None, documents: list[str] | None = None) -> dict[str, Any]:
    """Metrics and items for a YAML query file or a SQuAD-format JSON file. Pass ``assistant``
    to ask YAML queries through one that is already open (the app's)."""
    from evaluate.queries import is_squad, load_squad, load_yaml

    if is_squad(file):
        items = run_squad(settings, embedder, sample_squad(load_squad(file, articles), limit), tick)
    elif assistant is not None and not own_store:
        items = run_queries(assistant, load_yaml(file), tick=tick, documents=documents)
    else:
        items = run_yaml(settings, embedder, load_yaml(file), tick, own_store=own_store, documents=documents)
    return report(items, settings.top_k)
