"""Who did it and to whom: the actor and target of a trigger, read from the dependency parse.

Verbs: the subject acts and the object undergoes ("Het leger viel de stad aan"); in a passive the
"door" phrase acts and the subject undergoes ("De stad werd door rebellen aangevallen"); some
types take their target in a prepositional phrase ("schoot op X", "demonstreerden tegen X",
"overlegde met X"). A verb without its own subject takes it from the verb it depends on ("De EU
wil sancties opleggen": the EU). Nouns: "de aanval van X op Y", "de Amerikaanse sancties tegen
Iran", "zijn aanval"; an event noun under a light verb takes the verb's subject ("De coalitie voert
luchtaanvallen uit op IS"). Coordinated actors or targets are all kept ("zowel Bagdad als
Damascus").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kroniek.lexicon import MONTH_NAMES, WEEKDAY_NAMES

from .triggers import LIGHT_VERBS, PENALTY_WORDS, Found
from .vocabulary import labels

#: Prepositions that introduce a target, per type (verbs and nouns).
TARGET_PREPS: dict[str, tuple[str, ...]] = {
    "ASSAULT": ("op", "tegen"),
    "PROTEST": ("tegen",),
    "SANCTION": ("tegen", "aan", "voor"),
    "ACCUSE": ("tegen", "op", "naar"),
    "REQUEST": ("aan",),
    "CONSULT": ("met",),
    "AGREE": ("met",),
    "COOPERATE": ("met",),
    "AID": ("aan",),
    "SUPPORT": ("aan", "voor"),
    "THREATEN": (),
    "REJECT": (),
    "COERCE": (),
    "RETREAT": ("uit",),
    "MOBILIZE": ("tegen",),
    "CONCEDE": ("aan",),
}
_SUBJECTS = ("nsubj",)
_PASSIVE_SUBJECTS = ("nsubj:pass",)
_NOT_ACTOR = frozenset("het dat dit er wat die deze".split())


@dataclass
class Argument:
    """A participant: the head token and its coordinated partners, in text order."""

    heads: list[Any] = field(default_factory=list)

    @property
    def head(self) -> Any:
        return self.heads[0] if self.heads else None


def _with_conjuncts(tok: Any) -> Argument:
    heads = [tok]
    both = any(c.lower_ == "zowel" for c in tok.children)
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON", "X", "ADJ"):
            heads.append(c)
        elif both and c.dep_ == "nmod" and c.pos_ in ("PROPN", "NOUN") and any(
            g.lower_ == "als" for g in c.subtree
        ):
            heads.append(c)  # "zowel militairen in Irak als milities in Syrië"
    return Argument(sorted(heads, key=lambda t: t.i))


#: Nouns of quantity whose "van"/nmod phrase is the participant ("een miljoen burgers").
_QUANTITIES = frozenset(
    "miljoen miljoenen duizend duizenden honderd honderden tientallen tal aantal groep reeks deel helft "
    "doelwit doelwitten stellingen posities bolwerken bases kampen".split()
)
#: Time nouns a misparse may offer as a subject ("De afgelopen jaren vochten ...").
_TIME_NOUNS = frozenset(
    "jaar jaren maand maanden week weken dag dagen eeuw eeuwen tijd periode weekend ochtend middag avond nacht".split()
) | frozenset(MONTH_NAMES) | frozenset(WEEKDAY_NAMES)
_RELATIVE = frozenset("die dat wie welke".split())


def _child(tok: Any, deps: tuple[str, ...]) -> Any:
    for c in tok.children:
        if c.dep_ in deps:
            if c.lower_ in _RELATIVE and tok.dep_ == "acl:relcl":
                return tok.head  # "een president die ... vermoordde": the antecedent
            if c.lower_ not in _NOT_ACTOR and c.lower_ not in _TIME_NOUNS:
                return _through_quantity(c)
    return None


def _through_quantity(tok: Any) -> Any:
    if tok.lemma_.lower() in _QUANTITIES or tok.lower_ in _QUANTITIES or tok.pos_ == "NUM":
        for c in tok.children:
            if c.dep_ == "nmod":
                return c
    return tok


def _subject(tok: Any) -> Any:
    """The subject of a verb, also where the parse hung it on the auxiliary or took an active verb
    for a passive one."""
    subj = _child(tok, _SUBJECTS)
    if subj is None and not any(c.dep_ == "aux:pass" for c in tok.children):
        subj = _child(tok, _PASSIVE_SUBJECTS)
    if subj is None:
        for c in tok.children:
            if c.dep_ in ("aux", "aux:pass", "cop"):
                subj = _child(c, _SUBJECTS)
                if subj is not None:
                    break
    return subj


def _prep(tok: Any) -> str:
    for c in tok.children:
        if c.dep_ == "case":
            return c.lower_
    return ""


def _prep_child(tok: Any, preps: tuple[str, ...]) -> Any:
    for c in tok.children:
        if c.dep_ in ("obl", "obl:arg", "nmod") and _prep(c) in preps and c.pos_ != "VERB":
            return _through_quantity(c)
    return None


def _prep_descendant(tok: Any, preps: tuple[str, ...]) -> Any:
    """A target phrase the parse hung one level too low ("demonstreerden in Den Haag tegen het
    kabinet": "tegen" under "Den Haag")."""
    for c in tok.children:
        if c.dep_ in ("obl", "obl:arg", "obj", "advmod"):
            found = _prep_child(c, preps)
            if found is not None:
                return found
    return None


def _passive(tok: Any) -> bool:
    return any(c.dep_ == "aux:pass" for c in tok.children) or (
        any(c.dep_ == "nsubj:pass" for c in tok.children) and tok.tag_.startswith("WW|vd")
    )


def _controller(tok: Any) -> Any:
    """The subject a verb without its own takes: from the verb it complements or coordinates with."""
    head = tok
    for _ in range(3):
        if head.dep_ not in ("xcomp", "conj", "advcl") or head.head is head:
            return None
        head = head.head
        subj = _subject(head)
        if subj is not None:
            return subj
    return None


def verb_arguments(f: Found) -> tuple[Argument | None, Argument | None]:
    tok = f.token
    type_ = f.entry.type
    if _passive(tok):
        subj = _child(tok, _PASSIVE_SUBJECTS + _SUBJECTS)
        agent = _child(tok, ("obl:agent",))
        if agent is None:
            agent = _prep_child(tok, ("door",))
        target = subj
        actor = agent
    else:
        actor = _subject(tok) or _controller(tok)
        target = _child(tok, ("obj",)) or _child(tok, ("iobj",))
        if target is None and type_ in ("ASSAULT", "COERCE"):
            target = _bare_obl(tok)
        if target is not None and target.pos_ == "VERB":
            target = None
        preps = TARGET_PREPS.get(type_, ())
        prep_target = _prep_child(tok, preps) if preps else None
        if target is None and prep_target is None and preps:
            prep_target = _prep_descendant(tok, preps)
        if target is None:
            target = prep_target
        elif prep_target is not None and type_ in ("ASSAULT", "PROTEST"):
            target = prep_target  # "schoot met een geweer op X": op names the target
        elif type_ == "ACCUSE" and target.lemma_.lower() in PENALTY_WORDS:
            # "eiste twee jaar celstraf tegen Jan N.": the one charged, not the penalty
            target = _prep_child(tok, ("tegen",)) or _prep_descendant(tok, ("tegen",))
        if type_ in ("REQUEST", "THREATEN", "REJECT"):
            content = target if target is not None and _content_like(target) else None
            if target is None:
                content = next((c for c in tok.children if c.dep_.startswith("obl") and _prep(c) in ("tot", "om")), None)
            if content is not None:
                # "eist het vertrek van X", "roept op tot het vertrek van X": the one the demand is
                # about; an addressee wins
                about = next((c for c in content.children if c.dep_ == "nmod" and _prep(c) == "van"), None)
                target = _child(tok, ("iobj",)) or about
    return (_with_conjuncts(actor) if actor is not None else None, _with_conjuncts(target) if target is not None else None)


def _bare_obl(tok: Any) -> Any:
    """An object the parse labelled obl (no preposition): "heeft bijna een miljoen burgers vermoord"."""
    for c in tok.children:
        if c.dep_ == "obl" and not any(g.dep_ == "case" for g in c.children) and c.pos_ in ("NOUN", "PROPN", "NUM"):
            return _through_quantity(c)
    return None


def label_arguments(f: Found) -> tuple[Argument | None, Argument | None]:
    """"X noemde Y een terrorist": the first nominal before the verb acts, the other one is
    called names (the parse often takes both for subjects)."""
    tok = f.token
    nominals = [
        c for c in tok.children
        if c.dep_ in ("nsubj", "obj", "iobj", "obl", "obl:arg") and c.pos_ in ("PROPN", "NOUN", "PRON")
    ]
    nominals = [c for c in nominals if c.lemma_.lower() not in labels() and c.lower_ not in labels()]
    actor = next((c for c in nominals if c.dep_ == "nsubj" and c.i < tok.i), None) or _subject(tok)
    target = next((c for c in nominals if c is not actor and c.lower_ not in _NOT_ACTOR), None)
    return (_with_conjuncts(actor) if actor is not None else None, _with_conjuncts(target) if target is not None else None)


def _content_like(tok: Any) -> bool:
    """An object that is what is asked or threatened ("eist de vrijlating"), not whom."""
    return tok.pos_ == "NOUN" and tok.ent_type_ == "" and any(c.dep_ == "nmod" for c in tok.children)


def noun_arguments(f: Found) -> tuple[Argument | None, Argument | None]:
    tok = f.token
    type_ = f.entry.type
    actor = target = None
    for c in tok.children:
        prep = _prep(c)
        if c.dep_ == "nmod:poss" or (c.dep_ == "det" and c.lower_ in ("zijn", "haar", "hun", "z'n")):
            actor = actor or c
        elif c.dep_ == "amod" and c.ent_type_ in ("MISC", "LOC", "GPE", "NORP") and c.text[:1].isupper():
            actor = actor or c  # "de Amerikaanse sancties" (checked against the nationality list by name)
        elif c.dep_ == "nmod" and prep == "van":
            if f.entry.van == "target":
                target = target or c
            else:
                actor = actor or c
        elif c.dep_ == "nmod" and prep in ("door",):
            actor = actor or c
        elif c.dep_ == "nmod" and prep in TARGET_PREPS.get(type_, ()) + ("op", "tegen"):
            target = target or c
    head = tok.head
    if head is not tok and tok.dep_ in ("obj", "obl", "obl:arg", "nsubj:pass") and head.pos_ in ("VERB", "AUX"):
        verb_lemma = head.lemma_.replace("_", "").lower()
        if verb_lemma in LIGHT_VERBS or tok.dep_ == "obj":
            if actor is None and tok.dep_ != "nsubj:pass":
                actor = _subject(head) or _controller(head)
            if target is None:
                target = _prep_child(head, TARGET_PREPS.get(type_, ()) + ("op", "tegen"))
    return (_with_conjuncts(actor) if actor is not None else None, _with_conjuncts(target) if target is not None else None)


def arguments(f: Found) -> tuple[Argument | None, Argument | None]:
    """(actor, target) of a trigger; either may be None."""
    if f.noun:
        return noun_arguments(f)
    if f.entry.condition == "label":
        return label_arguments(f)
    return verb_arguments(f)
