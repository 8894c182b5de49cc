"""Hybrid retrieval: both rankers contribute, and the keyword index is built once per version."""
import pytest
from langchain_core.documents import Document

from retrieval.hybrid import reciprocal_rank_fusion
from retrieval.text import terms
from store.vectors import chunk_uid, key_of_uid


def test_reciprocal_rank_fusion_rewards_agreement():
    fused = reciprocal_rank_fusion([(["a", "b", "c"], 1.0), (["b", "c", "a"], 1.0)], k=60)
    assert max(fused, key=fused.get) == "b"
    assert set(fused) == {"a", "b", "c"}


def test_terms_keep_numbers_whole_and_stem_words():
    assert terms("The 10,000 people's R&D spending in 2025") == ("10000", "peopl", "r&d", "spend", "2025")


def test_exact_rare_term_finds_its_paragraph(assistant):
    hits, _, _ = assistant.retrieve("blockchain", 4)
    assert "blockchain" in hits[0].row.text


def test_paraphrase_finds_its_paragraph(assistant):
    hits, _, _ = assistant.retrieve("money spent on research compared with the economy", 4)
    assert any("R&D expenditure" in h.row.text for h in hits)


def test_keyword_index_is_reused_across_queries_and_rebuilt_after_an_ingest(make_assistant, tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "a.txt").write_text("Parks plan\nThe city opens 9 parks.\n")
    assistant = make_assistant()
    assistant.ingest()
    first = assistant.retriever.keyword_index()
    assistant.ask("How many parks open?")
    assert assistant.retriever.keyword_index() is first
    (corpus / "b.txt").write_text("Bridges plan\nThe river gets 4 bridges.\n")
    assistant.ingest()
    assert assistant.retriever.keyword_index() is not first
    assert "4" in assistant.ask("How many bridges does the river get?").text


def test_a_search_reads_chunk_keys_from_ids_and_from_metadata_for_older_stores(make_assistant, tmp_path):
    (tmp_path / "corpus" / "a.txt").write_text("Parks plan\nThe city opens 9 parks.\n")
    assistant = make_assistant()
    assistant.ingest()
    store = assistant.retriever.vectorstore
    vector = assistant.embedder.embed_query("parks")
    (new,) = store.nearest_keys(vector, 1)
    assert new[0] == "a.txt" and key_of_uid(chunk_uid(Document("x", metadata={
        "source": "a.txt", "doc_hash": new[1], "idx": new[2]}))) == new
    store._collection.upsert(ids=["0f" * 32], embeddings=[vector],
                             metadatas=[{"source": "old.txt", "doc_hash": "abc", "idx": 3}])
    assert store.nearest_keys(vector, 2)[0] == ("old.txt", "abc", 3)


def test_a_running_assistant_quotes_the_version_another_process_published(make_assistant, tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "a.txt").write_text("Parks plan\nThe city opens 9 parks.\n")
    serving = make_assistant()
    serving.ingest()
    assert "9 parks" in serving.ask("How many parks does the city open?").text
    (corpus / "a.txt").write_text("Parks plan\nThe city opens 12 parks.\n")
    make_assistant().ingest()
    answer = serving.ask("How many parks does the city open?")
    assert "12 parks" in answer.text and "9 parks" not in answer.citations[0].text


def test_the_tail_of_a_hyphenated_title_names_no_document(ingested):
    assistant = ingested({
        "megatron.md": "# Megatron-LM: Training Multi-Billion Parameter Language Models\n\n"
                       "We train a large LM with model parallelism on 512 GPUs.\n",
        "bert.md": "# BERT: Pre-training of Deep Bidirectional Transformers\n\nA masked LM hides some input tokens "
                   "at random during pre-training, and the model predicts the hidden tokens from both sides.\n",
        "llama.md": "# LLaMA: Open Foundation Language Models\n\nLLaMA is trained on public data only.\n"})
    keyword = assistant.retriever.keyword_index()
    assert keyword.titled("How does a masked LM work in pre-training?") == set()
    assert keyword.titled("How many GPUs does Megatron-LM use?") == {"megatron.md"}
    answer = assistant.ask("How does a masked LM work in pre-training?")
    assert answer.citations[0].source == "bert.md" and "hides some input tokens" in answer.text


def test_a_reference_list_comes_after_the_passages_unless_the_question_asks_what_is_cited(ingested):
    assistant = ingested({"rivers.md": (
        "# River study\n\n## Method\n\nFloating sensors record the water's warmth every hour along the river.\n\n"
        "## References\n\nSmith, J. 2019. Measuring river temperature with sensors. Journal of Rivers 4.\n\n"
        "Lee, K. 2020. River temperature sensors at scale. Hydrology Letters 9.\n")})
    hits, _, _ = assistant.retrieve("How is river temperature measured with sensors?", 4)
    assert hits[0].row.section == "Method"
    cited, _, _ = assistant.retrieve("Which works on river temperature sensors are cited?", 4)
    assert cited[0].row.section == "References"


