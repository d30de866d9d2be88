"""Entities stage: hand-built spaCy Docs (no trained model) through in-article canonicalisation."""

from __future__ import annotations

import pytest
import spacy

from kroniek.extraction.entities import find_entities, role_index
from kroniek.model import Article, Document, Entity
from kroniek.pipeline import get_stage

_NLP = spacy.blank("nl")


def annotate(text: str, *spans: tuple[str, str] | tuple[str, str, int]) -> Document:
    """Run the stage on ``text`` with model entities (surface, label[, occurrence]) set by hand."""
    sdoc = _NLP(text)
    ents = []
    for spec in spans:
        surface, label = spec[0], spec[1]
        occurrence = spec[2] if len(spec) > 2 else 0
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(surface, start + 1)
        span = sdoc.char_span(start, start + len(surface), label=label)
        if span is None:  # the model can tag inside a token ("IS" in "IS-strijders")
            span = sdoc.char_span(start, start + len(surface), label=label, alignment_mode="expand")
        ents.append(span)
    sdoc.ents = ents
    doc = Document(Article("t", text))
    doc.analysis = sdoc
    return find_entities(doc)


def by_text(doc: Document, text: str, label: str | None = None) -> list[Entity]:
    return [e for e in doc.entities if e.text == text and (label is None or e.label == label)]


def test_stage_registration():
    info = get_stage("entities")
    assert info.version == 10
    assert info.requires == {"ner"} and info.provides == {"entities"}


def test_no_analysis_leaves_document_alone():
    doc = Document(Article("t", "Niets."))
    assert find_entities(doc).entities == []


def test_acronym_after_long_form_and_later_bare_mentions():
    text = (
        "Volgens de coalitie houdt Islamitische Staat (IS) nog twee dorpen bezet. "
        "Later meldde de coalitie dat IS zich terugtrekt."
    )
    doc = annotate(text, ("Islamitische Staat", "ORG"), ("IS", "ORG", 0), ("IS", "ORG", 1))
    orgs = [e for e in doc.entities if e.label == "ORG"]
    assert [e.entity for e in orgs] == ["Islamitische Staat"] * 3
    assert all(e.aliases == ("IS",) for e in orgs)


def test_acronym_inside_a_compound_token():
    text = "De Islamitische Staat (IS) verliest terrein. IS-strijders vluchten naar het zuiden."
    sdoc = _NLP(text)
    i = text.index("IS-strijders")
    assert sdoc.char_span(i, i + 2) is None  # "IS" is not its own token here
    # the model tags "IS" inside the compound; its span is the whole token
    doc = annotate(text, ("Islamitische Staat", "ORG"), ("IS", "ORG", 1))
    assert doc.entities[1].text == "IS-strijders"
    assert doc.entities[1].entity == "Islamitische Staat"
    assert doc.entities[0].aliases == ("IS", "IS-strijders")


def test_long_form_and_acronym_in_one_model_span():
    text = "De Verenigde Naties (VN) sturen hulp. De VN roepen op tot een bestand."
    doc = annotate(text, ("Verenigde Naties (VN)", "ORG"), ("VN", "ORG", 1))
    assert [e.entity for e in doc.entities] == ["Verenigde Naties", "Verenigde Naties"]
    assert doc.entities[0].aliases == ("VN",)


def test_acronym_before_its_long_form():
    text = "De SDF (Syrische Democratische Strijdkrachten) rukken op. De SDF melden winst."
    doc = annotate(text, ("SDF", "ORG", 0), ("SDF", "ORG", 1))
    assert {e.entity for e in doc.entities if e.label == "ORG"} == {
        "Syrische Democratische Strijdkrachten"
    }


def test_acronym_matching_initials_elsewhere_in_the_article():
    text = "De Internationale Atletiekbond schorst atleten. Volgens de IA is dat nodig."
    doc = annotate(text, ("Internationale Atletiekbond", "ORG"), ("IA", "ORG"))
    assert doc.entities[1].entity == "Internationale Atletiekbond"
    assert doc.entities[0].aliases == ("IA",)


