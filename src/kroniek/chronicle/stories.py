"""Stories: articles that report the same real-world event or development, assigned online.

A new article is compared with the articles published within ``WINDOW_DAYS`` days before or after
it that share its most distinctive words — found through ``story_terms``, an index of each
placed article's top words by day, so finding them costs the same in a store of ten thousand
articles as in one of a million — by the cosine of their tf-idf vectors
(stemmed words, the headline and lead counting more). It joins the story of the candidates whose
similarity reaches the threshold — and when those are in several stories, it bridges them and
they become one (single-link, online: the oldest story id stays, an absorbed one records
``merged_into``) — and starts a story of its own otherwise. A near-duplicate always joins its
original's story.
Document frequencies come from the ``term_df`` table, kept as articles are added.

Words that burst — among the top words of the articles of the article's day and the day before
far more often than their share of the whole store predicts ("tram" and "Oktoberplein" the day
after a shooting, "Statenverkiezingen" on election day) — weigh more (``BURST``): a development
reported from many angles shares few rare words but the same bursting ones. Counts per term and
day come from ``term_days`` (``''`` counts the day's placed articles), the store-wide counts from
``term_df.top``: indexed lookups, whatever the store's size. An article's bursts as of its
placing are kept (``story_bursts``), so its vector read back later is the one it was placed with.
"""

from __future__ import annotations

import json
import math
import os
import sys
from collections import Counter
from dataclasses import dataclass
from typing import Any

#: Days around an article's date in which its story's other articles are looked for.
WINDOW_DAYS = 4
#: Distinctive words queried for candidates; candidates scored per article.
QUERY_TERMS = 15
CANDIDATES = 30
#: Similarity at which an article joins a story (tuned on the tuning window, bench/stories.py).
THRESHOLD = 0.34
#: The document count idf uses at least (see Stories._plain_weights).
MIN_DOCS = 5000
#: How much a bursting word's weight grows per unit of log-burst; the days it is measured over
#: (the article's day and the ones before it); the top words per article that are counted.
BURST = 2.0
BURST_DAYS = 2
BURST_TERMS = 40


