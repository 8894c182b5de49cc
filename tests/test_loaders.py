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
    assert find_date("Updated: Mar 17, 2023") == "2023-03-17"
    assert find_date("Published: Oct. 1, 2025 11:59 a.m.") == "2025-10-01"
    assert find_date("Published on 09/29 2018") == "2018-09-29"
    assert find_date("29/09/2018") == "2018-09-29"


def test_a_header_block_gives_date_publisher_and_the_line_to_cite(tmp_path):
    text = "Capital to become a hub\nDate:2021-12-24 Source:China Daily\nThe city will grow.\n"
    doc = load(write(tmp_path, "a.txt", text.encode()), "a.txt", 10_000)
    assert (doc.title, doc.date, doc.publisher) == ("Capital to become a hub", "2021-12-24", "China Daily")
    assert text[doc.meta_span[0]:doc.meta_span[1]] == "Date:2021-12-24 Source:China Daily"
    labelled = "Plan\nPublished by: Municipal Office | Updated: May 19, 2023\nBody.\n"
    doc = load(write(tmp_path, "b.txt", labelled.encode()), "b.txt", 10_000)
    assert (doc.date, doc.publisher) == ("2023-05-19", "Municipal Office")


@pytest.mark.parametrize("dateline, date, publisher", [
    ("UrduPoint News | Thu 29th July 2021 | 05:20 PM", "2021-07-29", "UrduPoint News"),
    ("(Xinhua) 10:38, October 21, 2021", "2021-10-21", "Xinhua"),
    ("*Xinhua, December 31, 2024*", "2024-12-31", "Xinhua"),
    ("By FAN FEIFEI | China Daily | Updated: 2022-04-29 07:44", "2022-04-29", "China Daily"),
    ("2025-06-20 19:41:00", "2025-06-20", ""),
    ("Source: China News Service, November 9, 2023", "2023-11-09", "China News Service"),
    ("**Xinhua** | 2025-03-24", "2025-03-24", "Xinhua"),
    ("China Youth Daily · 2025-06-21 22:24", "2025-06-21", "China Youth Daily"),
    ("China News\nMarch 24, 2024", "2024-03-24", "China News"),
    ("13 February 2022, Sunday — Shanghai Daily", "2022-02-13", "Shanghai Daily"),
    ("CCTV News — 21.03.2024", "2024-03-21", "CCTV News"),
    ("Updated: January 21, 2024 13:39 Xinhua", "2024-01-21", "Xinhua"),
])
def test_a_dateline_without_labels_under_the_title_gives_date_and_publisher(tmp_path, dateline, date, publisher):
    text = f"Beijing opens roads to driverless tests\n{dateline}\n\nBEIJING -- The city opened 278 roads.\n"
    doc = load(write(tmp_path, "a.txt", text.encode()), "a.txt", 10_000)
    assert (doc.date, doc.publisher) == (date, publisher)
    assert text[doc.meta_span[0]:doc.meta_span[1]] == dateline.strip("*")


@pytest.mark.parametrize("foot, date, publisher", [
    ("Xinhua, 17 August 2021", "2021-08-17", "Xinhua"),
    ("*Source: Xinhua, 23rd November 2021*", "2021-11-23", "Xinhua"),
])
def test_a_release_signed_at_its_foot_is_dated_by_it(tmp_path, foot, date, publisher):
    text = f"Beijing releases hydrogen plan\n\nThe plan runs to 2025.\n\nIt has 74 stations.\n\n{foot}\n"
    doc = load(write(tmp_path, "a.md", text.encode()), "a.md", 10_000)
    assert (doc.date, doc.publisher) == (date, publisher)


def test_a_labelled_dateline_may_name_its_publisher_after_a_bar(tmp_path):
    text = "Space industry plan\nPublished: January 2024 | Flanders-China Chamber of Commerce\n\nYizhuang plans more.\n"
    doc = load(write(tmp_path, "a.txt", text.encode()), "a.txt", 10_000)
    assert doc.publisher == "Flanders-China Chamber of Commerce" and doc.date is None


@pytest.mark.parametrize("line", [
    "On March 5, 2024 Premier Li Qiang delivered the report.",
    "BEIJING, July 29 -- Driverless cars will soon be tested on expressways.",
])
def test_a_sentence_with_a_date_is_no_dateline(tmp_path, line):
    doc = load(write(tmp_path, "a.txt", f"Report\n{line}\n".encode()), "a.txt", 10_000)
    assert doc.publisher == "" and doc.meta_span is None


