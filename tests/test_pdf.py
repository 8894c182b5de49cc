"""PDFs are read as a person reads them: columns in order, paragraphs whole across column and
page breaks, hyphenated words joined, no running headers, page numbers or figure labels,
tables kept with their caption, headings as sections, and pages on every citation. Scanned,
encrypted and broken PDFs are reported, never dropped in silence.

``tests/data/normans-two-column.pdf`` is made by ``tools/make_test_pdf.py`` from the SQuAD 2.0
"Normans" paragraphs (CC BY-SA 4.0) in a two-column layout with a running header.
``tests/data/run-in-headings.pdf`` (``tools/make_run_in_pdf.py``, text written for the test) has
paragraphs that open with bold run-in headings.
"""
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from ingest.chunking import chunk_text
from ingest.loaders import LoadError, LoadOptions, load
from ingest.pdf import read_pdf

ROOT = Path(__file__).resolve().parent.parent
PDF = ROOT / "tests" / "data" / "normans-two-column.pdf"
RUN_IN = ROOT / "tests" / "data" / "run-in-headings.pdf"


@pytest.fixture(scope="module")
def source_paragraphs() -> list[str]:
    data = json.loads((ROOT / "bench" / "data" / "squad2-dev-subset.json").read_text(encoding="utf-8"))
    return [p["context"].strip() for p in data["data"][0]["paragraphs"][:9]]


@pytest.fixture(scope="module")
def read():
    return read_pdf(PDF.read_bytes())


def test_paragraphs_come_out_whole_and_in_reading_order(read, source_paragraphs):
    found = read.text.split("\n\n")
    # Paragraphs whose line ends hold no compound word ("land-hungry") come out letter for letter.
    whole = [p for p in source_paragraphs if p in found]
    assert len(whole) >= 6
    assert [found.index(p) for p in whole] == sorted(found.index(p) for p in whole)


def test_a_paragraph_cut_by_the_page_break_is_one_paragraph(read, source_paragraphs):
    page_two = read.pages[0]
    around = read.text.rfind("\n\n", 0, page_two) + 2
    paragraph = read.text[around:read.text.find("\n\n", page_two)]
    assert paragraph in source_paragraphs, "the paragraph goes on across the page break"
    assert around < page_two


def test_words_hyphenated_at_line_ends_are_joined(read):
    naive = "\n".join(page.extract_text() for page in PdfReader(str(PDF)).pages)
    assert "Norman-\nds" in naive and "destruct-\nive" in naive
    assert "Normands" in read.text and "destructive" in read.text
    assert "Norman-ds" not in read.text and "destruct-ive" not in read.text


def test_running_headers_page_numbers_and_figure_labels_are_dropped(read):
    assert "Journal of Openly Licensed" not in read.text
    lines = [line.strip() for line in read.text.splitlines()]
    assert "1" not in lines and "2" not in lines and "750" not in lines and "A" not in lines
    assert "Figure 1: Norman settlements by year of foundation." in read.text


def test_a_table_is_kept_as_rows_under_its_caption(read):
    table = read.text[read.text.index("Table 1:"):].split("\n\n")[0].splitlines()
    assert table[0] == "Table 1: Rulers of Normandy and the years they began."
    assert table[1:] == ["Ruler | Began | Title", "Rollo | 911 | Count", "William | 1035 | Duke",
                         "Richard | 942 | Duke"]
    chunks = chunk_text(read.text, 1200, 200)
    tables = [c for c in chunks if "Rollo | 911" in c.text]
    assert len(tables) == 1 and not any("Rollo's arrival" in c.text for c in tables)


def test_headings_become_sections_and_the_title_is_found(read):
    assert read.title == "The Normans: a Two-Column Test Document"
    chunks = chunk_text(read.text, 1200, 200)
    arrival = next(c for c in chunks if "Before Rollo's arrival" in c.text)
    assert arrival.section == "2 Settlement in Normandy"
    assert all(len(c.text) <= 1200 for c in chunks)
    assert all(len(c.text) >= 200 or " | " in c.text for c in chunks), "no fragment chunks but tables"


