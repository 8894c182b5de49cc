"""Answers shaped by the question: summaries chosen at ingest, comparisons side by side and
explanations of several sentences, every sentence with its own citation."""
from __future__ import annotations

import re
import shutil

from answer.summary import KIND, is_overview, wanted_points
from tests.conftest import GUIDELINE


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


def test_a_comparison_with_a_side_the_documents_lack_says_so_for_that_side(assistant):
    answer = assistant.ask("How does the R&D target compare with the budget of Shanghai?")
    assert "6 percent" in answer.text
    assert "- the budget of Shanghai: the documents do not say." in answer.text


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
