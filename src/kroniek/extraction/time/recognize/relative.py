"""Patterns for relative dates ("vorige week", "drie weken geleden"), durations, clock times,
parts of the day, sets ("elke dag") and deictic references ("nu", "onlangs"). Order matters:
earlier entries win ties (see ``patterns``)."""

from __future__ import annotations

import re

from kroniek.analysis.numbers import NUMWORD_PATTERN

from ..words import FUTURE_REF, PAST_REF, PRESENT, SEASONS
from .blocks import (
    AMPM,
    DAYPART,
    HOUR,
    HOUR_EN,
    HOUR_W,
    MONTH_FULL,
    NUM,
    PART,
    REL_FUT,
    REL_PAST,
    REL_THIS,
    SETS_ALT,
    UNIT,
    WEEKDAY,
    alt,
)

RELATIVE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (n, re.compile(p, re.IGNORECASE))
    for n, p in [
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
        (  # "bestaat al jaren niet meer", "zaten daar al dagen", "om maanden achtereen", "na jaren", "stond
            # maanden buitenspel" (not "jaren tachtig")
            "plural_bare",
            (
                r"(?:(?<=\bal )|(?<=\bnog )|(?<=\bpas )|(?<=\bvoor )|(?<=\bom )|(?<=\bna )|(?<=\ber )|(?<=\bin )|"
                r"(?<=\bduurde )|(?<=\bduurt )|(?<=\bstond )|(?<=\bzat )|(?<=\bwachtte )|(?<=\blag ))"
                r"(?P<u>jaren|maanden|weken|dagen|uren|decennia|eeuwen)\b"
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
        (  # "die nacht", "die avond": the story's day, set by story_days
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
                rf"{alt(SEASONS)})\b"
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
        ("present", rf"\b(?:{alt(PRESENT)})\b"),
        ("pastref", rf"\b(?:{alt(PAST_REF)})\b"),
        # "Vroeger gebeurde dat ook" (not the comparative "vroeger dan", "vroeger op de dag"); a
        # "Laatst noemde men mij ...", not "het laatst", "op zijn laatst" (the text is lower-cased here)
        ("pastref", r"\b[Vv]roeger\b(?!\s+(?:dan|op|in\s+de|of\s+later|weg|thuis)\b)|(?<![\w'’])(?<!het\s)(?<!zijn\s)(?<!z'n\s)(?<!als\s)laatst\b(?!\s+(?:genoemde|gezien|bekende))"),
        # the adverb "recent" ("vrouwen die recent zijn bevallen"), not the adjective ("een recent rapport")
        (
            "pastref",
            r"\brecent\b(?=\s*(?:[.,;:!?)]|$)|\s+(?:zijn|is|was|waren|heeft|hebben|had|hadden|nog|al|ook|weer|werd|"
            r"werden|bevallen|gestorven|overleden|verschenen|gepubliceerd|gezien|gehoord|opgericht|gekocht|gemaakt)\b)",
        ),
        ("futref", rf"\b(?:{alt(FUTURE_REF)})\b"),
    ]
]
