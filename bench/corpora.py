"""Deterministic benchmark corpora made from the SQuAD subset in bench/data (CC BY-SA 4.0)."""
from __future__ import annotations

import json
import random
from pathlib import Path

from ingest.chunking import sentences

SQUAD = Path(__file__).resolve().parent / "data" / "squad2-dev-subset.json"


def squad_articles(path: Path = SQUAD) -> list[tuple[str, str, list[dict]]]:
    """(title, text, qas) per article; text is its paragraphs joined by blank lines."""
    data = json.loads(path.read_text(encoding="utf-8"))["data"]
    out = []
    for article in data:
        paragraphs = [p["context"].strip() for p in article["paragraphs"]]
        qas = [qa for p in article["paragraphs"] for qa in p["qas"]]
        out.append((article["title"], "\n\n".join(paragraphs) + "\n", qas))
    return out


def sentence_pool(path: Path = SQUAD) -> list[str]:
    pool = []
    for _, text, _ in squad_articles(path):
        pool.extend(text[a:b] for a, b in sentences(text, 0, len(text)))
    return pool


def write_synthetic(folder: Path, chunks: int, per_doc: int = 100, per_chunk: int = 3, seed: int = 0) -> int:
    """``chunks`` paragraphs of ``per_chunk`` sentences drawn from the SQuAD subset, ``per_doc`` to a
    file. Sentences repeat across paragraphs, so ingest embeds each distinct one once."""
    pool = sentence_pool()
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for doc in range((chunks + per_doc - 1) // per_doc):
        n = min(per_doc, chunks - written)
        paragraphs = [" ".join(rng.sample(pool, per_chunk)) for _ in range(n)]
        (folder / f"synthetic-{doc:05d}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        written += n
    return written
