"""Reported speech in all its forms (issue 17): every statement a news reader reads as "X stated Y"
is a quote, and ``kind`` tells them apart; beliefs inside quotes, conditions, questions and the
writer's own views are not statements."""

from __future__ import annotations

import pytest

from kroniek.analysis import dutch_model as analysis
from kroniek.extraction.entities import find_entities
from kroniek.extraction.quotes import find_quotes
from kroniek.model import Article, Document, PublishedDate

pytestmark = pytest.mark.skipif(analysis.model_path() is None, reason="needs the shipped model")


def quotes_of(text: str, published: str = "2019-04-10"):
    doc = Document(Article(id="t", text=text, published=PublishedDate.parse(published)))
    return find_quotes(find_entities(analysis.run_analysis(doc))).quotes


def one(text: str):
    qs = quotes_of(text)
    assert len(qs) == 1, [(q.kind, q.content.text) for q in qs]
    return qs[0]


@pytest.mark.parametrize(
    ("text", "kind", "content", "speaker"),
    [
        # infinitival reports
        ("De minister zei woensdag geen reden te zien voor uitstel.", "infinitival",
         "geen reden te zien voor uitstel", "minister"),
        ("De partij belooft niet mee te werken aan het plan.", "infinitival",
         "niet mee te werken aan het plan", "partij"),
        ("Burgemeester Anne Vos kondigde maandag aan na de zomer te vertrekken.", "infinitival",
         "na de zomer te vertrekken", "Anne Vos"),
        # stated positions
        ("Wethouder Karin Mol vindt dat de brug te duur wordt.", "position", "de brug te duur wordt", "Karin Mol"),
        ("Het OM gaat ervan uit dat de rechtbank de uitspraak snel doet.", "position",
         "de rechtbank de uitspraak snel doet", "OM"),
        ("De bank blijft van mening dat de regels te streng zijn.", "position", "de regels te streng zijn", "bank"),
        ("Het bedrijf denkt volgend jaar te beginnen met de bouw.", "position",
         "volgend jaar te beginnen met de bouw", "bedrijf"),
        ("De onderzoekers vinden vervolgonderzoek nodig.", "position", "vervolgonderzoek nodig", "onderzoekers"),
        ("De opsporingsdiensten zien zo'n plicht als een ideaal middel.", "position",
         "zo'n plicht als een ideaal middel", "opsporingsdiensten"),
        # calls and demands
        ("De vakbond eist dat de lonen met vijf procent stijgen.", "call", "de lonen met vijf procent stijgen",
         "vakbond"),
        ("Het Openbaar Ministerie eiste een celstraf van negen maanden.", "call",
         "een celstraf van negen maanden", "Openbaar Ministerie"),
        ("De socialisten riepen op tot een boycot van de winkelketen.", "call",
         "een boycot van de winkelketen", "socialisten"),
        ("De Gezondheidsraad pleit ook voor betere filters op telefoons.", "call",
         "betere filters op telefoons", "Gezondheidsraad"),
        ("In het interview roept hij Europa op meer sancties af te kondigen.", "call",
         "meer sancties af te kondigen", None),
        ("Visser raadt aan niet te lang te wachten met het terugbetalen.", "call",
         "niet te lang te wachten met het terugbetalen", "Visser"),
        ("Met name vicepremier Matteo Salvini riep La Scala op de stekker uit het plan te trekken.", "call",
         "de stekker uit het plan te trekken", "Matteo Salvini"),
        ("Vorige week riep Salvini de regering op te vertrekken.", "call", "te vertrekken", "Salvini"),
        ("De minister liet weten geen reden te zien voor uitstel.", "infinitival",
         "geen reden te zien voor uitstel", "minister"),
        # evidence
        ("Uit onderzoek van het RIVM blijkt dat jongeren minder roken.", "evidence", "jongeren minder roken", "RIVM"),
        ("Volgens cijfers van het CBS daalde de werkloosheid verder.", "evidence", "daalde de werkloosheid verder",
         "CBS"),
        ("In het rapport staat dat de dijken op orde zijn.", "evidence", "de dijken op orde zijn", "rapport"),
        # a statement named by a noun
        ("De waarschuwing van de minister dat de wachtlijsten groeien, kwam te laat.", "indirect",
         "de wachtlijsten groeien", "minister"),
    ],
)
def test_each_form_is_a_quote_of_its_kind(text, kind, content, speaker):
    q = one(text)
    assert (q.kind, q.content.text) == (kind, content)
    if speaker:
        assert q.speaker_name == speaker


