"""Incremental, crash-safe ingest against a real on-disk Chroma store."""
import threading

import pytest

from ingest import index as index_module
from ingest.index import IngestBusy
from store.catalog import Catalog
from store.vectors import key_of_uid
from tests.conftest import chroma_texts

DOC_A = ("Solar plan\n"
         "The city will build 40 solar farms by 2030.\n"
         "Each farm must supply the eastern grid first.\n")
DOC_B = ("Water plan\n"
         "The river authority will plant 12,000 willow trees along the banks.\n"
         "Fishing is banned in the northern reservoir during spring.\n")


@pytest.fixture
def make_assistant(make_assistant):
    """One chunk per line of these small documents (no joining of short paragraphs), so that
    counts of chunks count versions."""
    return lambda **overrides: make_assistant(**{"chunk_min_chars": 0, **overrides})


def texts_everywhere(assistant) -> list[str]:
    """Every chunk text in Chroma: what a dense query could ever return."""
    return chroma_texts(assistant)


def retrieved_texts(assistant, question: str) -> list[str]:
    hits, _, _ = assistant.retrieve(question, 10)
    return [h.row.text for h in hits]


def test_first_ingest_adds_every_document(make_assistant, tmp_path):
    (tmp_path / "corpus" / "a.txt").write_text(DOC_A)
    (tmp_path / "corpus" / "b.md").write_text(DOC_B)
    assistant = make_assistant()
    report = assistant.ingest()
    assert (len(report.added), len(report.updated), len(report.deleted), len(report.skipped)) == (2, 0, 0, 0)
    assert report.documents == 2
    assert report.chunks == 6


def test_chunks_carry_source_title_date_hash_and_offsets(make_assistant, tmp_path):
    text = "Solar plan\nPublished March 3, 2022\nThe city will build 40 solar farms by 2030.\n"
    (tmp_path / "corpus" / "a.txt").write_text(text)
    assistant = make_assistant()
    assistant.ingest()
    stored = assistant.retriever.vectorstore.get(include=["metadatas", "documents"])
    assert not any(stored["documents"]), "Chroma keeps vectors and keys; the catalog keeps the text"
    chunks = {(c.source, c.doc_hash, c.idx): c.text for c in assistant.catalog.active_chunks()}
    meta = next(m for m in stored["metadatas"] if "farms" in chunks[(m["source"], m["doc_hash"], m["idx"])])
    assert meta["source"] == "a.txt" and meta["title"] == "Solar plan" and meta["date"] == "2022-03-03"
    assert len(meta["doc_hash"]) == 64
    assert text[meta["start"]:meta["end"]] == chunks[(meta["source"], meta["doc_hash"], meta["idx"])]


def test_reingest_skips_unchanged_replaces_changed_and_removes_deleted(make_assistant, tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "a.txt").write_text(DOC_A)
    (corpus / "b.txt").write_text(DOC_B)
    (corpus / "c.txt").write_text("Roads plan\nThe ring road gets 3 new exits.\n")
    assistant = make_assistant()
    assistant.ingest()

    (corpus / "a.txt").write_text(DOC_A.replace("40 solar farms", "55 solar farms"))
    (corpus / "c.txt").unlink()
    report = assistant.ingest()

    assert report.updated == ["a.txt"] and report.deleted == ["c.txt"] and report.skipped == ["b.txt"]
    assert report.added == [] and report.documents == 2
    everything = " ".join(texts_everywhere(assistant))
    assert "55 solar farms" in everything
    assert "40 solar farms" not in everything
    assert "ring road" not in everything
    assert len(texts_everywhere(assistant)) == assistant.catalog.count_chunks() == 6
    assert "55" in farms_answer(assistant) and "40" not in farms_answer(assistant)


def test_reingest_removes_deleted_paragraph(make_assistant, tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "b.txt").write_text(DOC_B)
    assistant = make_assistant()
    assistant.ingest()
    (corpus / "b.txt").write_text(DOC_B.replace("Fishing is banned in the northern reservoir during spring.\n", ""))
    assistant.ingest()
    assert not any("Fishing" in t for t in retrieved_texts(assistant, "Is fishing banned in the reservoir?"))
    assert assistant.ask("Is fishing banned in the northern reservoir?").abstained


def test_unchanged_reingest_embeds_nothing(make_assistant, tmp_path, monkeypatch):
    (tmp_path / "corpus" / "a.txt").write_text(DOC_A)
    assistant = make_assistant()
    assistant.ingest()
    monkeypatch.setattr(type(assistant.embedder), "embed_documents",
                        lambda self, texts: pytest.fail("embedded again"))
    report = assistant.ingest()
    assert report.skipped == ["a.txt"] and report.chunks == 3


def test_bad_files_are_reported_and_the_rest_is_ingested(make_assistant, tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "a.txt").write_text(DOC_A)
    (corpus / "empty.txt").write_text("   \n")
    (corpus / "binary.txt").write_bytes(b"\x00\xff\x00\xfe" * 100)
    (corpus / "latin.txt").write_bytes("Café plan\nThe café district gets 7 new squares.\n".encode("cp1252"))
    report = make_assistant().ingest()
    assert sorted(report.added) == ["a.txt", "latin.txt"]
    assert set(report.failed) == {"empty.txt", "binary.txt"}
    assert "empty" in report.failed["empty.txt"] and "binary" in report.failed["binary.txt"]


