"""python -m glance [--store DIR] [--json] [--csv DIR] [--diff]"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from cli import app, fail, print_json, settings_from

cli = app("The guideline at a glance: its figures, places and goals, and what changed between versions.")


@cli.command()
def main(store: Optional[Path] = typer.Option(None, help="store folder [env GUIDE_STORE]"),
         diff: bool = typer.Option(False, "--diff", help="what changed since each document's previous version"),
         json_out: bool = typer.Option(False, "--json", help="print JSON"),
         csv_dir: Optional[Path] = typer.Option(None, "--csv", help="write the tables (or changes) as CSV files here")) -> None:
    from glance import export, versions
    from store.catalog import Catalog
    from store.database import database_url

    settings = settings_from(store=store)
    if not settings.database_url and not (Path(settings.store) / "catalog.sqlite").is_file():
        fail(f"no store at {settings.store}: run python -m ingest first")
    catalog = Catalog(database_url(settings, "catalog.sqlite"))
    if diff:
        changes = versions.changes(catalog)
        records = {"changes": export.change_rows(changes)}
        data = changes
    else:
        tables = versions.combined(catalog)
        records = export.rows(tables, {d.source: (d.title or d.source, d.date or "") for d in catalog.documents()})
        data = records
    if csv_dir is not None:
        try:
            csv_dir.mkdir(parents=True, exist_ok=True)
            for name, table in records.items():
                (csv_dir / f"{name}.csv").write_text(export.to_csv(table), encoding="utf-8")
        except OSError as exc:
            fail(f"cannot write to {csv_dir}: {exc.strerror or exc}")
    if json_out:
        print_json(data)
        return
    for name, table in records.items():
        typer.echo(f"\n{name} ({len(table)})")
        for row in table:
            typer.echo("  " + " | ".join(str(v) for k, v in row.items() if k not in ("source", "start", "end",
                                                                                    "sentence") and v != ""))


if __name__ == "__main__":
    cli()
