"""Paragraph chunks with exact character offsets, and the sentence spans inside them.

A chunk is one paragraph (a long one is cut at sentence boundaries), so a retrieved passage
is a unit a reader recognises and a citation can quote it exactly. Sentence spans are computed
here, once, because the answerer scores sentences and would otherwise re-split at query time.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.metadata import (footer_start, front_matter_end, header_end, is_dateline, is_field_line, signs_dateline,
                              wire_dateline)

_TERMINAL = tuple('.!?:;"\'”’)]')
_MARKDOWN_BLOCK = re.compile(r"^\s*(#{1,6}\s|[-*+]\s|\d+[.)]\s|>|\|)")
_HEADING = re.compile(r"^\s*#{1,6}\s+(.*?)\s*#*\s*$")
# A text that marks its headings (Markdown, and what the PDF, Word and HTML readers write): other
# short lines in it are not headings.
_HEADINGS = re.compile(r"^#{1,6}\s+\S", re.M)


@dataclass(frozen=True)
class Chunk:
    index: int
    start: int
    end: int
    text: str
    sentences: tuple[tuple[int, int], ...]
    heading: bool
    section: str


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    for match in re.finditer(r"\r?\n|\r", text[start:end]):
        spans.append((pos, start + match.start()))
        pos = start + match.end()
    spans.append((pos, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _header_line(line: str, in_header: bool) -> bool:
    """A labelled header line anywhere, or any dateline in the header zone (the first lines) or
    at the foot (the last ones), where a line of a date and names dates the document rather than
    a row of a schedule."""
    return is_field_line(line) or (in_header and is_dateline(line))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of paragraphs: blocks between blank lines, split further at line breaks that end
    a sentence or a heading (one-paragraph-per-line files) and around labelled header lines
    ("Date: … Source: …" under a title), but not at hard wraps."""
    out: list[tuple[int, int]] = []
    zone, foot = header_end(text), footer_start(text)

    for block in re.finditer(r"\S(?:.*?\S)?(?=\s*(?:\r?\n[ \t]*){2,}|\s*$)", text, re.S):
        lines = _line_spans(text, block.start(), block.end())
        if _is_table(text[block.start():block.end()]):
            out.append((lines[0][0], lines[-1][1]))
            continue
        widest = max(b - a for a, b in lines)
        cur_start = lines[0][0]
        texts = [text[a:b] for a, b in lines]
        # "China News" over "March 24, 2024": a publisher's line signs the dateline below it.
        header = [_header_line(t, a < zone or a >= foot)
                  or (a < zone and k + 1 < len(texts) and signs_dateline(t, texts[k + 1]))
                  for k, ((a, _), t) in enumerate(zip(lines, texts))]
        for k, ((a, b), nxt) in enumerate(zip(lines, lines[1:] + [None])):
            line = text[a:b].rstrip()
            if nxt is None:
                out.append((cur_start, b))
                break
            following = text[nxt[0]:nxt[1]]
            breaks = (line.endswith(_TERMINAL) or len(line) < 0.6 * widest
                      or _MARKDOWN_BLOCK.match(following) or _MARKDOWN_BLOCK.match(line)
                      or header[k] or header[k + 1])
            if breaks:
                out.append((cur_start, b))
                cur_start = nxt[0]
    return [_strip(text, a, b) for a, b in out if text[a:b].strip()]


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


# Text where a full stop can end something other than a sentence (an initial, "Mr.", "e.g.",
# "U.S.", an ellipsis, a numbered item) goes to pysbd; elsewhere every ". X" is a boundary, and
# a regex finds them a hundred times faster (on the SQuAD paragraphs: 89% take this path, and
# it agrees with pysbd on 99% of them).
_AMBIGUOUS = re.compile(r"(?:^|[\s(\"“])(?:[A-Za-z]|Mr|Mrs|Ms|Dr|Prof|St|Mt|Jr|Sr|Inc|Ltd|Co|Corp|vs|etc|al|No|Nos|"
                        r"Fig|Vol|approx|ca|cf|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gen|Gov|Sen|Rep|Rev|"
                        r"Col|Capt|Lt|Sgt|ed|eds|pp|p|op|cit|ibid|viz|Ph|Ave|Blvd|Rd|Ft)\.|\.\.|[.!?][.!?]|"
                        r"\.[A-Za-z]|(?:^|[:;]\s*)\d+\.\s", re.I)
