"""python -m evaluate FILE [--store DIR] [--backend NAME] [--json OUT]"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

import typer

from cli import app, quiet_libraries, settings_from, user_errors

cli = app("Evaluate answers against a YAML query file or a SQuAD-format JSON file.")

_COLUMNS = [("answer_accuracy", "answer"), ("citation_accuracy", "citation"), ("abstention_accuracy", "abstention"),
            ("false_abstention", "false abst."), ("hit@1", "hit@1"), ("hit@k", "hit@k"), ("mrr", "MRR"),
            ("latency_p50_ms", "p50 ms"), ("latency_p95_ms", "p95 ms")]


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" if isinstance(value, float) and value <= 1.0 else str(value)


def print_table(result: dict[str, Any], k: int) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Evaluation")
    table.add_column("type")
    table.add_column("n", justify="right")
    for _, label in _COLUMNS:
        table.add_column(label, justify="right")
    rows = list(result["metrics"]["by_type"].items()) + [("overall", result["metrics"]["overall"])]
    for name, m in rows:
        table.add_row(name, str(m["queries"]), *[_cell(m.get(key.replace("@k", f"@{k}"))) for key, _ in _COLUMNS])
    console = Console(width=160)
    console.print(table)
    failed = [i for i in result["items"] if not (i["scores"]["answer_correct"] and i["scores"]["citation_correct"])]
    if failed:
        console.print(f"[bold]{len(failed)} failed[/bold]")
        for item in failed:
            console.print(f"- {item['id']}: {item['question']!r} -> {item['answer'][:160]!r}", markup=False)


@cli.command()
def main(file: Path = typer.Argument(..., help="YAML query file or SQuAD-format JSON"),
         store: Optional[Path] = typer.Option(None, help="store folder for YAML queries [env GUIDE_STORE]"),
         backend: Optional[str] = typer.Option(None, help="answering backend [env GUIDE_BACKEND]"),
         json_out: Optional[Path] = typer.Option(None, "--json", help="write metrics and items to this file"),
         articles: Optional[str] = typer.Option(None, help="SQuAD: comma-separated article indexes or titles"),
         limit: Optional[int] = typer.Option(None, help="SQuAD: sample this many questions")) -> None:
    quiet_libraries()
    from assistant import BadQuestion, build_assistant
    from evaluate.queries import QueryFileError, is_squad, load_squad, load_yaml
    from evaluate.runner import report, run_queries, run_squad

    settings = settings_from(store=store, backend=backend)
    with user_errors(QueryFileError, BadQuestion, OSError):
        if not file.is_file():
            raise QueryFileError(f"query file not found: {file}")
        if is_squad(file):
            chosen = load_squad(file, articles.split(",") if articles else None)
            from embedding import load_embedder

            items = run_squad(settings, load_embedder(settings), chosen, backend, limit)
        else:
            queries = load_yaml(file)
            assistant = build_assistant(settings)
            if not assistant.documents():
                assistant.ingest()
            items = run_queries(assistant, queries, backend)
        result = report(items, settings.top_k)
        if json_out:
            json_out.parent.mkdir(parents=True, exist_ok=True)
            json_out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print_table(result, settings.top_k)


if __name__ == "__main__":
    cli()
