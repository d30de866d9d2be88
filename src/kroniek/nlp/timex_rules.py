"""Word tables and regexes for the Dutch time-expression grammar (kept apart from resolution)."""

from __future__ import annotations

import re

from .numbers_nl import NUMWORD_PATTERN

MONTHS = {"januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
          "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
          "jan": 1, "feb": 2, "febr": 2, "mrt": 3, "mar": 3, "maa": 3, "apr": 4, "jun": 6,
          "jul": 7, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12}
WEEKDAYS = {"maandag": 1, "dinsdag": 2, "woensdag": 3, "donderdag": 4, "vrijdag": 5,
            "zaterdag": 6, "zondag": 7, "ma": 1, "di": 2, "wo": 3, "do": 4, "vr": 5, "za": 6,
            "zo": 7}
PARTS = {"ochtend": "TMO", "morgen": "TMO", "middag": "TAF", "avond": "TEV", "nacht": "TNI"}
SEASONS = {"zomer": "SU", "winter": "WI", "lente": "SP", "voorjaar": "SP", "herfst": "FA",
           "najaar": "FA"}
#: Duration units: (TIMEX letter, time-of-day unit?, multiplier).
UNITS = {"seconde": ("S", True, 1), "seconden": ("S", True, 1), "sec": ("S", True, 1),
         "minuut": ("M", True, 1), "minuten": ("M", True, 1), "min": ("M", True, 1),
         "kwartier": ("M", True, 15), "uur": ("H", True, 1), "uren": ("H", True, 1),
         "dag": ("D", False, 1), "dagen": ("D", False, 1), "etmaal": ("D", False, 1),
         "etmalen": ("D", False, 1), "week": ("W", False, 1), "weken": ("W", False, 1),
         "weekend": ("WE", False, 1), "weekenden": ("WE", False, 1),
         "maand": ("M", False, 1), "maanden": ("M", False, 1), "kwartaal": ("M", False, 3),
         "kwartalen": ("M", False, 3), "jaar": ("Y", False, 1), "jaren": ("Y", False, 1),
         "decennium": ("Y", False, 10), "decennia": ("Y", False, 10), "eeuw": ("Y", False, 100),
         "eeuwen": ("Y", False, 100), "halfuur": ("H", True, 0.5)}
PLURAL_UNITS = {"jaren": "Y", "maanden": "M", "weken": "W", "dagen": "D", "uren": "H",
                "decennia": "Y", "eeuwen": "Y", "minuten": "M", "seconden": "S"}
SETS = {"dagelijks": "P1D", "wekelijks": "P1W", "maandelijks": "P1M", "jaarlijks": "P1Y",
        "tweejaarlijks": "P2Y", "driemaandelijks": "P3M", "tweewekelijks": "P2W",
        "halfjaarlijks": "P6M", "elke ochtend": "XXXX-XX-XXTMO", "elk uur": "PT1H", "ieder uur": "PT1H", "per uur": "PT1H",
        "per dag": "P1D", "per week": "P1W", "per maand": "P1M", "per jaar": "P1Y",
        "driewekelijks": "P3W", "vierjaarlijks": "P4Y", "per kwartaal": "P3M",
        "elke morgen": "XXXX-XX-XXTMO", "elke ochtend": "XXXX-XX-XXTMO",
        "elke middag": "XXXX-XX-XXTAF", "elke avond": "XXXX-XX-XXTEV",
        "elke nacht": "XXXX-XX-XXTNI", "'s morgens": "XXXX-XX-XXTMO",
        "'s ochtends": "XXXX-XX-XXTMO", "'s middags": "XXXX-XX-XXTAF",
        "'s avonds": "XXXX-XX-XXTEV", "'s nachts": "XXXX-XX-XXTNI"}
PRESENT = ("op het moment", "op dit moment", "momenteel", "thans", "tegenwoordig", "nu",
           "heden", "op dit ogenblik", "op het ogenblik", "heden ten dage", "nu nog", "zojuist",
           "op heden", "vandaag de dag", "dezer dagen")
PAST_REF = ("onlangs", "recentelijk", "vroeger", "destijds", "kortgeleden",
            "kort geleden", "in het verleden", "lang geleden")
FUTURE_REF = ("binnenkort", "straks", "in de toekomst", "spoedig", "op termijn",
              "in de nabije toekomst", "weldra", "op korte termijn")
HOUR_WORDS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
              "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12}
