"""Word tables and patterns of the figures stage: qualifiers, currencies, measures, and the
contexts that make a number something other than a figure (years, dates, names, references)."""

# ruff: noqa: SIM905  (word tables read best as split strings)
from __future__ import annotations

import re

from kroniek.lexicon import MONTH_NUMBERS, alternation, mapping, words
from kroniek.lexicon.reporting import VERBS

#: Words before a number and what they say about it (longest phrase wins).
QUALIFIERS: dict[str, str] = mapping("qualifiers.tsv", __package__)
QUAL_ALT = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
FILLER = r"(?:onder meer|in totaal|al|nog|nog maar|maar|slechts|liefst|de|het|wel|dus|zelfs)"
QUAL_RE = re.compile(rf"(?i)(?<![\w])(?P<q>{QUAL_ALT})\s+(?:{FILLER}\s+)*$")
RANGE_PRE_RE = re.compile(r"(?i)\b(?:tussen|van)\s+(?:de\s+)?$")
#: between the two numbers of a range or change: an optional unit of the first number
#: ("7146 euro tot ...", "6 procent naar ..."), the link word, an optional qualifier of the second
RANGE_MID_RE = re.compile(
    r"(?i)^-?\s*(?:(?P<unit>procent|%|euro|dollar|€|\$)\s*)?"
    r"(?P<mid>tot(?: en met)?|à|a|-|–|en|of|naar)\s*"
    r"(?:(?:de|ruim|bijna|zo'n|zo’n|ongeveer|circa|ca\.|maximaal|hooguit|minstens|wel)\s+)?$"
)
#: words that make "van X tot Y" a change rather than a range ("steeg van 6 tot 9 procent")
CHANGE_RE = re.compile(
    r"(?i)\b(?:stijg(?:t|en|ing)|steeg|stegen|gestegen|da(?:alt|alde|alden|len|ling)|gedaald|"
    r"groei(?:t|de|den|en)?|gegroeid|toename|toegenomen|n(?:eemt|am|amen)\s+(?:toe|af)|afname|"
    r"afgenomen|l(?:iep|iepen|oopt)\s+(?:op|terug)|opgelopen|teruggelopen|zak(?:t|te|ten)|gezakt|"
    r"kl(?:om|ommen|imt)|geklommen|verhoo?g(?:d|t|de|den|ing)|verlaag(?:d|t|de|den)|verlaging|"
    r"verdubbel(?:d|t|de)|halveer(?:t|de)|gehalveerd|veranderd|verander(?:t|de|ing)|"
    r"bijgesteld|gecorrigeerd)\b"
)
#: A scale word at the end of a number ("7 miljoen") that a bare first number of a range shares
SCALE_END_RE = re.compile(r"(?i)(miljoen|miljard|biljoen|duizend|mln\.?|mld\.?|mrd\.?)$")
SCALE_VALUES = {"miljoen": 1e6, "mln": 1e6, "miljard": 1e9, "mld": 1e9, "mrd": 1e9,
                 "biljoen": 1e12, "duizend": 1e3}  # fmt: skip
#: "een paar honderd", "enkele duizenden": at least two of the scale
FEW_RE = re.compile(r"(?i)\b(?:een\s+paar|paar|enkele|een\s+aantal|luttele)\s+$")
BARE_SCALE = frozenset("honderd duizend tienduizend honderdduizend miljoen miljard".split())
#: Coins and notes by name: "een tientje" is ten euro.
MONEY_WORDS = {w: int(v) for w, v in mapping("money_words.tsv", __package__).items()}
MONEY_WORD_RE = re.compile(
    r"(?i)(?<![\w])(?:(?P<n>een|één|eén|\d+|[a-zë]+)\s+)?"
    r"(?P<w>vijfjes?|tientjes?|twintigjes?|honderdjes?)(?![\w])"
)
#: "acht ton is opgehaald": a "ton" is 100,000 euro in money talk, a tonne elsewhere
TON_RE = re.compile(r"(?i)^\s*ton(?:nen)?\b")
TON_MONEY_RE = re.compile(
    r"(?i)\b(?:euro|geld|betal\w*|betaald|kost\w*|gekost|opgehaald|opgebracht|binnen|waarde|schade\w*|"
    r"lening|subsidie|boete|omzet|winst|verlies|resultaat|salaris|bedrag|vergoeding|investering|"
    r"huur|tekort|schuld|premie|budget|bonus)\b"
)
TON_WEIGHT_RE = re.compile(
    r"(?i)\b(?:co2|co₂|cocaïne|drugs|afval|staal|zand|graan|vracht|lading|materieel|uitstoot|"
    r"broeikasgas\w*|plastic|kolen|olie|water|goederen|vis|vlees|voedsel|hout|beton|ijs|sneeuw|mest|"
    r"gewicht|zwaar|zware|wegen|weegt|woog|kilo|kg|hennep|wiet|vuurwerk|tarwe|aardappelen)\b"
)
#: Dutch phone numbers written in groups ("053 574 1851", "06 23 84 58 86", "020-123 45 67")
PHONE_RE = re.compile(r"(?<![\w,.])(?:\+31[\s-]?|0)\d{1,3}(?:[\s-]\d{2,4}){1,4}(?![\w]|[.,]\d)")
#: "één van de ..." is "one of", not a count
ONE_OF_RE = re.compile(r"(?i)^\s+van\s+(?:de|het|die|deze|dat|hen|hun|ons|jullie|zijn|haar|onze|mijn|uw)\b")