def test_evidence_pointing_back_is_the_sentence_before():
    qs = quotes_of("Het aantal inbraken daalde vorig jaar met tien procent. Dat blijkt uit cijfers van het CBS.")
    assert [(q.kind, q.speaker_name, q.content.text) for q in qs] == [
        ("evidence", "CBS", "Het aantal inbraken daalde vorig jaar met tien procent")
    ]


def test_a_medium_as_source_is_evidence_and_a_person_stays_indirect():
    qs = quotes_of("De brug gaat dicht. Dat meldt de NOS. De school sluit. Dat zegt de burgemeester.")
    assert [(q.kind, q.speaker_name) for q in qs] == [("evidence", "NOS"), ("indirect", "burgemeester")]


def test_passive_demand_has_no_speaker():
    q = one("Tegen de 33-jarige man is vier jaar celstraf geëist.")
    assert (q.kind, q.content.text, q.speaker_name) == ("call", "vier jaar celstraf", None)


def test_call_nested_in_a_report_is_a_quote_too():
    qs = quotes_of("Ouders van Syriëgangers pleiten samen voor terugkeer van hun kinderen, schrijft de Volkskrant.")
    assert {(q.kind, q.content.text) for q in qs} == {
        ("evidence", "Ouders van Syriëgangers pleiten samen voor terugkeer van hun kinderen"),
        ("call", "terugkeer van hun kinderen"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Ik vind dat de regering moet aftreden.",  # the writer's own view
        "Vindt de minister dat het kan?",  # a question
        "Als de rechter zou vinden dat het kan, gaat de zaak door.",  # a condition
        "Veel mensen denken dat het een soort plastic is.",  # a generic belief
        "De politie vond een wapen in de auto.",  # finding, no view
        "De vrees is dat het niet lukt.",  # a noun, no verb
        "Het dreigt te gaan regenen.",  # no one threatens
        "De wedstrijden vonden vroeger in de stad plaats.",  # took place
    ],
)
def test_not_statements(text):
    assert quotes_of(text) == []


def test_a_belief_inside_a_quote_is_part_of_that_quote():
    qs = quotes_of("'Ik geloof dat ik ziek ben', zei Jan Smit tegen zijn vrouw.")
    assert [(q.kind, q.content.text) for q in qs] == [("direct", "Ik geloof dat ik ziek ben")]


def test_quoted_words_keep_the_kind_of_a_position():
    q = one("De rechter vindt dat het opsluiten van de mannen 'niet passend' was.")
    assert q.kind == "position"


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("President Maduro noemde zijn tegenstanders 'opportunisten en lafaards'.", "tegenstanders"),
        ("De Turkse president Erdogan noemde Assad een 'terrorist'.", "Assad"),
        ("Minister Jansen noemde de situatie 'onhoudbaar'.", None),  # a situation is no entity
    ],
)
def test_labelling_quote_is_about_the_labelled(text, about):
    q = one(text)
    assert q.kind == "direct"
    assert (q.about[0] if q.about else None) == about


def test_imagined_dialogue_is_no_quote():
    text = (
        'Op een gegeven moment komt er iemand aan je deur en die zegt: "Weet je wat ze hier willen bouwen? '
        'Een monument!" "O, mooi," zou ik reageren. "Nee, helemaal niet mooi." Ik zou even stil zijn en dan '
        'zeggen: "Maar het is toch mooi dat er een monument komt?" Jansen zei: "Het is echt mooi." '
        '"We zullen zien," zei hij. "Dat was het einde van de zaak," zou de rechter hebben gezegd.'
    )
    got = [q.content.text for q in quotes_of(text)]
    assert got == ["Het is echt mooi.", "We zullen zien", "Dat was het einde van de zaak"]


def test_a_condition_before_the_attribution_keeps_the_quote():
    text = 'Toen de bijl zou vallen, zeide de bisschop: "Bid en geloof, de vader wacht u!"'
    assert [q.speaker_name for q in quotes_of(text)] == ["bisschop"]


