"""The content of a content-taking trigger (REQUEST, ACCUSE, AGREE, ...) is not a second event,
however deep it sits: through for-to clauses, means clauses ("by" + gerund, « en » + gérondif)
and complements."""
from __future__ import annotations

import pytest

from kibaru.pipeline import extract

PUBLISHED = "2024-09-24"


def _events(pipeline, text: str, lang: str):
    record = extract(text, language=lang, published=PUBLISHED, pipeline=pipeline)
    states = {e.id: e.country for e in record.entities}
    return [(e.event_type, sorted(states[i] for i in e.actor), sorted(states[i] for i in e.recipient))
            for e in record.events]


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a for-to clause parsed as advcl, then a means clause under it: one REQUEST of Russia
    ("en", "Kenya called for Russia to reciprocate by agreeing to a ceasefire.",
     [("REQUEST", ["KEN"], ["RUS"])]),
    # an unresolved "we" stays empty: the one asked does not become the one asking
    ("en", "The diplomats said: 'We called for Russia to reciprocate by agreeing to a ceasefire'.",
     [("REQUEST", [], ["RUS"])]),
    ("en", "France urged Mali to show goodwill by releasing the hostages.", [("REQUEST", ["FRA"], ["MLI"])]),
    ("fr", "Le Niger a demandé au Tchad de faire un geste en acceptant un cessez-le-feu.",
     [("REQUEST", ["NER"], ["TCD"])]),
])
def test_content_through_chains_is_not_an_event(pipeline, lang, text, expected):
    assert _events(pipeline, text, lang) == expected


@pytest.mark.models
def test_a_gerund_on_the_trigger_itself_is_a_second_event(pipeline):
    # « en exhortant » hangs from the condemnation itself, not from its content
    found = _events(pipeline, "Le Niger a condamné l'attaque du Tchad en exhortant le Mali à la retenue.", "fr")
    assert {t for t, _, _ in found} >= {"ACCUSE", "REQUEST"}, found


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "expected"), [
    # the protest of an NGO or an IGO is a statement (ACCUSE), like a state's ...
    ("en", "Amnesty International protested against Ghana's new media law.", "ACCUSE"),
    ("fr", "Amnesty International a protesté contre le Ghana.", "ACCUSE"),
    # ... a crowd's is a street action
    ("en", "Human rights activists protested in front of the Ghanaian embassy.", "PROTEST"),
])
def test_a_bodys_protest_is_a_statement(pipeline, lang, text, expected):
    assert expected in {t for t, _, _ in _events(pipeline, text, lang)}


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text"), [
    # a light verb's object is read through a partitive, and the embedded aid gives the recipient
    ("en", "The United States suspended part of a military aid program for Bosnia."),
    ("fr", "La France a suspendu une partie de son aide au Mali."),
])
def test_suspending_part_of_aid_is_a_sanction(pipeline, lang, text):
    found = _events(pipeline, text, lang)
    assert [t for t, _, _ in found] == ["SANCTION"], found
    assert found[0][2] in (["BIH"], ["MLI"]), found


@pytest.mark.models
def test_a_contracted_article_is_its_preposition(pipeline):
    # « au calme »: au = à + le, so "appeler" meets its prep:à requirement
    found = _events(pipeline, "Le Niger a appelé le Mali au calme.", "fr")
    assert ("REQUEST", ["NER"], ["MLI"]) in found, found


@pytest.mark.models
def test_pour_que_clause_gives_the_one_asked(pipeline):
    found = _events(pipeline, "Le Niger a plaidé pour que le Mali accepte un cessez-le-feu.", "fr")
    assert found == [("SUPPORT", ["NER"], ["MLI"])], found


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "expected"), [
    # the protested act is the content of the body's or state's ACCUSE, its agent the one blamed
    ("en", "Amnesty International protested against the detention of reporters in Egypt.",
     [("ACCUSE", ["NGO"], ["EGY"])]),
    ("en", "Algeria protested against France's expulsion of two Algerian diplomats.",
     [("ACCUSE", ["DZA"], ["FRA"])]),
    ("fr", "Human Rights Watch a protesté contre la détention de militants par l'Égypte.",
     [("ACCUSE", ["NGO"], ["EGY"])]),
    # the agent hung by the parser from the noun's « de » complement is still the act's agent
    ("fr", "L'Algérie a protesté contre l'arrestation de ses ressortissants par le Maroc.",
     [("ACCUSE", ["DZA"], ["MAR"])]),
])
def test_a_bodys_protest_takes_the_protested_act_as_content(pipeline, lang, text, expected):
    assert _events(pipeline, text, lang) == expected


@pytest.mark.parametrize("lang,text,absent", [
    # purpose clause: what the act aims at is not a second happening
    ("en", "Chadian troops stayed on alert near the border to prevent more violence.", "ASSAULT"),
    ("fr", "L'armée nigérienne a lancé une offensive pour reprendre la ville de Tillabéri.", "OCCUPY"),
    # the topic of talks carried by a light verb
    ("en", "Mali and Niger resumed negotiations on a French troop pullback.", "RETREAT"),
])
def test_a_purpose_or_topic_is_not_a_second_event(pipeline, lang, text, absent):
    assert absent not in {t for t, _, _ in _events(pipeline, text, lang)}