def test_a_pages_byline_under_its_headline_is_kept_and_read(tmp_path):
    """Text extraction drops the byline as boilerplate; it is where the page says who published it."""
    html = ("<html><head><title>Robotaxi permits - Chinadaily.com.cn</title></head><body>"
            "<div class='nav'><a href='/'>Home</a> | <a href='/china'>China</a></div>"
            "<h1>Beijing approves driverless robotaxi permits</h1>"
            "<div class='info'>\n<span>By FAN FEIFEI | China Daily | Updated: 2022-04-29 07:44</span>\n"
            "<span>Share - WeChat</span>\n</div>"
            "<div id='Content'><p>Beijing on Thursday granted the country's first permits that let two operators "
            "take the safety operator out of the driver's seat on public roads.</p>"
            "<p>Under the permits, 14 vehicles may carry passengers in a designated area of 60 square "
            "kilometres in Yizhuang, a southern suburb of Beijing.</p></div></body></html>")
    doc = load(write(tmp_path, "permits.html", html.encode()), "permits.html", 100_000)
    assert (doc.date, doc.publisher) == ("2022-04-29", "China Daily")
    assert doc.text[doc.meta_span[0]:doc.meta_span[1]] == "By FAN FEIFEI | China Daily | Updated: 2022-04-29 07:44"


def test_front_matter_and_a_sidecar_give_metadata_and_the_sidecar_wins(tmp_path):
    text = "---\ntitle: Work plan\ndate: 2023-05-17\npublisher: Ministry\n---\n\nThe plan has 12 parts.\n"
    path = write(tmp_path, "plan.md", text.encode())
    doc = load(path, "plan.md", 10_000)
    assert (doc.title, doc.date, doc.publisher) == ("Work plan", "2023-05-17", "Ministry")
    first_hash = doc.content_hash
    (tmp_path / "plan.meta.yaml").write_text("publisher: Xinhua\ndate: 2023-05-19\n", encoding="utf-8")
    doc = load(path, "plan.md", 10_000)
    assert (doc.title, doc.date, doc.publisher) == ("Work plan", "2023-05-19", "Xinhua")
    assert doc.content_hash != first_hash, "a changed sidecar is a changed document"


def test_word_and_html_properties_give_metadata(tmp_path):
    import datetime

    import docx

    document = docx.Document()
    document.core_properties.title = "Water plan"
    document.core_properties.author = "River Authority"
    document.core_properties.created = datetime.datetime(2022, 3, 3)
    document.add_paragraph("The river authority will plant 12,000 trees.")
    document.save(tmp_path / "water.docx")
    doc = load(tmp_path / "water.docx", "water.docx", 10_000_000)
    assert (doc.title, doc.date, doc.publisher) == ("Water plan", "2022-03-03", "River Authority")
    page = ("<html><head><title>Parks</title><meta name='author' content='Parks Office'>"
            "<meta name='date' content='2020-06-01'></head><body><article><h1>Parks</h1>"
            "<p>The city opens three new parks along the river this summer, each with a lake.</p>"
            "</article></body></html>")
    doc = load(write(tmp_path, "parks.html", page.encode()), "parks.html", 10_000)
    assert (doc.date, doc.publisher) == ("2020-06-01", "Parks Office")


def test_a_page_without_metadata_is_signed_by_the_site_its_title_names(tmp_path):
    html = ("<html><head><title>Beijing Life Science Hub Aims to Accelerate Drug Innovation - Caixin Global</title>"
            "</head><body><article><h1>Beijing Life Science Hub Aims to Accelerate Drug Innovation</h1>\n"
            "<p class='meta'>Published: Oct. 1, 2025  11:59 a.m.  GMT+8</p>\n"
            "<p>A life sciences hub in Beijing is speeding up its drive to turn laboratory breakthroughs into "
            "innovative drugs for the market, a goal central to the country's push for a competitive sector.</p>"
            "<p>The park is home to more than 1,000 innovative pharmaceutical companies.</p></article>"
            "<footer>Copyright 2025 Caixin Global Limited.</footer></body></html>")
    doc = load(write(tmp_path, "hub.html", html.encode()), "hub.html", 100_000)
    assert (doc.date, doc.publisher) == ("2025-10-01", "Caixin Global")


