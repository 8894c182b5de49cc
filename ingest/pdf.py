"""PDF text as a reader sees it, rebuilt from the glyph positions PDFium reports.

A PDF stores glyphs at positions, not paragraphs. This module rebuilds what a person reads:
lines from glyphs, the columns of each page in reading order, paragraphs across line, column
and page breaks (hyphenated line ends joined), headings (by size or weight) written
as Markdown headings so that the chunker carries them as sections, tables kept with their
caption, and figure labels, running headers, footers and page numbers left out. Pages without
a text layer are OCR'd with Tesseract when it is installed, and reported when it is not.

PDFium (pypdfium2, Apache-2.0/BSD) was chosen by measurement on real two-column papers: it
gives every glyph's box at about 50 pages a second here, marks line-end hyphens, and reads
damaged files that other parsers refuse (the README has the comparison).
"""
from __future__ import annotations

import re
import shutil
import statistics
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from ingest.metadata import Metadata, as_date, is_dateline

_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
              "\ufb06": "st", "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u202f": " ",
              "\u200b": "", "\u00ad": "\ufffe", "\x02": "\ufffe", "\t": " "}
_SOFT = "\ufffe"  # PDFium's mark of a hyphen at a line end
# Blocks set apart from the running text: a paragraph cut by a column break goes on after them.
_FLOATS = ("caption", "table", "note")
_TERMINAL = tuple(".!?:;\"'”’)]")
_CAPTION = re.compile(r"^(?:Table|Tab\.|Figure|Fig\.)\s*[A-Z]?\d+[:.]?", re.I)
_TABLE_CAPTION = re.compile(r"^(?:Table|Tab\.)\s*[A-Z]?\d+", re.I)
_PAGE_NUMBER = re.compile(r"^\W*(?:page\s*)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|/)\s*\d{1,4})?\W*$", re.I)
_BULLETS = ("•", "◦", "▪", "‣", "∙", "●", "■")
_BOLD = re.compile(r"bold|black|heavy|semibold|demi|medi\b|\.b$|-b$|cmbx", re.I)


@dataclass
class Line:
    page: int
    x0: float
    x1: float
    bottom: float
    top: float
    size: float
    bold: bool
    text: str
    column: str = "full"
    lead: str = ""  # the bold words a line opens with when the rest is not bold ("Task #1: Masked LM")

    @property
    def width(self) -> float:
        return self.x1 - self.x0


@dataclass
class Block:
    """A paragraph, heading, caption or table in reading order."""

    kind: str  # prose | heading | caption | table | note | debris
    page: int
    lines: list[Line] = field(default_factory=list)
    cells: list[Line] = field(default_factory=list)  # a table's, below its caption's lines


@dataclass(frozen=True)
class PdfText:
    text: str
    title: str
    pages: tuple[int, ...]
    notes: tuple[str, ...]
    properties: "Metadata"


def _clean(text: str) -> str:
    return "".join(_LIGATURES.get(c, c) for c in text)


def _font_bold(textpage, index: int) -> bool:
    import ctypes

    import pypdfium2.raw as raw

    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int(0)
    raw.FPDFText_GetFontInfo(textpage, index, buffer, 128, ctypes.byref(flags))
    name = buffer.value.decode("latin-1", "replace")
    return bool(_BOLD.search(name)) or raw.FPDFText_GetFontWeight(textpage, index) >= 600


def _bold_lead(textpage, run: list, visible: Callable[[str, tuple], bool], most: int = 90) -> str:
    """The bold text a line opens with, up to its first regular glyph ("" if it opens regular)."""
    for n, (i, c, box) in enumerate(run[:most]):
        if visible(c, box) and not _font_bold(textpage, i):
            return _clean("".join(c for _, c, _ in run[:n]).strip()) if n else ""
    return ""


