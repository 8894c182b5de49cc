"""Writes tests/data/run-in-headings.pdf: one page laid out as papers lay out their lists, a
sentence that announces parts ("two kinds of data, described in this section") followed by
paragraphs that open with a bold run-in heading ("Books [60%]. We use ..."), and a paragraph
with a bold word inside a line, which is emphasis, not a heading. The text is written for the
test (no licence needed). Run it once (it needs ``pip install reportlab``); the PDF is committed.

    python tools/make_run_in_pdf.py
"""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "run-in-headings.pdf"
BODY, LEAD, MARGIN = 10, 12.4, 72
WIDTH, HEIGHT = letter

PARTS = [
    (None, "The Lumeria model is a small language model trained for reading policy documents. "
           "We train Lumeria on two kinds of data, described in this section."),
    ("Books [60%].", "We use public domain books from the Gutenberg project, cleaned of their licence headers "
                     "and split into chapters before training."),
    ("Encyclopedia [40%].", "We add encyclopedia articles in English, keeping only articles longer than "
                            "five hundred words and removing their tables."),
    (None, "The data is mixed in these proportions for the whole run, and every document is seen at most twice."),
]


def write() -> None:
    c = canvas.Canvas(str(OUT), pagesize=letter)
    c.setTitle("Lumeria: a test paper with run-in headings")
    y = HEIGHT - 80
    c.setFont("Times-Bold", 16)
    c.drawString(MARGIN, y, "Lumeria: a test paper with run-in headings")
    y -= 36
    c.setFont("Times-Bold", 12)
    c.drawString(MARGIN, y, "2 Pre-training data")
    y -= LEAD + 6
    for lead, text in PARTS:
        x = MARGIN
        line: list[tuple[str, str]] = []
        runs = ([("Times-Bold", w) for w in lead.split()] if lead else []) + [("Times-Roman", w) for w in text.split()]
        width = 0.0
        lines: list[list[tuple[str, str]]] = []
        for font, word in runs:
            w = stringWidth(word + " ", font, BODY)
            if width + w > WIDTH - 2 * MARGIN and line:
                lines.append(line)
                line, width = [], 0.0
            line.append((font, word))
            width += w
        lines.append(line)
        for words in lines:
            x = MARGIN
            for font, word in words:
                c.setFont(font, BODY)
                c.drawString(x, y, word)
                x += stringWidth(word + " ", font, BODY)
            y -= LEAD
        y -= 6
    c.setFont("Times-Roman", BODY)
    c.drawString(MARGIN, y, "Training takes three days on one machine, and the")
    c.setFont("Times-Bold", BODY)
    c.drawString(MARGIN, y - LEAD, "Lumeria")
    c.setFont("Times-Roman", BODY)
    c.drawString(MARGIN + stringWidth("Lumeria ", "Times-Bold", BODY), y - LEAD,
                 "weights are published with the code.")
    c.save()


if __name__ == "__main__":
    write()
    print(f"wrote {OUT}")
