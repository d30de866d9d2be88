"""The API over what the chronicle and the events stage add: entities by stable id (a name
redirects to the id), events (listing, CSV, PLOVER, counts once per event), stories, conflicts,
the story filter and story counts — through real servers over the examples store and over
tests/data/chronicle.jsonl (sources that disagree)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from urllib.parse import quote

import httpx

from tests.test_serve_api import assert_error, get


def raw(server, path: str, **params) -> httpx.Response:
    """Without following redirects."""
    return httpx.get(server.url + path, params=params, timeout=30)


def rows_of(res: httpx.Response) -> list[dict[str, str]]:
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/csv"), res.text
    return list(csv.DictReader(io.StringIO(res.text)))


def every_page(server, path: str, **params) -> list[dict]:
    items, cursor = [], None
    while True:
        body = get(server, path, **params, **({"cursor": cursor} if cursor else {})).json()
        items += body["items"]
        cursor = body["next"]
        if cursor is None:
            return items


# -- entities by id ------------------------------------------------------------------------


def test_an_entity_is_addressed_by_its_id_and_any_name_redirects_there(chronicle_server):
    srv = chronicle_server
    listed = get(srv, "/api/entities", name="Erdogan").json()["items"][0]
    assert listed["entity"] == "Recep Tayyip Erdoğan" and "Erdogan" in listed["aliases"]
    rid = listed["id"]
    for name in ("Erdogan", "erdoğan", "Recep Tayyip Erdoğan"):
        res = raw(srv, "/api/entities/" + quote(name), per="year")
        assert res.status_code == 307 and res.headers["location"] == f"/api/entities/{rid}?per=year"
    view = get(srv, f"/api/entities/{rid}").json()["entity"]
    assert view["id"] == rid and view["label"] == "PER" and view["articles"] == 3
    assert {a["alias"] for a in view["aliases"]} >= {"Erdogan", "Recep Tayyip Erdoğan"}
    assert {"timeline", "quotes_by", "quotes_about", "figures_reported", "events", "stories",
            "co_mentioned", "recent"} <= set(view)
    assert any(e["type"] == "ACCUSE" and e["actor"] == "Recep Tayyip Erdoğan" for e in view["events"])
    assert all(isinstance(c["id"], int) for c in view["co_mentioned"])
    page = raw(srv, "/entity/Erdogan")
    assert page.status_code == 307 and page.headers["location"] == f"/entity/{rid}"
    assert raw(srv, "/entity/Erdogan.json").headers["location"] == f"/entity/{rid}.json"
    assert get(srv, f"/entity/{rid}.json").json() == get(srv, f"/api/entities/{rid}").json()
    assert_error(raw(srv, "/api/entities/Niemandsland"), 404)


def test_the_cli_the_api_and_the_page_read_one_entity_alike(chronicle_server):
    """One read function: `kroniek entity` prints what /api/entities/{id} answers."""
    srv = chronicle_server
    api = get(srv, "/api/entities/Erdogan", per="week", limit=10).json()["entity"]
    cli = subprocess.run([sys.executable, "-m", "kroniek", "entity", "Erdogan", "--db", str(srv.db),
                          "--json"], capture_output=True, text=True, check=True)
    assert json.loads(cli.stdout) == api


def test_articles_filter_by_an_entity_id_finds_every_spelling(chronicle_server):
    srv = chronicle_server
    rid = get(srv, "/api/entities", name="Erdogan").json()["items"][0]["id"]
    by_id = {h["id"] for h in get(srv, "/api/articles", entity=f"#{rid}").json()["items"]}
    by_name = {h["id"] for h in get(srv, "/api/articles", entity="Recep Tayyip Erdoğan").json()["items"]}
    assert by_id == {"nrc-1", "ad-1", "tr-1"} and by_name < by_id


# -- events --------------------------------------------------------------------------------


def test_events_page_with_a_cursor_and_answer_as_csv_and_plover(server):
    everything = every_page(server, "/api/events", limit=7)
    keys = [(e["article"], e["start"]) for e in everything]
    assert len(keys) == len(set(keys)) >= 20
    assert all(e["type"] and e["end"] > e["start"] and "event_key" in e for e in everything)
    first = get(server, "/api/events", limit=5).json()
    for res in (get(server, "/api/events.csv", limit=5), get(server, "/api/events", limit=5, format="csv")):
        assert [(r["article"], int(r["start"])) for r in rows_of(res)] == \
            [(e["article"], e["start"]) for e in first["items"]]
    for res in (get(server, "/api/events.plover", limit=5), get(server, "/api/events", limit=5, format="plover")):
        records = res.json()["items"]
        assert [r["citation"]["article"] for r in records] == [e["article"] for e in first["items"]]
        assert {"event", "mode", "actor", "recipient", "date", "attributes"} <= set(records[0])
    assaults = get(server, "/api/events", type="assault").json()["items"]
    assert assaults and {e["type"] for e in assaults} == {"ASSAULT"}
    other = get(server, "/api/events", type="ASSAULT", limit=1).json()["next"]
    assert "cursor" in assert_error(get(server, "/api/events", limit=1, cursor=other), 400)["message"]


def test_event_counts_count_each_event_once_when_asked(server):
    every = get(server, "/api/events/counts", per="year").json()
    once = get(server, "/api/events/counts", per="year", distinct="true").json()
    assert every["periods"] == once["periods"] and once["distinct"] is True
    total = sum(s["total"] for s in every["series"])
    assert 0 < sum(s["total"] for s in once["series"]) < total  # several reports of one event
    assert all(len(s["counts"]) == len(every["periods"]) for s in every["series"])
    rows = rows_of(get(server, "/api/events/counts.csv", per="year"))
    assert sum(int(r["events"]) for r in rows) == total
    assert set(rows[0]) == {"period", "type", "events"}


# -- stories -------------------------------------------------------------------------------


def test_stories_list_sources_copies_and_entities(chronicle_server):
    srv = chronicle_server
    stories = get(srv, "/api/stories").json()["items"]
    story = next(s for s in stories if "nrc-1" in s["articles"])
    assert story["copies"] == 1 and story["sources"]["Parool"] == 1
    assert "Islamitische Staat" in {e["entity"] for e in story["entities"]}
    assert every_page(srv, "/api/stories", limit=1) == stories
    csv_rows = rows_of(get(srv, "/api/stories.csv"))
    assert [int(r["story"]) for r in csv_rows] == [s["story"] for s in stories]
    assert "Islamitische Staat" in csv_rows[0]["entities"]
    assert [s["story"] for s in get(srv, "/api/stories", min_articles=2).json()["items"]] == [story["story"]]
    assert get(srv, "/api/stories", about="Rutte").json()["items"]
    one = get(srv, f"/api/stories/{story['story']}").json()["story"]
    assert [a["id"] for a in one["articles"]] == ["nrc-1", "ad-1", "vk-1"]
    assert [(c["id"], c["source"], c["copy_of"]) for c in one["copies"]] == [("parool-1", "Parool", "nrc-1")]
    assert get(srv, f"/story/{story['story']}.json").json() == {"story": one}


def test_articles_of_a_story_and_trends_that_count_stories(chronicle_server):
    srv = chronicle_server
    story = get(srv, "/api/stories", min_articles=2).json()["items"][0]["story"]
    hits = get(srv, "/api/articles", story=story, sort="date_asc").json()
    assert [h["id"] for h in hits["items"]] == ["nrc-1", "ad-1", "vk-1"] and hits["total"] == 3
    assert get(srv, "/api/articles", q="Rutte", story=story).json()["total"] == 1
    res = httpx.get(srv.url + "/api/trends", params=[("q", "strijders"), ("per", "month"), ("count", "stories")])
    body = res.json()
    assert body["count"] == "stories" and body["series"][0]["counts"] == [1]
    articles = get(srv, "/api/trends", q="strijders", per="month").json()
    assert articles["series"][0]["counts"] == [3]


# -- conflicts and the figure chart --------------------------------------------------------


def test_conflicts_name_both_sides_and_page(chronicle_server):
    srv = chronicle_server
    found = get(srv, "/api/conflicts").json()["items"]
    pairs = {frozenset((s["article"], s["value"], s["qualifier"]) for s in c["sides"]) for c in found}
    assert frozenset({("nrc-1", 1000.0, "less_than"), ("ad-1", 3000.0, "exact")}) in pairs
    assert frozenset({("nrc-1", 1000.0, "less_than"), ("vk-1", 900.0, "about")}) not in pairs
    assert all(c["kind"] == "disagreement" for c in found)
    assert every_page(srv, "/api/conflicts", limit=1) == found
    assert get(srv, "/api/conflicts", about="strijders Syrië").json()["items"] == found
    assert get(srv, "/api/conflicts", about="werkloosheid").json()["items"] == []
    assert len(get(srv, "/api/conflicts", kind="all").json()["items"]) >= len(found)
    rows = rows_of(get(srv, "/api/conflicts.csv"))
    assert len(rows) == len(found) and {"a_value", "a_source", "b_article", "b_start"} <= set(rows[0])


def test_the_figure_chart_marks_what_the_conflicts_list(chronicle_server):
    srv = chronicle_server
    chart = get(srv, "/api/figures/series", about="strijders").json()
    pts = chart["points"]
    marked = {frozenset({(pts[d["a"]]["figure"]["article"], pts[d["a"]]["figure"]["start"]),
                         (pts[d["b"]]["figure"]["article"], pts[d["b"]]["figure"]["start"])})
              for d in chart["disagreements"]}
    listed = {frozenset((s["article"], s["start"]) for s in c["sides"])
              for c in get(srv, "/api/conflicts", about="strijders").json()["items"]}
    assert marked == listed and len(marked) == 2
    ad = next(p for p in pts if p["figure"]["article"] == "ad-1")
    assert len(ad["disputed_by"]) == 2  # NRC's "minder dan duizend" and the Volkskrant's "ongeveer 900"
