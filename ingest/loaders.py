"""Per-format loaders: a file becomes text whose character offsets citations point into.

The text is the decoded file exactly (no newline translation, no stripping), so that
``text[start:end]`` of a chunk is what a reader sees at that place in the source file.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from ingest.metadata import (DATE_LABEL, SECTION_LABELS, Metadata, as_date, date_in_name, front_matter, header,
                             is_dateline, loose_date, masthead_end, sidecar, wire_header)


class LoadError(ValueError):
    """A file that cannot be ingested; reported and skipped, never fatal for the others."""


@dataclass(frozen=True)
class LoadedDocument:
    source: str
    text: str
    content_hash: str
    title: str
    date: str | None = None
    pages: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()
    publisher: str = ""
    meta_span: tuple[int, int] | None = None


def decode(data: bytes) -> str:
    """UTF-8 first (what nearly every file is); otherwise the most plausible legacy encoding."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError("binary file (contains NUL bytes)")
    for encoding in ("utf-8-sig", "utf-16") if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) else ("utf-8",):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding)
    except (ImportError, LookupError, UnicodeDecodeError):
        pass
    return data.decode("cp1252", errors="replace")


def _first_lines(text: str, n: int = 5) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()][:n]


# A section label printed above a headline: "CHINA / SOCIETY", "Home > News", "WORLD".
_LABEL_WORD = r"[^\W\d](?:[^\W\d]|[-'’&.])*"
_LABEL = rf"{_LABEL_WORD}(?:\s+{_LABEL_WORD}){{0,2}}"
_KICKER = re.compile(rf"^(?:{_LABEL}\s*[/>»]\s*)+{_LABEL}$|^[A-Z&]+(?:\s+[A-Z&]+)?$")


# A numbered breadcrumb's item: "1. home", "2. Articles".
_MENU_ITEM = re.compile(r"\d{1,2}\.\s+[A-Za-z]+(?:\s+[A-Za-z]+)?")


def _kicker(line: str, following: str) -> bool:
    """A section label above the headline: "CHINA / SOCIETY", "Home > News", "1. home", or up to three
    words among them a section's name ("Latest Headlines", "China Voices") over a longer line."""
    said = line.split()
    return bool(_KICKER.match(line) or _MENU_ITEM.fullmatch(line)) or (
        len(said) <= 3 and len(following.split()) > 3 and not is_dateline(following)
        and any(w.lower() in SECTION_LABELS for w in said) and not re.search(r"\d|[.!?:]$", line))


def _title_from_text(text: str, fallback: str) -> str:
    """The first line, unless it is a masthead or a section label above the headline."""
    lines = [line.lstrip("#").strip() for line in _first_lines(text, 6)]
    lines = lines[masthead_end(lines):]
    while len(lines) >= 2 and _kicker(lines[0], lines[1]):
        lines = lines[1:]
    for line in lines[:1]:
        if 0 < len(line) <= 150:
            return line
    return fallback


@dataclass(frozen=True)
class Extracted:
    """A file's text as the assistant reads and cites it; ``pages`` are the offsets where pages
    2, 3, ... start (PDF only)."""

    text: str
    title: str
    pages: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()
    properties: Metadata = Metadata()


@dataclass(frozen=True)
class LoadOptions:
    """How files are read: the PDF reader (``layout``, or ``pypdf`` for the naive recipe) and
    whether pages without a text layer are OCR'd."""

    pdf_reader: str = "layout"
    ocr: bool = True
    ocr_language: str = "eng"


def load_plain(path: Path, data: bytes, options: LoadOptions) -> Extracted:
    text = decode(data)
    return Extracted(text, _title_from_text(text, path.stem))


def load_markdown(path: Path, data: bytes, options: LoadOptions) -> Extracted:
    text = decode(data)
    heading = re.search(r"^#{1,2}\s+(.+?)\s*#*\s*$", text, re.M)
    return Extracted(text, heading.group(1) if heading else _title_from_text(text, path.stem))