@pytest.mark.parametrize(
    ("text", "kind", "content", "speaker"),
    [
        ("Millennials letten op het milieu. Tenminste, dat stellen onderzoekers van de Britse bank HSBC.",
         "indirect", "Millennials letten op het milieu", "HSBC"),
        ("Ouderen krijgen geen coulance. Minister Cora van Nieuwenhuizen laat dat weten aan de Kamer.",
         "indirect", "Ouderen krijgen geen coulance", "Cora van Nieuwenhuizen"),
        ("Londense bankiers willen niet komen, zo jammerde ING-baas Ralph Hamers in de Financial Times.",
         "indirect", "Londense bankiers willen niet komen", "Ralph Hamers"),
        ("De familie kan haar geluk niet op, laat een kerkwoordvoerder weten.",
         "indirect", "De familie kan haar geluk niet op", "kerkwoordvoerder"),
        ("Het OM ging er niet op in en gaat ervan uit dat de rechtbank de regels kent.",
         "position", "de rechtbank de regels kent", "OM"),
        ("Leon Z. werd opgepakt. Z. heeft bekend dat hij veel te hard reed.",
         "indirect", "hij veel te hard reed", "Leon Z."),
        ("Benflis beschuldigde 'buitengerechtelijke krachten' ervan dat zij het proces manipuleren.",
         "indirect", "zij het proces manipuleren", "Benflis"),
        ("Dat geldt ook voor Freek Vonk die op televisie vertelde dat hij door zijn ADHD enthousiast is.",
         "indirect", "hij door zijn ADHD enthousiast is", "Freek Vonk"),
        # a te-infinitive the parser hangs under an adverb, or tags oddly
        ("Tijdens de verkiezingen beloofde Vermeulen plechtig de wachtlijsten te halveren.", "infinitival",
         "de wachtlijsten te halveren", "Vermeulen"),
        # a relative clause's antecedent behind a parenthesis speaks
        ("Het plan komt van Lotte Verbeek (D66), die vorig jaar aankondigde met een nieuwe wet te komen.",
         "infinitival", "met een nieuwe wet te komen", "Lotte Verbeek"),
        # a call after "adviseren om", a passive call with its agent, a call one has received
        ("Vanwege de griep adviseren de GGD en het RIVM bovendien om zieke bezoekers te weren uit de zalen.",
         "call", "zieke bezoekers te weren", "GGD en RIVM"),
        ("De directie is door wethouder Mark Dekker verzocht om per direct op te stappen.",
         "call", "per direct op te stappen", "Mark Dekker"),
        ("Leraren in Zwolle hebben een oproep gekregen van de GGD om zich te laten inenten.",
         "call", "zich te laten inenten", "GGD"),
        # "staat op het standpunt dat"
        ("Het bestuur van de bond staat nog steeds op het standpunt dat de regels niet moeten veranderen.",
         "position", "de regels niet moeten veranderen", "bestuur van de bond"),
        # research in mid-sentence after a subordinate clause
        ("Hoewel het verboden is, blijkt uit meerdere onderzoeken dat de kloof blijft bestaan.",
         "evidence", "de kloof blijft bestaan", "onderzoeken"),
        # a role with a capitalised modifier at the sentence start
        ("Het debat was fel. Politiek leider Anna de Groot sprak kort en vindt dat de gemeenten zelf moeten kiezen.",
         "position", "de gemeenten zelf moeten kiezen", "Anna de Groot"),
        # the speaker after the verb when the clause opens with a place phrase
        ("In de Britse krant The Guardian vertelt historicus Tom Green dat de brug vervloekt is.",
         "indirect", "de brug vervloekt is", "Tom Green"),

        ("De officier Marieke Dam was streng. Wat haar betreft is er sprake van een ernstig feit.",
         "position", "is er sprake van een ernstig feit", "Marieke Dam"),
        ("Voor de onderzoekers is het duidelijk dat de dijk te laag is.",
         "position", "de dijk te laag is", "onderzoekers"),
        ("Een recensent omschreef het als vrolijk, luchtig en positief.",
         "position", "het als vrolijk, luchtig en positief", "recensent"),
        ("Minister Jan Bos noemde de storing een daad van sabotage door onbekenden.",
         "position", "de storing een daad van sabotage door onbekenden", "Jan Bos"),
        ("Wethouder Anna Kok gaat er dus van uit dat de brug in mei opengaat.",
         "position", "de brug in mei opengaat", "Anna Kok"),
        # te-infinitives after more reporting verbs, also parsed as acl/advcl or upside down
        ("Een ziekenhuis in Tilburg meldde meer dan twintig patiënten te behandelen.", "infinitival",
         "meer dan twintig patiënten te behandelen", "ziekenhuis"),  # (the body, not its town)
        ("Het merendeel van de boeren geeft aan voorbereid te zijn op de droogte.", "infinitival",
         "voorbereid te zijn op de droogte", "boeren"),  # (the group a part of it speaks for)
        ("De zanger Piet Vos heeft aangeboden de kosten voor het feest te betalen.", "infinitival",
         "de kosten voor het feest te betalen", "Piet Vos"),

        # the report after a comma, with more after it
        ("Onderzoek bij mieren is niet nieuw, zegt bioloog Ton Groot, maar het is wel de eerste keer.",
         "indirect", "Onderzoek bij mieren is niet nieuw", "Ton Groot"),
        ("Het brein van de mier verschilt per kaste, ontdekten Spaanse wetenschappers, die de dieren onderzochten.",
         "evidence", "Het brein van de mier verschilt per kaste", "Spaanse wetenschappers"),
        # indirect questions
        ("Een jongeman vraagt of ik eerder films van die regisseur heb gezien.", "indirect",
         "ik eerder films van die regisseur heb gezien", "jongeman"),
        # more verbs
        ("De directeur zegde ook toe dat het theater een school zou gaan runnen.", "indirect",
         "het theater een school zou gaan runnen", "directeur"),
        ("De buurtbewoners klagen dat de protesten agressiever zijn geworden.", "indirect",
         "de protesten agressiever zijn geworden", "buurtbewoners"),
],
)
def test_more_attributions(text, kind, content, speaker):
    q = quotes_of(text)[-1]
    assert (q.kind, q.content.text, q.speaker_name) == (kind, content, speaker)