_BOUNDARY = re.compile(r"[.!?][\"”’)\]]*(\s+)(?=[^\sa-z])")


def _plain_sentences(flat: str) -> list[str] | None:
    if _AMBIGUOUS.search(flat):
        return None
    pieces, pos = [], 0
    for m in _BOUNDARY.finditer(flat):
        pieces.append(flat[pos:m.start(1)])
        pos = m.end()
    pieces.append(flat[pos:])
    return pieces


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets) inside ``text[start:end]``, located by search so that
    they are exact even where the segmenter normalises whitespace."""
    flat = re.sub(r"[\r\n]", " ", text[start:end])
    spans, pos = [], 0
    plain = _plain_sentences(flat)
    for sent in plain if plain is not None else _segmenter().segment(flat):
        piece = sent.strip()
        found = flat.find(piece, pos) if piece else -1
        if found >= 0:
            spans.append((start + found, start + found + len(piece)))
            pos = found + len(piece)
    return _without_wire_datelines(text, _rejoin_numbers(text, spans)) or [(start, end)]


def _without_wire_datelines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"BEIJING, March 22 (Xinhua) -- By Thursday, the route had carried …": the wire dateline
    is a span of its own, so that no answer quotes it as the start of the sentence after it."""
    out = []
    for a, b in spans:
        wire = wire_dateline(text[a:b])
        if wire and a + wire[2] < b and text[a + wire[2]:b].strip():
            cut = a + len(text[a:a + wire[2]].rstrip())
            rest = a + wire[2] + len(text[a + wire[2]:b]) - len(text[a + wire[2]:b].lstrip())
            out += [(a, cut), (rest, b)]
        else:
            out.append((a, b))
    return out


_LEADING_NUMBER = re.compile(r"\d+[.!?]\s+")


