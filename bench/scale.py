"""One scale point, run in its own process so its memory is its own:
python -m bench.scale CHUNKS FOLDER → JSON on stdout."""
from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from statistics import median

from bench import percentile


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def main(chunks: int, folder: Path, questions: int = 50) -> dict:
    from assistant import build_assistant
    from bench.corpora import squad_articles, write_synthetic
    from cli import quiet_libraries
    from settings import load_settings

    quiet_libraries()
    corpus, store = folder / "corpus", folder / "store"
    write_synthetic(corpus, chunks)
    assistant = build_assistant(load_settings(corpus=corpus, store=store))
    started = time.perf_counter()
    report = assistant.ingest()
    ingest_s = time.perf_counter() - started
    asked = [qa["question"] for _, _, qas in squad_articles() for qa in qas][:questions]
    started = time.perf_counter()
    assistant.ask(asked[0])
    first_ms = (time.perf_counter() - started) * 1000
    totals, retrieve = [], []
    for question in asked:
        answer = assistant.ask(question)
        totals.append(answer.timings_ms["total"])
        retrieve.append(answer.timings_ms["retrieve"])
    return {"chunks": report.chunks, "ingest_s": round(ingest_s, 1), "chunks_per_s": round(report.chunks / ingest_s, 1),
            "store_mb": round(folder_mb(store), 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "first_query_ms": round(first_ms, 1), "query_p50_ms": round(median(totals), 2),
            "query_p95_ms": round(percentile(totals, 0.95), 2), "retrieve_p50_ms": round(median(retrieve), 2)}


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]), Path(sys.argv[2]))))
