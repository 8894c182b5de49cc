"""Chroma server mode against a real `chroma run` on 127.0.0.1: ingest and answer through it, a
clear error while it is gone, and recovery when it is back."""
import shutil
import subprocess

import pytest

from assistant import build_assistant
from settings import load_settings
from store.vectors import StoreUnavailable
from tests.conftest import free_port, guideline_corpus, wait_for_port

CHROMA = shutil.which("chroma")
pytestmark = pytest.mark.skipif(CHROMA is None, reason="the chroma CLI is not installed")


def start_server(path, port) -> subprocess.Popen:
    server = subprocess.Popen([CHROMA, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if wait_for_port(port):
        return server
    server.kill()
    raise RuntimeError("chroma run did not start")


def test_ingest_and_answer_through_a_chroma_server_that_goes_away_and_comes_back(tmp_path, embedder, monkeypatch):
    port = free_port()
    server = start_server(tmp_path / "server-data", port)
    try:
        monkeypatch.setenv("CHROMA_HOST", "127.0.0.1")
        monkeypatch.setenv("CHROMA_PORT", str(port))
        settings = load_settings(corpus=guideline_corpus(tmp_path), store=tmp_path / "store")
        assert settings.chroma_host == "127.0.0.1"
        assistant = build_assistant(settings, embedder)
        assert assistant.ingest().added
        assert not (tmp_path / "store" / "chroma").exists(), "vectors live on the server"
        assert "144" in assistant.ask("How many invention patents per 10,000 people?").text

        server.terminate()
        server.wait(30)
        with pytest.raises(StoreUnavailable, match=f"cannot reach the Chroma server at 127.0.0.1:{port}"):
            assistant.ask("Which region's coordinated development is a strategy?")

        server = start_server(tmp_path / "server-data", port)
        answer = assistant.ask("Which region's coordinated development is a strategy?")
        assert "Beijing-Tianjin-Hebei" in answer.text
    finally:
        server.terminate()
        server.wait(30)


def test_cli_says_clearly_when_the_chroma_server_is_not_there(tmp_path):
    from tests.test_cli import run

    result = run("answer", "What are the two zones?", env={"CHROMA_HOST": "127.0.0.1", "CHROMA_PORT": str(free_port()),
                                                          "GUIDE_STORE": str(tmp_path / "store")})
    assert result.returncode == 2
    assert "cannot reach the Chroma server" in result.stderr and "Traceback" not in result.stderr
