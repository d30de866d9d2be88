"""Dutch reporting cues: the words that introduce or attribute a statement.

Verbs are listed by lemma with their inflected forms, because the blank fallback analysis has no
lemmas and even a trained model lemmatises rare forms badly; matching is a set lookup on the
lowercased surface word. Separable particle verbs ("laat ... weten", "voegt ... toe") are listed
as (finite forms, particle) so the particle can be looked for later in the clause.

Users extend the lexicon with ``KRONIEK_CUES=/path/to/file``:

* plain text, one cue per line (``#`` starts a comment): a single word is a reporting verb form
  (``twitterde``); two words are a finite form plus its particle (``deelde mee``);
* or JSON: a list of such strings, or ``{"verbs": {"lemma": ["form", ...]},
  "particles": {"finite form": "particle"}}``.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

#: lemma -> inflected forms (lemma itself included automatically).
VERBS: dict[str, str] = {
    "zeggen": "zeg zegt zei zeiden zeide zeiden gezegd zeggende",
    "stellen": "stel stelt stelde stelden gesteld",
    "verklaren": "verklaar verklaart verklaarde verklaarden verklaard",
    "waarschuwen": "waarschuw waarschuwt waarschuwde waarschuwden gewaarschuwd",
    "ontkennen": "ontken ontkent ontkende ontkenden ontkend",
    "bevestigen": "bevestig bevestigt bevestigde bevestigden bevestigd",
    "melden": "meld meldt meldde meldden gemeld",
    "schrijven": "schrijf schrijft schreef schreven geschreven",
    "benadrukken": "benadruk benadrukt benadrukte benadrukten",
    "vertellen": "vertel vertelt vertelde vertelden verteld",
    "beweren": "beweer beweert beweerde beweerden beweerd",
    "erkennen": "erken erkent erkende erkenden erkend",
    "aankondigen": "kondigt kondigde kondigden aangekondigd",
    "verzekeren": "verzeker verzekert verzekerde verzekerden verzekerd",
    "beloven": "beloof belooft beloofde beloofden beloofd",
    "dreigen": "dreigt dreigde dreigden gedreigd",
    "eisen": "eist eiste eisten geëist",
    "menen": "meen meent meende meenden gemeend",
    "vinden": "vindt vond vonden",
    "denken": "denkt dacht dachten",
    "verwachten": "verwacht verwachtte verwachtten",
    "betogen": "betoogt betoogde betoogden betoogd",
    "onderstrepen": "onderstreept onderstreepte onderstreepten onderstreept",
    "concluderen": "concludeert concludeerde concludeerden geconcludeerd",
    "rapporteren": "rapporteert rapporteerde rapporteerden gerapporteerd",
    "berichten": "bericht berichtte berichtten",
    "aanvoeren": "voert voerde aangevoerd",
    "reageren": "reageert reageerde reageerden gereageerd",
    "antwoorden": "antwoord antwoordt antwoordde antwoordden geantwoord",
    "vragen": "vraag vraagt vroeg vroegen gevraagd",
    "roepen": "roep roept riep riepen geroepen",
    "schreeuwen": "schreeuwt schreeuwde schreeuwden geschreeuwd",
    "fluisteren": "fluister fluistert fluisterde fluisterden gefluisterd",
    "mompelen": "mompelt mompelde mompelden gemompeld",
    "spreken": "spreekt sprak spraken gesproken",
    "hernemen": "herneemt hernam hernamen",
    "vervolgen": "vervolgt vervolgde vervolgden",
    "herhalen": "herhaalt herhaalde herhaalden herhaald",
    "zuchten": "zucht zuchtte zuchtten",
    "lachen": "lacht lachte lachten",
    "stamelen": "stamelt stamelde stamelden",
    "brommen": "bromt bromde bromden",
    "snauwen": "snauwt snauwde snauwden",
    "juichen": "juicht juichte juichten",
    "klagen": "klaagt klaagde klaagden",
    "opperen": "oppert opperde opperden geopperd",
    "tweeten": "tweet tweette tweetten getweet",
    "twitteren": "twittert twitterde twitterden getwitterd",
    "noemen": "noem noemt noemde noemden genoemd",
    "bekritiseren": "bekritiseert bekritiseerde bekritiseerden",
    "verwijten": "verwijt verweet verweten",
    "schatten": "schat schatte schatten geschat",
    "citeren": "citeert citeerde citeerden geciteerd",
    "oordelen": "oordeelt oordeelde oordeelden geoordeeld",
    "toegeven": "toegegeven",
    "toevoegen": "toegevoegd",
    "aangeven": "aangegeven",
    "opmerken": "opgemerkt",
    "uitleggen": "uitgelegd",
    "bekendmaken": "bekendgemaakt",
    "meedelen": "meegedeeld",
    "claimen": "claim claimt claimde claimden geclaimd",
    "constateren": "constateer constateert constateerde constateerden geconstateerd",
    "suggereren": "suggereert suggereerde suggereerden gesuggereerd",
    "onthullen": "onthult onthulde onthulden onthuld",
    "vrezen": "vrees vreest vreesde vreesden gevreesd",
    "beamen": "beaamt beaamde beaamden",
    "weten": "weet wist wisten",  # "', weet Slot." (news); not a that-cue
    "bepleiten": "bepleit bepleitte bepleitten bepleit",
    "pleiten": "pleit pleitte pleitten gepleit",
}

#: Finite forms of separable verbs -> the particle that completes them.
PARTICLES: dict[str, str] = {
    **{f: "weten" for f in ("laat", "laten", "liet", "lieten")},
    **{f: "toe" for f in ("voeg", "voegt", "voegde", "voegden", "geeft", "gaf", "gaven")},
    **{f: "aan" for f in ("geef", "geeft", "gaf", "gaven", "kondigt", "kondigde", "voert", "voerde")},
    **{f: "op" for f in ("merkt", "merkte", "merkten", "roept", "riep", "riepen", "werpt", "wierp")},
    **{f: "uit" for f in ("legt", "legde", "legden", "roept", "riep", "spreekt", "sprak")},
    **{f: "mee" for f in ("deelt", "deelde", "deelden")},
    **{f: "bekend" for f in ("maakt", "maakte", "maakten")},
    **{f: "voort" for f in ("gaat", "ging", "gingen", "vaart", "voer")},
    **{f: "vast" for f in ("stelt", "stelde", "stelden")},
    **{f: "erop" for f in ("wijst", "wees", "wezen")},  # "wijst erop dat"
    **{f: "eraan" for f in ("herinnert", "herinnerde", "herinnerden")},  # "herinnert eraan dat"
    **{f: "toe" for f in ("licht", "lichtte", "lichtten")},  # "licht toe dat"
}

#: Cues that may introduce a *that*-clause ("X zegt dat ..."); literary-only verbs are excluded
#: so narration like "hij lachte dat ..." is not read as reported speech.
THAT_LEMMAS = frozenset(
    "zeggen stellen verklaren waarschuwen ontkennen bevestigen melden schrijven benadrukken "
    "vertellen beweren erkennen aankondigen verzekeren beloven dreigen eisen menen vinden "
    "verwachten betogen onderstrepen concluderen rapporteren berichten aanvoeren antwoorden "
    "opperen tweeten twitteren schatten oordelen toegeven toevoegen aangeven opmerken uitleggen "
    "bekendmaken meedelen claimen constateren suggereren onthullen beamen herhalen".split()
)

#: Verbs used in the inverted "Dat zegt X" construction (claim = previous sentence).
REPORT_LEMMAS = frozenset(
    "zeggen stellen verklaren melden schrijven berichten rapporteren bevestigen concluderen "
    "tweeten twitteren waarschuwen benadrukken vertellen aankondigen bekendmaken meedelen "
    "zeggen beweren antwoorden reageren erkennen ontkennen oordelen verwachten constateren "
    "herhalen".split()
)

#: Subject pronouns that may be the speaker after or before a cue.
PRONOUNS = frozenset("hij zij ze ik wij we u jij je gij men ie".split())  # ie: "zei -ie"
PERSON_PRONOUNS = frozenset("hij zij ze".split())

#: Words that end a speaker phrase after a cue ("zegt Erdogan woensdag tegen ...").
SPEAKER_STOP = frozenset(
    """tegen op in bij aan met namens voor na over om tot uit van door dat of als toen omdat maar
    en ook nog al wel niet dan daarom daarna vandaag gisteren morgen eerder later nu
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag maandagavond dinsdagavond
    woensdagavond donderdagavond vrijdagavond zaterdagavond zondagavond vanmorgen vanochtend
    vanmiddag vanavond zelf zelfs onder meer waarin waarop die dit deze tijdens
    """.split()
)

#: Role nouns that head descriptions of people ("de Turkse president", "de woordvoerder").
ROLE_NOUNS = frozenset(
    """president premier minister woordvoerder woordvoerster burgemeester directeur voorzitter
    leider koning koningin prins prinses minister-president staatssecretaris ambassadeur
    topman topvrouw ceo baas chef generaal commandant advocaat officier rechter hoogleraar
    onderzoeker deskundige expert politicus senator kanselier paus bisschop trainer coach
    bondscoach aanvoerder speler wethouder gouverneur burgervader dictator vorst sjeik
    secretaris-generaal gezant fractievoorzitter partijleider oppositieleider kamerlid
    politiechef agent officier-van-justitie aanklager hoofdaanklager verdachte getuige
    econoom analist schrijver journalist correspondent bewindsman bewindsvrouw bewindspersoon
    gedeputeerde commissaris lijsttrekker statenlid raadslid europarlementariër eurocommissaris
    """.split()
)

#: Groups and organisations that may speak ("de coalitie", "het ministerie").
ORG_NOUNS = frozenset(
    """coalitie ministerie regering kabinet politie brandweer leger krijgsmacht gemeente
    provincie rechtbank rechter hof openbaar justitie om bedrijf organisatie vakbond partij
    fractie commissie raad ambassade autoriteiten overheid ministers woordvoerders bronnen
    deskundigen experts onderzoekers wetenschappers inlichtingendiensten dienst bank
    centrale persbureau krant omroep zender bond federatie alliantie navo vn-onderzoekers
    getuigen ooggetuigen omwonenden buurtbewoners bewoners critici kenners ingewijden betrokkenen
    artsen agenten medewerkers inwoners boeren vissers telers kwekers ondernemers winkeliers
    gerechtshof waterschap veiligheidsregio universiteit hogeschool ziekenhuis school
    """.split()
)

#: Nouns for any kind of organisation, also as the head of a compound ("sportwinkelketen"):
#: "het bedrijf" is the organisation the story just named, "winkelketen X" names one.
ORGANISATION_KIND_NOUNS = frozenset(
    "bedrijf onderneming organisatie firma concern keten winkelketen fabrikant producent stichting "
    "instelling club vereniging partij".split()
)


def names_organisation_kind(word: str, compound_only: bool = False) -> bool:
    """Whether a lower-cased word is, or ends in, a noun for a kind of organisation
    ("bedrijf", "sportwinkelketen"); `compound_only` asks for the compound form alone."""
    return any(
        (word == n and not compound_only) or (word.endswith(n) and len(word) > len(n) + 2)
        for n in ORGANISATION_KIND_NOUNS
    )


#: Things after "volgens" that are not sources ("volgens plan").
NOT_SOURCE = frozenset(
    "plan schema verwachting verwachtingen planning traditie afspraak afspraken regels regel "
    "wet protocol gewoonte zeggen berekening berekeningen".split()
)

#: Nouns that name a document a source speaks through ("op basis van een verklaring van X").
VEHICLE_NOUNS = frozenset(
    """verklaring rapport onderzoek cijfers gegevens informatie bronnen bron mededeling
    persbericht analyse studie brief bericht berichten documenten document interview
    inlichtingen schattingen schatting peiling enquête""".split()
)


def _split(words: str) -> list[str]:
    return [w for w in words.split() if w]


@lru_cache(maxsize=8)
def _load_user(path: str) -> tuple[dict[str, str], dict[str, str]]:
    """Read a KRONIEK_CUES file into (form -> lemma, finite -> particle)."""
    raw = Path(path).read_text(encoding="utf-8")
    forms: dict[str, str] = {}
    particles: dict[str, str] = {}

    def add(entry: str) -> None:
        parts = entry.lower().split()
        if len(parts) == 1:
            forms[parts[0]] = parts[0]
        elif len(parts) == 2:
            particles[parts[0]] = parts[1]

    stripped = raw.lstrip()
    if stripped.startswith(("[", "{")):
        data = json.loads(raw)
        if isinstance(data, list):
            for entry in data:
                add(str(entry))
        else:
            for lemma, fs in (data.get("verbs") or {}).items():
                forms[lemma.lower()] = lemma.lower()
                for f in fs:
                    forms[str(f).lower()] = lemma.lower()
            for finite, particle in (data.get("particles") or {}).items():
                particles[finite.lower()] = str(particle).lower()
    else:
        for line in raw.splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                add(line)
    return forms, particles


class Lexicon:
    """Lookup tables built once per process (and per KRONIEK_CUES value)."""

    def __init__(self, user_file: str | None = None) -> None:
        self.form_lemma: dict[str, str] = {}
        for lemma, forms in VERBS.items():
            self.form_lemma[lemma] = lemma
            for f in _split(forms):
                self.form_lemma.setdefault(f, lemma)
        self.particles: dict[str, str] = dict(PARTICLES)
        self.user_forms: set[str] = set()
        if user_file:
            forms, particles = _load_user(user_file)
            self.form_lemma.update(forms)
            self.user_forms = set(forms)
            self.particles.update(particles)
        self.that_forms = frozenset(
            f for f, lem in self.form_lemma.items() if lem in THAT_LEMMAS or f in self.user_forms
        )
        self.report_forms = frozenset(
            f for f, lem in self.form_lemma.items() if lem in REPORT_LEMMAS or f in self.user_forms
        )

    def lemma(self, word: str) -> str | None:
        """The reporting lemma of a word form, or None when it is not a cue."""
        return self.form_lemma.get(word.lower())

    def is_cue(self, word: str) -> bool:
        w = word.lower()
        return w in self.form_lemma or w in self.particles


@lru_cache(maxsize=4)
def _lexicon(user_file: str | None) -> Lexicon:
    return Lexicon(user_file)


def get_lexicon() -> Lexicon:
    """The lexicon, including cues from the file named by ``KRONIEK_CUES`` when set."""
    return _lexicon(os.environ.get("KRONIEK_CUES") or None)
