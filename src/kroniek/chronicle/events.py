"""One event, many reports: event mentions in the articles of one story that share type, actor,
target and time are one event (GDELT counts every syndicated copy; here a story told by eleven
papers is one assault, with eleven reports)."""

from __future__ import annotations

from kroniek.model import Event

from .keys import name_key


def event_key(story: int, e: Event, records: dict[str, int], published: str | None) -> str:
    """The key all reports of one event share within a story."""

    def who(name: str | None) -> str:
        if not name:
            return "-"
        return f"#{records[name]}" if name in records else name_key(name)

    when = _month(e.time or published or "-")  # reports of one event may differ in the day they name
    return f"{story}|{e.type}|{who(e.actor_name)}|{who(e.target_name)}|{'not ' if e.negated else ''}{e.status}|{when}"


def _month(value: str) -> str:
    """A date value to its month ('2017-12-13' -> '2017-12'); weeks, years, references stay whole."""
    import re

    m = re.match(r"^(\d{4}-\d{2})(?:-\d{2})", value)
    return m.group(1) if m else value
