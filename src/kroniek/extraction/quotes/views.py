"""A view framed by whose it is rather than by a verb (kind ``position``):

* "Wat haar betreft is er sprake van een ernstig feit", "Wat de bond betreft komt er een staking";
* "Voor de columnisten is het duidelijk dat de duivel niet kan bestaan".
"""

from __future__ import annotations

import re

from .clauses import held
from .context import Context
from .phrases import np_after
from .stances import clause_end

_CONCERNING = re.compile(r"\b[Ww]at\s+(?P<sp>[\w'’-]+(?:\s+[\w'’-]+){0,4}?)\s+(?P<v>betreft|aangaat),?\s+")
_CLEAR_FOR = re.compile(
    r"\b[Vv]oor\s+(?P<sp>[\w'’-]+(?:\s+[\w'’-]+){0,4}?)\s+(?P<v>is|was|staat|stond)\s+(?:het\s+)?(?:(?:wel|nu|al|"
    r"dan\s+ook|ook)\s+)*(?:duidelijk|zeker|evident|helder|vanzelfsprekend|onbegrijpelijk|onacceptabel|"
    r"onaanvaardbaar|vast)\s+dat\s+"
)
#: object pronouns that name a source in "wat hem betreft" (not the writer's own "wat mij betreft")
_OBJECT_PRONOUNS = frozenset("hem haar hen hun".split())
_WRITER = frozenset("mij me ons jou je u".split())


def framed_view(ctx: Context, us: int, ue: int, pi: int) -> bool:
    """'Wat X betreft <clause>' and 'Voor X is het duidelijk dat <clause>': X's view."""
    text = ctx.text
    if "betreft" not in text[us:ue] and "aangaat" not in text[us:ue] and " dat " not in text[us:ue]:
        return False
    for rx in (_CONCERNING, _CLEAR_FOR):
        m = rx.search(text, us, ue)
        if not m:
            continue
        phrase = m.group("sp")
        if phrase.lower() in _WRITER:
            continue
        if phrase.lower() in _OBJECT_PRONOUNS:
            sp = (m.start("sp"), m.end("sp"))
        else:
            sp = np_after(text, m.start("sp"), m.end("sp"), ctx.lex, ctx.tags)
            if sp is None or sp[1] != m.end("sp"):
                continue  # "wat de zaak van gisteren betreft": a topic, not a source
        cue = (m.start("v"), m.end("v"))
        if not held(ctx, us, ue, cue, sp):
            continue
        cs = m.end()
        ce = clause_end(text, cs, ue)
        if ce - cs < 8:
            continue
        ctx.add_indirect(cs, ce, cue, sp, "framed", pi, kind="position")
        return True
    return False
