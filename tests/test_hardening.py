"""Bad input at scale: any bytes, through every reader, give records, quarantine entries or one
clear error — never a crash, never a hang; any query text gives hits or one clear QueryError,
on both backends. Property-based (hypothesis) plus the big cases by hand: 10 MB lines, HTML
nested 100,000 deep, invalid UTF-8, NUL bytes, lone surrogates, 100,000-term queries."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kroniek.errors import QueryError, RecordError
from kroniek.ingest.readers import read_file
from kroniek.ingest.records import ReadOptions, Record

FORMATS = [None, "seed", "jsonl", "csv", "tsv", "html", "feed", "warc"]
SUFFIX = {None: ".dat", "seed": ".txt", "jsonl": ".jsonl", "csv": ".csv", "tsv": ".tsv",
          "html": ".html", "feed": ".xml", "warc": ".warc"}
SETTINGS = settings(max_examples=120, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@contextlib.contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Fail instead of hanging: SIGALRM interrupts the reader."""

    def hang(*_: object) -> None:
        raise AssertionError(f"took longer than {seconds} s: a hang")

    old = signal.signal(signal.SIGALRM, hang)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def read_bytes(data: bytes, fmt: str | None, seconds: int = 30) -> list[Record | RecordError]:
    fd, name = tempfile.mkstemp(suffix=SUFFIX[fmt])
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        with time_limit(seconds):
            items = list(read_file(Path(name), ReadOptions(format=fmt)))
    finally:
        os.unlink(name)
    for item in items:
        assert isinstance(item, Record | RecordError), type(item)
        if isinstance(item, RecordError):
            message = item.describe()
            assert message and isinstance(message, str)
            message.encode("utf-8")  # storable: no lone surrogates
        else:
            a = item.article
            assert a.text.strip() and "\x00" not in a.text and a.id
            for value in (a.id, a.text, a.title, a.source, a.url, a.author):
                if value is not None:
                    value.encode("utf-8")
    return items


# -- any bytes ---------------------------------------------------------------------------------

_PIECES = st.sampled_from([
    b"\n", b"\r\n", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\xc3", b"\xe2\x82", b"\x80", b"\"", b",",
    b";", b"\t", b"{", b"}", b"[", b"]", b"<", b">", b"</", b"<html>", b"<p>", b"<rss>", b"<item>",
    b"<![CDATA[", b"WARC/1.0\r\n", b"date 2019-05-01\n", b"\x1f\x8b", b"\\u0000", b"\\ud800",
    b'{"id": "x", "published": "2019-05-01", "text": "', b"id,published,text\n", b"De minister zei ",
])


@SETTINGS
@given(data=st.one_of(st.binary(max_size=3000), st.lists(st.one_of(_PIECES, st.binary(max_size=40)),
                                                          max_size=80).map(b"".join)),
       fmt=st.sampled_from(FORMATS))
def test_any_bytes_give_records_or_clear_errors(data: bytes, fmt: str | None) -> None:
    read_bytes(data, fmt)


_TEXT = st.text(alphabet=st.characters(blacklist_categories=()), max_size=200)  # surrogates too


@SETTINGS
@given(rows=st.lists(st.dictionaries(st.sampled_from(["id", "published", "text", "title", "source", "x"]),
                                     st.one_of(_TEXT, st.integers(), st.none(), st.booleans(),
                                               st.lists(st.integers(), max_size=3))),
                     max_size=8))
def test_any_json_objects_give_records_or_clear_errors(rows: list[dict]) -> None:
    lines = "\n".join(json.dumps(r) for r in rows).encode("utf-8")
    read_bytes(lines, "jsonl")
    read_bytes(lines, None)


@SETTINGS
@given(cells=st.lists(st.lists(_TEXT.filter(lambda t: "\x00" not in t), min_size=1, max_size=5), max_size=6),
       delimiter=st.sampled_from([",", ";", "\t"]))
def test_any_csv_gives_records_or_clear_errors(cells: list[list[str]], delimiter: str) -> None:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(["id", "published", "text"])
    for row in cells:
        writer.writerow(row)
    read_bytes(out.getvalue().encode("utf-8", errors="surrogatepass"), "csv")


@SETTINGS
@given(tags=st.lists(st.sampled_from(["div", "p", "article", "main", "span", "b", "script", "table"]),
                     max_size=60),
       text=_TEXT)
def test_any_html_gives_a_record_or_a_clear_error(tags: list[str], text: str) -> None:
    page = "".join(f"<{t}>" for t in tags) + text + "".join(f"</{t}>" for t in reversed(tags))
    read_bytes(f"<html><head><title>t</title></head><body>{page}</body></html>".encode(
        "utf-8", errors="surrogatepass"), "html")


