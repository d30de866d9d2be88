"""What a search or count is limited to besides its text match: dates, source, duplicates,
entities; and the calendar periods counts are grouped by.

Shared by the SQL search, the tantivy index and the read layer, below all of them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from kroniek.errors import QueryError

from .query import ParsedQuery

Per = Literal["day", "week", "month", "year"]
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def date_bound(value: str | None, *, end: bool) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD as a string comparable with ``published_start``."""
    if value is None or value == "":
        return None
    value = value.strip()
    if not _DATE_RE.match(value):
        raise QueryError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    parts = value.split("-")
    try:
        nums = [int(p) for p in parts] + [1] * (3 - len(parts))
        dt.date(nums[0], nums[1], nums[2])
    except ValueError:
        raise QueryError(f"date {value!r} does not exist") from None
    if len(parts) == 3:
        return value
    # "-99" sorts after every real day, so YYYY-MM as an upper bound takes the whole month.
    return value + ("-99" * (3 - len(parts)) if end else "-01" * (3 - len(parts)))


@dataclass(frozen=True)
class Filters:
    """Everything besides the text match; rendered as SQL here, as queries by tantivy."""

    lo: str | None = None
    hi: str | None = None
    source: str | None = None
    dups: bool = True
    entities: tuple[str, ...] = ()
    not_entities: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    not_events: tuple[str, ...] = ()
    story: int | None = None


def make_filters(
    pq: ParsedQuery, date_from: str | None, date_to: str | None, source: str | None, dups: bool,
    story: int | None = None,
) -> Filters:
    lo, hi = date_bound(date_from, end=False), date_bound(date_to, end=True)
    if lo and hi and lo > hi:
        raise QueryError(f"date range is empty: from {date_from} is after to {date_to}")
    return Filters(
        lo, hi, source or None, dups, tuple(pq.entities), tuple(pq.not_entities), tuple(pq.events),
        tuple(pq.not_events), story,
    )  # fmt: skip


def entity_match(name: str) -> tuple[str, list[object]]:
    """SQL over ``entities e`` for one entity filter: ``#12`` is the chronicle's entity record 12
    (every mention linked to it, whatever its spelling); anything else a canonical name or a
    surface form ("IS", "Erdogan")."""
    if name.startswith("#") and name[1:].isdigit():
        return "e.entity_id = ?", [int(name[1:])]
    return "(e.entity = ? COLLATE NOCASE OR e.text = ? COLLATE NOCASE)", [name, name]


# -- calendar periods for counts ------------------------------------------------------------


def period_label(day: dt.date, per: str) -> str:
    if per == "day":
        return day.isoformat()
    if per == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if per == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return f"{day.year:04d}"


def next_period(day: dt.date, per: str) -> dt.date:
    if per == "day":
        return day + dt.timedelta(days=1)
    if per == "week":
        return day + dt.timedelta(days=7 - day.weekday())
    if per == "month":
        return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return dt.date(day.year + 1, 1, 1)


#: The most periods one series may have (about 55 years of days).
MAX_PERIODS = 20_000


def period_axis(per: str, lo: dt.date | None, hi: dt.date | None) -> list[str]:
    """Every period label from the one holding ``lo`` to the one holding ``hi``, oldest first
    (empty without both): the shared axis of a chart, so its gaps are real."""
    if lo is None or hi is None:
        return []
    out: list[str] = []
    day = lo
    while day <= hi:
        label = period_label(day, per)
        if not out or out[-1] != label:
            out.append(label)
            if len(out) > MAX_PERIODS:
                raise QueryError(f"more than {MAX_PERIODS:,} periods of a {per} from {lo} to {hi}: "
                                 "choose a coarser period or a shorter range")
        day = next_period(day, per)
    return out


def to_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def last_day(value: str) -> dt.date | None:
    """The last day an upper bound YYYY / YYYY-MM / YYYY-MM-DD covers."""
    bound = date_bound(value, end=True) or ""
    year, month, day = bound.split("-")
    if month == "99":
        return dt.date(int(year), 12, 31)
    if day == "99":
        return next_period(dt.date(int(year), int(month), 1), "month") - dt.timedelta(days=1)
    return to_date(bound)
