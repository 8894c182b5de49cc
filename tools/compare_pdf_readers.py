"""Compares PDF text extractors on a folder of PDFs: speed, and what a reader would trip on.

    pip install pdfplumber pymupdf   # only for this comparison; the product uses pypdfium2
    python tools/compare_pdf_readers.py FOLDER

For each reader: pages a second; words cut at line ends ("repre-\\nsentation", "repre- sentation");
ligature glyphs left ("ﬁ"); lines of fewer than 25 characters (figure labels, cut sentences);
lines repeated on three pages or more (running headers and footers); and, where FOLDER/../tune.yaml
has reference answers, the share of their content words that the text holds (nothing lost).
"""
from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from retrieval.text import terms  # noqa: E402


def pypdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [p.extract_text() or "" for p in PdfReader(str(path)).pages]


def pdfium_pages(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    return [doc[i].get_textpage().get_text_range().replace("\r\n", "\n") for i in range(len(doc))]


def plumber_pages(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]


def mupdf_pages(path: Path) -> list[str]:
    import pymupdf

    return [page.get_text("text", sort=True) for page in pymupdf.open(str(path))]


def ours_pages(path: Path) -> list[str]:
    from ingest.pdf import read_pdf

    found = read_pdf(path.read_bytes())
    bounds = [0, *found.pages, len(found.text)]
    return [found.text[a:b] for a, b in zip(bounds, bounds[1:])]


READERS = {"pypdf": pypdf_pages, "pypdfium2 (plain text)": pdfium_pages, "pdfplumber": plumber_pages,
           "PyMuPDF (sorted blocks)": mupdf_pages, "ours (pypdfium2 + layout)": ours_pages}


def measure(reader, pdfs: list[Path], references: list[str]) -> dict[str, float]:
    started = time.perf_counter()
    documents = [reader(p) for p in pdfs]
    seconds = time.perf_counter() - started
    pages = sum(len(d) for d in documents)
    text = "\n".join(page for d in documents for page in d)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    repeated = Counter(re.sub(r"\d+", "0", line) for d in documents for page in d
                       for line in set(page.splitlines()) if line.strip())
    held = set(terms(text))
    wanted = [set(terms(r)) for r in references]
    return {"pages_per_s": pages / seconds,
            "cut_words": len(re.findall(r"[a-z]-\s+[a-z]", text)) + text.count("\ufffe") + text.count("\x02"),
            "ligatures": sum(text.count(c) for c in "\ufb00\ufb01\ufb02\ufb03\ufb04"),
            "short_lines": sum(len(line) < 25 for line in lines) / max(len(lines), 1),
            "repeated_lines": sum(n for n in repeated.values() if n >= 3),
            "reference_words": sum(len(w & held) / len(w) for w in wanted if w) / max(len(wanted), 1)}


def main(folder: Path) -> None:
    pdfs = sorted(folder.glob("*.pdf"))
    tune = folder.parent / "tune.yaml"
    references = [q["reference"] for q in yaml.safe_load(tune.read_text())] if tune.exists() else []
    print("| reader | pages/s | words cut at line ends | ligature glyphs | lines < 25 chars | lines on ≥ 3 pages |"
          " reference words held |")
    print("|---|---|---|---|---|---|---|")
    for name, reader in READERS.items():
        try:
            m = measure(reader, pdfs, references)
        except ImportError as exc:
            print(f"| {name} | not installed ({exc.name}) | | | | | |")
            continue
        print(f"| {name} | {m['pages_per_s']:.1f} | {m['cut_words']} | {m['ligatures']} | {m['short_lines']:.2f} |"
              f" {m['repeated_lines']} | {m['reference_words']:.3f} |")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