# -- the big cases -----------------------------------------------------------------------------


def _line(i: int, text: str) -> str:
    return json.dumps({"id": f"r{i}", "published": "2019-05-01", "text": text}) + "\n"


def test_a_10_mb_line_is_one_clear_error_and_its_neighbours_go_in() -> None:
    data = (_line(1, "Gewoon een bericht.") + _line(2, "woord " * 1_800_000) + _line(3, "Nog een bericht.")).encode()
    assert len(data) > 10_000_000
    t0 = time.monotonic()
    items = read_bytes(data, "jsonl")
    assert time.monotonic() - t0 < 30
    assert [type(i).__name__ for i in items] == ["Record", "RecordError", "Record"]
    assert "over the limit" in items[1].describe()
    junk = b"x" * 10_500_000  # one line, no newline, not JSON
    (err,) = read_bytes(junk, "jsonl")
    assert isinstance(err, RecordError) and len(err.describe()) < 20_000


def test_html_nested_100000_deep_is_read_or_refused_quickly() -> None:
    page = "<html><body>" + "<div>" * 100_000 + "Een bericht diep in de pagina. " * 20 + "</div>" * 100_000 + "</body></html>"
    t0 = time.monotonic()
    items = read_bytes(page.encode(), "html", seconds=60)
    assert len(items) == 1 and time.monotonic() - t0 < 60


def test_invalid_utf8_nul_and_surrogates_cost_only_their_record() -> None:
    data = (_line(1, "Goed.").encode() + b'{"id": "r2", "published": "2019-05-01", "text": "\xff\xfe kapot"}\n'
            + _line(3, "Met \x00 erin.").encode() + _line(4, "Half \ud800 teken.").encode()
            + b"\x00\x00\x00\x00\n" + _line(6, "Ook goed.").encode())
    items = read_bytes(data, "jsonl")
    assert [i.article.id for i in items if isinstance(i, Record)] == ["r1", "r6"]
    assert len([i for i in items if isinstance(i, RecordError)]) == 4


# -- queries -----------------------------------------------------------------------------------


@SETTINGS
@given(q=st.one_of(st.text(max_size=300), st.lists(st.sampled_from(
    ["(", ")", '"', "AND", "OR", "NOT", "-", "*", "title:", "entity:", "event:ACCUSE", "source:",
     "minister", "strijd*", "x", "ë", ":", " "]), max_size=60).map(" ".join)))
def test_any_query_text_parses_or_is_one_clear_error(q: str) -> None:
    from kroniek.store.postgres.textsearch import render
    from kroniek.store.query import parse, to_fts5

    with time_limit(10):
        try:
            pq = parse(q)
        except QueryError as exc:
            assert str(exc)
            return
        if pq.ast is not None:
            assert to_fts5(pq.ast) and render(pq.ast)


@pytest.fixture
def small_store(store_target: str):
    from kroniek.store.base import StoredDocument
    from kroniek.store.open import open_store
    from tests.conftest import make_doc

    store = open_store(store_target)
    store.add([StoredDocument(make_doc("De minister sprak over de strijders in Raqqa.", id="a"), "h1"),
               StoredDocument(make_doc("Een ander bericht over de begroting.", id="b"), "h2")])
    yield store
    store.close()


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(q=st.lists(st.sampled_from(["(", ")", '"', "AND", "OR", "NOT", "-", "minister*", "title:",
                                   "raqqa", "strijders", "de", "ë", "1.000", "covid-19", "x*"]),
                  min_size=1, max_size=25).map(" ".join))
def test_any_query_searches_or_is_one_clear_error_on_both_backends(small_store, q: str) -> None:
    from kroniek.store.search import counts, search

    for index in {None, small_store.text_index}:
        try:
            search(small_store.conn, q, index=index)
            counts(small_store.conn, q, per="year", index=index)
        except QueryError as exc:
            assert str(exc)


def test_huge_queries_are_one_clear_error_on_both_backends(small_store) -> None:
    from kroniek.store.search import search

    for q in ("woord " * 100_000, " OR ".join(["raqqa"] * 50_000), "(" * 5000 + "a" + ")" * 5000,
              "NOT " * 5000 + "a", '"' + "de minister " * 50_000 + '"'):
        t0 = time.monotonic()
        with pytest.raises(QueryError) as info:
            search(small_store.conn, q)
        assert time.monotonic() - t0 < 10 and len(str(info.value)) < 1000
    hits = search(small_store.conn, " OR ".join(["raqqa"] * 999))
    assert [h.id for h in hits.hits] == ["a"]