def test_bold_words_that_open_a_paragraph_are_its_heading_under_the_section():
    text = read_pdf(RUN_IN.read_bytes()).text
    assert "### Books [60%]\n\nWe use public domain books" in text
    assert "### Encyclopedia [40%]\n\nWe add encyclopedia articles" in text
    # A bold word inside a paragraph is emphasis: the paragraph stays whole.
    assert "Training takes three days on one machine, and the Lumeria weights are published" in text
    sections = [c.section for c in chunk_text(text, 1200, 0) if not c.heading]
    assert "2 Pre-training data › Books [60%]" in sections
    assert "2 Pre-training data › Encyclopedia [40%]" in sections


def test_an_agency_release_keeps_its_small_print_dateline_and_its_bullets():
    """``tests/data/agency-release.pdf`` (``tools/make_heldout_pdfs.py``): a 9-point dateline
    under the title, bullets, and "anonymous" as the PDF's author."""
    read = read_pdf((ROOT / "tests" / "data" / "agency-release.pdf").read_bytes())
    assert "a year\n\nDate: 2021-03-08 Source: China Daily\n\nChina will speed up" in read.text
    assert "- national laboratories and science facilities;\n\n- international and national science centres;" in read.text
    assert read.properties.publisher == ""  # "anonymous" is what the PDF writer put there, not a publisher
    document = load(ROOT / "tests" / "data" / "agency-release.pdf", LoadOptions(), 10**8)
    assert (document.date, document.publisher) == ("2021-03-08", "China Daily")


def test_short_bulleted_items_are_text_not_a_figures_labels():
    """"• 20 cultural properties;" is shorter than any sentence, and still what the list says."""
    read = read_pdf((ROOT / "bench" / "heldout" / "axis" / "committee-2024.pdf").read_bytes())
    assert "- 20 cultural properties;\n\n- 5 natural properties;\n\n- 1 mixed property." in read.text


def test_two_columns_are_read_left_then_right_even_when_the_right_one_is_short():
    """``bench/heldout/waste/enforcement-2020.pdf``: the right column holds one sentence, level
    with the left column's first line; it is not woven into it."""
    read = read_pdf((ROOT / "bench" / "heldout" / "waste" / "enforcement-2020.pdf").read_bytes())
    assert ("BEIJING, April 30 (Xinhua) -- From Friday, Beijing joins the Chinese cities that make the sorting of "
            "household garbage compulsory") in read.text
    assert read.text.rstrip().endswith("The regulation also bans the production, sale and use of thin plastic bags.")


def test_a_published_by_line_at_the_foot_dates_the_document():
    document = load(ROOT / "tests" / "data" / "agency-footer.pdf", LoadOptions(), 10**8)
    assert (document.date, document.publisher) == ("2025-03-06", "Geopolitechs")


def test_ligatures_and_odd_spaces_are_normalised():
    from ingest.pdf import _clean

    assert _clean("e\ufb03cient \ufb01rst\u00a0of\u2009all") == "efficient first of all"


def test_citations_name_the_page(make_assistant):
    assistant = make_assistant()
    shutil.copy(PDF, assistant.settings.corpus / PDF.name)
    report = assistant.ingest()
    assert report.added == [PDF.name] and report.chunk_chars["median"] >= 200
    answer = assistant.ask("Who was the first Norman mercenary to serve as a Byzantine general?")
    assert not answer.abstained and "Hervé" in answer.text
    assert answer.citations[0].metadata["page"] == 2
    first = assistant.ask("In which centuries did the Normans give their name to Normandy?")
    assert first.citations[0].metadata["page"] == 1


def scanned_copy(folder: Path) -> Path:
    """The test PDF's first page rasterised (pdftoppm) and wrapped back into a PDF: an image
    with no text layer, as a scanner makes it."""
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", str(PDF), str(folder / "page")],
                   check=True)
    image = Image.open(next(folder.glob("page*.png"))).convert("RGB")
    path = folder / "scanned.pdf"
    image.save(path, "PDF", resolution=200)
    return path


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils makes the scanned page")
def test_a_pdf_with_no_text_layer_and_no_ocr_says_which_pages(tmp_path):
    with pytest.raises(LoadError, match="page 1 has no text layer"):
        load(scanned_copy(tmp_path), "scanned.pdf", 10_000_000, LoadOptions(ocr=False))


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils makes the scanned page")
def test_without_ocr_a_page_without_text_is_reported_per_page(tmp_path, make_assistant):
    scanned = scanned_copy(tmp_path)
    assistant = make_assistant(ocr=False)
    corpus = assistant.settings.corpus
    shutil.copy(scanned, corpus / "scanned.pdf")
    (corpus / "notes.txt").write_text("The harbour has 40 berths.\n", encoding="utf-8")
    report = assistant.ingest()
    assert "page 1 has no text layer" in report.failed["scanned.pdf"]
    assert report.added == ["notes.txt"]


