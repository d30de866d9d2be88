"""Quotes stage on fixtures written for these tests (run with the shipped model and without)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from kroniek.analysis import dutch_model as analysis
from kroniek.extraction.entities import find_entities
from kroniek.extraction.quotes import find_quotes
from kroniek.lexicon.reporting import _lexicon, get_lexicon
from kroniek.model import Article, Document, PublishedDate

# A news article built from the seed's sentences (constructions only, shortened).
SEED = (
    "Minder dan duizend strijders van terreurgroep Islamitische Staat (IS) zijn op het moment nog "
    "actief in Syrië en Irak. Dat schrijft Reuters woensdag op basis van een verklaring van de "
    "internationale coalitie die onder leiding van de Verenigde Staten strijdt tegen de "
    "fundamentalistische organisatie.\n\n"
    "IS-militanten in het gebied in handen van de Syrische president Assad zijn niet meegerekend "
    "in de telling.\n\n"
    "Eerder verklaarden zowel Bagdad als Damascus dat de oorlog met IS ten einde is. Ook de "
    "Russische minister van Buitenlandse Zaken Sergej Lavrov bevestigde woensdag dat de strijd "
    "tegen de terreurgroep in Syrië zo goed als voorbij is.\n\n"
    "Rusland is een cruciale bondgenoot geweest van Assad. Volgens Lavrov is het belangrijkste "
    "doel nu “de vernietiging van Jabhat al-Nusra”, de Syrische tak van Al-Qaeda.\n\n"
    "Erdogan: Assad is een terrorist\n\n"
    "Met het einde van de strijd tegen IS komt ook de positie van Assad weer ter discussie. De "
    "Turkse president Recep Erdogan noemde de Syrische president woensdag een “terrorist die "
    "verantwoordelijk is voor staatsterreur”. Erdogan: “Hoe kunnen we een toekomst omhelzen met "
    "een Syrische president die bijna een miljoen burgers heeft vermoord?”"
)


@pytest.fixture(params=["model", "blank"])
def mode(request, monkeypatch):
    if request.param == "blank":
        monkeypatch.setattr(analysis, "model_path", lambda: None)
    elif analysis.model_path() is None:
        pytest.skip("no shipped model")
    return request.param


def run(text: str) -> Document:
    doc = Document(article=Article(id="t", text=text, published=PublishedDate.parse("2017-12")))
    return find_quotes(find_entities(analysis.run_analysis(doc)))


def find(doc: Document, needle: str):
    hits = [q for q in doc.quotes if needle in q.content.text]
    assert hits, f"no quote containing {needle!r}: {[q.content.text for q in doc.quotes]}"
    return hits[0]


def test_seed_article(mode):
    doc = run(SEED)
    first = find(doc, "Minder dan duizend strijders")
    assert first.source_chain == ("internationale coalitie", "Reuters")
    assert first.speaker_name == "internationale coalitie"
    assert first.cue.text == "schrijft"

    lavrov = find(doc, "belangrijkste doel")
    assert lavrov.speaker_name == "Sergej Lavrov"
    assert "de vernietiging van Jabhat al-Nusra" in lavrov.content.text
    assert lavrov.kind == "mixed"

    heading = find(doc, "Assad is een terrorist")
    assert heading.speaker_name == "Recep Erdogan"
    assert heading.content.text == "Assad is een terrorist"

    noemde = find(doc, "terrorist die verantwoordelijk")
    assert noemde.speaker_name == "Recep Erdogan"
    assert noemde.speaker_name == "Recep Erdogan"
    if mode == "model" and "Turkse president Recep Erdogan" not in noemde.speaker.text:
        pytest.xfail(
            "the NER may type the heading 'Erdogan' MISC; the evidence span then "
            "points at that heading instead of the apposition (name is still right)"
        )
    assert "Turkse president Recep Erdogan" in noemde.speaker.text
    assert "Assad" in noemde.about

    hoe = find(doc, "Hoe kunnen we")
    assert hoe.speaker_name == "Recep Erdogan"
    assert hoe.speaker.text == "Erdogan"
    assert hoe.kind == "direct"

    both = find(doc, "de oorlog met IS ten einde is")
    assert both.speaker_name == "Bagdad en Damascus"
    assert both.kind == "indirect"
    bev = find(doc, "zo goed als voorbij")
    assert bev.speaker_name == "Sergej Lavrov"
    assert bev.source_chain == ("Sergej Lavrov",)
    # not quotes: the author's own sentences
    assert not [q for q in doc.quotes if "Rusland is een cruciale" in q.content.text]
    assert not [q for q in doc.quotes if "Met het einde" in q.content.text]


@pytest.mark.parametrize(
    "text",
    [
        "„Wij gaan door”, zegt Mark Rutte.",
        '"Wij gaan door", zegt Mark Rutte.',
        "“Wij gaan door”, zegt Mark Rutte.",
        "'Wij gaan door', zegt Mark Rutte.",
        "‘Wij gaan door’, zegt Mark Rutte.",
        ",,Wij gaan door'', zegt Mark Rutte.",
        "«Wij gaan door», zegt Mark Rutte.",
    ],
)
def test_quote_styles(mode, text):
    doc = run(text)
    assert len(doc.quotes) == 1
    q = doc.quotes[0]
    assert q.content.text == "Wij gaan door"
    assert q.speaker_name == "Mark Rutte"
    assert q.cue.text == "zegt"
    assert q.kind == "direct"


def test_split_quote_and_pronoun(mode):
    doc = run(
        "Premier Mark Rutte sprak dinsdag in Den Haag. 'We zijn er nog niet', zei hij. "
        "'Het wordt een lange winter. Maar we komen er samen doorheen.'"
    )
    qs = [q for q in doc.quotes if q.kind == "direct"]
    assert [q.content.text for q in qs] == [
        "We zijn er nog niet",
        "Het wordt een lange winter. Maar we komen er samen doorheen.",
    ]
    assert all(q.speaker_name == "Mark Rutte" for q in qs)
    assert qs[0].speaker.text == "hij"


def test_continued_paragraph(mode):
    doc = run(
        "Burgemeester Femke Halsema was duidelijk. „We gaan dit niet toestaan. De stad is van iedereen.\n"
        "„En daar houden we ons aan”, zei Halsema."
    )
    qs = doc.quotes
    assert len(qs) == 2
    assert qs[0].content.text.startswith("We gaan dit niet toestaan")
    assert all(q.speaker_name == "Femke Halsema" for q in qs)


def test_dialogue_dash(mode):
    doc = run("– Ik kom morgen terug, zei Karel Appel. Hij liep de deur uit.")
    q = doc.quotes[0]
    assert q.content.text == "Ik kom morgen terug"
    assert q.speaker_name == "Karel Appel"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Minister Hugo de Jonge zegt dat het virus nog niet weg is.",
            "het virus nog niet weg is",
            "Hugo de Jonge",
        ),
        ("Het kabinet ontkent dat er is gelekt.", "er is gelekt", "kabinet"),
        ("De politie waarschuwt dat de wegen glad zijn.", "de wegen glad zijn", "politie"),
        ("Dat zegt Jan Smit tegen de NOS.", None, "Jan Smit"),
        ("Volgens Jan Smit is de dijk veilig.", "is de dijk veilig", "Jan Smit"),
        ("De dijk is veilig, aldus Jan Smit.", "De dijk is veilig", "Jan Smit"),
        ("Uit onderzoek van het RIVM blijkt dat roken schadelijk is.", "roken schadelijk is", "RIVM"),
        ("Shell laat weten dat de raffinaderij dichtgaat.", "de raffinaderij dichtgaat", "Shell"),
    ],
)
def test_indirect(mode, text, content, speaker):
    doc = run("De storm raasde over het land. " + text)
    qs = [q for q in doc.quotes if speaker in (q.speaker_name or "")]
    assert qs, doc.quotes
    if content:
        assert qs[0].content.text == content
        # research speaks as evidence (issue 17's guide), people and bodies as indirect speech
        assert qs[0].kind == ("evidence" if text.startswith("Uit onderzoek") else "indirect")
    else:
        assert qs[0].content.text == "De storm raasde over het land"
        assert qs[0].source_chain == ("Jan Smit", "NOS")


def test_description_resolves_to_apposition(mode):
    doc = run(
        "De Turkse president Recep Erdogan bezocht woensdag Ankara. Daar sprak hij met boeren. "
        "„De oogst is goed”, zei de Turkse president."
    )
    q = find(doc, "De oogst is goed")
    assert q.speaker_name == "Recep Erdogan"


def test_not_quotes(mode):
    doc = run(
        "Het boek „De Avonden” verscheen in 1947. De zogenaamde 'deal' bleek niets waard. "
        "Mogelijk komt er volgend jaar een nieuwe regeling. Het plan verloopt volgens schema."
    )
    assert doc.quotes == []


def test_user_cues(mode, tmp_path, monkeypatch):
    cues = tmp_path / "cues.json"
    cues.write_text(json.dumps(["tetterde"]), encoding="utf-8")
    monkeypatch.setenv("KRONIEK_CUES", str(cues))
    _lexicon.cache_clear()
    assert get_lexicon().lemma("tetterde") == "tetterde"
    doc = run("„Ik ben de beste”, tetterde Jan Smit.")
    assert doc.quotes[0].speaker_name == "Jan Smit"
    monkeypatch.delenv("KRONIEK_CUES")
    _lexicon.cache_clear()


# ---------------------------------------------------------------- literature dialogue (own text)

DIALOGUE = (
    "Op een regenachtige middag zat Willem Kortenaar aan het raam, toen zijn buurvrouw binnenkwam.\n"
    '"Goedemiddag," zei Willem.\n'
    '"Is de post al geweest?" vroeg Annetje Roos, terwijl zij haar natte jas uittrok.\n'
    '"Nog niet."\n'
    '"Dan wacht ik nog even."\n'
    '"Ach, Annetje! Ga toch zitten," zeide hij vriendelijk.\n'
    '"Ja, ja, dat is goed." Zij ging bij de kachel zitten.'
)


def test_dialogue_turn_taking_and_beats(mode):
    doc = run(DIALOGUE)
    if mode == "blank" or not any(e.label == "PER" for e in doc.entities):
        names = {q.speaker_name for q in doc.quotes}
        assert names & {"Willem Kortenaar", "Annetje Roos"}
        return
    assert find(doc, "Goedemiddag").speaker_name == "Willem Kortenaar"
    assert find(doc, "Is de post").speaker_name == "Annetje Roos"
    # bare turns alternate between the two participants
    assert find(doc, "Nog niet").speaker_name == "Willem Kortenaar"
    assert find(doc, "Dan wacht ik").speaker_name == "Annetje Roos"
    # "zeide hij" in a quote that addresses Annetje is Willem
    assert find(doc, "Ga toch zitten").speaker_name == "Willem Kortenaar"
    # an action beat after a bare quote names its speaker
    assert find(doc, "dat is goed").speaker_name == "Annetje Roos"


def test_speaker_phrase_forms(mode):
    doc = run(
        'Het dichtertje keek op.\n"Wie was dat?" vroeg \'t dichtertje.\n'
        'Toen kwam Kees Mulder binnen.\n"Geen idee," zei -ie.'
    )
    assert find(doc, "Wie was dat").speaker_name == "dichtertje"
    if mode == "model" and find(doc, "Geen idee").speaker_name != "Kees Mulder":
        pytest.xfail(
            "the NER (unchanged since nl_kroniek 0.1.0) misses 'Kees Mulder' as PER here, so '-ie' falls back to the last speaker"
        )
    assert find(doc, "Geen idee").speaker_name == "Kees Mulder"


def test_name_runs_are_trimmed():
    from kroniek.extraction.quotes.speakers import People

    text = (
        "V. Pieter Bos kwam binnen. Pieter Bos groette. Toen liet Bos Jansen de kaartjes zien; "
        "Bos lachte en Jansen knikte. Jansen zweeg en Bos ook. Waarachtig, het regende."
    )
    doc = Document(article=Article(id="t", text=text))
    people = People(doc)
    texts = {m.text for m in people.mentions}
    assert "V. Pieter Bos" not in texts and "Pieter Bos" in texts
    assert "Bos Jansen" not in texts  # two names glued once
    assert "Waarachtig" not in texts
    assert people.canonical("Bos") == "Pieter Bos"


def test_nationality_entities_are_no_speakers():
    from kroniek.extraction.quotes.speakers import People
    from kroniek.model import Entity

    text = "De Franse minister zei het. Macron lachte."
    doc = Document(article=Article(id="t", text=text))
    doc.entities = [
        Entity(3, 8, "Franse", "MISC", "Frankrijk", country="FR"),
        Entity(28, 34, "Macron", "PER", "Macron"),
    ]
    people = People(doc)
    assert all(m.text != "Franse" for m in people.mentions)


def _ents(text: str, spans: list[tuple[str, str]]):
    """Entities at the first occurrence after the previous one of each (text, label)."""
    from kroniek.model import Entity

    out, pos = [], 0
    for t, label in spans:
        s = text.index(t, pos)
        out.append(Entity(s, s + len(t), t, label, t))
        pos = s + 1
    return out


def test_mistyped_entities_still_name_people():
    from kroniek.extraction.quotes.speakers import People

    text = (
        'Bram Vos liep naar de haven en hield Bram z\'n pet vast. "Koud," zei Bram. '
        'Wouter zweeg. "Ja," zei Wouter Lindeman. Wouters hond blafte. '
        'Later las Bram Vos\'s brief. "Goed," antwoordde Wouter.'
    )
    doc = Document(article=Article(id="t", text=text))
    doc.entities = _ents(
        text,
        [
            ("Bram Vos", "PER"),
            ("Bram z'n pet", "MISC"),
            ("Bram", "PER"),
            ("Wouter", "LOC"),
            ("Wouter", "LOC"),
            ("Wouters", "MISC"),
            ("Bram Vos's", "PER"),
            ("Wouter", "LOC"),
        ],
    )
    people = People(doc)
    # a one-off span with lowercase words is no fuller name; a genitive is the name itself
    assert people.canonical("Bram") == "Bram Vos"
    assert people.canonical("Bram Vos's") == "Bram Vos"
    # typed LOC, but the subject of speech verbs: a person, completed with its surname
    assert any(m.text == "Wouter Lindeman" and m.label == "PER" for m in people.mentions)
    assert people.canonical("Wouter") == "Wouter Lindeman"


def test_places_stay_places():
    from kroniek.extraction.quotes.speakers import People

    text = "Den Haag zei nee. Rutte zei ja."
    doc = Document(article=Article(id="t", text=text))
    doc.entities = _ents(text, [("Den Haag", "LOC"), ("Rutte", "PER")])
    doc.entities[0] = replace(doc.entities[0], lat=52.08, lon=4.3, country="NL")
    people = People(doc)
    assert [m.text for m in people.mentions] == ["Rutte"]


# ---------------------------------------------------------------- news: roles, departments, split quotes


@pytest.mark.parametrize(
    "text",
    [
        # a role with the portfolio the article gave the minister
        "Minister Karin Dekker van Justitie wil strengere straffen. De minister van Justitie zei: "
        "„Dit kan zo niet langer.”",
        "Demissionair minister van Justitie Karin Dekker wil strengere straffen. „Dit kan zo niet "
        "langer”, aldus de minister van Justitie.",
        # the department as a heading
        "Minister Karin Dekker (Justitie) wil strengere straffen.\n\nJustitie: 'Dit kan zo niet langer'\n\n"
        "Het plan gaat naar de Kamer.",
        # a bare role heading
        "Minister Karin Dekker (Justitie) wil strengere straffen.\n\nMinister: 'Dit kan zo niet langer'\n\n"
        "Het plan gaat naar de Kamer.",
        # 'de bewindsvrouw' for the minister
        "Minister Karin Dekker (Justitie) wil strengere straffen. „Dit kan zo niet langer”, zei de "
        "bewindsvrouw.",
    ],
)
def test_role_and_department_resolve_to_the_minister(mode, text):
    doc = run(text)
    q = find(doc, "Dit kan zo niet langer")
    assert q.speaker_name == "Karin Dekker"


def test_department_without_a_minister_stays_a_source(mode):
    doc = run("Het tekort is kleiner dan gedacht, meldt het ministerie van Justitie.")
    q = find(doc, "Het tekort")
    assert "Justitie" in q.speaker_name


def test_capitalised_particle_is_the_same_person(mode):
    doc = run("Anouk van der Berg opende de beurs. 'De koers stijgt,' aldus Van der Berg.")
    assert find(doc, "De koers stijgt").speaker_name == "Anouk van der Berg"


def test_split_quote_has_one_speaker(mode):
    doc = run(
        'Jan de Wit en Eva Smit spraken elkaar op het plein.\n"Het is koud," zei hij, "vind je niet, Eva?"'
    )
    parts = [q for q in doc.quotes if q.kind == "direct"]
    assert [q.content.text for q in parts] == ["Het is koud", "vind je niet, Eva?"]
    assert parts[0].speaker_name == parts[1].speaker_name == "Jan de Wit"


# ---------------------------------------------------------------- dialogue: antecedents and turns


def test_pronoun_after_a_described_subject(mode):
    doc = run(
        "Willem Kortenaar stond bij de deur.\n"
        "Toen kwam een kleine, oude man binnen. De oude man nam zijn hoed af.\n"
        '"Is hier een kamer vrij?" vroeg hij.'
    )
    q = find(doc, "kamer vrij")
    if mode == "blank":  # no parse: no subjects to follow, only names
        assert q.speaker_name == "Willem Kortenaar"
        return
    assert q.speaker_name.endswith("man")


def test_pronoun_chain_keeps_its_referent(mode):
    doc = run(
        "Annetje Roos zat aan tafel met Willem Kortenaar.\n"
        '"Goedemorgen," zei Willem.\n'
        "Zij keek op. Zij legde haar krant neer.\n"
        '"Wat wil je?" vroeg ze.'
    )
    if not any(e.label == "PER" for e in doc.entities) and mode == "model":
        pytest.skip("model found no names here")
    assert find(doc, "Wat wil je").speaker_name == "Annetje Roos"


def test_addressee_answers_the_next_turn(mode):
    doc = run(
        "Willem Kortenaar en Pieter Bos zaten bij het vuur.\n"
        '"Wat denk jij ervan, Pieter?" vroeg Willem.\n'
        '"Ik weet het niet."\n'
    )
    assert find(doc, "Wat denk jij").speaker_name == "Willem Kortenaar"
    assert find(doc, "Ik weet het niet").speaker_name == "Pieter Bos"


def test_first_person_narrator_answers(mode):
    doc = run(
        "Ik liep met Hendrik Blom door de stad. Ik was moe en ik had honger.\n"
        '"Wat een weer," zei Hendrik.\n'
        '"Ja, vreselijk."'
    )
    assert find(doc, "Wat een weer").speaker_name == "Hendrik Blom"
    if mode == "blank":  # no parse: the narrator's sentences are unknown
        return
    assert find(doc, "Ja, vreselijk").speaker_name == "ik"


def test_new_turn_pronoun_goes_to_the_other_man(mode):
    doc = run(
        "Meneer Pieter Bos en meneer Willem Kortenaar zaten in de salon.\n"
        '"Proost," zei Willem.\n'
        '"Het wordt laat," zei Bos, "ik moet gaan."\n'
        '"Nog een glas," zei hij, "dan ga ik."'
    )
    assert find(doc, "Het wordt laat").speaker_name == "Pieter Bos"
    assert find(doc, "Nog een glas").speaker_name == "Willem Kortenaar"
    assert find(doc, "dan ga ik").speaker_name == "Willem Kortenaar"


def test_she_prefers_a_woman_nearby(mode):
    doc = run(
        "Monseigneur Jan Peeters sprak met mevrouw Anna Vermeer over de erfenis.\n"
        '"Maar waaraan denkt u?" vroeg zij.'
    )
    assert find(doc, "waaraan denkt").speaker_name == "Anna Vermeer"


def test_a_surname_typed_loc_once_is_no_place():
    from kroniek.extraction.quotes.speakers import People

    text = "Bram Vos kwam binnen. Vos groette. Bram Vos ging zitten."
    doc = Document(article=Article(id="t", text=text))
    doc.entities = _ents(text, [("Bram Vos", "PER"), ("Vos", "LOC"), ("Bram Vos", "PER")])
    people = People(doc)
    assert [m.text for m in people.mentions if m.text.startswith("Bram")] == ["Bram Vos", "Bram Vos"]


def test_a_she_chain_does_not_feed_he(mode):
    doc = run(
        "Piet Kramer kwam thuis bij zijn vrouw.\n"
        "Zij zat aan het raam. Zij keek niet op en zij zweeg.\n"
        '"Dag," zei hij.'
    )
    if mode == "model" and not any(e.label == "PER" for e in doc.entities):
        pytest.skip("model found no names here")
    assert find(doc, "Dag").speaker_name == "Piet Kramer"


def test_bare_turn_after_narration_goes_to_its_actor(mode):
    doc = run(
        "Mevrouw Anna Vermeer zat tegenover meneer Pieter Bos.\n"
        "Zij opende een kleine doos en liet hem de ringen zien.\n"
        '"Prachtig," zei Pieter Bos, "waar komen ze vandaan?"\n'
        '"Van mijn moeder."'
    )
    if mode == "model" and not any(e.label == "PER" for e in doc.entities):
        pytest.skip("model found no names here")
    assert find(doc, "Van mijn moeder").speaker_name == "Anna Vermeer"


def test_the_actor_closing_a_turn_speaks_next(mode):
    doc = run(
        "Karel Smit en Joost Mulder stonden op het perron.\n"
        '"Hier is je kaartje," zei Karel. Joost stopte het kaartje in zijn jas.\n'
        '"Dank je, ik zal je schrijven."'
    )
    if mode == "model" and not any(e.label == "PER" for e in doc.entities):
        pytest.skip("model found no names here")
    assert find(doc, "Hier is je kaartje").speaker_name == "Karel Smit"
    assert find(doc, "Dank je").speaker_name == "Joost Mulder"


def test_dialogue_opening_after_narration(mode):
    doc = run(
        "Het was een koude avond in Utrecht.\n"
        "Tante Mien Verhoef zat naast haar nicht Lotte Bakker bij de kachel.\n"
        "- Jammer dat Kees niet komt.\n"
    )
    if mode == "model" and not any(e.label == "PER" for e in doc.entities):
        pytest.skip("model found no names here")
    assert find(doc, "Jammer dat Kees").speaker_name == "Mien Verhoef"


def test_long_clause_before_colon_and_inverted_pronoun(mode):
    doc = run(
        "Willem Kortenaar en ik zaten op de bank. We keken naar de zee en rookten en zwegen en ik "
        'zei tegen Willem: "Het wordt koud."\n'
        'Heel stilletjes zeg ik daar nu bij: "Dat was het ook."'
    )
    assert find(doc, "Het wordt koud").speaker_name == "ik"
    if mode == "model":  # the inverted subject comes from the parse
        assert find(doc, "Dat was het ook").speaker_name == "ik"


def test_narrator_acting_before_the_quote(mode):
    doc = run('Pieter Bos liet me zijn atelier zien.\nVerlegen liep ik achter hem aan "Is dit de keuken?"')
    if mode == "blank":  # no parse: the narrator's sentence is not known
        return
    assert find(doc, "Is dit de keuken").speaker_name == "ik"


def test_capitalised_run_at_a_quote_start_is_no_fuller_name():
    from kroniek.extraction.quotes.speakers import People

    text = 'Japi liep binnen. "Zeg Japi, kom je mee?" Japi knikte.'
    doc = Document(article=Article(id="t", text=text))
    doc.entities = _ents(text, [("Japi", "PER"), ("Japi", "PER")])
    people = People(doc)
    assert people.canonical("Japi") == "Japi"


def test_a_person_run_beats_a_part_typed_loc():
    from kroniek.extraction.quotes.speakers import People

    text = "Dora Wilkens kwam binnen. Later stond Dora Wilkens bij het raam. Zij zweeg."
    doc = Document(article=Article(id="t", text=text))
    doc.entities = _ents(text, [("Dora Wilkens", "PER"), ("stond", "X"), ("Wilkens", "LOC")])[::2]
    people = People(doc)
    assert [m.text for m in people.mentions] == ["Dora Wilkens", "Dora Wilkens"]


def test_addressee_of_the_previous_turn_answers_as_he(mode):
    doc = run(
        "Mevrouw Anna Vermeer bezocht meneer Pieter Bos en meneer Willem Kortenaar.\n"
        '"U moet mij excuseren, meneer Bos," zei nu Anna Vermeer, "ik heb weinig tijd."\n'
        '"Het duurt niet lang," antwoordde hij.'
    )
    assert find(doc, "U moet mij excuseren").speaker_name == "Anna Vermeer"
    assert find(doc, "Het duurt niet lang").speaker_name == "Pieter Bos"


def test_adverb_between_cue_and_subject(mode):
    doc = run("„Dat klopt niet”, zegt ook minister Karin Dekker.")
    assert find(doc, "Dat klopt niet").speaker_name == "Karin Dekker"


def test_colon_ending_the_previous_paragraph_attributes(mode):
    doc = run(
        'Willem Kortenaar en Pieter Bos speelden kaart.\n"Jij bent," zei Pieter.\n'
        "Maar Willem was nog niet overtuigd en nauwelijks was het spel uit, of hij zei:\n"
        '"Ik moet zeggen, dat je vals speelt."'
    )
    assert find(doc, "vals speelt").speaker_name == "Willem Kortenaar"


def test_a_bare_turn_without_context_goes_to_the_nearest_person(mode):
    doc = run(
        "Het regende die avond. Eline Vere zat bij het raam en keek naar buiten.\n"
        "Buiten reed een rijtuig voorbij, langzaam, door de plassen.\n"
        '"Wat een weer."'
    )
    if mode == "model" and not any(e.label == "PER" for e in doc.entities):
        pytest.skip("model found no names here")
    assert find(doc, "Wat een weer").speaker_name == "Eline Vere"


def test_dash_paragraph_is_narration_in_a_text_with_quote_marks(mode):
    lines = [f'"Zin nummer {k} is gezegd," zei Willem Kortenaar.' for k in range(6)]
    doc = run("\n".join(lines) + "\n- Bij de deur van het theater stond een grote menigte te wachten.")
    assert not [q for q in doc.quotes if "theater" in q.content.text]
    dialogue = run("- Kom je? vroeg Annetje Roos.\n- Ik kom al.\n- Dan gaan we.")
    assert find(dialogue, "Ik kom al").kind == "direct"


def test_narrator_before_a_dialogue_answers(mode):
    doc = run(
        "Ik schonk thee in voor Pieter Bos. Ik ging zitten en ik wachtte.\n"
        '"Er is geen geheim," zei hij, "het is eenvoudig."\n'
        '"Hebt u het al opgelost?"'
    )
    assert find(doc, "Er is geen geheim").speaker_name == "Pieter Bos"
    if mode == "blank":  # no parse: the narrator's sentences are not known
        return
    assert find(doc, "al opgelost").speaker_name == "ik"


def test_a_name_in_parentheses_is_no_antecedent(mode):
    doc = run(
        "Willem Kortenaar las het boek van zijn vriend (uitgegeven door Jan Smit te Utrecht). "
        'Hij schudde het hoofd.\n"Ik heb het gelezen," zei hij.'
    )
    assert find(doc, "Ik heb het gelezen").speaker_name == "Willem Kortenaar"


def test_a_person_noun_that_is_no_subject_is_an_antecedent(mode):
    doc = run('Meneer Willem Kortenaar opende de deur voor de hospita.\n"Een dame voor u," zei zij.')
    q = find(doc, "Een dame voor u")
    if mode == "blank":  # no parse: no descriptions
        return
    assert q.speaker_name.endswith("hospita")


def test_short_narration_between_quotes_of_a_paragraph_hands_over(mode):
    doc = run(
        'Willem Kortenaar zat bij Pieter Bos. "Wat lees je?" vroeg Willem. Toen sloeg Bos op de krant. '
        '"Het nieuws van gisteren."'
    )
    assert find(doc, "Het nieuws van gisteren").speaker_name == "Pieter Bos"


def test_spokesperson_of_a_body_speaks_for_it(mode):
    doc = run("„Wij zijn blij”, zei de woordvoerder van de NS, „maar het is nog niet klaar.”")
    parts = [q for q in doc.quotes if q.kind == "direct"]
    assert [q.speaker_name for q in parts] == ["NS", "NS"]
    assert parts[0].speaker.text == "de woordvoerder van de NS"


def test_plural_pronoun_after_a_plural_cue_is_a_group(mode):
    """Never the woman just named; with the parse, the group the narration named before."""
    doc = run('Anna Vermeer kwam binnen bij de kinderen.\n"Wat was het mooiste?" riepen zij allemaal.')
    want = "kinderen" if mode == "model" else None
    assert find(doc, "Wat was het mooiste").speaker_name == want


def test_a_quotation_opened_with_an_apostrophe_and_closed_with_a_double_mark():
    """Dialogue typed as 'Kom je?" "Nee." — the first close is the double mark, so each turn is
    its own quotation instead of one that runs to the last apostrophe of the text."""
    from kroniek.extraction.quotes.marks import direct_spans

    text = "'Kom je nog mee naar de markt?\" \"Nee, ik blijf thuis.\" \"Jammer, zo'n mooie dag.\""
    spans = [text[cs:ce] for _, cs, ce, _, _ in direct_spans(text, 0, len(text))]
    assert spans == ["Kom je nog mee naar de markt?", "Nee, ik blijf thuis.", "Jammer, zo'n mooie dag."]


def _quotes_of(text: str) -> list[tuple[str, str | None]]:
    from kroniek.pipeline import process

    doc = next(process([Article(id="q", text=text, published=PublishedDate.parse("2019-03-01"))]))
    return [(q.content.text, q.speaker_name) for q in doc.quotes]


def _quotes_with_kind(text: str) -> list[tuple[str, str | None, str]]:
    from kroniek.pipeline import process

    doc = next(process([Article(id="q", text=text, published=PublishedDate.parse("2019-03-01"))]))
    return [(q.content.text, q.speaker_name, q.kind) for q in doc.quotes]


def test_titles_after_a_work_and_interjections_are_no_quotes_or_speakers():
    got = _quotes_of(
        "In het artikel 'Leesvoer voor kinderen' (zaterdag) stonden tien boeken. Zij schreef de trilogie "
        "van 'Kinderen van de Zee'. ,,Het is een mooi boek'', zegt Piet Jansen. Mijn buurvrouw fietste "
        "voorbij. Ah, daar was ze weer, op de fiets en riep lachend: ,,Wat sta je daar nou?''"
    )
    assert ("Het is een mooi boek", "Piet Jansen") in got
    assert not any("Leesvoer" in q or "Zee" in q for q, _ in got)
    assert all(speaker != "Ah" for _, speaker in got)


def test_own_account_and_a_surname_with_its_particle_after_volgens():
    got = _quotes_of(
        "Janice Bronk snapt niets van het besluit van de gemeente, waarmee ze naar eigen zeggen goed "
        "samenwerkte. Volgens Van der Kuijl had Amsterdam een betere oplossing kunnen vinden."
    )
    assert ("waarmee ze naar eigen zeggen goed samenwerkte", "Janice Bronk") in got
    assert ("had Amsterdam een betere oplossing kunnen vinden", "Van der Kuijl") in got


def test_mixed_marks_and_the_name_in_apposition_speak():
    got = _quotes_of(
        "\"Onze harten gaan uit naar de slachtoffers,' schreef gouverneur Kay Ivey op Twitter. "
        "Bij La Place zegt woordvoerder Lotte Nijland: \"We kijken per locatie naar de potentie.\" "
        "De voorzitter van de bond, Peter Glas, riep op tot onderzoek: \"We kunnen dit niet negeren.\""
    )
    assert ("Onze harten gaan uit naar de slachtoffers", "Kay Ivey") in got
    assert ("We kijken per locatie naar de potentie.", "Lotte Nijland") in got
    assert ("We kunnen dit niet negeren.", "Peter Glas") in got


def test_a_source_named_past_the_cut_of_its_phrase_and_an_adjective_before_a_role():
    got = _quotes_of(
        "De wegen worden steeds voller. Dat blijkt uit cijfers van het Centraal Bureau voor de Statistiek. "
        "Toch stapten volgens I&O Research veel kiezers over naar de nieuwe partij. "
        "De man zit daar volgens de Nationale ombudsman door nalatigheid van de instanties."
    )
    assert ("De wegen worden steeds voller", "Centraal Bureau voor de Statistiek") in got
    assert ("Toch stapten volgens I&O Research veel kiezers over naar de nieuwe partij", "I&O Research") in got
    assert any(speaker == "Nationale ombudsman" for _, speaker in got)


def test_labelling_without_quote_marks_is_a_position():
    got = _quotes_with_kind(
        "Burgemeester Femke Halsema noemde de bedreigende uiting verwerpelijk. "
        "Hij noemde de namen van de slachtoffers."
    )
    assert ("de bedreigende uiting verwerpelijk", "Femke Halsema", "position") in got
    assert len(got) == 1  # naming the victims is no view


def test_the_speaker_goes_on_after_the_rest_of_the_attribution_sentence():
    got = _quotes_of(
        "Een klacht van een gedetineerde is ongegrond verklaard. 'Ik begrijp het niet', schrijft de klager "
        "in een ingezonden brief in bajeskrant Bonjo. 'We hebben hier niet voor gekozen.' "
        "In de zaal klinkt gejuich. ,,Nu de rest van Nederland nog'', jubelt een FvD'er. "
        "Op beelden is te zien hoe een demonstrant zegt: \"Kom maar op.\""
    )
    assert ("We hebben hier niet voor gekozen.", "klager") in got
    assert ("Nu de rest van Nederland nog", "FvD'er") in got
    assert ("Kom maar op.", "demonstrant") in got


def test_zoals_attribution_an_initial_before_a_surname_and_streets_never_speak():
    got = _quotes_of(
        "De kosten worden niet doorberekend. \"Het is een cadeautje aan de stad\", zoals wethouder Bas van "
        "Wakeren bij herhaling zei. ,,We doen een beroep op het gelijkheidsbeginsel'', zei advocaat L. Portier "
        "namens de eigenaar."
    )
    assert ("Het is een cadeautje aan de stad", "Bas van Wakeren") in got
    assert any(q == "We doen een beroep op het gelijkheidsbeginsel" and s and s.endswith("Portier") for q, s in got)


def test_demands_by_a_plural_subject_and_in_the_perfect_but_no_death_toll():
    got = _quotes_with_kind(
        "De bonden eisen een loonsverhoging van vijf procent. Het OM heeft tegen de man vier jaar cel geëist. "
        "Een aantal tornado's in Alabama heeft tientallen levens geëist. Ze willen later misschien eisen indienen."
    )
    assert ("een loonsverhoging van vijf procent", "bonden", "call") in got
    assert ("vier jaar cel", "OM", "call") in got
    assert not any("levens" in q for q, _, _ in got)
    assert not any(q == "indienen" for q, _, _ in got)


def test_inverted_views_of_plural_groups_manner_words_and_a_noun_after_the_source():
    got = _quotes_of(
        "De regels gaan in. Overigens benadrukken voorstanders van de nieuwe regels dat memes heus veilig zijn. "
        "Dat Nikkels het gebied niet bezit, is volgens het gemeentebestuur geen belemmering. "
        "Peter zag hoe de mannen werden geboeid. ,,Die keken boos.'' De bus bleef heel. "
        "Lachend: ,,Die kan wel tegen een stootje.''"
    )
    assert ("memes heus veilig zijn", "voorstanders") in got
    assert any(s == "gemeentebestuur" for _, s in got)
    assert ("Die kan wel tegen een stootje.", "Peter") in got


def test_a_place_of_several_words_never_speaks():
    got = _quotes_of(
        "Al kort na het vrijdaggebed stond het Place de la Grande-Poste zwart van de mensen. "
        "'Geen steen zal ik gooien', is een van de geboden."
    )
    assert got and all(s != "Place de la Grande-Poste" for _, s in got)


def test_a_conversation_of_bare_quotes_alternates_after_a_name_is_addressed():
    got = _quotes_of(
        "'Toch vind ik dat jouw mannelijkheid je in de weg zit, Theodor.\" \"Mijn mannelijkheid? Wat bedoel je?\" "
        "\"Ik heb het gevoel dat je neerkijkt op vrouwen.\" \"Ik? Dat doe ik helemaal niet!\""
    )
    assert [s for _, s in got] == [None, "Theodor", None, "Theodor"]


def test_short_turns_keep_the_conversation_going():
    """'Bossy? Ik?' and 'Ja. Nogal.' are too short to be quotes of their own, but they are turns:
    the turns after them still alternate."""
    got = _quotes_of(
        "'Toch vind ik dat jouw koppigheid je in de weg zit, Theodor.\" \"Mijn koppigheid? Wat bedoel je?\" "
        "\"Je luistert nooit naar een ander, dat weet je best.\" \"Koppig? Ik?\" \"Ja. Nogal.\" "
        "\"Hoe kom je daar nou bij?\" \"Je valt meteen aan, dat doet een ander nooit.\" \"Hou toch op!\""
    )
    assert [s for _, s in got] == [None, "Theodor", None, "Theodor", None, "Theodor"]


def test_an_interviewees_bare_quotes_stay_theirs_after_a_name_in_the_narration():
    doc = run(
        'Ronald Kuipers kijkt terug. ,,We speelden toen nog twee poules. Dat was zwaar.\'\' zegt Kuipers. '
        ',,Je ziet wel gelijkenissen met nu. Het is een jonge groep.\'\' zegt Kuipers. Wij dachten toen: '
        'die zijn kansloos tegen Bergman, Hendriks en Visser. Maar ze speelden het stadion stil. ,,Niels '
        'scoorde die avond. Hij was toen achttien.\'\' Het was een mooie tijd. ,,Het was geen statement, '
        'maar ik vond het wel mooi.\'\''
    )
    got = [q.speaker_name for q in doc.quotes if q.kind == "direct"]
    assert got == ["Ronald Kuipers"] * 4


def test_a_quotation_left_unclosed_before_the_next_one_ends_at_its_sentence():
    doc = run(
        "Zij wil er niet over speculeren. ,,Natuurlijk heeft de instructeur ons iets verteld, maar dat houden "
        "we voor ons. De oorzaak moet worden onderzocht. ,,Een noodlanding is spannend, maar wordt goed "
        "geoefend.'' Dat zegt Monique Quist."
    )
    got = [(q.kind, q.content.text[:20], q.speaker_name) for q in doc.quotes]
    assert got == [("direct", "Natuurlijk heeft de ", "Monique Quist"), ("direct", "Een noodlanding is s", "Monique Quist")]
