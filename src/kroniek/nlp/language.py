"""Language identification stage: flags non-Dutch articles (py3langid, offline, ~1 ms/article)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..model import Document
from .pipeline import stage


@lru_cache(maxsize=1)
def _identifier() -> Any:
    import py3langid

    return py3langid


def identify(text: str) -> tuple[str, float]:
    """ISO 639-1 code and probability for ``text``; ("und", 0.0) when there is nothing to judge."""
    sample = text[:5000]
    if sum(ch.isalpha() for ch in sample) < 3:
        return "und", 0.0
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)


@stage("language", requires={"text"}, provides={"language"}, version=1)
def detect_language(doc: Document) -> Document:
    """Use the declared language when the input states one, else identify it from the text."""
    doc.language = doc.article.language or identify(doc.text)[0]
    return doc
