from ingest.chunking import chunk_text, paragraphs


def test_every_chunk_and_sentence_quotes_the_source_exactly(guideline_text):
    chunks = chunk_text(guideline_text, 1200)
    assert len(chunks) > 10
    for chunk in chunks:
        assert guideline_text[chunk.start:chunk.end] == chunk.text
        for a, b in chunk.sentences:
            assert chunk.start <= a < b <= chunk.end
            assert guideline_text[a:b].strip() == guideline_text[a:b]


def test_one_paragraph_per_line_files_split_at_each_line(guideline_text):
    lines = [line for line in guideline_text.splitlines() if line.strip()]
    assert len(paragraphs(guideline_text)) == len(lines)


def test_hard_wrapped_paragraphs_stay_whole():
    text = ("The first paragraph is wrapped at a fixed width so that\nits sentences continue on the next"
            " line without\nany blank line in between. It ends here.\n\nSecond paragraph.\n")
    spans = paragraphs(text)
    assert len(spans) == 2
    assert text[spans[0][0]:spans[0][1]].endswith("It ends here.")


def test_long_paragraph_is_cut_at_sentence_boundaries():
    text = " ".join(f"Sentence number {i} says something about topic {i}." for i in range(60))
    chunks = chunk_text(text, 300)
    assert len(chunks) > 3
    assert all(len(c.text) <= 300 for c in chunks)
    assert all(c.text.endswith(".") for c in chunks)


def test_headings_and_datelines_are_marked_and_give_the_section(guideline_text):
    chunks = chunk_text(guideline_text, 1200)
    assert chunks[0].heading and chunks[1].heading
    assert "Date:2021-12-24" in chunks[1].text
    assert not chunks[3].heading
    markdown = "# Plan\n\n## Zones\n\nThe park is green.\n"
    body = [c for c in chunk_text(markdown, 1200) if not c.heading]
    assert body[0].section == "Zones"


def test_a_title_and_its_dateline_written_as_one_block_are_headings_not_a_paragraph():
    text = "Beijing sets a goal for its AI industry\nDate: 2023-05-30 Source: Global Times\n\nBeijing wants more.\n"
    title, dateline, body = chunk_text(text, 1200)
    assert title.heading and title.text == "Beijing sets a goal for its AI industry"
    assert dateline.heading and dateline.text.startswith("Date: 2023-05-30")
    assert not body.heading and body.text == "Beijing wants more."


def test_yaml_front_matter_is_a_heading_chunk_not_text_to_quote():
    text = "---\ntitle: Digital economy grows\ndate: 2023-08-19\n---\n\n# Digital economy grows\n\nIt grew 8.7 percent.\n"
    matter, body = chunk_text(text, 1200)
    assert matter.heading and matter.text.startswith("---\ntitle:") and matter.text.endswith("---")
    assert not body.heading and body.section == "Digital economy grows"


def test_a_heading_opens_its_chunk_and_short_paragraphs_join_their_neighbour():
    text = ("# Report\n\n## Water\n\nThe river authority will plant 12,000 willow trees along both banks of the "
            "river before the end of the decade.\n\nShort note.\n\n## Roads\n\nThe ring road gets 3 new exits "
            "and a tunnel under the old harbour, which opens to traffic in the spring of 2031.\n")
    chunks = chunk_text(text, 1200, 150)
    water = next(c for c in chunks if "willow" in c.text)
    assert water.text.startswith("# Report\n\n## Water") and water.section == "Water"
    assert "Short note." in water.text, "a stray short paragraph joins its neighbour"
    assert text[water.sentences[0][0]:].startswith("The river"), "the heading is not a sentence to quote"
    roads = next(c for c in chunks if "ring road" in c.text)
    assert roads.text.startswith("## Roads") and roads is not water


def test_no_chunk_is_longer_than_the_maximum_and_pages_are_not_joined():
    text = "\n\n".join(f"Paragraph {i} says one short thing." for i in range(40)) + "\n"
    page_two = text.index("Paragraph 20")
    chunks = chunk_text(text, 300, 150, breaks=(page_two,))
    assert all(len(c.text) <= 300 for c in chunks)
    assert not any(c.start < page_two < c.end for c in chunks)


def test_a_dateline_at_the_foot_is_a_heading_and_a_tables_rows_are_embedded_under_its_caption():
    """The foot's "china.org.cn | October 11, 2024" is data about the text, never a sentence to
    quote; "Stations | 674" is embedded as "Rural eldercare in Beijing: Stations | 674"."""
    from ingest.chunking import embedded_sentences
    text = ("## Rural eldercare in Beijing\n\nInstitutions | 326\nStations | 674\nMutual-aid spots | 807\n\n"
            "china.org.cn | October 11, 2024\n")
    chunks = chunk_text(text, 1200, 150)
    assert chunks[-1].heading and chunks[-1].text == "china.org.cn | October 11, 2024"
    table = next(c for c in chunks if "674" in c.text)
    assert "Rural eldercare in Beijing: Stations | 674" in embedded_sentences(text, table)
    text = "## Living longer\n\nCentenarians | Number\n2012 | 544\n2017 | 833\n"
    table = next(c for c in chunk_text(text, 1200, 150) if "833" in c.text)
    assert embedded_sentences(text, table)[-1] == "Living longer: 2017 | 833"
