"""Calls and demands as quotes of kind ``call``: what a source calls for, demands, pleads for or
proposes, without a that-clause (those are ``clauses.cue_that``'s, with ``eist dat``) and without
a te-infinitive (``stances.infinitival``'s, with ``roept Y op ... te``):

* "De menigte eist zijn vertrek", "Het OM eiste een celstraf van negen maanden" (the demanded
  noun phrase, a prosecutor's demand in court included); the passive "Tegen Z. is vier jaar
  celstraf geëist" has no speaker;
* "De socialisten riepen op tot een boycot", "X pleit voor ...", "Zo bepleitte hij ...", "X dringt
  aan op ...", "X vraagt om ...";
* "het voorstel van X om ...", "de oproep van X om/tot ..." (a named call).
"""

from __future__ import annotations

import re

from kroniek.analysis.numbers import SCALES, TEENS, TENS, UNITS

from .clauses import held, subject
from .context import Context
from .phrases import np_after
from .stances import clause_end, skip_words

_DEMAND = re.compile(r"\b(?P<v>eist|eiste|eisten|eisen)\s+")  # (not "eis", a noun; "eisen" only finite)
#: "Tegen T. had de Spaanse justitie zes jaar cel geëist", "Het OM heeft vier jaar geëist"
_ACTIVE_DEMAND = re.compile(r"\b(?P<aux>heeft|had|hebben|hadden)\s+(?P<mid>(?:[^\s.;:]+\s+){1,12}?)(?P<v>geëist)\b")
#: where a demanded sentence starts: a number ("vier jaar cel"), or a sentence without one
_NUMBER_START = re.compile(
    r"\b(?:\d|" + "|".join(sorted({*UNITS, *TEENS, *TENS, *SCALES}, key=len, reverse=True)) + r"|levenslang|tbs)",
    re.I,
)
_PASSIVE_DEMAND = re.compile(r"\b(?:is|werd|wordt|zijn|werden)\s+(?P<c>(?:\S+\s+){1,8}?)(?P<v>geëist)\b")
_PLEA = re.compile(
    r"\b(?P<v>pleit|pleiten|pleitte|pleitten|gepleit|roept|roepen|riep|riepen|dringt|dringen|drong|drongen|"
    r"vraagt|vragen|vroeg|vroegen)\s+(?P<mid>(?:[\w'-]+\s+){0,6}?)"
    r"(?P<p>voor|op\s+tot|op\s+om|aan\s+op|om)\s+"
    r"|\b(?P<v2>opgeroepen|aangedrongen)\s+(?P<p2>tot|op)\s+"
)
_PLEA_OBJECT = {"pleit": "voor", "gepleit": "voor", "roep": "op", "riep": "op", "dring": "aan", "dron": "aan",
                "vra": "om", "vro": "om", "opgeroepen": "tot", "aangedrongen": "op"}
#: a call in the passive with no one named: "Onlangs is om een extra ronde gevraagd", "De cliënten
#: wordt aangeraden over te stappen" (speaker null, as the guide has it)
_PASSIVE_CALL = re.compile(
    r"\b(?:is|werd|wordt|zijn|werden)\s+(?:(?:\w+\s+){0,3}?)om\s+(?P<c>(?:\S+\s+){1,10}?)(?P<v>gevraagd|verzocht)\b"
    r"|\b(?P<v2>wordt|werd|worden|werden)\s+(?:(?:ook|dringend|nu)\s+)*(?P<v3>aangeraden|geadviseerd|verzocht|gevraagd|opgedragen)"
    r"\s+(?P<c2>[^.;:]*?\bte\s+\w+)"
)
#: a call in the passive with its agent: "Het bestuur is door Halsema verzocht om op te stappen"
_PASSIVE_AGENT_CALL = re.compile(
    r"\b(?:is|werd|wordt|zijn|werden)\s+(?:(?:\w+\s+){0,3}?)door\s+(?P<a>[^,.;:]{2,80}?)\s+"
    r"(?P<v>verzocht|gevraagd|opgeroepen|aangeraden|geadviseerd|gesommeerd)\s+(?:om\s+)?(?P<c>[^.;:]*?\bte\s+\w+)"
)
#: verbs that make a proposal or a call ("doet een voorstel", "deed een oproep", "kwam met het verzoek")
_LIGHT_VERB = re.compile(
    r"\b(?:doet|doen|deed|deden|gedaan|lanceert|lanceren|lanceerde|lanceerden|herhaalt|herhaalde|komt|komen|kwam|"
    r"kwamen|richt|richtte|richtten|diende|dient|dienden)\b"
)
_ADVOCATE = re.compile(r"\b(?P<v>bepleit|bepleiten|bepleitte|bepleitten)\s+")
_NAMED_CALL = re.compile(
    r"\b(?:[Hh]et|[Dd]e|[Ee]en|[Zz]ijn|[Hh]aar|[Hh]un)\s+(?:\w+\s+)?(?P<v>voorstel|oproep|eis|verzoek|pleidooi)"
    r"(?:\s+aan\s+(?:de\s+|het\s+)?[\w-]+(?:\s+[A-Z][\w-]*)*)?"
    r"(?:(?:\s+(?:gekregen|ontvangen))?\s+van\s+(?P<van>(?:de\s+|het\s+)?[\w-]+(?:\s+[A-Z][\w-]*)*))?\s+(?P<p>om|tot|voor)\s+"
)  # (also "hebben een oproep gekregen van de GGD om ...")


