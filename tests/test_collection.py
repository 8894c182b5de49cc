"""Many documents, one collection: six related releases from four publishers and three years
(tests/collection). Each answer comes from the right document and names it with its date;
questions can be scoped to a document, by the question or by a filter; metadata answers
questions about the documents themselves."""
import json
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from answer.extractive import asked_unit, type_fit
from answer.question import Kind, analyse
from answer.when import asked as time_asked
from answer.when import When, other_period, periods, times
from assistant import BadQuestion, build_assistant
from settings import load_settings
from tests.conftest import ROOT, shortfalls
from tests.test_cli import run

COLLECTION = ROOT / "tests" / "collection"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("collection")
    shutil.copytree(COLLECTION, root / "corpus")
    return root


@pytest.fixture(scope="module")
def releases(corpus, embedder):
    assistant = build_assistant(load_settings(corpus=corpus / "corpus", store=corpus / "store"), embedder)
    assistant.ingest()
    return assistant


def cited(answer) -> list[str]:
    return [c.source for c in answer.citations]


@pytest.mark.parametrize("question, figure, source", [
    ("What share of GDP did China spend on R&D in 2021?", "2.44 percent", "national-rd-2021.txt"),
    ("How much did China spend on basic research in 2021?", "169.6 billion yuan", "national-rd-2021.txt"),
    ("How many R&D workers per 10,000 employed people should Beijing have?", "260", "most-work-plan-2023.txt"),
    ("What share of GDP did China spend on R&D in 2022?", "2.55 percent", "national-rd-2022.txt"),
    ("How much did China spend on R&D in 2022?", "3.09 trillion yuan", "national-rd-2022.txt"),
    # The sentence names no year; its passage speaks of 2022 alone.
    ("How much did China spend on basic research in 2022?", "195.1 billion yuan", "national-rd-2022.txt"),
])
def test_of_two_documents_with_like_sentences_the_right_one_is_cited(releases, question, figure, source):
    answer = releases.ask(question)
    assert figure in answer.text and cited(answer)[0] == source


@pytest.mark.parametrize("question, figure, source", [
    ("According to the 2023 work plan, what share of GDP should R&D spending be?", "6 percent",
     "most-work-plan-2023.txt"),
    ("What share of R&D spending should basic research take under the work plan?", "17 percent",
     "most-work-plan-2023.txt"),
    ("Which areas does the guideline point to as key to the goal?", "Zhongguancun Science City",
     "beijing-sci-tech-guideline-2021.txt"),
    ("How many tasks does the Belt and Road action plan list?", "89", "belt-and-road-action-plan.txt"),
])
def test_a_question_that_names_a_document_is_answered_from_it(releases, question, figure, source):
    answer = releases.ask(question)
    assert figure in answer.text and set(cited(answer)) == {source}


def test_who_published_a_document_is_answered_from_its_header_line(releases):
    answer = releases.ask("Which outlet reported the national R&D figures for 2022?")
    assert "UrduPoint" in answer.text
    citation = answer.citations[0].to_json(1)
    (start, end), = [(h["start"], h["end"]) for h in citation["highlights"]]
    line = (COLLECTION / citation["source"]).read_text(encoding="utf-8")[start:end]
    assert line == "Date: 2023-01-23 Source: UrduPoint"
    assert citation["publisher"] == "UrduPoint" and citation["date"] == "2023-01-23"


def test_a_day_of_the_week_gets_the_documents_date(releases):
    answer = releases.ask("When was the work plan issued?")
    assert "Wednesday" in answer.text and "2023-05-19" in answer.text
    assert cited(answer) == ["most-work-plan-2023.txt", "most-work-plan-2023.txt"]


def test_a_figure_the_documents_give_differently_is_shown_with_both_dates_newest_first(releases):
    answer = releases.ask("What share of GDP should R&D spending be?")
    newer, older = answer.text.index("2023-05-19"), answer.text.index("2021-12-24")
    assert newer < older
    assert "about 6 percent" in answer.text and "estimated 6 percent" in answer.text
    assert {"most-work-plan-2023.txt", "beijing-sci-tech-guideline-2021.txt"} <= set(cited(answer))


def test_which_documents_mention_a_topic_lists_each_with_a_cited_sentence(releases):
    answer = releases.ask("Which documents mention basic research?")
    assert answer.backend == "mentions" and not answer.abstained
    assert set(cited(answer)) == {"most-work-plan-2023.txt", "national-rd-2022.txt", "national-rd-2021.txt",
                                  "press-conference-2021.txt"}
    for c in answer.citations:
        (a, b), = c.metadata["highlights"]
        assert "basic research" in c.text[a - c.start:b - c.start].lower()
    assert releases.ask("Which documents mention Shanghai?").abstained


def test_refusals_name_the_collection(releases):
    answer = releases.ask("What is Shanghai's R&D spending target?")
    assert answer.abstained and "the Beijing sci-tech releases" in answer.text and not answer.citations


def test_the_document_filter_keeps_answers_to_the_chosen_documents(releases):
    answer = releases.ask("What share of GDP should R&D spending be?", documents=["most-work-plan-2023.txt"])
    assert set(cited(answer)) == {"most-work-plan-2023.txt"} and "6 percent" in answer.text
    by_title = releases.ask("How much did China spend on basic research?", documents=["passes 3 trillion"])
    assert set(cited(by_title)) == {"national-rd-2022.txt"}
    with pytest.raises(BadQuestion, match="no document matches 'nowhere'"):
        releases.ask("What share of GDP?", documents=["nowhere"])


def test_the_cli_takes_document_filters_and_prints_document_metadata(corpus):
    store = corpus / "cli-store"
    env = {"GUIDE_CORPUS": str(corpus / "corpus")}
    assert run("ingest", "--store", str(store), env=env).returncode == 0
    result = run("answer", "What share of GDP should R&D spending be?", "--store", str(store),
                 "--document", "most-work-plan-2023.txt", "--json", env=env)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {c["source"] for c in data["citations"]} == {"most-work-plan-2023.txt"}
    assert data["citations"][0]["title"].startswith("Ministry issues work plan")
    assert data["citations"][0]["publisher"] == "Xinhua" and data["citations"][0]["date"] == "2023-05-19"
    bad = run("answer", "What share?", "--store", str(store), "--document", "nowhere", env=env)
    assert bad.returncode == 2 and "no document matches" in bad.stderr and "Traceback" not in bad.stderr