def test_known_acronyms_without_long_form():
    text = "De NAVO en de EU overleggen met de VN."
    doc = annotate(text, ("NAVO", "ORG"), ("EU", "ORG"), ("VN", "ORG"))
    assert [e.entity for e in doc.entities] == [
        "Noord-Atlantische Verdragsorganisatie", "Europese Unie", "Verenigde Naties",
    ]


def test_person_short_form_after_and_before_full_name():
    text = "Erdogan landde in Ankara. Daar sprak Recep Erdogan de pers toe. Erdogan vertrok."
    doc = annotate(
        text, ("Erdogan", "PER", 0), ("Recep Erdogan", "PER"), ("Erdogan", "PER", 2)
    )
    people = [e for e in doc.entities if e.label == "PER"]
    assert [e.entity for e in people] == ["Recep Erdogan"] * 3
    assert people[0].aliases == ("Erdogan",)


def test_fullest_name_wins_and_particles():
    text = (
        "Recep Tayyip Erdogan reist af. Recep Erdogan wordt ontvangen. "
        "Ook Bashar al-Assad is er; Assad zwijgt. Mark van Bommel kijkt toe; Van Bommel lacht."
    )
    doc = annotate(
        text, ("Recep Tayyip Erdogan", "PER"), ("Recep Erdogan", "PER"),
        ("Bashar al-Assad", "PER"), ("Assad", "PER", 1), ("Mark van Bommel", "PER"),
        ("Van Bommel", "PER"),
    )
    names = [e.entity for e in doc.entities if e.label == "PER"]
    assert names == [
        "Recep Tayyip Erdogan", "Recep Tayyip Erdogan", "Bashar al-Assad", "Bashar al-Assad",
        "Mark van Bommel", "Mark van Bommel",
    ]


def test_surname_typed_otherwise_is_the_person_named_in_full():
    text = (
        "Yilmaz: de haven blijft dicht\n\n"
        "Havenwethouder Ayse Yilmaz zei dinsdag dat de haven dicht blijft. "
        "Volgens Yilmaz is er geen geld. De stad Zwolle en Gent reageerden niet."
    )
    doc = annotate(
        text,
        ("Yilmaz", "MISC", 0),
        ("Ayse Yilmaz", "PER"),
        ("Yilmaz", "ORG", 2),
        ("Zwolle", "LOC"),
        ("Gent", "LOC"),
    )
    assert [(e.label, e.entity) for e in by_text(doc, "Yilmaz")] == [("PER", "Ayse Yilmaz")] * 2
    # a known place that happens to be a surname elsewhere keeps its type
    doc = annotate("Burgemeester Piet Gent sprak in Gent.", ("Piet Gent", "PER"), ("Gent", "LOC", 1))
    assert by_text(doc, "Gent")[0].label == "LOC"


def test_name_after_a_kind_of_organisation_is_an_organisation():
    text = (
        "Sportwinkelketen Holtmann opent een filiaal. De stichting Vrije Lucht en de minister Holtmann "
        "zijn tegen, net als oud-partijgenoot Lisa Meier."
    )
    doc = annotate(
        text, ("Holtmann", "PER"), ("Vrije Lucht", "MISC"), ("Holtmann", "PER", 1), ("Lisa Meier", "PER")
    )
    assert [e.label for e in by_text(doc, "Holtmann")] == ["ORG", "PER"]  # "minister" is no kind
    assert by_text(doc, "Vrije Lucht")[0].label == "ORG"
    assert by_text(doc, "Lisa Meier")[0].label == "PER"  # "oud-partijgenoot" is not alphabetic


