"""PLOVER auxiliary modes as flags (negated, hypothetical, future, historical), and the recoding of
type + auxiliary into the single type the manual asks for (future AID -> AGREE, conditional ASSAULT
-> THREATEN, negated AGREE -> REJECT)."""
from __future__ import annotations

import pytest

from kibaru.pipeline import extract

PUBLISHED = "2024-09-24"
FLAGS = ("negated", "hypothetical", "future", "historical")

# (language, sentence, event type, flags that must be set); every other flag must be clear
FLAG_CASES = [
    # negation
    ("fr", "Le Niger n'a pas attaqué le Bénin.", "ASSAULT", {"negated"}),
    ("en", "Niger did not attack Benin.", "ASSAULT", {"negated"}),
    # hypothetical: conditional / could / would
    ("fr", "Le Mali pourrait attaquer l'Algérie.", "THREATEN", {"hypothetical"}),
    ("en", "Mali could attack Algeria.", "THREATEN", {"hypothetical"}),
    ("fr", "L'Union européenne pourrait sanctionner le Mali.", "THREATEN", {"hypothetical"}),
    ("en", "Russia would sanction Georgia.", "THREATEN", {"hypothetical"}),
    # a modal of ability on a verb of perception says what was witnessed, not what might happen
    ("en", "Malian soldiers could be seen attacking the village.", "ASSAULT", set()),
    ("en", "Nigerian troops can be seen surrounding the palace.", "MOBILIZE", set()),
    ("fr", "On pouvait voir des soldats maliens attaquer le village.", "ASSAULT", set()),
    # future: aller + infinitive, future tense, plan verbs, will
    ("fr", "Le Tchad va retirer ses troupes du Niger.", "CONCEDE", {"future"}),
    ("fr", "La France retirera ses soldats du Mali.", "CONCEDE", {"future"}),
    ("en", "Chad will withdraw its soldiers from Niger.", "CONCEDE", {"future"}),
    ("fr", "Le Nigeria va attaquer le Niger.", "THREATEN", {"future"}),
    ("en", "Nigeria will attack Niger.", "THREATEN", {"future"}),
    # historical: pluperfect, "déjà", "previously"
    ("fr", "Le Burkina Faso avait accusé la France d'ingérence.", "ACCUSE", {"historical"}),
    ("en", "Burkina Faso had accused France of interference.", "ACCUSE", {"historical"}),
    ("fr", "Le Mali a déjà condamné l'Algérie.", "ACCUSE", {"historical"}),
    ("en", "Mali previously condemned Algeria.", "ACCUSE", {"historical"}),
    ("fr", "Moscou avait affirmé son soutien au Mali.", "SUPPORT", {"historical"}),
    # historical: the event's own date ends before the month of publication, a week or more before
    ("en", "Kenya attacked Somalia in 2015.", "ASSAULT", {"historical"}),
    ("en", "In January, Nigeria attacked Benin.", "ASSAULT", {"historical"}),
    ("fr", "Le Niger a attaqué le Bénin en janvier.", "ASSAULT", {"historical"}),
    ("fr", "Le Mali a condamné l'Algérie en 2019.", "ACCUSE", {"historical"}),
    # ... not a state begun then and still going on, nor a date of this month
    ("en", "Al-Shabab has been attacking Kenya since 2011.", "ASSAULT", set()),
    ("en", "Earlier this month, Nigeria attacked Benin.", "ASSAULT", set()),
    ("fr", "Le Niger a attaqué le Bénin lundi.", "ASSAULT", set()),
    # sequence of tenses: a pluperfect under a past speech verb is the reported event itself ...
    ("en", "Niger said it had attacked Benin.", "ASSAULT", set()),
    ("fr", "Le Niger a affirmé qu'il avait attaqué le Bénin.", "ASSAULT", set()),
    # ... unless "already" / « déjà » makes it background
    ("en", "Niger said it had already attacked Benin.", "ASSAULT", {"historical"}),
    ("fr", "Le Niger a affirmé qu'il avait déjà attaqué le Bénin.", "ASSAULT", {"historical"}),
    # "would" / the conditional under a past speech verb is the future seen from the past
    ("en", "Niger announced it would sanction Benin.", "THREATEN", {"future"}),
    ("fr", "Le Niger a annoncé qu'il sanctionnerait le Bénin.", "THREATEN", {"future"}),
    ("fr", "Le Niger a annoncé qu'il fermerait la frontière avec le Bénin.", "THREATEN", {"future"}),
    # ... but "could", « pourrait », "would have" and a real "if" stay hypothetical
    ("en", "Niger said it could attack Benin.", "THREATEN", {"hypothetical"}),
    ("fr", "Le Niger a affirmé qu'il pourrait attaquer le Bénin.", "THREATEN", {"hypothetical"}),
    ("en", "Niger said it would have attacked Benin.", "THREATEN", {"hypothetical"}),
    ("en", "Niger said it would attack Benin if Nigeria intervened.", "THREATEN", {"hypothetical"}),
    ("fr", "Le Niger a affirmé qu'il attaquerait le Bénin si le Nigeria intervenait.", "THREATEN", {"hypothetical"}),
    # without a speech verb the conditional (« fermerait », read as an imperfect by the tagger) is hypothetical
    ("fr", "Le Niger fermerait la frontière avec le Bénin.", "THREATEN", {"hypothetical"}),
    # recoding: future AID / CONSULT is AGREE
    ("fr", "La Chine aidera le Kenya.", "AGREE", {"future"}),
    ("en", "China will help Kenya.", "AGREE", {"future"}),
    ("fr", "La Russie prévoit de livrer des armes au Mali.", "AGREE", {"future"}),
    ("en", "Russia plans to deliver weapons to Mali.", "AGREE", {"future"}),
    ("fr", "Le ministre turc rencontrera son homologue nigérien.", "AGREE", {"future"}),
    ("en", "Turkey will meet Niger.", "AGREE", {"future"}),
]


