"""python -m evaluate.export_feedback OUT.yaml [--store DIR]: feedback from the chat as test queries."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
import yaml

from cli import app, settings_from, user_errors

cli = app("Write the chat's feedback as YAML test queries (the format python -m evaluate reads).")


@cli.command()
def main(out: Path = typer.Argument(..., help="YAML file to write"),
         store: Optional[Path] = typer.Option(None, help="store folder [env GUIDE_STORE]")) -> None:
    from settings import feedback_path
    from store.feedback import FeedbackStore, as_test_queries

    settings = settings_from(store=store)
    with user_errors(OSError):
        queries = as_test_queries(FeedbackStore(feedback_path(settings)).all())
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(yaml.safe_dump(queries, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
    typer.echo(f"wrote {len(queries)} test queries to {out}")


if __name__ == "__main__":
    cli()