def test_known_city_typed_person_is_the_place_unless_part_of_a_full_name():
    text = "Eerder verklaarden zowel Bagdad als Damascus dat de oorlog voorbij is. Denzel Washington zweeg, Washington ook."
    doc = annotate(
        text, ("Bagdad", "PER"), ("Damascus", "LOC"), ("Denzel Washington", "PER"), ("Washington", "PER", 1)
    )
    bagdad = by_text(doc, "Bagdad")[0]
    assert (bagdad.label, bagdad.country) == ("LOC", "IQ")
    assert by_text(doc, "Washington")[0].label == "PER"  # the surname of the person named in full


def test_same_surname_goes_to_the_nearest_earlier_person():
    text = "Hafez Bakri regeerde lang. Later kwam Bashar Bakri. Bakri hield een toespraak."
    doc = annotate(text, ("Hafez Bakri", "PER"), ("Bashar Bakri", "PER"), ("Bakri", "PER", 2))
    assert doc.entities[-1].entity == "Bashar Bakri"


def test_role_before_name_spreads_to_all_mentions():
    text = "De Turkse president Recep Erdogan waarschuwt. Erdogan eist een bestand."
    doc = annotate(text, ("Recep Erdogan", "PER"), ("Erdogan", "PER", 1))
    people = [e for e in doc.entities if e.label == "PER"]
    assert [e.role for e in people] == ["Turkse president", "Turkse president"]
    assert role_index(doc)["turkse president"] == "Recep Erdogan"


def test_role_with_complement_and_sentence_initial_title():
    text = (
        "Ook de Russische minister van Buitenlandse Zaken Sergej Lavrov was er. "
        "Premier Anna Visser bleef thuis."
    )
    doc = annotate(text, ("Sergej Lavrov", "PER"), ("Anna Visser", "PER"))
    assert by_text(doc, "Sergej Lavrov")[0].role == "Russische minister van Buitenlandse Zaken"
    assert by_text(doc, "Anna Visser")[0].role == "premier"
    index = role_index(doc)
    assert index["russische minister van buitenlandse zaken"] == "Sergej Lavrov"
    assert index["minister van buitenlandse zaken"] == "Sergej Lavrov"
    assert index["minister"] == "Sergej Lavrov"
    assert index["premier"] == "Anna Visser"


def test_role_in_apposition_and_compound_role_nouns():
    text = (
        "Sergej Lavrov, de Russische minister van Buitenlandse Zaken, reageerde. "
        "Volgens VN-gezant Piet de Wit is het stil. Oud-premier Jan Smit zweeg."
    )
    doc = annotate(text, ("Sergej Lavrov", "PER"), ("Piet de Wit", "PER"), ("Jan Smit", "PER"))
    assert by_text(doc, "Sergej Lavrov")[0].role == "Russische minister van Buitenlandse Zaken"
    assert by_text(doc, "Piet de Wit")[0].role == "VN-gezant"
    assert by_text(doc, "Jan Smit")[0].role == "oud-premier"


def test_no_role_without_role_noun_and_ambiguous_keys_dropped():
    text = "Gisteren zei Jan Smit niets. De Franse president Marie Dubois en de Duitse president Karl Weber spraken."
    doc = annotate(text, ("Jan Smit", "PER"), ("Marie Dubois", "PER"), ("Karl Weber", "PER"))
    assert by_text(doc, "Jan Smit")[0].role is None
    index = role_index(doc)
    assert index["franse president"] == "Marie Dubois"
    assert index["duitse president"] == "Karl Weber"
    assert "president" not in index


def test_model_span_with_role_prefix_is_split():
    text = "Aanhangers van de Syrische president Assad juichten. VN-onderzoekers waren er ook."
    doc = annotate(text, ("Syrische president Assad", "MISC"), ("VN-onderzoekers", "MISC"))
    assert [(e.text, e.label, e.entity, e.role, e.country) for e in doc.entities] == [
        ("Syrische", "MISC", "Syrië", None, "SY"),
        ("Assad", "PER", "Assad", "Syrische president", None),
        ("VN-onderzoekers", "MISC", "Verenigde Naties", None, None),
    ]
    assert text[doc.entities[1].start:doc.entities[1].end] == "Assad"