@pytest.mark.parametrize("head, title", [
    ("CHINA / SOCIETY\nThree cultural gems for the people\n", "Three cultural gems for the people"),
    ("Home > News\nBeijing opens a library\n", "Beijing opens a library"),
    ("Home > China Travel News\nThe resort completes its first phase\n", "The resort completes its first phase"),
    ("Caixin | 2019-01-03\nBeijing's PM2.5 fell\n", "Caixin | 2019-01-03"),
    ("1. home\n2. Articles\n\nShared bikes were used 690 million times\n", "Shared bikes were used 690 million times"),
])
def test_a_section_label_or_a_breadcrumb_above_the_headline_is_not_the_title(tmp_path, head, title):
    doc = load(write(tmp_path, "a.txt", f"{head}\nThe library opened.\n".encode()), "a.txt", 10_000)
    assert doc.title == title


@pytest.mark.parametrize("line, publisher", [
    # A byline without "By": the organisation's name publishes, the person's writes.
    ("Yang Zekun | China Daily | Updated: Jan 12, 2019", "China Daily"),
    ("Editor: Li Na | Xinhua | 2015-12-01", "Xinhua"),
    ("> Beijing Review · 7 January 2019", "Beijing Review"),
    # A section label and a time zone beside the date are neither.
    ("Technology · Aug 02, 2021 10:34 AM (GMT+8) · EqualOcean", "EqualOcean"),
    # The name before "Published" is the author's; the source line at the foot names the publisher.
    ("Faizan Hashmi Published May 18, 2024 | 09:10 PM", "UrduPoint"),
    # A brand written small is a name too.
    ("chinanews.com | 2021-09-20", "chinanews.com"),
    ("*eTurboNews, 21 September 2021*", "eTurboNews"),
])
def test_a_bylines_publisher_is_the_organisation_it_names(tmp_path, line, publisher):
    text = f"Beijing government moves to the sub-centre\n{line}\n\nFour bodies moved.\n\nSource: UrduPoint\n"
    doc = load(write(tmp_path, "a.md", text.encode()), "a.md", 10_000)
    assert doc.publisher == publisher and doc.date is not None


def test_a_pages_date_in_a_time_element_keeps_the_publisher_beside_it(tmp_path):
    page = ("<html><head><title>Sub-centre projects</title></head><body><article><h1>Beijing speeds up its "
            "sub-centre</h1><p class='meta'>Beijing Municipal Commission of Tourism Development · "
            "<time datetime='2017-05-10'>10 May 2017</time></p><p>" + "Beijing has arranged 255 projects. " * 12
            + "</p></article></body></html>")
    doc = load(write(tmp_path, "a.html", page.encode()), "a.html", 100_000)
    assert (doc.date, doc.publisher) == ("2017-05-10", "Beijing Municipal Commission of Tourism Development")


@pytest.mark.parametrize("label", ["Latest Headlines", "China Voices", "News / Nation"])
def test_a_section_label_above_the_headline_is_not_the_title(tmp_path, label):
    text = f"{label}\n\nBeijing Stock Exchange sets the bar for investors\n\n· 2021-09-18 · Source: Xinhua\n\nText.\n"
    doc = load(write(tmp_path, "a.txt", text.encode()), "a.txt", 10_000)
    assert doc.title == "Beijing Stock Exchange sets the bar for investors"


@pytest.mark.parametrize("head, title, date, publisher", [
    ("Caixin\nJan 06, 2020 05:59 AM\nENVIRONMENT\n\nIn Depth: Beijing's new answer to its trash\n",
     "In Depth: Beijing's new answer to its trash", "2020-01-06", "Caixin"),
    ("Post sponsored by\n\nSource: China State Council Information Office\n\nBeijing's communities are cleaner\n",
     "Beijing's communities are cleaner", None, "China State Council Information Office"),
    ("Waste Rules\nDate: 2020-05-01\n\n", "Waste Rules", "2020-05-01", ""),
])
def test_a_masthead_over_its_dateline_is_no_title(tmp_path, head, title, date, publisher):
    """A short name over a dateline is the masthead when a headline follows; a short title over
    its date and its first paragraph stays the title."""
    doc = load(write(tmp_path, "a.txt", f"{head}\nThe city sorts its waste into four kinds.\n".encode()), "a.txt", 10_000)
    assert (doc.title, doc.date, doc.publisher) == (title, date, publisher)


