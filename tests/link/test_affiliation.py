"""Linking seen through whole records: a person's affiliation named in an apposition, demonyms of
several words, a state's name that only qualifies money, organisations named with a demonym and
their acronyms, and KB names of former states and of the Red Cross movement."""
from __future__ import annotations

import pytest

from kibaru.pipeline import extract

PUBLISHED = "2004-05-12"


def _record(pipeline, text: str, lang: str):
    return extract(text, language=lang, published=PUBLISHED, pipeline=pipeline)


def _named(record, name: str):
    found = [e for e in record.entities if e.name == name]
    assert len(found) == 1, [(e.name, e.type, e.country) for e in record.entities]
    return found[0]


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "name", "country"), [
    ("en", "Marta Ilunga, the United Nations humanitarian coordinator, urged the army to open the roads.",
     "Marta Ilunga", "UNO"),
    # the affiliation beats the nationality
    ("en", "Jean Dupuis, the French head of the UN mission, accused the rebels of violating the ceasefire.",
     "Jean Dupuis", "UNO"),
    ("en", "Pieter Vandermeer, head of the International Labour Organization, urged Israel to lift the "
     "restrictions on workers.", "Pieter Vandermeer", "UNO"),
    ("fr", "Le haut-commissaire de l'ONU aux réfugiés, Pierre Lambertin, a demandé au Niger d'ouvrir ses "
     "frontières.", "Pierre Lambertin", "UNO"),
    # an organisation one is sent to is not one's own
    ("en", "Ivan Petrov, the Russian envoy to the United Nations, rejected the plan on Monday.",
     "Ivan Petrov", "RUS"),
])
def test_a_person_apposed_to_a_title_and_an_organisation_is_that_organisations(
        pipeline, lang, text, name, country):
    person = _named(_record(pipeline, text, lang), name)
    assert (person.type, person.country) == ("person", country)


@pytest.mark.models
def test_a_demonym_of_several_words_names_its_state(pipeline):
    record = _record(pipeline, "Police in Accra arrested three Sierra Leonean traders on Monday.", "en")
    assert "SLE" in {e.country for e in record.entities}, record.entities
    assert not [e for e in record.entities if e.name == "Sierra"]


@pytest.mark.models
def test_a_state_name_before_a_currency_is_money_not_a_party(pipeline):
    text = "Haitian officials accused the former minister of stealing US $20 million and 300,000 U.S. dollars."
    record = _record(pipeline, text, "en")
    assert "USA" not in {e.country for e in record.entities}, record.entities


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "country"), [
    ("en", "Croat forces shelled the village on Monday.", "HRV"),
    ("en", "Serb forces shelled the village on Monday.", "SRB"),
    ("en", "Macedonia closed its border with Greece on Monday.", "MKD"),
    ("fr", "La Macédoine a fermé sa frontière avec la Grèce lundi.", "MKD"),
])
def test_former_and_short_names_of_states(pipeline, lang, text, country):
    record = _record(pipeline, text, lang)
    assert record.events, record.entities
    actors = {e.id: e for e in record.entities}
    assert country in {actors[a].country for v in record.events for a in v.actor}, \
        [(e.name, e.country) for e in record.entities]


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "name"), [
    ("en", "The Red Cross suspended aid deliveries in Baghdad on Wednesday.", "International Committee of the Red Cross"),
    ("fr", "La Croix-Rouge a suspendu ses livraisons d'aide à Bagdad mercredi.",
     "International Committee of the Red Cross"),
    ("en", "Swiss doctors handed medicine to the Red Crescent on Monday.",
     "International Federation of Red Cross and Red Crescent Societies"),
])
def test_the_red_cross_movement_is_coded_igo(pipeline, lang, text, name):
    assert _named(_record(pipeline, text, lang), name).country == "IGO"


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "name", "acronym", "country"), [
    ("en", "The Nigerian Union of Teachers (NUT) called off its strike on Thursday. The NUT said talks "
     "would continue.", "Nigerian Union of Teachers", "NUT", "NGA"),
    ("fr", "L'Union nationale des cheminots maliens (UNCM) a appelé à la grève. L'UNCM réclame le paiement "
     "des salaires.", "Union nationale des cheminots maliens", "UNCM", "MLI"),
])
def test_an_organisation_named_with_a_demonym_and_its_unknown_acronym(pipeline, lang, text, name, acronym,
                                                                      country):
    record = _record(pipeline, text, lang)
    org = _named(record, name)
    assert org.country == country
    assert acronym in [m.text for m in org.mentions]
    assert not [e for e in record.entities if e.name == acronym]


@pytest.mark.models
def test_is_in_capitals_is_the_islamic_state(pipeline):
    record = _record(pipeline, "Kurdish fighters said IS had lost its last stronghold near the border.", "en")
    assert _named(record, "Islamic State").country == "IMG"
    record = _record(pipeline, "Kurdish fighters said the town is now under their control.", "en")
    assert not [e for e in record.entities if e.name == "Islamic State"]
