"""Figures stage: reported numbers with qualifier, kind, unit, subject, place and source.

Numbers come from :mod:`kroniek.nlp.numbers_nl`; the cues around them (``naar schatting``,
``procent``, ``volgens X``) are read with precompiled regexes over the sentence, so the stage
costs a few regex passes per sentence. Years, dates, clock times, house/article/phone numbers and
list numbering are not figures. ``Figure.time`` is filled later by the timexes stage.
"""

# ruff: noqa: SIM905  (word tables read best as split strings)
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from ..model import Document, Figure
from .numbers_nl import NumberMatch, find_numbers, parse_number
from .pipeline import stage

#: Words before a number and what they say about it (longest phrase wins).
# fmt: off
QUALIFIERS: dict[str, str] = {
    **dict.fromkeys((
        "ongeveer|circa|ca.|zo'n|zo’n|naar schatting|rond|rond de|rondom|"
        "om en nabij|om en bij|pakweg|grofweg|ruwweg|enkele|een slordige|plusminus|bij benadering"
    ).split("|"), "about"),
    **dict.fromkeys((
        "minder dan|nog geen|onder de|krap|net geen|iets minder dan|net minder dan"
    ).split("|"), "less_than"),
    **dict.fromkeys((
        "hooguit|hoogstens|maximaal|ten hoogste|maximum|niet meer dan|tot wel"
    ).split("|"), "at_most"),
    **dict.fromkeys((
        "meer dan|ruim|boven de|ruim boven de|dik|een dikke|iets meer dan|net meer dan|ruim meer dan"
    ).split("|"), "more_than"),
    **dict.fromkeys((
        "bijna|vrijwel|nagenoeg|haast|zowat|een kleine|tegen de"
    ).split("|"), "almost"),
    **dict.fromkeys((
        "minstens|zeker|ten minste|tenminste|op zijn minst|minimaal|niet minder dan|wel|"
        "al gauw|algauw|gemakkelijk|makkelijk"
    ).split("|"), "at_least"),
}
# fmt: on
_QUAL_ALT = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
_FILLER = r"(?:onder meer|in totaal|al|nog|nog maar|maar|slechts|liefst|de|het|wel|dus|zelfs)"
_QUAL_RE = re.compile(rf"(?i)(?<![\w])(?P<q>{_QUAL_ALT})\s+(?:{_FILLER}\s+)*$")
_RANGE_PRE_RE = re.compile(r"(?i)\b(?:tussen|van)\s+(?:de\s+)?$")
#: between the two numbers of a range or change: an optional unit of the first number
#: ("7146 euro tot ...", "6 procent naar ..."), the link word, an optional qualifier of the second
_RANGE_MID_RE = re.compile(
    r"(?i)^-?\s*(?:(?P<unit>procent|%|euro|dollar|€|\$)\s*)?"
    r"(?P<mid>tot(?: en met)?|à|a|-|–|en|of|naar)\s*"
    r"(?:(?:de|ruim|bijna|zo'n|zo’n|ongeveer|circa|ca\.|maximaal|hooguit|minstens|wel)\s+)?$"
)
#: words that make "van X tot Y" a change rather than a range ("steeg van 6 tot 9 procent")
_CHANGE_RE = re.compile(
    r"(?i)\b(?:stijg(?:t|en|ing)|steeg|stegen|gestegen|da(?:alt|alde|alden|len|ling)|gedaald|"
    r"groei(?:t|de|den|en)?|gegroeid|toename|toegenomen|n(?:eemt|am|amen)\s+(?:toe|af)|afname|"
    r"afgenomen|l(?:iep|iepen|oopt)\s+(?:op|terug)|opgelopen|teruggelopen|zak(?:t|te|ten)|gezakt|"
    r"kl(?:om|ommen|imt)|geklommen|verhoo?g(?:d|t|de|den|ing)|verlaag(?:d|t|de|den)|verlaging|"
    r"verdubbel(?:d|t|de)|halveer(?:t|de)|gehalveerd|veranderd|verander(?:t|de|ing)|"
    r"bijgesteld|gecorrigeerd)\b"
)
#: A scale word at the end of a number ("7 miljoen") that a bare first number of a range shares
_SCALE_END_RE = re.compile(r"(?i)(miljoen|miljard|biljoen|duizend|mln\.?|mld\.?|mrd\.?)$")
_SCALE_VALUES = {"miljoen": 1e6, "mln": 1e6, "miljard": 1e9, "mld": 1e9, "mrd": 1e9,
                 "biljoen": 1e12, "duizend": 1e3}  # fmt: skip
