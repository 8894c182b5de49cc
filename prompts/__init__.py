"""Fixed wordings and templates, kept as text files so they can be read and changed without code."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def load_prompt(name: str) -> str:
    """The template ``prompts/<name>.txt``, without its trailing newline."""
    path = _HERE / f"{name}.txt"
    if not path.is_file():
        raise KeyError(f"no prompt named {name!r} in {_HERE}")
    return path.read_text(encoding="utf-8").rstrip("\n")
