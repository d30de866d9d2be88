"""Dutch number parsing: written-for-test phrases, not corpus text."""

from __future__ import annotations

import pytest

from kroniek.analysis.numbers import (
    find_numbers,
    parse_digits,
    parse_number,
    parse_ordinal,
    parse_relative_ordinal,
)


@pytest.mark.parametrize(
    "text,value",
    [
        ("42.000", 42000),
        ("2,5", 2.5),
        ("1.234,56", 1234.56),
        ("7", 7),
        ("-3", -3),
        ("duizend", 1000),
        ("tienduizend", 10000),
        ("tweeëntwintig", 22),
        ("tweeentwintig", 22),
        ("honderdvijftig", 150),
        ("anderhalf", 1.5),
        ("een half", 0.5),
        ("een derde", 1 / 3),
        ("twee derde", 2 / 3),
        ("een kwart", 0.25),
        ("driekwart", 0.75),
        ("een dozijn", 12),
        ("3 miljoen", 3_000_000),
        ("2,5 miljard", 2_500_000_000),
        ("4 mln", 4_000_000),
        ("een miljoen", 1_000_000),
        ("anderhalf miljoen", 1_500_000),
        ("zevenduizend driehonderdnegen", 7309),
        ("vijf en een half", 5.5),
        ("negentienhonderd", 1900),
        ("honderdduizend", 100_000),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "en", "huis", "twee drie"])
def test_not_numbers(text):
    assert parse_number(text) is None


def test_digits_keep_english_decimal_point():
    assert parse_digits("3.75") == pytest.approx(3.75)
    assert parse_digits("12.500") == 12500


@pytest.mark.parametrize(
    "text,value",
    [
        ("eerste", 1),
        ("derde", 3),
        ("21e", 21),
        ("40ste", 40),
        ("zevenentwintigste", 27),
        ("honderdtweede", 102),
    ],
)
def test_ordinals(text, value):
    assert parse_ordinal(text) == value


def test_find_numbers_in_sentence():
    text = "Ruim 300 boeren en tweeëntwintig vissers kregen samen een derde van drie miljoen euro."
    found = [(n.text, n.value, n.kind) for n in find_numbers(text)]
    assert ("300", 300, "cardinal") in found
    assert ("tweeëntwintig", 22, "cardinal") in found
    assert ("een derde", pytest.approx(1 / 3), "fraction") in found
    assert ("drie miljoen", 3_000_000, "cardinal") in found


@pytest.mark.parametrize(
    ("text", "value"), [("zo'n half miljoen mensen", 500_000), ("een half miljard euro", 500_000_000)]
)
def test_half_before_a_scale_word(text, value):
    assert [n.value for n in find_numbers(text)] == [value]


@pytest.mark.parametrize("text", ["half zo groot", "half Nederland"])
def test_half_alone_is_no_number(text):
    assert find_numbers(text) == []


def test_article_een_is_not_a_number():
    assert find_numbers("Er stond een man bij een auto.") == []


@pytest.mark.parametrize(
    "text", ["Eén kind bleef thuis.", "Één kind bleef thuis.", "Er bleef één kind thuis."]
)
def test_accented_een_is_one(text):
    (n,) = find_numbers(text)
    assert n.value == 1 and n.text.lower() in ("eén", "één")


def test_plural_scale_is_approximate():
    (n,) = find_numbers("Duizenden mensen liepen mee.")
    assert n.kind == "plural" and n.value == 2000


@pytest.mark.parametrize(
    "text,value",
    [
        ("een op de vijf", 0.2),
        ("2 op de 3", 2 / 3),
        ("vier komma twee", 4.2),
        ("½", 0.5),
        ("3e5", 300_000),
        ("twee miljoen en een half", 2_500_000),
        ("drie zevende", 3 / 7),
    ],
)
def test_more_forms(text, value):
    assert parse_number(text) == pytest.approx(value)


def test_ratio_is_extracted_as_fraction():
    (n,) = find_numbers("Eén op de vier scholieren fietst.")
    assert n.kind == "fraction" and n.value == pytest.approx(0.25)
    (n,) = find_numbers("Acht op de tien kiezers bleef thuis.")
    assert n.kind == "fraction" and n.value == pytest.approx(0.8)


@pytest.mark.parametrize(
    "text,interval",
    [
        ("tussen de 10 en 40", "[10,40)"),
        ("van 5 tot en met 9", "[5,9]"),
        ("minder dan vijftig", "(,50)"),
        ("meer dan 12", "(12,)"),
        ("minstens 8", "[8,)"),
        ("hooguit honderd", "(,100]"),
        ("300 of meer", "[300,)"),
        ("gelijk aan 7", "[7,7]"),
        ("boven de 10 en onder de 20", "(10,20)"),
    ],
)
def test_ranges(text, interval):
    from kroniek.analysis.number_ranges import parse_range

    assert parse_range(text) == interval


@pytest.mark.parametrize(
    "text,value",
    [
        ("laatste", "end+0"),
        ("de voorlaatste", "end-1"),
        ("op één na laatste", "end-1"),
        ("drie na laatste", "end-3"),
        ("die voor de laatste", "end-1"),
        ("vorige", "current-1"),
        ("volgende", "current+1"),
        ("huidige", "current+0"),
        ("derde", None),
        ("laatst", None),
    ],
)
def test_relative_ordinal(text: str, value: str | None) -> None:
    assert parse_relative_ordinal(text) == value
    assert parse_ordinal(text) is None or value is None
