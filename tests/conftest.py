"""Shared fixtures: a fresh store path, a CLI runner through the real entry point, a doc builder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from kroniek.model import Article, Document, PublishedDate

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    def json_lines(self) -> list[dict]:
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def run(tmp_path: Path):
    """Run ``kroniek ARGS`` as a user would (a subprocess through the installed entry point)."""

    def _run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None,
             timeout: float = 300) -> Result:
        full_env = {**os.environ, "KRONIEK_DB": str(tmp_path / "env.db"), **(env or {})}
        proc = subprocess.run(
            [sys.executable, "-m", "kroniek", *args],
            input=stdin, capture_output=True, text=True, timeout=timeout, env=full_env, cwd=tmp_path,
        )
        return Result(proc.returncode, proc.stdout, proc.stderr)

    return _run


def make_doc(text: str, published: str | None = "2019-06-12", id: str = "t") -> Document:  # noqa: A002
    """A Document built by hand, for stage tests."""
    return Document(Article(id=id, text=text, published=PublishedDate.parse(published) if published else None))


# -- kroniek serve: a store made from examples/ and real servers on free loopback ports --------


def _kroniek(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kroniek", *args], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "KRONIEK_TOKEN": ""})


@pytest.fixture(scope="session")
def examples_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled examples ingested through the CLI, once per test process (never written to:
    copy it for tests that write)."""
    db = tmp_path_factory.mktemp("served") / "examples.db"
    res = _kroniek("ingest", str(EXAMPLES), "--db", str(db), "--workers", "1", "--quiet")
    assert res.returncode in (0, 1) and db.exists(), res.stderr  # 1: examples/malformed/
    return db


class Server:
    """``kroniek serve`` in a subprocess on a free loopback port."""

    def __init__(self, db: Path, *extra: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kroniek", "serve", "--db", str(db), "--port", "0", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "KRONIEK_TOKEN": ""})
        assert self.proc.stdout is not None
        self.banner = self.proc.stdout.readline()  # printed once the socket is bound
        if "http://" not in self.banner:
            self.stop()
            raise AssertionError(f"kroniek serve did not start: {self.banner!r} "
                                 f"{self.proc.stderr.read() if self.proc.stderr else ''}")
        self.url = self.banner.split(" at ", 1)[1].split()[0].rstrip("/")
        import httpx

        for _ in range(100):  # uvicorn starts serving a moment after the banner
            try:
                httpx.get(self.url + "/api/stats", timeout=2)
                break
            except httpx.TransportError:
                import time

                time.sleep(0.05)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture(scope="session")
def server(examples_store: Path):
    """A read-only server over the examples store."""
    srv = Server(examples_store)
    yield srv
    srv.stop()


#: Articles whose figures disagree (tests/test_chronicle.py says what they hold).
CHRONICLE = REPO / "tests" / "data" / "chronicle.jsonl"


@pytest.fixture(scope="session")
def chronicle_server(tmp_path_factory: pytest.TempPathFactory):
    """A read-only server over tests/data/chronicle.jsonl ingested through the CLI: sources that
    disagree on a figure, a person spelt three ways, a story with a printed copy."""
    db = tmp_path_factory.mktemp("chronicle") / "chronicle.db"
    res = _kroniek("ingest", str(CHRONICLE), "--db", str(db), "--workers", "1", "--quiet")
    assert res.returncode == 0, res.stderr
    srv = Server(db)
    srv.db = db  # type: ignore[attr-defined]
    yield srv
    srv.stop()


TOKEN = "test-token-3f9a"


@pytest.fixture(scope="session")
def token_server(examples_store: Path, tmp_path_factory: pytest.TempPathFactory):
    """A server that accepts writes with TOKEN, over its own copy of the store (with a tantivy
    index, so a write must reach the readers' index too)."""
    import shutil

    db = tmp_path_factory.mktemp("writable") / "writable.db"
    shutil.copyfile(examples_store, db)
    res = _kroniek("index", "--db", str(db))
    assert res.returncode == 0, res.stderr
    srv = Server(db, "--token", TOKEN)
    srv.db = db  # type: ignore[attr-defined]
    yield srv
    srv.stop()


# -- PostgreSQL: a throwaway cluster per test process, a fresh database per test ---------------


@pytest.fixture(scope="session")
def pg_cluster():
    """A PostgreSQL cluster of our own (initdb + pg_ctl on a temp folder, a free loopback port,
    a non-root user), removed at the end. It needs the server binaries (CI installs Debian's
    postgresql); without them the PostgreSQL tests fail, unless KRONIEK_SKIP_POSTGRES=1."""
    from tests.pgcluster import Cluster, ClusterUnavailable

    try:
        cluster = Cluster()
    except ClusterUnavailable as exc:
        if os.environ.get("KRONIEK_SKIP_POSTGRES") == "1":
            pytest.skip(str(exc))
        raise
    yield cluster
    cluster.stop()


_DB_COUNTER = iter(range(1, 1_000_000))


@pytest.fixture
def pg_url(pg_cluster) -> str:
    """The URL of a new, empty PostgreSQL database."""
    name = f"t{os.getpid()}_{next(_DB_COUNTER)}"
    url = pg_cluster.create_database(name)
    yield url
    from kroniek.store.postgres import close_pools

    close_pools()
    pg_cluster.drop_database(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request, tmp_path: Path) -> str:
    """Where a store goes, once per backend: the behaviour tests run on both, so they cannot
    drift apart."""
    if request.param == "sqlite":
        return str(tmp_path / "k.db")
    return request.getfixturevalue("pg_url")
