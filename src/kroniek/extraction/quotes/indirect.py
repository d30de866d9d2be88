"""Indirect speech, sentence by sentence: the order in which the finders for attributed
statements (``attributed``) and that-clauses (``clauses``) get a sentence."""

from __future__ import annotations

from .attributed import aldus, colon_heading, pointing_back, research_shows, volgens
from .clauses import cue_that, parenthetical
from .context import Context


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
        if pointing_back(ctx, ui, us, ue, seg):
            continue
        if research_shows(ctx, us, ue, pi, seg):
            continue
        if volgens(ctx, us, ue, pi, seg):
            continue
        if aldus(ctx, us, ue, pi) or cue_that(ctx, us, ue, pi) or parenthetical(ctx, us, ue, pi):
            continue
