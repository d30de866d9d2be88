"""Who can speak or act: common nouns for people, groups and bodies.

One list for one meaning, shared by the capabilities that need it: events ask whether a
participant can act ("de politie", "demonstranten", "oproerpolitie"; not "de reden"), quotes
whether a plural pronoun's antecedent is a group that speaks ("de autoriteiten ..., hebben zij
beloofd"). The list (``people_nouns.txt``) holds the nouns no role or organisation list has; agent
nouns ("betogers", "activisten", "deskundigen") are known by their ending, and a compound by its
head ("stafchef", "regeringsleider").
"""

from __future__ import annotations

import re

from . import ORG_NOUNS, ORGANISATION_KIND_NOUNS, ROLE_NOUNS, words

#: nouns for people, groups and bodies: the list, the role nouns and the organisation nouns
PEOPLE_NOUNS: frozenset[str] = words("people_nouns.txt") | frozenset(ROLE_NOUNS) | frozenset(ORG_NOUNS)
#: agent nouns by their ending: "betoger(s)", "bestuurster", "activist(en)", "deskundige(n)", "critici"
AGENTIVE = re.compile(r"(?:[a-z]{3}(?:ers?|aars?|sters?|ist|isten|ant|anten|ent|enten|eurs?|oren|iet|ieten)|ici)$")
#: a compound whose head is a people noun ("stafchef", "oproerpolitie"): three letters or more before it
_COMPOUND_HEAD = re.compile(
    r".{3}(?:"
    + "|".join(re.escape(n) for n in sorted(PEOPLE_NOUNS, key=len, reverse=True) if len(n) >= 4)
    + r")$"
)
#: people nouns a compound may open with ("politieonderzoek", "kabinetsberaad"), longest first
COMPOUND_PEOPLE: tuple[str, ...] = tuple(
    sorted((n for n in PEOPLE_NOUNS if len(n) >= 5 and " " not in n), key=len, reverse=True)
)


def plural_people_noun(word: str) -> bool:
    """A people noun in the plural ("voorstanders", "critici", "kiezers", "abortusklinieken")."""
    return word.endswith(("en", "s", "ici")) and people_noun(word)


def people_noun(word: str, lemma: str | None = None) -> bool:
    """Whether a common noun (its form, or its lemma) names people, a group or a body."""
    low = word.lower()
    lem = (lemma or low).lower()
    if low in PEOPLE_NOUNS or lem in PEOPLE_NOUNS or lem in ORGANISATION_KIND_NOUNS or AGENTIVE.search(low):
        return True
    return _COMPOUND_HEAD.search(low) is not None