def test_a_date_only_in_the_file_name_dates_the_document_and_is_shown(tmp_path):
    doc = load(write(tmp_path, "2020-11-27-inspection.txt", b"Cleaner communities\n\nThe inspection found more.\n"),
               "2020-11-27-inspection.txt", 10_000)
    assert doc.date == "2020-11-27"
    assert doc.text[doc.meta_span[0]:doc.meta_span[1]] == "Published 2020-11-27"
    undated = load(write(tmp_path, "plan-2021-2025.txt", b"A plan\n\nIt runs five years.\n"), "plan-2021-2025.txt", 10_000)
    assert undated.date is None


def test_a_last_reviewed_line_at_the_foot_gives_date_and_publisher(tmp_path):
    text = ("# Your questions answered\n\n**Q: When did sorting start?**\nA: On May 1, 2020.\n\n---\n"
            "Last reviewed 6 May 2020 | That's Beijing\n")
    doc = load(write(tmp_path, "faq.md", text.encode()), "faq.md", 10_000)
    assert (doc.date, doc.publisher) == ("2020-05-06", "That's Beijing")


def test_a_pages_publisher_may_stand_only_in_a_source_meta_tag(tmp_path):
    html = ("<html><head><meta name='PubDate' content='2020-12-03 08:24'><meta name='ContentSource' "
            "content='China Daily'><title>Beijing collects more kitchen waste</title></head><body><h1>Beijing "
            "collects more kitchen waste</h1><p>The city now collects 4,246 tons of kitchen waste a day, 13 times "
            "the daily average in late April, officials said on Wednesday.</p></body></html>")
    doc = load(write(tmp_path, "a.html", html.encode()), "a.html", 10_000)
    assert (doc.date, doc.publisher) == ("2020-12-03", "China Daily")


def test_a_word_files_page_header_dates_it_before_the_files_own_date(tmp_path):
    """The template's page header says when and by whom; the file's creation date says when the
    file was made."""
    import datetime

    import docx

    document = docx.Document()
    document.core_properties.created = datetime.datetime(2026, 1, 1)
    document.sections[0].header.paragraphs[0].text = "Beijing 2022 venues | CGTN | 30 November 2020"
    document.add_heading("Ice Cube is the first venue to be ready", level=1)
    document.add_paragraph("The renovation of the National Aquatics Center has been completed.")
    document.save(tmp_path / "ready.docx")
    doc = load(tmp_path / "ready.docx", "ready.docx", 10_000_000)
    assert (doc.title, doc.date, doc.publisher) == ("Ice Cube is the first venue to be ready", "2020-11-30", "CGTN")
    assert doc.text[doc.meta_span[0]:doc.meta_span[1]] == "Beijing 2022 venues | CGTN | 30 November 2020"


@pytest.mark.parametrize("dateline", ["Published: Nov 13, 2021 05:34 AM", "— Published 13 November 2021"])
def test_a_published_label_is_no_publisher(tmp_path, dateline):
    page = (f"<html><head><title>Big Air Shougang to stay as a permanent venue - Global Times</title></head><body>"
            f"<div class='article'><h1>Big Air Shougang to stay as a permanent venue</h1><div class='byline'>{dateline}"
            "</div><p>Big Air Shougang will be kept as a permanent facility after the Games, a first in Olympic "
            "history, the venue's operation team said.</p></div></body></html>")
    doc = load(write(tmp_path, "a.html", page.encode()), "a.html", 10_000)
    assert (doc.date, doc.publisher) == ("2021-11-13", "Global Times")


