"""Number forms the shared number grammar leaves to the figures stage (issue 17's news sets):
"de helft" (0.5), "een paar aanpassingen" (at least two), "een" as one before a unit ("een
cent", "bijna een procentpunt"; "slechts een formaliteit" is no count) and before "of twee" ("een
of twee keer": a range), and ages in years that look like
durations ("tussen de 18 en 35 jaar", "45 jaar en ouder", "25- tot 35-jarigen")."""

from __future__ import annotations

import re

from kroniek.analysis.numbers import UNITS, NumberMatch, normalise, parse_compound
from kroniek.lexicon.ages import AGE_YEARS_AFTER, AGE_YEARS_BEFORE

from .tables import CUR_ALT, MEAS_ALT, TIME_UNITS

_HALF = re.compile(r"(?i)(?<![\w])de\s+helft\b")
_FEW = re.compile(
    rf"(?i)(?<![\w])een\s+paar(?=\s+(?!{TIME_UNITS}\b|honderd|duizend|miljoen|miljard|keer\b|\w+jes\b)[a-zà-ÿ][\w-]*(?:en|s)\b)"
)
_ONE_UNIT = re.compile(
    rf"(?i)(?<![\w])een(?=\s+(?:{CUR_ALT}|{MEAS_ALT}|procentpunt|procent|cent|pond)(?![\w]))"
)

#: "een of twee", "één tot twee", "een à twee": one as the low end of a range of number words
_ONE_TO = re.compile(r"(?i)(?<![\w])(?:een|één|eén)(?=\s+(?:of|tot|à|a)\s+(?:twee|drie|vier|vijf)\b)")
#: a number word glued to "-jarige(n)" ("elfjarige") and to "maal" ("tweemaal")
_GLUED_AGE = re.compile(r"(?i)(?<![\w-])(?P<n>[a-zë]{3,}?)(?=jarigen?\b)")
_TIMES = re.compile(rf"(?i)(?<![\w-])(?P<n>{'|'.join(w for w in UNITS if UNITS[w] > 1)}|tien)maal\b")
#: "25- tot 35-jarigen": the first age of a range of ages written once
_AGE_RANGE = re.compile(r"(?<![\w-])(?P<a>\d{1,3})-\s+(?:tot|en|of)\s+(?P<b>\d{1,3})-jarige?n?\b")


def extra_numbers(text: str) -> list[NumberMatch]:
    """Numbers in the forms above, as the number grammar writes its matches."""
    out = [NumberMatch(m.start(), m.end(), m.group(), 0.5, "fraction") for m in _HALF.finditer(text)]
    out += [NumberMatch(m.start(), m.end(), m.group(), 2, "plural") for m in _FEW.finditer(text)]
    out += [
        NumberMatch(m.start(), m.end(), m.group(), 0.01 if text[m.end() : m.end() + 5].strip().lower() == "cent" else 1,
                    "cardinal")
        for m in _ONE_UNIT.finditer(text)
    ]  # ("een cent" is a hundredth of a euro)
    out += [NumberMatch(m.start(), m.end(), m.group(), 1, "cardinal") for m in _ONE_TO.finditer(text)]
    for m in _GLUED_AGE.finditer(text):  # "elfjarige", "tweeëntwintigjarige": a number word glued to "-jarige"
        value = parse_compound(normalise(m.group("n").lower()))
        if value is not None and 0 < value < 120:
            out.append(NumberMatch(m.start("n"), m.end("n"), m.group("n"), value, "cardinal"))
    for m in _TIMES.finditer(text):  # "tweemaal", "driemaal": a count
        value = parse_compound(normalise(m.group("n").lower()))
        if value is not None:
            out.append(NumberMatch(m.start(), m.end(), m.group(), value, "cardinal"))
    return out


def merge_numbers(nums: list[NumberMatch], extra: list[NumberMatch]) -> list[NumberMatch]:
    """The grammar's numbers with the extra ones that overlap none of them, in text order."""
    kept = [x for x in extra if not any(n.start < x.end and x.start < n.end for n in nums)]
    return sorted(nums + kept, key=lambda n: n.start) if kept else nums


def age_in_years(text: str, n: NumberMatch) -> bool:
    """Whether "N jaar" after ``n`` is an age ("45 jaar en ouder", "tussen de 18 en 35 jaar")."""
    if n.kind != "cardinal" or not 0 < n.value < 120:
        return False
    if AGE_YEARS_AFTER.match(text, n.end) and re.match(r"(?i)\s*jaar\b", text[n.end : n.end + 8]):
        return True
    return bool(re.match(r"(?i)\s*jaar\b", text[n.end : n.end + 8])) and bool(
        AGE_YEARS_BEFORE.search(text, max(0, n.start - 45), n.start)
    )


def age_range_start(text: str, n: NumberMatch) -> int | None:
    """For the "35" of "25- tot 35-jarigen": the value of the first age (25), else None."""
    for m in _AGE_RANGE.finditer(text, max(0, n.start - 20), n.end + 12):
        if m.start("b") == n.start:
            return int(m.group("a"))
    return None