def _rejoin_numbers(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """pysbd reads "... topic 4. Next" as a numbered item "4."; give the number back to the
    sentence it ends."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        match = _LEADING_NUMBER.match(text, a, b)
        if out and match and not text[out[-1][0]:out[-1][1]].endswith(_TERMINAL):
            out[-1] = (out[-1][0], match.end() - (len(match.group(0)) - len(match.group(0).rstrip())))
            a = match.end()
            if a >= b:
                continue
        out.append((a, b))
    return out


def is_heading(text: str) -> bool:
    """Titles, datelines and headings: metadata about the text, not statements in it."""
    line = text.strip()
    if _HEADING.match(line):
        return True
    if _MARKDOWN_BLOCK.match(line):
        return False
    return len(line) < 120 and not line.endswith((".", "!", "?", '"', "”")) and "\n" not in line


def _is_table(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    return len(lines) >= 3 and sum(" | " in line or line.lstrip().startswith("|") for line in lines) * 2 >= len(lines)


def embedded_sentences(text: str, chunk: Chunk) -> list[str]:
    """What is embedded for each of a chunk's sentences: the sentence, or a table's row read under
    the table's caption ("Rural eldercare in Beijing: Stations | 674"): a row alone says too little
    for its vector to meet a question. Not under its header row: "Beijing's GDP first passed" over
    "| 2021 | 4 trillion yuan |" would make the row sound like the city's GDP of 2021."""
    said = [text[a:b] for a, b in chunk.sentences]
    if chunk.heading or not _is_table(chunk.text) or not chunk.section:
        return said
    return [f"{chunk.section}: {t.strip()}" if " | " in t or t.lstrip().startswith("|") else t for t in said]


def _pieces(text: str, start: int, end: int, max_chars: int, table: bool) -> list[list[tuple[int, int]]]:
    """A paragraph's sentences (a table's rows), grouped into runs no longer than ``max_chars``."""
    units = _line_spans(text, start, end) if table else sentences(text, start, end)
    groups: list[list[tuple[int, int]]] = [[]]
    for span in units:
        if groups[-1] and span[1] - groups[-1][0][0] > max_chars:
            groups.append([])
        groups[-1].append(span)
    return [g for g in groups if g]


def chunk_text(text: str, max_chars: int, min_chars: int = 0, breaks: tuple[int, ...] = ()) -> list[Chunk]:
    """Chunks of whole paragraphs under their section heading.

    A heading opens a new chunk and stays at its top (its words belong to what follows), a
    paragraph shorter than ``min_chars`` joins its neighbour, a table is a chunk of its own, and
    no chunk is longer than ``max_chars`` (a long paragraph is cut at sentences, a long table at
    rows). Headings before the first paragraph (a title, a dateline) and YAML front matter are
    chunks of their own.
    Paragraphs are not joined across ``breaks`` (where pages start), so a citation's page is
    the page of its text."""
    chunks: list[Chunk] = []
    section = ""
    heading_end = 0
    open_start: int | None = None
    body: list[tuple[int, int]] = []
    seen_body = False

    def close() -> None:
        nonlocal open_start, body
        if open_start is not None:
            b = body[-1][1] if body else heading_end
            spans = tuple(body) or ((open_start, b),)
            chunks.append(Chunk(len(chunks), open_start, b, text[open_start:b], spans, not body, section))
        open_start, body = None, []

    outline: list[tuple[int, str]] = []
    explicit = _HEADINGS.search(text) is not None
    matter = front_matter_end(text)
    zone, foot = header_end(text), footer_start(text)
    if matter:
        end = len(text[:matter].rstrip())
        chunks.append(Chunk(0, 0, end, text[:end], ((0, end),), True, ""))
    for p_start, p_end in paragraphs(text):
        if p_start < matter:
            continue
        para = text[p_start:p_end]
        dateline = _header_line(para, p_start < zone or p_start >= foot)
        if ((_HEADING.match(para) if explicit else is_heading(para)) or dateline) and not _is_table(para):
            match = _HEADING.match(para)
            title = (match.group(1) if match else para).strip()
            if not seen_body and open_start is None and not match:
                chunks.append(Chunk(len(chunks), p_start, p_end, para, ((p_start, p_end),), True, title))
                section = title
                continue
            if body:
                close()
            section = _under(outline, len(para) - len(para.lstrip("#")) if match else 0, title)
            open_start = p_start if open_start is None else open_start
            heading_end = p_end  # noqa: F841 (read by close)
            continue
        seen_body = True
        table = _is_table(para)
        if table and body:
            close()
        for group in _pieces(text, p_start, p_end, max_chars, table):
            size = group[-1][1] - group[0][0]
            current = body[-1][1] - body[0][0] if body else 0
            joins = body and not table and group[-1][1] - (open_start or 0) <= max_chars and (
                size < min_chars or current < min_chars) and not any(body[-1][1] <= b <= group[0][0] for b in breaks)
            if body and not joins:
                close()
            if open_start is None:
                open_start = group[0][0]
            body.extend(group)
        if table:
            close()
    close()
    return chunks


def _under(outline: list[tuple[int, str]], level: int, title: str) -> str:
    """A heading's section with the headings it sits under ("3.1 Pre-training BERT › Task #1:
    Masked LM"): a run-in heading's paragraph is still about its section. A document's title
    (level 1) is left out, and unlevelled headings stand alone."""
    while outline and outline[-1][0] >= level:
        outline.pop()
    outline.append((level, title))
    return " › ".join(t for n, t in outline if n >= 2) or title


def chunk_recursive(text: str, max_chars: int, overlap: int) -> list[Chunk]:
    """LangChain's recursive character splitter, the common naive recipe, kept for comparison."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=max_chars, chunk_overlap=overlap, add_start_index=True)
    chunks = []
    for doc in splitter.create_documents([text]):
        a = doc.metadata["start_index"]
        b = a + len(doc.page_content)
        chunks.append(Chunk(len(chunks), a, b, text[a:b], tuple(sentences(text, a, b)), False, ""))
    return chunks


CHUNKERS = {
    "paragraph": lambda text, settings, breaks=(): chunk_text(text, settings.chunk_max_chars, settings.chunk_min_chars,
                                                              breaks),
    "recursive": lambda text, settings, breaks=(): chunk_recursive(text, settings.chunk_max_chars,
                                                                   settings.chunk_overlap),
}
