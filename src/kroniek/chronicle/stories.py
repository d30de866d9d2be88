"""Stories: articles that report the same real-world event or development, assigned online.

A new article is compared with the articles published within ``WINDOW_DAYS`` days before or after
it that share its most distinctive words — found through ``story_terms``, an index of each
placed article's top words by day, so finding them costs the same in a store of ten thousand
articles as in one of a million — by the cosine of their tf-idf vectors
(stemmed words, the headline and lead counting more) plus the overlap of their named entities. It
joins the story of the most similar candidate when that similarity reaches the threshold, and
starts a story of its own otherwise. A near-duplicate always joins its original's story.
Document frequencies come from the ``term_df`` table, kept as articles are added.
"""

from __future__ import annotations

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
#: The document count idf uses at least (see Stories._weights).
MIN_DOCS = 5000
#: Weight of shared named entities beside the word cosine.
ENTITY_WEIGHT = 0.0


#: Article vectors kept across batches of one process (rowid -> (unit tf-idf vector, entities));
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


_VECTORS: dict[int, tuple[dict[str, float], frozenset[str]]] = _Vectors()


@dataclass
class Profile:
    """What an article is about, for comparing: term counts and entity names."""

    terms: Counter[str]
    entities: frozenset[str]


def profile(title_stems: str, text_stems: str, entity_names: set[str]) -> Profile:
    """Headline words count three times, the first 60 words of the text twice."""
    terms: Counter[str] = Counter()
    for t in title_stems.split():
        terms[sys.intern(t)] += 3  # interned: the cached vectors share their words
    for i, t in enumerate(text_stems.split()):
        terms[sys.intern(t)] += 2 if i < 60 else 1
    return Profile(Counter({t: n for t, n in terms.items() if len(t) > 2 and not t.isdigit()}), frozenset(entity_names))


