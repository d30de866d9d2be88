"""All single-expression patterns in the order they are tried: dates, then relative expressions;
among overlapping matches the longest wins, then the earliest entry (ranges are tried first,
see ``ranges``)."""

from __future__ import annotations

from .dates import DATE_PATTERNS
from .relative import RELATIVE_PATTERNS

PATTERNS = DATE_PATTERNS + RELATIVE_PATTERNS
