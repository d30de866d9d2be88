"""Dutch stemming for the full-text index: Snowball ``dutch_porter`` via PyStemmer.

The same algorithm as PostgreSQL's ``dutch`` text-search configuration, so results match when
the store moves to PostgreSQL. Index and query go through :func:`stem_terms` alike.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

WORD_RE = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer

    name = "dutch_porter" if "dutch_porter" in Stemmer.algorithms() else "dutch"
    stemmer = Stemmer.Stemmer(name)
    stemmer.maxCacheSize = 100_000
    return stemmer


def fold(word: str) -> str:
    """Lowercase and strip diacritics (Syrië -> syrie) so spelling variants meet."""
    if word.isascii():  # nothing to decompose: the common case, kept fast
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stem_word(word: str) -> str:
    return fold(_stemmer().stemWord(word.lower()))


def stem_terms(text: str) -> list[str]:
    """The stems of every word in ``text``, in order."""
    words = [w.lower() for w in WORD_RE.findall(text or "")]
    return [fold(s) for s in _stemmer().stemWords(words)]


def stem_text(text: str | None) -> str:
    """A space-joined stemmed copy of ``text`` for the FTS5 index."""
    return " ".join(stem_terms(text or ""))


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, stem) of every word: used to highlight matches in the original text."""
    matches = list(WORD_RE.finditer(text))
    stems = _stemmer().stemWords([m.group().lower() for m in matches])
    return [(m.start(), m.end(), fold(s)) for m, s in zip(matches, stems, strict=True)]
