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
