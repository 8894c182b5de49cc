"""The app in a real browser: Debian's Chromium driven by Playwright against `streamlit run`.
Every page is opened by its link and its main action done with the defaults: ask and follow up,
upload and re-ingest, run an evaluation, download a table. Screenshots go to test-output/browser/."""
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import GUIDELINE, ROOT, guideline_corpus

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed")
SHOTS = ROOT / "test-output" / "browser"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(root: Path, **env_extra: str):
    """``streamlit run app.py`` over a copy of the guideline under ``root``; yields its URL."""
    corpus = guideline_corpus(root)
    port = free_port()
    env = {**os.environ, "GUIDE_CORPUS": str(corpus), "GUIDE_STORE": str(root / "store"), **env_extra}
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.address", "127.0.0.1",
         "--server.port", str(port), "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.5)
    try:
        yield url
    finally:
        server.terminate()
        server.wait(30)


def browse(url: str):
    """Debian's Chromium on ``url``; yields the page."""
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(url)
        try:
            yield page
        finally:
            browser.close()


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    yield from serve(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="module")
def page(app_url):
    yield from browse(app_url)


def test_a_question_in_the_browser_gets_a_cited_answer_with_the_passage(page):
    box = page.get_by_placeholder("Ask about the guideline")
    box.wait_for(timeout=180_000)
    page.screenshot(path=SHOTS / "1-start.png")
    box.fill("How many invention patents per 10,000 people?")
    box.press("Enter")
    citation = page.get_by_text(f"[1] {GUIDELINE.name}").first
    citation.wait_for(timeout=60_000)
    answer = page.locator('[data-testid="stChatMessage"]').last
    assert "144 invention patents per 10,000 people" in answer.inner_text()
    page.screenshot(path=SHOTS / "2-answer.png")
    citation.click()
    mark = page.locator("mark").first
    mark.wait_for(timeout=10_000)
    assert "144 invention patents" in mark.inner_text()
    page.screenshot(path=SHOTS / "3-citation.png")


def ask(page, question: str) -> str:
    """The text of the answer to ``question``, once its citations (or its refusal) are shown."""
    before = page.locator('[data-testid="stChatMessage"]').count()
    box = page.get_by_placeholder("Ask about the guideline")
    box.fill(question)
    box.press("Enter")
    answer = page.locator('[data-testid="stChatMessage"]').nth(before + 1)
    answer.get_by_text("No citation").or_(answer.locator('[data-testid="stExpander"]').first).first.wait_for(
        timeout=60_000)
    return answer.inner_text()


def test_a_follow_up_in_the_browser_keeps_the_topic_and_changes_the_time(page):
    first = ask(page, "How much will Beijing spend on R&D by 2025?")
    assert "6 percent" in first
    follow = ask(page, "And what is it now?")
    assert "6.3 percent" in follow and "By 2025" not in follow
    page.screenshot(path=SHOTS / "4-follow-up.png")


def test_script_in_a_question_is_shown_not_run(page):
    page.evaluate("window.__pwned = false")
    box = page.get_by_placeholder("Ask about the guideline")
    box.fill("<img src=x onerror=\"window.__pwned=true\"> what are the two zones?")
    box.press("Enter")
    page.get_by_text("onerror").first.wait_for(timeout=60_000)
    assert page.evaluate("window.__pwned") is False
    page.screenshot(path=SHOTS / "5-escaped.png")


def test_uploading_a_changed_document_changes_the_answer(page, tmp_path):
    changed = tmp_path / GUIDELINE.name
    changed.write_text(GUIDELINE.read_text(encoding="utf-8").replace("144 invention patents", "150 invention patents"),
                       encoding="utf-8")
    page.locator("[data-testid='stSidebar'] input[type='file']").set_input_files(str(changed))
    page.get_by_text("1 updated").first.wait_for(timeout=120_000)
    page.screenshot(path=SHOTS / "6-uploaded.png")
    box = page.get_by_placeholder("Ask about the guideline")
    box.fill("How many invention patents per 10,000 people?")
    box.press("Enter")
    page.get_by_text("There are 150 invention patents").first.wait_for(timeout=60_000)
    page.screenshot(path=SHOTS / "7-changed-answer.png")

    page.get_by_role("button", name="Re-ingest corpus").click()
    page.get_by_text("0 added, 0 updated, 0 deleted, 1 unchanged").first.wait_for(timeout=120_000)
    page.screenshot(path=SHOTS / "8-reingested.png")


def open_page(page, name: str) -> None:
    page.locator('[data-testid="stSidebarNav"]').get_by_text(name, exact=True).click()
    page.get_by_role("heading", name=name).first.wait_for(timeout=60_000)


def test_the_evaluate_page_runs_with_its_defaults_on_the_first_click(page):
    open_page(page, "Evaluate")
    page.screenshot(path=SHOTS / "9-evaluate.png")
    page.get_by_role("button", name="Run evaluation").click()
    page.get_by_text("Results: queries.yaml").wait_for(timeout=300_000)
    page.get_by_text("Failed queries").wait_for(timeout=60_000)
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    overall = page.locator('[data-testid="stDataFrame"]').first
    overall.wait_for(timeout=60_000)
    page.screenshot(path=SHOTS / "10-evaluated.png", full_page=True)


def test_at_a_glance_draws_now_against_target_and_downloads_a_table(page):
    open_page(page, "At a glance")
    page.locator('[data-testid="stVegaLiteChart"]').first.wait_for(timeout=60_000)
    assert page.get_by_text("Now against target").count() == 1
    page.screenshot(path=SHOTS / "11-glance.png", full_page=True)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download figures as CSV").click()
    table = Path(download.value.path()).read_text(encoding="utf-8")
    assert table.splitlines()[0].startswith("document,date,measure,value")
    assert "150" in table and "630 billion" in table
