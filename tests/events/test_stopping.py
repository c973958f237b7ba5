"""« arrêter » is arrest when a person or a party is arrested, and stop when the object is an act."""
from __future__ import annotations

import pytest

from kibaru.pipeline import extract

PUBLISHED = "2024-09-24"


def _types(pipeline, text: str) -> list[tuple[str, str | None]]:
    record = extract(text, language="fr", published=PUBLISHED, pipeline=pipeline)
    return [(e.event_type, e.mode) for e in record.events]


@pytest.mark.models
def test_stop_an_act_in_a_command_is_a_demand(pipeline):
    text = ("Le ministre nigérien Ali Saley a déclaré : « Notre message est simple : arrêtez les "
            "bombardements des villages immédiatement. »")
    types = _types(pipeline, text)
    assert ("COERCE", "arrest") not in types
    assert ("REQUEST", None) in types


@pytest.mark.models
def test_stopping_a_hostile_act_is_a_retreat(pipeline):
    types = _types(pipeline, "Les rebelles touareg ont arrêté les combats contre l'armée nigérienne.")
    assert ("COERCE", "arrest") not in types
    assert ("RETREAT", "ceasefire") in types


@pytest.mark.models
def test_arresting_people_is_still_an_arrest(pipeline):
    assert ("COERCE", "arrest") in _types(pipeline, "La police nigérienne a arrêté trois manifestants à Niamey.")
