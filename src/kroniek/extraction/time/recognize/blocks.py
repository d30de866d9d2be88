"""Building blocks of the Dutch time-expression grammar: alternations of month, weekday and unit
words, number words, relative modifiers ("vorige", "komende"), holidays, future markers."""

from __future__ import annotations

import re

from kroniek.analysis.numbers import NUMWORD_PATTERN

from ..words import HOUR_WORDS, MONTHS, SETS, UNITS, WEEKDAYS


def alt(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


MONTH = alt(MONTHS)
SETS_ALT = alt(SETS).replace("'", "['‘’]")
MONTH_FULL = alt([m for m in MONTHS if len(m) > 4 or m in ("mei", "juni", "juli")])
WEEKDAY = alt([w for w in WEEKDAYS if len(w) > 2])
UNIT = alt(UNITS)
PART = "ochtend|morgen|middag|avond|nacht"
NUM = (
    r"(?:\d+(?:,\d+)?|anderhalf|anderhalve|een\s+half|een\s+halve|een\s+kwart|half|enkele|"
    r"een\s+paar|paar|een\s+aantal|(?:een\s+)?½|[a-zë]++)"
)  # words are checked by parse_number
HOUR = r"(?:\d{1,2}|[a-zë]+)"  # words are checked when resolving
HOUR_W = alt(HOUR_WORDS)
#: hours with the colloquial -en ending: "om achten", "rond elven"
HOUR_EN = r"tweeën|drieën|vieren|vijven|zessen|zevenen|achten|negenen|tienen|elven|twaalven"
DAYPART = r"['‘’]s\s+(?:ochtends|morgens|middags|avonds|nachts)"
AMPM = r"\s*(?P<ap>[ap]\.?\s?m\.?)(?!\w)"
REL_PAST = r"vorige|vorig|verleden|afgelopen|voorbije|vorige|jongstleden|voorafgaande|voorgaande"
REL_FUT = r"volgende|volgend|komende|komend|aankomende|aanstaande|eerstvolgende|eerstkomende"
REL_THIS = r"deze|dit|huidige|lopende|huidig"

#: years written in words: "negentienachtentwintig", "negentienhonderd zesennegentig",
#: "tweeduizend (en) twintig" (checked by word_year when resolving)
WYEAR = (
    rf"(?:zeventien|achttien|negentien)(?:honderd)?\s?(?:en\s)?{NUMWORD_PATTERN}"
    rf"|tweeduizend\s?(?:en\s)?{NUMWORD_PATTERN}"
)
HOLIDAY = (
    r"pasen|paaszondag|eerste\s+paasdag|tweede\s+paasdag|paasmaandag|goede\s+vrijdag|palmzondag|palmpasen|witte\s+donderdag|"
    r"hemelvaartsdag|hemelvaart|pinksteren|eerste\s+pinksterdag|tweede\s+pinksterdag|"
    r"pinkstermaandag|kerstavond|kerstmis|kerst|eerste\s+kerstdag|tweede\s+kerstdag|"
    r"oudejaarsdag|oudejaarsavond|oudjaar|oud\s+en\s+nieuw|nieuwjaarsdag|nieuwjaar|"
    r"koningsdag|koninginnedag|bevrijdingsdag|dodenherdenking|valentijnsdag|"
    r"sinterklaas(?:avond)?|pakjesavond|moederdag|vaderdag|halloween|dag\s+van\s+de\s+arbeid|"
    r"prinsjesdag|black\s+friday|dag\s+van\s+de\s+aarde"
)

FUTURE_RE = re.compile(
    r"(?i)\b(?:zal|zullen|zult|zou\s+gaan|gaat|gaan|komende?|volgende?|aanstaande|a\.s\.|"
    r"morgen|overmorgen|binnenkort|straks|verwacht|gepland|van\s+plan)\b"
)