def test_nationality_adjectives_become_misc_country_mentions():
    text = "De Syrische president sprak met Russische en Turks-Koerdische leiders."
    doc = annotate(text)
    nat = [(e.text, e.label, e.entity, e.country) for e in doc.entities]
    assert nat == [
        ("Syrische", "MISC", "Syrië", "SY"),
        ("Russische", "MISC", "Rusland", "RU"),
        ("Turks", "MISC", "Turkije", "TR"),
    ]
    turks = doc.entities[2]
    assert text[turks.start:turks.end] == "Turks"


def test_nationality_inside_longer_entity_is_not_added_and_model_misc_is_enriched():
    text = "De Syrische Democratische Strijdkrachten en Amerikaanse troepen trekken op."
    doc = annotate(text, ("Syrische Democratische Strijdkrachten", "ORG"), ("Amerikaanse", "MISC"))
    assert [(e.text, e.entity, e.country) for e in doc.entities] == [
        ("Syrische Democratische Strijdkrachten", "Syrische Democratische Strijdkrachten", None),
        ("Amerikaanse", "Verenigde Staten", "US"),
    ]


def test_places_get_country_and_coordinates():
    text = "Vanuit Moskou en Bagdad keek men naar Syrië, naar de VS en naar Amerika."
    doc = annotate(
        text, ("Moskou", "LOC"), ("Bagdad", "LOC"), ("Syrië", "LOC"), ("VS", "LOC"),
        ("Amerika", "LOC"),
    )
    moskou, bagdad, syrie, vs, amerika = doc.entities
    assert (moskou.entity, moskou.country) == ("Moskou", "RU")
    assert moskou.lat == pytest.approx(55.75, abs=0.1) and moskou.lon == pytest.approx(37.6, abs=0.1)
    assert bagdad.country == "IQ"
    assert (syrie.entity, syrie.country) == ("Syrië", "SY")
    assert syrie.lat == pytest.approx(33.5, abs=0.2)  # Damascus
    assert vs.entity == amerika.entity == "Verenigde Staten"
    assert vs.country == amerika.country == "US"
    assert set(vs.aliases) == {"VS", "Amerika"}


def test_unknown_place_keeps_its_name_and_no_coordinates():
    doc = annotate("Het gebeurde in Xqzwplaats.", ("Xqzwplaats", "LOC"))
    (e,) = doc.entities
    assert (e.entity, e.country, e.lat, e.lon) == ("Xqzwplaats", None, None, None)


def test_seed_like_article_end_to_end():
    text = (
        "Nog geen duizend strijders van terreurgroep Islamitische Staat (IS) zijn actief in "
        "Syrië en Irak. Strijders in gebied van de Syrische president Assad tellen niet mee. "
        "Zowel Bagdad als Damascus zeggen dat de oorlog tegen IS voorbij is."
    )
    doc = annotate(
        text, ("Islamitische Staat", "MISC"), ("IS", "MISC", 0), ("Syrië", "LOC"),
        ("Irak", "LOC"), ("Assad", "PER"), ("Bagdad", "LOC"), ("Damascus", "LOC"),
        ("IS", "MISC", 1),
    )
    assert [e.entity for e in doc.entities if e.text == "IS"] == ["Islamitische Staat"] * 2
    assert by_text(doc, "Assad")[0].role == "Syrische president"
    syria = [e for e in doc.entities if e.country == "SY"]
    assert {e.text for e in syria} == {"Syrië", "Syrische", "Damascus"}
    assert doc.to_dict()["entities"][0]["aliases"] == ["IS"]


def test_linear_enough_on_a_long_article():
    import time

    sentence = "De Turkse president Recep Erdogan sprak in Moskou met Islamitische Staat (IS). "
    text = sentence * 400
    sdoc = _NLP(text)
    ents = []
    for k in range(400):
        base = k * len(sentence)
        for surface, label in (("Recep Erdogan", "PER"), ("Moskou", "LOC"),
                               ("Islamitische Staat", "ORG"), ("IS", "ORG")):
            i = base + sentence.index(surface + (")" if surface == "IS" else ""))
            ents.append(sdoc.char_span(i, i + len(surface), label=label))
    sdoc.ents = ents
    doc = Document(Article("t", text))
    doc.analysis = sdoc
    find_entities(doc)  # warm the gazetteer
    t = time.perf_counter()
    find_entities(doc)
    assert time.perf_counter() - t < 1.0
    assert len(doc.entities) == 400 * 5


