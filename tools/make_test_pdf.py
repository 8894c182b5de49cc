"""Writes tests/data/normans-two-column.pdf: a real PDF laid out as papers are, from openly
licensed text (the SQuAD 2.0 "Normans" paragraphs, CC BY-SA 4.0, in bench/data).

Two columns, a running header and a page number on every page, words hyphenated at line ends,
section headings in bold, a figure with axis labels and a caption, a table with
its caption, and paragraphs that run across a column break and a page break: what the PDF
reader must undo. Run it once (it needs ``pip install reportlab``); the PDF is committed, so
the tests do not need reportlab.

    python tools/make_test_pdf.py
"""
from __future__ import annotations

import json
from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "normans-two-column.pdf"
HEADER = "Journal of Openly Licensed Test Documents · Vol. 3"
BODY, LEAD = 10, 12.4
WIDTH, HEIGHT = letter
MARGIN, GUTTER = 60, 24
COLUMN = (WIDTH - 2 * MARGIN - GUTTER) / 2


def paragraphs() -> list[str]:
    data = json.loads((ROOT / "bench" / "data" / "squad2-dev-subset.json").read_text(encoding="utf-8"))
    return [p["context"].strip() for p in data["data"][0]["paragraphs"][:9]]


class Layout:
    def __init__(self, path: Path) -> None:
        self.c = canvas.Canvas(str(path), pagesize=letter)
        self.c.setTitle("The Normans: a two-column test document")
        self.page = 0
        self.new_page()

    def new_page(self) -> None:
        if self.page:
            self.c.showPage()
        self.page += 1
        self.c.setFont("Times-Italic", 8)
        self.c.drawString(MARGIN, HEIGHT - 36, HEADER)
        self.c.setFont("Times-Roman", 9)
        self.c.drawCentredString(WIDTH / 2, 30, str(self.page))
        self.column, self.y = 0, HEIGHT - 70

    def x(self) -> float:
        return MARGIN + self.column * (COLUMN + GUTTER)

    def advance(self, height: float) -> None:
        self.y -= height
        if self.y < 60:
            if self.column == 0:
                self.column, self.y = 1, self.top
            else:
                self.new_page()
                self.top = self.y

    def title(self, text: str) -> None:
        self.c.setFont("Times-Bold", 17)
        self.c.drawCentredString(WIDTH / 2, self.y, text)
        self.y -= 22
        self.c.setFont("Times-Roman", 11)
        self.c.drawCentredString(WIDTH / 2, self.y, "A. Writer and B. Reader")
        self.y -= 30
        self.top = self.y

    def heading(self, text: str) -> None:
        self.advance(6)
        self.c.setFont("Times-Bold", 12)
        self.c.drawString(self.x(), self.y, text)
        self.advance(LEAD + 3)

    def paragraph(self, text: str) -> None:
        words = text.split()
        line: list[str] = []
        font = "Times-Roman"
        first = True
        while words:
            word = words.pop(0)
            trial = " ".join(line + [word])
            indent = 12 if first else 0
            if stringWidth(trial, font, BODY) + indent <= COLUMN:
                line.append(word)
                continue
            room = COLUMN - indent - stringWidth(" ".join(line + [""]), font, BODY)
            cut = max((i for i in range(3, len(word) - 2) if word[:i].isalpha()
                       and stringWidth(word[:i] + "-", font, BODY) <= room), default=0)
            if cut and len(word) >= 7:
                whole = word[cut] == "-"
                line.append(word[:cut] + "-")
                words.insert(0, word[cut + whole:])
            else:
                words.insert(0, word)
            self.draw_line(line, indent, justify=True)
            first, line = False, []
        self.draw_line(line, 12 if first else 0, justify=False)
        self.advance(4)

    def draw_line(self, line: list[str], indent: float, justify: bool) -> None:
        self.c.setFont("Times-Roman", BODY)
        x = self.x() + indent
        if justify and len(line) > 1:
            spare = COLUMN - indent - sum(stringWidth(w, "Times-Roman", BODY) for w in line)
            gap = spare / (len(line) - 1)
            for w in line:
                self.c.drawString(x, self.y, w)
                x += stringWidth(w, "Times-Roman", BODY) + gap
        else:
            self.c.drawString(x, self.y, " ".join(line))
        self.advance(LEAD)

    def figure(self) -> None:
        left, bottom = self.x() + 20, self.y - 80
        self.c.rect(left, bottom, COLUMN - 40, 70)
        self.c.setFont("Helvetica", 7)
        for i, label in enumerate(("0", "250", "500", "750")):
            self.c.drawString(left - 14, bottom + i * 22, label)
        for i, label in enumerate(("911", "1066", "1130")):
            self.c.drawString(left + 10 + i * 50, bottom - 9, label)
        self.c.drawString(left + 30, bottom + 50, "A")
        self.c.drawString(left + 90, bottom + 30, "B")
        self.y = bottom - 22
        self.c.setFont("Times-Roman", 9)
        self.c.drawString(self.x(), self.y, "Figure 1: Norman settlements by year of foundation.")
        self.advance(LEAD + 6)

    def table(self) -> None:
        self.c.setFont("Times-Roman", 9)
        self.c.drawString(self.x(), self.y, "Table 1: Rulers of Normandy and the years they began.")
        self.advance(LEAD)
        for row in (("Ruler", "Began", "Title"), ("Rollo", "911", "Count"), ("William", "1035", "Duke"),
                    ("Richard", "942", "Duke")):
            for i, cell in enumerate(row):
                self.c.drawString(self.x() + 6 + i * 62, self.y, cell)
            self.advance(11)
        self.advance(8)

    def save(self) -> None:
        self.c.save()


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    paras = paragraphs()
    doc = Layout(OUT)
    doc.title("The Normans: a Two-Column Test Document")
    doc.heading("1 Origins")
    for p in paras[:3]:
        doc.paragraph(p)
    doc.figure()
    doc.heading("2 Settlement in Normandy")
    for p in paras[3:6]:
        doc.paragraph(p)
    doc.table()
    doc.heading("3 The Normans Abroad")
    for p in paras[6:9]:
        doc.paragraph(p)
    doc.save()
    print(f"wrote {OUT} ({doc.page} pages)")


if __name__ == "__main__":
    main()
