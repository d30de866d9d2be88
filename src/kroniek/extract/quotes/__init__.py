"""Quotes: who said what, with the speaker's canonical name, source chain and topics.

Public face: :func:`find_quotes` (the ``quotes`` stage) and :func:`extract_quotes`.
"""

from __future__ import annotations

from .stage import extract_quotes, find_quotes

__all__ = ["extract_quotes", "find_quotes"]
