"""No Python traceback from any command: an unexpected error is one ``Error:`` line that says
where the details are; ``--debug`` (or KRONIEK_DEBUG=1) shows the traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

#: Runs the real entry point with one store method broken, as a bug would break it.
BROKEN = """
import sys
import kroniek.store.sqlite as s
def broken(self):
    raise {exc}
s.SQLiteStore.stats = broken
from kroniek.cli import main
main(sys.argv[1:])
"""


def kroniek_broken(tmp_path: Path, *args: str, exc: str = "ZeroDivisionError('division by zero')",
                   env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if k != "KRONIEK_DEBUG"}
    full_env.update({"KRONIEK_LOG_DIR": str(tmp_path / "logs"), **(env or {})})
    return subprocess.run([sys.executable, "-c", BROKEN.format(exc=exc), *args],
                          capture_output=True, text=True, env=full_env, cwd=tmp_path)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    from kroniek.store.sqlite import SQLiteStore

    db = tmp_path / "k.db"
    SQLiteStore(db).close()
    return db


def test_unexpected_error_is_one_line_with_the_details_written_down(tmp_path, store):
    res = kroniek_broken(tmp_path, "stats", "--db", str(store))
    assert res.returncode == 1 and "Traceback" not in res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert lines[0].startswith("Error: unexpected ZeroDivisionError: division by zero; details in ")
    assert lines[0].endswith("; rerun with --debug to see the traceback")
    (log,) = (tmp_path / "logs").iterdir()
    assert str(log) in lines[0]
    details = log.read_text(encoding="utf-8")
    assert "Traceback" in details and "ZeroDivisionError" in details and "kroniek stats" in details


@pytest.mark.parametrize(
    ("args", "env"),
    [(("--debug", "stats"), {}), (("stats", "--debug"), {}), (("stats",), {"KRONIEK_DEBUG": "1"})],
)
def test_debug_shows_the_traceback(tmp_path, store, args, env):
    res = kroniek_broken(tmp_path, *args, "--db", str(store), env=env)
    assert res.returncode == 1
    assert "Traceback (most recent call last)" in res.stderr and "ZeroDivisionError" in res.stderr
    assert res.stderr.strip().splitlines()[-1].startswith("Error: unexpected ZeroDivisionError")
    assert not (tmp_path / "logs").exists()


def test_a_locked_store_that_slips_through_is_said_plainly(tmp_path, store):
    res = kroniek_broken(tmp_path, "stats", "--db", str(store),
                         exc="__import__('sqlite3').OperationalError('database is locked')")
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert res.stderr.startswith("Error: the store is busy: another kroniek process is writing")


def test_usage_errors_still_exit_2_with_debug(run):
    assert run("--debug", "search", "--sort", "nonsense").code == 2
    assert run("search", "--sort", "nonsense", "--debug").code == 2
    assert run("ingest").code == 2  # a missing argument


def test_debug_is_listed_in_help(run):
    res = run("--help")
    assert res.code == 0 and "--debug" in res.stdout


def test_kroniek_errors_keep_their_plain_message(run, tmp_path):
    res = run("stats", "--db", str(tmp_path / "none.db"))
    assert res.code == 1 and res.stderr.startswith("Error: no store") and "Traceback" not in res.stderr
    res = run("--debug", "stats", "--db", str(tmp_path / "none.db"))
    assert res.code == 1 and "Traceback" in res.stderr and "Error: no store" in res.stderr