def load_html(path: Path, data: bytes, options: LoadOptions) -> Extracted:
    """The main text of a page (no menus, scripts or boilerplate), headings kept as Markdown so
    that citations can name the section."""
    import trafilatura

    html = decode(data)
    text = trafilatura.extract(html, output_format="markdown", include_tables=True, include_comments=False,
                               favor_recall=True) or ""
    meta = trafilatura.extract_metadata(html)
    title = (meta.title if meta and meta.title else "") or _title_from_text(text, path.stem)
    page = _parsed(html)
    # trafilatura may take a byline's label for an author ("Published Nov"): no publisher; and it
    # splits an author tag's name at "and" ("China Academy; Design"): the tag's own words stand.
    author = (_meta_content(page, ("author",)) or (meta.author if meta else "") or "").strip(" ·|,;-")
    site = next((v for v in ((meta.sitename, author) if meta else ())
                 if v and not DATE_LABEL.match(v)), "")
    site = site or _meta_publisher(page)
    properties = Metadata(title, as_date(meta.date) if meta else None, site or _site_in_title(page))
    extracted = Extracted(text + "\n" if text else "", title, properties=properties)
    dateline = _page_dateline(page)
    return _under_title(extracted, dateline)[0] if dateline and dateline not in text else extracted


# Meta tags that name who published a page where the usual ones are missing ("ContentSource" on
# Chinese government sites, Dublin Core, Highwire citation tags).
_PUBLISHER_META = ("publisher", "source", "contentsource", "dc.publisher", "dc.source", "citation_publisher")


def _meta_publisher(page) -> str:
    return _meta_content(page, _PUBLISHER_META)


def _meta_content(page, names: tuple[str, ...]) -> str:
    """The content of the page's first meta tag named one of ``names``."""
    if page is None:
        return ""
    for element in page.iter("meta"):
        if (element.get("name") or "").strip().lower() in names and (element.get("content") or "").strip():
            return " ".join(element.get("content").split())[:120]
    return ""