def demand(ctx: Context, us: int, ue: int, pi: int) -> bool:
    """'X eist <noun phrase>', 'Het OM heeft vier jaar geëist' and the passive '... is vier jaar geëist'."""
    text = ctx.text
    if "eis" not in text[us:ue] and "geëist" not in text[us:ue]:
        return False
    for m in _DEMAND.finditer(text, us, ue):
        cue = (m.start("v"), m.end("v"))
        if m.group("v") == "eisen" and not _finite(ctx, cue[0]):
            continue  # "willen eisen": an infinitive
        end = clause_end(text, m.end(), ue)
        sp = subject(ctx, us, cue, end)
        if sp is None or not held(ctx, us, ue, cue, sp):
            continue
        cs = skip_words(text, m.end() if sp[1] <= cue[0] else sp[1], ue, frozenset(("nu", "verder")))
        if re.match(r"(?i)(?:dat|of|te|om)\b", text[cs:end]) or end - cs < 5:
            continue  # (a that-clause or a te-infinitive is another finder's)
        ctx.add_indirect(cs, end, cue, sp, "demand", pi, kind="call")
        return True
    for m in _ACTIVE_DEMAND.finditer(text, us, ue):
        aux = (m.start("aux"), m.end("aux"))
        sp = subject(ctx, us, aux, m.start("v"))
        if sp is None or not held(ctx, us, ue, aux, sp):
            continue
        cs = m.start("mid") if sp[1] <= aux[0] else skip_words(text, sp[1], m.start("v"))
        num = _NUMBER_START.search(text, cs, m.start("v"))
        cs = num.start() if num else cs  # "tegen de man | vier jaar cel": the demand, not whom it is against
        ce = m.start("v")
        while ce > cs and text[ce - 1] in " ,":
            ce -= 1
        if ce - cs < 3 or re.search(r"(?:levens|slachtoffers|doden|leven)$", text[cs:ce]) or not ctx.plausible(sp):
            continue  # "De tornado's hebben tientallen levens geëist": a toll, no demand
        ctx.add_indirect(cs, ce, (m.start("v"), m.end("v")), sp, "demand", pi, kind="call")
        return True
    m = _PASSIVE_DEMAND.search(text, us, ue)
    if m:
        cue = (m.start("v"), m.end("v"))
        ctx.add_indirect(m.start("c"), m.end("c"), cue, None, "demand", pi, kind="call")
        return True
    return False


def _finite(ctx: Context, pos: int) -> bool:
    """Whether the verb at ``pos`` is finite by the tagger (without a model: yes)."""
    a = ctx.analysis
    if a is None:
        return True
    span = a.char_span(pos, pos + 1, alignment_mode="expand")
    return span is None or "Fin" in span[0].morph.get("VerbForm")


