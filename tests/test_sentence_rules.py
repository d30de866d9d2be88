"""Sentence boundaries pinned before the parser: names, quote marks and paragraphs stay whole."""

import pytest

from kroniek.analysis import dutch_model as analysis
from kroniek.model import Article, Document, PublishedDate

pytestmark = pytest.mark.skipif(analysis.model_path() is None, reason="needs the shipped model")


def _sentences(text: str) -> list[str]:
    doc = analysis.run_analysis(
        Document(Article(id="t", text=text, published=PublishedDate.parse("2019-06-12")))
    )
    return [text[s.start : s.end] for s in doc.sentences]


def test_no_break_inside_a_name_or_after_an_opening_quote():
    text = (
        "De belasting gaat omhoog. Dat zei minister van Landbouw Pieter Zandbergen dinsdag in Zwolle.\n\n"
        "'We houden vast aan de afspraak.' De minister keek tevreden."
    )
    sents = _sentences(text)
    assert "Dat zei minister van Landbouw Pieter Zandbergen dinsdag in Zwolle." in sents
    assert "'We houden vast aan de afspraak.'" in sents
    assert "De minister keek tevreden." in sents


def test_paragraph_break_always_ends_a_sentence():
    sents = _sentences("Minister: 'We gaan door'\n\nDe oppositie ziet dat anders.")
    assert sents == ["Minister: 'We gaan door'", "De oppositie ziet dat anders."]


def test_initials_titles_and_abbreviations_do_not_end_a_sentence():
    text = (
        "Volgens de rechtbank kocht V. van het geld een auto. Het gesprek met dr. Jansen en mr. "
        "De Vries ging o.a. over de boete en m.b.t. de schade werd niets beslist.\n\n"
        "Het OM eiste vier jaar tegen Maick S. De rechtbank doet later uitspraak."
    )
    sents = _sentences(text)
    assert "Volgens de rechtbank kocht V. van het geld een auto." in sents
    assert any(s.startswith("Het gesprek met dr. Jansen") and s.endswith("niets beslist.") for s in sents)
    assert "De rechtbank doet later uitspraak." in sents  # an initial may still end a sentence


def test_an_opening_quote_mark_after_a_full_stop_starts_a_sentence():
    sents = _sentences('De man zit volgens zijn advocaat al weken in de cel. "En ik weet niet waarom."')
    assert sents == ["De man zit volgens zijn advocaat al weken in de cel.", '"En ik weet niet waarom."']
