"""Uploads land in the corpus under a safe name, or not at all."""
import pytest

from ingest.loaders import LoadError
from ingest.uploads import safe_name, save_upload

EXTS = (".txt", ".md", ".pdf")


@pytest.mark.parametrize("name,expected", [
    ("plan.txt", "plan.txt"), ("../../etc/passwd.txt", "passwd.txt"), ("..\\..\\win.md", "win.md"),
    ("a<script>.txt", "a_script_.txt"), ("  .hidden.txt", "hidden.txt"),
])
def test_names_are_reduced_to_a_plain_file_name(name, expected):
    assert safe_name(name, EXTS) == expected


@pytest.mark.parametrize("name", ["../../etc/passwd", "..", ".txt", "run.sh", ""])
def test_unusable_names_are_refused(name):
    with pytest.raises(LoadError):
        safe_name(name, EXTS)


def test_upload_is_saved_inside_the_corpus_only(tmp_path):
    corpus = tmp_path / "corpus"
    saved = save_upload(corpus, "../../outside.txt", b"The park has 3 ponds.", EXTS, 1000)
    assert saved == (corpus / "outside.txt").resolve()
    assert not (tmp_path / "outside.txt").exists()
    assert [p.name for p in corpus.iterdir()] == ["outside.txt"]


def test_oversized_or_empty_uploads_leave_nothing_behind(tmp_path):
    corpus = tmp_path / "corpus"
    with pytest.raises(LoadError, match="too large"):
        save_upload(corpus, "big.txt", b"x" * 2000, EXTS, 1000)
    with pytest.raises(LoadError, match="empty"):
        save_upload(corpus, "empty.txt", b"  \n", EXTS, 1000)
    assert not corpus.exists() or list(corpus.iterdir()) == []
