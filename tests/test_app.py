"""The chat app through Streamlit's AppTest: first start, cited answers, history, re-ingest."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import GUIDELINE, ROOT, guideline_corpus


@pytest.fixture(scope="module")
def app_env(tmp_path_factory):
    root = tmp_path_factory.mktemp("app")
    corpus = guideline_corpus(root)
    mp = pytest.MonkeyPatch()
    mp.setenv("GUIDE_CORPUS", str(corpus))
    mp.setenv("GUIDE_STORE", str(root / "store"))
    yield corpus
    mp.undo()


def start() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.run()
    assert not at.exception, at.exception
    return at


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception, at.exception
    return at


def reingest_button(at: AppTest):
    return next(b for b in at.sidebar.button if b.label == "Re-ingest corpus")


def last_answer(at: AppTest):
    return at.chat_message[-1]


def test_first_start_ingests_the_corpus_and_lists_it(app_env):
    at = start()
    assert any("Ingest finished" in s.label and "1 added" in s.label for s in at.status)
    assert "Capital to become international sci\\-tech hub" in at.sidebar.markdown[0].value
    details = at.sidebar.caption[0].value
    assert "20 chunks" in details and "ingested" in details and "dated 2021\\-12\\-24" in details
    assert "China Daily" in details and GUIDELINE.name.replace("-", "\\-") in details
    assert "sha256" in details


def test_question_gets_a_cited_answer_with_the_passage_highlighted(app_env):
    at = ask(start(), "How many invention patents per 10,000 people?")
    message = last_answer(at)
    assert message.name == "assistant"
    text = message.markdown[0].value
    assert "144" in text and "\\[1\\]" in text
    labels = [e.label for e in message.expander]
    assert labels and labels[0].startswith(f"[1] {GUIDELINE.name}") and "characters" in labels[0]
    html = message.expander[0].get("html")[0].proto.body
    assert "<mark>" in html and "144 invention patents per 10,000 people" in html


def test_history_stays_and_refusals_have_no_citations(app_env):
    at = ask(start(), "What are the two zones?")
    at = ask(at, "Population of Shanghai?")
    names = [m.name for m in at.chat_message]
    assert names == ["user", "assistant", "user", "assistant"]
    assert "Free Trade Zone" in at.chat_message[1].markdown[0].value
    refusal = last_answer(at)
    assert "do not say" in refusal.markdown[0].value and "the guideline" in refusal.markdown[0].value
    assert len(refusal.expander) == 0


def test_markup_in_a_question_is_shown_as_text(app_env):
    at = ask(start(), "<script>alert('x')</script> what are the two zones?")
    shown = at.chat_message[0].markdown[0].value
    assert "<script>" not in shown and "\\<script\\>" in shown


def test_reingest_button_picks_up_a_changed_document(app_env):
    at = start()
    path = app_env / GUIDELINE.name
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(original.replace("144 invention patents", "150 invention patents"), encoding="utf-8")
        reingest_button(at).click().run()
        assert not at.exception
        assert any("1 updated" in c.value for c in at.sidebar.caption)
        at = ask(at, "How many invention patents per 10,000 people?")
        assert "150" in last_answer(at).markdown[0].value
    finally:
        path.write_text(original, encoding="utf-8")


def test_uploading_a_document_adds_it_and_answers_from_it(app_env):
    at = start()
    text = b"Harbour plan\nThe harbour gets 7 new cranes in 2026.\n"
    at.sidebar.file_uploader[0].set_value(("../../harbour.txt", text, "text/plain")).run()
    assert not at.exception, at.exception
    try:
        assert (app_env / "harbour.txt").read_bytes() == text
        assert not (app_env.parent / "harbour.txt").exists()
        at = ask(at, "How many new cranes does the harbour get?")
        assert "7 new cranes" in last_answer(at).markdown[0].value
    finally:
        (app_env / "harbour.txt").unlink(missing_ok=True)
        reingest_button(start()).click().run()


def test_a_session_opening_during_another_sessions_first_ingest_waits_for_it(app_env, tmp_path, monkeypatch,
                                                                              held_ingest):
    import threading

    from ui import get_assistant

    monkeypatch.setenv("GUIDE_STORE", str(tmp_path / "fresh-store"))
    shared = get_assistant()
    assert shared is get_assistant(), "one assistant per process and store"
    entered, release = held_ingest
    other_session = threading.Thread(target=shared.ingest)
    other_session.start()
    assert entered.wait(60)
    threading.Timer(2.0, release.set).start()
    at = start()
    assert [s.label for s in at.status] == ["The corpus is ingested"]
    at = ask(at, "How many invention patents per 10,000 people?")
    other_session.join(120)
    assert "144" in last_answer(at).markdown[0].value


def test_a_follow_up_is_answered_from_the_conversation_and_shows_how_it_was_read(app_env):
    at = start()
    at = ask(ask(at, "How much will Beijing spend on R&D by 2025?"), "and what is it now?")
    message = last_answer(at)
    assert "now instead of by 2025" in message.caption[0].value
    assert "6.3 percent" in message.markdown[0].value
    at = ask(at, "And the patents?")
    assert "144 invention patents" in last_answer(at).markdown[0].value
    at.sidebar.toggle[0].set_value(False).run()
    assert not any("follow-up" in c.value for c in last_answer(at).caption)


def test_llamacpp_backend_streams_a_verified_answer(app_env):
    pytest.importorskip("llama_cpp")
    at = start()
    at.sidebar.selectbox[0].set_value("llamacpp").run()
    at = ask(at, "What share of the city's GDP does R&D expenditure account for?")
    message = last_answer(at)
    shown = " ".join(m.value for m in message.markdown)
    assert "6.3" in shown and "\\[1\\]" in shown
    assert any("Verified" in c.value for c in message.caption)


def test_list_question_in_the_chat_is_answered_from_the_tables_with_every_item_cited(app_env):
    at = ask(start(), "list all the zones")
    message = last_answer(at)
    text = message.markdown[0].value
    for name in ("Zhongguancun Science City", "Huairou Science City", "Future Science Park",
                 "Pilot Free Trade Zone", "Beijing\\-Tianjin\\-Hebei region"):
        assert name in text
    assert len(message.expander) == 2
    assert all("<mark>" in e.get("html")[0].proto.body for e in message.expander)


def test_a_backend_that_is_not_installed_says_how_to_install_it(app_env, monkeypatch):
    import answer.llm

    monkeypatch.setitem(answer.llm.PACKAGES, "ollama", "no_such_package_for_this_test")
    at = start()
    at.sidebar.selectbox[0].set_value("ollama").run()
    assert not at.exception, at.exception
    hint = " ".join(c.value for c in at.sidebar.caption)
    assert "ollama is not installed" in hint and "requirements\\-llm.txt" in hint
