"""Roles read from the text around a trigger: a relative pronoun's noun, the authors of acts told
before, the place of an event that is no party, the addressee of an order, the document's main
state. Sentences written for these tests."""
from __future__ import annotations

import pytest

from kibaru.pipeline import extract

pytestmark = pytest.mark.models


def _record(pipeline, text: str, lang: str = "fr"):
    return extract(text, language=lang, published="2024-09-24", pipeline=pipeline)


def _at(record, trigger: str):
    """The one event whose trigger text is ``trigger``."""
    text = record.document.text
    found = [e for e in record.events if text[e.evidence.trigger[0]:e.evidence.trigger[1]] == trigger]
    assert len(found) == 1, [(e.event_type, text[e.evidence.trigger[0]:e.evidence.trigger[1]], e.why)
                             for e in record.events]
    return found[0]


def _names(record, ids) -> list[str]:
    entities = {e.id: e for e in record.entities}
    return sorted(entities[i].name for i in ids)


def _states(record, ids) -> list[str]:
    entities = {e.id: e for e in record.entities}
    return sorted(entities[i].country or "" for i in ids)


def test_a_relative_pronoun_stands_for_its_noun(pipeline):
    record = _record(pipeline, "Le Ghana a réagi en écrivant aux autorités togolaises, qui sont accusées par les "
                               "diplomates japonais de soutenir les rebelles.")
    ev = _at(record, "accusées")
    assert _states(record, ev.recipient) == ["TGO"], ev.why
    assert _states(record, ev.actor) == ["JPN"], ev.why


def test_the_authors_of_these_acts_are_the_last_attackers(pipeline):
    record = _record(pipeline, "Le JNIM a attaqué un village près de Mopti. Le gouvernement nigérien a menacé les "
                               "auteurs de ces exactions de poursuites au Niger et en Mauritanie.")
    ev = _at(record, "menacé")
    assert _names(record, ev.recipient) == ["Jama'at Nusrat al-Islam wal-Muslimin"], ev.why
    assert _states(record, ev.actor) == ["NER"], ev.why


def test_a_condemned_crime_told_before_is_the_last_attackers(pipeline):
    record = _record(pipeline, "Le JNIM a attaqué un village près de Mopti. Le Niger a condamné le crime de "
                               "Tillabéri.")
    ev = _at(record, "condamné")
    # the city is where the crime happened, not a party; the crime is the attack told before
    assert _names(record, ev.recipient) == ["Jama'at Nusrat al-Islam wal-Muslimin"], ev.why


def test_an_order_goes_to_whom_the_message_is_for(pipeline):
    record = _record(pipeline, "Le JNIM a attaqué une mosquée près de Mopti. Le président nigérien a déclaré : "
                               "« Mon message à ceux qui sont impliqués dans cet acte est clair : arrêtez les "
                               "violences maintenant. »")
    ev = _at(record, "arrêtez")
    assert _names(record, ev.recipient) == ["Jama'at Nusrat al-Islam wal-Muslimin"], ev.why


def test_nippon_is_a_japanese_demonym(pipeline):
    record = _record(pipeline, "Des soldats nippons ont attaqué un village chinois.")
    ev = _at(record, "attaqué")
    assert _states(record, ev.actor) == ["JPN"], ev.why


def test_the_main_state_is_where_the_events_happen(pipeline):
    record = _record(pipeline, "La Chine fait face à une colère contre le Japon. Des manifestations contre le "
                               "Japon ont eu lieu à Pékin, à Shanghai et à Canton. Les autorités nationales ont "
                               "déployé des forces de police.")
    ev = _at(record, "déployé")
    assert _states(record, ev.actor) == ["CHN"], ev.why


@pytest.mark.parametrize("text", [
    "Le gouvernement nigérien, inquiet, a de son côté dénoncé « une violence comparable à des crimes de guerre » "
    "et a menacé le JNIM de sanctions.",
    "Quand le Tchad a attaqué, le Niger a de son côté dénoncé « une violence comparable à des crimes » et a "
    "menacé le JNIM de sanctions.",
])
def test_a_coordinated_verb_shares_the_first_clauses_subject(pipeline, text):
    record = _record(pipeline, text)
    ev = _at(record, "menacé")
    assert _states(record, ev.actor) == ["NER"], ev.why


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Les diplomates japonais ont condamné la Chine."),
    ("en", "Japanese diplomats condemned China."),
])
def test_a_states_unnamed_diplomats_are_the_state(pipeline, lang, text):
    record = _record(pipeline, text, lang)
    ev = next(e for e in record.events if e.event_type == "ACCUSE")
    assert [next(x for x in record.entities if x.id == i).kb_id for i in ev.actor] == ["country:JPN"], ev.why
