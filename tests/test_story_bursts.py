"""Stories weigh bursting words: a development told from different angles shares few rare words
but the same words that burst on its days ("tram", "oktoberplein" the day after a shooting)."""

from __future__ import annotations

import random

import pytest

from kroniek.chronicle import stories as S
from kroniek.store.sqlite import SQLiteStore

#: Everyday words of the background articles (stems, as the store keeps them).
FILLER = [f"woord{i:03d}x" for i in range(400)]


def _article(conn, rowid: int, day: str, words: list[str], stories: S.Stories) -> int:
    conn.execute(
        "INSERT INTO articles (rowid, id, published, published_start, text, text_hash, ingested_at)"
        " VALUES (?,?,?,?,?,?,?)",
        (rowid, f"a{rowid}", day, day, " ".join(words), f"h{rowid}", "2026-12-07"),
    )
    conn.execute("INSERT INTO articles_fts (rowid, title, text, source) VALUES (?,?,?,?)",
                 (rowid, "", " ".join(words), ""))
    return stories.assign(rowid, S.profile("", " ".join(words)), day, None)


def _place_all(tmp_path, burst: float, monkeypatch) -> tuple[int, int, S.Stories]:
    monkeypatch.setattr(S, "BURST", burst)
    S._VECTORS.clear()  # noqa: SLF001 - vectors are kept per process
    store = SQLiteStore(tmp_path / f"b{burst}.db")
    conn = store.conn
    stories = S.Stories(conn)
    rng = random.Random(5)
    rowid = 0
    conn.execute("BEGIN")
    for day in range(1, 15):  # two weeks of ordinary news
        for _ in range(12):
            rowid += 1
            _article(conn, rowid, f"2019-03-{day:02d}", rng.sample(FILLER, 60), stories)
    for _ in range(10):  # the day of the shooting: many papers, many angles
        rowid += 1
        _article(conn, rowid, "2019-03-18", ["tram", "oktoberplein", "schutter"] * 2 + rng.sample(FILLER, 60), stories)
    # two reports from other angles the next day: the bursting words and otherwise their own words
    a = _article(conn, rowid + 1, "2019-03-19", ["tram", "oktoberplein"] * 2 + [f"slachtoffer{i}x" for i in range(8)]
                 + rng.sample(FILLER, 40), stories)
    b = _article(conn, rowid + 2, "2019-03-19", ["tram", "oktoberplein"] * 2 + [f"herdenking{i}x" for i in range(8)]
                 + rng.sample(FILLER, 40), stories)
    conn.execute("COMMIT")
    return a, b, stories


def test_bursting_words_join_the_angles_of_one_development(tmp_path, monkeypatch):
    a, b, stories = _place_all(tmp_path, 2.0, monkeypatch)
    assert a == b
    words = ["tram", "oktoberplein", "woord001x"]
    bursts = stories._bursts(words, stories._stats(words)[1], "2019-03-19")  # noqa: SLF001
    # the shooting's words burst far more than an everyday word's chance ups and downs
    assert bursts["tram"] > 1 + bursts.get("woord001x", 0.0)
    # kept with the article, so its vector read back later is the one it was placed with
    assert stories.conn.execute("SELECT count(*) FROM story_bursts").fetchone()[0] > 0


def test_without_bursts_the_angles_stay_apart(tmp_path, monkeypatch):
    a, b, _ = _place_all(tmp_path, 0.0, monkeypatch)
    assert a != b


@pytest.fixture(autouse=True)
def _fresh_vectors():
    yield
    S._VECTORS.clear()  # noqa: SLF001


def test_an_article_that_bridges_two_stories_merges_them_and_old_ids_still_lead_there(tmp_path):
    from kroniek.queries.chronicle import story_view

    S._VECTORS.clear()  # noqa: SLF001
    store = SQLiteStore(tmp_path / "m.db")
    conn = store.conn
    stories = S.Stories(conn)
    rng = random.Random(7)
    conn.execute("BEGIN")
    rowid = 0
    for day in range(1, 8):  # background: ordinary news, so the story words are rare
        for _ in range(10):
            rowid += 1
            _article(conn, rowid, f"2019-03-{day:02d}", rng.sample(FILLER, 60), stories)
    arrest = [f"arrestatie{i}x" for i in range(12)]
    victims = [f"slachtoffers{i}x" for i in range(12)]
    first = _article(conn, rowid + 1, "2019-03-08", arrest * 2 + rng.sample(FILLER, 20), stories)
    second = _article(conn, rowid + 2, "2019-03-08", victims * 2 + rng.sample(FILLER, 20), stories)
    assert first != second  # nothing links them yet
    conn.execute("INSERT INTO events (article, start, end, text, type, status, event_key) VALUES (?,?,?,?,?,?,?)",
                 (rowid + 2, 0, 5, "x", "ASSAULT", "happened", f"{second}|ASSAULT|a|b|happened|2019-03"))
    # a report that tells both: the arrest and the victims
    bridge = _article(conn, rowid + 3, "2019-03-09", arrest + victims + rng.sample(FILLER, 20), stories)
    conn.execute("COMMIT")
    assert bridge == first  # the oldest story stays
    ids = {r[0] for r in conn.execute("SELECT story FROM articles WHERE rowid IN (?,?,?)", (rowid + 1, rowid + 2, rowid + 3))}
    assert ids == {first}
    assert tuple(conn.execute("SELECT articles, merged_into FROM stories WHERE id = ?", (second,)).fetchone()) == (0, first)
    assert conn.execute("SELECT articles FROM stories WHERE id = ?", (first,)).fetchone()[0] == 3
    key = conn.execute("SELECT event_key FROM events WHERE article = ?", (rowid + 2,)).fetchone()[0]
    assert key.startswith(f"{first}|ASSAULT")  # one event, many reports, across the merged story
    assert story_view(conn, second).story == first  # an id once given still finds its story
    store.close()


def test_bridged_stories_merge_on_both_backends(run, store_target, tmp_path):
    """The CLI, on SQLite and PostgreSQL: two reports of one case told apart, then one that tells
    both; `stories` lists one story of three articles, and the absorbed id still finds it."""
    import json

    arrest = "De politie arresteerde de verdachte Kobus Vlaskamp in Zwartewaterland na de brand in de loods. " * 3
    victims = "De slachtoffers van de brand in de loods in Zwartewaterland liggen in het ziekenhuis in Zwolle. " * 3
    rows = [
        {"id": "a1", "published": "2019-03-08", "title": "Arrestatie na brand in loods", "text": arrest},
        {"id": "a2", "published": "2019-03-08", "title": "Slachtoffers loodsbrand in ziekenhuis", "text": victims},
        {"id": "a3", "published": "2019-03-09", "title": "Verdachte loodsbrand vast, slachtoffers in ziekenhuis",
         "text": arrest[:100] + victims[:100]},
    ]
    path = tmp_path / "bridge.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    res = run("ingest", str(path), "--db", store_target)
    assert res.code == 0, res.stderr
    listed = run("stories", "--db", store_target).json_lines()
    multi = [s for s in listed if len(s["articles"]) > 1]
    assert len(multi) == 1 and sorted(multi[0]["articles"]) == ["a1", "a2", "a3"]
    assert multi[0]["story"] == 1  # the oldest story's id stays
    for sid in (1, 2):  # the absorbed story's id still leads to it
        shown = run("stories", "--db", store_target, "--story", str(sid)).json_lines()
        assert [(s["story"], sorted(s["articles"])) for s in shown] == [(1, ["a1", "a2", "a3"])]