def _parsed(html: str):
    """The page as an element tree, or None when it cannot be parsed."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        return lxml_html.fromstring(html)
    except (ValueError, etree.ParserError):
        return None


_TITLE_SUFFIX = re.compile(r"^(?:\S+\s+){4,}?\S+\s+[-|–—_:]\s+((?:[A-Z0-9][\w.&'’-]*\s?){1,5})\s*$")


def _site_in_title(page) -> str:
    """The site a page's ``<title>`` names after its headline ("… Drug Innovation - Caixin
    Global"): who published the page when its metadata does not say. A headline has words enough
    ("Beijing - A City" is a headline alone)."""
    title = page.findtext(".//title") if page is not None else None
    suffix = _TITLE_SUFFIX.search(" ".join(title.split())) if title else None
    return suffix.group(1).strip() if suffix else ""


def _under_title(extracted: Extracted, line: str) -> tuple[Extracted, tuple[int, int]]:
    """``extracted`` with ``line`` standing alone under its title heading (first, without one),
    and where the line now stands; page offsets move with the text."""
    text = extracted.text
    at = (text.find("\n") + 1 or len(text)) if text.startswith("#") else 0
    rest = text[at:].lstrip("\n")
    added = f"\n{line}\n\n" if at else f"{line}\n\n"
    shift = len(added) - (len(text) - at - len(rest))
    start = at + (1 if at else 0)
    return (replace(extracted, text=text[:at] + added + rest,
                    pages=tuple(p + shift if p >= at else p for p in extracted.pages)), (start, start + len(line)))


def properties_line(meta: Metadata) -> str:
    """The dateline of what a file's properties say ("Published 2021-03-06 by China Daily"),
    written under the title of a PDF, Word file or page whose text never states it: an answer
    about who published the document or when then quotes a line the reader can see. Worded
    without labels where there is a date: a "Source:" line would match every question about
    sources."""
    if meta.date:
        return f"Published {meta.date}" + (f" by {meta.publisher}" if meta.publisher else "")
    return f"Source: {meta.publisher}"


def _page_dateline(page) -> str:
    """The byline a page shows under its headline ("By FAN FEIFEI | China Daily | Updated:
    2022-04-29 07:44"): extraction drops it as boilerplate, yet it is where the page says who
    published it and when, and what an answer about that should quote. The innermost element
    between the headline and the first long paragraph whose text is a dateline, unless an element
    marked as the page's date (``class="date"``) gives another date."""
    if page is None:
        return ""
    marked = next((text for element in page.iter() if isinstance(element.tag, str)
                   and element.tag not in ("script", "style", "head", "title", "meta")
                   and _DATED_CLASS.search(f"{element.get('class') or ''} {element.get('itemprop') or ''}")
                   for text in [_element_text(element)] if 6 <= len(text) <= 160 and is_dateline(text)), "")
    found = _dateline_under_headline(page)
    # "<div class="date">01 January 2008, 8am</div>" says when the page was published, whatever
    # other dated line stands under the headline ("Beijing Marathon<br>Sun 21 October 2007").
    day = header(marked, 1).date if marked else None
    return marked if day and day != header(found, 1).date else found


def _dateline_under_headline(page) -> str:
    """The innermost element between the headline and the first long paragraph whose text is a
    dateline (see ``_page_dateline``)."""
    headline = page.find(".//h1")
    found, found_text = None, ""
    started = headline is None
    for element in page.iter():
        if element is headline:
            started = True
            continue
        if not started or not isinstance(element.tag, str) or element.tag in ("script", "style", "head", "title"):
            continue
        text = _element_text(element)
        if element.tag == "p" and len(text) > 200:
            break
        if 6 <= len(text) <= 160 and is_dateline(text):
            if found is not None and element not in found.iterdescendants():
                break
            # "Commission of Tourism Development · <time>10 May 2017</time>": the inner date
            # alone would lose the publisher beside it; and "<span>Source:Global Times</span>"
            # alone the date and byline around it.
            inner, outer = (header(text, 1), header(found_text, 1)) if found is not None else (None, None)
            if found is None or inner.publisher and (inner.date or not outer.date) or not outer.publisher:
                found, found_text = element, text
    return _element_text(found) if found is not None else ""


# Class names that mark an element as the page's date ("date", "pubtime", "publish-time").
_DATED_CLASS = re.compile(r"\b(?:date|pubtime|pub-?date|publish(?:ed)?(?:[-_]?(?:date|time))?|datePublished)\b", re.I)


def _element_text(element) -> str:
    """An element's text, its lines (``<br>``) and inner elements set apart by spaces."""
    return " ".join(" ".join(element.itertext()).split())


def load_pdf(path: Path, data: bytes, options: "LoadOptions") -> Extracted:
    """PDFs as a reader sees them (``ingest/pdf.py``), or pypdf's plain text for the naive recipe."""
    if options.pdf_reader == "pypdf":
        return _load_pdf_pypdf(path, data)
    from ingest.pdf import read_pdf

    try:
        found = read_pdf(data, ocr=options.ocr, ocr_language=options.ocr_language)
    except ValueError as exc:
        raise LoadError(str(exc)) from None
    if not found.text.strip() and found.notes:
        raise LoadError("no text found: " + "; ".join(found.notes))
    return Extracted(found.text, found.title or _title_from_text(found.text, path.stem).lstrip("# "), found.pages,
                     found.notes, found.properties)


def _load_pdf_pypdf(path: Path, data: bytes) -> Extracted:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        title = str((reader.metadata or {}).get("/Title") or "")
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise LoadError(f"unreadable PDF: {exc}") from None
    text, starts = "", []
    for n, page in enumerate(pages):
        if n:
            text += "\n\n"
            starts.append(len(text))
        text += page
    return Extracted(text + "\n", title or _title_from_text(text, path.stem), tuple(starts))


def load_docx(path: Path, data: bytes, options: LoadOptions) -> Extracted:
    import io
    import zipfile

    import docx
    import docx.table

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise LoadError(f"unreadable Word file: {exc}") from None
    lines = []
    # Paragraphs and tables in the order they stand: headings as Markdown headings, list items as
    # "- " lines, a table as "a | b" rows (as the PDF reader writes them).
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            rows = [" | ".join(cell.text.strip() for cell in row.cells) for row in block.rows]
            lines.append("\n".join(row for row in rows if row.strip(" |")))
            continue
        line = block.text.strip()
        if not line:
            continue
        style = (block.style.name or "") if block.style is not None else ""
        level = style.removeprefix("Heading ").strip()
        if style.startswith("Heading") and level.isdigit():
            line = f"{'#' * int(level)} {line}"
        elif style.startswith("List"):
            line = f"- {line}"
        lines.append(line)
    text = "\n\n".join(line for line in lines if line)
    core = document.core_properties
    title = core.title or _title_from_text(text, path.stem).lstrip("# ")
    extracted = Extracted(text + "\n" if text else "", title,
                          properties=Metadata(core.title or "", as_date(core.created), core.author or ""))
    # A press office's template may date the release only in the page header ("Beijing 2022
    # venues | CGTN | 30 November 2020"): shown under the title, where the reader looks for it.
    dateline = next((p.text.strip() for section in document.sections[:1] for p in section.header.paragraphs
                     if is_dateline(p.text.strip())), "")
    return _under_title(extracted, dateline)[0] if dateline and text else extracted


LOADERS: dict[str, Callable[[Path, bytes, LoadOptions], Extracted]] = {
    ".txt": load_plain,
    ".md": load_markdown,
    ".markdown": load_markdown,
    ".html": load_html,
    ".htm": load_html,
    ".pdf": load_pdf,
    ".docx": load_docx,
}


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def document_hash(path: Path, data: bytes) -> str:
    """The hash of a document as ingested: its bytes and those of its sidecar metadata file."""
    return file_hash(data + sidecar(path)[1])


def load(path: Path, source: str, max_bytes: int, options: LoadOptions | None = None) -> LoadedDocument:
    """Read one file; raises ``LoadError`` with a reason a user can act on."""
    options = options or LoadOptions()
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        raise LoadError(f"unsupported file type {path.suffix or '(none)'}")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise LoadError(f"file too large ({size:,} bytes; limit {max_bytes:,})")
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"unreadable: {exc.strerror or exc}") from exc
    extracted = loader(path, data, options)
    if not extracted.text.strip():
        raise LoadError("empty file" if not data.strip() else "no text found in the file")
    named = Metadata(date=date_in_name(path.name))
    properties = extracted.properties
    if properties.title == path.stem:
        # A scanner or converter may title the file by its own name ("big-air-2022"): no title;
        # the text's first line is.
        properties = replace(properties, title="")
        if extracted.title == path.stem:
            extracted = replace(extracted, title=_title_from_text(extracted.text, path.stem).lstrip("# "))
    meta = (sidecar(path)[0].merged(front_matter(extracted.text)).merged(header(extracted.text, loose=False))
            .merged(properties))
    wired = wire_header(extracted.text)
    if wired.publisher and not meta.publisher or wired.date and not meta.date:
        meta = meta.merged(wired)
    meta = meta.merged(named).merged(Metadata(title=extracted.title, date=loose_date(extracted.text)))
    if meta.span is None and (extracted.properties.date or extracted.properties.publisher
                              or named.date and meta.date == named.date):
        extracted, span = _under_title(extracted, properties_line(meta))
        meta = replace(meta, span=span)
    return LoadedDocument(source=source, text=extracted.text, content_hash=document_hash(path, data),
                          title=meta.title, date=meta.date, pages=extracted.pages, notes=extracted.notes,
                          publisher=meta.publisher, meta_span=meta.span)