def test_a_second_main_clause_is_a_statement_of_its_own():
    qs = quotes_of("Ralph Hamers sprak. Hij erkent dat bonussen gevoelig liggen, maar blijft van mening dat de regels te streng zijn.")
    assert [(q.kind, q.content.text, q.speaker_name) for q in qs] == [
        ("indirect", "bonussen gevoelig liggen", "Ralph Hamers"),
        ("position", "de regels te streng zijn", "Ralph Hamers"),
    ]


def test_a_name_glued_to_its_club_speaks_without_the_club():
    text = ("Zeven minuten voor tijd zette invaller Tim Matavz Vitesse op een voorsprong. Vrijdag bleef hij "
            "nog achter op het trainingscomplex van Vitesse. ,,Ik word steeds sterker'', sprak Matavz.")
    qs = quotes_of(text)
    assert [q.speaker_name for q in qs] == ["Tim Matavz"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Volgens Radio 10-dj Gerard Ekdom is de melodie de kracht van het lied.", "Gerard Ekdom"),
        ("Shell biedt volgens de bonden een verhoging van 2,5 procent in 2018.", "bonden"),
    ],
)
def test_speaker_phrase_after_volgens_ends_where_the_speaker_does(text, speaker):
    assert one(text).speaker_name == speaker


def test_a_quote_ends_its_sentence_and_an_aged_speaker_is_named():
    text = ('Een man die zijn hond uitliet, zei: "Het plan deugt niet." Hij meent dat de weg te smal is. '
            '"Ik rijd daar niet meer," zei een 75-jarige vrouw.')
    qs = quotes_of(text)
    assert [(q.kind, q.speaker_name) for q in qs] == [
        ("direct", "man"), ("position", "man"), ("direct", "75-jarige vrouw")
    ]
    assert qs[1].speaker.text == "Hij"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Terwijl de lokale autoriteiten alles ontkennen, hebben zij beloofd een onderzoek in te stellen.",
         "autoriteiten"),
        ("Er kwamen reacties van bedrijven en particulieren die de tekst lazen. Zij stelden dat de wet te ver gaat.",
         "bedrijven en particulieren"),
        ("Marie kwam binnen. Zij zei dat het regende.", "Marie"),  # one woman: no group
        ("Het was een schok. Andere demonstranten laten in het filmpje weten deze oproep af te keuren.",
         "Andere demonstranten"),
    ],
)
def test_a_plural_pronoun_speaks_for_the_group_just_named(text, speaker):
    assert quotes_of(text)[-1].speaker_name == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Wat de zaak van gisteren betreft is er nog niets bekend over de dader.",  # a topic, no source
        "De minister noemde een aantal namen van betrokkenen.",  # named, not labelled
        "De minister zei dit om de gemoederen te sussen.",  # a purpose, not what was said
        "Hij kwam naar Utrecht om zijn moeder te bezoeken.",
    ],
)
def test_topics_lists_and_purposes_are_no_statements(text):
    assert quotes_of(text) == []


