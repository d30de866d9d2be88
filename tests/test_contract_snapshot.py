"""The `extract` contract on examples/ is byte-identical to a stored copy.

A refactor must not change a single offset or value. When a change of behaviour is intended (a
stage version bump), refresh the copy and review the diff in the commit:

    KRONIEK_REFRESH_SNAPSHOT=1 python -m pytest tests/test_contract_snapshot.py
"""

from __future__ import annotations

import os

from .conftest import EXAMPLES, REPO

SNAPSHOT = REPO / "tests" / "data" / "examples_extract.jsonl"


def test_extract_on_examples_matches_the_stored_copy(run):
    res = run("extract", str(EXAMPLES), "--workers", "1")
    assert res.code == 1  # examples/malformed/ is bad on purpose
    assert "19 ok, 4 failed" in res.stderr
    if os.environ.get("KRONIEK_REFRESH_SNAPSHOT"):
        SNAPSHOT.write_text(res.stdout, encoding="utf-8")
    expected = SNAPSHOT.read_text(encoding="utf-8").splitlines()
    got = res.stdout.splitlines()
    assert len(got) == len(expected)
    for want, have in zip(expected, got, strict=True):
        assert have == want
