"""python -m answer "QUESTION" [--store DIR] [--backend NAME] [--document NAME]... [--history Q]... [--json]"""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from cli import app, print_json, quiet_libraries, settings_from, user_errors

cli = app("Answer a question about the ingested documents, with citations.")


@cli.command()
def main(question: str = typer.Argument(..., help="the question"),
         store: Optional[Path] = typer.Option(None, help="store folder [env GUIDE_STORE]"),
         backend: Optional[str] = typer.Option(None, help="answering backend [env GUIDE_BACKEND]"),
         document: Optional[List[str]] = typer.Option(None, help="answer from this document only (a file name "
                                                                 "or words of its title); repeatable"),
         history: Optional[List[str]] = typer.Option(None, help="an earlier question of the conversation, oldest "
                                                                "first; repeatable"),
         json_out: bool = typer.Option(False, "--json", help="print the answer as JSON")) -> None:
    quiet_libraries()
    from assistant import BadQuestion, BadSettings, build_assistant, check_settings, clean_question

    from store.vectors import StoreUnavailable

    settings = settings_from(store=store, backend=backend)
    with user_errors(BadQuestion, BadSettings, StoreUnavailable):
        clean_question(question, settings.max_question_chars)
        check_settings(settings)
        answer = build_assistant(settings).ask(question, history=history or None, documents=document or None)
    if json_out:
        print_json(answer.to_json())
        return
    if answer.notice:
        typer.echo(answer.notice, err=True)
    if answer.rewritten:
        typer.echo(f"({answer.rewritten})", err=True)
    typer.echo(answer.text)
    for n, passage in enumerate(answer.citations, 1):
        about = " · ".join(filter(None, [passage.metadata.get("title"), passage.metadata.get("publisher"),
                                         passage.metadata.get("date"),
                                         f"page {passage.metadata['page']}" if passage.metadata.get("page") else ""]))
        typer.echo(f"\n[{n}] {passage.source} {passage.start}-{passage.end} ({about})\n    {passage.text}")


if __name__ == "__main__":
    cli()
