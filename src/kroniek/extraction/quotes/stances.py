"""Statements that are no that-clause of a speech verb, each a quote of its own ``kind``:

* ``infinitival`` -- a reporting verb with a te-infinitive ("De minister zei geen reden te zien
  voor uitstel", "De partij belooft niet mee te werken"), read from the dependency parse (an
  ``xcomp`` with ``te``); with a verb of view it is a ``position`` ("denkt volgend jaar te
  beginnen"), with a verb of demand a ``call`` ("roept Europa op sancties af te kondigen");
* ``position`` -- a stated view in other words than "vindt dat": "gaat ervan uit dat", "is bang
  dat", "blijft van mening dat", "staat op het standpunt dat", "X ziet Y als Z", the small clause "X vindt het onzin";
* ``indirect`` -- a statement named by a noun: "X's waarschuwing dat ...", "de belofte van X dat".

A view is only a quote when a source holds it (``clauses.held``): not the writer's own "ik vind",
not "men denkt", not a question or a hypothetical.
"""

from __future__ import annotations

import re
from typing import Any

from kroniek.lexicon.reporting import INF_LEMMAS

from .clauses import held, subject
from .context import Context
from .cues import VERDICT_NOUNS
from .phrases import np_after

#: a clause ends before a parenthesis or a comma that opens another clause
_CLAUSE_END = re.compile(
    r"\s*\(|\s*;|,\s+(?:maar|terwijl|omdat|want|zodat|waardoor|nadat|hoewel|aldus|zo|zegt|zei|"
    r"schrijft|meldt|en\s+(?:dat|die|hij|zij|ze))\b"
)
#: words between a cue and its content that belong to neither (time, manner, particles)
_SKIP = frozenset(
    """al ook nu nog echter wel dus eerder eerst gisteren vandaag gisteravond vanochtend vanmorgen
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag bovendien desondanks daarom toen
    inmiddels opnieuw nogmaals eveneens tevens intussen vervolgens ondertussen""".split()
)
#: small words that tell a passive or an impersonal subject ("het dreigt te regenen")
_NO_SUBJECT = frozenset("het er dat dit die wat".split())


def clause_end(text: str, start: int, ue: int) -> int:
    """Where the clause that starts at ``start`` ends in its sentence unit (final stop excluded)."""
    m = _CLAUSE_END.search(text, start, ue)
    end = m.start() if m else ue
    while end > start and text[end - 1] in " .!?;:,":
        end -= 1
    return end


def skip_words(text: str, pos: int, ue: int, also: frozenset[str] = frozenset()) -> int:
    """``pos`` moved past adverbs of time and manner ("zei gisteren ook ...")."""
    while True:
        m = re.match(r"\s*([\w'-]+)", text[pos:ue])
        if not m or (m.group(1).lower() not in _SKIP and m.group(1).lower() not in also):
            return pos + (len(text[pos:ue]) - len(text[pos:ue].lstrip()))
        pos += m.end()


def _kind_of(ctx: Context, tok: Any) -> str | None:
    """The kind of statement a verb token with a te-infinitive makes, or None."""
    low = tok.lower_
    lem = ctx.lex.lemma(low)
    if low.startswith(("roep", "riep", "oproep", "opriep", "opgeroepen", "vraag", "vroeg", "gevraagd", "verzocht", "verzoek")):
        if low.startswith(("roep", "riep")) and not any(
            c.dep_ == "compound:prt" and c.lower_ == "op" for c in tok.children
        ) and not re.search(r"\bop\b", tok.doc.text[tok.idx : tok.idx + 80]):
            return None
        return "call"
    if low.startswith(("raad", "raadt", "raadde", "aangeraden")) and any(
        c.dep_ == "compound:prt" and c.lower_ == "aan" for c in tok.children
    ) or low.startswith(("adviseer", "adviseert", "adviseerde", "geadviseerd")):
        return "call"  # "Visser raadt aan niet te lang te wachten", "adviseert te stoppen"
    if low == "weten" and tok.head.lemma_ == "laten" and tok.head.i < tok.i:
        return "infinitival"  # "De minister liet weten geen reden te zien voor uitstel"
    if lem is None:
        prt = next((c.lower_ for c in tok.children if c.dep_ == "compound:prt"), None)
        if prt is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in ("aan", "toe", "mee"):
            prt = tok.doc[tok.i + 1].lower_  # "geeft aan voorbereid te zijn" with "aan" parsed as a preposition
        joined = tok.lemma_.lower().replace("_", "")  # the model writes "aan_bieden"
        if (prt and ctx.lex.lemma(prt + joined) in INF_LEMMAS) or ("_" in tok.lemma_ and joined in INF_LEMMAS):
            return "infinitival"  # "geeft aan ... te zijn", "bood aan ... te betalen"
    if lem is None and tok.lemma_ in INF_LEMMAS:
        return "infinitival"  # a form the surface lexicon leaves out ("bekende" is mostly "known")
    if lem is None:
        return None
    kind = ctx.lex.kind(low)
    if kind in ("position", "call"):
        return kind
    return "infinitival" if lem in INF_LEMMAS else None


