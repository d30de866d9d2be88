"""Pages of a listing with an opaque cursor, as datasette pages its tables.

A cursor is the position of the next page plus a fingerprint of the question it belongs to,
base64url-encoded: a client passes ``next`` back unchanged to get the next page, and a cursor
used with other filters is refused instead of silently paging another listing. Page sizes are
bounded so no request can ask for the whole store at once.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from kroniek.errors import QueryError
from kroniek.store.filters import MAX_PERIODS, date_bound, last_day, to_date

T = TypeVar("T")

#: The largest page any listing returns.
MAX_PAGE = 500


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a listing: its items, the cursor of the next page (None on the last one)
    and, where it is cheap to know, the total number of matches."""

    items: list[T] = field(default_factory=list)
    next: str | None = None
    total: int | None = None


def fingerprint(params: Mapping[str, Any]) -> str:
    """A short hash of the filters that define a listing (not the page size or the cursor)."""
    blob = json.dumps({k: params[k] for k in sorted(params)}, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()[:12]


def encode_cursor(offset: int, params: Mapping[str, Any]) -> str:
    raw = json.dumps({"o": offset, "f": fingerprint(params)}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, params: Mapping[str, Any]) -> int:
    """The offset a cursor points at (0 without one); a foreign or damaged cursor is an error."""
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
        offset, fp = int(data["o"]), str(data["f"])
    except (ValueError, TypeError, KeyError, UnicodeDecodeError):
        raise QueryError(f"cursor {cursor[:40]!r} is not one this listing gave out; "
                         "start again without a cursor") from None
    if fp != fingerprint(params):
        raise QueryError("this cursor belongs to a listing with other filters; "
                         "start again without a cursor")
    if offset < 0:
        raise QueryError("cursor points before the first item; start again without a cursor")
    return offset


def check_limit(limit: int, most: int = MAX_PAGE) -> int:
    if not 1 <= limit <= most:
        raise QueryError(f"limit must be between 1 and {most}, not {limit}")
    return limit


def page_of(rows: list[T], offset: int, limit: int, params: Mapping[str, Any],
            total: int | None = None) -> Page[T]:
    """A page from ``rows`` fetched with LIMIT ``limit + 1``: the extra row says a next page exists."""
    more = len(rows) > limit
    return Page(rows[:limit], encode_cursor(offset + limit, params) if more else None, total)


_DAYS = {"day": 1, "week": 7, "month": 28, "year": 365}


def check_periods(conn: Any, per: str, date_from: str | None, date_to: str | None) -> None:
    """Refuse a time series longer than :data:`MAX_PERIODS` before it is filled in: an open
    bound stands for the store's first or last publication date."""
    if per not in _DAYS:
        raise QueryError(f"unknown bucket {per!r}; use day, week, month or year")
    first, last = conn.execute(
        "SELECT min(published_start), max(published_start) FROM articles").fetchone()
    lo = to_date(date_bound(date_from, end=False) or "") if date_from else to_date(first or "")
    hi = last_day(date_to) if date_to else to_date(last or "")
    if lo is None or hi is None or hi < lo:
        return
    periods = (hi - lo).days // _DAYS[per] + 1
    if periods > MAX_PERIODS:
        raise QueryError(f"{periods:,} periods of a {per} from {lo} to {hi}; the most is "
                         f"{MAX_PERIODS:,}: choose a coarser period or a shorter range")
