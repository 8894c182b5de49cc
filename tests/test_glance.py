"""The guideline at a glance: tables extracted at ingest (scored against a hand-made list), a
made-up policy of the same kind, the diff of an edited version, list answers, CLI and page."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from glance import chart, export, versions
from glance.extract import Glance, extract
from ingest.chunking import chunk_text
from tests.conftest import GUIDELINE, ROOT
from tests.test_cli import run

EXPECTED = yaml.safe_load((Path(__file__).parent / "glance_expected.yaml").read_text())

RIVERTON = """Riverton Innovation Plan 2030
Date: 2024-03-01
The Riverton municipal government will invest 12 billion euros in research during the plan period (2024-30). By 2030, research spending should reach about 4.5 percent of regional GDP.
Currently, research spending accounts for 3.2 percent of regional GDP, and there are 87 start-ups per 100,000 residents.
Officials named Harbour Science Park, Eastgate Technology Zone and Northfield Innovation District as core areas of the plan.
The plan also sets up the "twin corridors"-the Riverton Green Energy Corridor and the Valley Biotech Corridor.
The city will build 3 new incubators by 2027.
"""


def tables_of(text: str, source: str = "doc.txt", date: str | None = None) -> Glance:
    spans = [s for c in chunk_text(text, 1200) if not c.heading for s in c.sentences]
    return extract(source, text, spans, date)


def precision_recall(found: list, expected: list[dict], matches) -> tuple[float, float]:
    hits = [any(matches(f, e) for e in expected) for f in found]
    recalled = [any(matches(f, e) for f in found) for e in expected]
    return sum(hits) / max(len(found), 1), sum(recalled) / len(expected)


def figure_matches(f, e) -> bool:
    return (f.value == e["value"] and f.unit == e["unit"] and e["measure"] in f.measure and f.status == e["status"]
            and e.get("period", "") in f.period and f.equivalent == e.get("equivalent", ""))


@pytest.fixture(scope="module")
def guideline_tables(guideline_text) -> Glance:
    return tables_of(guideline_text, GUIDELINE.name, "2021-12-24")


def test_every_figure_of_the_guideline_is_found_with_unit_and_status(guideline_tables):
    precision, recall = precision_recall(guideline_tables.figures, EXPECTED["figures"], figure_matches)
    assert recall == 1.0 and precision >= 0.9, [(f.value, f.unit, f.measure, f.status) for f in guideline_tables.figures]


def test_every_named_place_is_found_and_grouped(guideline_tables):
    precision, recall = precision_recall(guideline_tables.places, EXPECTED["places"],
                                         lambda p, e: p.name == e["name"] and p.group == e["group"])
    assert recall == 1.0 and precision >= 0.9, [(p.name, p.group) for p in guideline_tables.places]


def test_goals_and_strategies_are_found_with_their_deadlines(guideline_tables):
    def matches(g, e) -> bool:
        return (e["phrase"] in g.cite.text and e.get("kind", "goal") == g.kind
                and (e.get("deadline", "") in g.deadline) and (g.kind == "goal" or e["phrase"] in g.goal))
    precision, recall = precision_recall(guideline_tables.goals, EXPECTED["goals"], matches)
    assert recall == 1.0 and precision >= 0.9, [(g.kind, g.goal[:60], g.deadline) for g in guideline_tables.goals]


def test_every_row_cites_the_exact_sentence_it_comes_from(guideline_tables, guideline_text):
    cites = ([f.cite for f in guideline_tables.figures] + [c for p in guideline_tables.places for c in p.cites]
             + [g.cite for g in guideline_tables.goals])
    assert cites and all(c is not None and guideline_text[c.start:c.end] == c.text for c in cites)
    for f in guideline_tables.figures:
        assert f.value.lstrip("$") in f.cite.text


def test_a_made_up_policy_of_the_same_kind_gets_its_own_tables():
    tables = tables_of(RIVERTON, "riverton.txt", "2024-03-01")
    figures = {(f.value, f.unit, f.status, f.period) for f in tables.figures}
    assert figures == {("12 billion", "euros", "target", "2024-30"),
                       ("4.5", "percent of regional GDP", "target", "by 2030"),
                       ("3.2", "percent of regional GDP", "current", "as of 2024-03-01"),
                       ("87", "start-ups per 100,000 residents", "current", "as of 2024-03-01"),
                       ("3", "new incubators", "target", "by 2027")}
    assert {(p.name, p.group) for p in tables.places} == {
        ("Harbour Science Park", "core areas"), ("Eastgate Technology Zone", "core areas"),
        ("Northfield Innovation District", "core areas"), ("Riverton Green Energy Corridor", "twin corridors"),
        ("Valley Biotech Corridor", "twin corridors")}
    deadlines = {g.deadline for g in tables.goals}
    assert {"by 2030", "by 2027"} <= deadlines
    assert any(g.actor == "The city" for g in tables.goals)


def edited(text: str) -> str:
    """A new version: a figure changes, a paragraph goes, a park is added."""
    text = text.replace("6.3 percent", "6.5 percent")
    removed = next(line for line in text.splitlines() if line.startswith("New achievements should be made"))
    text = text.replace(removed + "\n", "")
    return text.replace("Future Science Park and", "Future Science Park, Nanyuan Innovation Park and")


@pytest.fixture(scope="module")
def reingested(tmp_path_factory, embedder, guideline_text):
    """A store where the guideline was ingested, then replaced by the edited version."""
    from assistant import build_assistant
    from settings import load_settings

    root = tmp_path_factory.mktemp("versions")
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(GUIDELINE, corpus / GUIDELINE.name)
    assistant = build_assistant(load_settings(corpus=corpus, store=root / "store"), embedder)
    assistant.ingest()
    (corpus / GUIDELINE.name).write_text(edited(guideline_text), encoding="utf-8")
    report = assistant.ingest()
    return assistant, report


def test_reingest_reports_exactly_what_changed(reingested):
    _, report = reingested
    changes = report.changes[GUIDELINE.name]
    assert [(c["old"]["value"], c["new"]["value"]) for c in changes["figures"]["changed"]] == [("6.3", "6.5")]
    assert not changes["figures"]["added"] and not changes["figures"]["removed"]
    assert [p["name"] for p in changes["places"]["added"]] == ["Nanyuan Innovation Park"]
    assert not changes["places"]["removed"]
    assert [g["goal"][:30] for g in changes["goals"]["removed"]] == ["New achievements should be mad",
                                                                    "After that, the environment fo"]
    assert not changes["goals"]["added"] and not changes["goals"]["changed"]
    assert [s["text"][:20] for s in changes["sentences"]["removed"]] == ["New achievements sho", "After that, the envi"]
    assert len(changes["sentences"]["changed"]) == 2 and not changes["sentences"]["added"]
    changed_figure = changes["figures"]["changed"][0]
    assert "6.3 percent" in changed_figure["old"]["cite"]["text"] and "6.5 percent" in changed_figure["new"]["cite"]["text"]


def test_the_old_version_tables_stay_available_for_the_diff(reingested):
    assistant, _ = reingested
    assert len(assistant.catalog.glance_versions(GUIDELINE.name)) == 2
    assert versions.changes(assistant.catalog)[GUIDELINE.name]["places"]["added"][0]["name"] == "Nanyuan Innovation Park"


def test_glance_cli_prints_tables_diff_and_writes_csv(reingested, tmp_path):
    assistant, _ = reingested
    store = str(assistant.settings.store)
    tables = json.loads(run("glance", "--store", store, "--json").stdout)
    assert any(f["value"] == "6.5" for f in tables["figures"])
    assert "Nanyuan Innovation Park" in [p["name"] for p in tables["places"]]
    diff = json.loads(run("glance", "--store", store, "--diff", "--json").stdout)
    assert diff[GUIDELINE.name]["figures"]["changed"][0]["new"]["value"] == "6.5"
    run("glance", "--store", store, "--diff", "--csv", str(tmp_path / "csv"))
    rows = (tmp_path / "csv" / "changes.csv").read_text().splitlines()
    assert rows[0].startswith("document,table,change,old,new")
    assert any("6.3 percent" in r and "6.5 percent" in r for r in rows)
    missing = run("glance", "--store", str(tmp_path / "nothing"))
    assert missing.returncode == 2 and "run python -m ingest first" in missing.stderr


@pytest.mark.parametrize("question, wanted, unwanted", [
    ("list all the zones", ["Zhongguancun Science City", "China (Beijing) Pilot Free Trade Zone",
                            "Beijing-Tianjin-Hebei region"], []),
    ("What figures does the guideline give?", ["6.3 percent", "144", "630 billion yuan", "31.6 percent",
                                               "6 percent"], []),
    ("Which targets are for 2025?", ["by 2025", "6 percent of the GDP", "Beijing should achieve the goal"], ["6.3 percent"]),
    ("What are the two zones?", ["Pilot Free Trade Zone", "Demonstration Zone"], ["Huairou"]),
])
def test_list_questions_are_answered_from_the_tables_complete_and_cited(assistant, question, wanted, unwanted):
    answer = assistant.ask(question)
    assert answer.backend == "tables" and not answer.abstained
    for item in wanted:
        assert item in answer.text
    for item in unwanted:
        assert item not in answer.text
    text = GUIDELINE.read_text(encoding="utf-8")
    assert answer.citations and all(text[c.start:c.end] == c.text for c in answer.citations)
    assert max(int(n) for n in __import__("re").findall(r"\[(\d+)\]", answer.text)) == len(answer.citations)


def test_a_list_question_about_something_the_tables_lack_is_not_answered_from_them(assistant):
    answer = assistant.ask("Which parks in Shanghai are mentioned?")
    assert answer.backend != "tables" and answer.abstained


def test_glance_page_shows_cited_tables_a_chart_of_now_against_target_and_what_changed(reingested, monkeypatch):
    assistant, _ = reingested
    monkeypatch.setenv("GUIDE_STORE", str(assistant.settings.store))
    monkeypatch.setenv("GUIDE_CORPUS", str(assistant.settings.corpus))
    at = AppTest.from_file(str(ROOT / "pages" / "glance_page.py"), default_timeout=300)
    at.run()
    assert not at.exception, at.exception
    figures, places, goals, changed = (at.dataframe[i].value for i in range(4))
    assert "6.5" in set(figures["value"]) and "Nanyuan Innovation Park" in set(places["name"])
    assert len(goals) >= 10
    assert set(changed["change"]) == {"changed", "added", "removed"}
    marks = [e for e in at.expander if "<mark>" in e.get("html")[0].proto.body]
    assert len(marks) >= len(figures) + len(places)
    assert any("6.5 percent" in e.get("html")[0].proto.body for e in marks)
    (drawn,) = at.get("vega_lite_chart")
    spec = json.loads(drawn.proto.spec)
    assert spec["title"] == "R&D expenditure (percent of GDP)"
    assert spec["layer"][0]["encoding"]["color"]["field"] == "document"
    assert spec["params"][0]["select"]["fields"] == ["n"]


def test_now_and_target_of_one_measure_are_charted_side_by_side_with_their_years():
    riverton = export.rows(tables_of(RIVERTON, "riverton.txt", "2024-03-01"),
                           {"riverton.txt": ("Riverton Innovation Plan 2030", "2024-03-01")})["figures"]
    drawn = chart.bars(riverton)
    assert [(b["bar"], b["value"]) for b in drawn] == [("current 2024", 3.2), ("target 2030", 4.5)]
    assert {b["measure"] for b in drawn} == {"research spending (percent of regional GDP)"}
    assert all(riverton[b["n"] - 1]["sentence"] == b["sentence"] for b in drawn)


def test_a_measure_charted_across_documents_keeps_each_documents_name():
    older = {"measure": "R&D expenditure", "value": "6.3", "unit": "percent of GDP", "status": "current",
             "period": "as of 2021-12-24", "document": "Guideline", "date": "2021-12-24"}
    newer = {"measure": "R&D expenditure of Beijing", "value": "6", "unit": "percent of GDP", "status": "target",
             "period": "by 2025", "document": "Work plan", "date": "2023-05-19"}
    unrelated = {**older, "measure": "invention patents", "unit": "invention patents per 10,000 people",
                 "value": "144"}
    drawn = chart.bars([newer, older, unrelated])
    assert [(b["document"], b["bar"], b["n"]) for b in drawn] == [("Guideline", "current 2021", 2),
                                                                   ("Work plan", "target 2025", 1)]
    assert chart.amount("630 billion") == 630e9 and chart.amount("1,200") == 1200
