"""Saving a user's upload into the corpus: only a plain file name of a supported type, inside the
corpus folder, never over the size limit, written whole or not at all."""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from ingest.loaders import LOADERS, LoadError


def safe_name(name: str, extensions: tuple[str, ...]) -> str:
    """The upload's base name with anything that could leave the folder or hide the file removed."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = re.sub(r"[^\w.\- ]", "_", base).strip(" .")
    suffix = Path(base).suffix.lower()
    if not base or not Path(base).stem.strip("._ "):
        raise LoadError(f"not a usable file name: {name!r}")
    if suffix not in extensions or suffix not in LOADERS:
        raise LoadError(f"unsupported file type {suffix or '(none)'}; allowed: {', '.join(extensions)}")
    return base


def save_upload(corpus: Path, name: str, data: bytes, extensions: tuple[str, ...], max_bytes: int) -> Path:
    if len(data) > max_bytes:
        raise LoadError(f"file too large ({len(data):,} bytes; limit {max_bytes:,})")
    if not data.strip():
        raise LoadError("empty file")
    corpus.mkdir(parents=True, exist_ok=True)
    target = (corpus / safe_name(name, extensions)).resolve()
    if target.parent != corpus.resolve():
        raise LoadError(f"not a usable file name: {name!r}")
    fd, tmp = tempfile.mkstemp(dir=corpus, prefix=".upload-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, target)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
