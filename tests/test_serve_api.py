"""The REST API through the real server (``kroniek serve`` on a free loopback port) over a store
made from examples/: answers, CSV twins, cursors, the one error shape, safety, and the writes."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from urllib.parse import quote

import httpx
import pytest

from tests.conftest import TOKEN

ERROR_KEYS = {"status", "message", "detail"}


def get(server, path: str, **params) -> httpx.Response:
    return httpx.get(server.url + path, params=params, timeout=30, follow_redirects=True)


def assert_error(res: httpx.Response, status: int) -> dict:
    assert res.status_code == status, res.text
    assert res.headers["content-type"].startswith("application/json")
    body = res.json()
    assert set(body) == {"error"} and set(body["error"]) == ERROR_KEYS
    assert body["error"]["status"] == status and body["error"]["message"]
    assert "Traceback" not in res.text
    return body["error"]


def test_serve_binds_loopback_and_says_where(server):
    assert server.url.startswith("http://127.0.0.1:")
    assert "read-only" in server.banner
    stats = get(server, "/api/stats").json()
    assert stats["articles"] == 19 and stats["writes"] is False and stats["schema_version"] >= 3


def test_search_answers_json_and_csv_twins(server):
    res = get(server, "/api/articles", q="minister", limit=3)
    body = res.json()
    assert res.status_code == 200 and body["total"] >= 5 and len(body["items"]) == 3
    assert all("[" in h["snippet"] for h in body["items"])  # matches are marked
    ids = [h["id"] for h in body["items"]]
    for path, params in (("/api/articles.csv", {}), ("/api/articles", {"format": "csv"})):
        res = get(server, path, q="minister", limit=3, **params)
        assert res.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(res.text)))
        assert [r["id"] for r in rows] == ids


def test_cursor_pages_through_every_match_once(server):
    seen, cursor = [], None
    total = get(server, "/api/articles", q="").json()["total"]
    while True:
        body = get(server, "/api/articles", limit=4, sort="date",
                   **({"cursor": cursor} if cursor else {})).json()
        seen += [h["id"] for h in body["items"]]
        cursor = body["next"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == total == 19


def test_a_cursor_from_another_listing_is_refused(server):
    cursor = get(server, "/api/articles", q="minister", limit=1).json()["next"]
    err = assert_error(get(server, "/api/articles", q="doden", cursor=cursor), 400)
    assert "cursor" in err["message"]
    assert_error(get(server, "/api/articles", cursor="not-a-cursor!"), 400)


@pytest.mark.parametrize("query, where", [("(kabinet", "position 1"), ('"open phrase', "position 1"),
                                          ("kabinet AND", "position 9")])
def test_a_malformed_query_is_a_400_naming_the_position(server, query, where):
    err = assert_error(get(server, "/api/articles", q=query), 400)
    assert where in err["message"]


@pytest.mark.parametrize("path, params, status", [
    ("/api/articles/no-such-article", {}, 404),
    ("/api/entities/Niemand%20Bestaat", {}, 404),
    ("/api/nothing-here", {}, 404),
    ("/api/articles", {"limit": 0}, 400),
    ("/api/articles", {"limit": 101}, 400),
    ("/api/articles", {"q": "x" * 501}, 400),
    ("/api/articles", {"from": "gisteren"}, 400),
    ("/api/articles", {"from": "2019-02-30"}, 400),
    ("/api/articles", {"sort": "random"}, 400),
    ("/api/articles", {"format": "xml"}, 400),
    ("/api/trends", {}, 400),
    ("/api/trends", {"q": "a", "per": "day", "from": "1000", "to": "9999"}, 400),
    ("/api/entities", {"per": "day", "from": "1001"}, 400),
    ("/api/entities/999999", {}, 404),
    ("/api/events", {"type": "PICNIC"}, 400),
    ("/api/events", {"format": "xml"}, 400),
    ("/api/events", {"limit": 501}, 400),
    ("/api/events/counts", {"per": "decade"}, 400),
    ("/api/events/counts", {"per": "day", "from": "1001"}, 400),
    ("/api/stories", {"min_articles": 0}, 400),
    ("/api/stories/999999", {}, 404),
    ("/api/stories/abc", {}, 400),
    ("/api/conflicts", {"kind": "quarrel"}, 400),
    ("/api/trends", {"q": "a", "count": "words"}, 400),
    ("/api/articles", {"story": -1}, 400),
])
def test_every_error_has_the_one_shape(server, path, params, status):
    assert_error(get(server, path, **params), status)


def test_writes_do_not_exist_without_a_token(server):
    assert_error(httpx.post(server.url + "/api/ingest", content=b"{}"), 404)
    assert_error(httpx.post(server.url + "/api/corrections", json={}), 405)
    schema = get(server, "/api/openapi.json").json()
    assert not [p for p, ops in schema["paths"].items() if "post" in ops]


@pytest.mark.parametrize("query", [
    "'; DROP TABLE articles; --", 'minister" OR 1=1 --', "NEAR(kabinet minister)", "title:*",
    "kabinet*)", "\\", "%_", "entity:\"x' OR '1'='1\"", "a" * 499 + "*",
])
def test_no_sql_or_fts_injection(server, query):
    res = get(server, "/api/articles", q=query)
    assert res.status_code in (200, 400), res.text
    for path in ("/api/quotes", "/api/figures"):
        assert get(server, path, speaker=query, about=query).status_code in (200, 400)
    assert get(server, "/api/stats").json()["articles"] == 19


def test_like_wildcards_in_filters_are_literal(server):
    assert get(server, "/api/quotes", speaker="%").json()["items"] == []
    assert get(server, "/api/quotes", speaker="_").json()["items"] == []
    assert get(server, "/api/quotes", speaker="Haddad").json()["items"]


def test_one_article_is_the_contract_and_offsets_slice_its_text(server):
    doc = get(server, "/api/articles/conflict_2018-04-18").json()
    assert doc["published"] == "2018-04-18" and doc["precision"] == "day"
    for key in ("text", "sentences", "entities", "quotes", "figures", "timexes", "events", "stages"):
        assert key in doc
    text = doc["text"]
    for f in doc["figures"]:
        assert text[f["start"]:f["end"]] == f["text"]
    for q in doc["quotes"]:
        assert text[q["content"]["start"]:q["content"]["end"]] == q["content"]["text"]


def test_an_id_with_slashes_is_one_path(server):
    hit = get(server, "/api/articles", q="windpark").json()["items"][0]
    assert "/" in hit["id"]
    doc = get(server, "/api/articles/" + quote(hit["id"], safe="")).json()
    assert doc["id"] == hit["id"] and doc["published"] == "2019-03-07"


def test_trends_compare_labelled_queries_on_one_axis(server):
    res = httpx.get(server.url + "/api/trends", params=[("q", "minister"), ("q", "doden"),
                                                          ("label", "ministers"), ("per", "year")])
    body = res.json()
    assert body["periods"] == ["2018", "2019", "2020"] and body["count"] == "articles"
    assert [s["label"] for s in body["series"]] == ["ministers", "doden"]
    assert all(len(s["counts"]) == 3 for s in body["series"])
    assert body["series"][1]["counts"] == [3, 0, 0]
    rows = list(csv.DictReader(io.StringIO(
        httpx.get(server.url + "/api/trends.csv", params=[("q", "doden"), ("per", "year")]).text)))
    assert [(r["period"], r["label"], r["count"]) for r in rows] == [("2018", "doden", "3")]


def test_entities_and_one_entity(server):
    items = get(server, "/api/entities", label="LOC", limit=5).json()["items"]
    assert items and all(e["label"] == "LOC" for e in items)
    view = get(server, "/api/entities/Idlib").json()["entity"]
    assert view["country"] == "SY" and view["lat"] and view["recent"] and view["id"]
    assert {"Samir Haddad", "Syrië"} <= {c["entity"] for c in view["co_mentioned"]}
    haddad = get(server, "/api/entities/Samir%20Haddad").json()["entity"]
    assert haddad["quotes_by"] and all(q["speaker"] == "Samir Haddad" or "Samir Haddad" in
                                       q["source_chain"] for q in haddad["quotes_by"])


def test_quotes_figures_and_countries(server):
    quotes = get(server, "/api/quotes", speaker="Haddad").json()["items"]
    assert quotes and all("Haddad" in (q["speaker"] or "") + " ".join(q["source_chain"])
                          for q in quotes)
    figures = get(server, "/api/figures", about="doden").json()["items"]
    assert figures and all(f["article"] and f["end"] > f["start"] for f in figures)
    series = get(server, "/api/figures/series", about="doden").json()
    assert len(series["points"]) == len(figures) and series["sources"]
    countries = {c["country"]: c for c in get(server, "/api/countries").json()["items"]}
    assert countries["NL"]["numeric"] == "528" and countries["SY"]["mentions"] > 0
    assert get(server, "/api/countries", **{"from": "2019"}).json()["items"][0]["country"] == "NL"


def test_every_page_has_a_json_twin_with_the_apis_data(server):
    assert get(server, "/entity/Idlib.json").json() == get(server, "/api/entities/Idlib").json()
    assert (get(server, "/article/conflict_2018-03.json").json()
            == get(server, "/api/articles/conflict_2018-03").json())
    for page in ("/search.json?q=minister", "/entities.json", "/quotes.json", "/figures.json",
                 "/map.json", "/corrections.json", "/events.json", "/stories.json"):
        res = httpx.get(server.url + page)
        assert res.status_code == 200 and res.headers["content-type"] == "application/json", page


PAGES = ["/", "/?q=minister&vs=doden", "/article/conflict_2018-03", "/entities", "/entity/Idlib",
         "/quotes", "/figures?about=doden", "/map", "/corrections", "/api/docs", "/events",
         "/events?per=year&distinct=true", "/stories", "/?count=stories&per=year"]


@pytest.mark.parametrize("page", PAGES)
def test_pages_are_safe_by_default(server, page):
    res = httpx.get(server.url + page, follow_redirects=True)
    assert res.status_code == 200
    assert "default-src 'self'" in res.headers["content-security-policy"]
    assert res.headers["x-content-type-options"] == "nosniff"
    html = res.text
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag  # no inline script
    assert not re.search(r"\sstyle=|<style\b|\son[a-z]+=", html)  # no inline style or handler
    assert not re.search(r"(src|href)=\"(https?:)?//", html)  # nothing from elsewhere


def test_a_month_only_article_shows_the_month(server):
    html = httpx.get(server.url + "/article/conflict_2018-03").text
    assert "maart 2018" in html and "1 maart 2018" not in html


def test_a_foreign_host_header_is_refused_on_loopback(server):
    assert_error(httpx.get(server.url + "/api/stats", headers={"Host": "evil.example"}), 400)
    assert httpx.get(server.url + "/api/stats", headers={"Host": "localhost"}).status_code == 200


def test_writes_need_the_token(token_server):
    url = token_server.url
    assert_error(httpx.post(url + "/api/ingest", content=b"x"), 401)
    assert_error(httpx.post(url + "/api/ingest", content=b"x",
                            headers={"Authorization": "Bearer wrong"}), 401)
    assert_error(httpx.post(url + "/api/corrections", json={}), 401)


def test_ingest_over_http_then_search_finds_it(token_server):
    record = {"id": "api-1", "published": "2021-05", "title": "Dijkgraaf waarschuwt",
              "text": "Het waterschap versterkt de dijk bij Deventer. Volgens dijkgraaf Anja "
                      "Mulder zijn ruim 400 woningen in gevaar.", "source": "Testbode"}
    body = (json.dumps(record) + "\n{broken\n").encode()
    res = httpx.post(token_server.url + "/api/ingest", params={"format": "jsonl", "filename": "x.jsonl"},
                     content=body, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120)
    assert res.status_code == 200, res.text
    summary = res.json()
    assert summary["ingested"] == 1 and summary["quarantined"] == 1
    assert summary["errors"][0].startswith("x.jsonl:2")
    hits = httpx.get(token_server.url + "/api/articles", params={"q": "dijkgraaf"}).json()["items"]
    assert "api-1" in [h["id"] for h in hits]  # through the tantivy index, reloaded
    doc = httpx.get(token_server.url + "/api/articles/api-1").json()
    assert doc["precision"] == "month" and doc["figures"]


def test_corrections_are_stored_listed_and_exported(token_server):
    url, auth = token_server.url, {"Authorization": f"Bearer {TOKEN}"}
    doc = httpx.get(url + "/api/articles/conflict_2018-04-18").json()
    quote_ = doc["quotes"][1]
    figure = doc["figures"][0]
    made = httpx.post(url + "/api/corrections", headers=auth, json={
        "article": doc["id"], "target": "quote_speaker", "start": quote_["content"]["start"],
        "end": quote_["content"]["end"], "verdict": "wrong", "value": "Artsen voor Noord-Syrië"})
    assert made.status_code == 201, made.text
    c = made.json()
    assert c["extracted"]["speaker"] == quote_["speaker_name"] and c["value"] == "Artsen voor Noord-Syrië"
    ok = httpx.post(url + "/api/corrections", headers=auth, json={
        "article": doc["id"], "target": "figure", "start": figure["start"], "end": figure["end"],
        "verdict": "right"})
    assert ok.status_code == 201
    assert_error(httpx.post(url + "/api/corrections", headers=auth, json={
        "article": doc["id"], "target": "figure", "start": 0, "end": 1, "verdict": "right"}), 404)
    assert_error(httpx.post(url + "/api/corrections", headers=auth, json={
        "article": "nope", "target": "entity", "start": 0, "end": 1, "verdict": "right"}), 404)
    assert_error(httpx.post(url + "/api/corrections", headers=auth, json={
        "article": doc["id"], "target": "opinion", "start": 0, "end": 1, "verdict": "right"}), 400)
    listed = httpx.get(url + "/api/corrections", params={"article": doc["id"]}).json()["items"]
    assert [x["target"] for x in listed] == ["quote_speaker", "figure"]
    cli = subprocess.run([sys.executable, "-m", "kroniek", "corrections", "--db",
                          str(token_server.db), "--article", doc["id"], "--json"],
                         capture_output=True, text=True)
    assert [x["id"] for x in json.loads(cli.stdout)] == [x["id"] for x in listed]
    export = subprocess.run([sys.executable, "-m", "kroniek", "export", "--db", str(token_server.db)],
                            capture_output=True, text=True).stdout
    exported = {d["id"]: d for d in map(json.loads, export.splitlines())}
    assert len(exported[doc["id"]]["corrections"]) == 2 and exported["conflict_2018-03"]["corrections"] == []


def test_vendored_files_match_their_manifest():
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    import vendor

    assert vendor.check() == []
    names = {p["name"] for p in json.loads((vendor.VENDOR / "manifest.json").read_text())}
    assert {"htmx.org", "uplot", "leaflet", "topojson-client", "world-atlas"} <= names


def test_pages_take_empty_form_fields_as_not_given_but_the_api_does_not(server):
    assert httpx.get(server.url + "/quotes?speaker=&about=&from=&to=").status_code == 200
    assert httpx.get(server.url + "/?q=minister&from=&to=&vs=&vs=").status_code == 200
    assert_error(httpx.get(server.url + "/api/quotes?from="), 400)
