"""The actions that change the collection or its feedback. Each checks the visitor's role itself,
so no request reaches them around the page's controls."""
from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path

import yaml

from access import Visitor, require_editor
from ingest.index import Progress
from ingest.uploads import save_upload
from schema import IngestReport
from store.feedback import FeedbackStore, as_test_queries


def add_document(visitor: Visitor, assistant, name: str, data: bytes) -> Path:
    """Save an upload into the corpus (a new document, or a new version of one)."""
    require_editor(visitor)
    settings = assistant.settings
    return save_upload(settings.corpus, name, data, settings.extensions, settings.max_file_bytes)


def remove_document(visitor: Visitor, assistant, source: str) -> Path:
    """Take a document out of the corpus; the file is moved to the store's ``removed`` folder,
    not deleted, so nothing is lost. The next ingest drops it from the answers."""
    require_editor(visitor)
    corpus = Path(assistant.settings.corpus).resolve()
    path = (corpus / source).resolve()
    if not path.is_relative_to(corpus) or not path.is_file():
        raise FileNotFoundError(f"no document {source!r} in the corpus")
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    kept = Path(assistant.settings.store) / "removed" / f"{stamp}-{path.name}"
    kept.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(path), kept)
    return kept


def reingest(visitor: Visitor, assistant, progress: Progress | None = None) -> IngestReport:
    require_editor(visitor)
    return assistant.ingest(progress)


def export_feedback(visitor: Visitor, feedback: FeedbackStore) -> str:
    """The feedback as test queries (YAML), for the evaluation."""
    require_editor(visitor)
    return yaml.safe_dump(as_test_queries(feedback.all()), allow_unicode=True, sort_keys=False)


def remove_feedback(visitor: Visitor, feedback: FeedbackStore, feedback_id: int) -> bool:
    require_editor(visitor)
    return feedback.remove(feedback_id)
