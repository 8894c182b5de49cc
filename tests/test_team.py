"""Team mode on real servers: Debian's PostgreSQL and `chroma run` on 127.0.0.1, shared by
processes that each have their own store folder, as app instances on different machines do."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from bench.corpora import write_synthetic
from tests.conftest import GUIDELINE, ROOT, free_port, guideline_corpus
from tests.test_server import CHROMA, start_server

PG_BIN = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin"))), None)
pytestmark = pytest.mark.skipif(PG_BIN is None or CHROMA is None,
                                reason="Debian's postgresql or the chroma CLI is not installed")


class Postgres:
    """A throwaway PostgreSQL cluster run as the postgres user (it refuses to run as root)."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="guide-pg-"))
        self.data, self.port = self.root / "data", free_port()
        os.chmod(self.root, 0o755)
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        self._as_postgres([str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres"])
        self.start()

    def database(self, name: str) -> str:
        """A new database (one per collection, as a team would have) and its URL."""
        self._as_postgres([str(PG_BIN / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-c",
                           f"CREATE DATABASE {name}"])
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def _as_postgres(self, command: list[str]) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run(prefix + command, check=True, capture_output=True, timeout=120, cwd=self.root)

    def start(self) -> None:
        self._as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"), "-w", "-o",
                           f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1", "start"])

    def stop(self) -> None:
        self._as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"])

    def remove(self) -> None:
        try:
            self.stop()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    postgres = Postgres()
    port = free_port()
    chroma = start_server(tmp_path_factory.mktemp("chroma-data"), port)
    try:
        yield {"CHROMA_HOST": "127.0.0.1", "CHROMA_PORT": str(port)}, postgres
    finally:
        chroma.terminate()
        chroma.wait(30)
        postgres.remove()


def team(servers, name: str) -> dict:
    """The settings of one team: its database and its Chroma collection on the shared servers."""
    env, postgres = servers
    return {**env, "GUIDE_DATABASE_URL": postgres.database(name), "GUIDE_COLLECTION": name}


def machine(tmp_path: Path, name: str, env: dict, corpus: Path) -> dict:
    """The environment of one app instance: the team's servers, its own store folder."""
    return {**os.environ, **env, "GUIDE_CORPUS": str(corpus), "GUIDE_STORE": str(tmp_path / name),
            "PYTHONUNBUFFERED": "1"}


def cli(*args: str, env: dict, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout)


ASKER = """
import json, sys
from assistant import build_assistant
from settings import load_settings
assistant = build_assistant(load_settings())
print("ready", flush=True)
for line in sys.stdin:
    answer = assistant.ask(line.strip())
    print(json.dumps({"answer": answer.text, "abstained": answer.abstained}), flush=True)
"""


def test_an_ingest_by_one_instance_is_seen_by_another_running_elsewhere(servers, tmp_path):
    env = team(servers, "common")
    corpus = guideline_corpus(tmp_path)
    first, second = machine(tmp_path, "laptop-a", env, corpus), machine(tmp_path, "laptop-b", env, corpus)
    ingested = cli("ingest", "--json", env=first)
    assert ingested.returncode == 0, ingested.stderr
    assert json.loads(ingested.stdout)["documents"] == 1
    asker = subprocess.Popen([sys.executable, "-c", ASKER], cwd=ROOT, env=second, text=True,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert asker.stdout.readline().strip() == "ready"
        asker.stdin.write("How many invention patents per 10,000 people?\n")
        asker.stdin.flush()
        assert "144 invention patents" in json.loads(asker.stdout.readline())["answer"]
        (corpus / GUIDELINE.name).write_text(GUIDELINE.read_text(encoding="utf-8").replace("144", "150"))
        assert json.loads(cli("ingest", "--json", env=first).stdout)["updated"] == 1
        asker.stdin.write("How many invention patents per 10,000 people?\n")
        asker.stdin.flush()
        assert "150 invention patents" in json.loads(asker.stdout.readline())["answer"]
    finally:
        asker.kill()
        asker.wait(30)
    assert not (tmp_path / "laptop-b" / "catalog.sqlite").exists(), "the truth lives on the servers"


def test_kill_9_of_an_ingest_releases_the_lock_and_leaves_one_consistent_version(servers, tmp_path):
    env = team(servers, "killed")
    corpus = tmp_path / "corpus"
    write_synthetic(corpus, 300, per_doc=30)
    shutil.copy(GUIDELINE, corpus / GUIDELINE.name)
    one, other = machine(tmp_path, "one", env, corpus), machine(tmp_path, "other", env, corpus)
    ingest = subprocess.Popen([sys.executable, "-m", "ingest", "--json"], cwd=ROOT, env=one,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(6)
    refused = cli("ingest", env=other, timeout=120)
    assert ingest.poll() is None, "the first ingest finished too soon for this test"
    assert refused.returncode == 2 and "another ingest is running" in refused.stderr, "the lock spans machines"
    ingest.send_signal(signal.SIGKILL)
    ingest.wait(60)
    finished = cli("ingest", "--json", env=other)
    assert finished.returncode == 0, finished.stderr
    assert json.loads(finished.stdout)["documents"] == len(list(corpus.iterdir()))
    answer = json.loads(cli("answer", "How many invention patents per 10,000 people?", "--json", env=one).stdout)
    assert "144" in answer["answer"]


def test_a_database_that_goes_down_gives_a_clear_error_then_answers_when_it_is_back(servers, tmp_path):
    postgres = servers[1]
    corpus = guideline_corpus(tmp_path)
    here = machine(tmp_path, "here", team(servers, "outage"), corpus)
    assert cli("ingest", env=here).returncode == 0
    postgres.stop()
    try:
        down = cli("answer", "What are the two zones?", env=here, timeout=120)
        assert down.returncode == 2 and "Traceback" not in down.stderr
        assert f"cannot reach the database at postgresql+psycopg://postgres@127.0.0.1:{postgres.port}/outage" \
            in down.stderr
    finally:
        postgres.start()
    back = cli("answer", "What are the two zones?", "--json", env=here)
    assert back.returncode == 0 and "Pilot Free Trade Zone" in json.loads(back.stdout)["answer"]


def test_feedback_from_every_instance_lands_in_the_teams_database(servers):
    from access import Role, Visitor
    from store.feedback import Feedback, FeedbackStore

    url = team(servers, "voices")["GUIDE_DATABASE_URL"]
    here, there = FeedbackStore(url), FeedbackStore(url)
    reader = Visitor(Role.READER)
    here.add(Feedback("How many patents?", "144 [1]", False, True, who=reader.who))
    abuse = there.add(Feedback("What is the target?", "6 percent", False, False, correction="spam"))
    assert [(f.question, f.who) for f in there.all()] == [("How many patents?", reader.who),
                                                          ("What is the target?", "")]
    assert here.remove(abuse) and [f.question for f in there.all()] == ["How many patents?"]