def test_a_wire_datelines_agency_publishes_and_a_byline_before_labelled_fields_is_kept(tmp_path):
    """"BEIJING, March 22, 2018 (Xinhua) -- …" opens a story with its agency and date, and the
    quote of an answer about them is that dateline alone. A page that sets "By Zhang Hui",
    "Source:Global Times" and "Published: 2017/8/2" in three spans keeps all three, not the
    source alone."""
    text = ("Diversion has sent Beijing 3.2 billion cubic meters\n\nBEIJING, March 22, 2018 (Xinhua) -- By Thursday "
            "the middle route had carried more than 3.22 billion cubic meters of water to Beijing.\n")
    doc = load(write(tmp_path, "route.txt", text.encode()), "route.txt", 10_000)
    assert (doc.date, doc.publisher) == ("2018-03-22", "Xinhua")
    assert doc.text[doc.meta_span[0]:doc.meta_span[1]] == "BEIJING, March 22, 2018 (Xinhua) --"
    html = ("<html><head><title>Water diversion benefits 11 million in Beijing - Global Times</title></head><body>"
            "<div class='article_title'>Water diversion benefits 11 million in Beijing</div>"
            "<div class='author_share'><span class='byline'>By Zhang Hui</span> <span class='source'>Source:Global "
            "Times</span> <span class='pubtime'>Published: 2017/8/2 19:38:41</span></div>"
            "<div class='article_content'><p>More than 11 million people in Beijing have benefited from the "
            "south-to-north water diversion project, the authorities said on Tuesday.</p>"
            "<p>The middle route has pumped 2.5 billion cubic meters of water into Beijing.</p></div></body></html>")
    doc = load(write(tmp_path, "benefits.html", html.encode()), "benefits.html", 100_000)
    assert (doc.date, doc.publisher) == ("2017-08-02", "Global Times")
    assert "By Zhang Hui Source:Global Times Published: 2017/8/2" in doc.text


def test_a_pages_marked_date_a_footers_agency_and_a_wire_datelines_story_year_date_the_document(tmp_path):
    """A page's element marked as its date ("<div class='date'>01 January 2008, 8am</div>") beats a
    dated line under its headline that tells of an event ("Beijing Marathon<br>Sun 21 October
    2007"); "Xinhua/CGTN Published: 2019-11-03" names its publisher; "BEIJING, Sept 17 (APP):" takes
    the one year its paragraph names."""
    html = ("<html><head><title>Getting better all the time - AIMS</title></head><body>"
            "<div class='date'>01 January 2008, 8am</div><h1>Getting better all the time</h1>"
            "<p class='race'>Beijing Marathon<br>Sun 21 October 2007</p>"
            "<p>On a cool, crisp Sunday morning 25,694 runners lined up at the National Olympic Sports Centre in "
            "Beijing, under the flags and banners of universities and businesses.</p></body></html>")
    doc = load(write(tmp_path, "course.html", html.encode()), "course.html", 100_000)
    assert doc.date == "2008-01-01"
    text = ("Kisorio wins\n\nKisorio broke the men's course record with 2:07:06.\n\n"
            "Xinhua/CGTN Published: 2019-11-03 10:05:47\n")
    doc = load(write(tmp_path, "kisorio.txt", text.encode()), "kisorio.txt", 10_000)
    assert (doc.date, doc.publisher) == ("2019-11-03", "Xinhua/CGTN")
    text = ("30,000 run Beijing Marathon\n\nBEIJING, Sept 17 (APP): The thousands who ran the 2017\nBeijing Marathon "
            "on Sunday had blue skies overhead.\n")
    doc = load(write(tmp_path, "skies.txt", text.encode()), "skies.txt", 10_000)
    assert (doc.date, doc.publisher) == ("2017-09-17", "APP")


def test_a_wire_dateline_in_title_case_or_of_its_agency_alone_names_the_publisher(tmp_path):
    """"Beijing (CNS) --" and "(ECNS) --" open wire stories as "BEIJING (CNS) --" does; "Reporter
    (China Daily): …" in a transcript is a question, not a dateline; "Source title: …" at a story's
    foot gives the title it was taken from, and no publisher called "Source"."""
    text = ("Over 2.35 million Beijingers now aged 60 or more\n\n2011-09-29 09:41 | Editor: Zhang Lin\n\n"
            "Beijing (CNS) -- By the end of 2010, 2.35 million people in the capital were over 60.\n")
    doc = load(write(tmp_path, "report.txt", text.encode()), "report.txt", 10_000)
    assert (doc.date, doc.publisher) == ("2011-09-29", "CNS")
    text = ("Aging population to strain Beijing's pension fund\n\n(ECNS) -- Beijing will face growing problems "
            "from its aging population.\n\nUpdated 2016-05-05\n")
    doc = load(write(tmp_path, "pressure.txt", text.encode()), "pressure.txt", 10_000)
    assert (doc.date, doc.publisher) == ("2016-05-05", "ECNS")
    text = ("Press briefing on the two zones\n\n17 August 2023\n\nReporter (China Daily): What has been done "
            "for technology companies?\n\nMore than 400 companies were helped.\n")
    doc = load(write(tmp_path, "briefing.txt", text.encode()), "briefing.txt", 10_000)
    assert doc.publisher == ""
    text = ("Beijing weighs elderly care across Tianjin and Hebei\n\n2017-07-07 10:43\n\nBeijing is considering "
            "extending its elderly care policies.\n\nSource title: Beijing mulls extending elderly care\n"
            "Editor: Ai Ting (QN0043)\n")
    doc = load(write(tmp_path, "beds.txt", text.encode()), "beds.txt", 10_000)
    assert (doc.title, doc.date, doc.publisher) == ("Beijing weighs elderly care across Tianjin and Hebei",
                                                    "2017-07-07", "")


