"""Language identification: Dutch vs. other languages, normalised probabilities (own sentences)."""

from __future__ import annotations

import pytest

from kroniek.analysis.language import identify

SAMPLES = [
    ("nl", "De gemeenteraad heeft dinsdagavond ingestemd met de bouw van een nieuwe brug over de rivier."),
    ("nl", "Volgens de woordvoerder van de politie is er niemand gewond geraakt bij het ongeluk."),
    ("en", "The city council approved the construction of a new bridge across the river on Tuesday."),
    ("de", "Der Stadtrat hat am Dienstagabend dem Bau einer neuen Brücke über den Fluss zugestimmt."),
    ("fr", "Le conseil municipal a approuvé mardi soir la construction d'un nouveau pont sur le fleuve."),
]


@pytest.mark.parametrize(("lang", "text"), SAMPLES)
def test_identifies_language(lang: str, text: str) -> None:
    got, prob = identify(text)
    assert got == lang
    assert 0.5 < prob <= 1.0


def test_probability_is_normalised_for_long_text() -> None:
    lang, prob = identify(" ".join(t for lang, t in SAMPLES if lang == "nl") * 50)
    assert lang == "nl" and 0.9 < prob <= 1.0


@pytest.mark.parametrize("text", ["", "   ", "12 345 67,8", "--", "ok"])
def test_nothing_to_judge(text: str) -> None:
    assert identify(text) == ("und", 0.0)
