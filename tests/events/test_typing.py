"""Typing and flag rules analysts rely on: the French journalistic conditional is a reported event,
a missing act is no event, an order to pull out one's own forces is the withdrawal itself, and
« manifester » / "demonstrate" with an object means "show", not a street protest."""
from __future__ import annotations

import pytest

from kibaru.pipeline import extract

PUBLISHED = "2024-09-24"
FLAGS = ("negated", "hypothetical", "future", "historical")


def _record(pipeline, text: str, lang: str):
    return extract(text, language=lang, published=PUBLISHED, pipeline=pipeline)


def _summary(record):
    return [(e.event_type, {f for f in FLAGS if getattr(e.flags, f)}, e.why) for e in record.events]


def _countries(record, ids):
    by_id = {e.id: e.country for e in record.entities}
    return {by_id.get(i) for i in ids}


# ---------------------------------------------------------------- the journalistic conditional

@pytest.mark.models
@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "L'armée malienne aurait tué dix civils près de Gao."),
    ("fr", "Selon des témoins, des soldats nigériens auraient exécuté trois bergers."),
    ("fr", "Des soldats tchadiens auraient été tués par des rebelles près de la frontière."),
    # English says the same with an adverb: never hypothetical
    ("en", "The Malian army reportedly killed ten civilians near Gao."),
    ("en", "Nigerien soldiers allegedly executed three herders."),
])
def test_the_journalistic_conditional_reports_a_past_event(pipeline, lang, text):
    record = _record(pipeline, text, lang)
    assaults = [e for e in record.events if e.event_type == "ASSAULT"]
    assert assaults, _summary(record)
    assert not [e for e in record.events if e.event_type == "THREATEN"], _summary(record)
    for ev in assaults:
        assert not ev.flags.hypothetical, ev.why


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text"), [
    # a real hypothesis: a « si » clause, a modal, a counterfactual « sans ... », English "would have"
    ("fr", "Si le Bénin avait refusé, le Niger aurait bombardé Cotonou."),
    ("fr", "Le Niger pourrait frapper le Bénin."),
    ("fr", "Le Mali aurait pu attaquer l'Algérie."),
    ("fr", "Sans l'intervention du Nigeria, les rebelles auraient attaqué le Niger."),
    ("en", "Niger said it would have attacked Benin."),
])
def test_a_real_hypothesis_stays_hypothetical(pipeline, lang, text):
    record = _record(pipeline, text, lang)
    violent = [e for e in record.events if e.event_type in {"ASSAULT", "THREATEN"}]
    assert violent, _summary(record)
    for ev in violent:
        assert ev.event_type == "THREATEN" and ev.flags.hypothetical, ev.why


# ---------------------------------------------------------------- a missing act

@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "absent"), [
    ("fr", "Le Mali a décidé de quitter la CEDEAO sans consulter le Niger.", "CONSULT"),
    ("en", "Mali decided to leave ECOWAS without consulting Niger.", "CONSULT"),
    ("fr", "La France a retiré ses troupes sans l'accord du Mali.", "AGREE"),
    ("en", "France withdrew its troops without an agreement with Mali.", "AGREE"),
    ("fr", "L'absence de soutien de la France a surpris le Mali.", "SUPPORT"),
    ("en", "The lack of cooperation between Mali and Niger worries analysts.", "COOPERATE"),
])
def test_a_missing_act_is_no_event(pipeline, lang, text, absent):
    record = _record(pipeline, text, lang)
    # not the act, and not a refusal of it either (nobody is said to refuse)
    assert not [e for e in record.events if e.event_type in {absent, "REJECT"}], _summary(record)


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "etype"), [
    ("fr", "La France a retiré ses troupes sans l'accord du Mali.", "RETREAT"),
    ("en", "France withdrew its troops without an agreement with Mali.", "RETREAT"),
])
def test_the_act_done_without_the_missing_one_stays(pipeline, lang, text, etype):
    record = _record(pipeline, text, lang)
    assert [e.event_type for e in record.events] == [etype], _summary(record)