#: "een paar honderd", "enkele duizenden": at least two of the scale
_FEW_RE = re.compile(r"(?i)\b(?:een\s+paar|paar|enkele|een\s+aantal|luttele)\s+$")
_BARE_SCALE = frozenset("honderd duizend tienduizend honderdduizend miljoen miljard".split())
#: Coins and notes by name: "een tientje" is ten euro.
_MONEY_WORDS = {"vijfje": 5, "vijfjes": 5, "tientje": 10, "tientjes": 10, "twintigje": 20,
                "twintigjes": 20, "honderdje": 100, "honderdjes": 100}  # fmt: skip
_MONEY_WORD_RE = re.compile(
    r"(?i)(?<![\w])(?:(?P<n>een|één|eén|\d+|[a-zë]+)\s+)?"
    r"(?P<w>vijfjes?|tientjes?|twintigjes?|honderdjes?)(?![\w])"
)
#: Dutch phone numbers written in groups ("053 574 1851", "06 23 84 58 86", "020-123 45 67")
_PHONE_RE = re.compile(r"(?<![\w,.])(?:\+31[\s-]?|0)\d{1,3}(?:[\s-]\d{2,4}){1,4}(?![\w]|[.,]\d)")
#: "één van de ..." is "one of", not a count
_ONE_OF_RE = re.compile(r"(?i)^\s+van\s+(?:de|het|die|deze|dat|hen|hun|ons|jullie|zijn|haar|onze|mijn|uw)\b")

CURRENCIES = {
    "euro": "EUR",
    "eurocent": "EUR",
    "€": "EUR",
    "eur": "EUR",
    "dollar": "USD",
    "dollars": "USD",
    "$": "USD",
    "usd": "USD",
    "pond": "GBP",
    "£": "GBP",
    "gbp": "GBP",
    "yen": "JPY",
    "gulden": "NLG",
    "ƒ": "NLG",
    "frank": "CHF",
    "roebel": "RUB",
    "yuan": "CNY",
}
MEASURES = {
    "km": "km",
    "kilometer": "km",
    "meter": "m",
    "m": "m",
    "cm": "cm",
    "centimeter": "cm",
    "mm": "mm",
    "millimeter": "mm",
    "kilo": "kg",
    "kg": "kg",
    "kilogram": "kg",
    "gram": "g",
    "ton": "t",
    "liter": "l",
    "l": "l",
    "graden": "°C",
    "°c": "°C",
    "graden celsius": "°C",
    "km/u": "km/h",
    "km/h": "km/h",
    "kilometer per uur": "km/h",
    "hectare": "ha",
    "ha": "ha",
    "vierkante meter": "m2",
    "m2": "m2",
    "m²": "m2",
    "vierkante kilometer": "km2",
    "km2": "km2",
    "megawatt": "MW",
    "mw": "MW",
    "kwh": "kWh",
    "vaten": "vaten",
    "barrel": "vaten",
    "mijl": "mijl",
    "knopen": "knopen",
}
_TIME_UNITS = (
    r"(?:jaar|jaren|maand|maanden|week|weken|dag|dagen|uur|uren|minuut|minuten|"
    r"seconde|seconden|eeuw|eeuwen|decennia|decennium|kwartier|etmaal|etmalen|nacht|nachten|"
    r"werkweek|werkweken|werkdag|werkdagen|schooljaar|schooljaren|dagje|dagjes|weekje|weekjes|"
    r"jaartje|jaartjes|maandje|maandjes|uurtje|uurtjes)"
)
_MONTHS = (
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
    r"december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)"
)

