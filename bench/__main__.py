"""python -m bench [--quick] [--out DIR]: each figure with its baseline, measured in one run.

1. ingest throughput against the embedding model's own batch throughput on the same sentences,
   and an unchanged re-ingest against the full one; the same for real PDFs (``--pdfs DIR``),
   also against the naive recipe's ingest of the same files;
2. warm answer latency (embed / retrieve / answer) against the naive LangChain recipe on the
   same questions, asked of each in turn, with the accuracy of each;
3. cold start: `python -m answer` from process start, and `streamlit run` to a first answer;
4. scale: synthetic corpora of 1k, 10k and 100k chunks, each in its own process;
5. load: 1, 4 and 16 asking processes on one store during a re-ingest (p50, p95, errors);
6. with ``--install``: the README's first command's install in a fresh venv without pip's cache,
   and `streamlit run` from that venv to a first answer.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from functools import lru_cache
from statistics import median
from typing import Any, Optional

import typer

from bench import percentile
from cli import app, quiet_libraries

ROOT = Path(__file__).resolve().parent.parent
cli = app("Measure speed and scale, each figure beside its baseline measured in the same run.")


@lru_cache(maxsize=1)
def _sentence_transformer(path: str):
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(path, device="cpu", local_files_only=True)


def model_floor(settings, sentences: list[str]) -> float:
    """Seconds the embedding model alone takes for these sentences (warmed up, one batched
    call): the floor an ingest cannot go below."""
    from embedding import model_path

    model = _sentence_transformer(str(model_path(settings)))
    model.encode(sentences[:64], batch_size=64)
    started = time.perf_counter()
    model.encode(sentences, batch_size=settings.embed_batch_size, normalize_embeddings=True)
    return time.perf_counter() - started


def bench_ingest(embedder, articles: int) -> dict[str, Any]:
    from assistant import build_assistant
    from bench.corpora import squad_articles
    from ingest.chunking import CHUNKERS
    from settings import load_settings

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        texts = []
        for title, text, _ in squad_articles()[:articles]:
            (corpus / f"{title}.txt").write_text(text, encoding="utf-8")
            texts.append(text)
        settings = load_settings(corpus=corpus, store=Path(tmp) / "store")
        chunks = [c for t in texts for c in CHUNKERS[settings.chunker](t, settings)]
        sentences = [t[a:b] for t, cs in zip(texts, [CHUNKERS[settings.chunker](t, settings) for t in texts])
                     for c in cs for a, b in c.sentences]
        floor_s = model_floor(settings, sentences)
        assistant = build_assistant(settings, embedder)
        embedder.embed_documents(["warm up"])
        started = time.perf_counter()
        report = assistant.ingest()
        full_s = time.perf_counter() - started
        started = time.perf_counter()
        assistant.ingest()
        again_s = time.perf_counter() - started
    return {"chunks": report.chunks, "sentences": len(sentences), "ingest_s": round(full_s, 2),
            "ingest_chunks_per_s": round(report.chunks / full_s, 1),
            "model_floor_s": round(floor_s, 2), "model_floor_chunks_per_s": round(len(chunks) / floor_s, 1),
            "ratio_to_floor": round(floor_s / full_s, 3),
            "unchanged_reingest_s": round(again_s, 3), "unchanged_share_of_full": round(again_s / full_s, 4)}


def bench_pdf(embedder, folder: Path) -> dict[str, Any]:
    """Ingest of real PDFs: ours (layout reading, paragraph chunks, sentence vectors) against
    the naive recipe (pypdf, 1000/200 splitter, chunk vectors) on the same files, and against
    the embedding model alone on our sentences; then the first question after the ingest."""
    import pypdfium2 as pdfium

    from assistant import build_assistant
    from settings import load_settings, variant

    pdfs = sorted(folder.glob("*.pdf"))
    pages = sum(len(pdfium.PdfDocument(str(p))) for p in pdfs)
    out: dict[str, Any] = {"files": len(pdfs), "pages": pages}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for p in pdfs:
            (corpus / p.name).write_bytes(p.read_bytes())
        runs = {}
        for name, settings in (("ours", load_settings(corpus=corpus, store=Path(tmp) / "ours")),
                               ("naive", variant(load_settings(corpus=corpus, store=Path(tmp) / "naive"),
                                                 "baseline"))):
            assistant = build_assistant(settings, embedder)
            started = time.perf_counter()
            report = assistant.ingest()
            runs[name] = (time.perf_counter() - started, report, assistant)
        seconds, report, ours = runs["ours"]
        started = time.perf_counter()
        ours.ask("What is the main contribution of this paper?")
        first_ms = (time.perf_counter() - started) * 1000
        sentences = [row.text[a - row.start:b - row.start] for row in ours.catalog.active_chunks()
                     for a, b in row.sentences]
        floor_s = model_floor(ours.settings, sentences)
    out.update(ingest_s=round(seconds, 2), pages_per_s=round(pages / seconds, 2), chunks=report.chunks,
               chunk_chars=report.chunk_chars, naive_ingest_s=round(runs["naive"][0], 2),
               naive_chunks=runs["naive"][1].chunks, ratio_to_naive=round(seconds / runs["naive"][0], 3),
               model_floor_s=round(floor_s, 2), ratio_to_floor=round(floor_s / seconds, 3),
               first_question_ms=round(first_ms, 1))
    return out


def bench_latency(embedder, questions: int, rounds: int = 2) -> dict[str, Any]:
    """Both configurations on the same questions, each question asked of one then the other
    (alternating which goes first), so that neither gains from the machine's drift over a run."""
    from bench.corpora import SQUAD
    from evaluate.queries import load_squad
    from evaluate.runner import article_assistant, report, run_queries, sample_squad
    from settings import load_settings, variant

    configs = {"ours": load_settings(), "naive": variant(load_settings(), "baseline")}
    firsts: dict[str, list[dict[str, Any]]] = {name: [] for name in configs}
    timed: dict[str, list[dict[str, Any]]] = {name: [] for name in configs}
    for article in sample_squad(load_squad(SQUAD, ["0", "1", "2"]), questions):
        if not article.queries:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            assistants = {name: article_assistant(settings, embedder, article, Path(tmp) / name)
                          for name, settings in configs.items()}
            for assistant in assistants.values():
                assistant.ask(article.queries[0].question)
            for round_ in range(rounds):
                for i, query in enumerate(article.queries):
                    for name in (("ours", "naive") if (i + round_) % 2 == 0 else ("naive", "ours")):
                        item = run_queries(assistants[name], [query])[0]
                        timed[name].append(item)
                        if round_ == 0:
                            firsts[name].append(item)
    out: dict[str, Any] = {"questions": len(firsts["ours"]), "rounds": rounds}
    for name in configs:
        metrics = report(firsts[name], configs[name].top_k)["metrics"]["overall"]
        items = timed[name]
        stage = {k: round(median(i["timings_ms"][k] for i in items), 2) for k in ("embed", "retrieve", "answer")}
        totals = [i["timings_ms"]["total"] for i in items]
        out[name] = {"p50_ms": percentile(totals, 0.5), "p95_ms": percentile(totals, 0.95), "stage_p50_ms": stage,
                     "hit@1": metrics["hit@1"], "answer_contains_gold": metrics["answerable_accuracy"],
                     "abstention": metrics["abstention_accuracy"]}
    out["p50_ratio_ours_to_naive"] = round(out["ours"]["p50_ms"] / out["naive"]["p50_ms"], 3)
    return out


