"""Word tables of the Dutch time grammar, read from ``lexicon/`` beside this module; month and
weekday names come from :mod:`kroniek.lexicon`, number words from :mod:`kroniek.analysis.numbers`."""

from __future__ import annotations

from kroniek.analysis.numbers import TEENS, TENS
from kroniek.analysis.numbers import UNITS as NUMBER_UNITS
from kroniek.lexicon import MONTH_NUMBERS, WEEKDAY_NUMBERS, mapping, ordered, table

_P = __package__

MONTHS: dict[str, int] = MONTH_NUMBERS
WEEKDAYS: dict[str, int] = WEEKDAY_NUMBERS
PARTS: dict[str, str] = mapping("parts_of_day.tsv", _P)
SEASONS: dict[str, str] = mapping("seasons.tsv", _P)
#: Duration units: (TIMEX letter, time-of-day unit?, multiplier).
UNITS: dict[str, tuple[str, bool, float]] = {
    word: (letter, kind == "clock", float(mult) if "." in mult else int(mult))
    for word, letter, kind, mult in table("units.tsv", _P)
}
PLURAL_UNITS: dict[str, str] = mapping("plural_units.tsv", _P)
SETS: dict[str, str] = mapping("sets.tsv", _P)
PRESENT: tuple[str, ...] = ordered("present.txt", _P)
PAST_REF: tuple[str, ...] = ordered("past_ref.txt", _P)
FUTURE_REF: tuple[str, ...] = ordered("future_ref.txt", _P)
#: Hour words "een" .. "twaalf" -> 1 .. 12
HOUR_WORDS: dict[str, int] = {w: v for w, v in {**NUMBER_UNITS, **TEENS}.items() if 1 <= v <= 12}
#: Decade words "twintig" .. "negentig" -> 2 .. 9 ("de jaren zestig")
DECADES: dict[str, int] = {w: v // 10 for w, v in TENS.items()}