_CUR_ALT = "|".join(re.escape(c) for c in sorted(CURRENCIES, key=len, reverse=True))
_MEAS_ALT = "|".join(re.escape(c) for c in sorted(MEASURES, key=len, reverse=True))
_PERCENT_RE = re.compile(r"(?i)^\s*(%|procentpunt(?:en)?|procent|percent)(?![\w])")
_CUR_AFTER_RE = re.compile(rf"(?i)^\s*(?P<c>{_CUR_ALT})(?![\w])")
_CUR_BEFORE_RE = re.compile(r"(?i)(?P<c>€|\$|£|ƒ|eur|usd|gbp)\s*$")
_MEAS_RE = re.compile(rf"(?i)^\s*(?P<m>{_MEAS_ALT})(?![\w/²])")
_AGE_RE = re.compile(r"(?i)^(?:-jarige?n?|\s*(?:jaar|jr\.?)\s+oud|\s*jarige?n?)\b")
#: an age without "jaar": "Maick S. (23)", "haar zoon van 7"
_AGE_PAREN_RE = re.compile(r"[A-Z][\w.'’-]*\s*\($")
_AGE_OF_RE = re.compile(
    r"(?i)\b(?:zoon|zoontje|dochter|dochtertje|kind|kindje|jongen|jongetje|meisje|man|vrouw|baby|"
    r"peuter|kleuter|tiener|broer|broertje|zus|zusje|vader|moeder|opa|oma|jongeman|dame|heer)"
    r"\s+van\s+$"
)
_AGE_OF_AFTER_RE = re.compile(
    r"(?i)^(?:\s*[,.;:)!?]|\s+(?:in|op|uit|met|die|dat|is|was|wordt|werd|heeft|had|en|of|bij|"
    r"kreeg|krijgt|zit|zat|ligt|lag|staat|stond)\b)"
)
_TIMEUNIT_RE = re.compile(rf"(?i)^\s*(?:[a-zë]+e\s+)?{_TIME_UNITS}\b")
_CLOCK_RE = re.compile(r"^[.:]\d{2}\b|^\s*uur\b")
_DATE_AFTER_RE = re.compile(
    rf"(?i)^\s*(?:e|ste|de)?\s*{_MONTHS}\b|^[-/]\d{{1,2}}[-/]"
    rf"|^\s*(?:en|of|tot(?: en met)?|t/m|[-–])\s*\d{{1,2}}(?:e|ste|de)?\s+{_MONTHS}\b"  # "op 13 en 20 april"
)
_DATE_BEFORE_RE = re.compile(rf"(?i)\b{_MONTHS}\.?\s*$|\d[-/]$")
_YEAR_CTX_RE = re.compile(
    r"(?i)\b(?:in|sinds|vanaf|tot|na|voor|eind|begin|medio|halverwege|jaar|zomer|winter|"
    r"voorjaar|najaar|lente|herfst|van|het|rond|tussen|en|t/m|seizoen|anno|midden|over|uit|"
    r"grofweg|ongeveer|circa|ca\.|omstreeks)\s*$|[(\-–]\s*$"
)
#: the second year of "tussen 2014 en 2018", "2014-2018"
_YEAR_AFTER_RE = re.compile(r"^\s*(?:en|tot(?: en met)?|t/m|[-–/])\s*(?:1[5-9]|20)\d\d\b")
#: decades: "de jaren zestig", "eind jaren 80", "jaren tachtig en negentig"
_DECADE_BEFORE_RE = re.compile(r"(?i)\bjaren\s*'?(?:\s*[\wë]+\s+(?:en|of)\s*'?)?$")
#: word numbers that name rather than count: "nummer drie", "punt één", "rugnummer 88"
_REF_WORD_BEFORE_RE = re.compile(
    r"(?i)(?:\w*nummers?|nr\.?|punt|artikel|hoofdstuk|paragraaf|pagina|lijn|stap|fase|niveau|"
    r"categorie|kanaal|zaal|spoor|perron|editie|aflevering|ronde|speeldag|klas|groep)\s+$"
)
#: idioms with a number that counts nothing
_IDIOM_RE = re.compile(
    r"(?i)\b(?:in|met)\s+één\s+klap\b|\bop\s+één\s+(?:hoop|lijn)\b|\b(?:twee\s+)?handen\s+op\s+één\s+buik\b|"
    r"\bgeen\s+één\b"
)
_REF_BEFORE_RE = re.compile(
    r"(?i)\b(?:artikel|art\.|hoofdstuk|paragraaf|lid|nummer|nr\.?|no\.?|pagina|blz\.?|p\.|"
    r"bus|lijn|tram|route|snelweg|kamer|code|versie|week|groep|klas|stap|fase|niveau|"
    r"categorie|kanaal|zaal|uitgang|spoor|perron|telefoon|tel\.?|bel|postcode|"
    r"editie|seizoen|aflevering|deel|ronde|speeldag|minuut|om|rond|tegen|giro|gironummer|"
    r"rekening|rekeningnummer|bankrekening|iban|postbus|kvk|kvk-nummer)\s*$"
)
_STREET_BEFORE_RE = re.compile(
    r"[A-Z][\w-]*(?:straat|weg|laan|plein|gracht|kade|singel|dijk|dreef|pad|steeg|hof|markt|"
    r"park|baan|burgwal|boulevard|plantsoen|straatweg)\s*$"
)
_SCORE_RE = re.compile(r"^\s*[-–]\s*\d\b(?!\s*(?:procent|%|euro|\w+en\b))")
_LIST_RE = re.compile(r"^[\s•*-]*$")
_SOURCE_VERBS = (
    r"(?:schrijft|schreef|schrijven|meldt|meldde|melden|zegt|zei|zeggen|stelt|"
    r"stelde|bericht|berichtte|berichten|maakt|maakte|rapporteert|rapporteerde|becijfert|"
    r"becijferde|laat weten|liet weten|concludeert|concludeerde)"
)
_VOLGENS_RE = re.compile(r"\b[Vv]olgens\s+(?P<s>(?:de |het )?[\w'’-]+(?:\s+[A-Z][\w'’-]*)*)")
_DAT_RE = re.compile(
    rf"^\s*(?:Dat|Dit|Die)\s+{_SOURCE_VERBS}\s+(?P<s>(?:de |het )?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
    r"(?P<rest>[^.]*?\bop basis van\s+(?:een\s+\w+\s+van\s+|cijfers\s+van\s+|gegevens\s+van\s+)?"
    r"(?P<s2>(?:de |het )?[\w'’-]+(?:\s+[\w'’-]+){0,3}?)(?=\s+(?:die|dat|met|over|in|op|uit)\b|[,.]|$))?"
)
_STOP = frozenset(
    (
        "aan al als bij daar dan dat de deze die dit door een en er euro gaan gaat geen had hadden teveel "
        "hebben heeft het hier hij ik in is jaar jij kan kunnen maar mag mee meer met moet moeten "
        "mogen na naar niet nog of om onder ook op over per procent te tegen toe tot u uit uur voor "
        "waren was we wel werd werden wij wil willen worden wordt zal ze zich zij zijn zo zullen"
    ).split()
)
_HALF_RE = re.compile(r"(?i)(?:half|halve|kwart)$")
_DEMONYM = re.compile(r"(?:ers|ërs|aars|anen|ezen|en)$")  # "Nederlanders", "Syriërs", "Afghanen"
_TOKEN_RE = re.compile(r"[\w'’-]+|[^\w\s]")


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
        and _DECADE_BEFORE_RE.search(before)
    ):
        return True
    if (
        after[:1].isalpha()
        and n.text[-1:].isdigit()
        and not (_PERCENT_RE.match(after) or _CUR_AFTER_RE.match(after) or _MEAS_RE.match(after))
    ):
        return True  # glued to letters: "5G", "50Plus", "34ste", "19de-eeuwse"
    if n.kind == "cardinal" and _REF_WORD_BEFORE_RE.search(before):
        return True
    if re.match(r"(?i)^-(?:plussers?|minners?)\b", after):
        return True  # "65-plussers" names a group
    if is_int_digits:
        if len(raw) >= 8 and raw.startswith("0"):
            return True  # phone number
        if len(raw) == 4 and 1500 <= int(raw) <= 2100 and n.value == int(raw):
            nxt = after.lstrip()[:1]
            name = _NAME_BEFORE_RE.search(before)
            if (
                _YEAR_CTX_RE.search(before)
                or _YEAR_AFTER_RE.match(after)
                or (name and name.group("name").lower() not in _STOP)  # "Sportman 2018 werd ..."
                or not nxt
                or not nxt.isalpha()
                or nxt.isupper()
            ):
                return True
        if _DATE_AFTER_RE.search(after) or _DATE_BEFORE_RE.search(before):
            return True
        if _STREET_BEFORE_RE.search(before) or _SCORE_RE.match(after):
            return True
        if _LIST_RE.match(text[sent_start : n.start]) and re.match(r"^[.)]\s", after):
            return True
        if _LIST_RE.match(text[sent_start : n.start]) and int(raw) <= 30:
            m = re.match(r"^\s+([A-Z][a-z]+)\b", after)
            if m and not _DEMONYM.search(m.group(1)):
                return True  # numbered questions: "2 Hoe heeft het zover kunnen komen?"
        if _is_name_number(before, after):
            return True
    if n.text[:1].isdigit() and _CLOCK_RE.match(after):
        return True
    if re.match(r"^[.,]\d", after) or re.search(r"\d[.,:/]$", before):
        return True  # a fragment of a time, version or ip address
    if _REF_BEFORE_RE.search(before) and n.kind == "cardinal" and is_int_digits:
        return True
    # durations and "drie weken geleden" belong to the timexes stage
    return bool(_TIMEUNIT_RE.match(after) and not _AGE_RE.match(after))