def test_the_writers_own_framed_view_is_no_statement():
    assert quotes_of("Wat mij betreft mag je kijken naar de herkomst. Wat ons betreft verdient zij de prijs.") == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Kamerlid Anna de Wit spreekt van een 'ontluisterend' verhaal.", "ontluisterend", "Anna de Wit"),
        ("De brandweer sprak van een 'gecompliceerde redding'.", "gecompliceerde redding", "brandweer"),
    ],
)
def test_words_a_source_speaks_of_are_its_own(text, content, speaker):
    q = one(text)
    assert (q.kind, q.content.text, q.speaker_name) == ("direct", content, speaker)


def test_wondering_is_no_question_put_to_anyone():
    assert quotes_of("Hij vraagt zich af of het wel klopt.") == []


def test_a_group_named_with_its_owner_speaks_as_the_group():
    q = one("'We zijn geen racisten', bezweren Baudets kiezers.")
    assert q.speaker_name == "kiezers"


@pytest.mark.parametrize(
    "text",
    ["Wij vragen ons af wat die uil nou eigenlijk betekende.", "Nu vraag ik me af of er iets voorbij is.",
     "Je kunt erop rekenen dat van die neiging vroeg of laat gebruik wordt gemaakt."],
)
def test_wondering_and_sooner_or_later_are_no_questions(text):
    assert not any(q.cue is not None and q.cue.text.lower().startswith(("vra", "vro")) for q in quotes_of(text))


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Minister Anna Bos pleit voor bufferzones bij klinieken om demonstranten op afstand te houden.",
         "bufferzones bij klinieken om demonstranten op afstand te houden", "Anna Bos"),
        ("Zondag doen de Jonge Democraten een voorstel aan de leden om tegen de verhoging te stemmen.",
         "tegen de verhoging te stemmen", "Jonge Democraten"),
        ("De Kamer had minister Van Dam gevraagd de ouderen tijdelijk toch te laten doorrijden.",
         "de ouderen tijdelijk toch te laten doorrijden", "Kamer"),  # the one asked is no speaker
    ],
)
def test_calls_with_a_purpose_a_proposal_made_and_an_addressee(text, content, speaker):
    q = quotes_of(text)[-1]
    assert (q.kind, q.content.text, q.speaker_name) == ("call", content, speaker)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Koppig houdt premier Anna Dekker vol dat haar plan de beste manier is.",
         "haar plan de beste manier is", "Anna Dekker"),
        ("Het gaat om meer. Daarbij wordt gezegd dat de gronden onvoldoende werden geacht.",
         "de gronden onvoldoende werden geacht", None),  # a passive report names no one
    ],
)
def test_an_adverb_opens_an_inverted_clause_and_volhouden_reports(text, content, speaker):
    q = quotes_of(text)[-1]
    assert (q.content.text, q.speaker_name) == (content, speaker)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Duizenden jongeren kwamen naar Den Haag. Ze aanvaarden geen leven in angst. "
         "Ze eisen dat leiders hun verantwoordelijkheid nemen.", "jongeren"),
        ("De meisjes werden daar ziek van. Eenmaal thuis verklaarden ze dat de man hen had bedrogen.", "meisjes"),
        ("Een derde van de ondervraagde leraren zegt vrijdag zeker naar het Malieveld te gaan.", "leraren"),
    ],
)
def test_groups_named_sentences_before_and_parts_of_groups(text, speaker):
    assert quotes_of(text)[-1].speaker_name == speaker


def test_a_relative_clause_speaks_for_the_noun_before_it():
    text = "Het verwijt was gericht aan de gemeenteraad, die vorige week zei de regels te willen versoepelen."
    q = quotes_of(text)[-1]
    assert (q.content.text, q.speaker_name) == ("de regels te willen versoepelen", "gemeenteraad")
    text = ("Ze gaan niet over de politie. Het gaat om de onderwerpen waarover partijen in spotjes "
            "beloofden zich in te zetten.")
    assert all(q.speaker_name != "Ze gaan niet over de politie" for q in quotes_of(text))
