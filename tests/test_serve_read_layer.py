"""The read functions the server calls, on stores built by hand: figure disagreements, cursors,
corrections, read-only stores, and how pages cut and show an article."""

from __future__ import annotations

import sqlite3

import pytest

from kroniek.chronicle import rebuild
from kroniek.errors import NotFoundError, QueryError, StoreError
from kroniek.model import Entity, Figure, Quote, TextSpan
from kroniek.queries.articles import find_articles, trends
from kroniek.queries.chronicle import conflicts
from kroniek.queries.corrections import list_corrections, record_correction
from kroniek.queries.figure_chart import figure_chart
from kroniek.queries.paging import decode_cursor, encode_cursor
from kroniek.serve.templating import date_nl, figure_text, num
from kroniek.serve.ui.marks import marks_of, segments
from kroniek.store.sqlite import SQLiteStore, StoredDocument
from tests.conftest import make_doc

TEXT = "Volgens de groep vielen minstens 1.200 doden. De artsen tellen 850 doden."


def _store(db) -> SQLiteStore:
    store = SQLiteStore(db)
    a = make_doc(TEXT, published="2018-03", id="a")
    a.figures = [Figure(24, 38, "minstens 1.200", 1200, qualifier="at_least", unit="doden",
                        subject="doden", place=("Idlib",), source_chain=("de groep",)),
                 Figure(62, 65, "850", 850, unit="doden", subject="doden", place=("Idlib",),
                        source_chain=("de artsen",))]
    a.quotes = [Quote(TextSpan(17, 44, "vielen minstens 1.200 doden"), speaker=TextSpan(8, 16, "de groep"),
                      speaker_name="de groep", source_chain=("de groep",))]
    a.entities = [Entity(8, 16, "de groep", "ORG", "De Groep", country="SY")]
    b = make_doc("Er vielen ongeveer 1.300 doden, zegt de groep.", published="2018-04-02", id="b")
    b.figures = [Figure(10, 24, "ongeveer 1.300", 1300, qualifier="about", unit="doden",
                        subject="doden", place=("Idlib",), source_chain=("de groep",))]
    store.add([StoredDocument(a, "h-a"), StoredDocument(b, "h-b")])
    with store.transaction():
        rebuild(store.conn, store.document_of)  # entity records, stories, figure series
    return store


def test_chart_points_carry_the_interval_their_qualifier_allows(db):
    chart = figure_chart(_store(db).conn, about="doden")
    at_least, exact, about = chart.points
    assert (at_least.low, at_least.high) == (1200, None)  # open-ended: no upper bound
    assert exact.low == pytest.approx(807.5) and exact.high == pytest.approx(892.5)
    assert about.low == pytest.approx(1105) and about.high == pytest.approx(1495)


def test_the_chart_marks_the_disagreements_the_chronicle_lists(db):
    store = _store(db)
    chart = figure_chart(store.conn, about="doden")
    assert chart.sources == ["de groep", "de artsen"]
    texts = [p.figure.text for p in chart.points]
    assert texts == ["minstens 1.200", "850", "ongeveer 1.300"]
    # "at least 1,200" vs "850" (same month, other source) and "850" vs "about 1,300" (days
    # apart, other source) cannot both be right; "about 1,300" is the same source as "at least
    # 1,200", and overlaps it anyway
    assert [(d.a, d.b) for d in chart.disagreements] == [(0, 1), (1, 2)]
    assert chart.points[1].disputed_by == [0, 2] and chart.points[0].disputed_by == [1]
    p = chart.points
    marked = {frozenset({(p[d.a].figure.article, p[d.a].figure.start),
                         (p[d.b].figure.article, p[d.b].figure.start)}) for d in chart.disagreements}
    listed = {frozenset((s.article, s.start) for s in c.sides) for c in conflicts(store.conn, about="doden")}
    assert marked == listed  # one rule: the chart marks what /api/conflicts lists


