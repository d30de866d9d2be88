"""Word tables and regexes for the Dutch time-expression grammar (kept apart from resolution)."""

from __future__ import annotations

import re

from kroniek.analysis.numbers import NUMWORD_PATTERN

from .tables import (  # noqa: F401  (re-exported for the resolver)
    DECADES,
    FUTURE_REF,
    HOUR_WORDS,
    MONTHS,
    PARTS,
    PAST_REF,
    PLURAL_UNITS,
    PRESENT,
    SEASONS,
    SETS,
    UNITS,
    WEEKDAYS,
)


def _alt(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


MONTH = _alt(MONTHS)
SETS_ALT = _alt(SETS).replace("'", "['‘’]")
MONTH_FULL = _alt([m for m in MONTHS if len(m) > 4 or m in ("mei", "juni", "juli")])
WEEKDAY = _alt([w for w in WEEKDAYS if len(w) > 2])
UNIT = _alt(UNITS)
PART = "ochtend|morgen|middag|avond|nacht"
NUM = (
    r"(?:\d+(?:,\d+)?|anderhalf|anderhalve|een\s+half|een\s+halve|een\s+kwart|half|enkele|"
    r"een\s+paar|paar|een\s+aantal|(?:een\s+)?½|[a-zë]++)"
)  # words are checked by parse_number
HOUR = r"(?:\d{1,2}|[a-zë]+)"  # words are checked when resolving
HOUR_W = _alt(HOUR_WORDS)
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
    r"pasen|paaszondag|eerste\s+paasdag|tweede\s+paasdag|paasmaandag|goede\s+vrijdag|"
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

# (name, regex); longer matches win over shorter ones, earlier entries win ties.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (n, re.compile(p, re.IGNORECASE))
    for n, p in [
        ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
        (
            "numdate",
            (
                rf"(?<![\d./-])(?P<d>\d{{1,2}})(?P<sep>[-/.])(?P<m>\d{{1,2}}|{MONTH})[-/.]"
                rf"(?P<y>\d{{4}}|(?!(?<=\.)\d\d\b)\d{{2}})(?![\d/-])"
            ),
        ),
        (
            "numdm",
            (
                rf"(?<![\d./,-])(?P<d>\d{{1,2}})[-/](?P<m>\d{{1,2}}|{MONTH})(?:,\s*(?P<y>\d{{4}}))?"
                rf"(?![\d/-]|[.,]\d)"
            ),
        ),
        (
            "wd_numdm",
            (
                rf"\b(?:(?P<rel>deze|volgende|vorige)\s+)?(?:(?P<wd>{WEEKDAY})\s+)?(?<![\d./,-])"
                rf"(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?![\d/]|[.,]\d)"
            ),
        ),
        (
            "numym",
            (
                r"(?<![\d./-])(?:(?P<y>(?:19|20)\d{2})\s?[-/]\s?(?P<m>\d{1,2})|(?P<m2>\d{1,2})"
                r"\s?[-/]\s?(?P<y2>(?:19|20)\d{2}))(?![\d/-]|\s?[-/]\s?\d)"
            ),
        ),
        (
            "date",
            (
                rf"\b(?:(?:{WEEKDAY}),?\s+)?(?:de\s+)?(?:(?P<d>\d{{1,2}})(?:e|ste|de)?\s*|(?P<dw>[a-zë]+)\s+)"
                rf"(?:van\s+)?(?P<m>{MONTH})\b\.?(?:,?\s+(?:(?:van|in)\s+)?(?:(?P<y>\d{{4}}|{WYEAR}|"
                rf"tweeduizend)\b|'(?P<y2>\d{{2}})\b))?"
            ),
        ),
        (
            "date_rel",
            (
                rf"\b(?:de\s+)?(?:(?P<d>\d{{1,2}})\s?(?:e|ste|de)|(?P<dw>[a-zë]+(?:ste|de)))\s+(?:dag\s+van\s+"
                rf"(?:de\s+)?(?:(?P<rel>{REL_PAST}|{REL_FUT}|{REL_THIS})\s+maand|(?P<m>{MONTH_FULL})|"
                rf"(?P<cur>(?<=de\s)maand))|van\s+"
                rf"(?:de\s+)?(?P<rel2>{REL_PAST}|{REL_FUT}|{REL_THIS})\s+maand)\b"
            ),
        ),
        (
            "nth_wd",
            (
                rf"\b(?:de\s+)?(?P<nth>eerste|tweede|derde|vierde|vijfde|laatste|\d(?:e|ste|de))\s+"
                rf"(?P<wd>{WEEKDAY})(?:\s+van\s+(?:de\s+)?(?:(?P<m>{MONTH_FULL})(?:\s+(?P<y>\d{{4}}))?|"
                rf"(?P<rel>{REL_PAST}|{REL_FUT}|{REL_THIS})\s+maand))?\b"
            ),
        ),
        (
            "wd_day",
            rf"\b(?P<wd>{WEEKDAY})\s+de\s+(?:(?P<d>\d{{1,2}})(?:e|ste|de)|(?P<dw>[a-zë]+(?:ste|de)))\b",
        ),
        (
            "wd_bareday",
            (
                rf"\b(?P<wd>{WEEKDAY})\s+(?P<d>\d{{1,2}})(?:e|ste|de)?"
                rf"(?=\s*(?:[!?;]|\.(?!\d)|$)|\s+(?:om|tussen|van|rond|vanaf)\s)"  # not 'maandag 20.00 uur'
            ),
        ),
        (
            "week_wd",
            (
                rf"\b(?:(?P<rel>{REL_PAST}|{REL_FUT}|{REL_THIS})\s+week\s+(?:op\s+)?(?P<wd>{WEEKDAY})|"
                rf"(?P<wd2>{WEEKDAY})\s+(?:van\s+(?:de\s+)?)?(?P<rel2>{REL_PAST}|{REL_FUT}|{REL_THIS})\s+week)\b"
            ),
        ),
        (
            "month_year",
            (
                rf"\b(?:(?P<mod>begin|eind|eind|medio|half|halverwege|midden|vanaf|sinds|tot)\s+)?"
                rf"(?P<m>{MONTH})\.?(?:\s*[-/,]\s*|\s+(?:(?:van|in)\s+)?)(?P<y>\d{{4}}|{WYEAR})\b"
                rf"|\b(?P<y0>(?:19|20)\d{{2}}),?\s+(?P<m0>{MONTH})\b\.?(?!\s*\d)"
            ),
        ),
        (
            "month",
            (
                rf"\b(?:(?P<mod>begin|eind|medio|half|halverwege|midden|vanaf|sinds|tot|in)\s+)?"
                rf"(?:(?P<rel>{REL_PAST}|{REL_FUT}|{REL_THIS})\s+)?(?P<m>{MONTH_FULL})\b"
            ),
        ),
        ("dayonly", r"\b(?:op\s+)?de\s+(?P<d>\d{1,2})(?:e|ste|de)\b(?!\s+(?:eeuw|plaats|keer))"),
        (
            "half_year",
            (
                rf"\b(?:h(?P<h>[12])(?:\s*-\s*|\s+)(?P<y>\d{{4}})|(?:de\s+)?(?P<hw>eerste|tweede)\s+"
                rf"(?:jaar)?helft\s+van\s+(?:(?P<y2>\d{{4}})|(?:het\s+)?(?P<rel>{REL_PAST}|{REL_FUT}|"
                rf"{REL_THIS})\s+jaar))\b"
            ),
        ),
        (
            "story_day",
            (
                r"\b(?:de\s+)?(?:(?:daarop|erop)?volgende\s+dag|dag\s+(?:erna|daarna|daarop|nadien|"
                r"ervoor|daarvoor|voordien))\b"
            ),
        ),
        (
            "nth_wd_from",
            (
                rf"\b(?:over\s+)?(?P<n>{NUM})\s+(?P<wd>{WEEKDAY})(?:en|s)\s+(?:(?P<dir>vanaf|na)\s+"
                rf"(?:nu|vandaag)|(?P<dir2>later|verder|geleden|terug))\b"
            ),
        ),
        (
            "month_abbr",
            (
                r"\b(?P<mod>na|voor|sinds|vanaf|tot|in|eind|begin|medio)\s+"
                r"(?P<m>febr?|mrt|apr|aug|sept|okt|nov|dec)\b\.?(?!\s*[\d'])"
            ),
        ),
        (
            "dayclock",
            r"\b(?:op\s+)?de\s+(?P<d>\d{1,2})(?=\s+(?:van|tussen)\s+\d{1,2}[.:]\d{2}\b)",
        ),
        (
            "dayword",
            (
                r"(?=[ovnts])\b(?:op|voor|na|tot|vanaf|sinds)\s+de\s+(?P<dw>[a-zë]+(?:ste|de))"
                r"(?:(?=\s+(?:terug|weer)\b)|(?<!eerste)(?<!tweede)(?<!derde)(?<!vierde)(?<!vijfde)"
                r"(?=\s*(?:[.!?]|$)))"
            ),
        ),
        (
            "month_day",
            rf"\b(?P<m>{MONTH_FULL})\s+de\s+(?P<d>\d{{1,2}})(?:e|ste|de)\b",
        ),
        (
            "year",
            (
                r"(?:\b(?P<pre>in|sinds|vanaf|tot|van|na|voor|eind|begin|medio|halverwege|rond|"
                r"het\s+jaar|jaar|kalenderjaar|boekjaar|anno|tussen|en|t/m|(?:later|eerder|vroeger)\s+dan|"
                # "het schilderij uit 1998 (figureerden)" (not "uit 1500 kandidaten", "uit 2000
                # inzendingen": a round count before a plural noun)
                r"uit(?=\s+(?:19\d|20[0-2])\d\b)(?!\s+(?:1900|2000)\s+[a-zà-ÿ]+(?:en|s)\b)|"
                r"tot\s+en\s+met|midden)\s+(?:(?:het\s+)?(?:begin|eind|midden)\s+(?:van\s+)?)?|\(|"
                r"(?<![\w=<>])[<>≤≥]?\s?=\s*|(?<![\w=<>])[<>≤≥]\s*)"
                # a 21xx year only before a clause end: "eindigt in 2150." (not "in 2100 gemeenten")
                r"(?P<y>(?:1[5-9]|20)\d{2}|21\d{2}(?=\s*(?:[,.;:!?)]|$)))\b(?!\s*(?:procent|%|euro|mensen|keer|[.,]\d))"
            ),
        ),
        ("year_or", r"\b(?P<y>(?:1[5-9]|20)\d{2})\s+of\s+(?:later|eerder|daarna|vroeger)\b"),
        (
            "wyear",
            rf"\b(?:(?:het\s+)?jaar\s+)?(?P<y>{WYEAR})\b",
        ),
        (
            "week_of",
            (
                rf"\b(?:de\s+)?(?P<nth>eerste|tweede|derde|vierde|vijfde|laatste|[1-5](?:e|ste|de))"
                rf"\s+week\s+(?:van|in)\s+(?:(?P<m>{MONTH})\b(?:\s+(?P<y>\d{{4}}|{WYEAR})\b)?|"
                rf"(?:de\s+|het\s+)?(?P<rel>{REL_PAST}|{REL_FUT}|{REL_THIS})\s+(?P<u>maand|jaar)\b|"
                rf"(?P<y2>\d{{4}}|{WYEAR})\b)"
            ),
        ),
        (
            "period_edge",
            (
                r"\b(?:aan\s+)?(?:het\s+)?(?P<mod>begin|eind|einde|midden)\s+van\s+"
                r"(?:de|het|deze|dit)\s+(?P<u>dag|week|maand|jaar)\b"
            ),
        ),
        (
            "to_date",
            (
                r"\b(?:het|dit|deze)\s+(?P<u>jaar|kwartaal|maand|week)\s+tot\s+(?:op\s+heden|nu(?:\s+toe)?|"
                r"dusverre?|zover)\b"
            ),
        ),
        (
            "in_period",
            (
                r"\b(?P<mod>eerder|later|vroeg|laat)\s+(?:in|op)\s+(?:de|het)\s+"
                r"(?P<u>dag|week|maand|jaar)\b"
            ),
        ),
        (
            "same_period",
            (
                r"\b(?:dezelfde|hetzelfde|datzelfde|diezelfde|die|dat)\s+"
                r"(?P<u>dag|week|weekend|maand|jaar)\b(?!\s+(?:en|of)\s+nacht)"
            ),
        ),
        (
            "holiday",
            (
                rf"(?=[a-z])\b(?:(?P<rel>{REL_PAST}|{REL_FUT}|{REL_THIS}|laatste|voorgaande|eropvolgende)\s+)?"
                rf"(?P<h>{HOLIDAY})\b(?:\s+(?:van\s+)?(?P<y>\d{{4}})\b)?"
            ),
        ),
        (
            "decade",
            (
                rf"\b(?:de\s+)?jaren\s+(?:'|’)?(?P<dec>\d0|(?:19|20)\d0|{_alt(DECADES)}|{WYEAR}|"
                rf"tweeduizend|nul)\b"
            ),
        ),
        (
            "after_next",
            (
                r"\b(?:de|het)\s+(?P<u>week|weekend|maand|jaar)\s+na\s+(?:de\s+|het\s+)?"
                r"volgende\b"
            ),
        ),
        (
            "week_from",
            (
                rf"\b(?:de\s+)?week\s+(?:die\s+(?:op\s+)?(?P<d>\d{{1,2}})(?:e|ste|de)?\s+"
                rf"(?P<m>{MONTH})\b\.?\s+(?:begint|start|aanvangt)|(?:beginnend|startend|"
                rf"aanvangend)\s+(?:op\s+)?(?P<d2>\d{{1,2}})(?:e|ste|de)?\s+(?P<m2>{MONTH})\b\.?|"
                rf"van\s+(?P<d3>\d{{1,2}})(?:e|ste|de)?\s+(?P<m3>{MONTH_FULL})(?:\s+(?P<y3>\d{{4}}))?\b"
                rf"(?!\s+(?:\d|tot|t/m))|"
                rf"van\s+(?P<m4>{MONTH_FULL})\s+de\s+(?P<d4>\d{{1,2}})(?:e|ste|de)\b)"
            ),
        ),
        (
            "century",
            (
                r"\b(?:de\s+)?(?P<c>\d{2})(?:e|ste|de)\s+eeuw\b|\b(?:de\s+)?(?P<cw>[a-z]+tiende|"
                r"twintigste|eenentwintigste)\s+eeuw\b"
            ),
        ),
        (
            "quarter",
            (
                rf"\b(?:het\s+)?(?P<q>eerste|tweede|derde|vierde|laatste|[1-4](?:e|ste|de))\s+kwartaal"
                rf"(?:\s+(?:van\s+)?(?:(?P<y>\d{{4}}|{WYEAR})\b|(?P<rel>{REL_PAST}|{REL_FUT}|{REL_THIS})\s+jaar))?"
            ),
        ),
        (
            "quarter_k",
            (
                rf"\b(?:(?P<y0>\d{{4}})\s+)?[kq](?P<q>[1-4])\b(?:(?:\s+|-|\s+van\s+)(?:(?P<y>\d{{4}})|"
                rf"(?P<rel>{REL_PAST}|{REL_FUT}|{REL_THIS})\s+jaar))?"
            ),
        ),
        ("weekno", r"\bweek\s+(?P<w>\d{1,2})\b(?:\s+(?:van\s+)?(?P<y>\d{4}))?"),
        (
            "season",
            (
                rf"\b(?:(?P<rel>{REL_PAST}|{REL_FUT}|{REL_THIS}|de|het|in\s+de|in\s+het)\s+|"
                rf"(?P<yrel0>{REL_PAST}|{REL_FUT}|{REL_THIS})\s+jaar\s+)?"
                rf"(?P<s>{_alt(SEASONS)})(?![-/])(?:\s+(?:van\s+)?(?P<y>\d{{4}}|{WYEAR})|\s+(?:van\s+)?(?:het\s+)?"
                rf"(?P<yrel>{REL_PAST}|{REL_FUT}|{REL_THIS})\s+jaar)?\b"
            ),
        ),
        (
            "relday",
            (
                rf"\b(?P<w>eergisteren|gisteren|gister|vandaag|overmorgen|morgen|vanochtend|"
                rf"vanmorgen|vanmiddag|vanavond|vannacht|vanmiddag)(?P<part>{PART})?\b"
                # "morgen de ...", "vandaag de dag" are no days; "wordt X vandaag de grootste" is
                rf"(?:\s+(?:in\s+de\s+)?(?P<part2>{PART}))?(?!(?<=morgen)\s+(?:de|het)\b)(?!\s+de\s+dag\b)"
            ),
        ),
        (
            "this_part",
            r"\b(?:(?:later|vroeg)\s+)?deze\s+(?P<part>ochtend|middag|avond|nacht)\b",
        ),
        (
            "weekday",
            (
                rf"\b(?:(?P<rel>{REL_PAST}|{REL_FUT}|{REL_THIS})\s+)?(?P<wd>{WEEKDAY})(?P<part>{PART})?"
                rf"\b(?:\s+(?P<suf>jl\.|j\.l\.|a\.s\.|aanstaande|jongstleden|(?:in\s+de\s+)?(?:{PART})\b))?"
            ),
        ),
        (
            "relperiod",
            (
                rf"\b(?:(?P<mod>begin|eind|medio|halverwege|midden|later|eerder|vanaf|sinds)\s+)?"
                rf"(?:(?:de|het)\s+)?(?P<rel>{REL_PAST}|{REL_FUT}|{REL_THIS})\s+"
                rf"(?P<u>week|werkweek|maand|jaar|kalenderjaar|weekend|eeuw|decennium|kwartaal|jaren|weken|maanden|dag|"
                rf"dagen|decennia|eeuwen|uren|maanden|tijd|periode)\b"
            ),
        ),
        (
            "clock_is",  # before "duration", which it ties with: "het is zeven uur" (a clock, not a duration: "het is twee uur rijden")
            (
                rf"(?:(?<=het is )|(?<=het was )|(?<=het werd ))(?P<h>{HOUR_W}|\d{{1,2}})\s*uur\b"
                r"(?!\s+(?:[a-z]+en|lang|later|eerder|geleden|verder|per)\b)"
            ),
        ),
        (
            "reln",
            (
                rf"\b(?:(?:de|het)\s+)?(?P<rel>afgelopen|voorbije|komende|laatste|eerste|volgende|"
                rf"vorige|eerstvolgende|ruim|bijna|ongeveer)\s+(?P<n>{NUM})\s+(?P<u>{UNIT})\b"
            ),
        ),
        (
            "anchored",
            (
                rf"\b(?P<n>{NUM})\s+(?P<u>{UNIT})\s+(?:gerekend\s+|gezien\s+)?(?P<dir>vanaf|na|voor)\s+"
                r"(?P<anchor>morgen|vandaag|gisteren|nu)\b"
            ),
        ),
        (
            "ago",
            (
                rf"\b(?:(?:ruim|bijna|ongeveer|circa|zo'n|meer\s+dan|minder\s+dan|pas)\s+)?(?P<n>{NUM})"
                rf"\s+(?P<u>{UNIT})\s+(?P<dir>geleden|terug)\b"
            ),
        ),
        (
            "ahead",
            (
                rf"\b(?P<dir>over|binnen|na)\s+(?P<n>{NUM})\s+(?P<u>{UNIT})\b"
                rf"(?!\s+(?:geleden|oud|eerder|later)|\s+of\s+(?:\d+|wat|twee|drie|vier|vijf|zes|zeven|acht|"
                rf"negen|tien|elf|twaalf|[a-zë]+tig)\b)"
            ),
        ),
        ("since_n", rf"\b(?P<dir>sinds|al)\s+(?P<n>{NUM})\s+(?P<u>{UNIT})\b"),
        (
            "duration",
            (
                rf"\b(?:(?:ruim|bijna|ongeveer|circa|zo'n|meer\s+dan|minder\s+dan|minstens|"
                rf"ten\s+minste|hooguit|maximaal|nog|al|pas|slechts)\s+)?(?P<n>{NUM})\s*"
                rf"(?:(?:lange|korte|volle|hele|zware|drukke)\s+(?=[a-z]+en\b))?(?P<u>{UNIT})(?P<lang>lang)?\b(?!\s+of\s+(?:\d+|wat|twee|drie|vier|vijf|zes|zeven|acht|negen|"
                rf"tien|elf|twaalf|[a-zë]+tig)\b)"
            ),
        ),
        ("plural_lang", r"\b(?P<u>jaren|maanden|weken|dagen|uren|decennia|eeuwen|minuten)lang\b"),
        (  # "bestaat al jaren niet meer", "zaten daar al dagen", "om maanden achtereen" (not "jaren tachtig")
            "plural_bare",
            (
                r"(?:(?<=\bal )|(?<=\bnog )|(?<=\bpas )|(?<=\bvoor )|(?<=\bom ))(?P<u>jaren|maanden|weken|dagen|uren|decennia|eeuwen)\b"
                r"(?!\s*(?:-|'|’|\d|twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|nul))"
            ),
        ),
        (
            "plural_dur",
            (
                rf"\b(?:de|het)\s+(?:{REL_PAST}|{REL_FUT}|laatste|eerste)\s+"
                # not 'de laatste jaren van Obama': the end of someone's period, no count
                rf"(?P<u>jaren|maanden|weken|dagen|uren|decennia|eeuwen)\b(?!\s+van\b)"
            ),
        ),
        (
            "clock",
            (
                rf"(?:(?P<dp0>{DAYPART})\s+|\b)(?:(?P<pre>om|rond|tot|vanaf|tegen|na|voor|sinds|omstreeks)\s+)?(?P<h>\d{{1,2}})"
                rf"(?P<sep>[:.]|\s?h\s?)(?P<mi>\d{{2}})(?!\d)(?::(?P<se>\d{{2}})(?!\d))?(?:{AMPM})?(?:\s*(?P<uur>uur|u)\b)?"
                rf"(?:\s+(?P<dp>{DAYPART}|(?:in\s+de\s+)?(?:{PART})\b))?"
            ),
        ),
        (
            "clock_h",
            (
                rf"(?:(?P<dp0>{DAYPART}|(?:om\s+|rond\s+)?lunchtijd)\s+|\b)(?:(?P<pre>om|rond|tot|vanaf|tegen|omstreeks)\s+)?(?P<h>{HOUR})\s*(?:uur|u)\b"
                rf"(?:\s+(?!(?:een|eén|één)\b)(?P<mi>\d{{1,2}}|{NUMWORD_PATTERN})\b)?"
                rf"(?:\s+(?P<dp>{DAYPART}|(?:in\s+de\s+)?(?:{PART})\b|(?:op\s+|rond\s+)?lunchtijd\b|middernacht\b))?"
            ),
        ),
        (
            "clock_half",
            (
                rf"(?:(?P<dp0>{DAYPART})\s+|\b)(?:(?P<pre>om|rond|tot|vanaf|tegen|omstreeks)\s+)?(?:(?P<k>kwart|\d{{1,2}}|[a-zë]+)"
                rf"(?:\s+minuten)?\s+(?P<kd>over|voor)\s+(?P<half>half\s+)?|(?P<half2>half\s+))"
                rf"(?P<h>{HOUR})\b(?!\s*(?:uur|u)\b)(?:\s+(?P<dp>{DAYPART}|in\s+de\s+(?:{PART})\b))?"
            ),
        ),
        (
            "clock_dp",  # "'s ochtends om 9", "omstreeks 5 in de ochtend", "om acht 's avonds"
            (
                rf"(?:(?P<dp0>{DAYPART})\s+|\b)(?P<pre>om|rond|omstreeks|tegen)\s+(?P<h>\d{{1,2}}|"
                rf"{HOUR_W})\b(?![.:,]?\d)(?:\s+(?P<dp>{DAYPART}|in\s+de\s+(?:{PART})\b))?"
            ),
        ),
        (
            "clock_en",  # "rond elven", "tegen 11'en", "om achten"
            (
                rf"\b(?P<pre>om|rond|omstreeks|tegen|tot|na)\s+(?P<h>{HOUR_EN}|\d{{1,2}}['‘’-]en)\b"
                rf"(?:\s+(?P<dp>{DAYPART}|in\s+de\s+(?:{PART})\b))?"
            ),
        ),
        (
            "clock_ampm",  # "340pm", "1140 a.m."
            r"(?<![\d.,])\b(?P<hm>\d{3,4})(?:(?P<ap>[ap]m)|\s?(?P<ap2>a\.m\.|am))(?!\w)",
        ),
        (
            "daypart",  # "in de ochtend", "vroeg in de avond", "later in de middag", "in de namiddag"
            (
                r"\b(?:(?P<mod>vroeg|laat|later|eerder)\s+)?(?:in|tijdens|gedurende)\s+de\s+"
                r"(?:(?P<adj>vroege|late)\s+)?(?P<part>ochtend|voormiddag|middag|namiddag|avond|nacht)"
                r"\b(?!\s+(?:van|op|voor|na|erna|ervoor|daarna|daarvoor|toen|dat|waarin|voordat|nadat|daarop|"
                r"waarop|erop|ervan)\b)"
            ),
        ),
        (
            "relpart",  # "afgelopen nacht", "komende nacht" ("de volgende ochtend" follows the story)
            r"\b(?P<rel>afgelopen|vorige|komende|aankomende)\s+(?P<part>ochtend|middag|avond|nacht)\b",
        ),
        ("lunch", r"\b(?:met|rond|tijdens|om|tegen|voor|na|tot)\s+(?:de\s+)?lunchtijd\b"),
        (
            "clock_u",  # Flemish clocks: "om 20u30", "voor 3u" (a bare "3u" stays a duration)
            r"\b(?:(?P<pre>om|rond|tot|vanaf|tegen|omstreeks|voor|na|sinds)\s+)?(?P<h>\d{1,2})u(?P<mi>\d{2})?\b",
        ),
        ("midnight", r"\b(?:om\s+)?middernacht\b"),
        ("noon", r"\b(?:(?:rond|om|tegen)\s+)?(?:het\s+)?middaguur\b|\brond\s+de\s+middag\b"),
        (  # ~10:00, ~14:00
            "midpart",
            r"\bhalverwege\s+de\s+(?P<part>ochtend|middag)\b(?!\s+van\b)|\bmid(?P<part2>morgen|ochtend)\b",
        ),
        ("dur_u", r"\b(?P<n>\d+(?:,\d+)?)\s?u\b(?!\s*\d)"),
        (  # "de hele dag", "heel de week"
            "whole",
            r"\b(?:(?:(?:de|het)\s+)?(?:hele|gehele|volle)|heel\s+(?:de|het))\s+(?P<u>dag|week|maand|jaar)\b",
        ),
        ("part_hours", r"\b(?:de\s+)?(?P<part>ochtend|middag|avond|nacht)uren\b"),  # "in de avonduren"
        (  # "die nacht", "die avond": the story's day, set by _story_days
            "that_part",
            r"\bdie\s+(?P<part>ochtend|middag|avond|nacht)\b(?!\s+(?:van|op|dat|waarin|toen)\b)",
        ),
        (
            "multidur",
            (
                rf"\b(?:(?P<over>over)\s+)?(?P<all>{NUM}\s*(?:{UNIT})(?:\s*(?:,|en)\s*{NUM}\s*(?:{UNIT}))+)\b"
                rf"(?:\s+(?P<dir>geleden|later))?"
            ),
        ),
        (
            "set_every",
            (
                rf"\b(?:elke|iedere|elk|ieder)\s+(?:(?P<n>{NUM})\s+)?(?P<u>{UNIT}|{WEEKDAY}|"
                rf"{_alt(SEASONS)})\b"
            ),
        ),
        ("set_day", rf"\b(?:(?:op|elke|iedere)\s+)?(?P<wd>{WEEKDAY})(?:en|s)\b"),
        (
            "set_date",  # "elke 15/4", "iedere 5 mei": that day every year
            (
                rf"\b(?:elke|iedere|elk|ieder)\s+(?:(?P<d>\d{{1,2}})[/-](?P<m>\d{{1,2}})(?![/-]?\d)|"
                rf"(?P<d2>\d{{1,2}})(?:e|ste|de)?\s+(?P<m2>{MONTH_FULL})\b)"
            ),
        ),
        (
            "set_other",  # "om de week", "om de twee dagen", "vrijdag om de week"
            (
                rf"\b(?:(?P<wd>{WEEKDAY})\s+)?om\s+de\s+(?:(?P<other>andere)\s+|(?P<n>{NUM})\s+)?"
                rf"(?P<u>dag|dagen|week|weken|maand|maanden|jaar|jaren)\b(?:\s+(?:op\s+)?(?P<wd2>{WEEKDAY})\b)?"
                r"(?!\s+(?:\w+\s+)?(?:af\s+|op\s+|uit\s+|door\s+)?te\s)"  # not 'om de dag te eindigen op'
            ),
        ),
        ("set_weekends", r"\b(?:(?:in|tijdens)\s+de|alle)\s+weekenden\b"),
        ("set_word", rf"(?:\b|(?<=\s)|^)(?P<w>{SETS_ALT})e?\b"),
        (
            "set_times",
            (
                rf"\b(?P<n>{NUM})\s+(?:keer|maal)\s+(?:per|in\s+de|per\s+de)\s+"
                rf"(?P<u>dag|week|maand|jaar|uur)\b"
            ),
        ),
        ("present", rf"\b(?:{_alt(PRESENT)})\b"),
        ("pastref", rf"\b(?:{_alt(PAST_REF)})\b"),
        ("futref", rf"\b(?:{_alt(FUTURE_REF)})\b"),
    ]
]

