import datetime as dt

import pytest

from kroniek.errors import DateError
from kroniek.model import Document, Entity, Figure, Quote, TextSpan, Timex
from tests.conftest import make_doc


@pytest.mark.parametrize(
    ("raw", "value", "precision"),
    [
        ("2017", "2017", "year"),
        ("2017-12", "2017-12", "month"),
        ("2017-12-06", "2017-12-06", "day"),
        ("2019-06-12T09:30:00+02:00", "2019-06-12T09:30:00+02:00", "datetime"),
    ],
)
def test_published_date_keeps_its_precision(raw, value, precision):
    d = __import__("kroniek").PublishedDate.parse(raw)
    assert (d.value, d.precision) == (value, precision)


def test_month_date_never_becomes_a_day():
    d = __import__("kroniek").PublishedDate.parse("2017-12")
    assert str(d) == "2017-12"
    assert d.day is None
    assert d.start() == dt.date(2017, 12, 1) and d.end() == dt.date(2017, 12, 31)


@pytest.mark.parametrize("raw", ["32-13-2019", "2019-13", "2019-02-30", "gisteren", ""])
def test_bad_dates_say_what_format_to_use(raw):
    with pytest.raises(DateError):
        __import__("kroniek").PublishedDate.parse(raw)


def test_document_json_round_trip_keeps_every_annotation():
    doc = make_doc("Jansen zei: 'Ruim 300 mensen kwamen gisteren.'", published="2019-06")
    doc.entities = [Entity(0, 6, "Jansen", "PER", "Piet Jansen")]
    doc.quotes = [Quote(TextSpan(12, 46, "Ruim 300 mensen kwamen gisteren."), TextSpan(7, 10, "zei"),
                        TextSpan(0, 6, "Jansen"), "Piet Jansen", "direct", ("Piet Jansen",))]
    doc.figures = [Figure(12, 20, "Ruim 300", 300, None, "more_than", "mensen", "count", "mensen"),
                   Figure(12, 20, "van 200 naar 300", 300, qualifier="change", value_from=200)]
    doc.timexes = [Timex(35, 43, "gisteren", "DATE", "2019-06")]
    again = Document.from_dict(doc.to_dict())
    assert again.to_dict() == doc.to_dict()
    assert again.figures[1].value_from == 200 and again.figures[0].value_from is None
    assert again.published.precision == "month"
