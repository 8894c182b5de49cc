"""python -m access hash: make the editor password hash for GUIDE_EDITOR_PASSWORD_HASH.

The password is read without echo (or from stdin with --stdin); only its bcrypt hash is printed."""
from __future__ import annotations

import sys

import typer

from access import hash_password
from cli import fail

app = typer.Typer(add_completion=False, help=__doc__)


@app.callback()
def main() -> None:
    """Editor credentials."""


@app.command()
def hash(stdin: bool = typer.Option(False, "--stdin", help="read the password from standard input")) -> None:
    """Print the bcrypt hash of a new editor password, as a setting line."""
    if stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Editor password", hide_input=True, confirmation_prompt=True)
    try:
        hashed = hash_password(password)
    except ValueError as exc:
        fail(str(exc))
        return
    typer.echo(f"GUIDE_EDITOR_PASSWORD_HASH='{hashed}'")


if __name__ == "__main__":
    app()