def test_a_file_that_turns_unreadable_keeps_its_last_good_version(make_assistant, tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "a.txt").write_text(DOC_A)
    assistant = make_assistant()
    assistant.ingest()
    (corpus / "a.txt").write_text("")
    report = assistant.ingest()
    assert "a.txt" in report.failed and report.documents == 1
    assert "40" in farms_answer(assistant)


def ingested_then_edited(make_assistant, tmp_path):
    """An assistant with DOC_A ingested, whose file now says 55 farms instead of 40."""
    path = tmp_path / "corpus" / "a.txt"
    path.write_text(DOC_A)
    assistant = make_assistant()
    assistant.ingest()
    path.write_text(DOC_A.replace("40 solar farms", "55 solar farms"))
    return assistant


def farms_answer(assistant) -> str:
    return assistant.ask("How many solar farms will the city build?").text


def test_crash_before_publishing_keeps_the_old_version_and_next_run_repairs(make_assistant, tmp_path, monkeypatch):
    assistant = ingested_then_edited(make_assistant, tmp_path)

    def crash(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(Catalog, "publish", crash)
    with pytest.raises(RuntimeError):
        assistant.ingest()
    assert any("55 solar" in t for t in texts_everywhere(assistant)), "new chunks were written before the crash"
    assert "40" in farms_answer(assistant) and "55" not in farms_answer(assistant)

    monkeypatch.undo()
    report = assistant.ingest()
    assert report.updated == ["a.txt"]
    assert len(texts_everywhere(assistant)) == assistant.catalog.count_chunks() == 3
    assert "55" in farms_answer(assistant)


def test_crash_after_publishing_answers_from_the_new_version_and_next_run_cleans(make_assistant, tmp_path,
                                                                                  monkeypatch):
    assistant = ingested_then_edited(make_assistant, tmp_path)

    def crash(self, sources):
        if sources:
            raise RuntimeError("killed while cleaning")

    monkeypatch.setattr(index_module.Indexer, "_purge", crash)
    with pytest.raises(RuntimeError):
        assistant.ingest()
    assert len(texts_everywhere(assistant)) == 6, "both versions are on disk"
    assert "55" in farms_answer(assistant) and "40" not in farms_answer(assistant)

    monkeypatch.undo()
    report = assistant.ingest()
    assert report.skipped == ["a.txt"]
    assert len(texts_everywhere(assistant)) == assistant.catalog.count_chunks() == 3


def test_a_second_ingest_at_the_same_time_is_refused_clearly(make_assistant, tmp_path, held_ingest):
    (tmp_path / "corpus" / "a.txt").write_text(DOC_A)
    assistant = make_assistant()
    entered, release = held_ingest
    worker = threading.Thread(target=assistant.ingest)
    worker.start()
    try:
        assert entered.wait(30)
        with pytest.raises(IngestBusy, match="another ingest is running"):
            assistant.ingest()
    finally:
        release.set()
        worker.join(60)
    assert assistant.catalog.count_chunks() == 3


def test_a_changed_document_embeds_only_its_new_sentences(make_assistant, tmp_path, request):
    path = tmp_path / "corpus" / "a.txt"
    path.write_text(DOC_A)
    assistant = make_assistant()
    assistant.ingest()
    embedded = request.getfixturevalue("embedded_texts")
    path.write_text(DOC_A.replace("40 solar farms", "55 solar farms"))
    assert assistant.ingest().updated == ["a.txt"]
    assert embedded == ["The city will build 55 solar farms by 2030."]


def test_ingest_embeds_each_distinct_sentence_once_and_no_chunk_whole(make_assistant, tmp_path, embedded_texts):
    (tmp_path / "corpus" / "a.txt").write_text(DOC_A)
    (tmp_path / "corpus" / "b.txt").write_text(DOC_B + "Each farm must supply the eastern grid first.\n")
    assistant = make_assistant()
    embedded = embedded_texts
    assistant.ingest()
    sentences = {line for doc in (DOC_A, DOC_B) for line in doc.splitlines()}
    assert sorted(embedded) == sorted(sentences)


def test_a_store_with_ids_of_an_older_release_is_rebuilt_once_without_embedding(make_assistant, tmp_path,
                                                                                 embedded_texts):
    (tmp_path / "corpus" / "a.txt").write_text(DOC_A)
    assistant = make_assistant()
    assistant.ingest()
    collection = assistant.retriever.vectorstore._collection
    found = collection.get(include=["embeddings", "metadatas"])
    collection.delete(ids=found["ids"])
    collection.upsert(ids=[f"{i:064x}" for i in range(len(found["ids"]))], embeddings=found["embeddings"],
                      metadatas=found["metadatas"])
    embedded_texts.clear()
    assistant.ingest()
    ids = assistant.retriever.vectorstore._collection.get(include=[])["ids"]
    assert len(ids) == len(found["ids"]) and all(key_of_uid(i) for i in ids)
    assert embedded_texts == []
    assert "40 solar farms" in assistant.ask("How many solar farms will the city build?").text


def test_a_document_with_a_sidecar_is_skipped_when_unchanged_and_updated_when_the_sidecar_changes(
        make_assistant, tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "a.txt").write_text(DOC_A)
    (corpus / "a.meta.yaml").write_text("publisher: Energy Office\n")
    assistant = make_assistant()
    assert assistant.ingest().added == ["a.txt"]
    assert assistant.ingest().skipped == ["a.txt"]
    (corpus / "a.meta.yaml").write_text("publisher: Energy Bureau\n")
    assert assistant.ingest().updated == ["a.txt"]
    assert assistant.documents()[0].publisher == "Energy Bureau"
