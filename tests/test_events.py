"""The events stage: PLOVER events with actor, target, status, time, place and source chain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kroniek import extract
from kroniek.model import Document, Event

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def events_of(text: str, published: str = "2019-03") -> list[Event]:
    return extract(text, published=published).events


def one(events: list[Event], trigger: str) -> Event:
    hits = [e for e in events if e.text == trigger]
    assert hits, f"no event on {trigger!r}: {[(e.text, e.type) for e in events]}"
    return hits[0]


@pytest.fixture(scope="module")
def seed() -> Document:
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        pytest.skip("../shared/seeds is not beside the repo")
    from kroniek.ingest.readers import read_paths
    from kroniek.ingest.records import ReadOptions

    (record,) = list(read_paths([files[0]], ReadOptions()))
    article = record.article
    return extract(article.text, published=article.published, id="seed")


# -- the seed's events (issue 13 acceptance): each one a test


def test_seed_coalition_air_strikes_on_is_since_2014(seed):
    e = one(seed.events, "luchtaanvallen")
    assert (e.type, e.mode, e.actor_name, e.target_name) == ("ASSAULT", "aerial", "coalitie", "Islamitische Staat")
    assert e.time == "2014" and e.status == "happened" and not e.negated


def test_seed_coalition_trains_militaries_and_militias(seed):
    e = one(seed.events, "traint")
    assert (e.type, e.actor_name) == ("AID", "coalitie")
    assert "militairen" in e.target_names and "milities" in e.target_names


def test_seed_erdogan_accuses_assad_in_december_without_inventing_a_day(seed):
    e = one(seed.events, "noemde")
    assert (e.type, e.actor_name, e.target_name) == ("ACCUSE", "Recep Erdogan", "Assad")
    assert e.time == "2017-12"


def test_seed_us_and_allies_request_assads_departure(seed):
    e = one(seed.events, "opgeroepen")
    assert e.type == "REQUEST" and e.mode == "change"
    assert e.actor_name == "Verenigde Staten" and "bondgenoten" in e.actor_names
    assert e.target_name == "Assad"


def test_seed_assad_assaulted_civilians_reported_by_erdogan(seed):
    e = one(seed.events, "vermoord")
    assert (e.type, e.actor_name, e.target_name) == ("ASSAULT", "Assad", "burgers")
    assert e.source_chain == ("Recep Erdogan",)


def test_seed_lavrov_reports_a_future_assault_on_jabhat_al_nusra(seed):
    e = one(seed.events, "vernietiging")
    assert (e.type, e.target_name, e.status) == ("ASSAULT", "Jabhat al-Nusra", "future")
    assert e.source_chain == ("Sergej Lavrov",) and e.time == "FUTURE_REF"


def test_seed_offsets_slice_the_text(seed):
    for e in seed.events:
        assert seed.text[e.start : e.end] == e.text
        for span in (e.actor, e.target, e.particle):
            if span is not None:
                assert seed.text[span.start : span.end] == span.text
        assert e.sentence[0] <= e.start < e.sentence[1]


# -- Dutch as it is written


def test_separable_verb_split_over_the_clause():
    e = one(events_of("Het leger viel gisteren de stad Aleppo aan."), "viel")
    assert e.type == "ASSAULT" and e.particle is not None and e.particle.text == "aan"
    assert (e.actor_name, e.target_name) == ("leger", "Aleppo")


def test_passive_with_door_and_without():
    e = one(events_of("De stad werd door rebellen aangevallen."), "aangevallen")
    assert (e.actor_name, e.target_name) == ("rebellen", "stad")
    e = one(events_of("Drie demonstranten zijn gearresteerd."), "gearresteerd")
    assert e.type == "COERCE" and e.mode == "arrest" and e.actor_name is None


def test_nominal_events_with_their_participants():
    e = one(events_of("De aanval van Israël op Gaza kostte veel levens."), "aanval")
    assert (e.type, e.actor_name, e.target_name) == ("ASSAULT", "Israël", "Gaza")
    e = one(events_of("De Amerikaanse sancties tegen Iran treffen de olie-export."), "sancties")
    assert (e.type, e.actor_name, e.target_name) == ("SANCTION", "Verenigde Staten", "Iran")


def test_reported_event_carries_the_reporter():
    e = one(events_of("Premier Mark Rutte zegt dat Rusland Oekraïne heeft aangevallen."), "aangevallen")
    assert (e.actor_name, e.target_name) == ("Rusland", "Oekraïne")
    assert e.source_chain == ("Mark Rutte",)


def test_negation_future_and_condition():
    assert one(events_of("Het kabinet sloot geen akkoord met de bonden."), "akkoord").negated
    e = one(events_of("De EU wil nieuwe sancties opleggen aan Rusland."), "sancties")
    assert e.status == "future" and e.time == "FUTURE_REF"
    e = one(events_of("Als de EU sancties oplegt aan Rusland, reageert Moskou fel."), "sancties")
    assert e.status == "hypothetical" and e.time is None


def test_plain_statement_is_a_quote_not_an_event():
    doc = extract("De minister zei dat het goed gaat met de economie.", published="2019-03")
    assert doc.quotes and not doc.events


def test_sport_is_no_assault():
    assert not [e for e in events_of("Ajax viel in de tweede helft fel aan en scoorde twee doelpunten.") if e.type == "ASSAULT"]


def test_month_precision_article_never_gets_a_day():
    e = one(events_of("Demonstranten protesteerden tegen de regering.", published="2018-03"), "protesteerden")
    assert (e.type, e.target_name, e.time) == ("PROTEST", "regering", "2018-03")


def test_unparseable_input_yields_no_event_and_no_error():
    assert events_of("§§§ ,,, 123 ###") == []
    assert Document.from_dict(json.loads(json.dumps(extract("Rebellen vielen de stad aan.").to_dict()))).events


# -- store, CLI, search, PLOVER export


def test_events_in_the_store_cli_and_search(run, db, tmp_path):
    articles = tmp_path / "a.jsonl"
    rows = [
        {"id": "a1", "published": "2019-03-05", "text": "Rebellen vielen gisteren de stad Aleppo aan. De VN veroordeelden de aanval."},
        {"id": "a2", "published": "2019-04", "text": "Duizenden boeren demonstreerden in Den Haag tegen het kabinet."},
    ]
    articles.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    assert run("ingest", str(articles), "--db", str(db)).code == 0
    res = run("events", "--db", str(db), "--type", "ASSAULT")
    got = res.json_lines()
    assert got and all(r["type"] == "ASSAULT" for r in got) and got[0]["article"] == "a1"
    assert run("events", "--db", str(db), "--actor", "boeren").json_lines()[0]["type"] == "PROTEST"
    counts = run("events", "--db", str(db), "--per", "month").json_lines()
    assert {"period": "2019-04", "type": "PROTEST", "events": 1} in counts
    plover = run("events", "--db", str(db), "--format", "plover").json_lines()
    rec = next(r for r in plover if r["event"] == "PROTEST")
    assert rec["citation"]["article"] == "a2" and rec["recipient"] == "kabinet" and rec["date"] == "2019-04"
    assert [h["id"] for h in run("search", "event:protest", "--db", str(db)).json_lines()] == ["a2"]
    bad = run("search", "event:BOMBING", "--db", str(db))
    assert bad.code == 1 and "PLOVER event type" in bad.stderr and "position" in bad.stderr
    shown = run("show", "a1", "--db", str(db))
    assert "|ASSAULT›" in shown.stdout and "EVENT ASSAULT" in shown.stdout
    assert run("events", "--db", str(db), "--type", "NOPE").code == 1


def test_implied_actors_and_no_things_acting():
    evs = events_of(
        "De politie heeft de zaak overgenomen. Het politieonderzoek naar de vernielingen loopt nog. "
        "Twee mannen zijn aangehouden. Duizenden demonstranten trokken door de stad. De demonstratie verliep rustig. "
        "Het kabinetsberaad over de brexit duurde lang."
    )
    assert one(evs, "politieonderzoek").actor_name == "politie"
    assert one(evs, "aangehouden").actor_name == "politie"
    assert one(evs, "demonstratie").actor_name == "demonstranten"
    assert one(evs, "kabinetsberaad").actor_name == "kabinet"


def test_a_thing_is_no_actor():
    from kroniek.analysis.dutch_model import get_nlp
    from kroniek.extraction.events.names import animate

    doc = get_nlp()("De bedreigingen troffen de burgemeester. De demonstranten en de stafchef kwamen.")
    toks = {t.text: t for t in doc}
    assert not animate(toks["bedreigingen"])
    assert animate(toks["demonstranten"]) and animate(toks["stafchef"]) and animate(toks["burgemeester"])


def test_the_owner_of_a_demanded_thing_is_the_target():
    ev = one(events_of("De demonstranten eisen het vertrek van Omar al-Bashir."), "eisen")
    assert (ev.type, ev.actor_name, ev.target_name) == ("REQUEST", "demonstranten", "Omar al-Bashir")


def test_threats_as_nouns_a_passive_arrest_and_no_day_as_target():
    evs = events_of("De bedreigingen aan het adres van de burgemeester nemen toe. Hij is dinsdag opgepakt.")
    assert one(evs, "bedreigingen").type == "THREATEN"
    arrest = one(evs, "opgepakt")
    assert arrest.type == "COERCE" and arrest.target_name != "dinsdag"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Veel landen hebben nog geen beleid tegen geweld op de werkvloer.", []),
        ("Diplomaten waarschuwen dat uitstel nog geen afstel betekent.", []),
        ("De oproerpolitie gebruikte geweld tegen de demonstranten.", [("ASSAULT", "oproerpolitie")]),
        ("De EU gaf het Verenigd Koninkrijk gisteren uitstel tot 31 oktober.", [("CONCEDE", "Europese Unie")]),
    ],
)
def test_generic_violence_and_delay_are_no_events_but_an_actors_are(text, want):
    assert [(e.type, e.actor_name) for e in events_of(text)] == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("De schutter is opgepakt.", [("COERCE", "schutter")]),
        ("Door de politie is de bestuurster van de auto aangehouden.", [("COERCE", "bestuurster")]),
        ("Een verdachte werd op zolder aangetroffen en ook aangehouden.", [("COERCE", None)]),
        ("De wedstrijd werd aangehouden wegens regen.", []),  # held over, nobody arrested
    ],
)
def test_passive_arrests_of_people_and_things_held_over(text, want):
    assert [(e.type, e.target_name) for e in events_of(text)] == want


def test_a_sentence_the_prosecution_demands_is_a_charge_against_the_accused():
    got = [(e.type, e.mode, e.actor_name, e.target_name) for e in events_of(
        "De officier van justitie eiste gisteren twee jaar celstraf tegen Jan N.")]
    assert got == [("ACCUSE", "allege", "officier", "Jan N.")]  # the demanded penalty is no conviction
    got = [(e.type, e.actor_name) for e in events_of("De bonden eisen twee procent meer loon.")]
    assert got == [("REQUEST", "bonden")]
