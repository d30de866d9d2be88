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
