"""Figures stage: reported numbers with qualifier, kind, unit, subject, place and source.

Numbers come from :mod:`kroniek.analysis.numbers`; the cues around them (``naar schatting``,
``procent``, ``volgens X``) are read with precompiled regexes over the sentence, so the stage
costs a few regex passes per sentence. Years, dates, clock times, house/article/phone numbers and
list numbering are not figures (the word tables and patterns live in :mod:`figures_tables`).
Two numbers joined by ``tot``/``à``/``of``/``-`` make one range figure; ``van X naar Y``, and ``van
X tot Y`` with a verb of change, make one ``change`` figure (``value`` new, ``value_from`` old).
``Figure.time`` is filled later by the timexes stage.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from kroniek.analysis.numbers import NumberMatch, find_numbers, parse_number
from kroniek.model import Document, Figure
from kroniek.pipeline.registry import stage

from .extras import age_in_years, age_range_start, extra_numbers, merge_numbers
from .subjects import FRACTION_OF_RE, OF_AFTER_WORD_RE, dep_noun_phrase, is_noun, noun_phrase
from .tables import (
    AGE_OF_AFTER_RE,
    AGE_OF_RE,
    AGE_PAREN_RE,
    AGE_RE,
    BARE_SCALE,
    CHANGE_RE,
    CLOCK_PREP_RE,
    CLOCK_RE,
    CUR_AFTER_RE,
    CUR_BEFORE_RE,
    CURRENCIES,
    DAT_RE,
    DATE_AFTER_RE,
    DATE_BEFORE_RE,
    DECADE_BEFORE_RE,
    DEMONYM,
    FEW_RE,
    HALF_HOUR_BEFORE_RE,
    HALF_RE,
    IDIOM_RE,
    LIST_RE,
    MEAS_RE,
    MEASURES,
    MONEY_WORD_RE,
    MONEY_WORDS,
    NAME_BEFORE_RE,
    OLD_YEAR_CTX_RE,
    ONE_OF_RE,
    PERCENT_RE,
    PHONE_RE,
    PREPOSITIONS,
    QUAL_RE,
    QUALIFIERS,
    RANGE_MID_RE,
    RANGE_PRE_RE,
    REF_BEFORE_RE,
    REF_WORD_BEFORE_RE,
    SCALE_END_RE,
    SCALE_VALUES,
    SCORE_RE,
    STOP,
    STREET_BEFORE_RE,
    TIMEUNIT_RE,
    TON_MONEY_RE,
    TON_RE,
    TON_WEIGHT_RE,
    VOLGENS_RE,
    YEAR_AFTER_RE,
    YEAR_CTX_RE,
)


def _sentence_bounds(doc: Document) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in doc.sentences] or [(0, len(doc.text))]


def _is_not_figure(text: str, n: NumberMatch, sent_start: int) -> bool:
    """Years, dates, clock times, references, phone and list numbers are not figures."""
    before = text[max(sent_start, n.start - 40) : n.start]
    after = text[n.end : n.end + 30]
    raw = n.text.replace("−", "-").lstrip("-")
    is_int_digits = raw.isdigit()
    if (
        n.kind == "cardinal"
        and n.value in (10, 20, 30, 40, 50, 60, 70, 80, 90)
        and DECADE_BEFORE_RE.search(before)
    ):
        return True
    if (
        after[:1].isalpha()
        and n.text[-1:].isdigit()
        and not (PERCENT_RE.match(after) or CUR_AFTER_RE.match(after) or MEAS_RE.match(after))
    ):
        return True  # glued to letters: "5G", "50Plus", "34ste", "19de-eeuwse"
    if n.kind == "cardinal" and REF_WORD_BEFORE_RE.search(before):
        return True
    if re.match(r"(?i)^-(?:plussers?|minners?)\b", after):
        return True  # "65-plussers" names a group
    if re.search(r"\b[A-Z]{1,3}-$", before):
        return True  # a type name: "F-16", "MH-17"
    if n.value == 0 and re.match(r"(?i)^\s*(?:onder|boven)\s*$", before[-7:]):
        return True  # "onder nul" belongs to the temperature before it
    if is_int_digits:
        if len(raw) >= 8 and raw.startswith("0"):
            return True  # phone number
        if len(raw) == 4 and 1500 <= int(raw) <= 2100 and n.value == int(raw):
            nxt = after.lstrip()[:1]
            name = NAME_BEFORE_RE.search(before)
            if (
                YEAR_CTX_RE.search(before)
                or YEAR_AFTER_RE.match(after)
                or (name and name.group("name").lower() not in STOP)  # "Sportman 2018 werd ..."
                or not nxt
                or not nxt.isalpha()
                or nxt.isupper()
            ):
                return True
        if len(raw) == 4 and 1000 <= int(raw) < 1500 and OLD_YEAR_CTX_RE.search(before):
            return True  # "uit de periode 1300 tot 1500", "anno 1248"
        if DATE_AFTER_RE.search(after) or DATE_BEFORE_RE.search(before):
            return True
        if STREET_BEFORE_RE.search(before) or SCORE_RE.match(after):
            return True
        if LIST_RE.match(text[sent_start : n.start]) and re.match(r"^[.)]\s", after):
            return True
        if LIST_RE.match(text[sent_start : n.start]) and int(raw) <= 30:
            m = re.match(r"^\s+([A-Z][a-z]+)\b", after)
            if m and not DEMONYM.search(m.group(1)):
                return True  # numbered questions: "2 Hoe heeft het zover kunnen komen?"
        if _is_name_number(before, after):
            return True
    if n.text[:1].isdigit() and CLOCK_RE.match(after):
        return True
    if n.value <= 12 and HALF_HOUR_BEFORE_RE.search(before):
        return True  # "half vier", "kwart over drie": clock times
    if re.match(r"^[.,]\d", after) or re.search(r"\d[.,:/]$", before):
        return True  # a fragment of a time, version or ip address
    if REF_BEFORE_RE.search(before) and n.kind == "cardinal" and is_int_digits:
        return True
    if CLOCK_PREP_RE.search(before) and is_int_digits and n.value <= 24:
        nxt = after.lstrip()
        if not nxt[:1].isalpha() or nxt[:1].isupper() or re.match(r"(?i)'s\b|uur\b", nxt):
            return True
    # durations and "drie weken geleden" belong to the timexes stage; ages in years do not
    return bool(TIMEUNIT_RE.match(after) and not AGE_RE.match(after) and not age_in_years(text, n))


def _is_name_number(before: str, after: str) -> bool:
    """A number that is part of a name: "Boeing 737 MAX", "Sportman 2018 werd", "zie Regio 1"."""
    m = NAME_BEFORE_RE.search(before)
    if not m:
        return False
    name, prev = m.group("name"), (m.group("prev") or "").lower()
    if name.lower() in STOP or name.lower() in QUALIFIERS or prev in PREPOSITIONS:
        return False
    nxt = after.lstrip()[:1]
    return not nxt or not nxt.isalpha() or nxt.isupper()


def _qualifier(text: str, n: NumberMatch, sent_start: int) -> tuple[str, int]:
    before = text[max(sent_start, n.start - 45) : n.start]
    m = QUAL_RE.search(before)
    if m:
        return QUALIFIERS[m.group("q").lower()], n.start - len(before) + m.start()
    m = _ABOVE_BELOW.search(before)
    if m and _MEASURE_AFTER.match(text, n.end):
        # "boven 100 meter", "onder 5 procent" (but "boven 12 winkels" is a place)
        return ("more_than" if m.group(1).lower() == "boven" else "less_than"), n.start - len(
            before
        ) + m.start()
    return ("about" if n.kind == "plural" else "exact"), n.start


_ABOVE_BELOW = re.compile(r"(?i)\b(boven|onder)\s+$")
_MEASURE_AFTER = re.compile(
    r"(?i)\s*(?:%|procent|procentpunt|graden|°|meter|m|km|kilometer|cm|mm|kilo|kg|gram|liter|ton|"
    r"euro|€|dollar|\$|pond|jaar|km/u)(?!\w)"
)


def _kind_unit(text: str, n: NumberMatch) -> tuple[str, str | None, int, int]:
    """Kind, unit and the widened span (currency sign before, unit word after)."""
    start, end = n.start, n.end
    after = text[n.end : n.end + 40]
    before = text[max(0, n.start - 6) : n.start]
    if n.text[-1:].isalpha() and n.text.lower().rstrip("s").endswith("je"):
        return "money", "EUR", start, end  # "een tientje"
    m = PERCENT_RE.match(after)
    if m:
        return (
            "percent",
            "procentpunt" if "punt" in m.group(1).lower() else "%",
            start,
            end + m.end(),
        )
    m = CUR_BEFORE_RE.search(before)
    if m:
        return "money", CURRENCIES[m.group("c").lower()], start - (len(before) - m.start()), end
    m = CUR_AFTER_RE.match(after)
    if m:
        return "money", CURRENCIES[m.group("c").lower()], start, end + m.end()
    m = AGE_RE.match(after)
    if m:
        return "age", "jaar", start, end + m.end()
    if n.kind == "cardinal" and n.text.isdigit() and 0 < n.value < 120:
        wide = text[max(0, n.start - 40) : n.start]
        if (AGE_PAREN_RE.search(wide) and after.startswith(")")) or (
            AGE_OF_RE.search(wide) and AGE_OF_AFTER_RE.match(after)
        ):
            return "age", "jaar", start, end
    m = MEAS_RE.match(after)
    if m and not (m.group("m") in ("m", "l") and n.kind != "cardinal"):
        if _ton_is_money(text, n.end):
            return "money", "EUR", start, end + m.end()
        return "measure", MEASURES[m.group("m").lower()], start, end + m.end()
    if n.kind == "fraction":
        return "fraction", None, start, end
    return "count", None, start, end


def _sources(doc: Document, sents: list[tuple[int, int]], si: int, pos: int) -> tuple[str, ...]:
    for q in doc.quotes:
        if q.content.start <= pos < q.content.end:
            if q.source_chain:
                return tuple(q.source_chain)
            if q.speaker_name:
                return (q.speaker_name,)
    text = doc.text
    s, e = sents[si]
    m = VOLGENS_RE.search(text, s, e)
    if m:
        return (_strip_article(m.group("s")),)
    if si + 1 < len(sents):
        ns, ne = sents[si + 1]
        m = DAT_RE.match(text[ns:ne])
        if m:
            chain = [_strip_article(m.group("s"))]
            if m.group("s2"):
                chain.insert(0, _strip_article(m.group("s2")))
            return tuple(chain)
    return ()


def _strip_article(name: str) -> str:
    return re.sub(r"(?i)^(?:de|het)\s+", "", name.strip())


def _places(doc: Document, s: int, e: int) -> tuple[str, ...]:
    names: list[str] = []
    if doc.entities:
        names = [x.entity for x in doc.entities if x.label == "LOC" and s <= x.start < e]
    elif doc.analysis is not None:
        names = [x.text for x in doc.analysis.ents if x.label_ in ("LOC", "GPE") and s <= x.start_char < e]
    return tuple(dict.fromkeys(names))


def _ton_is_money(text: str, pos: int) -> bool:
    """Whether "ton" right after ``pos`` is 100,000 euro: money words near it and no goods."""
    if not TON_RE.match(text[pos : pos + 10]):
        return False
    window = text[max(0, pos - 80) : pos + 60]
    return bool(TON_MONEY_RE.search(window)) and not TON_WEIGHT_RE.search(window)


def _with_money_words(text: str, nums: list[NumberMatch]) -> list[NumberMatch]:
    """Add coins and notes by name ("een tientje", "twee vijfjes") as money amounts."""
    extra = []
    for m in MONEY_WORD_RE.finditer(text):
        count = parse_number(m.group("n")) if m.group("n") else None
        start = m.start() if count is not None else m.start("w")
        value = (count or 1) * MONEY_WORDS[m.group("w").lower()]
        extra.append(NumberMatch(start, m.end(), text[start : m.end()], value, "cardinal"))
    for m in re.finditer(r"(?i)(?<![\w])(een|één)(?=\s+ton\b)", text):
        if _ton_is_money(text, m.end()):  # "een ton schadegeld"
            extra.append(NumberMatch(m.start(), m.end(), m.group(), 1, "cardinal"))
    if not extra:
        return nums
    kept = [n for n in nums if not any(x.start < n.end and n.start < x.end for x in extra)]
    return sorted(kept + extra, key=lambda n: n.start)


def _same_unit(unit: str, text: str, second: NumberMatch) -> bool:
    """Whether the number after "6 procent tot ..." has the first one's unit too."""
    kind, _, _, _ = _kind_unit(text, second)
    return kind == ("percent" if unit.lower() in ("procent", "%") else "money")


