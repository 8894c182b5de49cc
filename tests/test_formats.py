"""Every supported format loads to text that citations quote exactly, with pages and sections."""
import io
from datetime import datetime

import docx
from pypdf import PdfReader, PdfWriter

from ingest.loaders import LoadError, load


def make_pdf(pages: list[str]) -> bytes:
    """A minimal valid PDF, one line of Helvetica text per page."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for text in pages:
        stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET"
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {len(objects)} 0 R "
                       "/Resources << /Font << /F1 3 0 R >> >> >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out, offsets = b"%PDF-1.4\n", []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_pdf_text_is_loaded_with_page_starts(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(make_pdf(["The canal opens in 2031.", "The bridge has 12 lanes."]))
    doc = load(path, "plan.pdf", 10_000_000)
    assert "The canal opens in 2031." in doc.text and "The bridge has 12 lanes." in doc.text
    assert len(doc.pages) == 1 and doc.text[doc.pages[0]:].startswith("The bridge")


def test_what_only_a_files_properties_say_is_written_as_a_dateline_under_its_title(tmp_path):
    """A PDF or Word file dated and signed only in its properties shows them as a line to cite."""
    document = docx.Document()
    document.add_heading("Forum opens", level=1)
    document.add_paragraph("The forum opened on Thursday.")
    document.core_properties.author, document.core_properties.created = "Xinhua", datetime(2024, 4, 25)
    document.save(tmp_path / "forum.docx")
    doc = load(tmp_path / "forum.docx", "forum.docx", 10_000_000)
    assert doc.text.startswith("# Forum opens\n\nPublished 2024-04-25 by Xinhua\n\nThe forum opened")
    assert doc.text[doc.meta_span[0]:doc.meta_span[1]] == "Published 2024-04-25 by Xinhua"
    pages = make_pdf(["The canal opens in 2031.", "The bridge has 12 lanes."])
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pages)))
    writer.add_metadata({"/Author": "City Office", "/CreationDate": "D:20230517000000"})
    buffer = io.BytesIO()
    writer.write(buffer)
    (tmp_path / "plan.pdf").write_bytes(buffer.getvalue())
    doc = load(tmp_path / "plan.pdf", "plan.pdf", 10_000_000)
    assert doc.text[doc.meta_span[0]:doc.meta_span[1]] == "Published 2023-05-17 by City Office"
    assert doc.text[doc.pages[0]:].startswith("The bridge")


def test_docx_headings_become_sections(tmp_path):
    document = docx.Document()
    document.add_heading("Water plan", level=1)
    document.add_paragraph("The river authority will plant 12,000 trees.")
    document.add_heading("Fishing", level=2)
    document.add_paragraph("Fishing is banned in spring.")
    document.save(tmp_path / "water.docx")
    doc = load(tmp_path / "water.docx", "water.docx", 10_000_000)
    assert doc.title == "Water plan"
    assert "## Fishing\n\nFishing is banned in spring." in doc.text


def test_docx_tables_and_list_items_are_kept_where_they_stand(tmp_path):
    document = docx.Document()
    document.add_paragraph("The plan covers these industries:")
    document.add_paragraph("information technology", style="List Bullet")
    document.add_paragraph("green energy", style="List Bullet")
    table = document.add_table(rows=0, cols=2)
    for row in (("Item", "Number"), ("Unicorn companies", "114")):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = row
    document.add_paragraph("Work starts in spring.")
    document.save(tmp_path / "plan.docx")
    doc = load(tmp_path / "plan.docx", "plan.docx", 10_000_000)
    assert ("these industries:\n\n- information technology\n\n- green energy\n\n"
            "Item | Number\nUnicorn companies | 114\n\nWork starts in spring.") in doc.text


def test_html_keeps_the_article_and_drops_scripts(tmp_path):
    html = ("<html><head><title>Parks plan</title><script>alert('x')</script></head><body><nav>Home | About</nav>"
            "<article><h1>Parks plan</h1><p>The city opens nine new parks along the river by 2027, each with a "
            "playground and a public library branch.</p><h2>Funding</h2><p>The parks cost 40 million yuan, paid "
            "by the district governments over five years.</p></article></body></html>")
    (tmp_path / "parks.html").write_text(html)
    doc = load(tmp_path / "parks.html", "parks.html", 10_000_000)
    assert doc.title == "Parks plan"
    assert "nine new parks" in doc.text and "40 million yuan" in doc.text
    assert "alert" not in doc.text


def test_corrupt_binary_formats_are_reported(tmp_path):
    for name in ("broken.pdf", "broken.docx"):
        (tmp_path / name).write_bytes(b"this is not what the extension says")
        try:
            load(tmp_path / name, name, 10_000)
        except LoadError as exc:
            assert "unreadable" in str(exc)
        else:
            raise AssertionError(f"{name} loaded")


def test_pdf_citations_name_the_page(make_assistant, tmp_path):
    (tmp_path / "corpus" / "plan.pdf").write_bytes(make_pdf(["The canal opens in 2031.",
                                                               "The new bridge has 12 lanes."]))
    assistant = make_assistant()
    assert assistant.ingest().added == ["plan.pdf"]
    answer = assistant.ask("How many lanes does the new bridge have?")
    citation = answer.to_json()["citations"][0]
    assert "12" in answer.text and citation["page"] == 2
    assert citation["text"] == "The new bridge has 12 lanes."