def page_lines(page, number: int) -> list[Line]:
    """Lines of one page: PDFium's line breaks, cut again where a wide gap separates two runs of
    glyphs on one baseline (columns or table cells that the file writes as one line) or where
    the text jumps back to a new line without a break (a hyphenated word). Rotated glyphs (an
    arXiv stamp in the margin) are left out, unless most of the page is rotated (a sideways
    table)."""
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    text = textpage.get_text_range()
    count = min(len(text), textpage.count_chars())
    rotated = {i for i in range(count) if not text[i].isspace()
               and abs(raw.FPDFText_GetCharAngle(textpage.raw, i)) > 0.05}
    if len(rotated) * 2 > count:
        rotated = set()
    lines: list[Line] = []
    run: list[tuple[int, str, tuple[float, float, float, float]]] = []

    def visible(c: str, box: tuple[float, float, float, float]) -> bool:
        return not c.isspace() and c != _SOFT and box[2] > box[0]

    def flush() -> None:
        shown = [(i, box) for i, c, box in run if visible(c, box)]
        if shown:
            heights = sorted(b[3] - b[1] for _, b in shown)
            bold = all(_font_bold(textpage.raw, i) for i, _ in (shown[:2] + shown[-1:]))
            lead = "" if bold else _bold_lead(textpage.raw, run, visible)
            lines.append(Line(number, min(b[0] for _, b in shown), max(b[2] for _, b in shown),
                              min(b[1] for _, b in shown), max(b[3] for _, b in shown), heights[len(heights) // 2],
                              bold, _clean("".join(c for _, c, _ in run).strip()), lead=lead))
        run.clear()

    last: tuple[float, float, float] | None = None  # right edge, size and bottom of the last glyph
    for i in range(count):
        c = text[i]
        if c in "\r\n":
            flush()
            last = None
            continue
        if i in rotated:
            continue
        box = textpage.get_charbox(i, loose=True)
        if visible(c, box):
            size = box[3] - box[1]
            if last is not None:
                right, last_size, bottom = last
                wide = max(size, last_size, 4.0)
                if box[0] - right > 1.5 * wide or (box[0] < right - size and abs(box[1] - bottom) > 0.5 * wide):
                    flush()
            last = (box[2], size, box[1])
        run.append((i, c, box))
    flush()
    return [ln for ln in lines if not (ln.top - ln.bottom > 2.5 * max(ln.width, 1.0) and len(ln.text) > 2)]


def _body_size(lines: list[Line]) -> float:
    sizes = Counter()
    for ln in lines:
        sizes[round(ln.size * 2) / 2] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _running(lines_by_page: list[list[Line]], heights: list[float]) -> set[int]:
    """ids of lines that are running headers, footers or page numbers: in the top or bottom
    margin and either a bare number or repeated (digits aside) on several pages."""
    def key(ln: Line) -> str:
        return re.sub(r"\d+", "0", ln.text.lower()).strip()

    margins = []
    for lines, height in zip(lines_by_page, heights):
        for ln in lines:
            if ln.top > 0.92 * height or ln.bottom < 0.08 * height:
                margins.append(ln)
    seen = Counter(key(ln) for ln in {(ln.page, key(ln)): ln for ln in margins}.values())
    pages = len(lines_by_page)
    return {id(ln) for ln in margins
            if _PAGE_NUMBER.match(ln.text) or (pages >= 2 and seen[key(ln)] >= max(2, 0.25 * pages))}


def _columns(lines: list[Line], width: float) -> None:
    """Mark each line left, right or full: a page is two-column when many lines keep to either
    side of its middle, or when many keep to the left and the few long lines on the right are
    not outnumbered by lines across the middle."""
    if not lines:
        return
    x0 = min(ln.x0 for ln in lines)
    x1 = max(ln.x1 for ln in lines)
    middle, slack = (x0 + x1) / 2, 0.02 * width
    left = [ln for ln in lines if ln.x1 <= middle + slack]
    right = [ln for ln in lines if ln.x0 >= middle - slack]
    full = [ln for ln in lines if ln.x1 > middle + slack and ln.x0 < middle - slack]
    long_left, long_right, long_full = (sum(len(ln.text) > 25 for ln in side) for side in (left, right, full))
    # The last page of a two-column text may end its right column after a line or two: it still
    # reads left then right when hardly any long line crosses the middle.
    two = long_left >= 4 and (long_right >= 4 or long_right >= 2 and long_full < long_right)
    for ln in lines:
        ln.column = ("left" if ln.x1 <= middle + slack else "right" if ln.x0 >= middle - slack else "full") \
            if two else "full"


def reading_order(lines: list[Line]) -> list[Line]:
    """Top to bottom; within each band between full-width lines, the left column, then the
    right one."""
    out: list[Line] = []
    band: list[Line] = []
    for ln in sorted(lines, key=lambda ln: -ln.top):
        if ln.column == "full":
            out += sorted(band, key=lambda b: (b.column != "left", -b.top))
            band = []
            out.append(ln)
        else:
            band.append(ln)
    return out + sorted(band, key=lambda b: (b.column != "left", -b.top))


def _is_heading(ln: Line, body: float) -> bool:
    text = ln.text.strip()
    words = text.split()
    if not (1 <= len(words) <= 14) or len(text) > 110 or not re.search(r"[A-Za-z]{2}", text):
        return False
    if text.endswith((".", ";", "-", _SOFT)) or (text.endswith(",") and ln.size < 1.2 * body):
        return False
    if _CAPTION.match(text) or not (text[0].isupper() or text[0].isdigit() or ln.size >= 1.2 * body):
        return False
    return ln.size >= 1.12 * body or (ln.bold and ln.size >= 0.9 * body)


def _list_item(text: str) -> bool:
    """A bulleted item is text however short ("• 20 cultural properties;"), not a figure's label."""
    return text.lstrip().startswith(_BULLETS) and bool(re.search(r"[A-Za-z]{2,}", text))


def _prose_like(text: str) -> bool:
    words = re.findall(r"[A-Za-z]{2,}", text)
    letters = sum(c.isalpha() for c in text)
    return len(words) >= 4 and letters >= 0.55 * max(len(text.replace(" ", "")), 1)


def blocks(ordered: list[Line], body: float, pitch: float) -> list[Block]:
    """Paragraphs from lines in reading order: a new one at a heading, a change of column or
    size, a wider gap than the text's line pitch, or a short line that ends a sentence."""
    out: list[Block] = []
    column_edges: dict[tuple[int, str], tuple[float, float]] = {}
    for ln in ordered:
        a, b = column_edges.get((ln.page, ln.column), (ln.x0, ln.x1))
        column_edges[(ln.page, ln.column)] = (min(a, ln.x0), max(b, ln.x1))
    prev: Line | None = None
    for ln in ordered:
        if _is_heading(ln, body):
            last = out[-1] if out else None
            if (last is not None and last.kind == "heading" and last.page == ln.page
                    and abs(last.lines[-1].size - ln.size) < 0.1 * body
                    and 0 < last.lines[-1].bottom - ln.bottom < 1.8 * max(pitch, ln.size)):
                last.lines.append(ln)
            else:
                out.append(Block("heading", ln.page, [ln]))
            prev = None
            continue
        new = prev is None or ln.page != prev.page or ln.column != prev.column
        if not new:
            left, right = column_edges[(ln.page, ln.column)]
            step = prev.bottom - ln.bottom
            prev_text = prev.text.rstrip()
            new = (step > 1.45 * pitch or step < 0.3 * pitch or abs(ln.size - prev.size) > 0.3 * body
                   or ((prev.size >= 0.95 * body) != (ln.size >= 0.95 * body) and min(prev.size, ln.size) < 0.88 * body)
                   or (prev_text.endswith(_TERMINAL) and prev.x1 < right - 3 * body)
                   or (prev_text.endswith(_TERMINAL) and ln.x0 > left + 0.8 * body and prev.x0 <= left + 0.5 * body)
                   or (prev_text.endswith((".", "!", "?")) and bool(ln.lead) and not prev.lead)
                   or ln.text.lstrip().startswith(_BULLETS)
                   or bool(_CAPTION.match(ln.text)))
        if new:
            out.append(Block("prose", ln.page))
        out[-1].lines.append(ln)
        prev = ln
    for block in out:
        if block.kind == "heading":
            continue
        text = " ".join(ln.text for ln in block.lines)
        if is_dateline(text):
            continue  # "Date: … Source: …" in small print is the document's dateline, where it stands
        if _CAPTION.match(text):
            block.kind = "caption"
        elif not _prose_like(text) and not _list_item(text):
            block.kind = "debris"
        elif statistics.median(ln.size for ln in block.lines) < 0.88 * body:
            block.kind = "note"
    following = "prose"
    for block in reversed(out):
        if block.kind == "heading" and following in ("debris", "caption") and block.lines[0].size < 1.2 * body:
            block.kind = "debris"
        following = block.kind if block.kind != "heading" or following == "prose" else following
    return out


def _run_in_heading(block: Block) -> str:
    """A paragraph's run-in heading: the few bold words its first line opens with before
    regular text ("Task #1: Masked LM Intuitively, ..."), which name what the paragraph is about
    as a heading line would."""
    first = block.lines[0] if block.kind == "prose" and block.lines else None
    lead = first.lead if first is not None else ""
    words = lead.split()
    if not (1 <= len(words) <= 10) or len(lead) > 80 or not re.search(r"[A-Za-z]\w", lead):
        return ""
    if lead.endswith(("-", _SOFT, ",")) or not (lead[0].isupper() or lead[0].isdigit()):
        return ""
    line = first.text.strip()
    rest = line[len(lead):]
    opens = rest[:1].isspace() and (rest.strip()[:1].isupper() or lead.endswith((".", ":")))
    return lead if line.startswith(lead) and opens and re.search(r"[A-Za-z]{2}", rest) else ""


def _tables(found: list[Block]) -> list[Block]:
    """A table caption takes the debris next to it (its cells) as its rows; other debris
    (figure labels, axis ticks, stray symbols) is left out of the text."""
    out: list[Block] = []
    i = 0
    while i < len(found):
        block = found[i]
        if block.kind == "caption" and _TABLE_CAPTION.match(block.lines[0].text):
            before = []
            while out and out[-1].kind == "debris" and out[-1].page == block.page:
                before.insert(0, out.pop())
            after = []
            j = i + 1
            if not before:
                while j < len(found) and found[j].kind == "debris" and found[j].page == block.page:
                    after.append(found[j])
                    j += 1
            out.append(Block("table", block.page, block.lines, [ln for b in before + after for ln in b.lines]))
            i = j if after else i + 1
            continue
        out.append(block)
        i += 1
    return [b for b in out if b.kind != "debris"]


def _grids(lines: list[Line], body: float, pitch: float) -> list[list[Line]]:
    """Key figures set as rows of a label and its value ("Bicycles   2,000") without a "Table 1"
    caption, as fact sheets print them: two rows or more of exactly two short cells, each label
    opening with a letter and most values holding a digit. Read as a table, not as debris."""
    rows = _by_row(lines)

    def cells(row: list[Line]) -> bool:
        return (len(row) == 2 and all(len(c.text.strip()) <= 40 for c in row) and row[0].text.strip()[:1].isalpha()
                and row[1].x0 - row[0].x1 >= 2 * body)

    grids: list[list[Line]] = []
    run: list[list[Line]] = []
    for row in rows + [[]]:
        if row and cells(row) and (not run or (run[-1][0].page == row[0].page
                                               and run[-1][0].bottom - row[0].bottom <= 2 * pitch)):
            run.append(row)
            continue
        if len(run) >= 2 and sum(bool(re.search(r"\d", r[1].text)) for r in run) * 2 >= len(run):
            grids.append([c for r in run for c in r])
        run = [row] if row and cells(row) else []
    return grids


def _by_row(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into the rows they share on a page, top to bottom, each left to right."""
    rows: list[list[Line]] = []
    for ln in sorted(lines, key=lambda ln: (ln.page, -ln.bottom)):
        if rows and rows[-1][0].page == ln.page and abs(rows[-1][0].bottom - ln.bottom) < 0.5 * ln.size:
            rows[-1].append(ln)
        else:
            rows.append([ln])
    return [sorted(row, key=lambda c: c.x0) for row in rows]


def _rows(cells: list[Line]) -> list[str]:
    return [" | ".join(c.text for c in row) for row in _by_row(cells)]


def _join_lines(parts: list[str], vocabulary: Counter) -> str:
    """Lines of one paragraph as one line of text. A hyphen at a line end is kept when the
    document writes the word with it elsewhere, or never writes it whole while both halves are
    words of their own ("land-hungry"); otherwise the word is joined ("representa-tion")."""
    text = ""
    for part in parts:
        part = part.strip()
        if not text:
            text = part
            continue
        if text.endswith((_SOFT, "-")) and part[:1].isalpha():
            head = re.search(r"(\w+)[\ufffe-]$", text)
            tail = re.match(r"\w+", part)
            keep = False
            if head and tail:
                whole, hyphened = (head.group(1) + tail.group(0)).lower(), f"{head.group(1)}-{tail.group(0)}".lower()
                first, second = head.group(1).lower(), tail.group(0).lower()
                keep = (vocabulary[hyphened] > vocabulary[whole] or (text.endswith("-") and not part[0].islower())
                        or (text.endswith("-") and not vocabulary[whole] and len(first) >= 3
                            and vocabulary[first] >= 2 and vocabulary[second] >= 2))
            text = text[:-1] + ("-" if keep else "") + part
        else:
            text = text.rstrip(_SOFT) + " " + part
    return text.replace(_SOFT, "-")


def _continues(previous: str, following: str) -> bool:
    """A paragraph cut by a column or page break goes on in the next one: it did not end a
    sentence, or the next one starts in lower case."""
    if following.startswith("- ") or is_dateline(previous) or is_dateline(following):
        return False  # a list item, a dateline, or what follows one, starts a paragraph of its own
    end = previous.rstrip()[-1:]
    return bool(end) and end not in ".!?:|" and (following[:1].islower() or end.isalnum() or end in ",;-")


def ocr_page(page, language: str = "eng") -> str | None:
    """The page's text by Tesseract at 300 dpi, or None when Tesseract is not installed."""
    binary = shutil.which("tesseract")
    if binary is None:
        return None
    import io

    image = page.render(scale=300 / 72).to_pil()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    result = subprocess.run([binary, "stdin", "stdout", "-l", language, "--psm", "3"], input=buffer.getvalue(),
                            capture_output=True, timeout=120)
    return result.stdout.decode("utf-8", "replace") if result.returncode == 0 else ""


def _ocr_paragraphs(text: str) -> list[str]:
    """Tesseract's blocks as paragraphs, lines joined; a dateline stands alone, apart from the
    title set close above it ("From steel mill to ski jump" over "Beijing, 8 February 2022 (Xinhua)")."""
    out = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.split("\n") if line.strip()]
        at = next((i for i, line in enumerate(lines) if is_dateline(line)), None)
        parts = [lines] if at is None else [lines[:at], lines[at:at + 1], lines[at + 1:]]
        out += [re.sub(r"-\n(?=[a-z])", "", re.sub(r"(?<!-)\n", " ", "\n".join(part))).strip()
                for part in parts if part]
    return out


def read_pdf(data: bytes, ocr: bool = True, ocr_language: str = "eng") -> PdfText:
    """Text, title, the offsets where pages 2, 3... start, and notes on pages that had to be
    OCR'd or could not be read. Raises ``ValueError`` for files PDFium cannot open."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise ValueError("encrypted PDF: it needs a password to open") from None
        raise ValueError(f"unreadable PDF ({message})") from None
    notes: list[str] = []
    lines_by_page: list[list[Line]] = []
    heights: list[float] = []
    ocr_text: dict[int, list[str]] = {}
    for n in range(len(document)):
        page = document[n]
        width, height = page.get_size()
        heights.append(height)
        lines = page_lines(page, n + 1)
        if not lines:
            has_images = any(obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE for obj in page.get_objects())
            if has_images:
                text = ocr_page(page, ocr_language) if ocr else None
                if text is None:
                    notes.append(f"page {n + 1} has no text layer (install tesseract-ocr to read it)")
                elif text.strip():
                    ocr_text[n + 1] = _ocr_paragraphs(text)
                    notes.append(f"page {n + 1} has no text layer: read by OCR")
                else:
                    notes.append(f"page {n + 1} has no text layer and OCR found no text on it")
        _columns(lines, width)
        lines_by_page.append(lines)
    running = _running(lines_by_page, heights)
    kept = [[ln for ln in lines if id(ln) not in running] for lines in lines_by_page]
    everything = [ln for lines in kept for ln in lines]
    body = _body_size(everything)
    pitch = _line_pitch(kept, body)
    vocabulary = Counter(w.lower() for ln in everything for w in re.findall(r"\w+(?:-\w+)*", ln.text.replace(_SOFT, "")))
    title, title_size = "", 0.0

    paras: list[list] = []  # [kind, text]
    page_at: list[tuple[int, int]] = []  # where pages 2, 3... start: (paragraph, offset in it)
    for n, lines in enumerate(kept, 1):
        grids = _grids(lines, body, pitch)
        gridded = {id(ln) for grid in grids for ln in grid}
        rest = [ln for ln in lines if id(ln) not in gridded]
        found = _tables(blocks(reading_order(rest), body, pitch)) if lines else []
        for grid in grids:
            at = next((k for k, b in enumerate(found) if b.lines and b.lines[0].top < grid[0].top), len(found))
            found.insert(at, Block("table", n, [], grid))
        here: list[tuple[str, str]] = [("prose", p) for p in ocr_text.get(n, [])]
        small: list[tuple[str, str]] = []
        for block in found:
            if block.kind == "heading":
                para = "## " + " ".join(ln.text.strip() for ln in block.lines).replace(_SOFT, "-")
                if n == 1 and block.lines[0].size > title_size:
                    title, title_size = para[3:], block.lines[0].size
            elif block.kind == "table":
                para = "\n".join([_join_lines([ln.text for ln in block.lines], vocabulary)] * bool(block.lines)
                                 + [row.replace(_SOFT, "-") for row in _rows(block.cells)])
            else:
                lead = _run_in_heading(block)
                if lead:
                    here.append(("heading", "### " + lead.rstrip(" .:")))
                    rest = block.lines[0].text.strip()[len(lead):].strip()
                    para = _join_lines([rest] + [ln.text for ln in block.lines[1:]], vocabulary)
                else:
                    para = _join_lines([ln.text for ln in block.lines], vocabulary)
                if para.startswith(_BULLETS):
                    para = "- " + para[1:].lstrip()  # a list item, as Markdown writes it
            (small if block.kind == "note" else here).append((block.kind, para))
        started = n == 1
        for kind, para in here + small:
            at = next((i for i in range(len(paras) - 1, -1, -1) if paras[i][0] not in _FLOATS), None)
            if kind == "prose" and at is not None and paras[at][0] == "prose" and _continues(paras[at][1], para):
                paras[at][1] = _join_lines([paras[at][1], para], vocabulary)
                if not started:
                    page_at.append((at, len(paras[at][1]) - len(para.strip())))
                    started = True
                continue
            paras.append([kind, para])
            if not started:
                page_at.append((len(paras) - 1, 0))
                started = True
        if not started:
            page_at.append((len(paras), 0))
    text, offsets = "", []
    for _, para in paras:
        offsets.append(len(text))
        text += para + "\n\n"
    offsets.append(len(text))
    starts = [min(offsets[i] + at, len(text.rstrip())) for i, at in page_at]
    properties = _properties(document)
    return PdfText(text.rstrip() + "\n", title or properties.title, tuple(starts), tuple(notes), properties)


def _line_pitch(pages: list[list[Line]], body: float) -> float:
    """The usual distance between the baselines of two lines of one paragraph."""
    steps = []
    for lines in pages:
        for column in ("left", "right", "full"):
            col = sorted((ln for ln in lines if ln.column == column and abs(ln.size - body) < 0.1 * body),
                         key=lambda ln: -ln.bottom)
            steps += [a.bottom - b.bottom for a, b in zip(col, col[1:]) if 0.8 * body < a.bottom - b.bottom < 3 * body]
    return statistics.median(steps) if steps else 1.2 * body


# What PDF writers put in the author field when nobody filled it in.
_PLACEHOLDER_AUTHOR = re.compile(r"anonymous|unknown|administrator|admin|user|owner|author|unspecified|none|n/?a", re.I)


def _properties(document) -> Metadata:
    """Title, creation date and author from the PDF's document information."""
    try:
        info = document.get_metadata_dict()
    except Exception:
        return Metadata()
    author = (info.get("Author") or "").strip()
    return Metadata((info.get("Title") or "").strip(), as_date(info.get("CreationDate")),
                    "" if _PLACEHOLDER_AUTHOR.fullmatch(author) else author)
