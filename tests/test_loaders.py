from pathlib import Path

import pytest

from ingest.loaders import LoadError, decode, load
from ingest.metadata import find_date


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_text_is_loaded_exactly_with_title_date_and_hash(tmp_path):
    text = "Capital plan\r\nDate:2021-12-24 Source:Daily\r\nThe city will grow.\r\n"
    doc = load(write(tmp_path, "a.txt", text.encode()), "a.txt", 10_000)
    assert doc.text == text
    assert doc.title == "Capital plan"
    assert doc.date == "2021-12-24"
    assert len(doc.content_hash) == 64


def test_markdown_title_comes_from_first_heading(tmp_path):
    doc = load(write(tmp_path, "m.md", b"Intro line\n\n# Real Title\n\nBody text.\n"), "m.md", 10_000)
    assert doc.title == "Real Title"


def test_non_utf8_file_falls_back_to_a_legacy_encoding():
    assert decode("Café costs 5 €.".encode("cp1252")) == "Café costs 5 €."


def test_utf8_bom_is_not_part_of_the_text():
    assert decode("\ufeffHello".encode("utf-8")) == "Hello"


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"  \n\n ", "empty"),
    ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 10, "binary"),
    ("image.png", b"\x89PNG", "unsupported"),
])
def test_unusable_files_raise_a_load_error_with_the_reason(tmp_path, name, data, reason):
    with pytest.raises(LoadError, match=reason):
        load(write(tmp_path, name, data), name, 10_000)


def test_oversized_file_is_refused(tmp_path):
    with pytest.raises(LoadError, match="too large"):
        load(write(tmp_path, "big.txt", b"word " * 1000), "big.txt", 100)


def test_dates_are_read_in_common_forms():
    assert find_date("Published November 24, 2021 by the city") == "2021-11-24"
    assert find_date("24 November 2021") == "2021-11-24"
    assert find_date("no date here") is None
