"""Indirect speech, sentence by sentence: the order in which the finders for attributed
statements (``attributed``, ``evidence``), that-clauses (``clauses``), infinitival reports and
stated positions (``stances``) and calls (``calls``) get a sentence."""

from __future__ import annotations

from .attributed import aldus, colon_heading, pointing_back, research_shows, volgens
from .calls import demand, named_call, plea
from .clauses import cue_that, parenthetical
from .context import Context
from .evidence import in_document, shows_back
from .stances import infinitival, nominal, position_phrase, sees_as, small_clause

#: after the attributed statements and that-clauses: the wider forms, most certain first
_WIDER = (infinitival, position_phrase, demand, plea, named_call, nominal, sees_as, small_clause)


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
        if volgens(ctx, us, ue, pi, seg) or aldus(ctx, us, ue, pi):
            # "Volgens bureau X vinden Y het belangrijk ...", "Ouders pleiten voor ..., schrijft
            # de Volkskrant": a statement inside the attributed one is a quote too (nested)
            inner = ctx.found[n:]
            if inner and inner[-1].kind in ("indirect", "evidence"):
                for finder in _WIDER:
                    if finder(ctx, inner[-1].start, inner[-1].end, pi):
                        break
            continue
        if cue_that(ctx, us, ue, pi) or parenthetical(ctx, us, ue, pi):
            continue
        for finder in _WIDER:
            if finder(ctx, us, ue, pi):
                break