def _te_complements(tok: Any, kind: str) -> list[Any]:
    """The te-infinitives a verb governs, read loosely from the parse: its ``xcomp``/``ccomp``
    (also one the parser hung under an adverb: "beloofde plechtig het apparaat te veranderen", or
    tagged ``punct``, ``advcl`` or ``acl``: "claimen te zijn gemarteld", "geeft aan voorbereid te
    zijn"); for a demand also "adviseert om X te weren" (``advcl`` with "om"), which after other
    verbs is a purpose ("zei dit om ... te sussen")."""

    def te(c: Any) -> bool:
        # (a copula's predicate heads its clause: "verantwoordelijk te zijn")
        return c.idx > tok.idx and (c.pos_ in ("VERB", "AUX") or c.dep_ in ("xcomp", "ccomp")) and any(
            m.lower_ == "te" and m.dep_ == "mark" for m in c.children
        )

    deps = ("xcomp", "ccomp", "punct", "advcl", "acl")
    out = [
        c
        for c in tok.children
        if c.dep_ in deps
        and te(c)
        and (kind == "call" or c.dep_ not in ("advcl", "acl") or not any(m.lower_ == "om" for m in c.children))
    ]
    if not out:
        out = [
            g
            for c in tok.children
            if c.dep_ == "advmod" and c.pos_ == "ADJ" and c.idx > tok.idx
            for g in c.children
            if g.dep_ == "xcomp" and te(g)
        ]
    if not out and tok.dep_ == "advcl" and te(tok.head):
        out = [tok.head]  # "heeft aangegeven achter dit plan te staan" parsed upside down
    return out


def infinitival(ctx: Context, us: int, ue: int, pi: int) -> bool:
    """A reporting, view or demand verb whose content is a te-infinitive (from the parse)."""
    a = ctx.analysis
    if a is None or " te " not in ctx.text[us:ue]:
        return False  # (no te-infinitive: nothing to read from the parse)
    text = ctx.text
    span = a.char_span(us, ue, alignment_mode="expand")
    if span is None:
        return False
    for tok in span:
        if tok.pos_ not in ("VERB", "AUX") or tok.idx < us:
            continue
        kind = _kind_of(ctx, tok)
        if kind is None:
            continue
        if any(c.dep_ in ("aux:pass", "expl:pv") for c in tok.children):
            continue  # "was opgedragen ... te doen": the demand is the agent's, not the subject's
        comps = _te_complements(tok, kind)
        if not comps:
            continue
        c = comps[0]
        toks = [t for t in c.subtree if t.dep_ != "punct" or t.i < max(x.i for x in c.subtree)]
        first, last = min(t.i for t in toks), max(t.i for t in toks)
        if first <= tok.i:
            first = tok.i + 1
        om = [m.i for m in c.children if m.lower_ == "om" and m.dep_ == "mark"]
        if om and om[0] >= first:
            first = om[0] + 1  # "adviseren bovendien om | ... te weren": the adverb is no content
        if kind == "call" and tok.lower_.startswith(("roep", "riep")):
            ops = [t.i for t in a[tok.i + 1 : last] if t.lower_ == "op"]
            if ops and ops[0] - tok.i <= 6 and ops[0] >= first - 1 and not any(
                a[j].is_punct for j in range(tok.i + 1, ops[0])
            ):
                first = ops[0] + 1  # "riep La Scala op | de stekker uit het plan te trekken": the addressee is no content
        while first < last and (
            a[first].lower_ in ("om", "op", "tot")
            or a[first].dep_ == "punct"
            or (first == tok.i + 1 and a[first].lower_ in ("aan", "toe"))
        ):
            first += 1  # "roept hen op om | ...", "riep op | te blijven", "bood aan | ... te betalen"
        if first > 0 and a[first - 1].lower_ in ("niet", "geen", "nooit") and a[first - 1].i > tok.i:
            first -= 1  # "belooft niet mee te werken": the negation is part of what is promised
        cs = a[first].idx
        ce = clause_end(text, cs, min(ue, a[last].idx + len(a[last].text)))
        cue = (tok.idx, tok.idx + len(tok.text))
        sp = subject(ctx, us, cue, cs)
        if sp is not None and tok.lower_ == "weten" and sp[0] == tok.head.idx < sp[1]:
            # "Eerder liet het restaurant weten ...": the subject after the finite "liet"
            sp = (skip_words(text, tok.head.idx + len(tok.head.text), sp[1]), sp[1])
        elif sp is not None and tok.lower_ == "weten" and sp[0] < tok.head.idx < sp[1]:
            # "Andere demonstranten laten in het filmpje weten ...": the subject ends at "laten"
            sp = (sp[0], len(text[: tok.head.idx].rstrip()))
        if sp is not None and not (sp[1] <= cs):
            sp = None
        if sp is None or text[sp[0] : sp[1]].lower() in _NO_SUBJECT:
            continue
        if kind in ("position", "call") and not held(ctx, us, ue, cue, sp):
            continue
        if ce - cs < 8:
            continue
        ctx.add_indirect(cs, ce, cue, sp, "infinitive", pi, kind=kind)
        return True
    return False