def _record(pipeline, text: str, lang: str):
    return extract(text, language=lang, published=PUBLISHED, pipeline=pipeline)


def _set(flags) -> set[str]:
    return {name for name in FLAGS if getattr(flags, name)}


def _only(record, etype: str):
    found = [e for e in record.events if e.event_type == etype]
    assert len(found) == 1, [(e.event_type, _set(e.flags), e.why) for e in record.events]
    return found[0]


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "etype", "expected"), FLAG_CASES,
                         ids=[c[1][:50] for c in FLAG_CASES])
def test_flags(pipeline, lang, text, etype, expected):
    ev = _only(_record(pipeline, text, lang), etype)
    assert _set(ev.flags) == expected, ev.why
    assert ev.actor, ev.why


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Le Rwanda a démenti avoir attaqué la RDC."),
    ("fr", "Le Rwanda a démenti toute attaque contre le Burundi."),
    ("en", "Rwanda denied attacking Congo."),
    ("en", "Rwanda denied any attack on Burundi."),
])
def test_a_denial_is_negated_never_a_plain_attack(pipeline, lang, text):
    record = _record(pipeline, text, lang)
    assert record.events
    for ev in record.events:
        assert ev.flags.negated, (ev.event_type, ev.why)
    assert not [e for e in record.events if e.event_type == "ASSAULT" and not e.flags.negated]


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Si le Niger attaque le Bénin, la CEDEAO interviendra."),
    ("en", "If Niger attacks Benin, ECOWAS will intervene."),
    ("en", "Russia would attack Ukraine if Kyiv joined NATO."),
])
def test_a_condition_is_hypothetical_not_an_attack(pipeline, lang, text):
    record = _record(pipeline, text, lang)
    violent = [e for e in record.events if e.event_type in {"ASSAULT", "THREATEN"}]
    assert violent, [(e.event_type, e.why) for e in record.events]
    for ev in violent:
        assert ev.flags.hypothetical, ev.why
    assert not [e for e in record.events if e.event_type == "ASSAULT"]


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Le Mali n'a pas promis d'aider le Niger."),
    ("fr", "Le Mali ne s'est pas engagé à soutenir le Niger."),
    ("en", "Mali did not promise to help Niger."),
    ("en", "Mali did not agree to support Niger."),
])
def test_negated_agree_is_reject(pipeline, lang, text):
    record = _record(pipeline, text, lang)
    ev = _only(record, "REJECT")
    assert not [e for e in record.events if e.event_type in {"AGREE", "AID", "SUPPORT"}]
    countries = {e.id: e.country for e in record.entities}
    assert [countries[i] for i in ev.actor] == ["MLI"], ev.why
    assert [countries[i] for i in ev.recipient] == ["NER"], ev.why


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "etype"), [
    ("fr", "Le Niger a attaqué le Bénin.", "ASSAULT"),
    ("en", "Niger attacked Benin.", "ASSAULT"),
    ("fr", "L'Union européenne a sanctionné le Tchad.", "SANCTION"),
    ("en", "China helped Kenya.", "AID"),
])
def test_a_plain_past_event_keeps_its_type_and_no_flag(pipeline, lang, text, etype):
    ev = _only(_record(pipeline, text, lang), etype)
    assert _set(ev.flags) == set(), ev.why


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Suite à la destruction de trois écoles depuis le 3 mars, les rebelles ont repris leurs "
           "attaques contre l'armée malienne."),
    ("en", "Following the destruction of three schools since 3 March, the rebels resumed their attacks "
           "on the Malian army."),
])
def test_a_background_noun_with_its_own_date_is_a_recalled_event(pipeline, lang, text):
    record = _record(pipeline, text, lang)
    assaults = [e for e in record.events if e.event_type == "ASSAULT"]
    recalled = [e for e in assaults if e.flags.historical]
    news = [e for e in assaults if not e.flags.historical]
    assert len(recalled) == 1 and len(news) == 1, [(e.event_type, _set(e.flags), e.why) for e in record.events]
    assert recalled[0].date.value == "2024-03-03", recalled[0].why
    assert recalled[0].actor, recalled[0].why  # the one who resumes it did it
    assert news[0].date.value is None, news[0].why  # the recalled noun's date is its own


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Suite à la destruction de trois écoles, les rebelles ont repris leurs attaques contre l'armée malienne."),
])
def test_a_background_noun_without_a_date_stays_in_passing(pipeline, lang, text):
    record = _record(pipeline, text, lang)
    assert [e.event_type for e in record.events] == ["ASSAULT"], [(e.event_type, e.why) for e in record.events]
    assert not record.events[0].flags.historical
