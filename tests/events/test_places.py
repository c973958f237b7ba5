"""Where an event happened: ``kibaru.events.places.event_place``."""
from __future__ import annotations

import pytest

from kibaru.events.places import event_place
from kibaru.model import RawDocument

PUBLISHED = "2024-05-02"


def _linked(pipeline, text: str, lang: str):
    from kibaru.ingest import prepare_document
    from kibaru.nlp import parse_documents

    raw = RawDocument(source="<text>", text=text, language=lang, published=PUBLISHED)
    document = prepare_document(raw, pipeline.settings)
    parse = next(iter(parse_documents([document], pipeline.models, 1)))
    return pipeline.linker.link(parse)


def _place(pipeline, text: str, lang: str, trigger: str, nth: int = 0):
    linked = _linked(pipeline, text, lang)
    heads = [t.i for t in linked.parse.tokens if t.text == trigger]
    assert heads, f"no token {trigger!r}"
    return event_place(linked, heads[nth])


def _at(place, lat: float, lon: float, km: float = 60.0) -> bool:
    import math

    if place is None or place.lat is None:
        return False
    dy = (place.lat - lat) * 111.0
    dx = (place.lon - lon) * 111.0 * math.cos(math.radians(lat))
    return math.hypot(dx, dy) <= km


@pytest.mark.models
@pytest.mark.parametrize("lang, text, trigger, country, precision", [
    # a state named as the setting
    ("fr", "Des rebelles ont attaqué des civils au Niger mardi.", "attaqué", "NER", "country"),
    ("en", "The army sent troops into Sudan last week.", "sent", "SDN", "country"),
    ("fr", "Des milliers de personnes ont manifesté dans les grandes villes de la Chine.", "manifesté",
     "CHN", "country"),
    # a town the text names
    ("fr", "Des hommes armés ont attaqué un poste de police à Gao samedi.", "attaqué", "MLI", "city"),
    # a first-level region with its own point
    ("en", "Police in Iraq said they arrested four suspects in a raid in Anbar.", "arrested", "IRQ", "admin1"),
])
def test_places_in_the_sentence(pipeline, lang, text, trigger, country, precision):
    place = _place(pipeline, text, lang, trigger)
    assert place is not None
    assert (place.country, place.precision) == (country, precision)
    assert place.lat is not None


@pytest.mark.models
def test_a_possessive_state_is_no_setting(pipeline):
    # "in China's arsenal" does not put the criticism in China
    text = "The ministers criticised the growth in China's missile arsenal."
    assert _place(pipeline, text, "en", "criticised") is None


@pytest.mark.models
def test_an_embassy_is_not_in_the_state_it_represents(pipeline):
    text = ("Des manifestants se sont rassemblés à Nairobi lundi. "
            "Ils ont lancé des pierres contre l'ambassade de France.")
    place = _place(pipeline, text, "fr", "lancé")
    assert place is not None and place.country == "KEN"


@pytest.mark.models
def test_the_previous_sentence_of_the_paragraph_gives_the_place(pipeline):
    text = ("Plusieurs centaines de personnes ont manifesté jeudi à Ouagadougou. "
            "Elles ont réclamé le départ des troupes étrangères.")
    place = _place(pipeline, text, "fr", "réclamé")
    assert place is not None and place.country == "BFA" and _at(place, 12.37, -1.53)


@pytest.mark.models
def test_a_missed_town_after_city_of(pipeline):
    text = "Gunmen attacked a police station in the Somali city of Beledweyne on Sunday."
    place = _place(pipeline, text, "en", "attacked")
    assert place is not None and place.country == "SOM" and _at(place, 4.74, 45.2)


@pytest.mark.models
def test_a_region_after_a_comma_narrows_the_town(pipeline):
    # Charlevoix (Michigan) is larger in GeoNames; ", Quebec" puts it in Canada
    text = ("The United States and Canada held talks in Charlevoix, Quebec, on Friday. "
            "Washington said the United States wants a deal.")
    place = _place(pipeline, text, "en", "held")
    assert place is not None and place.country == "CAN" and _at(place, 47.65, -70.15)


@pytest.mark.models
def test_no_place_when_the_text_names_none(pipeline):
    text = "Le ministre a condamné les propos du président."
    assert _place(pipeline, text, "fr", "condamné") is None


@pytest.mark.models
def test_a_gerund_happens_where_its_main_clause_does(pipeline):
    from kibaru.pipeline import extract

    record = extract("Les islamistes ont montré leur force à Gao en s'attaquant à une mosquée.",
                     language="fr", published="2024-09-24", pipeline=pipeline)
    countries = {e.id: e.country for e in record.entities}
    assault = [e for e in record.events if e.event_type == "ASSAULT"]
    assert assault and [countries[r] for r in assault[0].recipient] == ["MLI"], [e.why for e in assault]