def plea(ctx: Context, us: int, ue: int, pi: int) -> bool:
    """'X pleit (ook) voor ...', 'X riep op tot ...', 'X dringt aan op ...', 'X vraagt om ...',
    'Zo bepleitte hij ...'."""
    text = ctx.text
    low = text[us:ue].lower()
    if not any(w in low for w in ("pleit", "roep", "riep", "dring", "drong", "vraag", "vrag", "vroeg", "raden", "advis", "verzocht", "opgedragen")):
        return False
    agent = _PASSIVE_AGENT_CALL.search(text, us, ue)
    if agent is not None:
        sp = np_after(text, agent.start("a"), agent.end("a"), ctx.lex, ctx.tags)
        cs = agent.start("c")
        ce = clause_end(text, cs, ue)
        if sp is not None and ce - cs >= 5:
            ctx.add_indirect(cs, ce, (agent.start("v"), agent.end("v")), sp, "plea", pi, kind="call")
            return True
    passive = _PASSIVE_CALL.search(text, us, ue)
    if passive is not None and not re.search(r"\bdoor\b", text[us:ue]):
        g, v = ("c", "v") if passive.group("c") else ("c2", "v3")
        cs, ce = passive.start(g), passive.end(g)
        if g == "c2":
            ce = clause_end(text, cs, ue)  # "... aangeraden over te stappen naar andere zorgverleners"
        while ce > cs and text[ce - 1] in " ,":
            ce -= 1
        if ce - cs >= 5:
            ctx.add_indirect(cs, ce, (passive.start(v), passive.end(v)), None, "plea", pi, kind="call")
            return True
    for m in _PLEA.finditer(text, us, ue):
        vg, pg = ("v", "p") if m.group("v") else ("v2", "p2")
        verb, p = m.group(vg).lower(), m.group(pg).lower().split()[0]
        want = next((v for k, v in _PLEA_OBJECT.items() if verb.startswith(k)), None)
        if want != p:
            continue  # "vraagt zich af", "roept voor": no call
        if vg == "v" and re.search(r"[,;:]", m.group("mid")):
            continue
        cue = (m.start(vg), m.end(vg))
        cs = m.end()
        if re.match(r"\s*te\b", text[cs:ue]) or (
            re.search(r"\bte\s+\w+\s*[.,;]?\s*$", text[cs:ue]) and not re.search(r"\S\s+om\s", text[cs:ue])
        ):
            continue  # a te-infinitive: stances.infinitival (not "pleit voor bufferzones om ... te houden")
        sp = subject(ctx, us, cue, m.start(pg))
        if re.search(r"\bte\s*$", text[us : cue[0]]):
            # "De bonden grijpen de cijfers aan om te pleiten voor ...": the sentence's subject
            sp = np_after(text, us, cue[0], ctx.lex, ctx.tags) or sp
        if sp is None or not held(ctx, us, ue, cue, sp):
            continue
        end = clause_end(text, cs, ue)
        if end - cs < 5:
            continue
        ctx.add_indirect(cs, end, cue, sp, "plea", pi, kind="call")
        return True
    for m in _ADVOCATE.finditer(text, us, ue):
        cue = (m.start("v"), m.end("v"))
        end = clause_end(text, m.end(), ue)
        sp = subject(ctx, us, cue, end)
        if sp is None or not held(ctx, us, ue, cue, sp):
            continue
        cs = skip_words(text, m.end() if sp[1] <= cue[0] else sp[1], ue)
        if end - cs < 5 or ctx.tags.get(cs) in ("AUX", "VERB"):
            continue  # ("... bepleit is voor de ANWB reden": the verb closed a clause)
        ctx.add_indirect(cs, end, cue, sp, "plea", pi, kind="call")
        return True
    return False


def named_call(ctx: Context, us: int, ue: int, pi: int) -> bool:
    """'het voorstel van X om ...', 'de oproep van X tot ...'; without 'van X' the sentence's
    subject makes it ("De industrie verbaasde vriend en vijand met het voorstel om ...")."""
    text = ctx.text
    low = text[us:ue].lower()
    if not any(w in low for w in ("voorstel", "oproep", "eis ", "verzoek", "pleidooi")):
        return False
    m = _NAMED_CALL.search(text, us, ue)
    if not m:
        return False
    light = _LIGHT_VERB.search(text, us, m.start())
    if m.group("van"):
        sp = np_after(text, m.start("van"), m.end("van"), ctx.lex, ctx.tags) or (m.start("van"), m.end("van"))
    elif light:
        # "Zondag doen de Jonge Democraten een voorstel aan de leden om ...": who makes it
        sp = subject(ctx, us, (light.start(), light.end()), m.start())
        if sp is None:
            return False
    else:
        sp = np_after(text, us, m.start(), ctx.lex, ctx.tags)
        if sp is None or sp[1] >= m.start() or text[sp[0] : sp[1]].lower().split()[0] in ("het", "dat", "dit"):
            return False
    cue = (m.start("v"), m.end("v"))
    cs = m.end()
    end = clause_end(text, cs, ue)
    if end - cs < 8 or not held(ctx, us, ue, cue, sp):
        return False
    ctx.add_indirect(cs, end, cue, sp, "named-call", pi, kind="call")
    return True
