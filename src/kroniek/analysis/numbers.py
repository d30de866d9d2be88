"""Dutch number parsing: digits with Dutch separators, number words, fractions, scales, ordinals.

Hand-written grammar rather than ``text2num``: text2num reads plain cardinals well but not
fractions (``twee derde``, ``anderhalf``), plural scales (``duizenden``) or ordinals, and the
extraction here must give character offsets; one precompiled regex finds candidates and a small
morpheme parser evaluates them, so no extra dependency is needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# fmt: off
UNITS = {"nul": 0, "een": 1, "eén": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5,
         "zes": 6, "zeven": 7, "acht": 8, "negen": 9}
TEENS = {"tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
         "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19}
TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
        "tachtig": 80, "negentig": 90}
SCALES = {"honderd": 100, "duizend": 1000, "miljoen": 10**6, "miljard": 10**9, "biljoen": 10**12}
ABBREV_SCALES = {"mln": 10**6, "mln.": 10**6, "mld": 10**9, "mld.": 10**9, "mrd": 10**9,
                 "mrd.": 10**9, "k": 1000, "m": 10**6, "g": 10**9, "b": 10**9}
#: Denominators of fractions; ``derde`` doubles as the ordinal "third".
FRACTIONS = {"half": 2, "halve": 2, "derde": 3, "kwart": 4, "vierde": 4, "vijfde": 5, "zesde": 6,
             "zevende": 7, "achtste": 8, "negende": 9, "tiende": 10, "elfde": 11, "twaalfde": 12,
             "twintigste": 20, "honderdste": 100, "duizendste": 1000}
#: Plural scales: "duizenden" means at least two thousand.
PLURAL_SCALES = {"tientallen": 10, "honderden": 100, "duizenden": 1000, "tienduizenden": 10**4,
                 "honderdduizenden": 10**5, "miljoenen": 10**6, "miljarden": 10**9}
MULTIPLIERS = {"dozijn": 12, "dozijnen": 12, "gros": 144}
ORDINAL_WORDS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6,
                 "zevende": 7, "achtste": 8, "negende": 9, "tiende": 10, "elfde": 11,
                 "twaalfde": 12, "dertiende": 13, "veertiende": 14, "vijftiende": 15,
                 "zestiende": 16, "zeventiende": 17, "achttiende": 18, "negentiende": 19,
                 "nulde": 0, "eende": 1}
VULGAR = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅙": 1 / 6,
          "⅛": 0.125, "⅒": 0.1}
# fmt: on
_DIGIT_START = re.compile(r"^-?\s*(?:\d|,\d)")
_RATIO_RE = re.compile(r"(\S+) (?:op|van|uit) (?:de )?(\S+)")
_POWER_RE = re.compile(r"(-?[\d.,]+)(?:e([+-]?\d+)|\^([+-]*)(\d+))")
_MORPHEMES = sorted([*UNITS, *TEENS, *TENS, *SCALES, "en", "ën"], key=len, reverse=True)
_MORPH_RE = re.compile("|".join(_MORPHEMES))
_WORD_RE = re.compile(rf"(?:{'|'.join(_MORPHEMES)})+")


def normalise(word: str) -> str:
    """Lower-case and fold the diaeresis (tweeëntwintig = tweeentwintig)."""
    return word.lower().replace("ë", "e").replace("é", "e").replace("è", "e")


def parse_compound(text: str) -> int | None:
    """Value of a written cardinal (one or more words), or None if it is not one.

    >>> parse_compound("tweeduizend vijfhonderdzevenenzeventig")
    2577
    """
    s = normalise(text).replace("-", "").replace(" ", "")
    if not s or s in ("en",):
        return None
    morphs: list[str] = []
    pos = 0
    while pos < len(s):
        m = _MORPH_RE.match(s, pos)
        if not m:
            return None
        morphs.append(m.group())
        pos = m.end()
    total = thousands = current = 0
    prev = ""  # kind of previous morpheme: unit|teen|tens|hundred|scale|en
    seen_any = False
    for i, mo in enumerate(morphs):
        if mo in ("en", "ën"):
            if prev not in ("unit", "hundred", "scale") or i == len(morphs) - 1:
                return None
            prev = "en"
            continue
        if prev == "en" and morphs[i - 2] in UNITS and mo not in TENS:
            return None
        if mo in UNITS:
            if prev in ("unit", "teen", "tens") or (prev == "en" and morphs[i - 2] in UNITS):
                return None
            current += UNITS[mo]
            prev = "unit"
        elif mo in TEENS:
            if prev in ("unit", "teen", "tens"):
                return None
            current += TEENS[mo]
            prev = "teen"
        elif mo in TENS:
            if prev in ("teen", "tens") or (prev == "unit" and morphs[i - 1] in ("en", "ën")):
                return None
            current += TENS[mo]
            prev = "tens"
        elif mo == "honderd":
            if current % 100 == 0 and current:
                return None
            current = (current or 1) * 100
            prev = "hundred"
        elif mo == "duizend":
            thousands += (current or 1) * 1000
            current = 0
            prev = "scale"
        else:
            scale = SCALES[mo]
            seg = thousands + current
            total += (seg or 1) * scale
            thousands = current = 0
            prev = "scale"
        seen_any = True
    if not seen_any:
        return None
    return total + thousands + current


def parse_digits(text: str) -> float | None:
    """Digits with Dutch separators: 42.000 -> 42000, 2,5 -> 2.5, 1.234,56 -> 1234.56."""
    s = text.strip().replace("\u202f", " ").replace("\u00a0", " ").replace("−", "-")
    sign = -1.0 if s.startswith("-") else 1.0
    s = s.lstrip("-").strip()
    if re.fullmatch(r"\d{1,3}(?: \d{3})+(?:,\d+)?", s):
        s = s.replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d*,\d+", s):
        s = s.replace(",", ".")
    elif re.fullmatch(r"\d+\.\d{1,2}|\d+\.\d{4,}", s):
        pass  # an English decimal point: not a Dutch thousands group
    elif not re.fullmatch(r"\d+", s):
        return None
    try:
        return sign * float(s)
    except ValueError:
        return None


def _fraction_value(words: list[str]) -> float | None:
    """'twee derde', 'een kwart', 'driekwart', 'vijf achtsten' -> value; else None."""
    if not words:
        return None
    last = words[-1]
    den_word = last[:-1] if last.endswith("n") and last[:-1] in FRACTIONS else last
    if den_word in FRACTIONS:
        num_words = words[:-1]
        den = FRACTIONS[den_word]
        num = parse_compound(" ".join(num_words)) if num_words else None
        if num is None:
            return None
        if den_word in ("half", "halve") and num != 1:
            return None
        return num / den
    if words[:-1] and re.search(r"(?:ste|de)n?$", last):  # "drie eenentwintigste"
        den_o = parse_ordinal(last.removesuffix("n"))
        num = parse_compound(" ".join(words[:-1]))
        if den_o and den_o > 1 and num is not None:
            return num / den_o
    for suffix in ("kwart", "derde"):
        if last.endswith(suffix) and last != suffix:
            num = parse_compound(last[: -len(suffix)])
            if num is not None and not words[:-1]:
                return num / FRACTIONS[suffix]
    return None


def parse_number(text: str) -> float | None:
    """Value of a number phrase in digits or words (cardinals, fractions, scales), or None."""
    raw = text.strip()
    if raw.isascii() and raw.isdigit():  # fast path: most numbers in news are plain digits
        return float(raw)
    if not raw:
        return None
    if raw in VULGAR:
        return VULGAR[raw]
    s = normalise(raw).replace("−", "-")
    sign = 1.0
    if s.startswith("min "):
        sign, s = -1.0, s[4:]
    elif s.startswith("-") and not s[1:2].isdigit():
        sign, s = -1.0, s[1:].strip()
    m = _RATIO_RE.fullmatch(s)
    if m:  # "een op de vijf", "1 van de 3"
        a, b = parse_number(m.group(1)), parse_number(m.group(2))
        return sign * a / b if a is not None and b and a <= b else None
    digits = bool(_DIGIT_START.match(s))
    words = s.split() if digits else [w for w in s.replace("-", " - ").split() if w != "-"]
    if not words:
        return None
    if "komma" in words:
        return _komma(words, sign)
    value = _scaled(words)
    if value is None:
        return None
    return sign * value


def _komma(words: list[str], sign: float) -> float | None:
    """'vijf komma vijf' -> 5.5: digits after 'komma' are read one by one."""
    i = words.index("komma")
    whole = parse_compound(" ".join(words[:i]))
    digits = [UNITS.get(w) for w in words[i + 1 :]]
    if whole is None or not digits or any(d is None for d in digits):
        return None
    return sign * float(f"{whole}." + "".join(str(d) for d in digits))


def _scaled(words: list[str]) -> float | None:
    """A core number, or a core number times trailing scale words (anderhalf miljoen)."""
    value = _parse_core(words)
    if value is not None:
        return value
    if "en" in words[1:-1]:  # "drie miljoen en een half", "een miljard en een half miljoen"
        i = len(words) - 1 - words[::-1].index("en")
        left, right = words[:i], words[i + 1 :]
        scale = SCALES.get(left[-1]) if left else None
        lv, rv = _scaled(left), _scaled(right)
        if scale and scale >= 1000 and lv is not None and rv is not None:
            if right[-1] in SCALES:
                return lv + rv
            if rv < 1:
                return lv + rv * scale
    if len(words) == 1 and words[0] in MULTIPLIERS:
        return float(MULTIPLIERS[words[0]])
    if len(words) > 1:
        last = words[-1]
        factor = MULTIPLIERS.get(last) or SCALES.get(last) or ABBREV_SCALES.get(last)
        if factor and last not in ("k", "m", "g", "b"):
            base = _scaled(words[:-1])
            if base is not None:
                return base * factor
    return None


def _parse_core(words: list[str]) -> float | None:
    joined = " ".join(words)
    if _DIGIT_START.match(joined):
        m = _POWER_RE.fullmatch(joined)
        if m:  # 1e10, 12,32e+14, 1,1^23, 2,5^-1
            base = parse_digits(m.group(1))
            if base is None:
                return None
            if m.group(2) is not None:
                return base * 10.0 ** int(m.group(2))
            exp = int(m.group(4)) * (-1 if m.group(3).count("-") % 2 else 1)
            return -(abs(base) ** exp) if base < 0 else base**exp
        m = re.fullmatch(r"(-?[\d., \u202f\u00a0]+?)\s*(k|m|g|b|mln\.?|mld\.?|mrd\.?)?", joined)
        if m:
            v = parse_digits(m.group(1))
            if v is not None:
                return v * (ABBREV_SCALES[m.group(2)] if m.group(2) else 1)
        m = re.fullmatch(r"(-?\d+)?\s*(\d+)/(\d+)", joined)
        if m and int(m.group(3)):
            whole = int(m.group(1) or 0)
            frac = int(m.group(2)) / int(m.group(3))
            return whole - frac if whole < 0 else whole + frac
        return None
    if joined in ("anderhalf", "anderhalve"):
        return 1.5
    if joined in ("half", "halve", "een half", "een halve", "een halve", "de helft"):
        return 0.5
    m = re.fullmatch(r"(.+?)(?:en|ën| en een|eneen|ëneen) ?(half|halve)", joined)
    if m:
        base = parse_compound(m.group(1))
        if base is not None:  # "twee miljoen en een half" is 2.5 million
            scale = SCALES.get(m.group(1).split()[-1], 1) if m.group(1).split() else 1
            return base + 0.5 * (scale if scale >= 1000 else 1)
    # "X en Y derde", "X en een kwart", "honderd driekwart"
    m = re.fullmatch(r"(.+?) en (.+)", joined)
    if m:
        base, frac = parse_compound(m.group(1)), _fraction_value(m.group(2).split())
        if base is not None and frac is not None and frac < 1:
            scale = SCALES.get(m.group(1).split()[-1], 1)  # "vijf miljard en driekwart"
            return base + frac * (scale if scale >= 1000 else 1)
    frac = _fraction_value(words)
    if frac is not None:
        return frac
    if len(words) >= 3:
        base = parse_compound(" ".join(words[:-2]))
        frac = _fraction_value(words[-2:])
        if base is not None and frac is not None and frac < 1:
            return base + frac
    if len(words) == 2 and words[1] in ("kwart", "driekwart"):
        base = parse_compound(words[0])
        if base is not None:
            return base + (0.25 if words[1] == "kwart" else 0.75)
    v = parse_compound(joined)
    return float(v) if v is not None else None


def parse_ordinal(text: str) -> int | None:
    """'derde' -> 3, '30ste' -> 30, 'honderdvijfentwintigste' -> 125, '11e' -> 11."""
    s = normalise(text.strip())
    m = re.fullmatch(r"(\d+)\s*(?:e|ste|de|ste\.)", s)
    if m:
        return int(m.group(1))
    s = s.replace(" en ", "").replace(" ", "")
    for word, val in sorted(ORDINAL_WORDS.items(), key=lambda kv: -len(kv[0])):
        if s.endswith(word):
            head = s[: -len(word)]
            if head.endswith("en") and head[:-2] and parse_compound(head[:-2]) is not None:
                head = head[:-2]
            if not head:
                return val
            base = parse_compound(head)
            if base is not None and base >= 100 and val < 100:
                return base + val
            return None
    for suffix in ("ste", "de"):
        if s.endswith(suffix):
            base = parse_compound(s[: -len(suffix)])
            if base is not None and (base % 10 == 0 or base >= 100 or suffix == "ste"):
                return base
    return None


_REL_N = r"(?:op\s+)?(\d+|een|eén|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)"
_RELATIVE = [
    (re.compile(r"(?:de\s+)?(?:voor)?laatste"), None),
    (re.compile(rf"(?:de\s+)?{_REL_N}\s+na\s+(?:de\s+)?laatste"), "end-"),
    (re.compile(rf"(?:de\s+|die\s+)?(?:{_REL_N}\s+)?voor\s+de\s+laatste"), "end-"),
]
_CURRENT = {"vorige": -1, "voorgaande": -1, "volgende": 1, "eerstvolgende": 1, "huidige": 0}


def parse_relative_ordinal(text: str) -> str | None:
    """Position words as offsets: 'laatste' -> 'end+0', 'op één na laatste' -> 'end-1',
    'voorlaatste' -> 'end-1', 'vorige' -> 'current-1', 'volgende' -> 'current+1'."""
    s = re.sub(r"\s+", " ", text.strip().lower())
    if s.startswith("de "):
        s = s[3:]
    if s in _CURRENT:
        off = _CURRENT[s]
        return f"current{off:+d}"
    for rx, kind in _RELATIVE:
        m = rx.fullmatch(s)
        if not m:
            continue
        if kind is None:
            return "end-1" if "voorlaatste" in s else "end+0"
        n = m.group(1)
        k = 1 if n is None else (int(n) if n.isdigit() else UNITS.get(n, TEENS.get(n)))
        return f"end-{k}" if k is not None else None
    return None


# --- extraction ------------------------------------------------------------------------------

NUMWORD_PATTERN = (
    r"(?:" + "|".join(m for m in _MORPHEMES if m not in ("en", "ën")) + r")"
    r"(?:" + "|".join(_MORPHEMES) + r")*"
)
_FRAC = r"(?:" + "|".join(sorted(FRACTIONS, key=len, reverse=True)) + r")n?"
_SCALE_WORD = r"(?:miljoen|miljard|biljoen|duizend|honderd|mln\.?|mld\.?|mrd\.?|dozijn(?:en)?)"
_DIGITS = r"(?<![\w.,/])[-−]?\d{1,3}(?:(?:\.|[\u202f\u00a0])\d{3})+(?:,\d+)?(?![\d])|(?<![\w.,/])[-−]?\d+(?:,\d+)?(?![\d])"
#: The lookaheads up front are a cheap guard: only positions that start a word with a number
#: stem (or a digit) reach the expensive alternation, which makes the scan about 4x faster.
NUMBER_RE = re.compile(
    rf"""(?ix)(?=[0-9a-zé−-])(?<![a-zé])
    (?=[0-9−-]|een|eén|één|tw|tie|tac|dri|der|dui|vi[ej]|vee|ze[sv]|ach|and|neg|nul|elf|hon|hal|mil|bil)
    (?:(?P<ratio>\b(?:\d{{1,2}}|een|één|eén|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)\s+op\s+(?:de\s+)?
        (?:\d+|{NUMWORD_PATTERN})\b)
    | (?P<plural>\b(?:tientallen|honderden|duizenden|tienduizenden|honderdduizenden|miljoenen|
        miljarden)\b)
    | (?P<digits>(?:{_DIGITS})(?:\s*(?:{_SCALE_WORD})\b)*)
    | (?P<words>\b(?:anderhalf|anderhalve|driekwart|een\s+half|een\s+halve|(?:half|halve)(?=\s+(?:{_SCALE_WORD})\b)|{NUMWORD_PATTERN}(?:en|ën)?half|
        (?:{NUMWORD_PATTERN})(?:\s+(?:en\s+)?(?:{NUMWORD_PATTERN}))*(?:\s+(?:en\s+)?(?:een\s+)?{_FRAC})?
      )(?:\s+{_SCALE_WORD})*\b))
    """
)


@dataclass(frozen=True)
class NumberMatch:
    """A number found in text: its span, value and kind (cardinal | fraction | plural)."""

    start: int
    end: int
    text: str
    value: float
    kind: str = "cardinal"


def find_numbers(text: str) -> list[NumberMatch]:
    """All cardinal numbers, fractions and plural scales in ``text`` with their values.

    A lone ``een`` is the article "a", not a number: it only counts with a scale or fraction
    (``een miljoen``, ``een derde``); ``één`` with accents always counts.
    """
    out: list[NumberMatch] = []
    for m in NUMBER_RE.finditer(text):
        span = m.group()
        start, end = m.start(), m.end()
        if m.group("plural"):
            value = 2.0 * PLURAL_SCALES[normalise(span)]
            out.append(NumberMatch(start, end, span, value, "plural"))
            continue
        if m.group("ratio"):  # "een op de vijf": a fraction
            ratio = parse_number(span)
            if ratio is not None:
                out.append(NumberMatch(start, end, span, ratio, "fraction"))
            continue
        low = normalise(span)
        if m.group("words"):
            if (low in ("een", "en") or low.startswith("en ")) and span.lower() not in (
                "één",
                "éen",
                "eén",  # sentence-initial "Eén" as often written
            ):
                continue
            if low.startswith("een ") and not re.search(rf"\b(?:{_FRAC}|{_SCALE_WORD}|half|halve)$", low):
                # "een" + non-scale: drop the article, keep what follows
                rest = m.group()[4:].lstrip()
                start = end - len(rest)
                span = rest
                low = normalise(span)
        value = parse_number(span)
        if value is None:
            out.extend(_split_parse(span, start))
            continue
        kind = "fraction" if re.search(rf"{_FRAC}$|half$|halve$", low) and value < 1 else "cardinal"
        out.append(NumberMatch(start, end, span, value, kind))
    return out


def _split_parse(span: str, offset: int) -> list[NumberMatch]:
    """Split a run of number words that is not one number ('drie en vier') into the longest
    parseable pieces, left to right."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", span)]
    out: list[NumberMatch] = []
    i = 0
    while i < len(words):
        for j in range(len(words), i, -1):
            piece = span[words[i][0] : words[j - 1][1]]
            low = normalise(piece)
            if low in ("en", "een") or low.startswith("en "):
                continue
            value = parse_number(piece)
            if value is not None:
                out.append(NumberMatch(offset + words[i][0], offset + words[j - 1][1], piece, value))
                i = j
                break
        else:
            i += 1
    return out
