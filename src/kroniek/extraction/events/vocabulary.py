"""The Dutch PLOVER lexicon: trigger words with their type, mode, argument frame and conditions,
read from ``lexicon/`` beside this module, and the verb forms they may take in a text.

Verbs are listed by infinitive, separable prefix included ("aanvallen"); a text may write them
split ("viel ... aan"), joined ("aanviel", "aangevallen") or with ``te`` ("aan te vallen"). The
analysis gives lemmas ("aan_vallen"), but a lemmatiser errs on rare forms, so every listed verb's
inflected forms are generated too (weak verbs by rule, strong ones from ``strong_verbs.tsv``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kroniek.lexicon import table, words

_P = __package__

#: Separable verb prefixes, longest first ("terug" before "te"...).
SEPARABLE = (
    "gevangen", "binnen", "terug", "tegen", "samen", "bekend", "voort", "dood", "door", "mee",
    "neer", "over", "vast", "weg", "vrij", "aan", "af", "bij", "in", "na", "om", "op", "toe",
    "uit", "voor", "los", "stop",
)  # fmt: skip
#: Unstressed prefixes whose participle takes no "ge-" ("beschuldigd", "verboden").
_NO_GE = ("be", "ge", "her", "ont", "ver", "er")


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry (see ``lexicon/triggers.tsv``)."""

    word: str
    pos: str  # verb | noun
    type: str
    mode: str | None
    van: str | None  # nouns: the role of "van X" (actor | target)
    condition: str | None


@dataclass(frozen=True)
class ModeWord:
    word: str
    type: str
    mode: str | None
    where: str  # prefix | clause


def _none(value: str) -> str | None:
    return None if value in ("", "-") else value


@lru_cache(maxsize=1)
def triggers() -> tuple[dict[str, Trigger], dict[str, Trigger]]:
    """(verbs by infinitive, nouns by singular)."""
    verbs: dict[str, Trigger] = {}
    nouns: dict[str, Trigger] = {}
    for word, pos, type_, mode, van, cond in table("triggers.tsv", _P):
        entry = Trigger(word, pos, type_, _none(mode), _none(van), _none(cond))
        (verbs if pos == "verb" else nouns)[word] = entry
    return verbs, nouns


@lru_cache(maxsize=1)
def mode_words() -> tuple[dict[str, ModeWord], dict[str, ModeWord]]:
    """(compound prefixes, clause words) that give a mode."""
    prefixes = {w: ModeWord(w, t, _none(m), "prefix") for w, t, m in table("mode_prefixes.tsv", _P)}
    clause = {w: ModeWord(w, t, _none(m), "clause") for w, t, m in table("mode_words.tsv", _P)}
    return prefixes, clause


@lru_cache(maxsize=1)
def not_triggers() -> frozenset[str]:
    """Words that end in a trigger noun without naming its action ("ontheffing", "drugsdeal")."""
    return words("not_triggers.txt", _P)


@lru_cache(maxsize=1)
def labels() -> frozenset[str]:
    """What "X noemde Y een ..." calls someone when it is a charge."""
    return words("labels.txt", _P)


def split_prefix(infinitive: str) -> tuple[str, str]:
    """'aanvallen' -> ('aan', 'vallen'); a verb without a separable prefix -> ('', verb)."""
    for p in SEPARABLE:
        rest = infinitive[len(p) :]
        if infinitive.startswith(p) and len(rest) >= 4 and rest.endswith("en"):
            return p, rest
    return "", infinitive


@lru_cache(maxsize=1)
def _strong() -> dict[str, tuple[str, str, str]]:
    return {inf: (sg, pl, part) for inf, sg, pl, part in table("strong_verbs.tsv", _P)}


def _stem(infinitive: str) -> str:
    """The Dutch verb stem by the spelling rules: 'maken' -> 'maak', 'zetten' -> 'zet'."""
    if infinitive.endswith("eren") and len(infinitive) > 7:
        return infinitive[:-4] + "eer"  # stressed -eren (arresteren, bombarderen): list others as strong
    base = infinitive[:-2] if infinitive.endswith("en") else infinitive[:-1]
    if len(base) >= 2 and base[-1] == base[-2] and base[-1] not in "aeiou":
        base = base[:-1]  # zett -> zet
    elif (
        len(base) >= 3
        and base[-1] not in "aeiouy"
        and base[-2] in "aeou"
        and base[-3] not in "aeiou"
        and not base.endswith(("ig", "er", "el", "en"))
    ):
        base = base[:-1] + base[-2] + base[-1]  # mak -> maak
    if base.endswith("v"):
        base = base[:-1] + "f"
    elif base.endswith("z"):
        base = base[:-1] + "s"
    return base


def _forms(infinitive: str) -> dict[str, str]:
    """Surface forms of a verb without its separable prefix: form -> what it is (fin | part)."""
    out = {infinitive: "fin"}
    if infinitive in _strong():
        sg, pl, part = _strong()[infinitive]
        stem = _stem(infinitive)
        out.update({stem: "fin", stem + "t": "fin", sg: "fin", pl: "fin", part: "part"})
        if stem.endswith("t"):
            out[stem] = "fin"
        return out
    stem = _stem(infinitive)
    raw = infinitive[:-2]
    voiceless = raw[-1:] in "tkfsp" or raw.endswith("ch")
    past = stem + ("te" if voiceless else "de")
    out.update({stem: "fin", past: "fin", past + "n": "fin"})
    out[stem if stem.endswith("t") else stem + "t"] = "fin"
    ending = "t" if voiceless else "d"
    participle = stem if stem.endswith(ending) else stem + ending
    if not infinitive.startswith(_NO_GE):
        participle = "ge" + participle
    out[participle] = "part"
    return out


@lru_cache(maxsize=1)
def verb_forms() -> dict[str, list[tuple[str, str]]]:
    """Surface form -> [(infinitive it belongs to, particle that must stand apart or '')].

    Joined forms ("aanviel", "aangevallen", "aanvallen") need no particle; split finite forms
    ("viel") need the particle elsewhere in the clause."""
    verbs, _ = triggers()
    table_: dict[str, list[tuple[str, str]]] = {}
    for inf in verbs:
        prefix, base = split_prefix(inf)
        for form, kind in _forms(base).items():
            if prefix:
                table_.setdefault(prefix + form, []).append((inf, ""))  # joined
                if kind == "fin":
                    table_.setdefault(form, []).append((inf, prefix))  # split: "viel ... aan"
            else:
                table_.setdefault(form, []).append((inf, ""))
    return table_
