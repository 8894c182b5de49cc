"""Answers shaped by the question: summaries chosen at ingest, comparisons side by side and
explanations of several sentences, every sentence with its own citation."""
from __future__ import annotations

import re
import shutil

from answer.compare import side_questions, sides
from answer.summary import KIND, is_overview, wanted_points
from tests.conftest import GUIDELINE, ROOT


def cites_every_sentence(answer) -> None:
    text = GUIDELINE.read_text(encoding="utf-8")
    assert answer.citations and all(text[c.start:c.end] == c.text for c in answer.citations)
    markers = [int(n) for n in re.findall(r"\[(\d+)\]", answer.text)]
    assert sorted(set(markers)) == list(range(1, len(answer.citations) + 1))


def test_summarize_in_three_points_quotes_three_cited_sentences_in_document_order(assistant):
    answer = assistant.ask("Summarize the guideline in three points")
    assert answer.backend == "summary" and not answer.abstained
    points = [line for line in answer.text.splitlines() if re.match(r"\d\. ", line)]
    assert len(points) == 3 and all(line.endswith(f"[{n}]") for n, line in enumerate(points, 1))
    starts = [c.metadata["highlights"][0][0] for c in answer.citations]
    assert starts == sorted(starts)
    cites_every_sentence(answer)
    assert "international" in answer.text


def test_overview_questions_are_told_from_questions_about_a_topic(assistant):
    keyword = assistant.retriever.keyword_index()
    for question in ("What is this document about?", "What are the main points?", "Give me an overview",
                     "Summarise the guideline in 5 sentences", "tl;dr"):
        assert is_overview(question, keyword), question
    for question in ("What are the main points of the R&D strategy?", "What is the R&D target about?",
                     "How many patents are there?"):
        assert not is_overview(question, keyword), question
    assert wanted_points("in five points") == 5 and wanted_points("summarize") == 3


def test_the_summary_is_chosen_at_ingest_and_kept_per_document_version(make_assistant, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copy(GUIDELINE, corpus / GUIDELINE.name)
    assistant = make_assistant()
    assistant.ingest()
    (first,) = assistant.documents()
    assert len(assistant.catalog.derived(KIND, first.source, first.doc_hash)["spans"]) >= 3
    (corpus / GUIDELINE.name).write_text(GUIDELINE.read_text(encoding="utf-8").replace(
        "The Beijing city government will continue", "The Beijing municipal government will continue"))
    assistant.ingest()
    (second,) = assistant.documents()
    assert second.doc_hash != first.doc_hash
    assert assistant.catalog.derived(KIND, second.source, second.doc_hash) is not None
    assert assistant.catalog.derived(KIND, first.source, first.doc_hash) is None
    assert "municipal government" in assistant.ask("What is this document about?").text


def test_a_comparison_answers_both_sides_each_cited_and_says_what_differs(assistant):
    answer = assistant.ask("How does the R&D target compare with current spending?")
    assert answer.backend == "comparison" and not answer.abstained
    target, current, difference = answer.text.splitlines()
    assert target.startswith("- the R&D target:") and "6 percent" in target and target.endswith("[1]")
    assert current.startswith("- current spending:") and "6.3 percent" in current and current.endswith("[2]")
    assert difference == "- The difference: 0.3 percentage points."
    cites_every_sentence(answer)


def test_what_a_comparison_measures_is_asked_of_both_sides():
    question = "How does Beijing's spending on research compare with Shanghai?"
    assert side_questions(question, *sides(question)) == ("What is Beijing's spending on research?",
                                                          "What is the spending on research of Shanghai?")
    question = "How does the new reactor perform compared to the old one?"
    assert side_questions(question, *sides(question)) == ("What is the performance of the new reactor?",
                                                          "What is the performance of the old one?")
    # A second question joined to the comparison is no part of its second side.
    assert sides("How does the R&D target differ from current spending, and why does it matter?") == (
        "the R&D target", "current spending")


def test_a_comparison_with_a_side_the_documents_lack_says_so_for_that_side(assistant):
    answer = assistant.ask("How does the R&D target compare with the budget of Shanghai?")
    assert "6 percent" in answer.text
    assert "- the budget of Shanghai: the documents do not say." in answer.text


def test_a_sentence_that_announces_parts_goes_on_with_them_each_cited(make_assistant):
    """"Two kinds of data, described in this section" answers nothing alone: the parts that
    follow (here run-in headings of a PDF) are listed under it."""
    assistant = make_assistant()
    shutil.copy(ROOT / "tests" / "data" / "run-in-headings.pdf", assistant.settings.corpus)
    assistant.ingest()
    answer = assistant.ask("What two kinds of data is Lumeria trained on?")
    lines = answer.text.splitlines()
    assert lines[0].endswith("two kinds of data, described in this section. [1]")
    assert lines[1:] == ["- Books [60%] [2]", "- Encyclopedia [40%] [3]"]
    assert [c.text[c.metadata["highlights"][0][0] - c.start:c.metadata["highlights"][0][1] - c.start]
            for c in answer.citations[1:]] == ["Books [60%]", "Encyclopedia [40%]"]


def test_a_sentence_ending_in_a_colon_goes_on_with_the_list_after_it(ingested):
    assistant = ingested({"plan.md": "# The harbour plan\n\nThe harbour plan was adopted in 2024. "
                                     "It rests on three pillars:\n\n- Dredging the northern channel.\n"
                                     "- Rebuilding the ferry terminal.\n- Planting the dunes.\n\n"
                                     "Work starts in spring.\n"})
    answer = assistant.ask("What pillars does the harbour plan rest on?")
    assert answer.text.splitlines() == ["It rests on three pillars: [1]", "- Dredging the northern channel. [1]",
                                        "- Rebuilding the ferry terminal. [1]", "- Planting the dunes. [1]"]


def test_an_explanation_quotes_several_sentences_each_cited(assistant):
    answer = assistant.ask("Describe the role of Zhongguancun Science City")
    assert not answer.abstained and "showpiece of reform" in answer.text
    assert len(answer.citations) >= 2
    cites_every_sentence(answer)


def test_a_collection_overview_gives_each_document_newest_first(tmp_path, embedder):
    from assistant import build_assistant
    from settings import load_settings
    from tests.test_collection import COLLECTION

    shutil.copytree(COLLECTION, tmp_path / "corpus")
    releases = build_assistant(load_settings(corpus=tmp_path / "corpus", store=tmp_path / "store"), embedder)
    releases.ingest()
    answer = releases.ask("What are these documents about?")
    lines = answer.text.splitlines()[1:]
    assert len(lines) == len(releases.documents()) == len(answer.citations)
    dates = [line[2:12] for line in lines]
    assert dates == sorted(dates, reverse=True)
    scoped = releases.ask("Summarize the Belt and Road action plan")
    assert {c.source for c in scoped.citations} == {"belt-and-road-action-plan.txt"}


def test_an_explanation_adds_whole_sentences_not_fragments(make_assistant, tmp_path):
    (tmp_path / "corpus" / "ferries.txt").write_text(
        "Ferry report\n\nFerries stop sailing in strong winds because high waves make docking unsafe for "
        "passengers. Ferries stop sailing. The port closes to ferries when gusts pass 60 kilometres per hour.\n")
    question = "Why do ferries stop sailing in strong winds?"
    whole, loose = make_assistant(), make_assistant(explain_min_words=0)
    whole.ingest()
    assert "docking unsafe" in whole.ask(question).text and "Ferries stop sailing. [" not in whole.ask(question).text
    assert "Ferries stop sailing. [" in loose.ask(question).text
