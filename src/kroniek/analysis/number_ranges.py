"""Numeric ranges in Dutch ('tussen de 20 en 30', 'minder dan duizend', '200 of meer').

Gives an interval in the usual notation, ``[20,30)``, ``(,1000)``, ``[200,)``: the bound a
qualifier sets and whether it is included. Figures keep only qualifier + value, so this is for
callers (and the bench) that want the interval itself.
"""

from __future__ import annotations

import re

from .numbers import parse_number, parse_ordinal

_N = r"(?:de\s+)?(?P<{}>-?[\d.,]+|[\wë]+(?:\s+[\wë]+)?)"
_NUM = r"(?:de\s+)?(-?[\d.,/]+|[\wë]+(?:\s+[\wë]+)?)"
_EQ = r"(?:gelijk(?:\s+(?:aan|dan))?|evenveel)"
#: (regex, lower-bound inclusive?, upper-bound inclusive?, which side the number bounds)
_ONE_SIDED: list[tuple[re.Pattern[str], str, bool]] = [
    (re.compile(p.replace("{}", _NUM), re.IGNORECASE), side, incl)
    for p, side, incl in [
        (rf"(?:groter|hoger|meer)\s+(?:is\s+)?(?:dan|als)\s+{{}}\s+of\s+{_EQ}", "low", True),
        (rf"(?:minder|kleiner|lager)\s+(?:is\s+)?(?:dan|als)\s+{{}}\s+of\s+{_EQ}", "high", True),
        (
            rf"(?:groter|hoger|meer)\s+(?:of\s+)?(?:gelijk\s+)?(?:aan|dan|als)?\s*of\s+{_EQ}\s+{{}}",
            "low",
            True,
        ),
        (
            (
                rf"(?:{_EQ}\s+(?:of\s+)?(?:meer|groter|hoger)\s+(?:dan|als)|(?:groter|hoger|meer)\s+of\s+"
                rf"{_EQ}|minstens(?:\s+of\s+{_EQ})?|op\s+zijn\s+minst|ten\s+minste|niet\s+(?:minder|"
                rf"kleiner|lager)\s+(?:dan|als))\s+{{}}"
            ),
            "low",
            True,
        ),
        (
            (
                rf"(?:{_EQ}\s+(?:of\s+)?(?:minder|kleiner|lager)\s+(?:dan|als)|(?:kleiner|lager|minder)"
                rf"\s+(?:dan\s+)?of\s+{_EQ}|maximum|maximaal|hoogstens|hooguit|niet\s+(?:meer|groter|hoger)\s+"
                rf"(?:dan|als))\s+{{}}"
            ),
            "high",
            True,
        ),
        (r"(?:groter|hoger|meer)\s+(?:is\s+)?(?:dan|als)\s+{}|boven\s+{}|>\s*{}", "low", False),
        (r"(?:kleiner|lager|minder)\s+(?:is\s+)?(?:dan|als)\s+{}|onder\s+{}|<\s*{}", "high", False),
        (r"<\s*=\s*{}", "high", True),
        (r">\s*=\s*{}", "low", True),
        (rf"{_EQ}\s+{{}}\s+of\s+(?:meer|hoger|groter)(?:\s+dan)?", "low", True),
        (rf"{_EQ}\s+{{}}\s+of\s+(?:minder|lager|kleiner)", "high", True),
        (r"{}\s+of\s+(?:meer|hoger|groter)", "low", True),
        (r"{}\s+of\s+(?:minder|lager|kleiner)", "high", True),
        (rf"{_EQ}\s+{{}}", "eq", True),
    ]
]
_BETWEEN = re.compile(
    r"(?i)(?:tussen|van)\s+"
    + _N.format("a")
    + r"\s+(?P<op>en|tot\s+en\s+met|tot)\s+"
    + _N.format("b")
    + r"$|"
    + _N.format("c")
    + r"\s*(?P<op2>~|tot\s+en\s+met|tot)\s*"
    + _N.format("d")
    + r"$"
)


def _value(raw: str) -> float | None:
    raw = raw.strip()
    raw = re.sub(r"(?i)^de\s+", "", raw)
    if raw.lower() == "helft":
        return 0.5
    v = parse_number(raw)
    if v is None:
        o = parse_ordinal(raw)
        v = float(o) if o is not None else None
    return v


def _fmt(v: float | None) -> str:
    if v is None:
        return ""
    return str(int(v)) if v == int(v) else f"{v:g}"


def _one(text: str) -> tuple[float | None, bool, float | None, bool] | None:
    t = text.strip().rstrip(".,")
    for rx, side, incl in _ONE_SIDED:
        m = rx.fullmatch(t)
        if not m:
            continue
        n = next((g for g in m.groups() if g), None)
        v = _value(n) if n else None
        if v is None:
            continue
        if side == "eq":
            return v, True, v, True
        return (v, incl, None, False) if side == "low" else (None, False, v, incl)
    return None


def parse_range(text: str) -> str | None:
    """Interval notation for a range phrase, or None when ``text`` is not one."""
    t = text.strip().rstrip(".,")
    m = _BETWEEN.fullmatch(t)
    if m:
        a, b = _value(m["a"] or m["c"]), _value(m["b"] or m["d"])
        op = (m["op"] or m["op2"]).lower()
        if a is not None and b is not None:
            return f"[{_fmt(a)},{_fmt(b)}{']' if 'met' in op else ')'}"
    one = _one(t)
    if one is None:  # two one-sided bounds joined: "hoger dan 20 en kleiner dan 35"
        parts = re.split(r"(?i),?\s+(?:en|maar)\s+", t, maxsplit=1)
        if len(parts) == 2:
            x, y = _one(parts[0]), _one(parts[1])
            if x and y:
                lo = x if x[0] is not None else y
                hi = y if y[2] is not None else x
                one = (lo[0], lo[1], hi[2], hi[3])
    if one is None:
        return None
    lo, lo_in, hi, hi_in = one
    return f"{'[' if lo_in else '('}{_fmt(lo)},{_fmt(hi)}{']' if hi_in else ')'}"
