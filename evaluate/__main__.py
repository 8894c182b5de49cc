"""python -m evaluate FILE [--store DIR] [--backend NAME] [--json OUT] [--markdown OUT]
[--compare baseline|field=value,...] [--fail-under answer=0.9,...] [--articles 0,1] [--limit N]
[--document NAME]..."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, List, Optional

import typer

from cli import app, quiet_libraries, settings_from, user_errors

cli = app("Evaluate answers against a YAML query file or a SQuAD-format JSON file.")


def evaluate_file(settings, embedder, file: Path, articles: list[str] | None, limit: int | None,
                  own_store: bool = False, label: str = "", documents: list[str] | None = None) -> dict[str, Any]:
    from rich.progress import Progress

    from evaluate.runner import evaluate_path

    with Progress(transient=True) as progress:
        task = progress.add_task(label or "evaluating", total=None)
        return evaluate_path(settings, embedder, file, articles, limit,
                             lambda n, total: progress.update(task, completed=n, total=total), own_store,
                             documents=documents)


@cli.command()
def main(file: Path = typer.Argument(..., help="YAML query file or SQuAD-format JSON"),
         store: Optional[Path] = typer.Option(None, help="store folder for YAML queries [env GUIDE_STORE]"),
         backend: Optional[str] = typer.Option(None, help="answering backend [env GUIDE_BACKEND]"),
         json_out: Optional[Path] = typer.Option(None, "--json", help="write metrics and items to this file"),
         markdown: Optional[Path] = typer.Option(None, help="write a Markdown report with plots to this file"),
         compare: Optional[str] = typer.Option(None, help="also run a profile (baseline) or field=value,... "
                                                          "on the same queries, side by side"),
         fail_under: Optional[str] = typer.Option(None, help="exit 1 if a metric is below, e.g. "
                                                             "answer=0.9,citation=0.9,abstention=0.9"),
         articles: Optional[str] = typer.Option(None, help="SQuAD: comma-separated article indexes or titles"),
         limit: Optional[int] = typer.Option(None, help="SQuAD: sample this many questions"),
         document: Optional[List[str]] = typer.Option(None, help="answer from this document only; repeatable")) -> None:
    quiet_libraries()
    from assistant import BadQuestion, BadSettings, check_settings
    from evaluate.metrics import below_thresholds, parse_thresholds
    from evaluate.queries import QueryFileError
    from evaluate.report import print_report, write_markdown
    from settings import variant

    settings = settings_from(store=store, backend=backend)
    with user_errors(QueryFileError, BadQuestion, BadSettings, ValueError, OSError):
        thresholds = parse_thresholds(fail_under or "")
        other = variant(settings, compare) if compare else None
        for s in filter(None, (settings, other)):
            check_settings(s)
        if not file.is_file():
            raise QueryFileError(f"query file not found: {file}")
        from embedding import load_embedder

        embedder = load_embedder(settings)
        picked = articles.split(",") if articles else None
        result = evaluate_file(settings, embedder, file, picked, limit, label="ours", documents=document or None)
        if other is not None:
            theirs = evaluate_file(other, embedder, file, picked, limit, own_store=True, label=compare,
                                   documents=document or None)
            result["compare"] = {"name": compare, **theirs}
        if json_out:
            json_out.parent.mkdir(parents=True, exist_ok=True)
            json_out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
        if markdown:
            write_markdown(result, settings.top_k, markdown, file.name)
    print_report(result, settings.top_k)
    missed = below_thresholds(result["metrics"]["overall"], thresholds)
    if missed:
        typer.echo("below threshold: " + "; ".join(missed), err=True)
        raise typer.Exit(1)


if __name__ == "__main__":
    cli()
