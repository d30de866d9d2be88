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
    return stories.assign(rowid, S.profile("", " ".join(words), set()), day, None)


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
