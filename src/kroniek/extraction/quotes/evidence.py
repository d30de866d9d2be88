"""Statements attributed to a document, data set, study or medium: quotes of kind ``evidence``.

* pointing back: "Dat blijkt uit cijfers van het CBS", "Dat staat in een rapport van de
  inspectie", "..., blijkt uit onderzoek van de Volkskrant" -- the statement is the sentence
  before (or the part before the comma), the source the document's owner, else the document noun
  ("onderzoek", "cijfers");
* "In de ontwerp-verordening staat dat ...", "In het rapport van de inspectie staat dat ...", "In de
  klacht werd benadrukt dat ..." (the document, or its owner, speaks);
* a news medium as the source of a report ("Dat meldt de NOS", "..., schrijft de Volkskrant"):
  ``is_medium`` lets the other finders give those the kind ``evidence``.

"Uit onderzoek van X blijkt dat ..." and "volgens cijfers van X" are ``attributed``'s finders,
which ask ``document_source`` here for the source.
"""

from __future__ import annotations

import re

from .context import Context, Found
from .cues import VEHICLE_NOUNS
from .phrases import np_after
from .stances import clause_end
from .text_units import trim

_OWNER = re.compile(r"\s+(?:van|door|uit|onder leiding van|in opdracht van|bij)\s+")


def document_noun(word: str) -> bool:
    """A document, data set or study noun, also as a compound head ("CBS-cijfers", "ontwerp-verordening")."""
    w = word.lower()
    return w in VEHICLE_NOUNS or any(w.endswith(n) and len(w) > len(n) + 2 for n in VEHICLE_NOUNS)


def document_source(ctx: Context, pos: int, ue: int) -> tuple[tuple[int, int], int] | None:
    """At ``pos``, a document phrase "(een) (nieuw) onderzoek (van X)": (the source span -- X, or
    the document noun when no owner is named --, where the phrase ends); None when no document
    noun heads it."""
    text = ctx.text
    m = re.match(r"(?:(?:een|de|het|deze|die|dit|haar|zijn|hun)\s+)?", text[pos:ue])
    noun = None
    for w in list(re.finditer(r"[\w'-]+", text[pos + m.end() : ue]))[:3]:
        if document_noun(w.group()):
            noun = (pos + m.end() + w.start(), pos + m.end() + w.end())
            break
        if not w.group().islower() or w.start() and text[pos + m.end() + w.start() - 1] != " ":
            break  # (only adjectives before the noun: "de eerste tellingen", "nieuwe cijfers")
    if noun is None:
        return None
    end = noun[1]
    own = _OWNER.match(text, end, ue)
    if own:
        sp = np_after(text, own.end(), ue, ctx.lex, ctx.tags)
        if sp:
            return sp, sp[1]
    return noun, end


_BACK = re.compile(r"(?:Dat|Dit|Zo|Dat alles|Dit alles)\s+(?:(?P<b>blijkt|bleek)\s+(?:\w+\s+){0,2}?uit|"
                   r"(?P<s>staat|stond)\s+(?:\w+\s+){0,2}?in)\s+")
_AFTER = re.compile(r",\s*(?P<v>blijkt|bleek)\s+(?:\w+\s+){0,2}?uit\s+")


def shows_back(ctx: Context, ui: int, us: int, ue: int) -> bool:
    """'Dat blijkt uit cijfers van het CBS.' (the previous sentence) and '<claim>, blijkt uit
    onderzoek van de Volkskrant.' (the claim before the comma)."""
    text = ctx.text
    m = _BACK.match(text, us, ue)
    if m and ui > 0:
        src = document_source(ctx, m.end(), ue)
        if src is None:
            return False
        v = "b" if m.group("b") else "s"
        prev = ctx.units[ui - 1]
        ps, pe = trim(text, prev[0], prev[1])
        while pe > ps and text[pe - 1] in ".;":
            pe -= 1
        f = Found(ps, pe, "evidence", cue=(m.start(v), m.end(v)), speaker=src[0], how="dat-zegt")
        f.paragraph = prev[2]
        ctx.found.append(f)
        return True
    for m in _AFTER.finditer(text, us, ue):
        src = document_source(ctx, m.end(), ue)
        if src is None or re.search(r"[,;:]", text[src[1] : clause_end(text, src[1], ue)]):
            continue
        if re.match(r"\s+dat\s", text[src[1] : ue]):
            continue  # "Hoewel ..., blijkt uit onderzoeken dat X": the claim is X (research_shows)
        ctx.add_indirect(us, m.start(), (m.start("v"), m.end("v")), src[0], "aldus", ctx.unit_at(us)[2],
                         kind="evidence")
        return True
    return False


_IN_DOCUMENT = re.compile(
    r"(?:In|Op)\s+(?P<d>(?:een|de|het|dit|dat|deze|die|haar|zijn|hun)\s+(?:[\w'&-]+\s+){0,6}?[\w'&-]+)\s+"
    r"(?:(?P<v>staat|stond|staan|stonden|valt|viel)|(?P<p>werd|wordt|worden|werden)\s+(?:(?:ook|verder|onder meer|"
    r"nadrukkelijk|nog)\s+)*(?P<pp>benadrukt|gesteld|geschreven|vermeld|geconcludeerd|opgemerkt|erkend|gemeld|"
    r"betoogd|aangevoerd|geconstateerd))\s+(?:(?:ook|verder|onder meer|te lezen)\s+)*dat\s+"
)


def in_document(ctx: Context, us: int, ue: int, pi: int) -> bool:
    """'In de ontwerp-verordening staat dat ...': the document is the source."""
    text = ctx.text
    m = _IN_DOCUMENT.match(text, us, ue)
    if not m:
        return False
    src = document_source(ctx, m.start("d"), m.end("d"))
    if src is None:
        return False
    if src[1] < m.end("d") and not text.startswith(" van ", src[1]) and not re.match(r"\s+(?:van|door|uit|bij)\s", text[src[1] : m.end("d") + 1]):
        return False  # "In de tuin van ...": the phrase after the document noun must be its owner
    v = "v" if m.group("v") else "pp"
    cs = m.end()
    ctx.add_indirect(cs, clause_end(text, cs, ue), (m.start(v), m.end(v)), src[0], "document", pi,
                     kind="evidence")
    return True