#: Article vectors kept across batches of one process (rowid -> unit tf-idf vector);
#: a bounded cache: candidates are recent articles, whose vectors are here from their own placing.
#: ``KRONIEK_STORY_CACHE`` articles at most (default 5,000, about 15 kB each: the window of a
#: time-ordered feed many times over; a miss recomputes the vector from the store).
class _Vectors(dict):  # type: ignore[type-arg]
    limit = max(10, int(os.environ.get("KRONIEK_STORY_CACHE", "5000")))

    def __setitem__(self, key, value) -> None:  # type: ignore[no-untyped-def]
        if len(self) >= self.limit:
            for k in list(self)[: max(1, self.limit // 4)]:
                del self[k]
        super().__setitem__(key, value)


_VECTORS: dict[int, dict[str, float]] = _Vectors()


@dataclass
class Profile:
    """What an article is about, for comparing: its stemmed words with their counts."""

    terms: Counter[str]


def profile(title_stems: str, text_stems: str) -> Profile:
    """Headline words count three times, the first 60 words of the text twice."""
    terms: Counter[str] = Counter()
    for t in title_stems.split():
        terms[sys.intern(t)] += 3  # interned: the cached vectors share their words
    for i, t in enumerate(text_stems.split()):
        terms[sys.intern(t)] += 2 if i < 60 else 1
    return Profile(Counter({t: n for t, n in terms.items() if len(t) > 2 and not t.isdigit()}))


class Stories:
    """Assigns stories inside the store's write transaction."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self._n: int | None = None
        self._vectors = _VECTORS

    def _docs(self) -> int:
        if self._n is None:
            self._n = int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        return self._n

    def _df(self, terms: list[str]) -> dict[str, int]:
        return self._stats(terms)[0]

    def _stats(self, terms: list[str]) -> tuple[dict[str, int], dict[str, int]]:
        """Document frequency and top-word count of each term, store-wide."""
        df: dict[str, int] = {}
        top: dict[str, int] = {}
        for i in range(0, len(terms), 500):
            chunk = terms[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for term, n, t in self.conn.execute(f"SELECT term, df, top FROM term_df WHERE term IN ({marks})", chunk):
                df[term], top[term] = n, t
        return df, top

    def _plain_weights(self, p: Profile, df: dict[str, int]) -> dict[str, float]:
        # a floor on the document count keeps weights comparable between a young store and a
        # large one (and between an online ingest and a rebuild)
        n = max(self._docs() + 1, MIN_DOCS)
        return {t: (1 + math.log(c)) * math.log(n / (1 + df.get(t, 0))) for t, c in p.terms.items()}

    @staticmethod
    def _raised(plain: dict[str, float], bursts: dict[str, float] | None) -> dict[str, float]:
        """tf-idf weights with the bursting words raised."""
        w = dict(plain)
        for term, b in (bursts or {}).items():
            if term in w:
                w[term] *= 1 + BURST * b
        return w

    def _bursts(self, terms: list[str], top: dict[str, int], day: str) -> dict[str, float]:
        """log(observed / expected) for the words that are top words more often on the article's
        days than their store-wide share predicts; the article itself not counted."""
        lo, hi = _burst_days(day)
        local: dict[str, int] = {}
        for i in range(0, len(terms) + 1, 500):
            chunk = ([""] if i == 0 else []) + terms[i : i + 500]
            marks = ",".join("?" * len(chunk))
            local.update(dict(self.conn.execute(
                f"SELECT term, sum(n) FROM term_days WHERE term IN ({marks}) AND day BETWEEN ? AND ? GROUP BY term",
                (*chunk, lo, hi)).fetchall()))  # fmt: skip
        days_n = int(local.pop("", 0) or 0)
        if not days_n:
            return {}
        placed = self._placed()
        out = {}
        for term, n in local.items():
            b = math.log((int(n) + 1) / (top.get(term, 0) * days_n / max(placed, 1) + 1))
            if b > 0:
                out[term] = b
        return out

    def _placed(self) -> int:
        row = self.conn.execute("SELECT df FROM term_df WHERE term = ''").fetchone()
        return int(row[0]) if row else 0

    def add_terms(self, p: Profile, top: list[str] | None = None, day: str | None = None) -> None:
        """Count a placed article's words (``''`` counts the articles) and, with its day, its
        top words for the bursts."""
        tops = set(top) if top is not None and day else set()
        self.conn.executemany(
            "INSERT INTO term_df (term, df, top) VALUES (?, 1, ?)"
            " ON CONFLICT (term) DO UPDATE SET df = term_df.df + 1, top = term_df.top + excluded.top",
            [(t, int(t in tops)) for t in ("", *p.terms)],
        )
        if tops:
            self.conn.executemany(
                "INSERT INTO term_days (term, day, n) VALUES (?, ?, 1)"
                " ON CONFLICT (term, day) DO UPDATE SET n = term_days.n + 1",
                [(t, day[:10]) for t in ("", *top)],
            )
        if self._n is not None:
            self._n += 1

    def candidates(self, p: Profile, weights: dict[str, float], lo: str, hi: str, rowid: int) -> list[int]:
        """Articles in the date window that share the article's most distinctive words, through
        ``story_terms`` (each placed article's top words by day): the cost depends on the window,
        never on the size of the store."""
        terms = self._top_terms(p, weights)
        if not terms:
            return []
        marks = ",".join("?" * len(terms))
        rows = self.conn.execute(
            f"SELECT article, count(*) FROM story_terms WHERE term IN ({marks}) AND day BETWEEN ? AND ?"
            " AND article != ? GROUP BY article ORDER BY 2 DESC, article DESC LIMIT ?",
            (*terms, lo, hi, rowid, CANDIDATES),
        ).fetchall()
        return [int(r[0]) for r in rows]

    @staticmethod
    def _top_terms(p: Profile, weights: dict[str, float], k: int = QUERY_TERMS) -> list[str]:
        usable = sorted((t for t in p.terms if t.isalnum()), key=lambda t: (-weights[t], t))
        return usable[:k]

    def _profile_of(self, rowid: int) -> Profile:
        row = self.conn.execute("SELECT title, text FROM articles_fts WHERE rowid = ?", (rowid,)).fetchone()
        return profile(row[0] or "", row[1] or "")

    @staticmethod
    def _unit(w: dict[str, float]) -> dict[str, float]:
        norm = math.sqrt(sum(x * x for x in w.values())) or 1.0
        return {t: x / norm for t, x in w.items()}

    def _similar(self, vec: dict[str, float], cand: int) -> float:
        """Cosine of the new article and a candidate, whose vector is kept from when it was
        placed (or computed once from the store, as of now)."""
        if cand not in self._vectors:
            other = self._profile_of(cand)
            row = self.conn.execute("SELECT bursts FROM story_bursts WHERE article = ?", (cand,)).fetchone()
            bursts = json.loads(row[0]) if row is not None else None
            self._vectors[cand] = self._unit(self._raised(self._plain_weights(other, self._df(list(other.terms))), bursts))
        cvec = self._vectors[cand]
        small, big = (vec, cvec) if len(vec) < len(cvec) else (cvec, vec)
        return sum(x * big.get(t, 0.0) for t, x in small.items())

    def _join(self, close: list[int]) -> int:
        """The story of the articles a new article is close to. When they are in several stories,
        the new article bridges them (the arrest and the victims' story of one shooting, told
        before anything linked them): they become one, the oldest story taking the others'
        articles and event keys; an absorbed story keeps its row, empty, with ``merged_into``."""
        marks = ",".join("?" * len(close))
        found = sorted({int(r[0]) for r in self.conn.execute(
            f"SELECT DISTINCT story FROM articles WHERE rowid IN ({marks}) AND story IS NOT NULL", close)})
        keep = found[0]
        for other in found[1:]:
            first, last, n = self.conn.execute("SELECT first, last, articles FROM stories WHERE id = ?", (other,)).fetchone()
            self.conn.execute("UPDATE articles SET story = ? WHERE story = ?", (keep, other))
            self.conn.execute(
                "UPDATE stories SET articles = articles + ?,"
                " first = CASE WHEN first IS NULL OR ? < first THEN ? ELSE first END,"
                " last = CASE WHEN last IS NULL OR ? > last THEN ? ELSE last END WHERE id = ?",
                (n, first, first, last, last, keep),
            )
            self.conn.execute("UPDATE stories SET articles = 0, merged_into = ? WHERE id = ?", (keep, other))
            self.conn.execute("UPDATE stories SET merged_into = ? WHERE merged_into = ?", (keep, other))
            prefix = f"{other}|"
            self.conn.execute(
                "UPDATE events SET event_key = CAST(? AS TEXT) || substr(event_key, ?) WHERE event_key LIKE ?"
                " AND article IN (SELECT rowid FROM articles WHERE story = ?)",
                (f"{keep}|", len(prefix) + 1, prefix + "%", keep),
            )
        return keep

    def assign(
        self, rowid: int, p: Profile, day: str | None, duplicate_of: str | None, threshold: float = THRESHOLD
    ) -> int:
        """The story id of a newly stored article (its row already written)."""
        story = None
        if duplicate_of is not None:
            row = self.conn.execute("SELECT story FROM articles WHERE id = ?", (duplicate_of,)).fetchone()
            story = row[0] if row is not None else None
        top_words: list[str] | None = None
        if day:
            df, top = self._stats(list(p.terms))
            plain = self._plain_weights(p, df)
            top_words = self._top_terms(p, plain, BURST_TERMS)
        if story is None and day:
            lo, hi = _window(day)
            # only a word that was someone's top word can burst (term_days holds top words only)
            bursts = self._bursts([t for t in p.terms if top.get(t)], top, day) if BURST else {}
            weights = self._raised(plain, bursts)
            vec = self._unit(weights)
            close = []  # the candidates as similar as the threshold asks
            for cand in self.candidates(p, weights, lo, hi, rowid):
                if self._similar(vec, cand) >= threshold:
                    close.append(cand)
            if close:
                story = self._join(close)
            self._vectors[rowid] = vec
            if bursts:  # kept, so that its vector is the same when read back as when placed
                self.conn.execute(
                    "INSERT INTO story_bursts (article, bursts) VALUES (?, ?)"
                    " ON CONFLICT (article) DO UPDATE SET bursts = excluded.bursts",
                    (rowid, json.dumps({t: round(b, 4) for t, b in sorted(bursts.items())})),
                )
            self.conn.executemany(
                "INSERT INTO story_terms (term, day, article) VALUES (?,?,?) ON CONFLICT DO NOTHING",
                [(term, day[:10], rowid) for term in self._top_terms(p, weights)],
            )
        if story is None:
            story = int(self.conn.execute("INSERT INTO stories (articles) VALUES (0)").lastrowid or 0)
        self.conn.execute("UPDATE articles SET story = ? WHERE rowid = ?", (story, rowid))
        self.conn.execute(
            "UPDATE stories SET articles = articles + 1,"
            " first = CASE WHEN first IS NULL OR ? < first THEN ? ELSE first END,"
            " last = CASE WHEN last IS NULL OR ? > last THEN ? ELSE last END WHERE id = ?",
            (day, day, day, day, story),
        )
        self.add_terms(p, top_words, day)
        return int(story)


def _burst_days(day: str) -> tuple[str, str]:
    import datetime as dt

    d = dt.date.fromisoformat(day[:10])
    return (d - dt.timedelta(days=BURST_DAYS - 1)).isoformat(), d.isoformat()


def _window(day: str) -> tuple[str, str]:
    import datetime as dt

    d = dt.date.fromisoformat(day[:10])
    return (d - dt.timedelta(days=WINDOW_DAYS)).isoformat(), (d + dt.timedelta(days=WINDOW_DAYS)).isoformat() + "Z"