_POSITION_PHRASE = re.compile(
    r"(?i)\b(?P<v>gaat|gaan|ging|gingen)\s+(?:er\s+)?(?:ervan|daarvan|er\s+(?:(?:dus|ook|nog|wel|echter|zelf|"
    r"daarom|inmiddels|nu)\s+){0,2}van)\s+uit\s+dat\s+"
    r"|\b(?P<v2>rekent|rekenen|rekende|rekenden)\s+(?:er\s+)?(?:erop|op)\s+dat\s+"
    r"|\b(?P<v3>is|zijn|was|waren|blijft|blijven|bleef|bleven)\s+(?:(?:nog|ook|wel|er|niet|echter|"
    r"altijd|steeds|nog\s+steeds)\s+)*(?:bang|bevreesd|ervan\s+overtuigd|overtuigd|van\s+mening|de\s+mening"
    r"\s+toegedaan|het\s+erover\s+eens|zeker|ervan\s+overtuigd)\s+dat\s+"
    r"|\b(?P<v4>heeft|hebben|had|hadden)\s+(?:(?:nog|ook|wel|sterk)\s+)*de\s+indruk\s+(?:dat\s+|(?=[^.,;]*\bte\s+\w))"
    r"|\b(?P<v5>staat|staan|stond|stonden|stelt|stellen|stelde|stelden)\s+(?:(?:nog|ook|wel|echter|altijd|"
    r"steeds|nog\s+steeds|zich)\s+)*op\s+het\s+standpunt\s+dat\s+"
)


def position_phrase(ctx: Context, us: int, ue: int, pi: int) -> bool:
    """'X gaat ervan uit dat', 'X is bang dat', 'X blijft van mening dat', 'X heeft de indruk dat',
    'X staat op het standpunt dat'."""
    text = ctx.text
    if " dat " not in text[us:ue] and "indruk" not in text[us:ue]:
        return False
    m = _POSITION_PHRASE.search(text, us, ue)
    if not m:
        return False
    v = next(g for g in ("v", "v2", "v3", "v4", "v5") if m.group(g))
    cue = (m.start(v), m.end(v))
    sp = subject(ctx, us, cue, m.end(v) + 1)
    if sp is None or sp[0] >= cue[0] and sp[1] > m.end():
        return False
    if text[sp[0] : sp[1]].lower() in _NO_SUBJECT or not held(ctx, us, ue, cue, sp):
        return False
    cs = m.end()
    ctx.add_indirect(cs, clause_end(text, cs, ue), cue, sp, "position", pi, kind="position")
    return True


_SEES_AS = re.compile(
    r"\b(?P<v>ziet|zien|zag|zagen|beschouwt|beschouwen|beschouwde|beschouwden|omschrijft|omschrijven|"
    r"omschreef|omschreven|bestempelt|bestempelen|bestempelde|bestempelden|typeert|typeren|typeerde|"
    r"typeerden|kwalificeert|kwalificeerde|kwalificeerden|betitelt|betitelde|betitelden|afdoet|afdoen|"
    r"afdeed|afdeden)\s+"
)