def test_punctuation_and_quote_marks_are_never_entities():
    doc = annotate(
        "'We gaan door', zei Jansen. „Nooit”, aldus De Vries. Gerard V.", ("”", "PER"), ("De Vries.", "PER"),
        ("Gerard V.", "PER"),
    )
    texts = sorted(e.text for e in doc.entities)
    assert "”" not in texts
    assert "De Vries" in texts and "De Vries." not in texts
    assert "Gerard V." in texts  # an initial keeps its stop


def test_institution_noun_or_legal_form_makes_a_name_an_organisation():
    text = "Volgens Gemeente Utrecht en Ten Brinke Groep is het plan klaar, zegt Stichting Jansen."
    doc = annotate(text, ("Utrecht", "LOC"), ("Ten Brinke", "PER"), ("Stichting Jansen", "PER"))
    got = {e.text: e.label for e in doc.entities}
    assert got == {"Gemeente Utrecht": "ORG", "Ten Brinke Groep": "ORG", "Stichting Jansen": "ORG"}


# -- role references, genitives, joined names (issue 14: one identity per entity)


def test_a_role_phrase_stands_for_the_one_person_with_that_role():
    text = "Burgemeester Femke Halsema bezocht de wijk. Volgens de burgemeester is er te weinig ruimte."
    doc = annotate(text, ("Femke Halsema", "PER"))
    ref = [e for e in doc.entities if e.reference]
    assert [(e.text, e.entity, e.label) for e in ref] == [("burgemeester", "Femke Halsema", "PER")]
    assert text[ref[0].start:ref[0].end] == "burgemeester"
    # a role phrase is a mention, never an alias: "burgemeester" names many people across articles
    assert "burgemeester" not in by_text(doc, "Femke Halsema")[0].aliases


def test_a_role_phrase_is_left_alone_when_two_could_fill_it_or_its_nationality_differs():
    text = (
        "De Franse president Marie Dubois en de Duitse president Karl Weber spraken. De president zweeg. "
        "Premier Anna Visser kwam later. De Amerikaanse premier bleef weg. Hij werd als premier gekozen."
    )
    doc = annotate(text, ("Marie Dubois", "PER"), ("Karl Weber", "PER"), ("Anna Visser", "PER"))
    assert [e for e in doc.entities if e.reference] == []


def test_a_title_before_a_name_is_no_reference_and_a_synonym_is():
    text = "Burgemeester Anna Visser kwam. Volgens de burgervader is het goed. De burgemeester Visser zweeg."
    doc = annotate(text, ("Anna Visser", "PER"), ("Visser", "PER", 1))
    refs = [(e.text, e.entity) for e in doc.entities if e.reference]
    assert refs == [("burgervader", "Anna Visser")]


def test_a_genitive_typed_as_another_kind_is_the_person_of_that_name():
    text = "President Donald Trump sprak. Trumps beslissing komt laat."
    doc = annotate(text, ("Donald Trump", "PER"), ("Trumps", "MISC"))
    assert [(e.label, e.entity) for e in by_text(doc, "Trumps")] == [("PER", "Donald Trump")]


def test_names_joined_by_a_hyphen_are_two_mentions_when_both_are_named_alone():
    text = "Ajax won van Real Madrid. Het verhaal van Real Madrid-Ajax is mooi. Een Pouw-Verweij sprak."
    doc = annotate(text, ("Ajax", "ORG"), ("Real Madrid", "ORG"), ("Real Madrid-Ajax", "ORG"), ("Pouw-Verweij", "PER"))
    spans = [(text[e.start:e.end], e.entity) for e in doc.entities]
    assert spans == [("Ajax", "Ajax"), ("Real Madrid", "Real Madrid"), ("Real Madrid", "Real Madrid"),
                     ("Ajax", "Ajax"), ("Pouw-Verweij", "Pouw-Verweij")]