def test_a_same_type_noun_in_a_locative_phrase_is_the_verbs_event(pipeline):
    found = _events(pipeline, "Chadian soldiers killed twelve villagers in an attack on a market.", "en")
    assert [t for t, _, _ in found].count("ASSAULT") == 1


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Niger said it will withdraw its troops from Mali unless the junta accepts a ceasefire with the rebels."),
    ("en", "The Malian opposition will boycott the vote unless the president agrees to resign."),
    ("fr", "Le Tchad a annoncé qu'il retirera ses troupes du Niger à moins que la junte accepte un cessez-le-feu."),
    ("fr", "Le Tchad retirera ses soldats du Mali sauf si la junte accepte un cessez-le-feu."),
])
def test_an_act_held_over_a_condition_is_a_threat(pipeline, lang, text):
    # the act is THREATEN; what the other side must do ("accepts", "agrees") is no event of its own
    found = _events(pipeline, text, lang)
    assert [t for t, _, _ in found] == ["THREATEN"], found


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "absent"), [
    ("en", "Russia threatened to halt the talks if the United States goes ahead with the deployment of missiles.",
     "MOBILIZE"),
    ("fr", "Le Niger a menacé de suspendre les pourparlers si le Mali ne libère pas les otages.", "RETREAT"),
])
def test_the_condition_of_a_threat_is_its_content(pipeline, lang, text, absent):
    found = _events(pipeline, text, lang)
    assert absent not in {t for t, _, _ in found} and "THREATEN" in {t for t, _, _ in found}, found


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "absent"), [
    # the noun completes a phrase after a background preposition
    ("en", "Chadian troops remained on alert in Abeche after a week of unprecedented riots by Sudanese refugees.",
     "PROTEST"),
    ("fr", "L'armée tchadienne a déployé des renforts à Abéché après une semaine d'émeutes des opposants soudanais.",
     "PROTEST"),
    # a noun that frames the time of the event ("on the eve of", « au lendemain de ») makes its
    # complement background
    ("en", "Niger threatened to cut ties with Chad on the eve of a visit here by the Malian president.", "CONSULT"),
    ("en", "Chad recalled its ambassador from Sudan in the wake of the execution of two Chadian soldiers.", "ASSAULT"),
    ("fr", "Le Tchad a rappelé son ambassadeur au Soudan au lendemain de l'exécution de deux soldats tchadiens.",
     "ASSAULT"),
    # a noun event situating another noun event is its setting
    ("en", "Malian soldiers killed ten villagers in Gao in the worst attack of the current Tuareg uprising.", "PROTEST"),
    ("en", "Malian soldiers killed ten villagers in Gao in the worst attack in the current Tuareg uprising.", "PROTEST"),
])
def test_background_reached_through_of_and_settings_are_not_events(pipeline, lang, text, absent):
    found = _events(pipeline, text, lang)
    assert found and absent not in {t for t, _, _ in found}, found


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a same-type participle restates the event: one attack
    ("en", "Chadian rebels attacked a refugee camp near Abeche, killing 20 Sudanese civilians.", ["ASSAULT"]),
    # damage done in a riot or a demonstration is part of it
    ("en", "Sudanese prisoners rioted at a jail in Chad, setting fire to their mattresses.", ["PROTEST"]),
    ("fr", "Des détenus soudanais ont manifesté dans une prison tchadienne en mettant le feu à leurs matelas.",
     ["PROTEST"]),
])
def test_a_participle_restating_or_detailing_the_event_is_not_a_second_event(pipeline, lang, text, expected):
    assert [t for t, _, _ in _events(pipeline, text, lang)] == expected


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a stated willingness to help is AGREE, and the help offered is its content: one event, aimed
    # at the party the content names; the condition on the offer is no event either
    ("en", "Denmark is willing to send equipment to help protect Kuwait if it is invaded, the Danish minister said.",
     [("AGREE", ["DNK"], ["KWT"])]),
    ("en", "Ghana threatened to resume raids in Togo.", [("THREATEN", ["GHA"], ["TGO"])]),
    ("en", "The Nigerian government refused to commit to any assistance to the French-led operation in Mali.",
     [("REJECT", ["NGA"], ["FRA"])]),
    ("en", "The Chadian rebels rejected an invitation to attend a meeting of the Sudanese government.",
     [("REJECT", ["TCD"], ["SDN"])]),
    ("fr", "Le Niger est prêt à envoyer du matériel pour aider à défendre le Tchad.", [("AGREE", ["NER"], ["TCD"])]),
    ("fr", "Le Niger a rejeté une invitation à participer à une réunion du gouvernement malien.",
     [("REJECT", ["NER"], ["MLI"])]),
    ("fr", "Le Tchad a menacé de reprendre les raids au Soudan.", [("THREATEN", ["TCD"], ["SDN"])]),
    ("fr", "Le président nigérien a refusé de recevoir le ministre malien des Affaires étrangères.",
     [("REJECT", ["NER"], ["MLI"])]),
])
def test_an_offer_refusal_or_threat_is_aimed_at_the_party_its_content_names(pipeline, lang, text, expected):
    assert _events(pipeline, text, lang) == expected


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text"), [
    # circumstances and bare nouns name no addressee
    ("en", "The Kenyan minister declined to resign despite pressure by the Ugandan government."),
    ("en", "Ghana rejected any attempt to change the border by force."),
])
def test_circumstances_of_a_refusal_name_no_addressee(pipeline, lang, text):
    assert all(r == [] for t, _, r in _events(pipeline, text, lang) if t == "REJECT")