# ---------------------------------------------------------------- ordering one's own withdrawal

@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "actor"), [
    ("fr", "Le Niger a surpris le Mali en ordonnant le retrait de 2 000 soldats.", "NER"),
    ("fr", "Le Tchad a ordonné le retrait de ses troupes du Niger.", "TCD"),
    ("en", "Niger ordered the withdrawal of its troops from Mali.", "NER"),
])
def test_ordering_the_withdrawal_of_ones_own_forces_is_a_retreat(pipeline, lang, text, actor):
    record = _record(pipeline, text, lang)
    assert not [e for e in record.events if e.event_type == "REQUEST"], _summary(record)
    retreats = [e for e in record.events if e.event_type == "RETREAT"]
    assert len(retreats) == 1, _summary(record)
    assert _countries(record, retreats[0].actor) == {actor}, retreats[0].why
    assert not [e for e in record.entities if e.name.lower() in {"soldats", "troops", "troupes"}
                and e.id in retreats[0].recipient], retreats[0].why


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "actor"), [
    ("en", "Nigeria ordered Mali to withdraw its troops.", "NGA"),
    ("fr", "Le Mali a ordonné le retrait des troupes françaises.", "MLI"),
    ("en", "Mali ordered the withdrawal of French troops.", "MLI"),
])
def test_an_order_to_another_party_stays_a_request(pipeline, lang, text, actor):
    record = _record(pipeline, text, lang)
    requests = [e for e in record.events if e.event_type == "REQUEST"]
    assert len(requests) == 1, _summary(record)
    assert _countries(record, requests[0].actor) == {actor}, requests[0].why
    assert not [e for e in record.events if e.event_type == "RETREAT"], _summary(record)


# ---------------------------------------------------------------- « manifester » with an object

@pytest.mark.models
@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Les soldats maliens ont manifesté leur force devant l'ambassade de France."),
    ("fr", "Les étudiants ont manifesté leur colère contre le gouvernement malien."),
    ("en", "Malian soldiers demonstrated their strength near the French embassy."),
])
def test_showing_something_is_no_protest(pipeline, lang, text):
    record = _record(pipeline, text, lang)
    assert not [e for e in record.events if e.event_type == "PROTEST"], _summary(record)


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Les habitants ont manifesté leur solidarité avec le Niger."),
    ("fr", "Les militants ont manifesté leur soutien au Niger."),
    ("en", "Activists demonstrated their support for Niger."),
])
def test_showing_support_is_support(pipeline, lang, text):
    record = _record(pipeline, text, lang)
    assert [e.event_type for e in record.events] == ["SUPPORT"], _summary(record)
    assert _countries(record, record.events[0].recipient) == {"NER"}, record.events[0].why


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Les étudiants ont manifesté contre le gouvernement malien."),
    ("fr", "Des milliers de Maliens ont manifesté samedi à Bamako."),
    ("en", "Thousands of students demonstrated in Bamako on Saturday."),
    ("en", "Students demonstrated against the Malian government."),
])
def test_demonstrating_is_a_protest(pipeline, lang, text):
    record = _record(pipeline, text, lang)
    assert [e.event_type for e in record.events] == ["PROTEST"], _summary(record)


# ---------------------------------------------------------------- defacing a website is a cyber attack

@pytest.mark.models
@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hackers defaced the homepage of the Malian army on Sunday."),
    ("fr", "Des pirates ont défacé dimanche le site internet de l'armée malienne."),
])
def test_defacing_a_website_is_a_cyber_attack(pipeline, lang, text):
    record = _record(pipeline, text, lang)
    assert [(e.event_type, e.mode) for e in record.events] == [("COERCE", "cyber")], _summary(record)


@pytest.mark.models
def test_defacing_a_statue_stays_vandalism(pipeline):
    record = _record(pipeline, "Protesters defaced a statue of the Malian president in Bamako.", "en")
    assert {e.event_type for e in record.events} == {"PROTEST"}, _summary(record)