_NAME_BEFORE_RE = re.compile(r"(?:(?P<prev>[\w'’-]+)\s+)?(?P<name>[A-Z][\w'’-]*)\s+$")
_PREPOSITIONS = frozenset("in uit naar bij te voor van op aan met door over tegen tussen".split())


def _is_name_number(before: str, after: str) -> bool:
    """A number that is part of a name: "Boeing 737 MAX", "Sportman 2018 werd", "zie Regio 1"."""
    m = _NAME_BEFORE_RE.search(before)
    if not m:
        return False
    name, prev = m.group("name"), (m.group("prev") or "").lower()
    if name.lower() in _STOP or name.lower() in QUALIFIERS or prev in _PREPOSITIONS:
        return False
    nxt = after.lstrip()[:1]
    return not nxt or not nxt.isalpha() or nxt.isupper()


def _qualifier(text: str, n: NumberMatch, sent_start: int) -> tuple[str, int]:
    before = text[max(sent_start, n.start - 45) : n.start]
    m = _QUAL_RE.search(before)
    if m:
        return QUALIFIERS[m.group("q").lower()], n.start - len(before) + m.start()
    return ("about" if n.kind == "plural" else "exact"), n.start


def _noun_phrase(text: str, pos: int, limit: int) -> tuple[str | None, str | None]:
    """POS-free guess at the counted noun phrase after ``pos``: adjectives (-e) then a noun,
    then an optional ``van X`` complement; returns (unit, subject)."""
    words = [(m.start() + pos, m.end() + pos, m.group()) for m in _TOKEN_RE.finditer(text[pos:limit])]
    np: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words) and len(np) < 4:
        w = words[i][2]
        if not w[0].isalpha() or w.lower() in _STOP or (w[0].isupper() and not np and not _DEMONYM.search(w)):
            break
        np.append(words[i])
        i += 1
        if not (w.endswith("e") and i < len(words) and words[i][2][:1].isalpha()):
            break
    if not np:
        return None, None
    unit = np[-1][2]
    end = np[-1][1]
    if i + 1 < len(words) and words[i][2] == "van":
        j = i + 1
        comp: list[tuple[int, int, str]] = []
        while j < len(words) and len(comp) < 5:
            w = words[j][2]
            if not w[0].isalpha() or (w.lower() in _STOP and w.lower() not in ("de", "het")):
                break
            comp.append(words[j])
            j += 1
        if comp and comp[-1][2].lower() not in ("de", "het"):
            end = comp[-1][1]
    return unit, text[np[0][0] : end]


