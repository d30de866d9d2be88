"""Benchmark kroniek search on a synthetic Dutch-like corpus.

    python bench/search.py                      # 100k articles, FTS5 (+ tantivy if installed)
    python bench/search.py --n 1000000 --db /tmp/k1m.db --keep   # reuse later with --reuse

Articles are drawn from a Zipf(-Mandelbrot) distribution over a hand-written list of common
Dutch words plus compounds made from them (Dutch glues nouns together, which is where a real
news vocabulary's long tail comes from), with dates 2015-2020 and a dozen sources; 3% are
marked near-duplicates. Rows go through kroniek's real schema (MIGRATIONS[0]) and the same
stemmer, then search()/counts() are timed end to end (ranking, total, fetch, snippets).
Numbers are wall-clock on whatever machine runs it; on a shared box they are noisy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from kroniek.store.schema import MIGRATIONS  # noqa: E402
from kroniek.store.search import counts, search  # noqa: E402
from kroniek.store.stemming import stem_word  # noqa: E402

FUNCTION = """de het een en van in is op dat te die met voor niet zijn er aan om ook als bij
door maar nog uit over naar dan wel tot was hij zij ze we wordt worden werd heeft hebben had
kan kunnen zal zou moet moeten meer veel al geen deze dit na onder tegen tussen volgens omdat
sinds zonder hun haar zich wat wie waar hoe nu toen later jaar jaren procent""".split()

CONTENT = """kabinet regering minister premier kamer tweede partij politiek verkiezingen
stemmen coalitie oppositie debat wet voorstel begroting belasting economie bedrijf bedrijven
banen werk werknemers werkgevers loon pensioen zorg ziekenhuis patienten artsen onderwijs
school scholen leraren studenten universiteit onderzoek wetenschap klimaat energie gas
stroom windmolens zonnepanelen stikstof boeren landbouw water dijken overstroming weer
politie justitie rechter rechtbank verdachte aanhouding moord diefstal gevangenis straf
advocaat militairen defensie oorlog vrede aanslag terrorisme strijders vluchtelingen
asiel migratie grens europa brussel duitsland frankrijk belgie amerika china rusland syrie
oekraine londen washington amsterdam rotterdam utrecht haag eindhoven groningen gemeente
provincie burgemeester wethouder raad inwoners wijk huizen woningen huur woningmarkt
bouw prijzen inflatie rente bank banken euro geld miljoen miljard schulden markt beurs
aandelen handel export import haven schiphol luchtvaart vliegtuig trein spoor auto verkeer
files wegen fiets ongeluk brand slachtoffers gewonden doden hulpdiensten ambulance
brandweer virus vaccin pandemie besmettingen maatregelen lockdown kinderen ouders
jongeren ouderen vrouwen mannen familie gezin sport voetbal wedstrijd club spelers trainer
kampioen olympische cultuur muziek film museum kunst boek schrijver theater televisie
omroep krant journalist media internet digitaal privacy gegevens hackers telefoon
technologie computer software nieuws verslag interview onderzoekers rapport cijfers
statistiek toekomst verleden geschiedenis koning koningin monarchie protest demonstratie
staking vakbond akkoord overleg crisis probleem oplossing plan plannen besluit kritiek
steun zegt zei meldt blijkt volgens vandaag gisteren morgen week maand maandag dinsdag
woensdag donderdag vrijdag zaterdag zondag januari februari maart april mei juni juli
augustus september oktober november december nieuwe grote kleine eerste laatste hoge
lage sterke zware snelle belangrijke nationale internationale lokale openbare""".split()

PHRASES = [["tweede", "kamer"], ["minister", "van", "financien"], ["raad", "van", "state"]]
SOURCES = ["NOS", "NRC", "de Volkskrant", "Trouw", "AD", "Het Parool", "RTL Nieuws",
           "De Telegraaf", "NU.nl", "Omroep Brabant", "RTV Noord", "Het Financieele Dagblad"]


def vocabulary(n_compounds: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Words ranked by frequency: function words, content words, then compounds (the tail)."""
    nouns = CONTENT[:200]
    seen = set(FUNCTION) | set(CONTENT)
    compounds: list[str] = []
    while len(compounds) < n_compounds:
        a, b = rng.choice(len(nouns), 2, replace=False)
        word = nouns[a] + nouns[b]
        if word not in seen:
            seen.add(word)
            compounds.append(word)
    words = FUNCTION + CONTENT + compounds
    return np.array(words, dtype=object), np.array([stem_word(w) for w in words], dtype=object)


