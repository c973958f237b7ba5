"""One event per happening: repeated mentions merge and keep every evidence span; the same parties
acting again on another day are another event."""
from __future__ import annotations

import pytest

from kibaru.pipeline import extract

PUBLISHED = "2024-09-24"


def _record(pipeline, text: str, lang: str):
    return extract(text, language=lang, published=PUBLISHED, pipeline=pipeline)


def _of_type(record, etype: str):
    return [e for e in record.events if e.event_type == etype]


def _countries(record, ids) -> list:
    states = {e.id: e.country for e in record.entities}
    return [states[i] for i in ids]


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "triggers"), [
    ("fr", "Le Niger a attaqué le Bénin. Le Bénin a été attaqué par le Niger, a indiqué Reuters.",
     ["attaqué", "attaqué"]),
    ("fr", "Le Niger a attaqué le Bénin. Le Niger a attaqué le Bénin, a confirmé Reuters.",
     ["attaqué", "attaqué"]),
    ("en", "Niger attacked Benin. The attack by Niger on Benin lasted two hours.", ["attacked", "attack"]),
])
def test_repeated_mentions_merge_keeping_every_span(pipeline, lang, text, triggers):
    record = _record(pipeline, text, lang)
    (ev,) = _of_type(record, "ASSAULT")
    assert _countries(record, ev.actor) == ["NER"]
    assert _countries(record, ev.recipient) == ["BEN"]
    spans = ev.evidence.spans
    assert [record.document.text[a:b] for a, b in spans] == triggers
    # one span in each sentence: the second mention is evidence, not a copy of the first
    first_end = record.document.text.index(".") + 1
    assert spans[0][1] <= first_end < spans[1][0]
    assert ev.evidence.trigger == spans[0]


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "dates"), [
    ("fr", "Le Niger a attaqué le Bénin le 3 mars 2024. Le 20 août 2024, le Niger a de nouveau attaqué "
           "le Bénin.", ["2024-03-03", "2024-08-20"]),
    ("en", "Niger attacked Benin on 12 January 2024. On 20 August 2024, Niger attacked Benin again.",
     ["2024-01-12", "2024-08-20"]),
])
def test_same_parties_on_different_dates_stay_apart(pipeline, lang, text, dates):
    record = _record(pipeline, text, lang)
    assaults = _of_type(record, "ASSAULT")
    assert [e.date.value for e in assaults] == dates
    for ev in assaults:
        assert _countries(record, ev.actor) == ["NER"]
        assert _countries(record, ev.recipient) == ["BEN"]
        assert len(ev.evidence.spans) <= 1


@pytest.mark.models
def test_merged_ids_are_renumbered_in_order(pipeline):
    record = _record(pipeline, "Le Niger a attaqué le Bénin. Le Niger a attaqué le Bénin, a confirmé Reuters. "
                               "Le Bénin a condamné le Niger.", "fr")
    assert [e.event_type for e in record.events] == ["ASSAULT", "ACCUSE"]
    assert [e.id for e in record.events] == ["v1", "v2"]


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "etype"), [
    # the same words for the same act by the same state, the receiver only a pronoun: told again
    ("fr", "Le président du Sénégal a accordé l'asile à l'opposant guinéen Alpha Diallo. "
           "Dakar a insisté sur le droit international. Le Sénégal lui a donc accordé l'asile.", "AID"),
    ("en", "The president of Senegal granted asylum to the Guinean dissident Alpha Diallo. "
           "Dakar stressed international law. Senegal thus granted him asylum.", "AID"),
])
def test_same_words_same_party_no_receiver_is_told_again(pipeline, lang, text, etype):
    record = _record(pipeline, text, lang)
    evs = _of_type(record, etype)
    assert len(evs) == 1, [(e.evidence.text, e.actor, e.recipient) for e in evs]
    assert len(evs[0].evidence.spans) == 2


@pytest.mark.models
def test_same_words_with_a_new_receiver_stay_apart(pipeline):
    record = _record(pipeline, "Le Niger a attaqué le Bénin lundi. Le Niger a attaqué le Togo mardi.", "fr")
    assert len(_of_type(record, "ASSAULT")) == 2