def bench_cold_start(with_browser: bool) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "GUIDE_STORE": str(Path(tmp) / "store")}
        subprocess.run([sys.executable, "-m", "ingest"], cwd=ROOT, env=env, check=True, capture_output=True)
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "answer", "What are the two zones?"], cwd=ROOT, env=env,
                           check=True, capture_output=True)
            runs.append(time.perf_counter() - started)
        out: dict[str, Any] = {"answer_cli_s": round(median(runs), 2)}
        if with_browser and Path("/usr/bin/chromium").exists():
            out["streamlit_first_answer_s"] = round(_streamlit_first_answer(env), 2)
    return out


def _streamlit_first_answer(env: dict[str, str], python: str = sys.executable) -> float:
    import socket
    import urllib.request

    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    started = time.perf_counter()
    server = subprocess.Popen([python, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1",
                               "--server.port", str(port), "--server.headless", "true"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.1)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"])
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}")
            box = page.get_by_placeholder("Ask about the guideline")
            box.wait_for(timeout=120_000)
            box.fill("What are the two zones?")
            box.press("Enter")
            page.locator("mark, [data-testid='stExpander']").first.wait_for(timeout=60_000)
            elapsed = time.perf_counter() - started
            browser.close()
        return elapsed
    finally:
        server.terminate()
        server.wait(30)


def bench_load(counts: list[int], seconds: float, pause: float = 1.0, chunks: int = 2000) -> dict[str, Any]:
    """Concurrent askers (processes) on one store during a re-ingest of it."""
    from bench.corpora import write_synthetic
    from bench.load import run_load

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus, store = Path(tmp) / "corpus", Path(tmp) / "store"
        write_synthetic(corpus, chunks, per_doc=20)
        (corpus / "guideline.txt").write_text((ROOT / "corpus" / "beijing-sci-tech-guideline-2021.txt").read_text())
        env = {**os.environ, "GUIDE_CORPUS": str(corpus), "GUIDE_STORE": str(store)}
        subprocess.run([sys.executable, "-m", "ingest"], cwd=ROOT, env=env, check=True, capture_output=True)
        for threads in ("0", "1"):
            for n in counts:
                row = run_load(store, corpus, n, seconds, pause, {**env, "GUIDE_QUERY_THREADS": threads})
                rows.append({"query_threads": int(threads), **row})
    out: dict[str, Any] = {"pause_s": pause, "seconds": seconds, "rows": rows}
    for threads in (0, 1):
        mine = [r for r in rows if r["query_threads"] == threads]
        if len(mine) >= 2 and mine[0]["p95_ms"]:
            out[f"p95_ratio_most_to_one_threads_{threads}"] = round(mine[-1]["p95_ms"] / mine[0]["p95_ms"], 2)
    return out