CURRENCIES = mapping("currencies.tsv", __package__)
MEASURES = mapping("measures.tsv", __package__)
TIME_UNITS = (
    r"(?:jaar|jaren|maand|maanden|week|weken|dag|dagen|uur|uren|minuut|minuten|"
    r"seconde|seconden|eeuw|eeuwen|decennia|decennium|kwartier|etmaal|etmalen|nacht|nachten|"
    r"werkweek|werkweken|werkdag|werkdagen|schooljaar|schooljaren|dagje|dagjes|weekje|weekjes|"
    r"jaartje|jaartjes|maandje|maandjes|uurtje|uurtjes)"
)
MONTHS = "(?:" + "|".join(MONTH_NUMBERS) + ")"

CUR_ALT = "|".join(re.escape(c) for c in sorted(CURRENCIES, key=len, reverse=True))
MEAS_ALT = "|".join(re.escape(c) for c in sorted(MEASURES, key=len, reverse=True))
PERCENT_RE = re.compile(r"(?i)^\s*(%|procentpunt(?:en)?|procent|percent)(?![\w])")
CUR_AFTER_RE = re.compile(rf"(?i)^\s*(?P<c>{CUR_ALT})(?![\w])")
CUR_BEFORE_RE = re.compile(r"(?i)(?P<c>€|\$|£|ƒ|eur|usd|gbp)\s*$")
MEAS_RE = re.compile(rf"(?i)^\s*(?P<m>{MEAS_ALT})(?![\w/²])")
AGE_RE = re.compile(r"(?i)^(?:-jarige?n?|\s*(?:jaar|jr\.?)\s+oud|\s*jarige?n?)\b")
#: an age without "jaar": "Maick S. (23)", "haar zoon van 7"
AGE_PAREN_RE = re.compile(r"[A-Z][\w.'’-]*\s*\($")
AGE_OF_RE = re.compile(
    r"(?i)\b(?:zoon|zoontje|dochter|dochtertje|kind|kindje|jongen|jongetje|meisje|man|vrouw|baby|"
    r"peuter|kleuter|tiener|broer|broertje|zus|zusje|vader|moeder|opa|oma|jongeman|dame|heer)"
    r"\s+van\s+$"
)
AGE_OF_AFTER_RE = re.compile(
    r"(?i)^(?:\s*[,.;:)!?]|\s+(?:in|op|uit|met|die|dat|is|was|wordt|werd|heeft|had|en|of|bij|"
    r"kreeg|krijgt|zit|zat|ligt|lag|staat|stond)\b)"
)
TIMEUNIT_RE = re.compile(rf"(?i)^\s*(?:[a-zë]+e\s+)?{TIME_UNITS}\b")
CLOCK_RE = re.compile(r"^[.:]\d{2}\b|^\s*uur\b")
DATE_AFTER_RE = re.compile(
    rf"(?i)^\s*(?:e|ste|de)?\s*{MONTHS}\b|^[-/]\d{{1,2}}[-/]"
    rf"|^\s*(?:en|of|tot(?: en met)?|t/m|[-–])\s*\d{{1,2}}(?:e|ste|de)?\s+{MONTHS}\b"  # "op 13 en 20 april"
)
DATE_BEFORE_RE = re.compile(rf"(?i)\b{MONTHS}\.?\s*$|\d[-/]$")
YEAR_CTX_RE = re.compile(
    r"(?i)\b(?:in|sinds|vanaf|tot|na|voor|eind|begin|medio|halverwege|jaar|zomer|winter|"
    r"voorjaar|najaar|lente|herfst|van|het|rond|tussen|en|t/m|seizoen|anno|midden|over|uit|"
    r"grofweg|ongeveer|circa|ca\.|omstreeks|vergeleken met|opzichte van)\s*$|[(\-–]\s*$"
)
#: before a year earlier than 1500: "uit de periode 1300 tot 1500", "anno 1248", "in 1302"
OLD_YEAR_CTX_RE = re.compile(r"(?i)\b(?:periode|anno|in|sinds|vanaf|omstreeks|jaar|tussen)\s*$")
#: "om 8", "rond 11" are times of day, "om 300 mensen" is not
CLOCK_PREP_RE = re.compile(r"(?i)\b(?:om|rond|tegen)\s*$")
#: "half vier", "kwart over drie" are times of day
HALF_HOUR_BEFORE_RE = re.compile(
    r"(?i)(?<!een )\b(?:half|kwart\s+(?:over|voor))\s+(?:[\wë]+\s+(?:tot|-|–)\s+(?:half\s+)?)?$"
)
#: the second year of "tussen 2014 en 2018", "2014-2018"
YEAR_AFTER_RE = re.compile(r"^\s*(?:en|tot(?: en met)?|t/m|[-–/])\s*(?:1[5-9]|20)\d\d\b")
#: decades: "de jaren zestig", "eind jaren 80", "jaren tachtig en negentig"
DECADE_BEFORE_RE = re.compile(r"(?i)\bjaren\s*'?(?:\s*[\wë]+\s+(?:en|of)\s*'?)?$")
#: word numbers that name rather than count: "nummer drie", "punt één", "rugnummer 88"
REF_WORD_BEFORE_RE = re.compile(
    r"(?i)(?:\w*nummers?|nr\.?|punt|artikel|hoofdstuk|paragraaf|pagina|lijn|stap|fase|niveau|"
    r"categorie|kanaal|zaal|spoor|perron|editie|aflevering|ronde|speeldag|klas|groep)\s+$"
)
#: idioms with a number that counts nothing
IDIOM_RE = re.compile(
    r"(?i)\b(?:in|met)\s+één\s+klap\b|\bop\s+één\s+(?:hoop|lijn)\b|\b(?:twee\s+)?handen\s+op\s+één\s+buik\b|"
    r"\bgeen\s+één\b|\bop\s+één\s+na\b"
)
REF_BEFORE_RE = re.compile(
    r"(?i)\b(?:artikel|art\.|hoofdstuk|paragraaf|lid|nummer|nr\.?|no\.?|pagina|blz\.?|p\.|"
    r"bus|lijn|tram|route|snelweg|kamer|code|versie|type|model|week|groep|klas|stap|fase|niveau|"
    r"categorie|kanaal|zaal|uitgang|spoor|perron|telefoon|tel\.?|bel|postcode|"
    r"editie|seizoen|aflevering|deel|ronde|speeldag|minuut|giro|gironummer|"
    r"rekening|rekeningnummer|bankrekening|iban|postbus|kvk|kvk-nummer)\s*$"
)
STREET_BEFORE_RE = re.compile(
    r"[A-Z][\w-]*(?:straat|weg|laan|plein|gracht|kade|singel|dijk|dreef|pad|steeg|hof|markt|"
    r"park|baan|burgwal|boulevard|plantsoen|straatweg)\s*$"
)
SCORE_RE = re.compile(r"^\s*[-–]\s*\d\b(?!\s*(?:procent|%|euro|\w+en\b))")
LIST_RE = re.compile(r"^[\s•*-]*$")
#: "Dat meldt X": the reporting verbs that attribute a figure to a source after "Dat", from the
#: shared reporting-verb table, plus "becijfert" (a calculation) and "maakt (bekend)"
SOURCE_VERBS = "(?:" + alternation(
    [f for lemma in ("schrijven", "melden", "zeggen", "stellen", "berichten", "rapporteren", "concluderen")
     for f in (lemma, *VERBS[lemma].split())]
    + ["becijfert", "becijferde", "maakt", "maakte", "laat weten", "liet weten"]
) + ")"
VOLGENS_RE = re.compile(r"\b[Vv]olgens\s+(?P<s>(?:de |het )?[\w'’-]+(?:\s+[A-Z][\w'’-]*)*)")
DAT_RE = re.compile(
    rf"^\s*(?:Dat|Dit|Die)\s+{SOURCE_VERBS}\s+(?P<s>(?:de |het )?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
    r"(?P<rest>[^.]*?\bop basis van\s+(?:een\s+\w+\s+van\s+|cijfers\s+van\s+|gegevens\s+van\s+)?"
    r"(?P<s2>(?:de |het )?[\w'’-]+(?:\s+[\w'’-]+){0,3}?)(?=\s+(?:die|dat|met|over|in|op|uit)\b|[,.]|$))?"
)
STOP = words("stop.txt", __package__)
HALF_RE = re.compile(r"(?i)(?:half|halve|kwart)$")
DEMONYM = re.compile(r"(?:ers|ërs|aars|anen|ezen|en)$")  # "Nederlanders", "Syriërs", "Afghanen"
TOKEN_RE = re.compile(r"[\w'’-]+|[^\w\s]")


NAME_BEFORE_RE = re.compile(r"(?:(?P<prev>[\w'’-]+)\s+)?(?P<name>[A-Z][\w'’-]*)\s+$")
PREPOSITIONS = frozenset("in uit naar bij te voor van op aan met door over tegen tussen".split())