def generate(n: int, seed: int = 7, per_day: int | None = None):  # -> Iterator of batches
    """Yield batches of (article rows, fts rows, tantivy docs); ``per_day`` spreads them over as
    many days as keep that many articles a day (default: over 2015-2020)."""
    rng = np.random.default_rng(seed)
    words, stems = vocabulary(30_000, rng)
    ranks = np.arange(1, len(words) + 1, dtype=np.float64)
    p = 1.0 / (ranks + 2.7) ** 1.05
    cdf = np.cumsum(p / p.sum())
    day0 = dt.date(2015, 1, 1).toordinal()
    n_days = dt.date(2020, 12, 31).toordinal() - day0 + 1
    if per_day:
        n_days = max(1, n // per_day)
    batch = 10_000
    for lo in range(0, n, batch):
        m = min(batch, n - lo)
        lens = rng.integers(60, 240, m)
        tlens = rng.integers(5, 11, m)
        total = int(lens.sum() + tlens.sum())
        idx = np.minimum(np.searchsorted(cdf, rng.random(total)), len(words) - 1)
        wtoks, stoks = words[idx], stems[idx]
        days = rng.integers(0, n_days, m) + day0
        coarse = rng.random(m) < 0.05
        dup = rng.random(m) < 0.03
        src = rng.integers(0, len(SOURCES), m)
        phrase = rng.integers(0, 40, m)
        arts, fts = [], []
        pos = 0
        for j in range(m):
            rowid = lo + j + 1
            tl, bl = int(tlens[j]), int(lens[j])
            title_w, title_s = wtoks[pos : pos + tl], stoks[pos : pos + tl]
            body_w, body_s = list(wtoks[pos + tl : pos + tl + bl]), list(stoks[pos + tl : pos + tl + bl])
            pos += tl + bl
            if phrase[j] < len(PHRASES):
                body_w[5:5] = PHRASES[phrase[j]]
                body_s[5:5] = [stem_word(w) for w in PHRASES[phrase[j]]]
            day = dt.date.fromordinal(int(days[j]))
            if coarse[j]:
                start = day.replace(day=1)
                end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
                published, prec = start.isoformat()[:7], "month"
            else:
                start = end = day
                published, prec = day.isoformat(), "day"
            title = " ".join(title_w).capitalize()
            text = " ".join(body_w).capitalize() + "."
            source = SOURCES[src[j]]
            dup_of = f"s{rowid // 2}" if dup[j] and rowid > 2 else None
            arts.append((rowid, f"s{rowid}", published, prec, start.isoformat(), end.isoformat(),
                         title, text, source, f"h{rowid}", dup_of, bl, "2024-01-01T00:00:00"))
            fts.append((rowid, " ".join(title_s), " ".join(body_s), source.lower()))
        yield arts, fts


def build(path: str, n: int, tantivy_path: str | None) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;")
    conn.executescript(MIGRATIONS[0])
    index = None
    if tantivy_path:
        from kroniek.store.tantivy_index import TantivyIndex

        index = TantivyIndex(tantivy_path)
    t0 = time.perf_counter()
    done = 0
    for arts, fts in generate(n):
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO articles (rowid, id, published, precision, published_start, published_end,"
            " title, text, source, text_hash, duplicate_of, word_count, ingested_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            arts,
        )
        conn.executemany("INSERT INTO articles_fts (rowid, title, text, source) VALUES (?,?,?,?)", fts)
        conn.execute("COMMIT")
        if index is not None:
            for a, f in zip(arts, fts, strict=True):
                index.add_stemmed(a[0], f[1], f[2], f[3], a[4], a[8], a[10] is not None)
        done += len(arts)
        if done % 100_000 == 0 or done == n:
            print(f"  built {done:,} articles in {time.perf_counter() - t0:.0f}s", flush=True)
    t1 = time.perf_counter()
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
    print(f"  fts5 optimize {time.perf_counter() - t1:.0f}s", flush=True)
    if index is not None:
        t1 = time.perf_counter()
        index.commit()
        print(f"  tantivy commit+merge {time.perf_counter() - t1:.0f}s", flush=True)
    conn.close()


def timeit(fn: Callable[[], object], runs: int) -> tuple[float, float, object]:
    fn()  # warm the page cache
    times = []
    out = None
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))], out


