"""Indirect speech, sentence by sentence: the order in which the finders for attributed
statements (``attributed``, ``evidence``), that-clauses (``clauses``), infinitival reports and
stated positions (``stances``) and calls (``calls``) get a sentence."""

from __future__ import annotations

import re

from .attributed import aldus, colon_heading, own_account, pointing_back, research_shows, volgens
from .calls import demand, named_call, plea
from .clauses import cue_that, parenthetical
from .context import Context, Found
from .evidence import in_document, shows_back
from .stances import infinitival, nominal, position_phrase, sees_as, small_clause
from .views import framed_view

#: after the attributed statements and that-clauses: the wider forms, most certain first
_WIDER = (infinitival, position_phrase, framed_view, demand, plea, named_call, nominal, sees_as, small_clause)


def find_indirect(ctx: Context) -> None:
    """Every indirect statement: per sentence unit, the first finder that claims it wins."""
    text = ctx.text
    direct = [(f.start, f.end) for f in ctx.found]
    heading_ends = {}
    for pi, (ps, pe) in enumerate(ctx.paras):
        end = colon_heading(ctx, ps, pe, pi, direct)
        if end:
            heading_ends[pi] = end
    for ui, (us, ue, pi) in enumerate(ctx.units):
        if pi in heading_ends and us < heading_ends[pi]:
            continue
        seg = text[us:ue]
        if pointing_back(ctx, ui, us, ue, seg) or shows_back(ctx, ui, us, ue):
            continue
        if research_shows(ctx, us, ue, pi, seg) or in_document(ctx, us, ue, pi):
            continue
        n = len(ctx.found)
        if volgens(ctx, us, ue, pi, seg) or aldus(ctx, us, ue, pi) or own_account(ctx, us, ue, pi, seg):
            # "Volgens bureau X vinden Y het belangrijk ...", "Ouders pleiten voor ..., schrijft
            # de Volkskrant": a statement inside the attributed one is a quote too (nested)
            inner = ctx.found[n:]
            if inner and inner[-1].kind in ("indirect", "evidence"):
                for finder in _WIDER:
                    if finder(ctx, inner[-1].start, inner[-1].end, pi):
                        break
            continue
        n = len(ctx.found)
        if cue_that(ctx, us, ue, pi):
            if len(ctx.found) > n:
                second_clause(ctx, ctx.found[-1], ue, pi)
            continue
        if parenthetical(ctx, us, ue, pi):
            continue
        for finder in _WIDER:
            if finder(ctx, us, ue, pi):
                break


_BUT = re.compile(r",\s+(?:maar|en)\s+(?=(?:\w+\s+){0,3}?(?:dat|te)\b)")


def second_clause(ctx: Context, f: Found, ue: int, pi: int) -> None:
    """'Hij erkent dat X, maar blijft van mening dat Y': the that-clause ends at the second main
    clause, which is a statement of the same speaker when a finder claims it."""
    m = _BUT.search(ctx.text, f.start, f.end)
    if not m or f.speaker is None:
        return
    n = len(ctx.found)
    ctx.ellipsis = f.speaker
    try:
        for finder in (cue_that, position_phrase, infinitival):
            if finder(ctx, m.start() + 1, ue, pi):
                break
    finally:
        ctx.ellipsis = None
    if len(ctx.found) > n:
        f.end = m.start()