def test_cursors_are_opaque_and_tied_to_their_listing():
    cur = encode_cursor(40, {"q": "a"})
    assert decode_cursor(cur, {"q": "a"}) == 40
    with pytest.raises(QueryError):
        decode_cursor(cur, {"q": "b"})
    with pytest.raises(QueryError):
        decode_cursor("%%%", {"q": "a"})


def test_listing_pages_and_trends(db):
    store = _store(db)
    first = find_articles(store, "doden", limit=1)
    assert first.total == 2 and first.next
    second = find_articles(store, "doden", limit=1, cursor=first.next)
    assert second.next is None and {first.items[0].id, second.items[0].id} == {"a", "b"}
    t = trends(store, [("doden", "doden"), ("", "artsen")], per="month")
    assert t.periods == ["2018-03", "2018-04"] and [s.counts for s in t.series] == [[1, 1], [1, 0]]
    assert t.series[1].label == "artsen"
    with pytest.raises(QueryError):
        trends(store, [("x", "x")] * 9)


def test_a_correction_keeps_what_was_extracted(db):
    store = _store(db)
    c = record_correction(store, article="a", target="quote_speaker", start=17, end=44,
                          verdict="wrong", value="Artsen zonder Grenzen")
    assert c.extracted["speaker"] == "de groep" and c.value == "Artsen zonder Grenzen"
    f = record_correction(store, article="a", target="figure", start=62, end=65, verdict="wrong",
                          value=900)
    assert f.value == {"value": 900} and f.extracted["value"] == 850
    assert [x.id for x in list_corrections(store.conn)] == [c.id, f.id]
    with pytest.raises(NotFoundError):
        record_correction(store, article="a", target="entity", start=0, end=3, verdict="right")
    with pytest.raises(QueryError):
        record_correction(store, article="a", target="figure", start=62, end=65, verdict="wrong",
                          value={"colour": "red"})


def test_a_read_only_store_refuses_writes(db):
    _store(db).close()
    ro = SQLiteStore(db, read_only=True)
    with pytest.raises(sqlite3.OperationalError):
        ro.conn.execute("DELETE FROM articles")
    assert ro.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_a_read_only_store_needs_a_current_schema(db):
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    with pytest.raises(StoreError):
        SQLiteStore(db, read_only=True)


def test_overlapping_annotations_cut_the_text_into_marked_pieces():
    doc = {"text": TEXT, "quotes": [{"content": {"start": 17, "end": 44}, "speaker": {"start": 8, "end": 16},
                                     "cue": None}],
           "figures": [{"start": 24, "end": 38}], "entities": [{"start": 8, "end": 16}],
           "timexes": [], "events": [{"start": 0, "end": 7, "text": "Volgens", "type": "x"}]}
    marks = marks_of(doc)
    pieces = segments(TEXT, marks)
    assert "".join(p.text for p in pieces) == TEXT
    inside = next(p for p in pieces if p.text == "minstens 1.200")
    assert inside.marks == ["f0", "q0"] and inside.kinds == ["figure", "quote"]  # innermost first
    speaker = next(p for p in pieces if p.text == "de groep")
    assert set(speaker.marks) == {"s0", "e0"} and speaker.anchor == "span-8-16"
    assert next(p for p in pieces if p.text == "Volgens").kinds == ["event"]


def test_dates_show_at_their_own_precision_and_numbers_in_dutch():
    assert date_nl("2018-03", "month") == "maart 2018"
    assert date_nl("2018-03-14", "day") == "14 maart 2018"
    assert date_nl("2019-06-12T09:30:00+02:00", "datetime") == "12 juni 2019, 09:30"
    assert date_nl("2018", "year") == "2018"
    assert num(1200.0) == "1.200" and num(2.5) == "2,5"
    assert figure_text({"qualifier": "range", "value": 300, "value_max": 400, "unit": "euro"}) == \
        "tussen 300 en 400 euro"
