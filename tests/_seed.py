"""A seed-like article (paraphrased for the tests) and a helper to analyse documents."""

from __future__ import annotations

import pytest

from kroniek.analysis import dutch_model as analysis
from kroniek.model import Article, Document, PublishedDate

SEED = (
    "Minder dan duizend strijders van terreurgroep Islamitische Staat (IS) zijn op het moment "
    "nog actief in Syrië en Irak. Dat schrijft Reuters woensdag op basis van een verklaring van "
    "de internationale coalitie. Daarmee is nog maar een derde over van het aantal strijders dat "
    "drie weken geleden actief was in de regio.\n\n"
    "De coalitie voert sinds 2014 luchtaanvallen uit. De afgelopen jaren vochten naar schatting "
    "onder meer 42.000 buitenlandse militanten mee met de terreurgroep. Assad stond tot de "
    "Russische inmenging in 2015 aan de verliezende hand.\n\n"
    "Erdogan vroeg hoe men verder kan met een president die bijna een miljoen burgers heeft "
    "vermoord."
)


def analyser(mode: str, monkeypatch: pytest.MonkeyPatch):
    """A function that builds and analyses a Document, with the shipped model or the blank
    fallback (``mode``); test modules wrap it in their own parametrised fixture."""
    if mode == "blank":
        monkeypatch.setattr(analysis, "model_path", lambda: None)
    elif analysis.model_path() is None:
        pytest.skip("no trained model shipped")

    def make(text: str, published: str | None = "2017-12") -> Document:
        pub = PublishedDate.parse(published) if published else None
        doc = Document(article=Article(id="t", text=text, published=pub))
        return analysis.run_analysis(doc)

    return make