def test_a_dateline_set_apart_under_a_table_is_no_row_of_it(tmp_path):
    """A PDF's footer "china.org.cn | October 11, 2024" after a blank line under a table's rows dates
    the document (a PDF's creation date may be the day it was printed)."""
    text = ("Beijing to open 31 rural eldercare centers this year\n\nThis year Beijing will set up 31 eldercare "
            "service centers in its rural areas.\n\n## Rural eldercare in Beijing\n\nInstitutions | 326\n"
            "Stations | 674\n\nchina.org.cn | October 11, 2024\n")
    doc = load(write(tmp_path, "rural.md", text.encode()), "rural.md", 10_000)
    assert (doc.date, doc.publisher) == ("2024-10-11", "china.org.cn")


def test_a_pages_author_tag_is_read_whole(tmp_path):
    """trafilatura splits an author's name at "and" ("China Academy; Design"); the tag's words stand."""
    html = ("<html><head><title>Urban renewal: how will old neighborhoods be revitalized?</title>"
            "<meta name='dcterms.date' content='2025-06-12'>"
            "<meta name='author' content='China Academy of Urban Planning and Design'></head><body>"
            "<h1>Urban renewal: how will old neighborhoods be revitalized?</h1><p>On June 4 the results of the "
            "2025 central government financial support for urban renewal were announced, with Beijing and 19 "
            "other cities on the list.</p></body></html>")
    doc = load(write(tmp_path, "support.html", html.encode()), "support.html", 100_000)
    assert doc.publisher == "China Academy of Urban Planning and Design"


def test_the_site_account_that_posted_a_page_is_no_publisher(tmp_path):
    """"Posted in NEWS on October 23, 2024 by admin" dates the post; "admin" published nothing."""
    text = ("# Beijing explores new ways to rebuild old buildings\n\nBeijing is exploring new models for "
            "renovating dilapidated old buildings.\n\nPosted in NEWS on October 23, 2024 by admin\n")
    doc = load(write(tmp_path, "pilot.md", text.encode()), "pilot.md", 10_000)
    assert (doc.date, doc.publisher) == ("2024-10-23", "")


def test_a_photo_captions_date_gives_way_to_the_files_own_date_and_a_byline_may_say_where_it_was_filed(tmp_path):
    """A date any sentence among the first lines tells ("Photo taken on April 2, 2019 shows …")
    is the weakest sign of a document's date: the date in its file's name comes first. "By He Wei
    in Shanghai (China Daily)" is a byline whose publisher stands in brackets."""
    caption = (b"Visitor limits at the Great Wall\n\nAerial photo taken on April 2, 2019 shows the Badaling section "
               b"of the Great Wall in Yanqing District. (Xinhua/Ju Huanzong)\n\nThe crowds have gone since June 1.\n")
    assert load(write(tmp_path, "2019-08-04-badaling.txt", caption), "b.txt", 10_000).date == "2019-08-04"
    assert load(write(tmp_path, "badaling.txt", caption), "c.txt", 10_000).date == "2019-04-02"
    byline = (b"From clicks to bricks\n\nBy He Wei in Shanghai (China Daily) Updated: 2017-08-17 08:49\n\n"
              b"Tencent has started a program to rebuild parts of the Great Wall.\n")
    doc = load(write(tmp_path, "tencent.txt", byline), "tencent.txt", 10_000)
    assert (doc.date, doc.publisher) == ("2017-08-17", "China Daily")
