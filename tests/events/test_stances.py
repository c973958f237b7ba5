"""Lexicon lines for stances and held-over penalties: agreeing with a proposal endorses it,
concern about a party's act blames it, a demand with a penalty attached is also a threat, and a
clash or scuffle is acted by both sides."""
from __future__ import annotations

import pytest

from kibaru.pipeline import extract

PUBLISHED = "2024-09-24"


def _events(pipeline, text: str, lang: str):
    record = extract(text, language=lang, published=PUBLISHED, pipeline=pipeline)
    country = {e.id: e.country for e in record.entities}
    return [(e.event_type, {country.get(i) for i in e.actor}, {country.get(i) for i in e.recipient})
            for e in record.events]


@pytest.mark.models
def test_agreeing_with_a_proposal_endorses_who_made_it(pipeline):
    events = _events(pipeline, "Kenya agrees with the Ethiopian proposal of a truce.", "en")
    assert any(t == "SUPPORT" and "ETH" in r for t, _, r in events), events
    assert not any(t == "AGREE" for t, _, _ in events), events


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "actor", "recipient"), [
    ("en", "Kenya is concerned about Somalia's decision.", "KEN", "SOM"),
    ("en", "Kenya remains concerned with the Somali military build-up.", "KEN", "SOM"),
    ("fr", "Le Niger s'inquiète de la décision du Bénin.", "NER", "BEN"),
])
def test_concern_about_a_party_s_act_blames_it(pipeline, lang, text, actor, recipient):
    events = _events(pipeline, text, lang)
    assert any(t == "ACCUSE" and actor in a and recipient in r for t, a, r in events), events


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Kenya urged Sudan on Monday to accept the truce or face sanctions."),
    ("fr", "Le Kenya a exhorté lundi le Soudan à accepter la trêve sous peine de sanctions."),
])
def test_a_demand_with_a_penalty_is_also_a_threat(pipeline, lang, text):
    events = _events(pipeline, text, lang)
    assert any(t == "REQUEST" and "SDN" in r for t, _, r in events), events
    assert any(t == "THREATEN" and "KEN" in a and "SDN" in r for t, a, r in events), events


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Des militaires tchadiens ont eu des affrontements avec des soldats nigérians."),
    ("fr", "Des militaires tchadiens ont eu des échauffourées avec des soldats nigérians."),
    ("en", "Chadian soldiers had clashes with Nigerian soldiers."),
])
def test_both_sides_of_a_clash_act(pipeline, lang, text):
    events = _events(pipeline, text, lang)
    # the side named after with/avec fights too: an actor, never the one attacked
    assert any(t == "ASSAULT" and "NGA" in a and "NGA" not in r for t, a, r in events), events