DECADES = {"twintig": 2, "dertig": 3, "veertig": 4, "vijftig": 5, "zestig": 6, "zeventig": 7,
           "tachtig": 8, "negentig": 9}


def _alt(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


MONTH = _alt(MONTHS)
SETS_ALT = _alt(SETS).replace("'", "['‘’]")
MONTH_FULL = _alt([m for m in MONTHS if len(m) > 4 or m in ("mei", "juni", "juli")])
WEEKDAY = _alt([w for w in WEEKDAYS if len(w) > 2])
UNIT = _alt(UNITS)
PART = "ochtend|morgen|middag|avond|nacht"
NUM = (rf"(?:\d+(?:,\d+)?|anderhalf|anderhalve|een\s+half|een\s+halve|een\s+kwart|half|enkele|"
       rf"een\s+paar|paar|een\s+aantal|(?:{NUMWORD_PATTERN})(?:en|ën)(?:een)?halve?|{NUMWORD_PATTERN})")
HOUR = rf"(?:\d{{1,2}}|{NUMWORD_PATTERN})"
DAYPART = r"['‘’]s\s+(?:ochtends|morgens|middags|avonds|nachts)"
AMPM = r"\s*(?P<ap>[ap]\.?\s?m\.?)(?!\w)"
REL_PAST = r"vorige|vorig|verleden|afgelopen|voorbije|vorige|jongstleden"
REL_FUT = r"volgende|volgend|komende|komend|aankomende|aanstaande|eerstvolgende|eerstkomende"
REL_THIS = r"deze|dit|huidige|lopende"

FUTURE_RE = re.compile(
    r"(?i)\b(?:zal|zullen|zult|zou\s+gaan|gaat|gaan|komende?|volgende?|aanstaande|a\.s\.|"
    r"morgen|overmorgen|binnenkort|straks|verwacht|gepland|van\s+plan)\b"
)

# (name, regex); longer matches win over shorter ones, earlier entries win ties.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [(n, re.compile(p, re.I)) for n, p in [
    ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    ("numdate", rf"(?<![\d./-])(?P<d>\d{{1,2}})[-/.](?P<m>\d{{1,2}}|{MONTH})[-/.](?P<y>\d{{4}}|\d{{2}})"
                rf"(?![\d/-])"),
    ("numdm", rf"(?<![\d./,-])(?P<d>\d{{1,2}})[-/](?P<m>\d{{1,2}}|{MONTH})(?:,\s*(?P<y>\d{{4}}))?"
              rf"(?![\d/-]|[.,]\d)"),
    ("numym", r"(?<![\d./-])(?:(?P<y>(?:19|20)\d{2})[-/](?P<m>\d{1,2})|(?P<m2>\d{1,2})[-/]"
              r"(?P<y2>(?:19|20)\d{2}))(?![\d/-])"),
    ("date", rf"\b(?:(?:{WEEKDAY}),?\s+)?(?:de\s+)?(?:(?P<d>\d{{1,2}})(?:e|ste|de)?|(?P<dw>[a-zë]+))"
             rf"\s+(?:van\s+)?(?P<m>{MONTH})\b\.?(?:,?\s+(?:(?P<y>\d{{4}})\b|'(?P<y2>\d{{2}})\b))?"),
    ("date_rel", rf"\b(?:de\s+)?(?:(?P<d>\d{{1,2}})(?:e|ste|de)|(?P<dw>[a-zë]+(?:ste|de)))\s+van\s+"
                 rf"(?:de\s+)?(?P<rel>{REL_PAST}|{REL_FUT}|{REL_THIS})\s+maand\b"),
    ("nth_wd", rf"\b(?:de\s+)?(?P<nth>eerste|tweede|derde|vierde|vijfde|laatste|\d(?:e|ste|de))\s+"
               rf"(?P<wd>{WEEKDAY})\s+van\s+(?:de\s+)?(?:(?P<m>{MONTH_FULL})(?:\s+(?P<y>\d{{4}}))?|"
               rf"(?P<rel>{REL_PAST}|{REL_FUT}|{REL_THIS})\s+maand)\b"),
    ("wd_day", rf"\b(?P<wd>{WEEKDAY})\s+de\s+(?:(?P<d>\d{{1,2}})(?:e|ste|de)|(?P<dw>[a-zë]+(?:ste|de)))\b"),
    ("week_wd", rf"\b(?:(?P<rel>{REL_PAST}|{REL_FUT}|{REL_THIS})\s+week\s+(?:op\s+)?(?P<wd>{WEEKDAY})|"
                rf"(?P<wd2>{WEEKDAY})\s+(?P<rel2>{REL_PAST}|{REL_FUT}|{REL_THIS})\s+week)\b"),
    ("month_year", rf"\b(?:(?P<mod>begin|eind|eind|medio|half|halverwege|midden|vanaf|sinds|tot)\s+)?"
                   rf"(?P<m>{MONTH})\.?\s+(?:van\s+)?(?P<y>\d{{4}})\b"),
    ("month", rf"\b(?:(?P<mod>begin|eind|medio|half|halverwege|midden|vanaf|sinds|tot|in)\s+)?"
              rf"(?:(?P<rel>{REL_PAST}|{REL_FUT}|{REL_THIS})\s+)?(?P<m>{MONTH_FULL})\b"),
    ("dayonly", r"\b(?:op\s+)?de\s+(?P<d>\d{1,2})(?:e|ste|de)\b(?!\s+(?:eeuw|plaats|keer))"),
    ("year", r"(?:\b(?P<pre>in|sinds|vanaf|tot|van|na|voor|eind|begin|medio|halverwege|rond|"
             r"het\s+jaar|jaar|anno|zomer|winter|voorjaar|najaar|lente|herfst|tussen|en|t/m|"
             r"tot\s+en\s+met|midden)\s+(?:(?:het\s+)?(?:begin|eind|midden)\s+(?:van\s+)?)?|\()"
             r"(?P<y>(?:1[5-9]|20)\d{2})\b(?!\s*(?:procent|%|euro|mensen|keer|[.,]\d))"),
    ("decade", rf"\b(?:de\s+)?jaren\s+(?:'|’)?(?P<dec>\d0|(?:19|20)\d0|{_alt(DECADES)})\b"),
    ("century", r"\b(?:de\s+)?(?P<c>\d{2})(?:e|ste|de)\s+eeuw\b|\b(?:de\s+)?(?P<cw>[a-z]+tiende|"
                r"twintigste|eenentwintigste)\s+eeuw\b"),
    ("quarter", rf"\b(?:het\s+)?(?P<q>eerste|tweede|derde|vierde|laatste)\s+kwartaal"
                rf"(?:\s+(?:van\s+)?(?:(?P<y>\d{{4}})|(?P<rel>{REL_PAST}|{REL_FUT}|{REL_THIS})\s+jaar))?"),
    ("weekno", r"\bweek\s+(?P<w>\d{1,2})\b(?:\s+(?:van\s+)?(?P<y>\d{4}))?"),
    ("season", rf"\b(?:(?P<rel>{REL_PAST}|{REL_FUT}|{REL_THIS}|de|het|in\s+de|in\s+het)\s+)?"
               rf"(?P<s>{_alt(SEASONS)})(?:\s+(?:van\s+)?(?P<y>\d{{4}}))?\b"),
    ("relday", rf"\b(?P<w>eergisteren|gisteren|gister|vandaag|overmorgen|morgen|vanochtend|"
               rf"vanmorgen|vanmiddag|vanavond|vannacht|vanmiddag)(?P<part>{PART})?\b"
               rf"(?:\s+(?:in\s+de\s+)?(?P<part2>{PART}))?(?!\s+(?:de|het)\b)"),
    ("weekday", rf"\b(?:(?P<rel>{REL_PAST}|{REL_FUT}|{REL_THIS})\s+)?(?P<wd>{WEEKDAY})(?P<part>{PART})?"
                rf"\b(?:\s+(?P<suf>jl\.|j\.l\.|a\.s\.|aanstaande|jongstleden|(?:in\s+de\s+)?(?:{PART})\b))?"),
    ("relperiod", rf"\b(?:(?P<mod>begin|eind|medio|halverwege|midden|later|eerder|vanaf|sinds)\s+)?"
                  rf"(?:(?:de|het)\s+)?(?P<rel>{REL_PAST}|{REL_FUT}|{REL_THIS})\s+"
                  rf"(?P<u>week|maand|jaar|weekend|eeuw|decennium|kwartaal|jaren|weken|maanden|"
                  rf"dagen|decennia|eeuwen|uren|maanden|tijd|periode)\b"),
    ("reln", rf"\b(?:(?:de|het)\s+)?(?P<rel>afgelopen|voorbije|komende|laatste|eerste|volgende|"
             rf"vorige|eerstvolgende|ruim|bijna|ongeveer)\s+(?P<n>{NUM})\s+(?P<u>{UNIT})\b"),
    ("ago", rf"\b(?:(?:ruim|bijna|ongeveer|circa|zo'n|meer\s+dan|minder\s+dan|pas)\s+)?(?P<n>{NUM})"
            rf"\s+(?P<u>{UNIT})\s+(?P<dir>geleden|terug)\b"),
    ("ahead", rf"\b(?P<dir>over|binnen|na)\s+(?P<n>{NUM})\s+(?P<u>{UNIT})\b"
              rf"(?!\s+(?:geleden|oud|eerder|later))"),
    ("since_n", rf"\b(?P<dir>sinds|al)\s+(?P<n>{NUM})\s+(?P<u>{UNIT})\b"),
    ("duration", rf"\b(?:(?:ruim|bijna|ongeveer|circa|zo'n|meer\s+dan|minder\s+dan|minstens|"
                 rf"ten\s+minste|hooguit|maximaal|nog|al|pas|slechts)\s+)?(?P<n>{NUM})\s*"
                 rf"(?P<u>{UNIT})(?P<lang>lang)?\b"),
    ("plural_lang", r"\b(?P<u>jaren|maanden|weken|dagen|uren|decennia|eeuwen|minuten)lang\b"),
    ("plural_dur", rf"\b(?:de|het)\s+(?:{REL_PAST}|{REL_FUT}|laatste|eerste)\s+"
                   rf"(?P<u>jaren|maanden|weken|dagen|uren|decennia|eeuwen)\b"),
    ("clock", rf"\b(?:(?P<pre>om|rond|tot|vanaf|tegen|na|voor|sinds|omstreeks)\s+)?(?P<h>\d{{1,2}})"
              rf"(?P<sep>[:.])(?P<mi>\d{{2}})(?::(?P<se>\d{{2}}))?(?:{AMPM})?(?:\s*(?P<uur>uur|u)\b)?"
              rf"(?:\s+(?P<dp>{DAYPART}|(?:in\s+de\s+)?(?:{PART})\b))?"),
    ("clock_h", rf"\b(?:(?P<pre>om|rond|tot|vanaf|tegen|omstreeks)\s+)?(?P<h>{HOUR})\s*(?:uur|u)\b"
                rf"(?:\s+(?P<mi>{NUMWORD_PATTERN}|\d{{1,2}})\b)?"
                rf"(?:\s+(?P<dp>{DAYPART}|(?:in\s+de\s+)?(?:{PART})\b))?"),
    ("clock_half", rf"\b(?:(?:om|rond|tot|vanaf|tegen|omstreeks)\s+)?(?:(?P<k>kwart|\d{{1,2}}|"
                   rf"{NUMWORD_PATTERN})(?:\s+minuten)?\s+(?P<kd>over|voor)\s+)?(?P<half>half\s+)?"
                   rf"(?P<h>{HOUR})\b(?!\s*(?:uur|u)\b)(?:\s+(?P<dp>{DAYPART}|in\s+de\s+(?:{PART})\b))?"),
    ("midnight", r"\b(?:om\s+)?middernacht\b"),
    ("dur_u", r"\b(?P<n>\d+(?:,\d+)?)\s?u\b(?!\s*\d)"),
    ("whole", r"\b(?:(?:de|het)\s+)?(?:hele|gehele|volle)\s+(?P<u>dag|week|maand|jaar)\b"),
    ("multidur", rf"\b(?P<all>{NUM}\s*(?:{UNIT})(?:\s*(?:,|en)\s*{NUM}\s*(?:{UNIT}))+)\b"
                 rf"(?:\s+(?P<dir>geleden|later))?"),
    ("set_every", rf"\b(?:elke|iedere|elk|ieder)\s+(?:(?P<n>{NUM})\s+)?(?P<u>{UNIT}|{WEEKDAY}|"
                  rf"{_alt(SEASONS)})\b"),
    ("set_day", rf"\b(?:(?:op|elke|iedere)\s+)?(?P<wd>{WEEKDAY})(?:en|s)\b"),
    ("set_word", rf"(?:\b|(?<=\s)|^)(?P<w>{SETS_ALT})e?\b"),
    ("set_times", rf"\b(?P<n>{NUM})\s+(?:keer|maal)\s+(?:per|in\s+de|per\s+de)\s+"
                  rf"(?P<u>dag|week|maand|jaar|uur)\b"),
    ("present", rf"\b(?:{_alt(PRESENT)})\b"),
    ("pastref", rf"\b(?:{_alt(PAST_REF)})\b"),
    ("futref", rf"\b(?:{_alt(FUTURE_REF)})\b"),
]]
