"""Jinja2 templates and the filters pages use: dates at their own precision, Dutch numbers,
figure qualifiers in words, search-hit marks."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

HERE = Path(__file__).resolve().parent
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
QUALIFIERS = {"exact": "", "about": "ongeveer", "more_than": "meer dan", "less_than": "minder dan",
              "at_least": "minstens", "at_most": "hoogstens", "almost": "bijna",
              "range": "tussen", "change": "van"}
SIGNS = {"exact": "", "about": "~", "more_than": ">", "less_than": "<", "at_least": "≥",
         "at_most": "≤", "almost": "<~", "range": "", "change": ""}
#: An event's status in words.
STATUS = {"happened": "gebeurd", "future": "aangekondigd", "hypothetical": "mogelijk"}
#: Markers the UI asks search snippets to put around matches; no article contains them.
HIT = ("\ue000", "\ue001")


def date_nl(value: str | None, precision: str | None = None) -> str:
    """'2018-03' -> 'maart 2018'; '2018-02-14' -> '14 februari 2018'; a datetime adds the
    time. A date is never shown more precisely than it is known."""
    if not value:
        return "zonder datum"
    try:
        year = int(value[:4])
        if precision == "year" or len(value) == 4:
            return str(year)
        month = MONTHS[int(value[5:7]) - 1]
        if precision == "month" or len(value) == 7:
            return f"{month} {year}"
        text = f"{int(value[8:10])} {month} {year}"
        if (precision == "datetime" or "T" in value) and len(value) >= 16:
            text += f", {value[11:16]}"
        return text
    except (ValueError, IndexError):
        return value


def num(value: float | int | None) -> str:
    """Dutch number: 1.200; 2,5; 1.350.000."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "?"
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    text = f"{value:,.3f}".rstrip("0").rstrip(".")
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def figure_text(f: Any) -> str:
    """A figure in words: 'minstens 1.200 doden', 'tussen 300 en 400 miljoen euro',
    'van 6 naar 9 procent'."""
    get = f.get if isinstance(f, dict) else lambda k: getattr(f, k, None)
    q = get("qualifier") or "exact"
    unit = f" {get('unit')}" if get("unit") else ""
    if q == "range" and get("value_max") is not None:
        return f"tussen {num(get('value'))} en {num(get('value_max'))}{unit}"
    if q == "change" and get("value_from") is not None:
        return f"van {num(get('value_from'))} naar {num(get('value'))}{unit}"
    word = QUALIFIERS.get(q, q)
    return f"{word + ' ' if word else ''}{num(get('value'))}{unit}"


def marked(snippet: str) -> Markup:
    """A snippet with the search hits in <mark>, everything else escaped."""
    text = str(escape(snippet))
    return Markup(text.replace(HIT[0], "<mark>").replace(HIT[1], "</mark>"))


def url_part(value: str) -> str:
    """An id or key as one URL path segment."""
    return quote(value, safe="")


def entity_url(ref: int | str | None) -> str:
    """The page of an entity: by its record id, or by a name (which redirects to the id)."""
    return f"/entity/{ref}" if isinstance(ref, int) else f"/entity/{url_part(ref or '')}"


def query_string(params: dict[str, Any]) -> str:
    pairs = []
    for k, v in params.items():
        for item in v if isinstance(v, list | tuple) else [v]:
            if item not in (None, ""):
                pairs.append((k, item))
    return urlencode(pairs)


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    env = templates.env
    env.filters.update(date_nl=date_nl, num=num, figure_text=figure_text, marked=marked,
                       url_part=url_part, qs=query_string)
    env.globals.update(QUALIFIERS=QUALIFIERS, SIGNS=SIGNS, entity_url=entity_url,
                       STATUS=STATUS)
    env.trim_blocks = True
    env.lstrip_blocks = True
    return templates