BROAD = "(kabinet OR regering OR minister OR premier OR partij) NOT voetbal"
CASES = [
    ("broad boolean, top-10 relevance", BROAD, {}),
    ("broad, top-10 newest, 2018 only", BROAD,
     {"sort": "date", "date_from": "2018", "date_to": "2018"}),
    ("phrase", '"tweede kamer"', {}),
    ("selective", "{rare} {mid}", {}),
]
COUNTS = ("per-month counts, broad", BROAD)


def bench(path: str, runs: int, index: object | None, label: str) -> list[tuple[str, ...]]:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA cache_size=-200000")
    words, _ = vocabulary(30_000, np.random.default_rng(7))  # same draw as generate()
    rows = []
    for name, q, kw in CASES:
        q = q.format(rare=words[2000], mid=words[300])
        p50, p95, res = timeit(lambda: search(conn, q, index=index, **kw), runs)  # type: ignore[arg-type]
        rows.append((label, name, f"{p50:.1f}", f"{p95:.1f}", f"{res.total:,}"))  # type: ignore[attr-defined]
    name, q = COUNTS
    p50, p95, res = timeit(lambda: counts(conn, q, per="month", index=index), runs)  # type: ignore[arg-type]
    rows.append((label, name, f"{p50:.1f}", f"{p95:.1f}", f"{sum(n for _, n in res):,}"))  # type: ignore[union-attr]
    conn.close()
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--db", help="SQLite file to build (default: a temp file)")
    ap.add_argument("--keep", action="store_true", help="keep the built files")
    ap.add_argument("--reuse", action="store_true", help="skip building; --db must exist")
    ap.add_argument("--index", choices=["fts5", "tantivy", "both"], default="both")
    args = ap.parse_args()
    try:
        import tantivy  # noqa: F401

        have_tantivy = args.index != "fts5"
    except ImportError:
        have_tantivy = False
        if args.index == "tantivy":
            sys.exit("tantivy is not installed: pip install 'kroniek[search]'")
    tmp = tempfile.mkdtemp(prefix="kroniek-bench-")
    db = args.db or os.path.join(tmp, "bench.db")
    tdir = db + ".tantivy" if have_tantivy else None
    if not args.reuse:
        for p in (db,):
            if os.path.exists(p):
                os.remove(p)
        if tdir and os.path.exists(tdir):
            import shutil

            shutil.rmtree(tdir)
        print(f"building {args.n:,} articles into {db}", flush=True)
        build(db, args.n, tdir)
    print(f"db size {os.path.getsize(db) / 2**20:,.0f} MiB; {args.runs} runs per query", flush=True)
    rows = []
    if args.index in ("fts5", "both"):
        rows += bench(db, args.runs, None, "fts5")
    if have_tantivy:
        from kroniek.store.tantivy_index import TantivyIndex

        rows += bench(db, args.runs, TantivyIndex(tdir), "tantivy")  # type: ignore[arg-type]
    head = ("index", "query", "p50 ms", "p95 ms", "matches")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    print(f"\n{args.n:,} articles")
    for r in [head, *rows]:
        print("  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
    if not args.keep and not args.db:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