def bench_install() -> dict[str, Any]:
    """The README's first command as a new user runs it: a fresh venv, no pip cache; then
    `streamlit run` from that venv to a first answer."""
    with tempfile.TemporaryDirectory() as tmp:
        venv = Path(tmp) / "venv"
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "--no-cache-dir", "-q", "-r",
                        str(ROOT / "requirements.txt")], check=True, capture_output=True, cwd=ROOT)
        install_s = time.perf_counter() - started
        env = {**os.environ, "GUIDE_STORE": str(Path(tmp) / "store"), "PATH": f"{venv / 'bin'}:{os.environ['PATH']}"}
        first_answer_s = _streamlit_first_answer(env, python=str(venv / "bin" / "python"))
    return {"install_s": round(install_s, 1), "streamlit_first_answer_s": round(first_answer_s, 1)}


def bench_scale(sizes: list[int]) -> list[dict[str, Any]]:
    out = []
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            result = subprocess.run([sys.executable, "-m", "bench.scale", str(size), tmp], cwd=ROOT,
                                    capture_output=True, text=True, check=True)
            out.append(json.loads(result.stdout.strip().splitlines()[-1]))
    return out


def plot_scale(points: list[dict[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 3.5))
    sizes = [p["chunks"] for p in points]
    ax.plot(sizes, [p["query_p50_ms"] for p in points], marker="o", label="answer p50")
    ax.plot(sizes, [p["retrieve_p50_ms"] for p in points], marker="o", label="retrieve p50")
    ax.set_xscale("log")
    ax.set_ylim(bottom=0)
    ax.set_xlabel("chunks in the store")
    ax.set_ylabel("ms")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


@cli.command()
def main(quick: bool = typer.Option(False, help="small sizes only: checks that the bench runs"),
         out: Path = typer.Option(ROOT / "reports" / "bench", help="folder for results.json and the chart"),
         sizes: Optional[str] = typer.Option(None, help="scale points, e.g. 1000,10000,100000"),
         pdfs: Path = typer.Option(ROOT / "tests" / "data", help="a folder of PDFs for the PDF ingest row"),
         install: bool = typer.Option(False, "--install", help="also time a fresh-venv install (minutes)")) -> None:
    quiet_libraries()
    from embedding import load_embedder
    from settings import load_settings

    started = time.perf_counter()
    embedder = load_embedder(load_settings())
    scale_sizes = [int(s) for s in sizes.split(",")] if sizes else ([300] if quick else [1000, 10000, 100000])
    results: dict[str, Any] = {"quick": quick}
    results["ingest"] = bench_ingest(embedder, 1 if quick else 5)
    typer.echo(f"ingest: {json.dumps(results['ingest'])}")
    results["pdf"] = bench_pdf(embedder, pdfs)
    typer.echo(f"pdf ingest: {json.dumps(results['pdf'])}")
    results["latency"] = bench_latency(embedder, 20 if quick else 200)
    typer.echo(f"latency: {json.dumps(results['latency'])}")
    results["cold_start"] = bench_cold_start(with_browser=not quick)
    typer.echo(f"cold start: {json.dumps(results['cold_start'])}")
    results["scale"] = bench_scale(scale_sizes)
    for point in results["scale"]:
        typer.echo(f"scale: {json.dumps(point)}")
    if len(results["scale"]) >= 2:
        a, b = results["scale"][-2], results["scale"][-1]
        results["scale_growth"] = {"chunks_ratio": round(b["chunks"] / a["chunks"], 2),
                                   "query_p50_ratio": round(b["query_p50_ms"] / a["query_p50_ms"], 2)}
        typer.echo(f"scale growth: {json.dumps(results['scale_growth'])}")
    results["load"] = bench_load([1, 2] if quick else [1, 4, 16], 5 if quick else 30, chunks=200 if quick else 2000)
    for row in results["load"]["rows"]:
        typer.echo(f"load: {json.dumps(row)}")
    typer.echo("load p95 ratio, most askers to one: " + json.dumps(
        {k: v for k, v in results["load"].items() if k.startswith("p95_ratio")}))
    if install:
        results["install"] = bench_install()
        typer.echo(f"install: {json.dumps(results['install'])}")
    results["bench_s"] = round(time.perf_counter() - started, 1)
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    plot_scale(results["scale"], out / "scale.png")
    typer.echo(f"wrote {out / 'results.json'} and {out / 'scale.png'} in {results['bench_s']} s")


if __name__ == "__main__":
    cli()
