"""Quotes: who said what, with the speaker's canonical name, source chain and topics.

Public face: :func:`find_quotes` (the ``quotes`` stage), :func:`extract_quotes`, and
:class:`People` (who a name, pronoun or description in an article refers to; the events stage
names its actors with it).
"""

from __future__ import annotations

from .speakers import People
from .stage import extract_quotes, find_quotes

__all__ = ["People", "extract_quotes", "find_quotes"]
