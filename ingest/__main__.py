"""python -m ingest [--corpus DIR] [--store DIR] [--json]"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer

from cli import app, print_json, quiet_libraries, settings_from, user_errors

cli = app("Ingest the corpus incrementally: new and changed files are indexed, deleted ones removed.")


@cli.command()
def main(corpus: Optional[Path] = typer.Option(None, help="folder of documents [env GUIDE_CORPUS]"),
         store: Optional[Path] = typer.Option(None, help="store folder [env GUIDE_STORE]"),
         json_out: bool = typer.Option(False, "--json", help="print the report as JSON")) -> None:
    quiet_libraries()
    from assistant import build_assistant
    from ingest.index import IngestBusy
    from ingest.loaders import LoadError
    from store.vectors import StoreUnavailable

    settings = settings_from(corpus=corpus, store=store)
    # Ingesting is background work: people asking questions on the same machine come first.
    os.nice(settings.ingest_niceness)
    with user_errors(LoadError, IngestBusy, StoreUnavailable):
        if not settings.corpus.is_dir():
            raise LoadError(f"corpus folder not found: {settings.corpus}")
        report = build_assistant(settings).ingest()
    if json_out:
        print_json(report.to_json())
        return
    typer.echo(f"added {len(report.added)}, updated {len(report.updated)}, deleted {len(report.deleted)}, "
               f"skipped {len(report.skipped)}; {report.documents} documents, {report.chunks} chunks")
    for source, reason in report.failed.items():
        typer.echo(f"not ingested: {source}: {reason}", err=True)


if __name__ == "__main__":
    cli()
