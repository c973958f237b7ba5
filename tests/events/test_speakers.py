"""A first-person subject in quoted or reported words is the speaker: the named source acts."""
from __future__ import annotations

import pytest

from kibaru.pipeline import extract

PUBLISHED = "2024-09-24"


def _requests(pipeline, text: str, lang: str):
    record = extract(text, language=lang, published=PUBLISHED, pipeline=pipeline)
    names = {e.id: e.name for e in record.entities}
    return [([names[a] for a in ev.actor], [names[r] for r in ev.recipient], ev.why)
            for ev in record.events if ev.event_type == "REQUEST"]


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text"), [
    ("en", "“We urge Niger to release the detained soldiers,” Emmanuel Macron said on Monday."),
    ("en", "Emmanuel Macron said: “We call on Niger to free the soldiers.”"),
    ("fr", "« Nous demandons au Niger de libérer les soldats », a déclaré Emmanuel Macron lundi."),
    ("fr", "Emmanuel Macron a déclaré : « J'exige que le Niger libère les soldats. »"),
])
def test_a_first_person_subject_is_the_quoted_speaker(pipeline, lang, text):
    found = _requests(pipeline, text, lang)
    assert found, text
    actor, recipient, why = found[0]
    assert actor == ["Emmanuel Macron"], why
    assert recipient == ["Niger"], why


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text"), [
    ("en", "We urge Niger to release the detained soldiers."),
    ("fr", "Nous demandons au Niger de libérer les soldats."),
])
def test_an_unattributed_first_person_stays_unresolved(pipeline, lang, text):
    for actor, recipient, why in _requests(pipeline, text, lang):
        assert actor == [], why