def test_the_sidebar_lists_documents_with_publisher_and_date_and_filters_answers(corpus, monkeypatch):
    monkeypatch.setenv("GUIDE_CORPUS", str(corpus / "corpus"))
    monkeypatch.setenv("GUIDE_STORE", str(corpus / "app-store"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.run()
    assert not at.exception, at.exception
    captions = " ".join(c.value for c in at.sidebar.caption)
    assert "Xinhua" in captions and "UrduPoint" in captions and "dated 2023\\-05\\-19" in captions
    assert at.chat_input[0].placeholder == "Ask about the Beijing sci-tech releases"
    at.sidebar.multiselect[0].set_value(["national-rd-2021.txt"]).run()
    at.chat_input[0].set_value("How much did China spend on basic research?").run()
    assert not at.exception, at.exception
    shown = at.chat_message[-1]
    assert "169.6 billion yuan" in shown.markdown[0].value
    assert all("national\\-rd\\-2021.txt" in e.label or "national-rd-2021.txt" in e.label for e in shown.expander)


def test_own_collection_questions_reach_their_figures(releases):
    assert not shortfalls(releases, ROOT / "tests" / "collection_queries.yaml",
                          "answer=0.9,citation=0.9,abstention=0.8", least=30, unanswerable=5)


def test_conversations_across_the_collection_are_answered(releases):
    """Follow-ups that change the year, the measure, the document, or say "it" for the plan."""
    assert not shortfalls(releases, ROOT / "tests" / "collection_conversations.yaml",
                          "answer=0.9,citation=0.9,abstention=0.9", least=12, unanswerable=2)


def test_at_a_glance_rows_name_their_document_and_date_and_two_documents_compare(corpus, releases, monkeypatch):
    from glance import export, versions
    from glance.diff import diff

    documents = {d.source: (d.title, d.date) for d in releases.documents()}
    figures = export.rows(releases.tables.tables(), documents)["figures"]
    dated = {(r["date"], r["value"]) for r in figures}
    assert ("2023-01-23", "2.55") in dated and ("2023-05-19", "260") in dated and ("2021-12-24", "144") in dated
    assert [r["date"] for r in figures] == sorted((r["date"] for r in figures), reverse=True)
    current = versions.current(releases.catalog)
    changed = diff(current["national-rd-2021.txt"], current["national-rd-2022.txt"])
    assert changed["figures"]["added"] and changed["figures"]["removed"]
    monkeypatch.setenv("GUIDE_CORPUS", str(corpus / "corpus"))
    monkeypatch.setenv("GUIDE_STORE", str(corpus / "store"))
    at = AppTest.from_file(str(ROOT / "pages" / "glance_page.py"), default_timeout=300)
    at.run()
    assert not at.exception, at.exception
    assert "document" in at.dataframe[0].value.columns and "date" in at.dataframe[0].value.columns
    assert [s.label for s in at.selectbox] == ["Older", "Newer"]


def test_a_passage_that_writes_the_questions_multi_word_name_word_for_word_is_found(releases):
    answer = releases.ask("Who heads the Beijing Science and Technology Commission?")
    assert "Xu Qiang" in answer.text
    assert cited(answer) == ["beijing-sci-tech-guideline-2021.txt"]


def test_the_names_a_question_gives_pick_the_document_before_a_year_another_text_mentions(ingested):
    assistant = ingested({
        "parks.txt": "Firms spread north\nDate: 2021-03-19 Source: Daily\n"
                     "The Binhai park has registered more than 2,000 enterprises since it opened.\n",
        "fees.txt": "Science cities grow\nDate: 2022-09-14 Source: Daily\n"
                    "Research fees reached 239 billion yuan in 2021. The city has 50 unicorns.\n",
        "labs.txt": "Laboratories open\nDate: 2021-06-18 Source: Daily\nA laboratory opened.\n"})
    answer = assistant.ask("How many enterprises had the Binhai park registered according to the 2021 report?")
    assert "2,000 enterprises" in answer.text and answer.citations[0].source == "parks.txt"


def test_a_document_called_by_its_publisher_and_year_is_answered_from_not_refused(ingested):
    assistant = ingested({
        "yizhuang.txt": "Why robot makers gather in Yizhuang\nDate: 2026-02-10 Source: People's Daily\n\n"
                        "More than 300 robotics companies have gathered in Yizhuang.\n",
        "park.txt": "A park becomes a hub\nDate: 2026-02-12 Source: CGTN\n\nThe park hosts more than 1,000 companies.\n"})
    question = "According to the 2026 People's Daily report, how many robotics companies are in Yizhuang?"
    answer = assistant.ask(question)
    assert "300 robotics companies" in answer.text and answer.citations[0].source == "yizhuang.txt"
    # The pointer says where to look; what is searched there is the rest of the question.
    keyword = assistant.retriever.keyword_index()
    assert keyword.referenced(question) == {"yizhuang.txt"}
    assert keyword.unreferenced(question) == "how many robotics companies are in Yizhuang?"
    assert keyword.unreferenced("What does the 2026 People's Daily report say about vouchers?") == (
        "What does the 2026 People's Daily report say about vouchers?")
    # … and by the month of its date.
    assert keyword.referenced("How many companies are there, according to the People's Daily report of February 2026?"
                              ) == {"yizhuang.txt"}


def test_a_document_called_by_its_publisher_and_full_date_is_told_from_one_of_the_same_month(ingested):
    assistant = ingested({
        "agenda.txt": "Innovation tops the agenda\nDate: 2021-03-06 Source: China Daily\n\n"
                      "The Tianwen-1 Mars mission was one of the breakthroughs of 2020.\n",
        "spending.txt": "R&D spending to rise\nDate: 2021-03-08 Source: China Daily\n\n"
                        "Spending on research will grow by more than 7 percent a year.\n"})
    question = "According to the China Daily report of March 6, 2021, which Mars mission was a breakthrough?"
    assert assistant.retriever.keyword_index().referenced(question) == {"agenda.txt"}
    assert "Tianwen-1" in assistant.ask(question).text


def test_a_year_the_question_does_not_name_does_not_answer_when(ingested):
    """"When did the 2024 forum run?" is not answered by the year the forum was founded."""
    assistant = ingested({
        "forum.txt": "Forum opens\nDate: 2024-04-25 Source: Xinhua\n\n"
                     "The 2024 forum opened on Thursday for a five-day session.\n\nThe forum was founded in 2007.\n",
        "other.txt": "Deals signed\nDate: 2024-05-07 Source: Daily\n\nDeals worth 61 billion yuan were signed.\n"})
    answer = assistant.ask("When did the 2024 forum run?")
    assert "Thursday" in answer.text and "2007" not in answer.text
    founded = "The forum was founded in 2007."
    assert type_fit(Kind.DATE, founded, analyse("When did the 2024 forum run?")) == 0
    assert type_fit(Kind.DATE, founded, analyse("When was the forum founded?")) == 1


def test_a_sentence_holds_the_year_of_its_section_and_an_update_is_a_date(ingested):
    assistant = ingested({
        "scale.md": "# Industry reaches 891.6 billion yuan\n\nUpdated: Mar 17, 2023\n\n## Growth since 2018\n\n"
                    "That is an average growth of 7.9 percent a year.\n",
        "other.md": "# Parks\n\nDate: 2024-01-02\n\nThe park has 600 companies.\n"})
    assert "7.9 percent" in assistant.ask("What was the industry's average annual growth since 2018?").text
    answer = assistant.ask("When was the article on the industry reaching 891.6 billion yuan updated?")
    assert "2023-03-17" in answer.text and "Mar 17, 2023" in answer.citations[-1].text


def test_a_document_named_alike_in_titles_is_told_apart_by_what_its_text_tells_of(ingested):
    """Two titles name the Rocket Street; only one report is about the conference held there."""
    assistant = ingested({
        "complete.txt": "Rocket Street project is completed\nDate: 2026-01-16 Source: Global Times\n\n"
                        "The project covers 145,000 square metres.\n",
        "conference.txt": "Rocket Street: a launchpad\nDate: 2026-01-26 Source: China Daily\n\n"
                          "At a conference in the area, nine projects were unveiled.\n"})
    answer = assistant.ask("When was the report on the Rocket Street conference published?")
    assert "2026-01-26" in answer.text and "2026-01-16" not in answer.text
    answer = assistant.ask("Who published the report on the Rocket Street conference?")
    assert "China Daily" in answer.text


def test_a_target_year_is_a_time_not_a_title_and_the_sentence_holding_it_answers(ingested):
    assistant = ingested({
        "cluster.txt": "Cluster to deploy 5,300 vehicles in 2021-2025\nDate: 2021-09-15 Source: Gasgoo\n\n"
                       "The cluster aims at an industrial chain worth 10 billion yuan a year.\n",
        "plan.txt": "Hydrogen plan released\nDate: 2021-08-17 Source: Xinhua\n\n"
                    "The region will build a hydrogen energy industry chain of more than 100 billion yuan by 2025.\n\n"
                    "Before 2023, five to eight leading enterprises of the chain are to be nurtured.\n\n"
                    "Ahead of 2025, ten to 15 leading enterprises of the chain are to be nurtured.\n"})
    answer = assistant.ask("How large should the region's hydrogen energy industry chain be by 2025?")
    assert "100 billion" in answer.text
    assert "five to eight" in assistant.ask("How many leading enterprises are to be nurtured before 2023?").text


def test_a_document_the_text_tells_of_is_not_the_report_that_tells_of_it(ingested):
    assistant = ingested({
        "roadmap.txt": "Hydrogen car blueprint\nSource: TechNode   Date: 28/11/2022\n\n"
                       "According to a five-year roadmap published on November 22 by the Beijing Municipal "
                       "Commission of Urban Management, the city plans to have more than 70 hydrogen filling stations.\n",
        "other.txt": "Hydrogen plan released\nDate: 2021-08-17 Source: Xinhua\n\nThe region will build 74 stations.\n"})
    assert "2022-11-28" in assistant.ask("When was the TechNode report on the hydrogen car blueprint published?").text
    answer = assistant.ask("Who published the five-year roadmap of November 22?")
    assert "Commission of Urban Management" in answer.text and "TechNode" not in answer.text


def test_months_and_runs_of_months_are_parts_of_a_year():
    assert periods("What was the reading in August 2021?", months=True) == {(8, 8)}
    assert periods("from January to August this year") == periods("in the first eight months") == {(1, 8)}
    assert periods("January-March") == periods("the first quarter") == {(1, 3)}
    assert periods("According to the September 2024 report, how many?", months=True) == frozenset()
    question = "What was the average reading in August 2021?"
    assert other_period(question, "The reading was 34 from January to August, authorities said on September 26.")
    assert not other_period(question, "The average reading in August was 18.")


def test_a_figure_for_last_year_in_a_report_of_january_is_no_figure_for_the_reports_year(ingested):
    assistant = ingested({
        "annual.txt": "Key pollution measure hits record low\nDate: 2023-01-04 Source: Caixin\n\n"
                      "The annual average concentration of PM2.5 fell to 30 micrograms per cubic metre last year.\n",
        "other.txt": "Better air\nDate: 2022-08-20 Source: Xinhua\n\n"
                     "From January to July the average was 29 micrograms.\n"})
    assert "30 micrograms" in assistant.ask("What was the annual average concentration of PM2.5 in 2022?").text
    assert assistant.ask("What was the annual average concentration of PM2.5 in 2023?").abstained


def test_a_passage_that_refers_back_is_about_what_the_passage_before_it_names(ingested):
    """"The 7.2-square-kilometre park" is the Zhongguancun Life Science Park of the paragraph before."""
    assistant = ingested({
        "hub.txt": "Beijing life science hub speeds up drug innovation\nDate: 2025-10-01 Source: Caixin\n\n"
                   "The Zhongguancun Life Science Park in Changping district brings basic research, clinical "
                   "development, manufacturing and healthcare services together, so that laboratory breakthroughs "
                   "become medicines for the market sooner than they did.\n\n"
                   "The 7.2-square-kilometre park is home to more than 1,000 innovative pharmaceutical companies, "
                   "according to a representative of the park, and gives access to more than 3,000 hospital beds "
                   "at nearby facilities, among them a research hospital.\n",
        "daxing.txt": "Daxing builds a medicine cluster\nDate: 2018-09-28 Source: Qianlong\n\n"
                      "Fifty projects signed agreements with the Daxing base.\n"})
    keyword = assistant.retriever.keyword_index()
    park = next(r for r in keyword.rows if r.text.startswith("The 7.2"))
    assert {"zhongguancun", "park"} <= set(keyword.referent(park))
    answer = assistant.ask("How many companies are there in the Zhongguancun Life Science Park?")
    assert "1,000 innovative pharmaceutical companies" in answer.text


def test_the_publishers_name_that_points_at_a_document_is_not_asked_of_its_sentences(ingested):
    """The publisher comes from the document's properties here, so no line of its text names it."""
    assistant = ingested({
        "zone.txt": "Zone to grow\n\nThe cumulative test mileage in the zone is close to 30 million kilometres.\n",
        "zone.meta.yaml": "date: 2024-04-19\npublisher: China Daily\n",
        "town.txt": "Robotaxis in E-Town\nDate: 2025-06-20 Source: Xinhua\n\n"
                    "The vehicles have driven more than 32 million kilometres in tests.\n"})
    answer = assistant.ask("According to the China Daily report of April 2024, what was the cumulative test mileage?")
    assert "30 million kilometres" in answer.text and answer.citations[0].source == "zone.txt"


def test_a_documents_date_ranks_evidence_but_does_not_turn_an_answer_into_a_refusal(ingested):
    """The release dated 2024 names the year only as part of an event's name; the one of 2025
    gives the 2024 revenue."""
    assistant = ingested({
        "hub.txt": "E-Town plans robot projects\nDate: 2024-08-20 Source: Newswire\n\n"
                   "Beijing E-Town will carry out 50 robot projects, it said at the 2024 World Robot Conference.\n",
        "jobs.txt": "Robots find more jobs\nDate: 2025-06-18 Source: Xinhua\n\n"
                    "In 2024 Beijing's robotics industry earned more than 30 billion yuan in revenue.\n"})
    answer = assistant.ask("How much revenue did Beijing's robotics industry make in 2024?")
    assert "30 billion yuan" in answer.text and answer.citations[0].source == "jobs.txt"


def test_first_and_last_ask_for_the_oldest_or_newest_document_only_when_they_qualify_one():
    assert analyse("What did the first report say about HEPS?").recency == -1
    assert analyse("What does the latest release say?").recency == 1
    assert analyse("When was the first humanoid robot half marathon held?").recency == 0
    assert analyse("How much did spending grow last year?").recency == 0


def test_a_question_about_now_is_not_answered_by_a_target(ingested):
    assistant = ingested({
        "plan.txt": "Beijing sets an AI goal\nDate: 2023-05-30 Source: Global Times\n\n"
                    "The plan expects five to 10 new unicorn companies by 2025.\n",
        "models.txt": "AI at work\nDate: 2024-07-27 Source: Beijing Youth Daily\n\nBeijing has registered 82 large models.\n"})
    assert assistant.ask("How many AI unicorns does Beijing have today?").abstained
    assert "five to 10" in assistant.ask("How many unicorns does the plan expect by 2025?").text
    assert "82 large models" in assistant.ask("How many large models does Beijing have now?").text


def test_a_figure_for_part_of_a_year_answers_only_for_that_part(ingested):
    assistant = ingested({
        "half.txt": "Digital economy grows\nDate: 2023-08-19 Source: Xinhua\n\n"
                    "The digital economy's added value reached 918.05 billion yuan in the first half of 2023.\n",
        "quarter.txt": "Digital economy over 40 percent of GDP\nDate: 2023-05-10 Source: Chamber\n\n"
                       "The digital economy produced 426.57 billion yuan of added value in the first quarter.\n",
        "report.txt": "Work report\nDate: 2024-01-21 Source: Xinhua\n\n"
                      "The digital economy's added value reached about 1.88 trillion yuan in 2023.\n"})
    assert "1.88 trillion yuan" in assistant.ask("How much added value did the digital economy produce in 2023?").text
    assert "426.57 billion yuan" in assistant.ask(
        "How much added value did the digital economy produce in the first quarter of 2023?").text
    assert assistant.ask("How much added value did the digital economy produce in the second quarter of 2023?").abstained


def test_last_year_and_a_sections_year_are_the_years_a_sentence_speaks_of(ingested):
    assistant = ingested({
        "plan.md": "# China to raise R&D spending\n\nDate: 2021-03-08 Source: China Daily\n\n"
                   "Total R&D spending reached 2.44 trillion yuan last year, a record. "
                   "At 7 percent a year it will reach 3.76 trillion yuan by 2025.\n",
        "report.md": "# Technology in the work report\n\nDate: 2025-03-06 Source: Geopolitechs\n\n"
                     "## Achievements in 2024\n\nChina produced more than 13 million new energy vehicles.\n",
        "other.md": "# Innovation tops the agenda\n\nDate: 2021-03-06 Source: China Daily\n\n"
                    "China will support artificial intelligence and quantum information.\n"})
    assert "2.44 trillion yuan" in assistant.ask("How much did China spend on R&D in 2020?").text
    assert "13 million" in assistant.ask("How many new energy vehicles did China produce in 2024?").text
    # "it" after an opening phrase is what the sentence before names: R&D spending.
    assert "3.76 trillion yuan" in assistant.ask("How much will China spend on R&D by 2025?").text
    # A name every document uses ("China") names none of them.
    assert not assistant.retriever.keyword_index().titled("How many vehicles did China produce?")


def test_a_question_about_what_is_to_come_is_not_answered_by_the_past(ingested):
    assistant = ingested({
        "missions.txt": "Breakthroughs\nDate: 2021-03-06 Source: China Daily\n"
                        "The premier listed the breakthroughs of 2020: the Tianwen-1 Mars mission and the Chang'e-5 "
                        "lunar mission.\n",
        "plans.txt": "Plans\nDate: 2021-03-08 Source: Xinhua\nThe Chang'e-6 mission will bring back samples from the far "
                     "side of the Moon.\n"})
    assert assistant.ask("When will China bring back samples from Mars?").abstained
    assert "Chang'e-6" in assistant.ask("Which mission will bring back samples from the far side of the Moon?").text


def test_a_plan_the_documents_write_about_is_no_document_the_collection_lacks(ingested):
    assistant = ingested({
        "plan.txt": "Spending\nDate: 2021-03-08 Source: China Daily\n"
                    "China will speed up self-reliance during the 14th Five-Year Plan period.\n"
                    "R&D spending will grow by more than 7 percent a year.\n",
        "other.txt": "Other\nDate: 2021-03-06 Source: China Daily\nAI will receive more support.\n"})
    answer = assistant.ask("How fast will R&D spending grow each year during the 14th Five-Year Plan?")
    assert "7 percent" in answer.text
    assert assistant.ask("How does the Chinchilla paper count its training tokens?").abstained


@pytest.mark.parametrize("files, question, said", [
    # "report" is the document's noun, not the question's verb "published".
    ({"agenda.txt": "Innovation tops the government agenda\nDate: 2021-03-06 Source: China Daily\n"
                    "China will pursue innovation, according to government reports released on Friday.\n"},
     "Who published the report on innovation topping the government agenda?", "China Daily"),
    # The dates of an event the report tells of are not the report's date.
    ({"invest.txt": "Deals signed at the Invest Beijing Conference\nDate: 2024-05-07 Source: International Daily News\n"
                    "Deals were signed at the Invest Beijing Conference, which ran from April 25 to 29.\n"},
     "When was the report on the Invest Beijing Conference published?", "2024-05-07"),
])
def test_who_published_a_report_and_when_are_read_from_its_header_line(ingested, files, question, said):
    assistant = ingested({**files, "other.txt": "Forum opens\nDate: 2024-04-25 Source: Xinhua\nThe forum opened.\n"})
    answer = assistant.ask(question)
    assert said in answer.text and said in answer.citations[-1].text


def test_a_year_named_only_as_a_comparisons_base_gives_no_figure_for_it(ingested):
    """"61.7 percent more than in 2021" is a figure for 2022; "since September 2020" in a report of
    April 2021 runs up to its date."""
    assistant = ingested({
        "projects.md": "# Two zones draw more projects\n\n**Source:** The Beijing News · **Date:** 15 March 2023\n\n"
                       "In 2022, 5,794 new projects were registered in the project database of the two zones, "
                       "61.7 percent more than in 2021.\n",
        "early.txt": "Service zone develops at good pace\nDate: 2021-04-03 Source: China Daily\n\n"
                     "Since the State Council approved the two zones in September 2020, the city has drawn key "
                     "investors into more than 1,100 projects.\n\n"
                     "The city has drawn up 251 policies for the two zones, and 137 of them have been released.\n"})
    assert assistant.ask("How many new projects were registered in the two zones in 2021?").abstained
    assert "1,100 projects" in assistant.ask("How many projects had the two zones attracted by spring 2021?").text
    assert "61.7 percent" in assistant.ask("By how much did new projects grow in 2022 compared with 2021?").text
    # A state asked "by April 2021" is what a report of that month says, though no sentence names April.
    assert "137" in assistant.ask("How many of the 251 policies had been released by April 2021?").text


def test_sums_in_a_named_currency_and_shares_beside_their_whole_are_values_of_their_kind():
    sum_asked = analyse("How much foreign investment did Beijing actually use in 2022?")
    assert type_fit(Kind.NUMBER, "Foreign investment reached 17.41 billion US dollars in 2022.", sum_asked) == 1.0
    assert type_fit(Kind.NUMBER, "Investment is forecast at CNY 1.3 trillion.", sum_asked) == 1.0
    share_asked = analyse("What share of the new projects had been launched?")
    assert type_fit(Kind.NUMBER, "Of these, 4,430 projects, or 63.0 percent, have been launched.", share_asked) == 1.0
    assert type_fit(Kind.NUMBER, "The number of projects rose 208.1 percent.", share_asked) == 0.0
    size_asked = analyse("How big is the Beijing Pilot Free Trade Zone?")
    assert type_fit(Kind.NUMBER, "The zone was officially listed on September 24, 2020.", size_asked) == 0.0
    assert type_fit(Kind.NUMBER, "It marks the third anniversary of the two zones.", size_asked) == 0.0
    assert type_fit(Kind.NUMBER, "The zone covers 119.68 square kilometres.", size_asked) == 1.0


def test_a_description_refers_to_the_sentence_that_names_what_it_describes(ingested):
    """"The zone covers …" speaks of the China (Beijing) Pilot Free Trade Zone two sentences up,
    not of the press conference "on the zone" just before it."""
    assistant = ingested({
        "layout.txt": "The layout of the free trade zone is announced\nPosted on 25 September 2020 by Kaizen CPA\n\n"
                      "The China (Beijing) Pilot Free Trade Zone was officially listed on September 24, 2020. On the "
                      "same day the municipal government held a press conference on the zone and announced its "
                      "layout for the first time.\n\nThe zone covers 119.68 square kilometres in three areas.\n",
        "other.txt": "Zones at three\nDate: 2023-08-22 Source: SCIO\n\n"
                     "This year marks the third anniversary of Beijing's two zones and of the free trade zone.\n"})
    assert "119.68 square kilometres" in assistant.ask("How big is the Beijing Pilot Free Trade Zone?").text


def test_a_reporters_question_answers_nothing_and_a_share_of_a_target_asks_what_was_reached(ingested):
    assistant = ingested({
        "briefing.txt": "Press conference on the two zones in the first half of 2023\n"
                        "Beijing Municipal Commerce Bureau\n17 August 2023\n\n"
                        "Liu Meiying: In the first half of the year, 7,035 projects were added. Of these, 4,430 "
                        "projects, or 63.0 percent, have been launched.\n\n"
                        "Reporter (Beijing Daily): How is foreign investment doing this year?\n\n"
                        "Liu Meiying: From January to June, foreign investment in actual use totalled 9.9 billion US "
                        "dollars, 60 percent of the target for the year.\n",
        "other.txt": "Zones at three\nDate: 2023-08-22 Source: SCIO\n\nNearly 98 percent of the 251 tasks have begun.\n"})
    question = "In the August 2023 press conference, what share of the annual target had foreign investment reached?"
    assert "60 percent of the target" in assistant.ask(question).text
    # The target is what the share is measured against, and the year names the press conference.
    assert time_asked(question) is None
    assert not other_period(question, "From January to June, foreign investment totalled 9.9 billion US dollars.")


def test_a_question_that_names_its_unit_is_answered_by_a_value_in_it(ingested):
    assistant = ingested({
        "shift.txt": "Beijing shifts its administration\nDate: 2015-12-01 Source: Xinhua\n\n"
                     "The new administrative centre in Tongzhou, about 40 minutes' drive from the city centre, will "
                     "draw about 400,000 residents.\n",
        "plan.txt": "Plan for the sub-centre\nDate: 2019-01-07 Source: Beijing Review\n\n"
                    "The sub-centre takes in the original Tongzhou New City, about 155 square kilometres.\n",
        "offices.txt": "Offices move\nDate: 2019-01-12 Source: China Daily\n\n"
                       "So far 35 municipal government departments, with about 120,000 staff, have moved their "
                       "offices to the sub-centre.\n",
        "projects.txt": "Projects speed up\nDate: 2017-05-10 Source: Visit Beijing\n\n"
                        "The plan for the six-square-kilometre administrative office area has been completed.\n"})
    # A distance may be told as a journey's time.
    assert "40 minutes' drive" in assistant.ask("How far is Tongzhou from the city centre by car?").text
    answer = assistant.ask("How large is the administrative office area of the sub-centre?")
    assert "six-square-kilometre" in answer.text and "120,000" not in answer.text


def test_how_many_is_answered_by_a_number_of_what_it_counts(ingested):
    assistant = ingested({
        "gems.txt": "Three cultural gems\nPublished: Jan 01, 2024 11:12 PM | Global Times\n\n"
                    "The three buildings opened together on December 27, 2023, after more than 1,400 days of "
                    "construction.\n",
        "works.txt": "Cultural buildings near completion\nXinhua, July 13, 2023\n\n"
                     "The three cultural buildings cover nearly 300,000 square metres.\n"})
    question = "How many days did it take to build the three cultural buildings?"
    assert "1,400 days" in assistant.ask(question).text
    asked = analyse(question)
    assert type_fit(Kind.NUMBER, "The buildings cover nearly 300,000 square metres.", asked) == 0.5
    assert type_fit(Kind.NUMBER, "They opened after more than 1,400 days of construction.", asked) == 1.0


def test_a_scoped_question_is_typed_by_what_follows_its_scope_and_a_leading_name_is_a_person(ingested):
    assert analyse("According to China Daily's report on the opening, who spoke at the ceremony?").kind is Kind.PERSON
    assert analyse("In the 2021 report, when did the zone open?").kind is Kind.DATE
    question = analyse("Who spoke at the opening ceremony?")
    assert type_fit(Kind.PERSON, "Yin Yong, mayor of Beijing, said at the opening ceremony that it was open.",
                    question) == 1.0
    assert type_fit(Kind.PERSON, "Building began in October 2019.", question) == 0.0


def test_a_year_in_an_events_name_and_a_deadline_already_passed_are_no_times_of_the_sentence(ingested):
    """"The venues of the 2022 Winter Olympics" dates the Games, not the 4,300 stations of 2019; "by
    the end of September 2021, … had been built" tells what was done, not what is to come."""
    assistant = ingested({
        "core.txt": "Beijing installs 5G base stations in its core areas\n\n"
                    "Beijing had delivered close to 6,000 5G base stations to the operators by the end of May. "
                    "Of these, 4,300 have been installed in core areas such as the venues of the 2022 Winter "
                    "Olympics.\n\nXinhua, June 11, 2019\n",
        "paper.txt": "Beijing to have 14,000 5G base stations\nDate: 2019-11-23 Source: Global Times\n\n"
                     "Beijing will have 14,000 5G base stations built by the end of the year.\n"})
    assert "4,300" in assistant.ask("How many 5G base stations were installed in Beijing's core areas in 2019?").text
    assert assistant.ask("How many 5G base stations did Beijing have at the end of 2022?").abstained
    assert When.FUTURE not in times("By the end of September 2021, 1.195 million stations had been built.", "2021-11-16")
    assert When.FUTURE in times("By 2021, these core areas will have 5G coverage.", "2019-06-11")


def test_a_document_called_by_its_publishers_initials_is_found(ingested):
    assistant = ingested({
        "opening.md": "---\ntitle: China opens new Beijing airport\ndate: 2019-09-25\npublisher: Associated Press\n---\n\n"
                      "# China opens new Beijing airport\n\nDaxing is designed to handle 72 million passengers a year.\n",
        "note.md": "---\ntitle: New airport capacity\ndate: 2019-08-12\npublisher: Groups3\n---\n\n"
                   "# New airport capacity\n\nThe new airport will have a capacity of 100 million passengers a year.\n"})
    answer = assistant.ask("According to the AP report, how many passengers a year is Daxing designed to handle?")
    assert "72 million" in answer.text and answer.citations[0].source == "opening.md"


def test_how_big_asks_for_an_area_before_a_sum_and_a_half_is_part_of_a_duration(ingested):
    assert type_fit(Kind.NUMBER, "The resort covers 4 square kilometres.", analyse("How big is the resort?")) == 1.0
    assert type_fit(Kind.NUMBER, "It represents an investment of 35 billion yuan.", analyse("How big is the resort?")) == 0.5
    asked = analyse("How long did the construction take?")
    assert type_fit(Kind.NUMBER, '"The construction took just two and a half years," he said.', asked) == 1.0


def test_which_site_reported_a_document_asks_for_its_publisher():
    from answer.metadata import asked_field
    assert asked_field("Which site reported the opening of the resort to the public?") == "publisher"


def test_a_month_of_the_documents_date_is_not_missing_and_a_rate_is_no_duration(ingested):
    """"opened in December 2024" is when the report of 16 December 2024 says "on Sunday"."""
    assistant = ingested({
        "lines.md": "---\ntitle: Beijing adds three subway lines\ndate: 2024-12-16\npublisher: China Daily\n---\n\n"
                    "# Beijing adds three subway lines\n\nWith three new subway lines opened on Sunday, Beijing's "
                    "urban rail network has grown to 879 kilometres.\n",
        "plan.txt": "Beijing opens four new subway lines\nThe China Times | 31 December 2012\n\n"
                    "From 2013 to 2015, Beijing will open at least one new subway line a year. By 2015 the city will "
                    "have 19 subway lines with a combined length of 561 km.\n"})
    answer = assistant.ask("How long is Beijing's urban rail network after the three lines opened in December 2024?")
    assert "879 kilometres" in answer.text
    how_long = asked_unit(analyse("How long was Beijing's subway network to be by 2015?"))
    assert how_long.fit("Beijing will open at least one new subway line a year.") == 0.0
    assert how_long.fit("Construction took a year.") == how_long.fit("It grew 41.8 kilometres a year.") == 1.0


def test_an_irregular_past_form_answers_its_present(ingested):
    """"The work began in August 2018" answers "When did construction begin?"; "its chairman"
    answers "Who chairs …?"."""
    assistant = ingested({
        "resort.txt": "Universal Beijing Resort finishes its main buildings\nDate: 2020-07-06 Source: CITS\n\n"
                      "The resort in Tongzhou has finished the main buildings of its first phase. The work began in "
                      "August 2018 and covers the theme park, hotels and other facilities.\n",
        "exchange.txt": "Veteran regulator to head the Beijing Stock Exchange\nDate: 2021-09-04 Source: SCMP\n\n"
                        "Xu Ming has been picked to head the new stock exchange as its chairman and legal "
                        "representative. The exchange was registered with a capital of 1 billion yuan.\n"})
    assert "August 2018" in assistant.ask("When did construction of the resort begin?").text
    assert "Xu Ming" in assistant.ask("Who chairs the Beijing Stock Exchange?").text


def test_a_note_named_by_its_file_and_undated_is_refused_its_date(ingested):
    """"When was the note on the capacity … published?" of capacity-note.txt, which carries no
    date: another document's date would be a guess, and the guess is not shown first either."""
    assistant = ingested({
        "capacity-note.txt": "Construction of the new Beijing airport\n\nThe construction of the new Beijing airport "
                             "has been completed. It will have a capacity of 100 million passengers a year, similar "
                             "to the current airport, with at most 300 aircraft movements an hour.\n",
        "targets.txt": "Beijing's new airport to handle 72 million passengers\nDate: 2019-01-05 Source: Xinhua\n\n"
                       "Beijing's new airport is expected to handle 72 million passengers a year by 2025.\n"})
    question = "When was the note on the capacity of the new Beijing airport published?"
    assert assistant.retriever.keyword_index().scope(question) == {"capacity-note.txt"}
    streamed = "".join(assistant.stream(question))
    answer = assistant.ask(question)
    assert answer.abstained and "2019" not in streamed
    # "It … similar to the current airport" is about the new airport of the sentence before.
    assert "300" in assistant.ask("How many aircraft movements an hour can the new airport handle?").text


def test_a_role_is_answered_where_a_name_stands_beside_it(ingested):
    """"said Kong Lei, deputy director of the bureau": the bureau is the one named before, and
    the name beside the role answers before a career sentence that holds the same words."""
    assistant = ingested({
        "paper.txt": "Beijing releases 5G white paper\nDate: 2019-11-23 Source: Global Times\n\n"
                     "The Beijing Municipal Bureau of Economy and Information Technology announced the figure in a "
                     "white paper on Friday. By October, operators had built more than 11,000 5G base stations.\n\n"
                     "Beijing will improve its 5G infrastructure, said Kong Lei, deputy director of the bureau.\n",
        "career.txt": "Veteran regulator to head the exchange\nDate: 2021-09-04 Source: SCMP\n\n"
                      "Xu Ming worked at the Shanghai Stock Exchange for seven years. He then ran an investor "
                      "service centre as its general manager, joined the NEEQ as general manager in October 2018, "
                      "and became its chairman in 2021.\n",
        "roadshow.txt": "Smaller businesses encouraged to list\nDate: 2023-11-10 Source: China Daily\n\n"
                        "Sui Qiang, general manager of the exchange, said at the Beijing Stock Exchange Roadshow "
                        "2023 on Wednesday that listings would remain its main task.\n"})
    assert "Kong Lei" in assistant.ask(
        "Who is the deputy director of the Beijing Municipal Bureau of Economy and Information Technology?").text
    assert "Sui Qiang" in assistant.ask("Who is the general manager of the Beijing Stock Exchange?").text


def test_a_table_row_is_read_under_its_header_and_a_list_item_under_its_lead(ingested):
    assistant = ingested({
        "limits.md": "# Beijing Stock Exchange starts trading\n\nXinhua | 2021-11-15\n\n"
                     "The exchange opened on Monday.\n\n"
                     "## How far a share may move in a day\n\n| Market | Daily price limit |\n|---|---|\n"
                     "| Shanghai and Shenzhen main boards | 10 percent |\n| STAR Market and ChiNext | 20 percent |\n"
                     "| Beijing Stock Exchange | 30 percent |\n",
        "session.md": "# The 46th session of the World Heritage Committee\n\nUNESCO Chair | 2024-09-10\n\n"
                      "At its 46th session the committee inscribed 26 new properties on the World Heritage List:\n\n"
                      "- 20 cultural properties;\n- 5 natural properties;\n- 1 mixed property.\n"})
    assert "20 percent" in assistant.ask("What is the daily price limit on the STAR Market and ChiNext?").text
    assert "20 cultural" in assistant.ask("How many of the new properties were cultural?").text


def test_now_is_the_documents_date_and_no_requirement_answers_how_much(ingested):
    assistant = ingested({
        "year.txt": "Beijing bourse runs smoothly one year on\nDate: 2022-11-17 Source: China Daily\n\n"
                    "Launched on Nov 15 last year, the exchange now has 123 listed companies.\n",
        "rules.txt": "Beijing Stock Exchange sets the bar for investors\nDate: 2021-09-18 Source: Xinhua\n\n"
                     "An individual investor needs securities assets worth at least 500,000 yuan. Institutional "
                     "investors face no requirement on their capital.\n"})
    assert "123" in assistant.ask("How many listed companies did the exchange have in November 2022?").text
    answer = assistant.ask("How much capital do institutional investors need to trade on the exchange?")
    assert "no requirement" in answer.text
    # A count of all listed companies is no count of foreign ones.
    assert assistant.ask("How many foreign companies are listed on the exchange?").abstained


def test_a_name_is_held_by_its_last_words_where_the_rest_stands_nearby(ingested):
    """"The Central Axis is 7.8 kilometres long" in a report on Beijing answers "How long is the
    Beijing Central Axis?"; "the three-year action plan" is the document whose text says so, not
    the one with "plan" in its title."""
    assistant = ingested({
        "progress.txt": "Beijing makes progress in its Central Axis bid\n"
                        "13 February 2022, Sunday — Shanghai Daily\n\n"
                        "Under a three-year action plan for the conservation of the Central Axis, work has gone "
                        "well. The plan sets out 48 tasks.\n\nThe Central Axis is 7.8 kilometres long.\n",
        "zones.md": "# Protection plan for the Central Axis sets out its heritage zone\n\n"
                    "> Released by the People's Government of Beijing Municipality on 3 February 2023\n\n"
                    "The heritage zone covers about 5.9 square kilometres.\n"})
    assert "7.8 kilometres" in assistant.ask("How long is the Beijing Central Axis?").text
    assert "48 tasks" in assistant.ask("How many tasks does the three-year action plan set out?").text
    documents = {d.source: d for d in assistant.documents()}
    assert documents["progress.txt"].publisher == "Shanghai Daily"
    assert (documents["zones.md"].date, documents["zones.md"].publisher) == (
        "2023-02-03", "the People's Government of Beijing Municipality")


def test_a_figure_of_a_year_is_asked_as_a_sum_and_not_dated_by_a_later_release(ingested):
    """"What was Beijing's GDP in 2024?" asks a sum, not its growth; a release of March 2025 on
    "Beijing's economy in 2024" gives no figure for 2025; a measure no passage names is refused."""
    assistant = ingested({
        "economy.md": "# Beijing's economy in 2024\n\nCCTV News — 27.03.2025\n\nThe city's GDP reached about 4.98 "
                      "trillion yuan, 5.2 percent more than the year before. GDP per person was 228,000 yuan.\n",
        "growth.txt": "Chinese capital's economy registers 5.2% growth in 2024\n\nBEIJING - The GDP of the Chinese "
                      "capital grew about 5.2 percent year on year in 2024, mayor Yin Yong said on Tuesday.\n\n"
                      "Last updated: 15 January 2025 · Xinhua\n",
        "bulletin.md": "# Seventy years of growth\n\nAt constant prices, the economy of 2023 was 857 times the size it "
                       "was in 1952.\n"})
    assert "4.98 trillion" in assistant.ask("What was Beijing's GDP in 2024?").text
    assert assistant.ask("What was Beijing's GDP in 2025?").abstained
    assert assistant.ask("What was Beijing's unemployment rate in 2024?").abstained
    assert "857 times" in assistant.ask("How many times larger was Beijing's economy in 2023 than in 1952?").text
    documents = {d.source: d for d in assistant.documents()}
    assert (documents["economy.md"].date, documents["economy.md"].publisher) == ("2025-03-27", "CCTV News")
    assert (documents["growth.txt"].date, documents["growth.txt"].publisher) == ("2025-01-15", "Xinhua")


def test_a_place_called_the_city_is_the_place_the_title_names(ingested):
    """"The city's GDP reached 4.03 trillion yuan in 2021" in a report titled on Beijing answers
    "What was Beijing's GDP in 2021?" before a table row that rounds the figure."""
    assistant = ingested({
        "population.txt": "Beijing's GDP in 2021\n\nDate: 2022-03-02\n\n"
                          "Beijing had 21.886 million permanent residents at the end of 2021.\n\nThe city's GDP "
                          "reached 4.03 trillion yuan in 2021, and its GDP per person was 184,000 yuan, the bureau "
                          "said.\n",
        "milestones.md": "# Beijing's GDP milestones\n\nDate: 2024-03-21\n\n| Year | Beijing's GDP first passed |\n"
                         "|---|---|\n| 2013 | 2 trillion yuan |\n| 2018 | 3 trillion yuan |\n| 2021 | 4 trillion yuan |\n"})
    answer = assistant.ask("What was Beijing's GDP in 2021?")
    assert "4.03 trillion" in answer.text
    assert cited(answer) == ["population.txt"]


def test_a_publisher_named_scopes_its_documents_and_a_dates_day_is_no_figure(ingested):
    """"According to Caixin, …" asks Caixin's release; "reported on 1 May 2020" names a date, not a
    figure "1" the evidence must hold; "the questions and answers" names a document by its kind."""
    assistant = ingested({
        "caixin.txt": "Caixin\nJan 06, 2020 05:59 AM\nENVIRONMENT\n\nIn Depth: Beijing's new answer to its trash\n\n"
                      "From this spring Beijing will make household waste sorting compulsory, a change that touches "
                      "some 21 million residents. The city's legislature published the new rules on Dec. 18.\n",
        "xinhua.txt": "Beijing makes garbage sorting mandatory\nSource: Xinhua | Published: 2020-04-30\n\nThe rules "
                      "will change the habits of 22 million residents, officials said.\n",
        "gt.txt": "Beijing starts stricter garbage sorting\nSource: Global Times | Published: 2020-05-01\n\nBeijing "
                  "began separating its garbage on Friday, as the new waste rules took effect.\n",
        "faq.md": "# Beijing's trash rules: your questions answered\n\n**Q: Which bin is which?**\nA: Blue for "
                  "recyclable waste and red for hazardous waste. The city published the new rules in December.\n\n"
                  "---\nLast reviewed 6 May 2020 | That's Beijing\n"})
    scoped = assistant.ask("According to Caixin, how many residents does the change touch?")
    assert "21 million" in scoped.text and cited(scoped) == ["caixin.txt"]
    assert "Global Times" in assistant.ask(
        "Which newspaper reported on 1 May 2020 that Beijing had begun separating its garbage?").text
    assert "That's Beijing" in assistant.ask("Who published the questions and answers on Beijing's trash rules?").text
    dated = assistant.ask("When did Caixin publish its in-depth report on Beijing's trash?")
    assert "2020-01-06" in dated.text and "Jan 06, 2020" in dated.citations[-1].text


def test_a_negative_verb_a_comparisons_base_month_and_an_earlier_value_are_read_as_meant(ingested):
    """"fails to sort" answers "for not sorting"; "up 470 percent on … late April" is a July
    figure; "84 percent now …, against only 7 percent in the past" answers "before …" with 7
    percent; "How many informal waste pickers work …?" counts pickers, whom no figure counts."""
    assistant = ingested({
        "rules.txt": "Beijing amends its waste rules\nDate: 2019-11-27\n\nAn individual who fails to sort garbage "
                     "and refuses to correct it can be fined from 50 yuan to 200 yuan.\n\nThe city produces nearly "
                     "26,000 tonnes of household waste a day.\n\nMost Chinese cities still rely on informal waste "
                     "pickers to take bottles out of bins.\n",
        "results.md": "# Garbage sorting yields results in Beijing\n\nDate: 2020-08-04\n\n| Daily amount in July 2020 | Tonnes | "
                      "Change |\n|---|---|---|\n| Kitchen waste | 1,764 | up 470 percent on the daily average of late "
                      "April |\n| Other waste | 19,960 | down 26 percent year on year |\n",
        "inspection.txt": "Communities cleaner since sorting became mandatory\nDate: 2020-11-27\n\nSome 84 percent "
                          "of the sorting facilities now meet the standard, against only 7 percent in the past, and "
                          "most bins have designated workers.\n"})
    assert "200 yuan" in assistant.ask("How much can an individual be fined for not sorting garbage?").text
    assert "1,764" in assistant.ask("How much kitchen waste did Beijing collect per day in July 2020?").text
    assert "7 percent" in assistant.ask(
        "What share of sorting facilities met the standard before sorting became mandatory?").text
    assert assistant.ask("How many informal waste pickers work in Beijing?").abstained


def test_names_with_years_tables_and_bylines_are_read_as_meant(ingested):
    """A word of a longer name ("Speed Skating") in one title does not confine the search to it;
    a table's header gives way to the row with the value; "the Beijing 2022 Organizing
    Committee" asks no year; "was … to be held" asks what was planned; a byline names the writer;
    "how many" is not answered without a number, nor "when was X born" by a figure X gave."""
    assistant = ingested({
        "plans.md": "# Beijing 2022 speed skating venue to open to the public\n\nDate: 2022-04-12\n\nThe National "
                    "Speed Skating Oval is to open to the public before May 1. Gao Tingyu won the men's 500 meters "
                    "in an Olympic record of 34.32 seconds.\n",
        "isu.txt": "Asia's center of excellence on ice\nSource: China Daily | Published: 2023-08-24\n\nThe National Speed "
                   "Skating Oval is busy all season: skaters share its 12,000-square-meter ice surface, the largest "
                   "in Asia.\n\nTotal R&D spending reached 2.44 trillion yuan last year, said Hu Zucai, a deputy "
                   "director.\n",
        "zone.md": "# The Ice Cube is ready\n\nBy Li Ming | CGTN | 30 November 2020\n\nThe Wukesong Ice Sports Center, "
                   "where ice hockey teams will train, was also completed. As a curling arena the Ice Cube seats "
                   "4,500.\n\n| Beijing competition zone | Venues |\n|---|---|\n| Total | 12 |\n",
        "bigair.txt": "Big Air Shougang to stay after the Games\nSource: Global Times | Published: 2021-11-13\n\nThe "
                      "Beijing 2022 Organizing Committee moved its headquarters into iron ore silos on the site in "
                      "2017.\n\nAn FIS Freestyle Ski and Snowboard World Cup will be held at the venue from December "
                      "10 to 14.\n"})
    assert "12,000" in assistant.ask("How large is the ice surface of the National Speed Skating Oval?").text
    assert "Total | 12" in assistant.ask("How many venues does the Beijing competition zone have in total?").text
    assert assistant.ask("How many seats does the Wukesong Ice Sports Center have?").abstained
    assert "2017" in assistant.ask(
        "When did the Beijing 2022 Organizing Committee move its headquarters to the Shougang site?").text
    assert "December 10 to 14" in assistant.ask(
        "When was the FIS Freestyle Ski and Snowboard World Cup at Big Air Shougang to be held in 2021?").text
    assert "Li Ming" in assistant.ask("Who wrote the report that the Ice Cube is ready?").text
    assert assistant.ask("When was Hu Zucai born?").abstained


def test_a_count_after_the_number_of_and_a_plural_before_its_verb_are_read(ingested):
    """"The number of shared electric bikes fell from more than 20,000 to about 1,000" counts
    electric bikes; "How many bikes may Qingju put …?" counts bikes, not "put"."""
    assistant = ingested({
        "regulate.txt": "Beijing to further regulate shared bikes\nDate: 2018-05-25\n\nAt the end of April, 10 "
                        "companies provided a total of 1.9 million bikes.\n\nThe number of shared electric bikes in "
                        "the city fell from more than 20,000 to about 1,000 by the end of April.\n",
        "cap.txt": "Shared bikes in Beijing used 690 million times in 2020\nDate: 2021-04-14\n\nThe 800,000 bikes "
                   "are split between three companies: Meituan with 400,000, Hellobike with 210,000 and Qingju with "
                   "190,000.\n"})
    assert "about 1,000" in assistant.ask(
        "How many shared electric bikes were left in Beijing by the end of April 2018?").text
    assert "190,000" in assistant.ask("How many bikes may Qingju put in the city center?").text


def test_water_releases_are_read_by_their_datelines_units_and_amounts(ingested):
    """A wire dateline is no part of the sentence it opens; "km" is "kilometers"; "how much
    water … received" asks an amount of water, not money, and "had brought … by the end of 2018"
    what was done by then; a table row's value counts its label; the deputy director is no
    director; "how deep" asks a length; "According to the Global Times," scopes its report; a
    pronoun subject is answered with the sentence that names it; "now" is not answered by a
    figure of nine years before; residents and people are counted alike; a question that
    retells a headline asks about that document."""
    assistant = ingested({
        "route.txt": "Diversion has sent Beijing 3.2 billion cubic meters\n\nBEIJING, March 22, 2018 (Xinhua) -- By "
                     "Thursday the middle route had carried more than 3.22 billion cubic meters of water to Beijing."
                     "\n\nWater supply companies took close to 2.2 billion cubic meters of it.\n",
        "reservoir.txt": "Water levels increase at Miyun Reservoir\n\nBEIJING, Nov. 20, 2017 -- On Sunday the water "
                         "held in Miyun Reservoir passed 2 billion cubic meters, up from 1.2 billion cubic meters in "
                         "July 2016.\n\nThe reservoir lies in Miyun District and serves more than 11 million people. "
                         "Built in 1960, it is the largest reservoir in Beijing.\n",
        "phase.md": "# Second phase of the water project\n\nDate: 2019-04-03\n\nThe second phase has built 200 km of "
                    "pipelines and seven waterworks.\n\n| Beijing in 2018 | Figure |\n|---|---|\n| Sites moved to "
                    "municipal water | 294 |\n| Residents newly on municipal water | 280,000 |\n\nBy the end of 2018 "
                    "the project had brought Beijing 4.2 billion cubic meters of water, said Yang Jinhuai, deputy "
                    "director of the Beijing Water Authority.\n",
        "benefits.txt": "Water diversion benefits 11 million in Beijing\nSource: Global Times | Published: 2017-08-02"
                        "\n\nBeijing's water plants received more than 1.7 billion cubic meters of the water.\n",
        "groundwater.txt": "Groundwater rises in Beijing\nDate: 2024-12-31\n\nThe groundwater depth in Beijing's "
                           "plains fell from 7.24 meters in 1980 to 25.75 meters in 2015.\n\nThe groundwater depth in "
                           "the plains has improved for nine years in a row, to 12.31 meters now.\n\nMore than 16 "
                           "million residents have benefited from the diverted water.\n"})
    held = assistant.ask("How much water did Miyun Reservoir hold in July 2016?")
    assert "1.2 billion" in held.text and "--" not in held.text
    assert "200 km" in assistant.ask("How many kilometers of pipelines has the second phase built?").text
    assert "280,000" in assistant.ask("How many residents were newly on municipal water in 2018?").text
    assert "4.2 billion" in assistant.ask("How much water had the project brought Beijing by the end of 2018?").text
    assert "cubic meters" in assistant.ask("How much water have Beijing's water plants received?").text
    assert "1.7 billion" in assistant.ask(
        "According to the Global Times, how much water did Beijing's water plants receive?").text
    assert "Miyun" in assistant.ask("Which is the largest reservoir in Beijing?").text
    assert "12.31" in assistant.ask("How deep is the groundwater in Beijing's plains now?").text
    assert "16 million" in assistant.ask("How many people have benefited from the diverted water?").text
    assert assistant.ask("Who is the director of the Beijing Water Authority?").abstained
    assert assistant.ask("How deep is Miyun Reservoir?").abstained
    assert "2018-03-22" in assistant.ask(
        "When did Xinhua report that diversion had sent Beijing 3.2 billion cubic meters?").text


def test_past_questions_unit_symbols_and_an_authority_are_read_as_meant():
    """A question in the past tense asks no target, a unit matches its symbol and its British
    spelling, "Authority" is no verb of publishing, "how deep" asks a figure and "the total cost"
    a sum of money."""
    from answer.metadata import asked_field
    from answer.when import asks_future_time
    from retrieval.text import terms

    assert not asks_future_time("How much water had the project brought Beijing by the end of 2018?")
    assert not asks_future_time("What share of the water went to waterworks by the end of 2018?")
    assert asks_future_time("How many stations will Beijing build by 2025?")
    assert terms("km") == terms("kilometers") == terms("kilometres") and terms("centre") == terms("center")
    assert asked_field("Who is the director of the Beijing Water Authority?") == ""
    assert analyse("How deep is the Danjiangkou Reservoir?").kind is Kind.NUMBER
    cost = analyse("What is the total cost of the South-to-North Water Diversion Project?")
    assert not asked_unit(cost).fit("5 billion cubic meters") and asked_unit(cost).fit("50 billion yuan")


def test_museum_releases_are_read_by_their_dates_clauses_and_roles(ingested):
    """"was … to go on show" asks what was planned; "today" is the document's year; "has grown
    from 30 percent in 2002 to 65 percent" is a figure of now; "how long" is answered in
    centimetres; a date set off by commas stays with its clause; "of July 2018" dates the report
    the question points at, not what it asks; a director is no deputy director; a count of what
    was done in words the documents never use is refused."""
    assistant = ingested({
        "expand.txt": "Palace Museum looking to expand\nDate: 2013-11-14\n\nOver the National Day holiday the "
                      "museum drew more than 710,000 visitors, and the busiest day, Oct 2, brought 175,000.\n\nBy "
                      "2020, 76 percent of the palace will be open to the public, against 45 percent today, said "
                      "Shan Jixiang, director of the Palace Museum.\n",
        "opens.txt": "The Forbidden City opens up\nDate: 2015-11-05\n\nThe share of the grounds open to the public "
                     "has grown from 30 percent in 2002 to 65 percent. The museum keeps 1.8 million relics.\n\nAlong "
                     "the River During the Qingming Festival is a painting 528 cm long.\n",
        "plans.md": "# The Palace Museum plans for 2020\n\nDate: 2019-03-06\n\nThe Qingming scroll goes on show in "
                    "September 2020.\n",
        "visitors.txt": "Palace Museum receives 100 million visitors\nSource: Xinhua | 2018-07-22\n\nThe museum "
                        "drew a record 16.7 million visitors in 2017.\n"})
    assert "September 2020" in assistant.ask(
        "When was the Qingming scroll to go on show in 2020?").text
    assert "45 percent" in assistant.ask("What share of the palace was open to the public in 2013?").text
    assert "65 percent" in assistant.ask("What share of the palace grounds is open to the public now?").text
    assert "528 cm" in assistant.ask("How long is Along the River During the Qingming Festival?").text
    assert "175,000" in assistant.ask("How many visitors came on the busiest day of the National Day holiday?").text
    assert "16.7 million" in assistant.ask(
        "According to the Xinhua report of July 2018, how many visitors did the museum have in 2017?").text
    assert assistant.ask("Who is the deputy director of the Palace Museum?").abstained
    assert assistant.ask("How many relics were stolen from the Palace Museum?").abstained


def test_marathon_reports_are_read_by_tense_plural_names_and_retold_headlines(ingested):
    """"take part" is told by "took part"; "Gold Label Road Races" by "a Gold Label Road Race";
    "the report that Kenyans swept …" is the report of that headline, and a short title that every
    question repeats ("About the Beijing Marathon") is no retold headline; a line that only repeats
    the question's words answers nothing."""
    assistant = ingested({
        "about.md": "# About the Beijing Marathon\n\nDate: 2020-06-01\nSource: Wikipedia\n\nBeijing Marathon\n\nThe "
                    "race is an IAAF Gold Label Road Race, one of three marathons in China with the distinction.\n",
        "record.md": "# Kenyans sweep the Beijing Marathon as Kisorio breaks the course record\n\nGlobal Times · "
                     "2019/11/3\n\nKenyans took all three places on the podium on Sunday.\n",
        "results.txt": "Kenyan runners win the 2023 Beijing Marathon\nDate: 2023-10-30\n\nSome 30,000 runners took "
                       "part in the 41st Beijing Marathon.\n"})
    assert "30,000" in assistant.ask("How many runners take part in the Beijing Marathon?").text
    assert "three" in assistant.ask("How many marathons in China are IAAF Gold Label Road Races?").text
    assert "Global Times" in assistant.ask("Who published the report that Kenyans swept the Beijing Marathon?").text
    assert not assistant.ask("Who is the title sponsor of the Beijing Marathon?").text.startswith("Beijing Marathon [")


def test_ageing_releases_are_read_by_a_days_year_a_count_of_them_a_tables_row_and_a_retold_headline(ingested):
    """"released on September 27" in a text of 2011 was released in 2011; "Beijing had 443,000 of
    them" counts the empty nests the sentence before names; "aged 65 or above" is asked of the
    table's row that holds 65, not of a sentence on those aged 60 whose document has a 65 elsewhere;
    "the report that Beijing would have 150,000 beds" is the report of that headline, though another
    title ends in "report"; a line of the one document of 2024 that holds none of the question's
    words answers nothing."""
    assistant = ingested({
        "report.txt": "Over 2.35 million Beijingers now aged 60 or more\n\n2011-09-29 09:41 | Editor: Zhang Lin\n\n"
                      "Beijing (CNS) -- By the end of 2010, 2.35 million people in the capital were over 60, says "
                      "the \"2010 Beijing Aged Population Statistics and Development Report\", which the Municipal "
                      "Committee on Aging released on September 27.\n\nThe report also counts the \"empty nests\", "
                      "households of old people only. Beijing had 443,000 of them in 2010, 18.8 percent of the aged "
                      "population.\n",
        "census.md": "---\ntitle: Census shows Beijing's population growing older\ndate: 2021-05-19\n---\n\n# Census "
                     "shows Beijing's population growing older\n\nBeijing has 4.299 million people aged 60 or above, "
                     "19.6 percent of its permanent residents.\n\n| Age group | People | Share |\n|---|---|---|\n"
                     "| 60 and above | 4.299 million | 19.6% |\n| 65 and above | 2.912 million | 13.3% |\n",
        "beds.txt": "Beijing to have 150,000 beds for seniors by 2020\nBy Hu Yongqi | chinadaily.com.cn | Updated: "
                    "2016-01-24 14:22\n\nLi Wanjun, director of the Beijing Bureau of Civil Affairs, said nursing "
                    "homes would work better for the elderly.\n",
        "moderate.md": "# Beijing enters moderately aging society: report\n\nDate: 2022-09-02\nSource: Ecns.cn\n\n"
                       "At the end of 2021, 4.416 million of the city's permanent residents were aged 60 or above.\n",
        "rural.md": "# Beijing to open 31 rural eldercare centers this year\n\nThis year Beijing will set up 31 "
                    "eldercare service centers in its rural areas.\n\n## Rural eldercare in Beijing\n\n"
                    "Institutions | 326\nStations | 674\nMutual-aid spots | 807\n\nchina.org.cn | October 11, 2024\n"})
    assert "Aged Population Statistics" in assistant.ask(
        "Which report did the Municipal Committee on Aging release on September 27, 2011?").text
    assert "443,000" in assistant.ask("How many empty-nest households did Beijing have in 2010?").text
    assert "2.912 million" in assistant.ask(
        "According to the census, how many people in Beijing are aged 65 or above?").text
    assert "chinadaily.com.cn" in assistant.ask(
        "Who published the report that Beijing would have 150,000 beds for seniors by 2020?").text
    assert "674" in assistant.ask("How many eldercare stations are there in Beijing's rural areas?").text
    assert assistant.ask("Who was director of the civil affairs bureau in 2024?").abstained


def test_charging_releases_show_the_newest_counts_and_read_a_partitive_an_energy_and_an_author(ingested):
    """Of more documents than are shown side by side, the newest are; "Of those piles, about 65,000"
    counts piles; "How much electricity …?" asks kilowatt-hours, not a count of piles; "Author:Zheng
    Xin" in the labelled line wrote the report."""
    assistant = ingested({
        "soho.md": "# Beijing Is Vigorously Developing New Energy Vehicles\n\nDate: 2017-08-09\n\nBy the end of "
                   "June 2017 about 92,300 charging piles had been built in Beijing.\n\nOf those piles, about "
                   "65,000, or about 75 percent, were built for private use.\n",
        "points.md": "# Over 112,000 charging points in Beijing\n\nDate: 2017-12-31\n\nBeijing has more than "
                     "112,000 charging piles for electric vehicles.\n",
        "more.md": "# Beijing to build 1,628 more public charging piles\n\nDate: 2018-09-12\n\nThe city now has "
                   "132,000 charging piles for new energy vehicles in all.\n",
        "clean-air.md": "# Beijing Has Over 200,000 Electric Vehicle Charging Piles\n\nDate: 2019-12-27\n\nBeijing "
                        "has built 200,900 charging piles for electric vehicles.\n",
        "wukesong.txt": "Capital leads the rest in building new facilities\nRelease Date:2020-06-03 17:22:59     "
                        "Source:China Daily     Author:Zheng Xin\n\nBeijing now has more than 205,100 charging "
                        "piles. In 2019 they gave electric vehicles about 1.20 billion kilowatt-hours.\n"})
    newest = assistant.ask("How many charging piles does Beijing have?").text
    assert "205,100" in newest and "200,900" in newest
    assert "65,000" in assistant.ask("According to the 2017 report on new energy vehicles, how many charging "
                                     "piles were built for private use?").text
    assert "1.20 billion kilowatt-hours" in assistant.ask(
        "How much electricity did Beijing's charging piles give electric vehicles in 2019?").text
    assert "Zheng Xin" in assistant.ask(
        "Who wrote the report that the capital leads the rest in building new facilities?").text


def test_renewal_releases_answer_after_a_texts_question_from_a_span_start_and_to_a_quotations_close(ingested):
    """'What counts as "old"?' in the text is no answer: what follows it is; "since 2012" starts a
    span the sentence of the figure need not name; a quotation that runs over two sentences is
    quoted to its close, where its speaker stands; a table's header row answers nothing."""
    assistant = ingested({
        "support.md": "# Urban renewal: how will old neighborhoods be revitalized?\n\nDate: 2025-06-12\n\n## Why "
                      "renovate?\n\nWhat counts as \"old\"? Under standards issued by several departments, a "
                      "residential community built before 2000 that is badly neglected is an old community.\n",
        "communities.txt": "Beijing completes renovation of 1,678 residential communities\n\n2018-04-16 09:22\n\n"
                           "The capital has finished renovating 1,678 old residential communities since the campaign "
                           "began in 2012, officials said on April 11.\n\nThe city has spent 34 billion yuan on the "
                           "old neighborhoods, strengthening their structures.\n",
        "qianmen.md": "# Renovations continue in old Beijing\n\nDate: 2019-09-29\n\nThe Qianmen area has a history of "
                      "more than six centuries.\n\n\"Whenever it rained, the hutongs filled with puddles. The narrow "
                      "lanes were crammed with coal sheds and old bikes,\" said Sun Zhenxi, a resident.\n\n"
                      "## Rulers\n\n| Ruler | Began | Title |\n|---|---|---|\n| Rollo | 911 | count |\n"
                      "| William | 1035 | duke |\n"})
    assert "built before 2000" in assistant.ask("Which residential communities count as old?").text
    assert "34 billion yuan" in assistant.ask(
        "How much has Beijing spent on renovating old neighborhoods since 2012?").text
    assert "Sun Zhenxi" in assistant.ask("Which resident said the hutongs filled with puddles whenever it rained?").text
    assert not assistant.ask("What title did the rulers hold?").text.startswith("| Ruler")


def test_parks_releases_read_a_target_title_next_year_an_area_a_count_without_its_noun_and_who_someone_is(ingested):
    """A title's year after the document's date is a target, and the date still dates its
    sentences; "by the end of next year", in 2007, is 2008; "how much land" asks an area; "there
    were only 42" counts what the sentence before counts; "how many visits" is answered by the
    sentence that counts visits, not by the count of parks beside the question's words; "Who is
    X?" by the sentence that writes X's name; a quotation whose speaker is "she" speaks of the
    person before it; "where" is answered by a sentence that names a place."""
    assistant = ingested({
        "more-parks.md": "# Beijing to See 800 More Parks by 2008\n\nBeijing is to build 800 parks, which would "
                         "bring the city's total to 960 by 2008, officials said.\n\nBeijing now has 160 parks, "
                         "more than any other city in the country. In the early 1980s there were only 42.\n\n"
                         "Statistics show that the city's major parks receive 110 million visitors a year.\n\n"
                         "(China Daily October 24, 2002)\n",
        "suburban.txt": "Beijing to Get 30 Suburban Parks\nUPDATED: July 13, 2007\n\nThe city authorities will "
                        "build 30 more suburban country parks by the end of next year.\n\nAnita Huang, a "
                        "30-year-old who loves the outdoors, welcomed the news. \"The more the better,\" she said, "
                        "adding that until now the only place she could go hiking was Fragrant Hill.\n\nThe country "
                        "parks are meant to bring people inside.\n\nCountry parks began in Hong Kong in the 1970s, "
                        "and Hong Kong has 23 of them.\n",
        "fifth-ring.md": "# Suburban parks give Beijing a green shield\n\nDate: 2012-12-19\n\nThere are now 81 parks "
                         "along the capital's Fifth Ring Road, covering 5,406 hectares, according to the bureau.\n\n"
                         "\"Because of the amount of work involved, the parks do not look as good as we expected, "
                         "building their facilities lags behind, and the range of tree species is limited,\" said Lan "
                         "Bincai, director of greenbelt construction with the bureau.\n\nThe parks have received 22.3 "
                         "million visits between them, but not all of them have streetlights, benches, toilets, litter "
                         "bins, canteens, fitness equipment or shelters from the weather.\n",
        "history.txt": "615 parks in Beijing receive 300 million visits per year\nChina.org.cn, July 26, 2019\n\n"
                       "Before the 1980s Beijing had few parks apart from historic sites such as the Summer Palace "
                       "and Yuyuantan Park.\n"})
    assert "110 million" in assistant.ask(
        "How many visitors did the major parks in Beijing receive a year in 2002?").text
    assert "30 more suburban" in assistant.ask(
        "How many suburban country parks was Beijing to build by the end of 2008?").text
    assert "5,406 hectares" in assistant.ask("How much land do the parks along the Fifth Ring Road occupy?").text
    assert "42" in assistant.ask("How many parks were there in Beijing in the early 1980s?").text
    assert "22.3 million" in assistant.ask(
        "How many visits have the suburban parks along the Fifth Ring Road received?").text
    assert "director of greenbelt construction" in assistant.ask("Who is Lan Bincai?").text
    assert "Fragrant Hill" in assistant.ask("Where could Anita Huang go hiking before?").text
    assert "Hong Kong" in assistant.ask("Where did country parks originate?").text


def test_great_wall_releases_read_a_count_past_an_ordinal_an_irregular_past_and_a_metre(ingested):
    """"The second phase" names the phases without counting them, and "The project has three
    phases" answers; "began at the end of 2017" says when the repair began (no "end" against
    "begin"); "a 750m-long section" is a length; "had been renovated by 2009" asks what was done
    then, not a target; "On what day …?" asks a date."""
    assistant = ingested({
        "huanghuacheng.md": "# Second phase of Huanghuacheng Great Wall repair begins\n\nDate: 2005-03-30\n\nOn Tuesday "
                            "Beijing began the second phase of a project to repair a 12.4-kilometer section of the Great "
                            "Wall in its suburbs.\n\nThe project has three phases.\n",
        "jiankou.md": "# Beijing repairs 'wild Great Wall'\n\nDate: 2020-04-08\n\nZhang Tong said the repair of the "
                      "Jiankou Great Wall began at the end of 2017, and repairs over 2,232 meters have been completed.\n",
        "wild.md": "# China's remote and dangerous Great Wall\n\nDate: 2024-10-31\n\nRestoration of the Jiankou section "
                   "began in 2015. Its first intensive phase worked on a 750m-long section.\n",
        "survey.md": "# Latest survey shows Beijing has 527 km of Great Wall\n\nDate: 2009-06-14\n\nOf the nearly 527 km "
                     "of Great Wall in the city, about 388 km have been renovated or rebuilt, according to figures "
                     "released on Saturday.\n",
        "badaling.md": "# Beijing Great Wall to limit daily visitors\n\nDate: 2019-05-29\n\nThe Badaling Great Wall "
                       "received more than 9.9 million visitors last year.\n",
        "summer.md": "# Badaling visitor limits\n\nDate: 2019-08-04\n\nBy the end of July the Badaling Great Wall had "
                     "received more than 2.23 million visitors this year.\n"})
    assert "three phases" in assistant.ask("How many phases does the Huanghuacheng repair project have?").text
    assert "end of 2017" in assistant.ask("When did the repair of the Jiankou Great Wall begin according to Zhang Tong?").text
    assert "750m" in assistant.ask("How long was the section worked on in the first intensive phase of the "
                                   "Jiankou restoration?").text
    assert time_asked("How many kilometers of the Great Wall had been renovated by 2009?") is When.PAST
    assert analyse("On what day did the repair of the eastern part start?").kind is Kind.DATE


def test_a_years_event_a_day_in_the_asked_month_and_a_full_date_of_the_documents_month_are_read_as_meant():
    """"the 2012 rainstorm" is not set against "the heaviest rainstorm" (a year is checked on its
    own); "on July 21, 2012" answers "in July 2012"; "by Tuesday morning, August 1, 2023" names the
    month of a report dated 1 August 2023, which need not write it."""
    from answer.swaps import swapped_word
    from answer.when import dated_months

    assert swapped_word("How many people were stranded by the 2012 rainstorm?",
                        "The heaviest rainstorm in six decades left 80,000 people stranded.") is None
    assert not other_period("How many people died in Beijing's July 2012 rainstorm?",
                            "The rain was far heavier than on July 21, 2012, when 79 people died.")
    assert other_period("How many people died in Beijing's July 2012 rainstorm?", "In 2012, 100 people died.")
    assert dated_months("What was the precipitation by Tuesday morning, August 1, 2023?", "2023-08-01") == {"august"}


def test_the_site_that_reported_is_the_documents_publisher_not_the_agency_its_text_names(ingested):
    """"Which site reported …?" is answered by the document's publisher, not by the agency its text
    says reported it; "Who reported …?" by the text that says who did."""
    assistant = ingested({
        "ice-ribbon.md": "# Ice Ribbon stadium opens to the public\n\nDate: 2022-07-11 Source: FrancsJeux\n\nThe "
                         "National Speed Skating Oval, known as the \"Ice Ribbon\", opened to the public for the first "
                         "time on Saturday, July 9, the Xinhua news agency reported.\n",
        "ice-cube.md": "# The Ice Cube is ready\n\nDate: 2021-11-20 Source: CGTN\n\nThe Ice Cube was the first Beijing "
                       "2022 venue to be ready.\n"})
    assert "FrancsJeux" in assistant.ask(
        "Which site reported in July 2022 that the Ice Ribbon had opened to the public?").text
    assert "Xinhua" in assistant.ask("Who reported that the Ice Ribbon had opened to the public?").text
