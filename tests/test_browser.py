"""The app in a real browser: Debian's Chromium driven by Playwright against `streamlit run`."""
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


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("browser")
    corpus = guideline_corpus(root)
    port = free_port()
    env = {**os.environ, "GUIDE_CORPUS": str(corpus), "GUIDE_STORE": str(root / "store")}
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
    yield url
    server.terminate()
    server.wait(30)


@pytest.fixture(scope="module")
def page(app_url):
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(app_url)
        yield page
        browser.close()


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


def test_script_in_a_question_is_shown_not_run(page):
    page.evaluate("window.__pwned = false")
    box = page.get_by_placeholder("Ask about the guideline")
    box.fill("<img src=x onerror=\"window.__pwned=true\"> what are the two zones?")
    box.press("Enter")
    page.get_by_text("onerror").first.wait_for(timeout=60_000)
    assert page.evaluate("window.__pwned") is False
    page.screenshot(path=SHOTS / "4-escaped.png")


def test_uploading_a_changed_document_changes_the_answer(page, tmp_path):
    changed = tmp_path / GUIDELINE.name
    changed.write_text(GUIDELINE.read_text(encoding="utf-8").replace("144 invention patents", "150 invention patents"),
                       encoding="utf-8")
    page.locator("[data-testid='stSidebar'] input[type='file']").set_input_files(str(changed))
    page.get_by_text("1 updated").first.wait_for(timeout=120_000)
    page.screenshot(path=SHOTS / "5-uploaded.png")
    box = page.get_by_placeholder("Ask about the guideline")
    box.fill("How many invention patents per 10,000 people?")
    box.press("Enter")
    page.get_by_text("There are 150 invention patents").first.wait_for(timeout=60_000)
    page.screenshot(path=SHOTS / "6-changed-answer.png")