def _shared_scale(first: NumberMatch, second: NumberMatch) -> float:
    """The first number of "6 of 7 miljoen" carries the second's scale: 6 million."""
    m = SCALE_END_RE.search(second.text)
    if not m or SCALE_END_RE.search(first.text) or first.kind != "cardinal":
        return float(first.value)
    scale = SCALE_VALUES[m.group(1).lower().rstrip(".")]
    scaled = first.value * scale
    return scaled if scaled <= second.value * 10 else float(first.value)


def extract_figures(doc: Document) -> list[Figure]:
    """All figures in the document, ranges and changes merged, in text order."""
    text = doc.text
    sents = _sentence_bounds(doc)
    starts = [s for s, _ in sents]
    nums = merge_numbers(_with_money_words(text, find_numbers(text)), extra_numbers(text))
    phones = [(m.start(), m.end()) for m in PHONE_RE.finditer(text)]
    phones = [(a, b) for a, b in phones if 9 <= sum(c.isdigit() for c in text[a:b]) <= 12]
    sdoc = doc.analysis
    has_dep = sdoc is not None and sdoc.has_annotation("DEP")
    figures: list[Figure] = []
    i = 0
    while i < len(nums):
        n = nums[i]
        si = max(0, bisect_right(starts, n.start) - 1)
        s, e = sents[si]
        i += 1
        if _is_not_figure(text, n, s) or any(a <= n.start < b for a, b in phones):
            continue
        if n.value == 1 and n.text.lower() in ("één", "eén") and ONE_OF_RE.match(text[n.end :]):
            continue
        w0 = max(0, n.start - 20)
        if any(m.start() + w0 <= n.start < m.end() + w0 for m in IDIOM_RE.finditer(text[w0 : n.end + 20])):
            continue
        value = float(n.value)
        value_max = value_from = None
        qualifier, qstart = _qualifier(text, n, s)
        if n.kind == "plural" and qualifier in ("exact", "about"):
            qualifier = "at_least"  # "duizenden": at least two thousand
        elif (n.text.lower() in BARE_SCALE or n.text.lower().endswith("jes")) and (
            few := FEW_RE.search(text[max(s, n.start - 20) : n.start])
        ):
            value, qualifier = 2 * value, "at_least"  # "een paar honderd": at least 200
            qstart = n.start - (len(text[max(s, n.start - 20) : n.start]) - few.start())
        last = n
        mid_m = (
            RANGE_MID_RE.match(text[n.end : nums[i].start]) if i < len(nums) and nums[i].start < e else None
        )
        if mid_m and mid_m.group("unit") and not _same_unit(mid_m.group("unit"), text, nums[i]):
            mid_m = None  # "steeg met 195 procent tot 1,6 miljoen euro": two different things
        if mid_m:
            mid = mid_m.group("mid").lower()
            nxt = nums[i]
            before = text[max(s, n.start - 12) : n.start]
            pre = RANGE_PRE_RE.search(before)
            first = _shared_scale(n, nxt)
            change = (
                pre is not None
                and pre.group().lower().startswith("van")
                and (mid == "naar" or (mid.startswith("tot") and CHANGE_RE.search(text, s, e)))
            )
            if change:
                last, value_from, value, qualifier = nxt, first, float(nxt.value), "change"
            elif mid != "naar" and (mid != "en" or (pre and pre.group().lower().startswith("tussen"))) \
                    and nxt.value > first:  # "tussen 12 en 14" is a range, "van 12 en 14 jaar oud" two ages
                last, value, value_max, qualifier = nxt, first, float(nxt.value), "range"
            elif mid.startswith("tot") and pre is None and 0 < nxt.value < first:
                # a range written from high to low ("groei van 1,8 tot 1,6 procent" without a
                # change verb, "1,8 tot 1,6 procent"): the same interval
                last, value, value_max, qualifier = nxt, float(nxt.value), first, "range"
            if last is nxt:
                if pre:
                    qstart = n.start - (len(before) - pre.start())
                i += 1
                after = text[nxt.end : nxt.end + 30]
                if TIMEUNIT_RE.match(after) and not AGE_RE.match(after) and not age_in_years(text, nxt):
                    continue  # "twee of drie jaar" is a duration: the timexes stage's
        kind, unit, start, end = _kind_unit(text, last)
        if age_in_years(text, last):
            years = re.match(r"\s*jaar\b", text[end:])  # (not when the unit already took "jaar oud")
            kind, unit, end = "age", "jaar", end + (years.end() if years else 0)
        if kind == "age" and qualifier == "almost" and text[qstart : n.start].lower().startswith("tegen"):
            qualifier, qstart = "exact", n.start  # "Tegen de 33-jarige": against, not almost
        if kind == "age" and value_max is None and (first_age := age_range_start(text, last)) is not None:
            value, value_max, qualifier = float(first_age), value, "range"  # "25- tot 35-jarigen"
            qstart = text.rfind(str(first_age), 0, n.start)
        if kind == "money" and TON_RE.match(text[last.end : last.end + 10]):
            value *= 1e5  # "acht ton" is 800,000 euro
            value_max = value_max * 1e5 if value_max is not None else None
            value_from = value_from * 1e5 if value_from is not None else None
        if kind == "money" and start > n.start:
            start = n.start
        start = min(start, qstart, n.start)
        if re.match(r"(?i)^\s*(?:of|en)\s+(?:meer|hoger|ouder)\b(?!\s+dan)", text[end : end + 18]):
            qualifier = "at_least"
        elif re.match(r"(?i)^\s*(?:of|en)\s+(?:minder|lager|jonger)\b", text[end : end + 12]):
            qualifier = "at_most"
        subject = None
        # "een kwart van alle huishoudens": the phrase after "van" is what the fraction is of,
        # whatever the parser made the fraction's head (it may hang it on a later noun)
        of = FRACTION_OF_RE.match(text, end, e) if kind == "fraction" else None
        if of:
            np = (None, of.group(1))
        else:
            np = dep_noun_phrase(sdoc, last.start, last.end) if has_dep else None
        if np is None:
            np = noun_phrase(text, end, e)
        noun, subject = np
        if noun and noun.lower() == "van":  # "een derde van de ...": the parse took the preposition
            noun, subject = None, None
        if kind == "count" and noun:
            unit = noun
        elif (
            kind == "fraction"
            and noun
            and HALF_RE.search(n.text)
            and (m := re.match(rf"\s+{re.escape(noun)}\b", text[end:e]))
            and is_noun(sdoc, end + m.end() - len(noun), noun)
        ):
            unit = noun  # "een half bos", "een halve marathon" ("een derde keer" is an ordinal)
        elif kind in ("fraction", "percent") and subject is None:
            m = OF_AFTER_WORD_RE.match(text, end, e)
            subject = m.group(1) if m else None
        figures.append(
            Figure(
                start=start,
                end=end,
                text=text[start:end],
                value=value,
                value_max=value_max,
                qualifier=qualifier,
                unit=unit,
                kind=kind,
                subject=subject,
                place=_places(doc, s, e),
                source_chain=_sources(doc, sents, si, n.start),
                value_from=value_from,
            )
        )
    return figures


@stage("figures", requires={"sentences"}, provides={"figures"}, version=8)  # 8: "een vrouw van 21 jaar" is an age, "een of twee" a range; 7: ages with a copula ("toen hij 11 jaar was", "hij is 30 jaar"); 6: comparatives ("zwaarder dan"), "van 12 en 14" two figures, "geen 30 miljoen"; 4: "de helft", "een paar", ages in years; 5: "half miljoen", ranges written high to low
def find_figures(doc: Document) -> Document:
    """Fill ``doc.figures`` from the article body."""
    doc.figures = extract_figures(doc)
    return doc