def test_the_years_a_text_speaks_of_leave_out_comparison_bases_and_period_ends():
    from retrieval.text import years_spoken_of
    assert years_spoken_of("China spent 3.09 trillion yuan in 2022, 10.4 percent more than in 2021") == {"2022"}
    assert years_spoken_of("during the 14th Five-Year Plan period (2021-25)") == set()
    assert years_spoken_of("By 2025, the share should reach 6 percent") == {"2025"}


def test_a_name_names_a_document_only_where_it_mostly_lives(ingested):
    assistant = ingested({
        "firms.txt": "Firms spread into Tianjin\nDate: 2021-03-19 Source: Daily\n"
                     "Zhongguancun firms opened 3,969 branches in Tianjin.\n",
        "forum.txt": "Forum shows regional results\nDate: 2025-03-28 Source: Portal\nContracts from Beijing to "
                     "Tianjin were worth 84 billion yuan in 2024. Tianjin and Beijing firms signed more of them "
                     "in Tianjin.\n",
        "index.txt": "Innovation index rises\nDate: 2025-01-06 Source: Portal\n"
                     "The Tianjin index grew by 11.5 percent a year.\n",
        "parks.txt": "Science parks grow\nDate: 2022-09-14 Source: Daily\nThe parks cover 170 square kilometers.\n",
        "labs.txt": "Laboratories open\nDate: 2021-06-18 Source: Daily\nA national laboratory is in operation.\n"})
    question = "What were contracts from Beijing to Tianjin worth in 2024?"
    assert assistant.retriever.keyword_index().titled(question) == set()
    answer = assistant.ask(question)
    assert "84 billion yuan" in answer.text and answer.citations[0].source == "forum.txt"


def test_a_document_is_found_by_what_the_question_says_it_is_about(ingested):
    keyword = ingested({
        "a.txt": "Zhongguancun firms spread into Tianjin and Hebei\nDate: 2021-03-19 Source: Daily\n"
                 "The firms set up 4,847 subsidiaries.\n",
        "b.txt": "Hydrogen projects start in Beijing\nDate: 2021-06-18 Source: Daily\n"
                 "The firms set up 12 subsidiaries.\n",
    }).retriever.keyword_index()
    assert keyword.referenced("According to the report on Zhongguancun firms in Hebei, how many?") == {"a.txt"}
    assert keyword.referenced("In the report on the hydrogen projects, how many?") == {"b.txt"}


def test_an_acronym_one_document_defines_finds_the_documents_that_write_it_out(ingested):
    assistant = ingested({
        "approval.txt": "Light source approved\nDate: 2019-01-11 Source: Academy\n"
                        "The commission approved the High Energy Photon Source (HEPS) in December.\n",
        "trial.txt": "Light source set for a trial run\nDate: 2025-07-24 Source: Agency\n"
                     "The High Energy Photon Source is directed by Pan Weimin, who said the trial run starts soon.\n",
        "labs.txt": "Laboratories open\nDate: 2021-06-18 Source: Daily\nA national laboratory is in operation.\n"})
    keyword = assistant.retriever.keyword_index()
    assert keyword.spelled("hep") == ("high", "energi", "photon", "sourc")
    scores = keyword.scores("Who directs HEPS?")
    assert scores[[r.source for r in keyword.rows].index("trial.txt")] > 0


def test_a_span_since_a_year_runs_to_the_texts_date_and_a_base_year_is_only_compared():
    from retrieval.text import years_not_spoken_of, years_spoken_of
    assert years_spoken_of("Since the State Council approved the zones in September 2020, the city drew 1,100 "
                           "projects") == set()
    assert years_not_spoken_of("In 2022, 5,794 projects were registered, 61.7 percent more than in 2021.") == {"2021"}
    assert years_not_spoken_of("The figure rose from 40 in 2021 to 52 in 2022, more than in 2021.") == set()


@pytest.mark.parametrize("sentence, earlier, expected", [
    ("The zone covers 119.68 square kilometres.",
     ["The China (Beijing) Pilot Free Trade Zone was listed on September 24.", "On the same day a press "
      "conference on the zone announced its layout."], 0),
    ("It lists 89 tasks.", ["The Belt and Road plan was issued.", "The plan is long."], 1),
    ("The treaty offered Rollo land.", ["Rollo met Charles at Saint-Clair-sur-Epte."], None),
])
def test_a_sentence_that_refers_back_speaks_of_the_sentence_naming_what_it_describes(sentence, earlier, expected):
    from retrieval.text import antecedent
    assert antecedent(sentence, earlier, repeated=False) == expected


def test_a_year_in_an_events_name_is_no_year_the_text_speaks_of():
    from retrieval.text import years_not_spoken_of, years_spoken_of
    sentence = "Of these, 4,300 have been installed at the venues of the 2022 Winter Olympics."
    assert years_spoken_of(sentence) == set() and years_not_spoken_of(sentence) == {"2022"}
    assert years_spoken_of("In 2022 Beijing had 8,000 stations.") == {"2022"}
