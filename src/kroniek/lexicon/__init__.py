"""Dutch word lists as data: one file per meaning, read once per process.

Lists shared by several capabilities live here (``kroniek/lexicon/*.txt|tsv``): weekdays and
months, reporting verbs, role and organisation nouns, pronouns, name particles, function words.
A capability's own lists live beside its code in a ``lexicon/`` folder of its package and are read
with the same functions.

Format: UTF-8, one entry per line, ``#`` starts a comment, blank lines are ignored; in ``.tsv``
files the columns are separated by tabs. Order is kept (some lists are tried in order).
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=256)
def entries(package: str, name: str) -> tuple[str, ...]:
    """The entries of ``name`` in ``package``'s ``lexicon/`` folder (``kroniek.lexicon``: here)."""
    folder = files(package) if package == __name__ else files(package) / "lexicon"
    text = (folder / name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)


def words(name: str, package: str = __name__) -> frozenset[str]:
    """A word list as a set (``name`` with its extension, e.g. ``"role_nouns.txt"``)."""
    return frozenset(entries(package, name))


def ordered(name: str, package: str = __name__) -> tuple[str, ...]:
    """A word list in file order."""
    return entries(package, name)


def table(name: str, package: str = __name__) -> tuple[tuple[str, ...], ...]:
    """A ``.tsv`` list as rows of columns."""
    return tuple(tuple(col.strip() for col in row.split("\t")) for row in entries(package, name))


def mapping(name: str, package: str = __name__) -> dict[str, str]:
    """A two-column ``.tsv`` list as a dict, in file order (later rows win)."""
    return {row[0]: row[1] for row in table(name, package)}


# -- the shared lists, by meaning -------------------------------------------------------------

#: weekday names and abbreviations -> ISO weekday number ("maandag" 1 ... "zo" 7)
WEEKDAY_NUMBERS: dict[str, int] = {w: int(n) for w, n, _ in table("weekdays.tsv")}
#: the seven full weekday names, Monday first
WEEKDAY_NAMES: tuple[str, ...] = tuple(w for w, _, kind in table("weekdays.tsv") if kind == "full")
#: month names and abbreviations -> month number
MONTH_NUMBERS: dict[str, int] = {w: int(n) for w, n, _ in table("months.tsv")}
#: the twelve full month names, January first
MONTH_NAMES: tuple[str, ...] = tuple(w for w, _, kind in table("months.tsv") if kind == "full")
#: role nouns that head a description of a person ("de Turkse president", "VN-gezant")
ROLE_NOUNS: frozenset[str] = words("role_nouns.txt")
#: role noun -> the roles it may stand for in the same article ("bewindsman" -> minister, ...)
ROLE_SYNONYMS: dict[str, tuple[str, ...]] = {w: tuple(roles.split(",")) for w, roles in table("role_synonyms.tsv")}
#: groups and bodies that may speak or act ("de coalitie", "het ministerie", "demonstranten")
ORG_NOUNS: frozenset[str] = words("organisation_nouns.txt")
#: nouns for a kind of organisation, also as a compound head ("sportwinkelketen")
ORGANISATION_KIND_NOUNS: frozenset[str] = words("organisation_kinds.txt")
#: subject pronouns ("ie": "zei -ie")
PRONOUNS: frozenset[str] = words("pronouns.txt")
#: name particles, in the order a name pattern tries them ("van", "de", "der", ...)
NAME_PARTICLES: tuple[str, ...] = ordered("name_particles.txt")
#: capitalised words that are no names at a sentence start (function words, forms of address)
FUNCTION_WORDS: frozenset[str] = words("function_words.txt")
#: abbreviations written with a full stop ("dr.", "o.a.") -> "title" or "abbreviation"
ABBREVIATIONS: dict[str, str] = mapping("abbreviations.tsv")


def names_organisation_kind(word: str, compound_only: bool = False) -> bool:
    """Whether a lower-cased word is, or ends in, a noun for a kind of organisation
    ("bedrijf", "sportwinkelketen"); `compound_only` asks for the compound form alone."""
    return any(
        (word == n and not compound_only) or (word.endswith(n) and len(word) > len(n) + 2)
        for n in ORGANISATION_KIND_NOUNS
    )


def alternation(words_: object) -> str:
    """A regex alternation of words, longest first (ties in the given order)."""
    import re

    return "|".join(re.escape(w) for w in sorted(words_, key=len, reverse=True))  # type: ignore[arg-type]
