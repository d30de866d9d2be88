"""Time expressions (TIMEX3): recognised in the text, then resolved against the article's date.

Public face: :func:`find_timexes` (the ``timexes`` stage) and :func:`find_in_text`.
"""

from __future__ import annotations

from .stage import find_in_text, find_timexes

__all__ = ["find_in_text", "find_timexes"]
