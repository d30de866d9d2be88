"""Timexes stage: resolution against publication dates of every precision."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # the shared seed helper lives beside the tests

from _seed import SEED, analyser

from kroniek.analysis import dutch_model as analysis
from kroniek.extraction.time import find_in_text, find_timexes
from kroniek.model import Article, Document, PublishedDate


@pytest.fixture(params=["model", "blank"])
def analysed(request, monkeypatch):
    """Documents analysed with the shipped model (skipped if absent) and with the blank fallback."""
    return analyser(request.param, monkeypatch)


def values(text, published="2017-12-07"):
    pub = PublishedDate.parse(published) if published else None
    return {t.text: (t.type, t.value) for t in find_in_text(text, pub)}


def test_seed_timexes(analysed):
    doc = find_timexes(analysed(SEED))
    got = {t.text.lower(): t.value for t in doc.timexes}
    assert got["drie weken geleden"] == "2017"  # 10 Nov .. 10 Dec: spans two months
    assert got["sinds 2014"] == "2014"
    assert got["2015"] == "2015"
    assert got["woensdag"] == "2017-12"  # month precision: never invent a day
    assert got["op het moment"] == "PRESENT_REF"
    assert got["de afgelopen jaren"] == "PXY"


@pytest.mark.parametrize(
    "text,span,expected",
    [
        ("Hij zei woensdag dat het klaar was.", "woensdag", ("DATE", "2017-12-06")),
        ("Hij komt woensdag terug, zal hij zeggen.", "woensdag", ("DATE", "2017-12-13")),
        ("Het gebeurde gisteren.", "gisteren", ("DATE", "2017-12-06")),
        ("Het gebeurde eergisteren.", "eergisteren", ("DATE", "2017-12-05")),
        ("Het is vandaag koud.", "vandaag", ("DATE", "2017-12-07")),
        ("Morgen wordt het beter.", "Morgen", ("DATE", "2017-12-08")),
        ("Hij sprak vanmorgen.", "vanmorgen", ("TIME", "2017-12-07TMO")),
        ("Het was vanavond druk.", "vanavond", ("TIME", "2017-12-07TEV")),
        ("Vorige week was het raak.", "Vorige week", ("DATE", "2017-W48")),
        ("Volgende maand begint het.", "Volgende maand", ("DATE", "2018-01")),
        ("Afgelopen jaar ging het mis.", "Afgelopen jaar", ("DATE", "2016")),
        ("Dat was drie weken geleden.", "drie weken geleden", ("DATE", "2017-W46")),  # the week (news guide)
        ("Het begon in maart.", "maart", ("DATE", "2017-03")),
        ("Het was op 6 december 2016.", "6 december 2016", ("DATE", "2016-12-06")),
        ("De zitting is om 15.30 uur.", "15.30 uur", ("TIME", "2017-12-07T15:30")),
        ("Het duurde twee uur.", "twee uur", ("DURATION", "PT2H")),
        ("Het duurde drie weken.", "drie weken", ("DURATION", "P3W")),
        ("Ze komen elke week samen.", "elke week", ("SET", "P1W")),
        ("De prijs wordt jaarlijks verhoogd.", "jaarlijks", ("SET", "P1Y")),
        ("Het tij keert eind dit jaar.", "eind dit jaar", ("DATE", "2017")),
        ("Hij begint begin volgend jaar.", "begin volgend jaar", ("DATE", "2018")),
        ("Dat is momenteel lastig.", "momenteel", ("DATE", "PRESENT_REF")),
        ("Het bedrijf groeide de afgelopen jaren.", "de afgelopen jaren", ("DURATION", "PXY")),
    ],
)
def test_day_precision(text, span, expected):
    assert values(text)[span] == expected


@pytest.mark.parametrize(
    "text,span,value",
    [
        ("Hij zei woensdag dat het klaar was.", "woensdag", "2017-12"),
        ("Het gebeurde gisteren.", "gisteren", "2017-12"),
        ("Vorige maand ging het mis.", "Vorige maand", "2017-11"),
        ("Het begon in maart.", "maart", "2017-03"),
        ("Op 6 december was het zover.", "6 december", "2017-12-06"),
    ],
)
def test_month_precision_never_invents_a_day(text, span, value):
    assert values(text, "2017-12")[span][1] == value


def test_year_precision():
    got = values("Hij zei woensdag dat het vorige maand begon.", "2017")
    assert got["woensdag"][1] == "2017"
    assert got["vorige maand"][1] == "2017"


def test_no_publication_date():
    got = values("Het gebeurde gisteren, in 2015.", None)
    assert got["gisteren"][1] == "XXXX-XX-XX"
    assert got["2015"][1] == "2015"


def test_figures_get_time(analysed):
    from kroniek.extraction.figures import find_figures

    doc = find_timexes(find_figures(analysed("In 2016 kwamen er 300 bezoekers.", "2017-12")))
    (f,) = doc.figures
    assert f.time == "2016"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("De winst steeg in Q3 2016.", [("Q3 2016", "DATE", "2016-Q3")]),
        ("De bijeenkomst begint 20.15 in de aula.", [("20.15", "TIME", "2017-12-07T20:15")]),
        ("Hij kwam deze vrijdag terug.", [("deze vrijdag", "DATE", "2017-12-08")]),
        (
            "Ze komen elke maandag om 16.00 bijeen.",
            [("elke maandag om 16.00", "SET", "XXXX-WXX-1T16:00")],
        ),
        ("Morgen om 8 uur vertrekt de trein.", [("Morgen om 8 uur", "TIME", "2017-12-08T08:00")]),
        ("Dat speelde van 2010 tot 2014.", [("van 2010 tot 2014", "DATE", "2010/2014")]),
        (
            "De expositie zal van 4 tot 22 januari lopen.",
            [("van 4 tot 22 januari", "DATE", "2018-01-04/2018-01-22")],
        ),
        ("Dat kost € 1.50 per stuk.", []),
    ],
)
def test_more_forms(text, expected):
    pub = PublishedDate.parse("2017-12-07")
    got = [
        (t.text, t.type, t.value)
        for t in find_in_text(text, pub)
        if t.type != "SET" or expected and expected[0][1] == "SET"
    ]
    assert got == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("De actie loopt de tweede week van maart.", {"de tweede week van maart": ("DATE", "2017-W10")}),
        ("Hij stopte in de laatste week van 2016.", {"de laatste week van 2016": ("DATE", "2016-W52")}),
        ("De bouw begon in negentienzesenvijftig.", {"negentienzesenvijftig": ("DATE", "1956")}),
        (
            "Het pand stamt uit mei negentienhonderd twaalf.",
            {"mei negentienhonderd twaalf": ("DATE", "1912-05")},
        ),
        ("Tweeduizend mensen kwamen kijken.", {}),
        ("Met Pasen 2016 was het druk.", {"Pasen 2016": ("DATE", "2016-03-27")}),
        ("Tijdens Koningsdag was het rustig.", {"Koningsdag": ("DATE", "2017-04-27")}),
        ("Na tweede pinksterdag 2015 ging hij weg.", {"tweede pinksterdag 2015": ("DATE", "2015-05-25")}),
        (
            "Dat wordt pas aan het eind van het jaar duidelijk.",
            {"aan het eind van het jaar": ("DATE", "2017")},
        ),
    ],
)
def test_words_weeks_holidays(text, expected):
    got = values(text)
    for span, value in expected.items():
        assert got[span] == value
    if not expected:
        assert got == {}


def test_ranges_in_relative_months_rest_and_within():
    got = find_in_text("Hij is deze maand van 4 tot 12 weg.", PublishedDate.parse("2017-12-07"))
    assert [t.value for t in got] == ["2017-12-04/2017-12-12"]
    got = find_in_text("De rest van de maand blijft het koud.", PublishedDate.parse("2017-12-07"))
    assert [t.value for t in got] == ["2017-12-07/2017-12-31"]
    got = find_in_text("Binnen drie weken moet het klaar zijn.", PublishedDate.parse("2017-12-07"))
    assert [(t.text, t.value) for t in got] == [("drie weken", "P3W")]  # how long it may take


def test_counted_periods_weeks_from_and_decades_in_words():
    pub = PublishedDate.parse("2017-12-07")
    vals = lambda text: [t.value for t in find_in_text(text, pub)]  # noqa: E731
    # a counted stretch is a DURATION (issue 17's guide: "de komende N jaar" -> PNY)
    assert vals("De afgelopen vier weken regende het.") == ["P4W"]
    assert vals("De komende twee maanden blijft de weg dicht.") == ["P2M"]
    assert vals("In de afgelopen drie decennia veranderde veel.") == ["P30Y"]
    assert vals("Dat was in de jaren negentien zestig.") == ["196"]
    assert vals("Het concert is de maand na de volgende.") == ["2018-02"]
    assert vals("Hij reist in de week die op 13 maart begint.") == ["2017-W11"]
    assert vals("Ze komt in de eerste week van oktober.") == ["2017-W40"]


def test_hour_ranges_take_the_day_beside_them():
    pub = PublishedDate.parse("2017-12-07")
    vals = lambda text: [t.value for t in find_in_text(text, pub)]  # noqa: E731
    assert vals("De winkel is morgen van 9:30 tot 17:00 open.") == ["2017-12-08T09:30/2017-12-08T17:00"]
    assert vals("De markt is tussen 8 en 12 uur op 2-3-2018.") == ["2018-03-02T08:00/2018-03-02T12:00"]
    assert vals("Zaterdag 2-1 gewonnen.") == ["2017-12-02"]  # a score, not hours


def test_daypart_before_the_clock():
    got = values("Hij belde 's avonds 8 uur op.")
    assert got["'s avonds 8 uur"] == ("TIME", "2017-12-07T20:00")


def test_days_counted_from_a_day_and_day_of_month_forms():
    got = values("Drie dagen na 5 mei 2016 viel het besluit.")
    assert got["Drie dagen na 5 mei 2016"] == ("DATE", "2016-05-08")
    got = values("Het was de zevende dag van maart.")
    assert got["zevende dag van maart"] == ("DATE", "2017-03-07")
    got = values("Hij vertrok vrijdag van vorige week.")
    assert got["vrijdag van vorige week"] == ("DATE", "2017-12-01")
    got = values("Ze trouwden de tiende juni van 2004.")
    assert got["tiende juni van 2004"] == ("DATE", "2004-06-10")


def test_multi_part_durations_are_written_largest_first():
    assert values("Het duurde 4 dagen en 2 maanden.")["4 dagen en 2 maanden"] == ("DURATION", "P2M4D")


def test_this_daypart():
    assert values("Deze middag spreekt de minister.")["Deze middag"] == ("TIME", "2017-12-07TAF")


def test_range_ends_share_a_written_year():
    pub = PublishedDate.parse("2017-12-07")
    vals = lambda text: [t.value for t in find_in_text(text, pub)]  # noqa: E731
    assert vals("De expositie liep van 20 okt tot 3 jan 2016.") == ["2015-10-20/2016-01-03"]
    assert vals("De weg is dicht van 1-11 tot 8-12.") == ["2017-11-01/2017-12-08"]
    assert vals("Tussen maart 2016 en gisteren daalde het.") == ["2016-03/2017-12-06"]


def test_quarters_and_seasons_with_written_years():
    assert values("Het 2e kwartaal van 2016 was zwak.")["Het 2e kwartaal van 2016"] == ("DATE", "2016-Q2")
    got = values("In de zomer van negentienvijfentachtig brandde het.")
    assert got["de zomer van negentienvijfentachtig"] == ("DATE", "1985-SU")


def test_now_as_a_range_end_is_the_publication_day():
    pub = PublishedDate.parse("2017-12-07")
    got = [t.value for t in find_in_text("Tussen 3 maart en nu verdubbelde de prijs.", pub)]
    assert got == ["2017-03-03/2017-12-07"]
    got = [t.value for t in find_in_text("Tussen nu en 20 januari sluit de weg.", pub)]
    assert got == ["2017-12-07/2018-01-20"]


def test_count_before_the_relative_word():
    got = [
        t.value for t in find_in_text("De 3 komende dagen wordt het warm.", PublishedDate.parse("2017-12-07"))
    ]
    assert got == ["P3D"]


def test_latest_weekday_and_every_weekend():
    got = values("De laatste dinsdag was het druk, elk weekend ook.")
    assert got["De laatste dinsdag"] == ("DATE", "2017-12-05")
    assert got["elk weekend"] == ("SET", "XXXX-WXX-WE")


def test_in_before_the_year_and_dashed_quarters():
    got = values("De opening is op 12 maart in 2019, de cijfers over K2-2018 volgen.")
    assert got["12 maart in 2019"] == ("DATE", "2019-03-12")
    assert got["K2-2018"] == ("DATE", "2018-Q2")


@pytest.mark.parametrize(
    "text,span,expected",
    [
        ("Ze verhuisde een maand geleden.", "een maand geleden", ("DATE", "2017-11-07")),
        ("Hij trad twee jaar geleden af.", "twee jaar geleden", ("DATE", "2015")),  # no made-up day
        ("De winkel opent over drie maanden.", "over drie maanden", ("DATE", "2018-03")),
        ("Later in het jaar volgt een besluit.", "Later in het jaar", ("DATE", "2017")),
        ("Eerder in de week viel er sneeuw.", "Eerder in de week", ("DATE", "2017-W49")),
        ("De wedstrijd is later op de dag.", "later op de dag", ("DATE", "2017-12-07")),
        ("In dezelfde week sloot ook de bank.", "dezelfde week", ("DATE", "XXXX-WXX")),
        ("Datzelfde jaar trouwde hij.", "Datzelfde jaar", ("DATE", "XXXX")),
        ("Het contract liep af in 2016 / 11.", "2016 / 11", ("DATE", "2016-11")),
        ("De cijfers over dec-2016 vielen tegen.", "dec-2016", ("DATE", "2016-12")),
        ("Het plan van 2015, nov. kwam laat.", "2015, nov.", ("DATE", "2015-11")),
    ],
)
def test_dates_relative_anaphoric_and_numeric_months(text, span, expected):
    assert values(text)[span] == expected


def test_month_shifts_stay_coarse_without_a_day():
    assert values("Ze verhuisde een maand geleden.", "2017-12")["een maand geleden"] == (
        "DATE",
        "2017-11",
    )


@pytest.mark.parametrize(
    "text,span,expected",
    [
        ("De zitting duurde tweeëneenhalf uur.", "tweeëneenhalf uur", ("DURATION", "PT2.5H")),
        ("Ze bleven een paar dagen in Gent.", "een paar dagen", ("DURATION", "P2D")),
        ("Het overleg sleept al een aantal weken.", "al een aantal weken", ("DURATION", "PXW")),
        ("De storing duurde 4 min.", "4 min", ("DURATION", "PT4M")),
        ("Hij sliep drie nachten in de auto.", "drie nachten", ("DURATION", "P3D")),
        ("Elke nacht rijden er treinen.", "Elke nacht", ("SET", "XXXX-XX-XXTNI")),
        ("Het pakket kwam tweemaandelijks.", "tweemaandelijks", ("SET", "P2M")),
        ("De bel ging om tien over tien.", "tien over tien", ("TIME", "2017-12-07T10:10")),
        ("De trein vertrok rond elven.", "elven", ("TIME", "2017-12-07T11:00")),
        ("Hij stond om 7h05 op.", "7h05", ("TIME", "2017-12-07T07:05")),
        ("De winkel sluit 's avonds om 9.", "'s avonds om 9", ("TIME", "2017-12-07T21:00")),
        ("Het was omstreeks 5 in de ochtend.", "5 in de ochtend", ("TIME", "2017-12-07T05:00")),
        ("Toen het 's avonds half negen was.", "'s avonds half negen", ("TIME", "2017-12-07T20:30")),
        ("De markt opent rond lunchtijd.", "lunchtijd", ("TIME", "2017-12-07T12:00")),
        ("Het onweer kwam in de namiddag.", "de namiddag", ("TIME", "XXXX-XX-XXTAF")),
        ("Afgelopen nacht brandde een schuur af.", "Afgelopen nacht", ("TIME", "2017-12-06TNI")),
        ("Komende nacht gaat het vriezen.", "Komende nacht", ("TIME", "2017-12-07TNI")),
    ],
)
def test_clock_words_vague_counts_and_parts_of_day(text, span, expected):
    assert values(text)[span] == expected


def test_clock_readings_that_are_not_times():
    # "vijf voor twaalf" is mostly the idiom; "om 10 uur een" keeps the article out of the minutes
    assert "vijf voor twaalf" not in values("Het is vijf voor twaalf voor het klimaat.")
    assert values("Om 10 uur een persconferentie.")["10 uur"] == ("TIME", "2017-12-07T10:00")
    assert values("Het is twee uur rijden.")["twee uur"] == ("DURATION", "PT2H")
    assert values("Het is zeven uur.")["zeven uur"] == ("TIME", "2017-12-07T07:00")
    assert "een voor een" not in values("Ze kwamen een voor een binnen.")
    assert "in de nacht" not in values("Het gebeurde in de nacht van zaterdag op zondag.")


@pytest.mark.parametrize(
    "text,span,expected",
    [
        ("Hij kwam op de achtste terug.", "de achtste", ("DATE", "2017-12-08")),
        ("De stemming is op de eenentwintigste.", "de eenentwintigste", ("DATE", "2017-12-21")),
        ("Het was in de week van 10 april.", "week van 10 april", ("DATE", "2017-W15")),
        (
            "Betalen voor de twintigste dag van de maand.",
            "twintigste dag van de maand",
            ("DATE", "2017-12-20"),
        ),
        ("Het gebeurt deze werkweek.", "deze werkweek", ("DATE", "2017-W49")),
        ("Het geldt voor het huidige kwartaal.", "huidige kwartaal", ("DATE", "2017-Q4")),
        ("Alles van later dan 2015 telt.", "later dan 2015", ("DATE", "2015")),
        ("Het wordt 2019 of later.", "2019 of later", ("DATE", "2019")),
        ("In de zomer is het druk.", "de zomer", ("DATE", "XXXX-SU")),
        ("Het regent op november de 15e.", "november de 15e", ("DATE", "2017-11-15")),
        ("Brief van de tiende van mei, tweeduizend.", "tiende van mei, tweeduizend", ("DATE", "2000-05-10")),
        ("Op Black Friday 2016 was het druk.", "Black Friday 2016", ("DATE", "2016-11-25")),
    ],
)
def test_more_calendar_dates(text, span, expected):
    assert values(text)[span] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ajax eindigde op de tweede plaats.",
        "PSV staat op de tweede.",
        "Leon de Winter schreef een boek.",
        "Het debat over zomer- en wintertijd.",
    ],
)
def test_no_dates_in_places_names_and_compounds(text):
    assert values(text) == {}


def test_date_ranges_within_and_weekday_ends():
    pub = PublishedDate.parse("2017-12-07")
    vals = lambda text: [t.value for t in find_in_text(text, pub)]  # noqa: E731
    assert vals("Binnen twee weken vanaf vandaag moet het klaar zijn.") == ["2017-12-07/2017-12-21"]
    assert vals("Het is af in minder dan 3 dagen na morgen.") == ["2017-12-08/2017-12-11"]
    assert vals("De school is dicht van maandag tot vrijdag.") == ["2017-12-04/2017-12-08"]


@pytest.mark.parametrize(
    "text,span,expected",
    [
        ("Zaterdag om 9 opent de markt.", "Zaterdag om 9", ("TIME", "2017-12-02T09:00")),
        ("Vanavond om 8 speelt de band.", "Vanavond om 8", ("TIME", "2017-12-07T20:00")),
        ("Vanavond om 1.00 sluit de kroeg.", "Vanavond om 1.00", ("TIME", "2017-12-07T01:00")),
        ("De brand brak afgelopen nacht om 3 uit.", "afgelopen nacht om 3", ("TIME", "2017-12-06T03:00")),
        (
            "Het concert begint half negen morgenavond.",
            "half negen morgenavond",
            ("TIME", "2017-12-08T20:30"),
        ),
        (
            "De bom ontplofte vijf minuten na 14.10 uur.",
            "vijf minuten na 14.10 uur",
            ("TIME", "2017-12-07T14:15"),
        ),
        ("Ze komen om 8 uur of 9 uur.", "9 uur", ("TIME", "2017-12-07T09:00")),
        ("Hij is er elke 1/5.", "elke 1/5", ("SET", "XXXX-05-01")),
        ("De club traint om de week.", "om de week", ("SET", "P2W")),
        ("Het blad verschijnt om de twee maanden.", "om de twee maanden", ("SET", "P2M")),
        ("We spelen zondag om de week.", "zondag om de week", ("SET", "XXXX-WXX-7")),
        ("In de weekenden is het druk.", "de weekenden", ("SET", "P1WE")),
    ],
)
def test_day_and_clock_joins_and_sets(text, span, expected):
    assert values(text)[span] == expected


def test_bare_hours_need_a_day_and_no_count_noun():
    assert values("Het ging maandag om 3 miljoen euro.")["maandag"] == ("DATE", "2017-12-04")
    assert values("Zaterdag om 2 redenen niet.")["Zaterdag"] == ("DATE", "2017-12-02")
    assert not any(v[0] == "TIME" for v in values("Het gaat om 2 van de 3.").values())


@pytest.mark.parametrize(
    "text,span,expected",
    [
        ("De stemming is vrijdag 12/5.", "vrijdag 12/5", ("DATE", "2017-05-12")),
        ("Het is volgende 3/4 klaar.", "volgende 3/4", ("DATE", "2018-04-03")),
        ("Komende donderdag is er overleg.", "Komende donderdag", ("DATE", "2017-12-14")),
        ("Filter: jaar >= 2015.", ">= 2015", ("DATE", "2015")),
        ("Op deze dag stierf hij.", "deze dag", ("DATE", "2017-12-07")),
        ("De afgelopen dag was rustig.", "afgelopen dag", ("DATE", "2017-12-06")),
        ("De finale is op zondag 31.", "zondag 31", ("DATE", "2017-12-31")),
    ],
)
def test_weekday_dates_and_today_words(text, span, expected):
    assert values(text)[span] == expected


@pytest.mark.parametrize("text", ["De vorige dag vertrok hij.", "Het staat 12/5 voor de thuisploeg."])
def test_no_dates_without_a_day_context(text):
    assert values(text) == {}


def test_a_count_after_a_weekday_is_no_day():
    assert values("Zaterdag 3 doelpunten.") == {"Zaterdag": ("DATE", "2017-12-02")}


def test_numeric_date_ranges():
    pub = PublishedDate.parse("2017-12-07")
    vals = lambda text: [t.value for t in find_in_text(text, pub)]  # noqa: E731
    assert vals("De actie liep van 1-10-2017 tot 7-10-2017.") == ["2017-10-01/2017-10-07"]
    assert vals("De periode 10/1-11/2/2017 was koud.") == ["2017-01-10/2017-02-11"]
    assert vals("Open van 30-12 - 2-1, 2018.") == ["2017-12-30/2018-01-02"]


def test_hour_ranges_with_minutes_or_a_part_of_day_and_clock_edges():
    got = values("De balie is open 8.30 tot 12 en 's middags 2-5 's middags.")
    assert got["8.30 tot 12"] == ("TIME", "2017-12-07T08:30/2017-12-07T12:00")
    assert values("Het loket is 9-11 's ochtends open.")["9-11 's ochtends"] == (
        "TIME",
        "2017-12-07T09:00/2017-12-07T11:00",
    )
    assert "2-1" not in values("Ajax won zaterdag met 2-1.")
    assert values("Het is drie minuten voor acht.")["drie minuten voor acht"] == ("TIME", "2017-12-07T07:57")
    assert values("Halverwege de middag brak de zon door.")["Halverwege de middag"] == (
        "TIME",
        "2017-12-07T14:00",
    )


def test_last_hours_count_back_from_the_publication_time():
    # a counted stretch is a duration, with or without a publication time
    got = values("In de afgelopen 24 uur viel er veel regen.", "2017-12-07T09:30:00")
    assert got["de afgelopen 24 uur"] == ("DURATION", "PT24H")
    assert values("In de afgelopen 24 uur viel er veel regen.")["de afgelopen 24 uur"] == (
        "DURATION",
        "PT24H",
    )


def test_weekday_and_clock_with_a_dot_stay_one_time():
    got = values("De weg was dicht van maandag 20.00 uur tot dinsdag 05.30 uur.")
    assert got["van maandag 20.00 uur tot dinsdag 05.30 uur"] == ("TIME", "2017-12-04T20:00/2017-12-05T05:30")
    assert values("Om tien over vijf gistermiddag ging het mis.")["tien over vijf gistermiddag"] == (
        "TIME",
        "2017-12-06T17:10",
    )


@pytest.mark.parametrize(
    "text,span,expected",
    [
        ("De omzet daalde in de tweede helft van 2016.", "de tweede helft van 2016", ("DATE", "2016-H2")),
        ("De cijfers over H1 2017 vielen mee.", "H1 2017", ("DATE", "2017-H1")),
        ("De eerste helft van vorig jaar was zwak.", "De eerste helft van vorig jaar", ("DATE", "2016-H1")),
        ("Het loopt tot okt.", "tot okt.", ("DATE", "2017-10")),
        ("Over het kalenderjaar 2016 kwam winst.", "kalenderjaar 2016", ("DATE", "2016")),
    ],
)
def test_half_years_abbreviated_months_and_calendar_years(text, span, expected):
    assert values(text)[span] == expected


def test_no_half_year_without_a_year():
    assert values("In de tweede helft scoorde Ajax.") == {}


def test_month_and_day_ranges():
    pub = PublishedDate.parse("2017-12-07")
    vals = lambda text: [t.value for t in find_in_text(text, pub)]  # noqa: E731
    assert vals("Van aanstaande mei tot okt 2019 is het dicht.") == ["2018-05/2019-10"]
    assert vals("Ze is afwezig november 19-20.") == ["2017-11-19/2017-11-20"]
    assert vals("Het overleg is op de 17 van 14.00 tot 16.00 uur.") == ["2017-12-17T14:00/2017-12-17T16:00"]


def test_story_relative_parts_of_day_and_articles_are_not_clock_times():
    # 'de volgende ochtend' follows the story, not the publication date
    assert "volgende ochtend" not in values("De volgende ochtend werd hij wakker.")
    # 'om een campagnebijeenkomst' is no one o'clock
    got = values("De partij besloot gisteravond om een bijeenkomst door te laten gaan.")
    assert got["gisteravond"] == ("TIME", "2017-12-06TEV")
    assert "in de nacht" not in values("Ze vluchtten in de nacht voordat het gebeurde.")
    # an unnamed day's evening keeps its day unknown; a clock after it takes the evening
    assert values("Hij werkt in de avond om 8 nog.")["de avond om 8"] == ("TIME", "XXXX-XX-XXT20:00")


def test_story_days_count_from_the_last_named_day():
    pub = PublishedDate.parse("2017-12-07")
    vals = lambda text: [t.value for t in find_in_text(text, pub)]  # noqa: E731
    assert vals("Ze kwam op 3 mei aan en vertrok de dag erna.") == ["2017-05-03", "2017-05-04"]
    assert vals("Op 3 mei werd hij opgepakt. De dag daarna kwam hij vrij.") == ["2017-05-03", "2017-05-04"]
    # with no date before it at all, from the publication day (the news guide, part B.2)
    assert vals("De dag ervoor was het nog rustig.") == ["2017-12-06"]
    assert vals("Op 3 mei werd hij opgepakt. " + "Er gebeurde veel. " * 90 + "De dag ervoor was het rustig.") == [
        "2017-05-03",
        "XXXX-XX-XX",
    ]  # a date far before: the story's day, unknown
    assert vals("Wie 's avonds vlees eet, moet de volgende dag fietsen.") == [
        "XXXX-XX-XXTEV",
        "XXXX-XX-XX",
    ]


def test_hour_range_ends_share_the_named_day_and_cross_midnight():
    got = values("De tunnel was dicht van 22.00 uur tot dinsdag 06.00 uur.")
    assert got["van 22.00 uur tot dinsdag 06.00 uur"] == ("TIME", "2017-12-04T22:00/2017-12-05T06:00")
    got = values("De tunnel was dicht van maandag 20.00 uur tot 05.30 uur.")
    assert got["van maandag 20.00 uur tot 05.30 uur"] == ("TIME", "2017-12-04T20:00/2017-12-05T05:30")
    got = values("Het café is open van 22.00 tot 03.00 uur.")
    assert got["van 22.00 tot 03.00 uur"] == ("TIME", "2017-12-07T22:00/2017-12-08T03:00")


def test_vague_and_single_counts_in_last_and_next_ranges():
    got = values("De afgelopen paar dagen regende het.", "2017-12-07T09:30:00")
    assert got["De afgelopen paar dagen"] == ("DURATION", "P2D")
    got = values("Het komende uur blijft het droog.", "2017-12-07T09:30:00")
    assert got["Het komende uur"] == ("DURATION", "PT1H")
    assert values("De komende dagen blijft het droog.")["De komende dagen"] == ("DURATION", "PXD")


def test_season_of_a_relative_year():
    got = values("De droogte sinds de zomer van vorig jaar duurt voort.")
    assert got["zomer van vorig jaar"] == ("DATE", "2016-SU")


def test_working_days_and_compound_shifts():
    got = values("Het is over vier werkdagen klaar, de levering duurt vijf werkdagen.", "2018-08-21")
    assert got["over vier werkdagen"] == ("DATE", "2018-08-27")  # the weekend does not count
    assert got["vijf werkdagen"] == ("DURATION", "P5BD")
    got = values("Hij vertrekt over 2 jaar en 21 dagen.", "2017-11-23")
    assert got["over 2 jaar en 21 dagen"] == ("DATE", "2019-12-14")


@pytest.mark.parametrize(
    "text,span,expected",
    [
        (
            "In de nacht van zaterdag op zondag werd ingebroken.",
            "de nacht van zaterdag op zondag",
            "2017-12-02TNI",
        ),
        ("In de nacht van 3 op 4 mei brandde een schuur af.", "de nacht van 3 op 4 mei", "2017-05-03TNI"),
        ("Op de avond van 4 maart was het feest.", "de avond van 4 maart", "2017-03-04TEV"),
    ],
)
def test_part_of_a_named_day(text, span, expected):
    assert values(text)[span] == ("TIME", expected)


def test_counted_weekdays_word_year_ranges_and_compound_within():
    got = values("Over twee zondagen vanaf nu is de finale, drie zondagen geleden de halve.", "2018-05-07")
    assert got["Over twee zondagen vanaf nu"] == ("DATE", "2018-05-20")
    assert got["drie zondagen geleden"] == ("DATE", "2018-04-22")
    pub = PublishedDate.parse("2017-11-08")
    vals = lambda text: [t.value for t in find_in_text(text, pub)]  # noqa: E731
    assert vals("Het liep van tweeduizend tot tweeduizend veertien.") == ["2000/2014"]
    assert vals("Er kwamen tweeduizend tot tweeduizend vijfhonderd mensen.") == []
    assert vals("Binnen twee jaar en zes maanden moet het af.") == ["2017-11-08/2020-05-08"]
    assert vals("Het was in de week van september de 16e.") == ["2017-W37"]


def test_midmorning_midnight_hours_and_some_days():
    assert values("Hij kwam midmorgen aan.")["midmorgen"] == ("TIME", "2017-12-07T10:00")
    assert values("Om 12 uur middernacht sloot de zaak.")["12 uur middernacht"] == (
        "TIME",
        "2017-12-07T00:00",
    )
    assert values("Ze bleef nog wat dagen.")["nog wat dagen"] == ("DURATION", "P3D")
    assert values("Wat uur is het?") == {}


@pytest.mark.parametrize(
    "text,span,value",
    [
        ("Het monument wordt op zaterdag 4 mei onthuld.", "zaterdag 4 mei", "2019-05-04"),
        ("De staking van maandag 18 maart was groot.", "maandag 18 maart", "2019-03-18"),
        ("Vorig jaar herfst wilde de overheid hem uitzetten.", "Vorig jaar herfst", "2018-FA"),
        ("Ze werd zomer vorig jaar aangehouden.", "zomer vorig jaar", "2018-SU"),
    ],
)
def test_the_weekday_picks_the_year_and_seasons_of_relative_years(text, span, value):
    assert values(text, "2019-03-25")[span] == ("DATE", value)


@pytest.mark.parametrize(
    "text", ["Matthews won in 4.09.34, Valverde volgde.", "Busjes die dag en nacht doorrijden."]
)
def test_race_times_and_day_and_night_are_no_dates(text):
    assert values(text, "2019-03-25") == {}


def test_flemish_clock_times_with_u():
    assert values("De show begint om 20u30.")["20u30"] == ("TIME", "2017-12-07T20:30")
    assert values("Kom voor 15u langs.")["voor 15u"] == ("TIME", "2017-12-07T15:00")
    assert values("Hij liep 3u.")["3u"] == ("DURATION", "PT3H")


def test_vague_counts_back_and_ahead_count_as_their_durations():
    # a vague count back or ahead names no day (the news guide): a past or future reference
    got = values("Enkele dagen geleden was het raak; over een paar maanden opent de zaak.", "2019-03-25")
    assert got["Enkele dagen geleden"] == ("DATE", "PAST_REF")
    assert got["over een paar maanden"] == ("DATE", "FUTURE_REF")
    assert values("Binnen enkele weken komt het.", "2019-03-25")["Binnen enkele weken"] == (
        "DATE",
        "FUTURE_REF",
    )
    assert values("Enkele dagen geleden was het raak.", "2019-03")["Enkele dagen geleden"] == (
        "DATE",
        "PAST_REF",
    )


@pytest.mark.skipif(analysis.model_path() is None, reason="needs the shipped model's verb morphology")
def test_named_month_in_a_present_tense_sentence_stays_in_the_publication_year():
    from kroniek.pipeline import Pipeline

    text = (
        "De vergunning van de vissers loopt in mei af. Het vonnis volgt op 19 april. "
        "Vorig jaar werd in mei al een boete opgelegd."
    )
    doc = Pipeline(["analysis", "timexes"])(
        Document(Article(id="t", text=text, published=PublishedDate.parse("2019-03-26")))
    )
    values = [(t.text, t.value) for t in doc.timexes]
    assert ("mei", "2019-05") in values
    assert ("19 april", "2019-04-19") in values
    assert ("mei", "2018-05") in values  # past tense: the last May


def test_since_a_month_looks_back_and_a_week_of_a_dated_day():
    got = values(
        "Sinds december zijn er veel demonstraties, in de week van 15 april 2019 stemt de Kamer.",
        "2019-04-08",
    )
    assert got["Sinds december"] == ("DATE", "2018-12")
    assert got["week van 15 april 2019"] == ("DATE", "2019-W16")


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Het merk bestaat al jaren niet meer.", "jaren", "PXY"),
        ("Bewoners zaten daar al dagen zonder stroom.", "dagen", "PXD"),
        ("Hij heeft jarenlang in de bijstand gezeten.", "jarenlang", "PXY"),
        ("Ze wachtten urenlang op de bus.", "urenlang", "PTXH"),
        ("De laatste tijd gaat het beter met de zaak.", "De laatste tijd", "PAST_REF"),
        ("Tot op de dag van vandaag voelen we dat.", "de dag van vandaag", "PRESENT_REF"),
    ],
)
def test_vague_durations_and_references(text, span, value):
    got = [(t.text, t.value) for t in find_in_text(text, PublishedDate.parse("2019-03-12"))]
    assert (span, value) in got


def test_decades_are_not_vague_durations():
    got = [
        t.value
        for t in find_in_text(
            "Muziek uit de jaren tachtig en al jaren 80-hits.", PublishedDate.parse("2019-03-12")
        )
    ]
    assert "PXY" not in got


def test_year_to_date_and_the_following_holiday():
    got = values("Dit jaar tot nu toe verkocht het bedrijf meer dan ooit.", "2019-04-08")
    assert got["Dit jaar tot nu toe"] == ("DATE", "2019")
    assert values("De eropvolgende Pasen viel laat.", "2019-06-12")["eropvolgende Pasen"] == (
        "DATE",
        "2020-04-12",
    )


def test_counted_future_as_a_range():
    pub = PublishedDate.parse("2016-11-07")
    got = [t.value for t in find_in_text("Twee jaar in de toekomst is alles anders.", pub)]
    assert got == ["2016-11-08/2018-11-07"]


def test_past_weekday_on_its_own_day_and_vague_counts_after_na():
    got = values("De aanslag van afgelopen maandag schokte het land.", "2019-04-01")
    assert got["afgelopen maandag"] == ("DATE", "2019-03-25")  # said on a Monday: last week's
    got = values("Maar na een paar jaar bleken de problemen groot.", "2019-04-01")
    assert got["een paar jaar"] == ("DURATION", "P2Y")  # after the story's event, not after today


def test_figures_skip_timexes_without_a_year(analysed):
    from kroniek.extraction.figures import find_figures

    doc = find_timexes(find_figures(analysed("In 2016 kwamen er in de nacht 300 bezoekers.", "2017-12-07")))
    (f,) = doc.figures
    assert f.time == "2016"


def test_round_and_vague_year_counts_keep_the_year():
    got = values(
        "Dertig jaar geleden ontplofte de affaire, een paar jaar geleden kwam ze terug.", "2019-03-08"
    )
    assert got["Dertig jaar geleden"] == ("DATE", "1989")
    assert got["een paar jaar geleden"] == ("DATE", "PAST_REF")  # no year is said
    assert values("Twee jaar geleden schreef ik het al.", "2019-03-08")["Twee jaar geleden"] == (
        "DATE",
        "2017",  # at the precision of its unit (issue 17's guide); only 'een jaar geleden' keeps the day
    )


def test_thousands_are_no_clock_times_and_purpose_clauses_no_sets():
    assert values("Het verschil liep op van 13.000 tot 14.000 stemmen.") == {}
    assert values("Er werd voor 15.000 euro aan boetes geïnd.") == {}
    assert values("De koers steeg om de dag te eindigen op 79,14.") == {}
    assert values("Ze komen om de week samen om te praten.")["om de week"] == ("SET", "P2W")


def test_a_past_weekday_stays_past_in_a_future_sentence():
    got = values("De herdenking van de aanslag van afgelopen maandag gaat door.", "2019-03-25")
    assert got["afgelopen maandag"] == ("DATE", "2019-03-18")


def test_hedged_and_approximate_counts():
    got = values("Marin kwam ruim twee jaar geleden over; bijna een maand geleden tekende hij.", "2019-03-30")
    assert got["ruim twee jaar geleden"] == ("DATE", "2017")  # 'ruim': no exact day
    assert got["bijna een maand geleden"] == ("DATE", "2019-02")
    assert values("Zo zit je over een jaar of dertig op nul.", "2019-03-30") == {}  # about thirty years


@pytest.mark.parametrize(
    "text,span,value",
    [
        ("De verleende verlenging tot 1 juni wijkt af.", "1 juni", "2019-06-01"),
        ("De rechter doet uiterlijk op 19 april uitspraak.", "19 april", "2019-04-19"),
        ("Hij bleef tot 1 februari in functie.", "1 februari", "2019-02-01"),
        ("Hij werkte er van 3 mei tot 1 juni.", "van 3 mei tot 1 juni", "2018-05-03/2018-06-01"),  # one year
    ],
)
def test_an_end_or_deadline_is_the_nearest_such_day(text, span, value):
    assert values(text, "2019-03-26")[span] == ("DATE", value)


def test_season_years_and_lists_of_days():
    pub = PublishedDate.parse("2019-03-26")
    vals = lambda text: [t.value for t in find_in_text(text, pub)]  # noqa: E731
    assert vals("Het seizoen 2018/19 was slecht.") == ["2018/2019"]
    assert vals("In het schooljaar 2019-2020 komt er een klas bij.") == ["2019/2020"]
    assert vals("Het seizoen 2011-12 was zwak.") == ["2011/2012"]
    assert vals("Het rapport over 2011-12 is uit.") == ["2011-12"]  # December 2011
    assert vals("Het feest is op 5 en 6 april 2019.") == ["2019-04-05", "2019-04-06"]


@pytest.mark.parametrize(
    "text, span, type_, value",
    [
        ("In 2015 begon de bouw. Twee jaar later was het klaar.", "Twee jaar later", "DATE", "2017"),
        (
            "Op 3 mei 2018 vertrok hij. Drie dagen later overleed hij.",
            "Drie dagen later",
            "DATE",
            "2018-05-06",
        ),
        (
            "In maart 2016 trad hij aan. Zes maanden daarna stapte hij op.",
            "Zes maanden daarna",
            "DATE",
            "2016-09",
        ),
        ("Vier jaar later kwam hij terug.", "Vier jaar later", "DATE", "XXXX"),  # no date to count from
        ("Na een jaar was het over.", "een jaar", "DURATION", "P1Y"),  # after a story event
        ("Na twee jaar zal het klaar zijn.", "Na twee jaar", "DATE", "2021"),  # future: from today
    ],
)
def test_later_counts_from_the_story_date(text, span, type_, value):
    got = [(t.text, t.type, t.value) for t in find_in_text(text, PublishedDate.parse("2019-03-28"))]
    assert (span, type_, value) in got


@pytest.mark.skipif(analysis.model_path() is None, reason="needs the shipped model's verb tags")
def test_weekday_in_a_present_sentence_is_the_coming_one_unless_reported_or_since():
    from kroniek.pipeline import Pipeline

    text = (
        "Zaterdag begint de kaartverkoop. Dat zegt de organisatie dinsdag. "
        "De titelstrijd ligt sinds zondag weer open. Groepjes jongeren hebben maandag de orde verstoord."
    )
    doc = Pipeline(["analysis", "timexes"])(
        Document(Article(id="t", text=text, published=PublishedDate.parse("2019-04-03")))  # a Wednesday
    )
    got = {t.text: t.value for t in doc.timexes}
    assert got["Zaterdag"] == "2019-04-06"
    assert got["dinsdag"] == "2019-04-02"  # a report of what was said
    assert got["zondag"] == "2019-03-31"
    assert got["maandag"] == "2019-04-01"  # perfect tense


@pytest.mark.parametrize(
    "text,span,expected",
    [
        # a vague count after 'al' says no number: PXY, not P3Y (nor does 'enkele dagen geleden' name a day)
        ("De fabriek draait al enkele jaren met verlies.", "al enkele jaren", ("DURATION", "PXY")),
        ("Dat gebeurde enkele dagen geleden.", "enkele dagen geleden", ("DATE", "PAST_REF")),
        ("De bakker had de laatste weken weinig klanten.", "de laatste weken", ("DURATION", "PXW")),
        ("De kinderen spelen heel de dag buiten.", "heel de dag", ("DURATION", "P1D")),
        ("Koffie is in de avonduren minder populair.", "de avonduren", ("TIME", "XXXX-XX-XXTEV")),
        ("Die avond regende het.", "Die avond", ("TIME", "XXXX-XX-XXTEV")),
        ("De bus kwam op 3 mei 2016 aan. Die nacht sliep niemand.", "Die nacht", ("TIME", "2016-05-03TNI")),
        ("De zaal opent woensdag 12 december, 20.15 uur.", "woensdag 12 december", ("DATE", "2018-12-12")),
        ("De zaal opent woensdag 12 december, 20.15 uur.", "20.15 uur", ("TIME", "2018-12-12T20:15")),
        (
            "Gisteren sloot de markt. In de ochtend kwam de burgemeester.",
            "de ochtend",
            ("TIME", "2017-12-06TMO"),
        ),
        (
            "Gisteren sloot de markt. Hij sprak 's middags de kramers toe.",
            "'s middags",
            ("TIME", "2017-12-06TAF"),
        ),
        ("De bakker is altijd 's middags dicht.", "'s middags", ("SET", "XXXX-XX-XXTAF")),
    ],
)
def test_news_story_parts_of_day_vague_and_whole_periods(text, span, expected):
    assert values(text)[span] == expected


@pytest.mark.parametrize(
    "text",
    [
        "De scooter reed 45 kilometer per uur.",  # a speed, not a SET
        "Op de dijk geldt 60 km per uur.",
        "Haar broers zijn 12 en 17 jaar oud.",  # ages, not durations
        "Kok Bram (34 jaar) opent een zaak.",
    ],
)
def test_speeds_and_ages_are_no_timexes(text):
    assert values(text) == {}


def test_news_datelines_years_and_days_before_an_article():
    # a dateline keeps its DATE; the hour range after the comma gets the day
    got = find_in_text("Open huis: zaterdag 6 juli, 10.00 tot 16.00 uur.", PublishedDate.parse("2019-07-01"))
    assert [(t.text, t.type, t.value) for t in got] == [
        ("zaterdag 6 juli", "DATE", "2019-07-06"),
        ("10.00 tot 16.00 uur", "TIME", "2019-07-06T10:00/2019-07-06T16:00"),
    ]
    # 'vandaag de ...' is still today (only 'vandaag de dag' is PRESENT_REF)
    assert values("Misschien wint de ploeg vandaag de beker.")["vandaag"] == ("DATE", "2017-12-07")
    assert values("Vandaag de dag leest niemand meer kranten.")["Vandaag de dag"] == ("DATE", "PRESENT_REF")
    # 'uit 1987': a year; 'uit 1500 inzendingen' is a count
    assert values("De brug uit 1987 wordt gesloopt.")["1987"] == ("DATE", "1987")
    assert values("De jury koos uit 1500 inzendingen.") == {}
    # a 21xx year only at a clause end
    assert values("De lening loopt tot 2120.")["tot 2120"] == ("DATE", "2120")
    assert values("Het geldt in 2100 gemeenten.") == {}


@pytest.mark.parametrize(
    "text",
    [
        "Zo gaat dat nu eenmaal in de politiek.",  # discourse 'nu'
        "Of het nu regent of niet, de markt gaat door.",
        "De gemeente reageert zo spoedig mogelijk.",  # a manner, no time
        "Ze keek naar het Zes Uur Journaal.",  # a name
    ],
)
def test_discourse_words_and_names_are_no_timexes(text):
    assert values(text) == {}


def test_adjective_inside_a_duration_and_work_weeks():
    assert values("De bouwers maakten twee zware werkweken.")["twee zware werkweken"] == ("DURATION", "P2W")
    assert values("Nu begint de verkoop.")["Nu"] == ("DATE", "PRESENT_REF")
    assert values("De uitslag volgt spoedig.")["spoedig"] == ("DATE", "FUTURE_REF")


def test_years_later_count_from_a_year_a_paragraph_back():
    filler = "De eigenaar bakte brood en taart voor iedereen in het dorp en daarbuiten. " * 6
    got = values("In 2009 opende de bakkerij. " + filler + "Zes jaar later sloot de zaak.")
    assert got["Zes jaar later"] == ("DATE", "2015")
    got = values("Op 3 mei 2018 opende de bakkerij. " + filler + "Een dag later was het brood op.")
    assert got["Een dag later"] == ("DATE", "2018-05-04")  # the story's day holds across paragraphs


def test_would_clause_takes_the_nearest_date():
    pub = PublishedDate.parse("2019-05-06")
    got = {
        t.text: t.value for t in find_in_text("De trainer meldde dinsdag dat hij op 20 mei zou stoppen.", pub)
    }
    assert got == {"dinsdag": "2019-04-30", "20 mei": "2019-05-20"}
    # 'zou ... hebben': an alleged past stays in the past
    got = {t.text: t.value for t in find_in_text("Hij zou op 20 mei een fiets hebben gestolen.", pub)}
    assert got == {"20 mei": "2018-05-20"}


def test_rates_parenthesised_durations_and_a_dated_later():
    assert values("De bus rijdt 40.000 kilometer per jaar.")["per jaar"] == ("SET", "P1Y")  # a rate per year
    assert values("De straf is gelijk aan het voorarrest (93 dagen).")["93 dagen"] == ("DURATION", "P93D")
    assert values("De bouw duurde (2,5 jaar) te lang.")["2,5 jaar"] == ("DURATION", "P2.5Y")
    assert "een drukke dag" not in values("Het wordt een drukke dag.")  # adjectives only inside counts
    got = values("In 2012 begon hij. Een jaar later, op 4 juni 2014, stopte hij.")
    assert got["Een jaar"] == ("DURATION", "P1Y")  # the date written beside it, not 2013


def test_last_years_of_someone_are_no_count():
    assert values("In de laatste jaren van de koning groeide de schuld.") == {}
    assert values("De eerste weken bleef het stil.")["De eerste weken"] == ("DURATION", "PXW")


def test_weekday_an_event_is_announced_for_is_the_coming_one():
    pub = PublishedDate.parse("2019-03-07")  # a Thursday
    got = find_in_text("Voor zondag hebben de boeren acties aangekondigd.", pub)
    assert [(t.text, t.value) for t in got] == [("zondag", "2019-03-10")]
    got = find_in_text("Zondag hebben de boeren acties aangekondigd.", pub)  # the day it was announced
    assert [(t.text, t.value) for t in got] == [("Zondag", "2019-03-03")]


@pytest.mark.parametrize(
    "text, years",
    [
        ("Het schilderij stamt uit 1998.", ["1998"]),
        ("Op het doek uit 1998 figureerden tien mensen.", ["1998"]),
        ("De jury koos uit 2000 kandidaten.", []),  # a count, not a year
    ],
)
def test_uit_a_year(text, years):
    assert [t.value for t in find_in_text(text, PublishedDate.parse("2019-03-28"))] == years


# -- issue 17: one expression for one stretch of time, compound dates, ages, story anchors ------


@pytest.mark.parametrize(
    ("text", "span", "type_", "value"),
    [
        ("Dat gebeurde tussen 2014 en 2017.", "tussen 2014 en 2017", "DATE", "2014/2017"),
        ("Het museum is van maandag tot en met woensdag dicht.", "van maandag tot en met woensdag", "DATE",
         "2019-04-08/2019-04-10"),
        ("De beurs is van 1 tot 5 maart.", "van 1 tot 5 maart", "DATE", "2019-03-01/2019-03-05"),
        ("Open van 15.30 tot 19.00 uur.", "van 15.30 tot 19.00 uur", "TIME", "2019-04-10T15:30/2019-04-10T19:00"),
        ("Vanaf 2015 tot 2017 groeide het.", "Vanaf 2015 tot 2017", "DATE", "2015/2017"),
        ("Het ongeluk was op 3 oktober vorig jaar.", "3 oktober vorig jaar", "DATE", "2018-10-03"),
        ("Dat was in maart vorig jaar.", "maart vorig jaar", "DATE", "2018-03"),
        ("Vorig jaar maart begon het.", "Vorig jaar maart", "DATE", "2018-03"),
        ("Het kan in april volgend jaar.", "april volgend jaar", "DATE", "2020-04"),
        ("De komende twaalf jaar stijgt het.", "De komende twaalf jaar", "DURATION", "P12Y"),
        ("De afgelopen vijf jaar daalde het.", "De afgelopen vijf jaar", "DURATION", "P5Y"),
        ("Binnen drie jaar moet het klaar zijn.", "drie jaar", "DURATION", "P3Y"),
        ("Het loopt door tot naar 2022.", "2022", "DATE", "2022"),
    ],
)
def test_ranges_compound_dates_and_counted_stretches(text, span, type_, value):
    assert values(text, "2019-04-10")[span] == (type_, value)


def test_a_range_needs_both_ends_and_en_needs_tussen():
    assert values("Sinds 2014 groeit het.", "2019-04-10") == {"Sinds 2014": ("DATE", "2014")}
    got = values("Het feest is op 5 en 6 april 2019.", "2019-04-10")
    assert got == {"5": ("DATE", "2019-04-05"), "6 april 2019": ("DATE", "2019-04-06")}


def test_the_year_of_that_year_is_the_one_the_story_named():
    got = values("Het plan gaat niet in 2019, maar in 2021 in. Op 28 maart van dat jaar gaat de klok om.", "2019-03-05")
    assert got["28 maart van dat jaar"] == ("DATE", "2021-03-28")


@pytest.mark.parametrize(
    "text",
    [
        "Britten tussen de 18 en 35 jaar kopen bewust.",
        "Mensen van 45 jaar en ouder stemmen vaker.",
        "Hij is 30 jaar.",
        "Jongeren onder de 18 jaar mogen niet drinken.",
        "De politie hield een vrouw van 34 jaar aan.",
    ],
)
def test_ages_are_never_durations(text):
    assert values(text, "2019-04-10") == {}


def test_story_anchored_dates():
    got = values("Vorig jaar ging 40 procent op vakantie, het jaar daarvoor 30 procent.", "2019-04-10")
    assert got["jaar daarvoor"] == ("DATE", "2017")
    got = values("Op 3 mei begon het proces. Een week daarvoor was hij gevlucht.", "2019-04-10")
    assert got["Een week daarvoor"] == ("DATE", "2018-04-26")
    # a 'later' in a statement about what happens in general has no story date
    got = values("In 2014 won hij. In de jaren dat het zo ging, zag je dat een dag later ook.", "2019-04-10")
    assert got["een dag later"] == ("DATE", "XXXX-XX-XX")


def test_conjunction_nu_is_no_timex_and_the_adverb_is():
    assert values("Het gaat van kwaad tot erger nu sommige partijen weglopen.") == {}
    assert values("Het is nu de vraag of het lukt.")["nu"] == ("DATE", "PRESENT_REF")


@pytest.mark.skipif(analysis.model_path() is None, reason="needs the shipped model's verb tags")
def test_tense_is_read_per_clause():
    from kroniek.pipeline import Pipeline

    # the sentence is in the present, the clause that holds 'maart' in the past: last March
    text = "De NCTV verwacht nu meer aanslagen, omdat de groep in maart opnieuw toesloeg."
    doc = Pipeline(["analysis", "timexes"])(Document(Article(id="t", text=text, published=PublishedDate.parse("2019-02-20"))))
    assert {t.text: t.value for t in doc.timexes}["maart"] == "2018-03"


def test_this_weekend_in_a_past_clause_is_the_one_just_past():
    from kroniek.pipeline import Pipeline

    if analysis.model_path() is None:
        pytest.skip("needs the shipped model's verb tags")
    text = "Het meeste geld kwam dit weekend terug."
    doc = Pipeline(["analysis", "timexes"])(Document(Article(id="t", text=text, published=PublishedDate.parse("2019-04-08"))))
    assert [t.value for t in doc.timexes] == ["2019-W14-WE"]


def test_a_day_and_month_without_a_year_is_read_near_the_publication():
    # a future marker elsewhere in the sentence does not send a date eleven months ahead
    assert values("Ze gaat op 2 maart naar Antwerpen.", "2019-03-05")["2 maart"] == ("DATE", "2019-03-02")
    # ... unless the text itself puts it ahead
    assert values("Het comité zal de volgende 6e april bijeenkomen.", "2019-04-10")["6e april"] == ("DATE", "2020-04-06")
    # a date a decision takes effect on is the coming one, even in a past-tense sentence
    assert values("De wethouder besloot de tunnel per 1 mei te sluiten.", "2019-03-30")["1 mei"] == ("DATE", "2019-05-01")
    assert values("Hij sloot de tunnel op 1 mei.", "2019-03-30")["1 mei"] == ("DATE", "2018-05-01")


def test_vague_references_to_the_past():
    got = values("Voorheen was dat anders. Een tijdje terug kwam hij nog langs.", "2019-03-30")
    assert got["Voorheen"] == ("DATE", "PAST_REF")
    assert got["Een tijdje terug"] == ("DATE", "PAST_REF")


def test_het_afgelopen_jaar_is_the_last_twelve_months():
    assert values("Het afgelopen jaar groeide de omzet.", "2019-04-08")["Het afgelopen jaar"] == ("DURATION", "P1Y")
    assert values("Afgelopen jaar groeide de omzet.", "2019-04-08")["Afgelopen jaar"] == ("DATE", "2018")


def test_the_past_week_decades_and_centuries_as_the_news_guide_writes_them():
    got = values("De afgelopen week was druk. Afgelopen week kwam hij. Dat duurde decennialang en eeuwenlang.", "2019-03-27")
    assert got["De afgelopen week"] == ("DURATION", "P1W")
    assert got["Afgelopen week"] == ("DATE", "2019-W12")
    assert got["decennialang"] == ("DURATION", "PXDE")
    assert got["eeuwenlang"] == ("DURATION", "PXCE")


def test_vroeger_laatst_eerdaags_and_terms():
    got = values("Vroeger was dat anders. Laatst zag ik hem. Het laatst zag ik hem in mei. Dat komt eerdaags. "
                 "Op lange termijn helpt het. Hij kwam vroeger dan verwacht.", "2019-03-27")
    assert got["Vroeger"] == ("DATE", "PAST_REF")
    assert got["Laatst"] == ("DATE", "PAST_REF")
    assert got["eerdaags"] == ("DATE", "FUTURE_REF")
    assert got["lange termijn"] == ("DATE", "FUTURE_REF")
    assert "laatst" not in got and "vroeger" not in got  # "het laatst", "vroeger dan": no time


def test_easter_holidays_and_years_after_more_prepositions():
    got = values("Op Witte Donderdag aten ze samen. Het geldt voor wie geboren is vóór 1965. Een kerk uit 1880.",
                 "2019-04-08")
    assert got["Witte Donderdag"] == ("DATE", "2018-03-29")  # past tense: the last one
    assert got["vóór 1965"] == ("DATE", "1965")
    assert got["1880"] == ("DATE", "1880")
    assert values("Met Kerst was het druk.", "2019-04-08") == {"Kerst": ("DATE", "2018-12-25")}


def test_the_past_after_other_prepositions():
    got = values("Die problemen behoren tot het verleden. Beelden uit het verleden.", "2019-04-08")
    assert set(got.values()) == {("DATE", "PAST_REF")} and len(got) == 2


@pytest.mark.skipif(analysis.model_path() is None, reason="needs the shipped model's verb tags")
def test_a_holiday_in_a_present_sentence_is_the_nearest():
    doc = Document(Article(id="t", text="Omdat het op Palmzondag markt is, lopen ze eerder.",
                           published=PublishedDate.parse("2019-04-08")))
    got = {t.text: t.value for t in find_timexes(analysis.run_analysis(doc)).timexes}
    assert got == {"Palmzondag": "2019-04-14"}  # six days ahead, not last year's


def test_bare_plural_durations_and_the_adverb_recent():
    got = values("De ziekte werd na jaren uitgebannen. Hij stond maanden buitenspel. Het duurde uren. "
                 "Vrouwen die recent zijn bevallen.", "2019-04-08")
    assert got == {
        "jaren": ("DURATION", "PXY"), "maanden": ("DURATION", "PXM"), "uren": ("DURATION", "PTXH"),
        "recent": ("DATE", "PAST_REF"),
    }
    assert values("Een recent onderzoek. In de jaren tachtig.", "2019-04-08") == {
        "de jaren tachtig": ("DATE", "198")
    }
