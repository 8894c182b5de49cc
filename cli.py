"""What the three command-line tools share: settings from flags, one-line errors, exit code 2."""
from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import typer

from settings import Settings, load_settings

EXIT_BAD_INPUT = 2


def fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(EXIT_BAD_INPUT)


def settings_from(corpus: Path | None = None, store: Path | None = None, backend: str | None = None) -> Settings:
    try:
        return load_settings(corpus=corpus, store=store, backend=backend)
    except ValueError as exc:
        fail(f"invalid settings: {str(exc).splitlines()[0]}")
        raise


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


@contextmanager
def user_errors(*kinds: type[BaseException]) -> Iterator[None]:
    """Turn the errors a user can cause into a one-line message and exit code 2, never a traceback."""
    try:
        yield
    except kinds as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        raise typer.Exit(130) from None


def quiet_libraries() -> None:
    """Progress bars and warnings of the model libraries would garble ``--json`` output."""
    import logging
    import os
    import warnings

    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    warnings.filterwarnings("ignore")
    for name in ("transformers", "sentence_transformers", "chromadb", "httpx"):
        logging.getLogger(name).setLevel(logging.ERROR)


def app(help_text: str) -> typer.Typer:
    return typer.Typer(add_completion=False, help=help_text, pretty_exceptions_enable=False)

