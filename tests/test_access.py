"""Readers ask; editors change the collection. With an editor password hash configured, editing
controls appear only after an editor signs in, the editing actions refuse anyone else whatever
the page shows, wrong passwords wait longer each time, and feedback keeps who gave it."""
from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from access import Gate, NotAllowed, Role, Visitor, hash_password, new_visitor, password_matches
from access import editing
from settings import load_settings
from store.feedback import Feedback, FeedbackStore
from tests.conftest import GUIDELINE, ROOT, guideline_corpus

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def password_hash() -> str:
    return hash_password(PASSWORD)


def test_the_hash_command_prints_a_setting_line_and_never_the_password():
    made = subprocess.run([sys.executable, "-m", "access", "hash", "--stdin"], input=PASSWORD + "\n",
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert made.returncode == 0 and PASSWORD not in made.stdout + made.stderr
    line = made.stdout.strip()
    assert line.startswith("GUIDE_EDITOR_PASSWORD_HASH='$2") and line.endswith("'")
    assert password_matches(PASSWORD, line.split("'")[1]) and not password_matches("wrong", line.split("'")[1])
    empty = subprocess.run([sys.executable, "-m", "access", "hash", "--stdin"], input="\n",
                           capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert empty.returncode == 2 and empty.stderr.strip() == "error: the password is empty"
    with pytest.raises(ValueError, match="longer than 72 bytes"):
        hash_password("x" * 73)


def test_without_a_credential_everyone_is_an_editor_and_with_one_a_reader(password_hash):
    assert new_visitor(load_settings()).role is Role.EDITOR
    assert new_visitor(load_settings(editor_password_hash=password_hash)).role is Role.READER


def test_a_wrong_password_is_refused_after_a_delay_that_doubles_with_each_failure(password_hash):
    waited: list[float] = []
    gate, settings = Gate(sleep=waited.append), load_settings(editor_password_hash=password_hash)
    reader = Visitor(Role.READER)
    assert [gate.sign_in(reader, "guess", settings) for _ in range(4)] == [False] * 4
    assert waited == [0, 1, 2, 4] and reader.role is Role.READER
    assert gate.sign_in(reader, PASSWORD, settings) and reader.role is Role.EDITOR
    assert waited[-1] == 8 and gate.delay() == 0
    gate.sign_out(reader, settings)
    assert reader.role is Role.READER


def test_the_editing_actions_refuse_a_reader_and_change_nothing(make_assistant, tmp_path):
    shutil.copy(GUIDELINE, tmp_path / "corpus" / GUIDELINE.name)
    assistant = make_assistant()
    reader = Visitor(Role.READER)
    feedback = FeedbackStore(tmp_path / "feedback.sqlite")
    kept = feedback.add(Feedback("q", "a", False, True))
    attempts = [lambda: editing.add_document(reader, assistant, "forged.txt", b"The guideline was withdrawn."),
                lambda: editing.remove_document(reader, assistant, GUIDELINE.name),
                lambda: editing.reingest(reader, assistant),
                lambda: editing.export_feedback(reader, feedback),
                lambda: editing.remove_feedback(reader, feedback, kept)]
    for attempt in attempts:
        with pytest.raises(NotAllowed):
            attempt()
    assert sorted(p.name for p in (tmp_path / "corpus").iterdir()) == [GUIDELINE.name]
    assert not assistant.documents() and [f.id for f in feedback.all()] == [kept]


def test_an_editor_removes_a_document_without_losing_the_file(make_assistant, tmp_path):
    shutil.copy(GUIDELINE, tmp_path / "corpus" / GUIDELINE.name)
    (tmp_path / "corpus" / "note.txt").write_text("Riverton plans 12 new parks by 2030.\n")
    assistant, editor = make_assistant(), Visitor(Role.EDITOR)
    editing.reingest(editor, assistant)
    kept = editing.remove_document(editor, assistant, "note.txt")
    report = editing.reingest(editor, assistant)
    assert report.deleted == ["note.txt"] and [d.source for d in assistant.documents()] == [GUIDELINE.name]
    assert kept.read_text() == "Riverton plans 12 new parks by 2030.\n"
    with pytest.raises(FileNotFoundError):
        editing.remove_document(editor, assistant, "../outside.txt")


def test_feedback_keeps_who_gave_it_and_an_editor_removes_abuse(tmp_path):
    path = tmp_path / "feedback.sqlite"
    with sqlite3.connect(path) as db:  # a database made before feedback kept its author
        db.execute("CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, question TEXT "
                   "NOT NULL, answer TEXT NOT NULL, abstained INTEGER NOT NULL, helpful INTEGER NOT NULL, "
                   "correction TEXT NOT NULL DEFAULT '', unanswerable INTEGER NOT NULL DEFAULT 0, "
                   "cited TEXT NOT NULL DEFAULT '[]')")
        db.execute("INSERT INTO feedback (at, question, answer, abstained, helpful) VALUES ('t', 'old', 'a', 0, 1)")
    store, reader = FeedbackStore(path), Visitor(Role.READER)
    abuse = store.add(Feedback("What is the R&D target?", "6 percent", False, False, correction="spam spam",
                               who=reader.who))
    assert [(f.question, f.who) for f in store.all()] == [("old", ""), ("What is the R&D target?", reader.who)]
    editor = Visitor(Role.EDITOR)
    assert editing.remove_feedback(editor, store, abuse) and [f.question for f in store.all()] == ["old"]
    assert yaml.safe_load(editing.export_feedback(editor, store))[0]["question"] == "old"


@pytest.fixture
def locked_app(tmp_path, monkeypatch, password_hash):
    monkeypatch.setenv("GUIDE_CORPUS", str(guideline_corpus(tmp_path)))
    monkeypatch.setenv("GUIDE_STORE", str(tmp_path / "store"))
    monkeypatch.setenv("GUIDE_EDITOR_PASSWORD_HASH", password_hash)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.run()
    assert not at.exception, at.exception
    return at


def sign_in(at: AppTest, password: str) -> AppTest:
    at.sidebar.text_input[0].input(password)
    at.sidebar.button[0].click().run()
    assert not at.exception, at.exception
    return at


def test_a_reader_sees_no_editing_controls_and_the_feedback_page_refuses_them(locked_app, tmp_path):
    at = locked_app
    assert not at.sidebar.get("file_uploader")
    assert "Re-ingest corpus" not in [b.label for b in at.sidebar.button]
    assert "Sign in as an editor to add, replace or remove documents." in [c.value for c in at.sidebar.caption]
    page = AppTest.from_file(str(ROOT / "pages" / "feedback_page.py"), default_timeout=300)
    page.session_state["visitor"] = Visitor(Role.READER)
    page.run()
    assert page.error[0].value.startswith("Only an editor can change the collection")
    assert not page.get("download_button")


def test_an_editor_reads_who_gave_feedback_removes_abuse_and_exports_the_rest(locked_app, tmp_path):
    store = FeedbackStore(tmp_path / "store" / "feedback.sqlite")
    store.add(Feedback("How many patents?", "144 [1]", False, True, who="reader:aaaa"))
    store.add(Feedback("What is the R&D target?", "6 percent", False, False, correction="buy pills", who="reader:bbbb"))
    page = AppTest.from_file(str(ROOT / "pages" / "feedback_page.py"), default_timeout=300)
    page.session_state["visitor"] = Visitor(Role.EDITOR)
    page.run()
    assert not page.exception, page.exception
    assert [m.value.split(" · ")[-1] for m in page.markdown] == ["reader:bbbb", "reader:aaaa"]
    page.button[0].click().run()
    assert [f.question for f in store.all()] == ["How many patents?"]
    assert page.get("download_button") and [m.value.split(" · ")[-1] for m in page.markdown] == ["reader:aaaa"]


def test_a_wrong_password_is_refused_and_not_shown(locked_app):
    at = sign_in(locked_app, "hunter2")
    assert at.sidebar.error[0].value.startswith("Wrong password.")
    assert "hunter2" not in str(at.main) + str(at.sidebar)
    assert not at.sidebar.get("file_uploader")


def test_an_editor_signs_in_and_can_upload_and_sign_out(locked_app, tmp_path):
    at = sign_in(locked_app, PASSWORD)
    assert at.session_state["visitor"].role is Role.EDITOR
    uploader = at.sidebar.get("file_uploader")[0]
    uploader.set_value(("riverton.txt", b"Riverton plans 12 new parks by 2030.\n", "text/plain")).run()
    assert not at.exception, at.exception
    assert (tmp_path / "corpus" / "riverton.txt").is_file()
    assert "riverton.txt" in str(at.sidebar)
    sign_out = next(b for b in at.sidebar.button if b.label == "Sign out")
    sign_out.click().run()
    assert at.session_state["visitor"].role is Role.READER and not at.sidebar.get("file_uploader")


@pytest.fixture(scope="module")
def locked_page(tmp_path_factory, password_hash):
    from tests.test_browser import CHROMIUM, browse, serve

    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed")
    for url in serve(tmp_path_factory.mktemp("locked"), GUIDE_EDITOR_PASSWORD_HASH=password_hash):
        yield from browse(url)


def test_in_the_browser_a_reader_cannot_edit_until_an_editor_signs_in(locked_page):
    from tests.test_browser import SHOTS

    page, sidebar = locked_page, locked_page.locator("[data-testid='stSidebar']")
    page.get_by_placeholder("Ask about the guideline").wait_for(timeout=180_000)
    sidebar.get_by_text("Sign in as an editor to add, replace or remove documents.").wait_for(timeout=60_000)
    assert sidebar.locator("input[type='file']").count() == 0
    assert page.get_by_role("button", name="Re-ingest corpus").count() == 0
    assert page.locator('[data-testid="stSidebarNav"]').get_by_text("Feedback", exact=True).count() == 0
    page.screenshot(path=SHOTS / "20-reader.png")
    password = sidebar.locator("input[type='password']")
    password.fill("hunter2")
    sidebar.get_by_role("button", name="Sign in as editor").click()
    sidebar.get_by_text("Wrong password.").wait_for(timeout=60_000)
    assert "hunter2" not in page.content()
    page.screenshot(path=SHOTS / "21-wrong-password.png")
    sidebar.locator("input[type='password']").fill(PASSWORD)
    sidebar.get_by_role("button", name="Sign in as editor").click()
    page.get_by_role("button", name="Re-ingest corpus").wait_for(timeout=60_000)
    assert sidebar.locator("input[type='file']").count() == 1
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Feedback", exact=True).wait_for(timeout=30_000)
    page.screenshot(path=SHOTS / "22-editor.png")