def _dep_noun_phrase(sdoc: Any, start: int, end: int) -> tuple[str | None, str | None] | None:
    """With a dependency parse: the noun the number modifies and its phrase after the number."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = span[-1].head
    if head.i <= span[-1].i or head.pos_ not in ("NOUN", "PROPN"):
        return None
    right = head
    for tok in head.rights:
        if tok.dep_ in ("nmod", "amod", "compound", "flat", "appos") and tok.i <= head.sent.end:
            right = tok.right_edge if tok.right_edge.dep_ != "punct" else tok
    last = head
    for tok in sdoc[head.i : right.i + 1]:
        if tok.is_punct or tok.dep_ in ("acl", "acl:relcl", "relcl"):
            break
        last = tok
    # a name right after a common noun is its apposition ("terreurgroep Islamitische Staat"),
    # whatever the parser attached it to
    nxt = last.i + 1
    if last.pos_ == "NOUN" and nxt < len(sdoc) and sdoc[nxt].ent_iob_ == "B":
        ent = next((e for e in sdoc.ents if e.start == nxt), None)
        if ent is not None and ent.end <= head.sent.end:
            last = sdoc[ent.end - 1]
    stop = last.idx + len(last.text)
    return head.text, sdoc.text[span[-1].idx + len(span[-1].text) : stop].strip() or None


def _is_noun(sdoc: Any, start: int, word: str) -> bool:
    """Whether ``word`` at ``start`` is a noun: by its tag when the text is tagged, else by list."""
    if word.lower() in _STOP or word.lower() == "van":
        return False
    if sdoc is None or not sdoc.has_annotation("POS"):
        return True
    span = sdoc.char_span(start, start + len(word), alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].pos_ in ("NOUN", "PROPN")


def _kind_unit(text: str, n: NumberMatch) -> tuple[str, str | None, int, int]:
    """Kind, unit and the widened span (currency sign before, unit word after)."""
    start, end = n.start, n.end
    after = text[n.end : n.end + 40]
    before = text[max(0, n.start - 6) : n.start]
    if n.text[-1:].isalpha() and n.text.lower().rstrip("s").endswith("je"):
        return "money", "EUR", start, end  # "een tientje"
    m = _PERCENT_RE.match(after)
    if m:
        return (
            "percent",
            "procentpunt" if "punt" in m.group(1).lower() else "%",
            start,
            end + m.end(),
        )
    m = _CUR_BEFORE_RE.search(before)
    if m:
        return "money", CURRENCIES[m.group("c").lower()], start - (len(before) - m.start()), end
    m = _CUR_AFTER_RE.match(after)
    if m:
        return "money", CURRENCIES[m.group("c").lower()], start, end + m.end()
    m = _AGE_RE.match(after)
    if m:
        return "age", "jaar", start, end + m.end()
    if n.kind == "cardinal" and n.text.isdigit() and 0 < n.value < 120:
        wide = text[max(0, n.start - 40) : n.start]
        if (_AGE_PAREN_RE.search(wide) and after.startswith(")")) or (
            _AGE_OF_RE.search(wide) and _AGE_OF_AFTER_RE.match(after)
        ):
            return "age", "jaar", start, end
    m = _MEAS_RE.match(after)
    if m and not (m.group("m") in ("m", "l") and n.kind != "cardinal"):
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
    m = _VOLGENS_RE.search(text, s, e)
    if m:
        return (_strip_article(m.group("s")),)
    if si + 1 < len(sents):
        ns, ne = sents[si + 1]
        m = _DAT_RE.match(text[ns:ne])
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


def _with_money_words(text: str, nums: list[NumberMatch]) -> list[NumberMatch]:
    """Add coins and notes by name ("een tientje", "twee vijfjes") as money amounts."""
    extra = []
    for m in _MONEY_WORD_RE.finditer(text):
        count = parse_number(m.group("n")) if m.group("n") else None
        start = m.start() if count is not None else m.start("w")
        value = (count or 1) * _MONEY_WORDS[m.group("w").lower()]
        extra.append(NumberMatch(start, m.end(), text[start : m.end()], value, "cardinal"))
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
    m = _SCALE_END_RE.search(second.text)
    if not m or _SCALE_END_RE.search(first.text) or first.kind != "cardinal":
        return float(first.value)
    scale = _SCALE_VALUES[m.group(1).lower().rstrip(".")]
    scaled = first.value * scale
    return scaled if scaled <= second.value * 10 else float(first.value)


def extract_figures(doc: Document) -> list[Figure]:
    """All figures in the document, ranges and changes merged, in text order."""
    text = doc.text
    sents = _sentence_bounds(doc)
    starts = [s for s, _ in sents]
    nums = _with_money_words(text, find_numbers(text))
    phones = [(m.start(), m.end()) for m in _PHONE_RE.finditer(text)]
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
        if n.value == 1 and n.text.lower() in ("één", "eén") and _ONE_OF_RE.match(text[n.end :]):
            continue
        w0 = max(0, n.start - 20)
        if any(m.start() + w0 <= n.start < m.end() + w0 for m in _IDIOM_RE.finditer(text[w0 : n.end + 20])):
            continue
        value = float(n.value)
        value_max = value_from = None
        qualifier, qstart = _qualifier(text, n, s)
        if n.kind == "plural" and qualifier in ("exact", "about"):
            qualifier = "at_least"  # "duizenden": at least two thousand
        elif (n.text.lower() in _BARE_SCALE or n.text.lower().endswith("jes")) and (
            few := _FEW_RE.search(text[max(s, n.start - 20) : n.start])
        ):
            value, qualifier = 2 * value, "at_least"  # "een paar honderd": at least 200
            qstart = n.start - (len(text[max(s, n.start - 20) : n.start]) - few.start())
        last = n
        mid_m = (
            _RANGE_MID_RE.match(text[n.end : nums[i].start]) if i < len(nums) and nums[i].start < e else None
        )
        if mid_m and mid_m.group("unit") and not _same_unit(mid_m.group("unit"), text, nums[i]):
            mid_m = None  # "steeg met 195 procent tot 1,6 miljoen euro": two different things
        if mid_m:
            mid = mid_m.group("mid").lower()
            nxt = nums[i]
            before = text[max(s, n.start - 12) : n.start]
            pre = _RANGE_PRE_RE.search(before)
            first = _shared_scale(n, nxt)
            change = (
                pre is not None
                and pre.group().lower().startswith("van")
                and (mid == "naar" or (mid.startswith("tot") and _CHANGE_RE.search(text, s, e)))
            )
            if change:
                last, value_from, value, qualifier = nxt, first, float(nxt.value), "change"
            elif mid != "naar" and (mid != "en" or pre) and nxt.value > first:
                last, value, value_max, qualifier = nxt, first, float(nxt.value), "range"
            if last is nxt:
                if pre:
                    qstart = n.start - (len(before) - pre.start())
                i += 1
                after = text[nxt.end : nxt.end + 30]
                if _TIMEUNIT_RE.match(after) and not _AGE_RE.match(after):
                    continue  # "twee of drie jaar" is a duration: the timexes stage's
        kind, unit, start, end = _kind_unit(text, last)
        if kind == "money" and start > n.start:
            start = n.start
        start = min(start, qstart, n.start)
        if re.match(r"(?i)^\s*(?:of|en)\s+(?:meer|hoger)\b", text[end : end + 12]):
            qualifier = "at_least"
        elif re.match(r"(?i)^\s*(?:of|en)\s+(?:minder|lager)\b", text[end : end + 12]):
            qualifier = "at_most"
        subject = None
        np = _dep_noun_phrase(sdoc, last.start, last.end) if has_dep else None
        if np is None:
            np = _noun_phrase(text, end, e)
        noun, subject = np
        if kind == "count" and noun:
            unit = noun
        elif (
            kind == "fraction"
            and noun
            and _HALF_RE.search(n.text)
            and (m := re.match(rf"\s+{re.escape(noun)}\b", text[end:e]))
            and _is_noun(sdoc, end + m.end() - len(noun), noun)
        ):
            unit = noun  # "een half bos", "een halve marathon" ("een derde keer" is an ordinal)
        elif kind in ("fraction", "percent") and subject is None:
            m = re.match(r"(?i)\s*(?:\w+\s+)?van\s+((?:de|het)\s+[\w'’-]+(?:\s+[\w'’-]+)?)", text[end:e])
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


@stage("figures", requires={"sentences"}, provides={"figures"}, version=3)
def find_figures(doc: Document) -> Document:
    """Fill ``doc.figures`` from the article body."""
    doc.figures = extract_figures(doc)
    return doc
