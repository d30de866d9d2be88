"""Quote and figure pages: statements by speaker and topic; a figure's series by source."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from kroniek.queries.facts import FigureMatch, find_quotes
from kroniek.queries.figure_chart import figure_chart

from ..api.common import Cursor, From, Name, ReadStore, To
from ..api.figures import FigureSeries
from ..api.quotes import QuoteList
from ..templating import SIGNS, num, url_part
from .common import page, param_dict

router = APIRouter(include_in_schema=False)


@router.get("/quotes")
@router.get("/quotes.json")
def quotes_page(request: Request, store: ReadStore, speaker: Name = None, about: Name = None,
                date_from: From = None, date_to: To = None, cursor: Cursor = None) -> Response:
    found = find_quotes(store.conn, speaker=speaker, about=about, date_from=date_from,
                        date_to=date_to, limit=50, cursor=cursor)
    params = param_dict(request, "speaker", "about", "from", "to")
    return page(request, "quotes.html", QuoteList(total=found.total, next=found.next,
                                                  items=found.items),
                title="Citaten", code_page="quotes", code_params=params, found=found,
                params=params)


@router.get("/figures")
@router.get("/figures.json")
def figures_page(request: Request, store: ReadStore, about: Name = None, date_from: From = None,
                 date_to: To = None) -> Response:
    chart = figure_chart(store.conn, about=about, date_from=date_from, date_to=date_to)
    data = FigureSeries(about=chart.about, sources=chart.sources, points=chart.points,
                        disagreements=chart.disagreements)
    params = param_dict(request, "about", "from", "to")
    plot = {
        "sources": chart.sources,
        "points": [{"day": p.day, "value": p.figure.value, "source": p.figure.source or "?",
                    "label": _label(p.figure), "disputed": bool(p.disputed_by),
                    "href": f"/article/{url_part(p.figure.article)}#span-{p.figure.start}-{p.figure.end}"}
                   for p in chart.points],
    }
    against = [", ".join(sorted({chart.points[j].figure.source or "onbekend" for j in p.disputed_by}))
               for p in chart.points]
    return page(request, "figures.html", data, title="Cijfers" + (f": {about}" if about else ""),
                code_page="figures", code_params=params, chart=chart, plot=plot, params=params,
                rows=list(zip(chart.points, against, strict=True)))


def _label(f: FigureMatch) -> str:
    """The point's label on the chart: the value with its qualifier's sign (≥1.200, ~1.350)."""
    q = f.qualifier or "exact"
    if q == "range" and f.value_max is not None:
        return f"{num(f.value)}–{num(f.value_max)}"
    return f"{SIGNS.get(q, '')}{num(f.value)}"
