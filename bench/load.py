"""Load test: 1, 4 and 16 asking processes on one store while it is re-ingested.

Each asker is its own process (as app instances are), loads the model, waits for the start
signal, then asks questions for a fixed time with a pause between them, as a person reading
the answers does. Meanwhile an ingest process re-ingests the changed corpus. Reported: p50 and
p95 latency of every answer and the number of errors.

Run by ``python -m bench`` (``bench_load``); ``python -m bench.load ask STORE SECONDS PAUSE`` is
one asker.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench import percentile

QUESTIONS = ("How many invention patents per 10,000 people?", "What are the two zones?",
             "What is the R&D target for 2025?", "Who is Xu Qiang?", "Which areas are key to the goal?",
             "What is the unemployment rate in Beijing?")
ROOT = Path(__file__).resolve().parent.parent


def ask(store: str, seconds: float, pause: float) -> None:
    os.environ["GUIDE_STORE"] = store
    from assistant import build_assistant
    from settings import load_settings

    assistant = build_assistant(load_settings())
    assistant.ask(QUESTIONS[0])
    print("ready", flush=True)
    sys.stdin.readline()
    latencies, errors, n = [], [], 0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        question = QUESTIONS[(n + os.getpid()) % len(QUESTIONS)]
        started = time.perf_counter()
        try:
            assistant.ask(question)
            latencies.append((time.perf_counter() - started) * 1000)
        except Exception as exc:  # every failure counts; the test reports them, it does not stop
            errors.append(f"{type(exc).__name__}: {exc}")
        n += 1
        time.sleep(pause)
    print(json.dumps({"latencies_ms": latencies, "errors": errors}), flush=True)


def run_load(store: Path, corpus: Path, askers: int, seconds: float, pause: float,
             env: dict[str, str]) -> dict[str, Any]:
    """``askers`` processes asking for ``seconds`` while the corpus (edited first) is re-ingested
    (by ``python -m ingest``, which runs niced)."""
    procs = [subprocess.Popen([sys.executable, "-m", "bench.load", "ask", str(store), str(seconds), str(pause)],
                              cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True) for _ in range(askers)]
    for p in procs:
        if p.stdout.readline().strip() != "ready":
            raise RuntimeError("an asker did not start")
    for path in sorted(corpus.glob("synthetic-*.txt"))[:20]:
        path.write_text(path.read_text() + f"\nEdited for the load test at {time.time()}.\n")
    ingest = subprocess.Popen([sys.executable, "-m", "ingest", "--corpus", str(corpus), "--store", str(store)],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    latencies, errors = [], []
    for p in procs:
        report = json.loads(p.stdout.readline())
        latencies += report["latencies_ms"]
        errors += report["errors"]
        p.wait(60)
    _, ingest_err = ingest.communicate(timeout=1800)
    if ingest.returncode:
        errors.append(f"ingest: {ingest_err.strip()[-300:]}")
    return {"askers": askers, "answers": len(latencies), "p50_ms": percentile(latencies, 0.5),
            "p95_ms": percentile(latencies, 0.95), "errors": len(errors), "first_errors": errors[:3]}


if __name__ == "__main__":
    if sys.argv[1:2] == ["ask"]:
        ask(sys.argv[2], float(sys.argv[3]), float(sys.argv[4]))
