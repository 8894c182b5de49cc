"""Running queries through the assistant and scoring them; SQuAD articles get stores of their own."""
from __future__ import annotations

import random
import tempfile
from pathlib import Path
from typing import Any, Callable

from langchain_core.embeddings import Embeddings

from assistant import Assistant, build_assistant
from evaluate.metrics import score_item, summarise
from evaluate.queries import Article, Query
from settings import Settings

Tick = Callable[[int, int], None]


def run_queries(assistant: Assistant, queries: list[Query], backend: str | None = None,
                tick: Tick | None = None) -> list[dict[str, Any]]:
    items = []
    for n, query in enumerate(queries, 1):
        answer = assistant.ask(query.question, backend)
        data = answer.to_json(with_retrieved=True)
        item = {"id": query.id, "question": query.question, "type": query.type or _default_type(query),
                "expect": list(query.expect), "source": query.source, "unanswerable": query.unanswerable, **data}
        item["scores"] = score_item(query, data, data["retrieved"])
        items.append(item)
        if tick:
            tick(n, len(queries))
    return items


def _default_type(query: Query) -> str:
    return "out of scope" if query.unanswerable else "other"


def run_squad(settings: Settings, embedder: Embeddings, articles: list[Article], backend: str | None = None,
              limit: int | None = None, tick: Tick | None = None) -> list[dict[str, Any]]:
    """Each article is ingested as the only document of a temporary store, then its questions
    are asked there."""
    chosen = {q.id for a in articles for q in a.queries}
    if limit:
        everything = sorted(chosen)
        chosen = set(random.Random(0).sample(everything, min(limit, len(everything))))
    total, done, items = len(chosen), 0, []
    for article in articles:
        queries = [q for q in article.queries if q.id in chosen]
        if not queries:
            continue
        with tempfile.TemporaryDirectory(prefix="squad-") as tmp:
            corpus = Path(tmp) / "corpus"
            corpus.mkdir()
            (corpus / queries[0].document).write_text(article.text, encoding="utf-8")
            local = settings.model_copy(update={"corpus": corpus, "store": Path(tmp) / "store"})
            assistant = build_assistant(local, embedder)
            assistant.ingest()

            def article_tick(n: int, _: int, offset: int = done) -> None:
                if tick:
                    tick(offset + n, total)

            items.extend(run_queries(assistant, queries, backend, article_tick))
            done += len(queries)
    return items


def report(items: list[dict[str, Any]], k: int) -> dict[str, Any]:
    types = sorted({i["type"] for i in items})
    return {"metrics": {"overall": summarise(items, k),
                        "by_type": {t: summarise([i for i in items if i["type"] == t], k) for t in types}},
            "items": items}