def sees_as(ctx: Context, us: int, ue: int, pi: int) -> bool:
    """'De opsporingsdiensten zien zo'n legitimatieplicht als een ideaal middel', 'een recensent
    omschreef het als vrolijk', 'bestempelden de beweringen als onjuist' (content 'Y als Z')."""
    text = ctx.text
    for m in _SEES_AS.finditer(text, us, ue):
        end = clause_end(text, m.end(), ue)
        als = re.search(r"\bals\b", text[m.end() : end])
        if not als or als.start() < 3 or re.search(r"[,;]", text[m.end() : m.end() + als.start()]):
            continue
        cue = (m.start("v"), m.end("v"))
        sp = subject(ctx, us, cue, m.end() + als.start())
        if sp is None or text[sp[0] : sp[1]].lower() in _NO_SUBJECT or not held(ctx, us, ue, cue, sp):
            continue
        cs = m.end() if sp[1] <= cue[0] else skip_words(text, sp[1], ue)
        if end - cs < 8 or not re.search(r"\w", text[m.end() + als.end() : end]):
            continue
        ctx.add_indirect(cs, end, cue, sp, "position", pi, kind="position")
        return True
    return False


_FINDS = re.compile(r"\b(?P<v>vindt|vinden|vond|vonden|noemt|noemen|noemde|noemden)\s+")
_SMALL_OBJECT = frozenset("het dit dat dat alles zoiets die".split())


def small_clause(ctx: Context, us: int, ue: int, pi: int) -> bool:
    """'X vindt het onzin', 'De onderzoekers vinden vervolgonderzoek nodig', 'X noemde de uiting
    verwerpelijk': object + predicate.
    Only with a pronoun object or a clause that ends in an adjective, so "vond een wapen" (found)
    is no view."""
    a = ctx.analysis
    if a is None:
        return False
    text = ctx.text
    for m in _FINDS.finditer(text, us, ue):
        end = clause_end(text, m.end(), ue)
        cue = (m.start("v"), m.end("v"))
        sp = subject(ctx, us, cue, end)
        if sp is None or text[sp[0] : sp[1]].lower() in _NO_SUBJECT or not held(ctx, us, ue, cue, sp):
            continue
        cs = skip_words(text, m.end() if sp[1] <= cue[0] else sp[1], ue, frozenset(("ook",)))
        rest = text[cs:end]
        if m.group("v").startswith("noem") and re.search(r"[\"'“”‘’]", rest):
            continue  # "noemde het plan 'onzin'": the quoted label is direct speech (``direct``)
        if re.match(r"(?i)(?:dat|of|plaats|terug|er\b)", rest) or end - cs < 6 or re.search(
            r"\b(?:plaats|terug|weg)$", rest
        ):
            continue  # "vonden ... plaats" (took place), "vond ... terug" (found back)
        if not ctx.plausible(sp):
            continue
        span = a.char_span(cs, end, alignment_mode="expand")
        if span is None or len(span) < 2:
            continue
        pron = span[0].lower_ in _SMALL_OBJECT and (
            span[0].pos_ == "PRON" or span[1].lower_ in ("een", "geen") or span[-1].lower_ in VERDICT_NOUNS
        )  # "vindt het onzin", "vinden dit een prachtig herdenkingsteken" (not "vond het lichaam")
        labelled = m.group("v").startswith("noem") and re.search(
            r"^(?:\S+\s+){1,5}?(?<!van\s)(?<!met\s)(?<!voor\s)(?<!aan\s)(?<!op\s)(?<!in\s)een\s", rest
        )  # "noemde de black-out een daad van ...": object, then what it is called
        if not (pron or labelled or span[-1].pos_ == "ADJ"):
            continue
        ctx.add_indirect(cs, end, cue, sp, "small", pi, kind="position")
        return True
    return False


_NOMINAL = re.compile(
    r"\b(?:(?P<owner>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)['’]s?\s+|(?:[Dd]e|[Hh]et|[Ee]en)\s+)"
    r"(?P<noun>waarschuwing|belofte|mededeling|verwijt|bewering|stelling|claim|conclusie|boodschap)"
    r"(?:\s+van\s+(?P<van>(?:de\s+|het\s+)?[\w-]+(?:\s+[A-Z][\w-]*)*))?\s+dat\s+"
)


def nominal(ctx: Context, us: int, ue: int, pi: int) -> bool:
    """'Rutte's waarschuwing dat ...', 'de belofte van de minister dat ...' (kind indirect)."""
    text = ctx.text
    if " dat " not in text[us:ue]:
        return False
    m = _NOMINAL.search(text, us, ue)
    if not m or not (m.group("owner") or m.group("van")):
        return False
    g = "owner" if m.group("owner") else "van"
    sp = (m.start(g), m.end(g))
    if g == "van":
        sp = np_after(text, m.start(g), m.end(g), ctx.lex, ctx.tags) or sp
    cue = (m.start("noun"), m.end("noun"))
    cs = m.end()
    comma = text.find(",", cs, ue)  # "De waarschuwing dat ..., kwam te laat": the clause ends there
    ctx.add_indirect(cs, clause_end(text, cs, comma if comma > 0 else ue), cue, sp, "nominal", pi)
    return True