def test_a_person_name_after_het_is_an_organisation_and_a_country_genitive_a_place():
    text = "Ouders kiezen het Cornelius Haga. Een van Amerika's partners."
    doc = annotate(text, ("Cornelius Haga", "PER"), ("Amerika's", "MISC"))
    assert by_text(doc, "Cornelius Haga")[0].label == "ORG"
    assert [(e.label, e.entity) for e in by_text(doc, "Amerika's")] == [("LOC", "Verenigde Staten")]


def test_a_party_in_parentheses_is_no_acronym_of_the_person():
    text = "Jesse Klaver (GroenLinks) sprak. Later sprak GroenLinks opnieuw."
    doc = annotate(text, ("Jesse Klaver", "PER"), ("GroenLinks", "ORG"), ("GroenLinks", "ORG", 1))
    assert {e.entity for e in by_text(doc, "GroenLinks")} == {"GroenLinks"}
    assert "GroenLinks" not in by_text(doc, "Jesse Klaver")[0].aliases


def test_an_organisation_named_with_its_country_is_one_name():
    text = "Ook Horeca Vereniging Nederland is tegen. Greenpeace Nederland protesteert. Ze wonen in Nederland."
    doc = annotate(
        text, ("Horeca Vereniging", "ORG"), ("Nederland", "LOC"), ("Greenpeace", "ORG"), ("Nederland", "LOC", 2)
    )
    assert by_text(doc, "Horeca Vereniging Nederland", "ORG") and by_text(doc, "Greenpeace Nederland", "ORG")
    assert [e.text for e in doc.entities if e.label == "LOC"] == ["Nederland"]  # the country of the last sentence


def test_a_person_run_on_into_the_body_they_speak_for_is_cut_at_van():
    text = "Nutsbedrijf Alliander faalde. Woordvoerder Jelle Wils van Alliander zegt sorry. Piet Stroop van Renen zwijgt."
    doc = annotate(text, ("Alliander", "ORG"), ("Jelle Wils van Alliander", "PER"), ("Piet Stroop van Renen", "PER"))
    assert by_text(doc, "Jelle Wils", "PER") and len(by_text(doc, "Alliander", "ORG")) == 2
    assert by_text(doc, "Piet Stroop van Renen", "PER")  # no known body after "van": a surname


def test_a_name_ending_in_a_street_word_is_a_place():
    from kroniek.model import Article, PublishedDate
    from kroniek.pipeline import process

    text = "Het café zit aan de Jan Olphert Vaillantlaan. Hij woont aan de Johan de Wittlaan. Jan Blokdijk zei het."
    doc = next(process([Article(id="s", text=text, published=PublishedDate.parse("2019-03-01"))]))
    labels = {e.text: e.label for e in doc.entities}
    assert labels.get("Jan Olphert Vaillantlaan") == "LOC"
    assert labels.get("Johan de Wittlaan") == "LOC"
    assert labels.get("Jan Blokdijk") == "PER"  # a surname ending in -dijk stays a person


def test_a_role_in_apposition_before_the_name():
    from kroniek.model import Article, PublishedDate
    from kroniek.pipeline import process

    text = "Venezuela zet de Duitse ambassadeur, Daniel Martin Kriener, het land uit. Kriener vertrekt."
    doc = next(process([Article(id="r", text=text, published=PublishedDate.parse("2019-03-06"))]))
    roles = {e.text: e.role for e in doc.entities if e.label == "PER" and not e.reference}
    assert roles.get("Daniel Martin Kriener") == "Duitse ambassadeur"
    sanction = next(e for e in doc.events if e.type == "SANCTION")
    assert sanction.target_name == "Daniel Martin Kriener"
