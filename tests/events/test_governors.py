"""A nominal trigger takes its actor from the verb it is the object of, read through a part or a
stretch of it ("launched 10 days of war games", « une série de frappes »)."""
from __future__ import annotations

import pytest

from kibaru.pipeline import extract


def _events(pipeline, text: str, lang: str):
    record = extract(text, language=lang, published="2024-09-24", pipeline=pipeline)
    states = {e.id: e.country for e in record.entities}
    return [(e.event_type, states[i]) for e in record.events for i in e.actor]


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Malian and Nigerien warships on Monday launched 10 days of war games in the Gulf of Guinea.",
     ("COOPERATE", "MLI")),
    ("fr", "L'armée malienne a lancé une série de frappes contre les rebelles du CSP.", ("ASSAULT", "MLI")),
])
def test_the_actor_is_read_through_a_part_or_a_stretch(pipeline, lang, text, expected):
    assert expected in _events(pipeline, text, lang)


@pytest.mark.models
def test_a_participle_restates_an_event_carried_through_a_part(pipeline):
    # "carried out a series of airstrikes ..., hitting targets": one attack
    found = _events(pipeline, "In March, Chadian forces carried out a series of airstrikes against rebels in "
                              "Sudan, hitting targets in areas abandoned by Sudanese forces.", "en")
    assert [t for t, _ in found] == ["ASSAULT"], found
