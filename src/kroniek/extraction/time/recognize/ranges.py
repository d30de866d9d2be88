"""Patterns for ranges of dates and times (``van 4 tot 22 januari``, ``2014-2018``,
``13:00-15:00``): both ends are found at once, so that an incomplete begin borrows month and
year from the end (resolved in ``resolve.ranges``)."""

from __future__ import annotations

import re

from .blocks import DAYPART, MONTH, MONTH_FULL, NUM, PART, REL_FUT, REL_PAST, REL_THIS, UNIT, WYEAR

_TO = r"(?:tot\s+en\s+met|tot|t/m|-|–|~)"
RANGE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (n, re.compile(p, re.IGNORECASE))
    for n, p in [
        (
            "numdaterange",
            (
                r"(?<![\d./-])(?P<d1>\d{1,2})[-/.](?P<m1>\d{1,2})(?:[-/.](?P<y1>\d{4}))?\s*"
                r"(?:-|–|tot(?:\s+en\s+met)?|t/m)\s*(?P<d2>\d{1,2})[-/.](?P<m2>\d{1,2})"
                r"(?:[-/.](?P<y2>\d{4})|,\s*(?P<y3>\d{4}))(?![\d/-])"
            ),
        ),
        (
            "dayrange",
            (
                rf"\b(?:(?P<pre>van|tussen)\s+(?:de\s+)?)?(?P<d1>\d{{1,2}})(?:e|ste|de)?\s*"
                rf"(?P<to>{_TO}|en)\s*(?:de\s+)?(?P<d2>\d{{1,2}})(?:e|ste|de)?\s+(?:van\s+)?"
                rf"(?P<m>{MONTH})\b\.?(?:,?\s+(?P<y>\d{{4}}|{WYEAR})\b)?"
            ),
        ),
        (
            "future_n",
            (
                rf"\b(?:over\s+)?(?P<n>{NUM})\s+(?P<u>dagen|dag|weken|week|maanden|maand|jaren|jaar)\s+"
                rf"in\s+de\s+toekomst\b"
            ),
        ),
        (
            "reln_range",
            (
                rf"(?=de\s|het\s|af|vo|la|ko|aa|\d)\b(?:(?:de|het)\s+)?(?:(?P<rel>afgelopen|voorbije|laatste|vorige|komende|aankomende|"
                rf"volgende)(?:\s+(?P<n>{NUM}))?|(?P<n2>\d+)\s+(?P<rel2>afgelopen|voorbije|komende|"
                rf"aankomende|volgende))\s+(?P<u>dagen|dag|weken|week|maanden|maand|jaren|jaar|"
                rf"decennia|decennium|uren|uur|minuten|minuut|seconden)\b"
            ),
        ),
        (
            "reldayrange",
            (
                rf"(?=[vjdhlkae])\b(?P<rel>{REL_PAST}|{REL_FUT}|{REL_THIS})\s+maand\s+(?:(?P<pre>van|tussen)\s+)?"
                rf"(?:de\s+)?(?P<d1>\d{{1,2}})(?:e|ste|de)?\s*(?P<to>{_TO}|en)\s*(?:de\s+)?"
                rf"(?P<d2>\d{{1,2}})(?:e|ste|de)?\b"
            ),
        ),
        (
            "rest_of",
            (
                r"\b(?:de\s+)?rest\s+(?:van\s+)?(?:de\s+|het\s+|mijn\s+|deze\s+|dit\s+|"
                r"huidige\s+)?(?P<u>week|maand|jaar)\b"
            ),
        ),
        (
            "within",
            (
                rf"\b(?:binnen|(?P<lt>minder\s+dan))\s+(?:de\s+)?(?:(?:{REL_FUT})\s+)?(?P<n>{NUM})\s+"
                rf"(?P<u>dagen|dag|weken|week|maanden|maand|jaren|jaar)\b(?:\s+(?:vanaf|na)\s+"
                rf"(?P<anchor>vandaag|morgen|nu)\b|(?!\s+(?:na|nadat|voor|vanaf|geleden)))"
            ),
        ),
        (
            "within_multi",
            (
                rf"\bbinnen\s+(?:de\s+)?(?:(?:{REL_FUT})\s+)?(?P<all>{NUM}\s*(?:{UNIT})"
                rf"(?:\s*(?:,|en)?\s*{NUM}\s*(?:{UNIT}))+)\b"
            ),
        ),
        (
            "seasonrange",
            (r"(?<![\d/-])(?P<y1>(?:19|20)\d{2})\s?(?P<sep>[/-])\s?(?P<y2>(?:19|20)?\d{2})(?![\d/-]|[.,]\d)"),
        ),
        (
            "yearrange",
            (
                rf"(?=[tvzan12])(?<![\d-])(?:(?:tussen|van)\s+)?(?P<y1>(?:1[5-9]|20)\d{{2}}|{WYEAR}|tweeduizend)\s*{_TO}\s*"
                rf"(?P<y2>(?:1[5-9]|20)\d{{2}}|{WYEAR}|tweeduizend)\b"
            ),
        ),
        (
            "monthrange",
            (
                rf"\b(?:(?P<rel>{REL_PAST}|{REL_FUT}|{REL_THIS})\s+)?(?P<m1>{MONTH})\.?\s*{_TO}\s*"
                rf"(?P<m2>{MONTH})\b\.?(?:\s+(?:in\s+)?(?P<y>\d{{4}})\b)?"
            ),
        ),
        (
            "mdayrange",
            (
                rf"\b(?P<m>{MONTH_FULL})\s+(?P<d1>\d{{1,2}})\s*(?:-|–|tot(?:\s+en\s+met)?|t/m)\s*"
                rf"(?P<d2>\d{{1,2}})(?:,?\s+(?P<y>\d{{4}}))?\b(?![-/.:,]\d)"
            ),
        ),
        (
            "timerange",
            (
                rf"\b(?:(?P<pre>van|tussen)\s+)?(?P<h1>\d{{1,2}})(?:[:.](?P<mi1>\d{{2}})(?!\d))?\s*"
                rf"(?:uur\s*)?(?P<to>{_TO}|en)\s*(?P<h2>\d{{1,2}})(?:[:.](?P<mi2>\d{{2}})(?!\d))?"
                rf"(?:\s*(?P<uur>uur)\b)?(?:\s+(?P<dp>{DAYPART}|in\s+de\s+(?:{PART})\b))?"
            ),
        ),
    ]
]

Piece = tuple[int, int, str, str]  # start, end, type, value