_DIGITS = ("<digit>",)  # any sentence with a digit
_MONTHS_T = tuple(MONTHS)
_UNITS_T = (
    "jaar",
    "jaren",
    "maand",
    "week",
    "weken",
    " dag",
    "dagen",
    " uur",
    "uren",
    "seconde",
    "kwartier",
    "etma",
    "decenni",
    "eeuw",
    "halfuur",
    "werkdag",
    "nacht",
    "min",
    "sec",
)
#: Substrings a sentence must contain for a pattern to be tried on it: a cheap filter that keeps
#: the stage fast (Python's re has no prefix scan for these case-insensitive alternations).
#: A tuple of tuples means every group must be present ("over" and a time unit).
TRIGGERS: dict[str, tuple[str, ...] | tuple[tuple[str, ...], ...]] = {
    "iso": _DIGITS,
    "numdate": _DIGITS,
    "numdm": _DIGITS,
    "numym": _DIGITS,
    "year": _DIGITS,
    "yearrange": (*_DIGITS, "tweeduizend", "negentien", "achttien", "zeventien"),
    "seasonrange": _DIGITS,
    "timerange": _DIGITS,
    "dayrange": _DIGITS,
    "numdaterange": _DIGITS,
    "wd_numdm": _DIGITS,
    "wd_bareday": _DIGITS,
    "dayclock": _DIGITS,
    "to_date": (" tot ",),
    "nth_wd_from": ("dagen ", "dags "),
    "story_day": ("volgende dag", "dag er", "dag daar", "dag nadien", "dag voordien"),
    "half_year": ("h1", "h2", "helft"),
    "month_abbr": ("feb", "mrt", "apr", "aug", "sept", "okt", "nov", "dec"),
    "reldayrange": (("maand",), _DIGITS),
    "rest_of": ("rest van", "rest deze", "rest dit", "rest mijn", "rest huidige"),
    "within": (("binnen ", "minder dan "), ("dag", "week", "weken", "maand", "jaar", "jaren")),
    "within_multi": (("binnen ",), ("dag", "week", "weken", "maand", "jaar", "jaren")),
    "clock": _DIGITS,
    "dur_u": _DIGITS,
    "dayonly": _DIGITS,
    "weekno": ("week",),
    "quarter_k": ("k1", "k2", "k3", "k4", "q1", "q2", "q3", "q4"),
    "date": _MONTHS_T,
    "month_year": _MONTHS_T,
    "month": _MONTHS_T,
    "monthrange": _MONTHS_T,
    "mdayrange": _MONTHS_T,
    "date_rel": ("maand", "dag van"),
    "future_n": ("in de toekomst",),
    "reln_range": (
        ("afgelopen", "voorbij", "laatste", "vorige", "komend", "volgend"),
        ("dag", "week", "weken", "maand", "jaar", "jaren", "decenni", "uur", "uren", "minu", "seconde"),
    ),
    "nth_wd": ("dag",),
    "anchored": ("morgen", "vandaag", "gisteren", " nu"),
    "wd_day": ("dag",),
    "week_wd": ("week",),
    "weekday": ("dag",),
    "decade": ("jaren",),
    "wyear": ("zeventien", "achttien", "negentien", "tweeduizend"),
    "week_of": ("week van", "week in"),
    "this_part": ("deze ochtend", "deze middag", "deze avond", "deze nacht"),
    "after_next": ("na de volgende", "na het volgende", "na volgende"),
    "week_from": (("week",), ("begin", "start", "aanvang", "week van")),
    "dayword": ("de ",),
    "year_or": (" of ",),
    "month_day": _MONTHS_T,
    "period_edge": ("begin van", "eind van", "einde van", "midden van"),
    "in_period": (" in de ", " in het ", " op de "),
    "same_period": ("zelfde ", "die ", "dat "),
    "holiday": (
        "pasen",
        "paas",
        "goede vrijdag",
        "hemelvaart",
        "pinkster",
        "kerst",
        "oudejaar",
        "oudjaar",
        "oud en nieuw",
        "nieuwjaar",
        "koningsdag",
        "koninginnedag",
        "bevrijdingsdag",
        "dodenherdenking",
        "valentijn",
        "sinterklaas",
        "pakjesavond",
        "moederdag",
        "vaderdag",
        "halloween",
        "dag van de arbeid",
        "prinsjesdag",
        "black friday",
        "dag van de aarde",
    ),
    "century": ("eeuw",),
    "quarter": ("kwartaal",),
    "season": tuple(SEASONS),
    "relday": ("gister", "vandaag", "morgen", "vanochtend", "vanmiddag", "vanavond", "vannacht"),
    "relperiod": (
        "vorig",
        "verleden",
        "afgelopen",
        "voorbij",
        "jongstleden",
        "volgend",
        "komend",
        "aanstaand",
        "eerstvolgend",
        "eerstkomend",
        "deze",
        "dit",
        "huidig",
        "lopend",
        "voorgaand",
        "voorafgaand",
    ),
    "reln": (
        (
            "afgelopen",
            "voorbij",
            "komend",
            "laatste",
            "eerste",
            "volgend",
            "vorig",
            "ruim",
            "bijna",
            "ongeveer",
        ),
        _UNITS_T,
    ),
    "ago": ("geleden", "terug"),
    "ahead": (("over ", "binnen ", "na "), _UNITS_T),
    "since_n": (("sinds", "al "), _UNITS_T),
    "duration": _UNITS_T,
    "multidur": _UNITS_T,
    "plural_dur": _UNITS_T,
    "plural_lang": ("lang",),
    "plural_bare": ("jaren", "maanden", "weken", "dagen", "uren", "decennia", "eeuwen"),
    "clock_h": ("uur", *_DIGITS),
    "clock_half": ("half", "kwart", "minuten", "'s ", "‘s ", "’s ", " om ", "rond", "tegen", " over "),
    "clock_dp": ("'s ", "‘s ", "’s ", "in de "),
    "clock_en": ("om ", "rond ", "tegen ", "tot ", "na "),
    "clock_ampm": ("am", "pm", "a.m."),
    "clock_is": ("het is ", "het was ", "het werd "),
    "daypart": ("ochtend", "middag", "avond", "nacht"),
    "relpart": ("ochtend", "middag", "avond", "nacht"),
    "lunch": ("lunchtijd",),
    "clock_u": _DIGITS,
    "midpart": ("halverwege de", "midmorgen", "midochtend"),
    "midnight": ("middernacht",),
    "noon": ("middaguur", "rond de middag"),
    "whole": ("hele", "volle", "heel "),
    "part_hours": ("uren",),
    "that_part": ("die ochtend", "die middag", "die avond", "die nacht"),
    "set_every": ("elk", "ieder"),
    "set_day": ("dagen", "dags"),
    "set_date": ("elk", "ieder"),
    "set_other": ("om de ",),
    "set_weekends": ("weekenden",),
    "set_word": ("lijks", "per ", "elk", "ieder", "'s", "‘s", "’s"),
    "set_times": ("keer", "maal"),
    "present": (
        "moment",
        "thans",
        "tegenwoordig",
        "nu ",
        "nu,",
        "nu.",
        " nu",
        "heden",
        "ogenblik",
        "zojuist",
        "dagen",
        "vandaag",
    ),
    "pastref": ("onlangs", "recent", "vroeger", "destijds", "geleden", "verleden", "tijd"),
    "futref": ("binnenkort", "straks", "toekomst", "spoedig", "termijn", "weldra"),
}


def _minimal(words: tuple[str, ...]) -> tuple[str, ...]:
    """Drop trigger words that contain another one ('januari' when 'jan' is there)."""
    return tuple(w for w in words if not any(v != w and v in w for v in words))


TRIGGERS = {
    name: tuple(_minimal(g) for g in trig) if isinstance(trig[0], tuple) else _minimal(trig)
    for name, trig in TRIGGERS.items()
}
