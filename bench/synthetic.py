"""Synthetic Dutch-looking news articles for scale benches and memory tests.

Words are drawn with a Zipf distribution from a fixed vocabulary — the corpus's own common Dutch
words first, then made-up words — so that, as in real news, most words are rare and a story's
distinctive words find few other articles. Deterministic for a given seed. Not real news: the
pipeline finds few entities, quotes or figures in it; benches that use it say so.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator

_COMMON = ("de het een en van in op te dat die is voor met niet zijn aan er ook als bij om maar "
           "door over nog naar was werd wordt kan meer dan uit jaar volgens heeft hebben zei "
           "minister kabinet gemeente politie rechter regering Kamer Nederland Amsterdam Rotterdam "
           "euro miljoen procent mensen school woningen zorg klimaat oorlog verkiezingen").split()
_SYLLABLES = ("ka ver ste lin bo de ra mo ter wij pen sto gel han ri ze vo lu ma ne ko ba tu "
              "dre vla kro nie gra wen hof berg dijk huis veld").split()


def vocabulary(size: int = 60_000, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    words = list(_COMMON)
    seen = set(words)
    while len(words) < size:
        w = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words


def articles(n: int, *, seed: int = 1, words: int = 250, start: int = 0) -> Iterator[dict]:
    """``n`` articles as JSON-ready dicts: id, published (2010..2024), title, text, source."""
    rng = random.Random(seed)
    vocab = vocabulary()
    weights = [1.0 / (i + 1) ** 1.05 for i in range(len(vocab))]
    sources = ["NOS", "NRC", "Trouw", "AD", "Volkskrant", "Parool", "ANP", "RTV Oost"]
    for i in range(start, start + n):
        body = rng.choices(vocab, weights, k=words)
        sentences = [" ".join(body[j : j + 12]).capitalize() + "." for j in range(0, len(body), 12)]
        day = 1 + rng.randrange(15 * 365)
        year, rest = 2010 + day // 365, day % 365
        yield {
            "id": f"syn-{i}",
            "published": f"{min(year, 2024):04d}-{1 + rest // 31 % 12:02d}-{1 + rest % 28:02d}",
            "title": " ".join(rng.choices(vocab, weights, k=7)).capitalize(),
            "text": " ".join(sentences),
            "source": rng.choice(sources),
        }


def write_jsonl(path: str, n: int, **kw: object) -> int:
    """Write ``n`` articles to ``path``; returns its size in bytes."""
    size = 0
    with open(path, "w", encoding="utf-8") as fh:
        for a in articles(n, **kw):  # type: ignore[arg-type]
            line = json.dumps(a, ensure_ascii=False) + "\n"
            fh.write(line)
            size += len(line.encode("utf-8"))
    return size