class Stories:
    """Assigns stories inside the store's write transaction."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self._n: int | None = None
        self._cache: dict[int, Profile] = {}
        self._vectors = _VECTORS

    def _docs(self) -> int:
        if self._n is None:
            self._n = int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        return self._n

    def _df(self, terms: list[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for i in range(0, len(terms), 500):
            chunk = terms[i : i + 500]
            marks = ",".join("?" * len(chunk))
            out.update(dict(self.conn.execute(f"SELECT term, df FROM term_df WHERE term IN ({marks})", chunk).fetchall()))
        return out

    def _weights(self, p: Profile, df: dict[str, int]) -> dict[str, float]:
        # a floor on the document count keeps weights comparable between a young store and a
        # large one (and between an online ingest and a rebuild)
        n = max(self._docs() + 1, MIN_DOCS)
        return {t: (1 + math.log(c)) * math.log(n / (1 + df.get(t, 0))) for t, c in p.terms.items()}

    def add_terms(self, p: Profile) -> None:
        self.conn.executemany(
            "INSERT INTO term_df (term, df) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET df = term_df.df + 1",
            [(t,) for t in p.terms],
        )
        if self._n is not None:
            self._n += 1

    def candidates(self, p: Profile, df: dict[str, int], lo: str, hi: str, rowid: int) -> list[int]:
        """Articles in the date window that share the article's most distinctive words, through
        ``story_terms`` (each placed article's top words by day): the cost depends on the window,
        never on the size of the store."""
        terms = self._top_terms(p, df)
        if not terms:
            return []
        marks = ",".join("?" * len(terms))
        rows = self.conn.execute(
            f"SELECT article, count(*) FROM story_terms WHERE term IN ({marks}) AND day BETWEEN ? AND ?"
            " AND article != ? GROUP BY article ORDER BY 2 DESC, article DESC LIMIT ?",
            (*terms, lo, hi, rowid, CANDIDATES),
        ).fetchall()
        return [int(r[0]) for r in rows]

    def _top_terms(self, p: Profile, df: dict[str, int]) -> list[str]:
        weights = self._weights(p, df)
        usable = sorted((t for t in p.terms if t.isalnum()), key=lambda t: (-weights[t], t))
        return usable[:QUERY_TERMS]

    def _profile_of(self, rowid: int) -> Profile:
        if rowid in self._cache:
            return self._cache[rowid]
        row = self.conn.execute("SELECT title, text FROM articles_fts WHERE rowid = ?", (rowid,)).fetchone()
        ents = {
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT entity FROM entities WHERE article = ? AND label != 'MISC'", (rowid,)
            )
        }
        p = profile(row[0] or "", row[1] or "", ents)
        if len(self._cache) > 5000:
            self._cache.clear()
        self._cache[rowid] = p
        return p

    def _vector(self, p: Profile, df: dict[str, int]) -> dict[str, float]:
        """The article's tf-idf vector, unit length (idf as of when it is computed)."""
        w = self._weights(p, df)
        norm = math.sqrt(sum(x * x for x in w.values())) or 1.0
        return {t: x / norm for t, x in w.items()}

    def _similar(self, p: Profile, vec: dict[str, float], cand: int) -> float:
        """Cosine (and entity overlap) of the new article and a candidate, whose vector is kept
        from when it was placed (or computed once from the store)."""
        if cand not in self._vectors:
            other = self._profile_of(cand)
            self._vectors[cand] = (self._vector(other, self._df(list(other.terms))), other.entities)
        cvec, cents = self._vectors[cand]
        small, big = (vec, cvec) if len(vec) < len(cvec) else (cvec, vec)
        cos = sum(x * big.get(t, 0.0) for t, x in small.items())
        if not ENTITY_WEIGHT:
            return cos
        union = p.entities | cents
        jac = len(p.entities & cents) / len(union) if union else 0.0
        return (1 - ENTITY_WEIGHT) * cos + ENTITY_WEIGHT * jac

    def similarity(self, a: Profile, b: Profile, df: dict[str, int]) -> float:
        wa, wb = self._weights(a, df), self._weights(b, df)
        dot = sum(w * wb.get(t, 0.0) for t, w in wa.items())
        na = math.sqrt(sum(w * w for w in wa.values()))
        nb = math.sqrt(sum(w * w for w in wb.values()))
        cos = dot / (na * nb) if na and nb else 0.0
        union = a.entities | b.entities
        jac = len(a.entities & b.entities) / len(union) if union else 0.0
        return (1 - ENTITY_WEIGHT) * cos + ENTITY_WEIGHT * jac

    def assign(
        self, rowid: int, p: Profile, day: str | None, duplicate_of: str | None, threshold: float = THRESHOLD
    ) -> int:
        """The story id of a newly stored article (its row already written)."""
        story = None
        if duplicate_of is not None:
            row = self.conn.execute("SELECT story FROM articles WHERE id = ?", (duplicate_of,)).fetchone()
            story = row[0] if row is not None else None
        if story is None and day:
            df = self._df(list(p.terms))
            lo, hi = _window(day)
            vec = self._vector(p, df)
            best, best_sim = None, 0.0
            for cand in self.candidates(p, df, lo, hi, rowid):
                sim = self._similar(p, vec, cand)
                if sim > best_sim:
                    best, best_sim = cand, sim
            if best is not None and best_sim >= threshold:
                story = self.conn.execute("SELECT story FROM articles WHERE rowid = ?", (best,)).fetchone()[0]
            self._vectors[rowid] = (vec, p.entities)
            self.conn.executemany(
                "INSERT INTO story_terms (term, day, article) VALUES (?,?,?) ON CONFLICT DO NOTHING",
                [(term, day[:10], rowid) for term in self._top_terms(p, df)],
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
        self.add_terms(p)
        return int(story)


def _window(day: str) -> tuple[str, str]:
    import datetime as dt

    d = dt.date.fromisoformat(day[:10])
    return (d - dt.timedelta(days=WINDOW_DAYS)).isoformat(), (d + dt.timedelta(days=WINDOW_DAYS)).isoformat() + "Z"
