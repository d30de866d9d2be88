"""Figures stage on hand-written sentences and a paraphrased seed article."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # the shared seed helper lives beside the tests

from _seed import SEED, analyser

from kroniek.extraction.figures import find_figures
from kroniek.extraction.time import find_timexes


@pytest.fixture(params=["model", "blank"])
def analysed(request, monkeypatch):
    """Documents analysed with the shipped model (skipped if absent) and with the blank fallback."""
    return analyser(request.param, monkeypatch)


def figures(make, text, published="2017-12"):
    return find_figures(make(text, published)).figures


def by_text(figs, fragment):
    for f in figs:
        if fragment in f.text:
            return f
    raise AssertionError(f"no figure with {fragment!r} in {[f.text for f in figs]}")


def test_seed_figures(analysed):
    doc = find_timexes(find_figures(analysed(SEED)))
    figs = doc.figures
    f = by_text(figs, "duizend")
    assert (f.qualifier, f.value, f.unit, f.kind) == ("less_than", 1000, "strijders", "count")
    assert "strijders van terreurgroep Islamitische Staat" in f.subject
    assert f.source_chain[-1] == "Reuters"
    assert f.time == "2017-12"  # "op het moment" in the same sentence
    f = by_text(figs, "een derde")
    assert f.kind == "fraction" and f.value == pytest.approx(1 / 3)
    f = by_text(figs, "42.000")
    assert (f.qualifier, f.value, f.unit) == ("about", 42000, "militanten")
    assert f.subject == "buitenlandse militanten"
    f = by_text(figs, "miljoen")
    assert (f.qualifier, f.value, f.unit) == ("almost", 1_000_000, "burgers")
    # years are not figures
    assert not any("2014" in f.text or "2015" in f.text for f in figs)


@pytest.mark.parametrize(
    "text,fragment,kind,unit,value",
    [
        ("De prijzen stegen vorig jaar met 3,4 procent.", "3,4", "percent", "%", 3.4),
        ("De werkloosheid daalde 0,2 procentpunt.", "0,2", "percent", "procentpunt", 0.2),
        ("Het project kost € 2,5 miljoen.", "2,5", "money", "EUR", 2_500_000),
        ("De club betaalde 40 miljoen dollar.", "40", "money", "USD", 40_000_000),
        ("De file was 12 kilometer lang.", "12", "measure", "km", 12),
        ("Een 65-jarige man raakte gewond.", "65", "age", "jaar", 65),
    ],
)
def test_kinds_and_units(analysed, text, fragment, kind, unit, value):
    f = by_text(figures(analysed, text), fragment)
    assert (f.kind, f.unit) == (kind, unit)
    assert f.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text,qualifier",
    [
        ("Er kwamen ongeveer 300 bezoekers.", "about"),
        ("Er kwamen zo'n 300 bezoekers.", "about"),
        ("Er kwamen nog geen 300 bezoekers.", "less_than"),
        ("Er kwamen hoogstens 300 bezoekers.", "at_most"),
        ("Er kwamen ruim 300 bezoekers.", "more_than"),
        ("Er kwamen minstens 300 bezoekers.", "at_least"),
        ("Er kwamen vrijwel 300 bezoekers.", "almost"),
        ("Er kwamen een kleine 300 bezoekers.", "almost"),
        ("Er kwamen tegen de 300 bezoekers.", "almost"),
        ("Er kwamen iets meer dan 300 bezoekers.", "more_than"),
        ("Er kwamen een slordige 300 bezoekers.", "about"),
        ("Er kwamen 300 bezoekers.", "exact"),
    ],
)
def test_qualifiers(analysed, text, qualifier):
    (f,) = figures(analysed, text)
    assert f.qualifier == qualifier and f.value == 300


@pytest.mark.parametrize(
    "text,qualifier",
    [
        ("De dijk ligt boven 300 meter.", "more_than"),
        ("De werkloosheid bleef onder 300 procent.", "less_than"),
        ("Ze woont boven 300 winkels.", "exact"),  # a place, not a bound
    ],
)
def test_boven_and_onder_bound_a_measure(analysed, text, qualifier):
    (f,) = figures(analysed, text)
    assert f.qualifier == qualifier and f.value == 300


@pytest.mark.parametrize(
    "text,low,high",
    [
        ("Er kwamen tussen de 200 en 300 bezoekers.", 200, 300),
        ("Er kwamen 200 tot 300 bezoekers.", 200, 300),
        ("Er kwamen 200 à 300 bezoekers.", 200, 300),
        ("Er kwamen 200-300 bezoekers.", 200, 300),
    ],
)
def test_ranges(analysed, text, low, high):
    (f,) = figures(analysed, text)
    assert (f.qualifier, f.value, f.value_max) == ("range", low, high)


@pytest.mark.parametrize(
    "text",
    [
        "Het gebeurde in 1998 in Utrecht.",
        "De vergadering is op 6 december.",
        "De trein vertrok om 15.30 uur.",
        "Hij woont aan de Dorpsstraat 12 in Ede.",
        "Volgens artikel 13 van de wet mag dat niet.",
        "Bel 0612345678 voor informatie.",
        "Ze werd tweede in de race.",
        "Het duurde drie weken.",
    ],
)
def test_not_figures(analysed, text):
    assert figures(analysed, text) == []


def test_volgens_source(analysed):
    (f,) = figures(analysed, "Volgens de politie waren er 120 demonstranten.")
    assert f.source_chain == ("politie",)
    assert f.unit == "demonstranten"


def test_plural_scale(analysed):
    (f,) = figures(analysed, "Duizenden mensen gingen de straat op.")
    assert f.value == 2000 and f.qualifier == "at_least" and f.unit == "mensen"


@pytest.mark.parametrize(
    "text,value",
    [
        ("Er kwamen een paar honderd mensen op af.", 200),
        ("Enkele duizenden fans wachtten bij de poort.", 2000),
    ],
)
def test_a_few_of_a_scale_is_at_least_two(analysed, text, value):
    (f,) = figures(analysed, text)
    assert (f.value, f.qualifier) == (value, "at_least")


@pytest.mark.parametrize(
    "text,old,new,unit",
    [
        ("De inflatie steeg van 6 naar 9 procent.", 6, 9, "%"),
        ("Het tarief ging van 5 euro naar 4 euro.", 5, 4, "EUR"),
        ("Het ledental daalde vorig jaar van 1,2 tot 1,1 miljoen.", 1_200_000, 1_100_000, None),
        ("De maximumsnelheid wordt verhoogd van 100 tot 130 km/h.", 100, 130, "km/h"),
        ("De snelheid gaat daar van 100 naar 80 km per uur.", 100, 80, "km/h"),
    ],
)
def test_change_from_to(analysed, text, old, new, unit):
    (f,) = figures(analysed, text)
    assert (f.qualifier, f.value_from, f.value, f.value_max) == ("change", old, new, None)
    assert f.text.startswith("van ")
    if unit:
        assert f.unit == unit


def test_from_to_without_a_change_verb_is_a_range(analysed):
    (f,) = figures(analysed, "De boetes liepen uiteen van 250 euro tot ruim 4.000 euro.")
    assert (f.qualifier, f.value, f.value_max, f.value_from, f.unit) == ("range", 250, 4000, None, "EUR")


@pytest.mark.parametrize(
    "text,low,high",
    [
        ("Het park trekt straks 6 of 7 miljoen bezoekers per jaar.", 6_000_000, 7_000_000),
        ("Twee of drie agenten raakten gewond.", 2, 3),
        ("De bouw kost 2 tot 3 miljoen euro.", 2_000_000, 3_000_000),
    ],
)
def test_ranges_share_the_scale_of_the_second_number(analysed, text, low, high):
    (f,) = figures(analysed, text)
    assert (f.qualifier, f.value, f.value_max) == ("range", low, high)


def test_coins_and_notes_by_name(analysed):
    (f,) = figures(analysed, "Een kaartje kost ongeveer een tientje.")
    assert (f.kind, f.unit, f.value, f.qualifier) == ("money", "EUR", 10, "about")
    (f,) = figures(analysed, "Ze vond twee vijfjes in haar jas.")
    assert (f.kind, f.value) == ("money", 10)
    (f,) = figures(analysed, "De kalveren gaan voor een paar tientjes weg.")
    assert (f.value, f.qualifier, f.unit) == (20, "at_least", "EUR")


@pytest.mark.parametrize(
    "text,fragment",
    [
        ("De rechter hoorde Kees V. (34) uit Zwolle.", "34"),
        ("Met een dochter van 9 in huis is dat lastig.", "9"),
        ("Het fornuis is ca. 40 jr. oud.", "40"),
    ],
)
def test_ages_without_jarige(analysed, text, fragment):
    f = by_text(figures(analysed, text), fragment)
    assert (f.kind, f.unit, f.value) == ("age", "jaar", int(fragment))


def test_counted_inhabitants_and_fraction_units(analysed):
    f = by_text(figures(analysed, "Gisteren kregen 52 Hagenaars een brief."), "52")
    assert f.unit == "Hagenaars"
    f = by_text(figures(analysed, "Er moet een half bos wijken."), "half")
    assert (f.kind, f.value, f.unit) == ("fraction", 0.5, "bos")


def test_a_change_in_percent_then_a_money_value_are_two_figures(analysed):
    figs = figures(analysed, "De omzet steeg met 40 procent tot ruim 2 miljoen euro.")
    assert [(f.kind, f.value, f.qualifier) for f in figs] == [
        ("percent", 40, "exact"),
        ("money", 2_000_000, "more_than"),
    ]


def test_age_ranges_with_a_hyphen(analysed):
    f = by_text(figures(analysed, "Onder 12- tot 16-jarigen is dat minder."), "16")
    assert (f.kind, f.value, f.value_max, f.qualifier) == ("age", 12, 16, "range")


def test_numbers_after_names_that_count(analysed):
    figs = figures(analysed, "De 27 EU-lidstaten praten. Er kwamen in Almelo 250 bezoekers.")
    assert [f.value for f in figs] == [27, 250]
    (f,) = figures(analysed, "Vorig jaar kwamen 300 Nederlanders.")
    assert f.unit == "Nederlanders"


def test_plural_after_jaren_is_not_a_decade(analysed):
    (f,) = figures(analysed, "Ze vervolgden de laatste jaren tientallen politici.")
    assert (f.value, f.unit) == (20, "politici")


@pytest.mark.parametrize(
    "text,value,qualifier",
    [
        ("Het gaat om 47 projecten in de regio.", 47, "exact"),
        ("Er waren rond 300 mensen.", 300, "about"),
        ("Het ging om 5 tot 10 procent van de omzet.", 5, "range"),
    ],
)
def test_om_and_rond_before_an_amount(analysed, text, value, qualifier):
    (f,) = figures(analysed, text)
    assert (f.value, f.qualifier) == (value, qualifier)


@pytest.mark.parametrize(
    "text,kind,value,unit",
    [
        ("Met crowdfunding is zes ton opgehaald.", "money", 600_000, "EUR"),
        ("De gemeente moet een ton schadevergoeding betalen.", "money", 100_000, "EUR"),
        ("De douane onderschepte 40 ton cocaïne.", "measure", 40, "t"),
        ("Het schip had 300 ton graan aan boord.", "measure", 300, "t"),
    ],
)
def test_ton_is_money_in_money_talk(analysed, text, kind, value, unit):
    (f,) = figures(analysed, text)
    assert (f.kind, f.value, f.unit) == (kind, value, unit)


def test_old_currency_and_ratios(analysed):
    (f,) = figures(analysed, "Een kaartje kostte toen 25 gulden.")
    assert (f.kind, f.unit, f.value) == ("money", "NLG", 25)
    (f,) = figures(analysed, "Ruim acht op de tien kiezers bleef thuis.")
    assert (f.kind, f.qualifier, f.value) == ("fraction", "more_than", pytest.approx(0.8))


def test_al_gauw_is_at_least(analysed):
    (f,) = figures(analysed, "Een douche kost al gauw twee euro.")
    assert (f.qualifier, f.value, f.unit) == ("at_least", 2, "EUR")


@pytest.mark.parametrize(
    "text",
    [
        "Bel 06 12 34 56 78 voor informatie.",
        "Wie het weet, kan bellen naar 053 123 4567.",
        "Maak een gift over op giro 5555.",
        "Eén van de agenten raakte gewond.",
        "Ze werkten drie lange werkweken achter elkaar door.",
        "Ze zitten al twee of drie jaar in de bijstand.",
        "In de jaren zestig en zeventig kwam dat niet voor.",
        "Eind jaren 80 begon hij een zaak.",
        "Het 5G-netwerk volgt het 4G-netwerk op.",
        "Op zijn 40ste stopte hij.",
        "Punt één op de agenda was de begroting.",
        "Hij speelde met rugnummer 14.",
        "Tussen grofweg 2014 en 2018 woedde de crisis.",
        "De musea zijn op 13 en 20 april open.",
        "Dat zijn twee handen op één buik.",
        "De jaarcijfers over 2018 komen later.",
        "Het schilderij uit 1998 hangt er nog.",
        "Veel 65-plussers stemden thuis.",
        "Sportvrouw 2018 werd een judoka.",
        "Ze vonden munten uit de periode 1300 tot 1500.",
        "De uitzending liep van half vier tot vijf.",
        "We vertrekken morgen om 8.",
        "Het toestel van het type 737 is neergestort.",
        "Ze haalden een F-16 neer.",
        "Vergeleken met 2007 geeft de groep meer uit.",
        "De winkel gaat rond 11 's ochtends open.",
        "Het wrak van de Boeing 737 MAX is gevonden.",
        "Meer daarover: zie Regio 1.",
        "Het conflict escaleert. 2 Hoe kon het zover komen?",
    ],
)
def test_more_not_figures(analysed, text):
    assert figures(analysed, text) == []


def test_ratio_figure(analysed):
    (f,) = figures(analysed, "Een op de vijf Nederlanders heeft schulden.")
    assert f.kind == "fraction" and f.value == pytest.approx(0.2)
    assert f.subject == "Nederlanders"


@pytest.mark.parametrize(
    "text,subject",
    [
        ("Ruim een derde van de kleine winkels sluit.", "de kleine winkels"),
        ("Twee derde van de Nederlanders is tegen.", "de Nederlanders"),
        ("Een kwart van alle huishoudens heeft schulden.", "alle huishoudens"),
    ],
)
def test_fraction_subject_is_the_noun_phrase_after_van(analysed, text, subject):
    (f,) = figures(analysed, text)
    assert f.kind == "fraction" and f.subject == subject and f.unit != "van"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er kwamen 422 woningen, de helft koop.", [(422, None, "exact"), (0.5, None, "exact")]),
        ("Bijna de helft ging op vakantie.", [(0.5, None, "almost")]),
        ("Met een paar aanpassingen ging het door.", [(2, None, "at_least")]),
        ("Het ligt bijna een procentpunt hoger.", [(1, None, "almost")]),
        ("Britten tussen de 18 en 35 jaar kopen bewust.", [(18, 35, "range")]),
        ("Mensen van 45 jaar en ouder stemmen vaker.", [(45, None, "at_least")]),
        ("Nederlandse 25- tot 35-jarigen leven niet duurzaam.", [(25, 35, "range")]),
        ("Tegen de 33-jarige man is celstraf geëist.", [(33, None, "exact")]),  # against, not almost
        ("Op één na waren alle leden er.", []),  # all but one
        ("Het was slechts een formaliteit.", []),  # just a
    ],
)
def test_news_number_forms_and_ages_in_years(analysed, text, expected):
    got = [(f.value, f.value_max, f.qualifier) for f in figures(analysed, text)]
    assert got == expected


def test_a_range_written_from_high_to_low(analysed):
    f = by_text(figures(analysed, "De economie groeit dit jaar met 1,8 tot 1,6 procent, verwacht het CPB."), "1,6")
    assert (f.value, f.value_max, f.qualifier) == (1.6, 1.8, "range")


def test_comparatives_bound_a_figure(analysed):
    figs = figures(analysed, "Vrachtwagens zwaarder dan 3,5 ton mogen de tunnel niet meer in. "
                             "Kinderen jonger dan 12 jaar betalen niets.", "2019-03")
    heavy = by_text(figs, "3,5")
    assert (heavy.value, heavy.qualifier) == (3.5, "more_than")
    assert heavy.text.startswith("zwaarder dan")
    assert by_text(figs, "12").qualifier == "less_than"


def test_two_ages_joined_by_en_are_two_figures_but_tussen_makes_a_range(analysed):
    figs = figures(analysed, "Twee meisjes van 12 en 14 jaar oud deden aangifte.", "2019-03")
    ages = [f for f in figs if f.value in (12, 14)]
    assert sorted(f.value for f in ages) == [12, 14] and all(f.value_max is None for f in ages)
    assert by_text(figs, "Twee").value == 2
    figs = figures(analysed, "De prijzen stegen tussen 12 en 14 procent.", "2019-03")
    f = by_text(figs, "12")
    assert (f.value, f.value_max, f.qualifier) == (12, 14, "range")


def test_a_negated_amount_is_less_than_it(analysed):
    figs = figures(analysed, "Het kost geen 30 miljoen euro, maar 40 miljoen.", "2019-03")
    f = by_text(figs, "30")
    assert (f.value, f.qualifier) == (30_000_000, "less_than") and f.text.startswith("geen")
    assert by_text(figs, "40").qualifier == "exact"


def test_an_age_with_a_copula_is_a_figure_and_never_a_duration():
    from kroniek.model import Article, PublishedDate
    from kroniek.pipeline import process

    text = "Toen Kjell Scherpen 11 jaar was, ging hij naar Ajax. Hij is 30 jaar. De looptijd is 30 jaar."
    doc = next(process([Article(id="a", text=text, published=PublishedDate.parse("2019-03-01"))]))
    ages = [(f.text, f.value, f.unit) for f in doc.figures if f.kind == "age"]
    assert ages == [("11 jaar", 11.0, "jaar"), ("30 jaar", 30.0, "jaar")]
    assert [(t.text, t.value) for t in doc.timexes] == [("30 jaar", "P30Y")]  # the term is a duration


def test_glued_ages_times_and_age_ranges_with_articles():
    from kroniek.model import Article, PublishedDate
    from kroniek.pipeline import process

    text = (
        "Haar elfjarige zoon kwam mee. Hij won tweemaal de titel. De taal wordt gebruikt door mensen "
        "tussen de 40 en de 55 jaar. Het gaat om jonge mannen, in de leeftijd van 20 tot 27 jaar."
    )
    doc = next(process([Article(id="a", text=text, published=PublishedDate.parse("2019-03-01"))]))
    got = {(f.text, f.value, f.value_max, f.unit, f.kind) for f in doc.figures}
    assert ("elfjarige", 11.0, None, "jaar", "age") in got
    assert ("tweemaal", 2.0, None, None, "count") in got
    assert ("tussen de 40 en de 55 jaar", 40.0, 55.0, "jaar", "age") in got
    assert ("van 20 tot 27 jaar", 20.0, 27.0, "jaar", "age") in got
    assert not doc.timexes  # ages are never durations


def test_one_or_two_is_a_range_but_een_of_andere_is_no_number(analysed):
    f = by_text(figures(analysed, "Er staan een tot twee agenten bij de ingang."), "een tot twee")
    assert (f.value, f.value_max, f.qualifier) == (1.0, 2.0, "range")
    assert figures(analysed, "Een of andere man belde aan.") == []