@pytest.mark.skipif(shutil.which("tesseract") is None or shutil.which("pdftoppm") is None,
                    reason="needs Debian's tesseract-ocr and poppler-utils (the test setup installs them)")
def test_with_ocr_a_scanned_page_is_read(tmp_path, make_assistant):
    scanned = scanned_copy(tmp_path)
    assistant = make_assistant()
    shutil.copy(scanned, assistant.settings.corpus / "scanned.pdf")
    report = assistant.ingest()
    assert report.added == ["scanned.pdf"]
    assert report.notes["scanned.pdf"] == ["page 1 has no text layer: read by OCR"]
    answer = assistant.ask("What region in France did the Normans give their name to?")
    assert not answer.abstained and "Normandy" in answer.text


def test_encrypted_and_corrupt_pdfs_are_reported_and_the_rest_ingests(make_assistant):
    assistant = make_assistant()
    corpus = assistant.settings.corpus
    shutil.copy(PDF, corpus / "good.pdf")
    assert assistant.ingest().added == ["good.pdf"]
    writer = PdfWriter(clone_from=str(PDF))
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    (corpus / "locked.pdf").write_bytes(buffer.getvalue())
    (corpus / "truncated.pdf").write_bytes(PDF.read_bytes()[:3000])
    (corpus / "good.pdf").write_bytes(PDF.read_bytes()[:-4000])
    (corpus / "more.txt").write_text("The harbour has 40 berths.\n", encoding="utf-8")
    report = assistant.ingest()
    assert "encrypted" in report.failed["locked.pdf"]
    assert "unreadable PDF" in report.failed["truncated.pdf"]
    assert "good.pdf" in report.failed, "a file that breaks is reported"
    assert report.added == ["more.txt"] and report.deleted == []
    kept = assistant.ask("Who was the first Norman mercenary to serve as a Byzantine general?")
    assert "Hervé" in kept.text, "its last good version keeps answering"


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs Debian's tesseract-ocr (the test setup installs it)")
def test_a_scanned_release_keeps_its_title_and_dateline_apart():
    """``bench/heldout/venues/big-air-2022.pdf`` is images only, titled by the scanner with its
    file's name: the title is the text's, and the dateline under it dates the document."""
    document = load(ROOT / "bench" / "heldout" / "venues" / "big-air-2022.pdf", "big-air-2022.pdf", 10**8)
    assert document.title == "From steel mill to ski jump: Big Air Shougang"
    assert (document.date, document.publisher) == ("2022-02-08", "Xinhua")
    assert "Big Air Shougang\n\nBeijing, 8 February 2022 (Xinhua)\n\n" in document.text



def test_key_figures_set_as_label_and_value_rows_are_a_table_not_a_dateline():
    """``bench/heldout/bikes/pilot-2012.pdf``: "Launched   16 June 2012", "Bicycles   2,000" with no
    "Table 1" caption are rows, and a row is no dateline: the properties date and sign it."""
    document = load(ROOT / "bench" / "heldout" / "bikes" / "pilot-2012.pdf", "pilot-2012.pdf", 10**8)
    assert ("Launched | 16 June 2012\nDistricts | Dongcheng and Chaoyang\nBicycles | 2,000\nRental stations | 63"
            in document.text)
    assert (document.date, document.publisher) == ("2012-06-18", "Transition China")
    captioned = read_pdf((ROOT / "bench" / "heldout" / "biomed" / "action-plan-2024.pdf").read_bytes())
    assert "Innovative medical devices | 50\nAI class III medical devices | 31\nInnovative drugs | 14" in captioned.text
