"""The optional tantivy backend finds exactly what FTS5 finds on the same corpus."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

tantivy = pytest.importorskip("tantivy")

from kroniek.store.search import counts, search  # noqa: E402
from kroniek.store.tantivy_index import TantivyIndex  # noqa: E402

from .test_search import ARTICLES, conn  # noqa: E402,F401


@pytest.fixture()
def index(conn: sqlite3.Connection, tmp_path: Path) -> TantivyIndex:  # noqa: F811
    ix = TantivyIndex(str(tmp_path / "tantivy"))
    for i, (_, _, _, start, _, title, text, src, dup) in enumerate(ARTICLES, 1):
        ix.add(i, title, text, src, start, dup is not None)
    ix.commit()
    return ix


QUERIES = [
    "strijders", "belasting", "syrie", '"Mark Rutte"', '"Rutte Mark"', '"vaker buiten spelen"',
    "Raqqa Koerdische", "Raqqa NOT puin", "Raqqa -puin", "brexit OR kinderen",
    "(brexit OR belasting) NOT (may OR toeristen)", "strijd*", "kinderen*", "onderhand*",
    "title:raqqa", "title:oppositie", "text:oppositie", "source:nos", "title:(brexit OR kabinet)",
    'belasting entity:"Mark Rutte"', 'belasting -entity:"Mark Rutte"', "covid-19",
]


@pytest.mark.parametrize("q", QUERIES)
def test_same_matches_as_fts5(conn: sqlite3.Connection, index: TantivyIndex, q: str) -> None:  # noqa: F811
    want = search(conn, q, limit=100)
    got = search(conn, q, limit=100, index=index)
    assert got.total == want.total
    assert {h.id for h in got.hits} == {h.id for h in want.hits}
    assert {h.snippet for h in got.hits} == {h.snippet for h in want.hits}


def test_filters_sorting_and_counts(conn: sqlite3.Connection, index: TantivyIndex) -> None:  # noqa: F811
    q = "raqqa OR brexit OR kinderen OR belasting"
    for kw in [
        {"date_from": "2018"}, {"date_to": "2017-12"}, {"source": "nos"},
        {"include_duplicates": False}, {"date_from": "2017-12-07", "date_to": "2017-12-07"},
    ]:
        want = {h.id for h in search(conn, q, limit=100, **kw).hits}  # type: ignore[arg-type]
        assert {h.id for h in search(conn, q, limit=100, index=index, **kw).hits} == want, kw  # type: ignore[arg-type]
    for sort in ("date", "date_asc"):
        want_ids = [h.id for h in search(conn, q, sort=sort, limit=100).hits]  # type: ignore[arg-type]
        got = [h.id for h in search(conn, q, sort=sort, limit=100, index=index).hits]  # type: ignore[arg-type]
        assert got == want_ids
    assert [h.id for h in search(conn, "belasting", index=index).hits] == ["a2", "a8"]
    for per in ("day", "week", "month", "year"):
        assert counts(conn, q, per=per, index=index) == counts(conn, q, per=per)  # type: ignore[arg-type]


def test_delete(conn: sqlite3.Connection, index: TantivyIndex) -> None:  # noqa: F811
    index.delete(1)
    index.commit()
    assert {h.id for h in search(conn, "strijders OR raqqa", index=index).hits} == {"a7"}


def test_rebuild_from_store(conn: sqlite3.Connection, tmp_path: Path) -> None:  # noqa: F811
    ix = TantivyIndex(str(tmp_path / "rebuilt"))
    assert ix.rebuild(conn) == len(ARTICLES)
    assert ix.rebuild(conn) == len(ARTICLES)  # idempotent: old docs are dropped first
    q = "raqqa OR kinderen"
    assert search(conn, q, index=ix, limit=100).total == search(conn, q, limit=100).total == 4
