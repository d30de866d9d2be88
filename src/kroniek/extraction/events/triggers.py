"""Trigger finding: which tokens of the parsed article name a PLOVER action, with its type and mode.

A verb matches by its lemma ("aan_vallen" -> aanvallen) or, where the lemmatiser erred, by its
surface form; a split verb ("viel ... aan") needs its particle in the clause. A noun matches by
its lemma or as the head of a compound ("luchtaanval" -> aanval, mode ``aerial`` from "lucht").
Then the senses the lexicon marks with a condition are checked against the parse ("hield ... aan"
is an arrest only with a person as object; "onderzoek" is an investigation only by police,
justice or parliament), and a light verb with its event noun ("sancties opleggen") yields the
noun alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kroniek.lexicon import ORG_NOUNS, ROLE_NOUNS
from kroniek.lexicon.people import people_noun

from .vocabulary import SEPARABLE, Trigger, labels, mode_words, not_triggers, triggers, verb_forms

#: Who investigates (ACCUSE investigate) rather than researches.
_INVESTIGATORS = frozenset(
    """politie recherche rijksrecherche justitie om openbaar ministerie marechaussee fiod inspectie
    inspecteur commissie parlement kamer enquêtecommissie onderzoekscommissie officier aanklager
    fbi interpol europol ombudsman rekenkamer autoriteit toezichthouder journalist journalisten
    krant omroep""".split()
)
_INVESTIGATION_PREFIXES = (
    "politie", "strafrechtelijk", "justitie", "fraude", "moord", "integriteit", "recherche",
    "corruptie", "parlementair", "enquête", "tucht", "fbi", "om-", "vn-", "eu-",
)  # fmt: skip
#: Nouns and pronouns that stand for a person or group (an arrest needs one as its object).
_PERSONS = frozenset(
    """man vrouw jongen meisje persoon personen mensen verdachte verdachten dader daders jongere
    jongeren kind kinderen burger burgers betoger betogers demonstrant demonstranten activist
    activisten journalist journalisten militant militanten strijder strijders agent agenten
    hem haar hen ze zij hij ik we wij mij ons jou u iemand niemand iedereen leider leiders
    tiener tieners student studenten medewerker medewerkers vluchteling vluchtelingen migrant
    migranten diplomaat diplomaten ambassadeur minister president premier militair militairen
    soldaat soldaten militie milities troepen strijders rebellen gevangene gevangenen""".split()
) | ROLE_NOUNS
_COURTS = frozenset("rechtbank rechter hof rechters gerechtshof tribunaal strafhof kantonrechter".split())
#: the words of a penalty ("vier jaar cel", "een taakstraf"): a court's sentence or a prosecutor's demand
PENALTY_WORDS = frozenset(
    "jaar jaren maand maanden week weken dag dagen celstraf gevangenisstraf taakstraf werkstraf boete straf "
    "levenslang tbs cel gevangenis voorwaardelijk".split()
)
_PROSECUTION = frozenset("om justitie officier aanklager aanklagers openbaar ministerie advocaat-generaal".split())
_FORCES = frozenset(
    "troepen militairen soldaten leger politie agenten me mobiele eenheid marine mariniers "
    "marechaussee gevechtsvliegtuigen tanks schepen oorlogsschepen".split()
)
#: Support verbs whose event noun is the trigger ("een aanval uitvoeren", "kritiek leveren").
LIGHT_VERBS = frozenset(
    """uitvoeren opleggen leveren uiten doen uitspreken betuigen sluiten bereiken instellen aantekenen
    brengen plegen geven krijgen voeren houden starten beginnen aankondigen hebben maken nemen
    indienen oproepen aanbieden verlenen""".split()
)
#: Contexts in which conflict words are sport ("de aanval van Ajax").
_SPORT = frozenset(
    """wedstrijd wedstrijden doelpunt doelpunten competitie eredivisie speler spelers trainer
    coach keeper scoorde scoren goal goals voetbal voetballer elftal ploeg seizoen kampioen
    finale halve toernooi club clubs aanvaller aanvallers verdediger middenvelder penalty""".split()
)


@dataclass
class Found:
    """A trigger in the parse: the token, its lexicon entry, mode and particle token."""

    token: Any
    entry: Trigger
    mode: str | None
    particle: Any = None
    noun: bool = False


def _particle(tok: Any) -> Any:
    """The separated particle of a verb ("viel ... aan", "op te leggen"), or None."""
    for c in tok.children:
        if c.dep_ == "compound:prt":
            return c
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].lower_ == "te" and doc[tok.i - 2].lower_ in SEPARABLE:
        return doc[tok.i - 2]
    # the parse may hang a clause-final particle elsewhere ("roept hij Europa op om ..."): a
    # separable word after the verb, in its sentence, right before a comma, "om", "te", "dat",
    # a conjunction or the end of the sentence
    end = tok.sent.end
    for j in range(tok.i + 1, min(end, tok.i + 12)):
        w = doc[j]
        if w.pos_ in ("VERB", "AUX") and w.dep_ not in ("compound:prt",):
            break
        nxt = doc[j + 1] if j + 1 < len(doc) else None
        if w.lower_ in SEPARABLE and w.pos_ in ("ADP", "ADV") and (
            nxt is None or nxt.is_punct or nxt.lower_ in ("om", "te", "dat", "en", "maar", "of", "omdat")
        ):
            return w
    return None


def _verb(tok: Any) -> tuple[Trigger, Any] | None:
    """The lexicon entry a verb token stands for, with its separated particle."""
    verbs, _ = triggers()
    particle = _particle(tok)
    lemma = tok.lemma_.lower()
    if particle is not None:
        # a particle verb: only its own entry counts ("sprak ... uit" is no "spreken")
        inf = particle.lower_ + lemma.rsplit("_", 1)[-1]
        if inf in verbs:
            return verbs[inf], particle
        for inf2, need in verb_forms().get(tok.lower_, ()):
            if need == particle.lower_:
                return verbs[inf2], particle
        return None
    joined = lemma.replace("_", "")
    if joined in verbs:
        return verbs[joined], None
    for inf2, need in verb_forms().get(tok.lower_, ()):
        if not need:
            return verbs[inf2], None
    return None


def _noun(tok: Any) -> tuple[Trigger, str | None] | None:
    _, nouns = triggers()
    if tok.lower_ in not_triggers() or tok.lemma_.lower() in not_triggers():
        return None
    prefixes, _ = mode_words()
    forms = {tok.lemma_.lower(), tok.lower_}
    for w in list(forms):
        if w.endswith("en") and len(w) > 5:
            stem = w[:-2]
            forms.add(stem)
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.add(stem[:-1])  # gesprekken -> gesprek
        elif w.endswith("s") and len(w) > 4:
            forms.add(w[:-1])
    for word in (tok.lemma_.lower(), tok.lower_, *sorted(forms)):
        if word in nouns:
            return nouns[word], None
    best = None
    for n, entry in nouns.items():
        if entry.condition == "exact" or len(n) < 4:
            continue
        for w in forms:
            if w.endswith(n) and len(w) - len(n) >= 3 and (best is None or len(n) > len(best[0].word)):
                best = (entry, w[: -len(n)].rstrip("-"))
    if best is None:
        return None
    entry, prefix = best
    mode = None
    for p, m in prefixes.items():
        if prefix.startswith(p) and m.type == entry.type:
            mode = m.mode
    return entry, (prefix if mode is None else f"{prefix}|{mode}")


def _has_person_object(tok: Any) -> bool:
    for c in tok.children:
        if c.dep_ in ("obj", "nsubj:pass", "iobj") and (
            c.ent_type_ == "PER" or c.pos_ in ("PRON", "PROPN") or c.lemma_.lower() in _PERSONS
            or c.lower_ in _PERSONS or (c.pos_ == "NOUN" and people_noun(c.lower_, c.lemma_))
        ):
            return True
    if any(c.dep_ == "nsubj:pass" and c.pos_ == "NOUN" for c in tok.children):
        return False  # "De wedstrijd werd aangehouden": a thing is held over, nobody arrested
    # a passive participle with its subject on the auxiliary ("werd hij aangehouden"), also the
    # second of two ("zijn direct aangehouden", "werd aangetroffen en ook aangehouden")
    if tok.dep_ in ("xcomp", "ROOT", "conj") and any(c.dep_ == "aux:pass" for c in tok.children):
        return True
    if tok.dep_ == "conj" and "Part" in tok.morph.get("VerbForm") and any(
        c.dep_ == "aux:pass" for c in tok.head.children
    ):
        return True
    # "Hij is dinsdag opgepakt": the parse took the passive's "is" for a perfect's
    if "Part" in tok.morph.get("VerbForm") and any(
        c.dep_ == "aux" and c.lemma_ in ("zijn", "worden") for c in tok.children
    ):
        return any(
            c.dep_ == "nsubj" and (c.ent_type_ == "PER" or c.pos_ in ("PRON", "PROPN") or c.lemma_.lower() in _PERSONS)
            for c in tok.children
        )
    return False


def _clause_words(tok: Any) -> set[str]:
    head = tok
    while head.dep_ not in ("ROOT", "ccomp", "advcl", "acl:relcl", "xcomp", "conj") and head.head is not head:
        head = head.head
    return {t.lower_ for t in head.subtree}


def _condition_holds(entry: Trigger, tok: Any, noun: bool) -> tuple[bool, Trigger]:
    cond = entry.condition
    if cond in (None, "exact"):
        return True, entry
    words = _clause_words(tok)
    if cond == "person_obj":
        return _has_person_object(tok), entry
    if cond in ("met", "talks"):
        partner = any(
            c.dep_.startswith(("obl", "nmod")) and any(g.lower_ == "met" for g in c.children) for c in tok.children
        )
        if cond == "met" or partner:
            return partner, entry
        # talks without a partner: only with a party of their own, never an interview with a paper
        return not (words & {"krant", "interview", "dagblad", "omroep", "programma"}), Trigger(
            entry.word, entry.pos, entry.type, entry.mode, entry.van, "actor"
        )
    if cond == "om":
        return bool(words & {"om", "te"}) or any(c.dep_ in ("xcomp", "ccomp") for c in tok.children), entry
    if cond == "label":
        return bool(words & labels()), entry
    if cond == "force":
        return any(c.dep_ == "obj" and c.lower_ in _FORCES for c in tok.children), entry
    if cond == "investigation":
        low = tok.lower_
        if low.startswith(_INVESTIGATION_PREFIXES) or words & _INVESTIGATORS:
            return True, entry
        return False, entry
    if cond == "court":
        if words & _COURTS or ("tot" in words and words & PENALTY_WORDS):
            return True, entry
        # condemnation by a political actor: ACCUSE disapprove
        return True, Trigger(entry.word, entry.pos, "ACCUSE", "disapprove", entry.van, None)
    if cond == "against":
        return any(
            c.dep_ in ("obl", "obl:arg", "nmod") and any(g.lower_ == "tegen" for g in c.children) for c in tok.children
        ), entry
    if cond == "foreign":
        return any(w.ent_type_ in ("LOC", "GPE", "MISC") for w in tok.sent), entry
    if cond == "pressure":  # "druk uitoefenen op X", "onder druk zetten"
        return bool(words & {"uitoefenen", "uitgeoefend", "zetten", "zet", "zette", "opvoeren"}), entry
    if cond == "strike":  # "het werk neerleggen"
        return any(c.dep_ == "obj" and c.lemma_.lower() in ("werk", "arbeid") for c in tok.children), entry
    if cond == "demand":
        # "Het OM eist vier jaar cel tegen de man": a sentence demanded is a charge (ACCUSE allege)
        if words & PENALTY_WORDS and (words & _PROSECUTION or "tegen" in words):
            return True, Trigger(entry.word, entry.pos, "ACCUSE", "allege", entry.van, None)
        return True, entry
    if cond == "actor":
        return True, entry  # checked once the actor is known (arguments)
    if cond == "met":
        return True, entry
    return True, entry


def _sport(tok: Any) -> bool:
    sent = tok.sent
    return sum(1 for t in sent if t.lower_ in _SPORT) >= 1


def find_triggers(sdoc: Any) -> list[Found]:
    """Every trigger token in a parsed spaCy Doc, in text order."""
    out: list[Found] = []
    for tok in sdoc:
        verbish = tok.pos_ in ("VERB", "AUX") or (
            tok.pos_ == "ADJ" and (tok.tag_.startswith("WW") or tok.dep_ not in ("amod", "nmod", "obj", "nsubj"))
        )
        if verbish and not (tok.pos_ == "AUX" and tok.lower_ in ("is", "zijn", "was", "waren", "heeft", "hebben", "had", "wordt", "werd", "worden")):
            if tok.pos_ != "VERB" and tok.dep_ not in ("ROOT", "conj", "xcomp", "ccomp", "advcl", "acl:relcl"):
                continue  # a participle used as an adjective or noun ("1.200 doden")
            hit = _verb(tok)
            if hit is None:
                continue
            entry, particle = hit
            ok, entry = _condition_holds(entry, tok, noun=False)
            if not ok:
                continue
            out.append(Found(tok, entry, entry.mode, particle))
        elif tok.pos_ in ("NOUN", "PROPN") and tok.is_alpha or (tok.pos_ == "NOUN" and "-" in tok.text):
            if tok.pos_ == "PROPN" and not tok.is_lower:
                continue
            hit2 = _noun(tok)
            if hit2 is None:
                continue
            entry, prefix = hit2
            ok, entry = _condition_holds(entry, tok, noun=True)
            if not ok:
                continue
            mode = entry.mode
            if prefix and "|" in prefix:
                mode = prefix.split("|", 1)[1]
            out.append(Found(tok, entry, mode, None, noun=True))
    out = [f for f in out if not (f.entry.type in ("ASSAULT", "SUPPORT", "RETREAT") and _sport(f.token))]
    out = [_verbal_attack(f) for f in out]
    return _drop_light_verbs(out)


_POLITICS = frozenset(
    "kritiek debat verkiezingen verkiezing campagne partij partijen politiek politieke kabinet oppositie "
    "fractie kamer premier lijsttrekker coalitie".split()
)
_VIOLENCE = frozenset(
    "doden dode gewonden gewonde leger militair militairen bom bommen raket raketten geweld wapens "
    "soldaten troepen schoten aanslag terreur gedood".split()
)


def _verbal_attack(f: Found) -> Found:
    """'de aanval van X op de premier' in a political story is a verbal attack: ACCUSE."""
    if f.entry.type != "ASSAULT" or f.entry.word not in ("aanval", "tegenaanval", "aanvallen"):
        return f
    words = {t.lower_ for t in f.token.sent}
    if words & _POLITICS and not words & _VIOLENCE:
        return Found(f.token, Trigger(f.entry.word, f.entry.pos, "ACCUSE", "disapprove", f.entry.van, None), "disapprove", f.particle, f.noun)
    return f


def _drop_light_verbs(found: list[Found]) -> list[Found]:
    """A verb trigger whose object or complement is an event noun of the same type yields to it
    ("sancties opleggen", "steun uitspreken")."""
    nouns = {f.token.i: f for f in found if f.noun}
    keep = []
    for f in found:
        if not f.noun:
            objs = [c for c in f.token.children if c.dep_ in ("obj", "obl", "obl:arg") and c.i in nouns]
            if any(nouns[c.i].entry.type == f.entry.type for c in objs):
                continue
        keep.append(f)
    return keep


def organisation_like(tok: Any) -> bool:
    """A token that may act as an organised actor (a name, a body, a role, a pronoun)."""
    return (
        tok.pos_ in ("PROPN", "PRON")
        or bool(tok.ent_type_)
        or tok.lemma_.lower() in ORG_NOUNS
        or tok.lower_ in ORG_NOUNS
        or tok.lemma_.lower() in ROLE_NOUNS
        or tok.lemma_.lower() in _PERSONS
    )
