"""Role rules, French and English: who is the actor, who the recipient, read off the parse.

Each case is one sentence and the roles a careful coder gives it; roles are compared by the state
(ISO-3 or PLOVER code) of the linked entities, or by name where the party is a person.
"""
from __future__ import annotations

import pytest

from kibaru.pipeline import extract

PUBLISHED = "2024-09-24"

# (language, sentence, event type, actor states, recipient states)
ROLE_CASES = [
    # subject -> actor, object -> recipient
    ("fr", "Le Niger a condamné la Côte d'Ivoire.", "ACCUSE", ["NER"], ["CIV"]),
    ("en", "Nigeria condemned Ghana.", "ACCUSE", ["NGA"], ["GHA"]),
    # oblique with a recipient preposition: à / avec / contre, to / with / against
    ("fr", "Le Sénégal a apporté une aide humanitaire au Burkina Faso.", "AID", ["SEN"], ["BFA"]),
    ("en", "Russia delivered weapons to Mali.", "AID", ["RUS"], ["MLI"]),
    ("fr", "Le Mali a coopéré avec le Niger.", "COOPERATE", ["MLI"], ["NER"]),
    ("en", "Mali cooperated with Niger.", "COOPERATE", ["MLI"], ["NER"]),
    ("fr", "Le Mali a rompu ses relations diplomatiques avec la France.", "SANCTION", ["MLI"], ["FRA"]),
    ("en", "Mali cut diplomatic ties with France.", "SANCTION", ["MLI"], ["FRA"]),
    ("fr", "La Russie a lancé une offensive contre l'Ukraine.", "ASSAULT", ["RUS"], ["UKR"]),
    ("en", "Russia launched an offensive against Ukraine.", "ASSAULT", ["RUS"], ["UKR"]),
    # passive: the subject is acted on, the "par" / "by" agent acts
    ("fr", "La Guinée a été attaquée par le Liberia.", "ASSAULT", ["LBR"], ["GIN"]),
    ("en", "Guinea was attacked by Liberia.", "ASSAULT", ["LBR"], ["GIN"]),
    ("fr", "Le Tchad a été condamné par l'Union européenne.", "ACCUSE", ["EUR"], ["TCD"]),
    ("en", "Chad was sanctioned by the European Union.", "SANCTION", ["EUR"], ["TCD"]),
    # a subject-less verb takes its governing verb's subject (xcomp, gerund)
    ("fr", "Le Ghana a décidé de soutenir le Togo.", "SUPPORT", ["GHA"], ["TGO"]),
    ("en", "Ghana decided to support Togo.", "SUPPORT", ["GHA"], ["TGO"]),
    ("fr", "Le Mali a quitté la réunion en accusant l'Algérie d'ingérence.", "ACCUSE", ["MLI"], ["DZA"]),
    ("en", "Mali walked out of the meeting, accusing Algeria of interference.", "ACCUSE", ["MLI"], ["DZA"]),
    # nominal triggers and their complements
    ("fr", "L'attaque de l'Éthiopie contre l'Érythrée a fait des morts.", "ASSAULT", ["ETH"], ["ERI"]),
    ("en", "The attack by Ethiopia on Eritrea killed dozens.", "ASSAULT", ["ETH"], ["ERI"]),
    ("fr", "La rencontre du Kenya avec l'Ouganda s'est tenue à Nairobi.", "CONSULT", ["KEN"], ["UGA"]),
    ("en", "Kenya's meeting with Uganda took place in Nairobi.", "CONSULT", ["KEN"], ["UGA"]),
    ("fr", "Le soutien de la Chine au Pakistan est constant.", "SUPPORT", ["CHN"], ["PAK"]),
    ("en", "China's support for Pakistan is constant.", "SUPPORT", ["CHN"], ["PAK"]),
    # a noun trigger that is a verb's object takes the verb's subject
    ("fr", "L'Égypte a réaffirmé son soutien au Soudan.", "SUPPORT", ["EGY"], ["SDN"]),
    ("en", "Egypt reaffirmed its support for Sudan.", "SUPPORT", ["EGY"], ["SDN"]),
    # co-ordinated actors are one list
    ("fr", "La Russie et le Mali ont condamné l'Ukraine.", "ACCUSE", ["MLI", "RUS"], ["UKR"]),
    ("en", "France and Germany condemned Russia.", "ACCUSE", ["DEU", "FRA"], ["RUS"]),
    # demonyms give the state
    ("fr", "Un avion militaire russe a bombardé une ville ukrainienne.", "ASSAULT", ["RUS"], ["UKR"]),
    ("en", "Russian soldiers attacked a village.", "ASSAULT", ["RUS"], []),
    ("en", "Israeli troops attacked a village.", "ASSAULT", ["ISR"], []),
    # force or repression with no named target falls on the state where it happens; on a state's
    # own ground, on its population
    ("en", "Israeli tanks shelled targets in Lebanon.", "ASSAULT", ["ISR"], ["LBN"]),
    ("en", "Turkish authorities imposed a curfew in the town of Cizre.", "COERCE", ["TUR"], ["TUR"]),
    # whoever must meet a threat's condition is threatened; who made a proposal receives its rejection
    ("en", "Iran threatened to launch an offensive unless Iraq accepted its conditions.", "THREATEN",
     ["IRN"], ["IRQ"]),
    ("en", "Pakistan rejected an offer from Afghanistan.", "REJECT", ["PAK"], ["AFG"]),
    # people named by a demonym who live in another state are that state's (residents.py)
    ("en", "The Albanians of southern Serbia demanded autonomy.", "REQUEST", ["SRB"], []),
    ("en", "Up to 1,000 ethnic Turks began a hunger strike to protest against Sweden's decision.", "PROTEST",
     ["SWE"], ["SWE"]),
    # a titled person the KB does not know takes the sentence's state (titles.py)
    ("en", "President Abdelaziz Bouteflicka threatened to institute a curfew in Algiers.", "THREATEN",
     ["DZA"], ["DZA"]),
    # what the actor owns is not its recipient; a withdrawal falls on the state it leaves (targets.py)
    ("en", "Egypt withdrew its troops from Yemen.", "RETREAT", ["EGY"], ["YEM"]),
    ("en", "Egypt withdrew its soldiers from Sanaa.", "RETREAT", ["EGY"], ["YEM"]),
    # a capital after a relations noun stands for its state
    ("en", "Kenya established diplomatic ties with and opened an embassy in Hanoi.", "SUPPORT", ["KEN"], ["VNM"]),
    # refuge is asked of the host
    ("en", "Thousands of Sudanese sought refuge in Chad.", "REQUEST", ["SDN"], ["TCD"]),
    # mediation: the parties mediated between are the recipients
    ("en", "Qatar undertook a mediation mission between Sudan and Chad.", "CONSULT", ["QAT"], ["SDN", "TCD"]),
    ("en", "Norway mediated between Colombia and Venezuela.", "CONSULT", ["NOR"], ["COL", "VEN"]),
    # a stative participle: the passive subject holds the stance ("subjpass=actor" in the lexicon)
    ("en", "Kenya is opposed to Ugandan participation in the talks.", "REJECT", ["KEN"], ["UGA"]),
    ("en", "The minister said Laos is committed to opening its markets.", "AGREE", ["LAO"], []),
    # ordering people out of a country; people sent out of a state with none of their own (expelled.py)
    ("en", "Gabon ordered hundreds of Cameroonians out of the country.", "COERCE", ["GAB"], ["CMR"]),
    ("en", "Togo gave shelter to refugees expelled from Ghana.", "COERCE", [], ["GHA"]),
    # a party in the person's own phrase; a named state beats a demonym elsewhere (titles.py)
    ("en", "OPEC Secretary General Karim Dupont visited Ghana.", "CONSULT", ["IGO"], ["GHA"]),
    ("en", "The Danish cabinet praised President Okoro's plan as proof of Abuja's goodwill.", "SUPPORT",
     ["DNK"], ["NGA"]),
    # a group-like head named by its modifiers (unnamed.py): an NGO, or the collective it names
    ("en", "A human rights group condemned Ghana.", "ACCUSE", ["NGO"], ["GHA"]),
    ("fr", "Un groupe de défense des droits de l'homme a dénoncé le Tchad.", "ACCUSE", ["NGO"], ["TCD"]),
    # (an NGO's protest is a statement: ACCUSE, like a state's)
    ("en", "Ghana is failing its refugees, a human rights group protested on Monday.", "ACCUSE", ["NGO"], []),
    ("en", "A terror group based in Benin threatened Togo.", "THREATEN", ["BEN"], ["TGO"]),
    ("en", "Leaders of the opposition coalition in Togo agreed to end the boycott.", "AGREE", ["TGO"], []),
    # a trigger under a preposition takes the subject of the verb above it
    ("en", "Kenyan students resorted to throwing stones at the police.", "PROTEST", ["KEN"], ["KEN"]),
    ("en", "The Chadian army is holding villagers as human shields.", "COERCE", ["TCD"], []),
    # co-ordinated demonyms on one head give every state
    ("en", "U.S. and Ghanaian officials described it as a joint operation.", "COOPERATE", ["GHA"], ["USA"]),
    # who is protested against or blamed is behind the act judged, not the addressee (topics.py)
    ("en", "Ghana complained to the United Nations over two Togolese border raids.", "ACCUSE", ["GHA"], ["TGO"]),
    ("fr", "Le Mali a protesté auprès de l'ONU contre les raids de l'armée française.", "ACCUSE", ["MLI"], ["FRA"]),
    ("en", "Kenya denounced as a grave crime Uganda's treatment of refugees.", "ACCUSE", ["KEN"], ["UGA"]),
    ("en", "Ghanaian police launched an investigation into crimes committed by Togolese militias against civilians.",
     "ACCUSE", ["GHA"], ["TGO"]),
    ("en", "Kenyan students marched in Nairobi in defiance of Ugandan authorities.", "PROTEST", ["KEN"], ["UGA"]),
    ("en", "Students in Accra blocked a road to show their disapproval for Togo's policies.", "PROTEST", ["GHA"], ["TGO"]),
    # a reminder's addressee is the one who must act (obligations.py)
    ("en", "The French president issued a reminder to Iraq that it must cooperate with the inspectors.", "REQUEST",
     ["FRA"], ["IRQ"]),
    # an attacked place stands for the people it is for; a phrase on the last of co-ordinated weapons
    ("en", "A camp for Congolese refugees was attacked by Burundian militiamen.", "ASSAULT", ["BDI"], ["COD"]),
    ("en", "Ethiopian forces launched artillery, mortar, and rocket fire against Somali rebel camps near the border.", "ASSAULT", ["ETH"], ["SOM"]),
    # a withdrawal of unnamed forces, governed by a verb, is the subject's; it leaves the "from" state
    ("en", "The United States sped up the withdrawal of some forces from Somalia.", "RETREAT", ["USA"], ["SOM"]),
    ("fr", "La France a accéléré le retrait de ses troupes du Mali.", "RETREAT", ["FRA"], ["MLI"]),
    # a participle on a statement the subject issued is the subject's act
    ("en", "Ghana issued a statement demanding that Togo reopen the border posts.", "REQUEST", ["GHA"], ["TGO"]),
    ("fr", "Le Ghana a publié un communiqué réclamant que le Togo rouvre ses postes frontaliers.", "REQUEST",
     ["GHA"], ["TGO"]),
    # a nominal demand's that-clause names who is asked, on the noun or on its verb
    ("en", "Kenya renewed its demand yesterday that Uganda pay the debt.", "REQUEST", ["KEN"], ["UGA"]),
    ("fr", "Le Ghana a publié un communiqué condamnant le Togo.", "ACCUSE", ["GHA"], ["TGO"]),
    ("en", "Senegal insisted on its demand that Gambia hand over the suspects.", "REQUEST", ["SEN"], ["GMB"]),
    # whose act is asked for, when the object is part of the trigger; "from" is whence, not who
    ("en", "Ghana demanded the withdrawal of Malian forces from Togo on Friday, diplomats quoted a communique as saying.",
     "REQUEST", ["GHA"], ["MLI"]),
    # a passive's "by" phrase hung on an active verb after a long complement
    ("en", "Ghana has been accused of sheltering rebels, many of them believed to be armed, by Togolese officials.",
     "ACCUSE", ["TGO"], ["GHA"]),
    # a side's own people withdrawn, with no agent, act for that side; the place left gives the recipient
    ("en", "Eighty Nigerian peacekeepers were shipped out of the Liberian port on Friday.", "SANCTION",
     ["NGA"], ["LBR"]),
    ("fr", "Des soldats français ont été retirés du Mali.", "RETREAT", ["FRA"], ["MLI"]),
    # "to" labelled as a dative, and a preposition the parser left without its object
    ("en", "France is sending armoured vehicles and other equipment to Niger, which is fighting insurgents, the newspaper said.",
     "AID", ["FRA"], ["NER"]),
    ("en", "Ghana has granted asylum to three Malian soldiers stranded in a border town since the coup, officials said.",
     "AID", ["GHA"], ["MLI"]),
    # an act done to the "of" phrase (release, arrest): the one freed is not the one asked; its agent is
    ("en", "Ghana demanded the release of the Malian journalists by Togo.", "REQUEST", ["GHA"], ["TGO"]),
    ("en", "Ghana demanded the release of the Malian journalists.", "REQUEST", ["GHA"], []),
    ("fr", "Le Ghana a exigé la libération des journalistes maliens.", "REQUEST", ["GHA"], []),
    # military operations against a side, flushing fighters out, dismissing a side's answer (lexicon lines)
    ("en", "Malian soldiers are conducting operations against Nigerian rebels near the border.", "ASSAULT",
     ["MLI"], ["NGA"]),
    ("fr", "L'armée malienne mène des opérations contre les rebelles nigériens près de la frontière.", "ASSAULT",
     ["MLI"], ["NER"]),
    ("en", "Kenya launched an operation to flush out Somali fighters from the forest.", "ASSAULT", ["KEN"], ["SOM"]),
    ("en", "Ghana dismissed Togo's response as a provocation.", "REJECT", ["GHA"], ["TGO"]),
    # people who act for the parties in their "from"/"of" complement, every co-ordinated one (member_nouns.txt)
    ("en", "Senior diplomats from the African Union urged Ghana to release the detainees.", "REQUEST", ["IGO"], ["GHA"]),
    ("en", "Officials from Togo and Benin condemned the coup in Niger.", "ACCUSE", ["BEN", "TGO"], []),
    ("fr", "Des ministres du Togo, du Bénin et du Niger ont condamné le coup d'État.", "ACCUSE", ["BEN", "NER", "TGO"], []),
    # a plural pronoun after co-ordinated parties takes all of them
    ("en", "Ghana and Togo signed a deal in Accra. They also condemned Mali.", "ACCUSE", ["GHA", "TGO"], ["MLI"]),
    ("fr", "Des responsables du Ghana et du Togo sont arrivés à Lomé. Ils ont condamné le Mali.", "ACCUSE",
     ["GHA", "TGO"], ["MLI"]),
    # a party's ally is another party: its partner named in the phrase is not the target
    ("en", "Nigerian soldiers killed a commander of Ghana's militia ally in northern Togo.", "ASSAULT", ["NGA"], ["TGO"]),
    ("en", "Nigerian soldiers attacked an ally of Ghana near the border.", "ASSAULT", ["NGA"], []),
    ("fr", "Des soldats nigérians ont attaqué un allié du Ghana près de la frontière.", "ASSAULT", ["NGA"], []),
    # a border phrase locates: the state on the other side of it is not the target
    ("fr", "Des soldats nigérians ont attaqué un camp rebelle de la frontière avec le Ghana.", "ASSAULT", ["NGA"], []),
    # people whose "from" phrase names groups of a state act for that state, even when the parser
    # reads the sentence's verb as a participle on "groups"
    ("en", "Doctors from two American aid groups donated and personally delivered medicine to Niger, risking prison.",
     "AID", ["USA"], ["NER"]),
    ("en", "Nurses from two Ghanaian aid groups donated blankets to Togo.",
     "AID", ["GHA"], ["TGO"]),
    ("fr", "Des médecins de deux organisations humanitaires ghanéennes ont fourni une aide au Niger.", "AID",
     ["GHA"], ["NER"]),
    # a meeting that brought parties together: all of them take part, none is the other's recipient
    ("en", "The summit in Accra brought together ministers from Togo, Benin and Niger.", "CONSULT",
     ["BEN", "NER", "TGO"], ["GHA"]),
    # English refers to a body by "they"
    ("en", "The African Union said on Monday that the vote in Chad had been unfair. They called on Chad's rulers "
     "to hold new elections.", "REQUEST", ["IGO"], ["TCD"]),
    # a force's backers fight with it: one side, not a SUPPORT event of their own
    ("en", "Malian soldiers, backed by Russian troops, attacked a village near the border.", "ASSAULT",
     ["MLI", "RUS"], []),
    ("fr", "L'armée tchadienne, appuyée par des soldats français, a attaqué les rebelles.", "ASSAULT",
     ["FRA", "TCD"], ["TCD"]),
    # a nominal trigger under "a series of" stands where "series" stands (partitives.txt)
    ("en", "In March, Nigerian forces carried out a series of airstrikes against Boko Haram in Borno.", "ASSAULT",
     ["NGA"], ["NGA"]),
    ("fr", "L'armée malienne a mené une série de frappes contre le JNIM dans le centre.", "ASSAULT", ["MLI"], []),
    # a perfect participle the parser read as an adjective on the next noun
    ("en", "Ghanaian police have since banned civilians from traveling without an escort.", "COERCE", ["GHA"], ["GHA"]),
    # the passive subject of a perception or report verb is the raised subject of its complement
    ("en", "Kenyan soldiers were seen attacking a camp in Somalia.", "ASSAULT", ["KEN"], ["SOM"]),
    ("en", "Nigerian troops were reported to have attacked a village in Cameroon.", "ASSAULT", ["NGA"], ["CMR"]),
    ("fr", "Des soldats maliens ont été vus attaquer un village au Niger.", "ASSAULT", ["MLI"], ["NER"]),
]


def _record(pipeline, text: str, lang: str, published: str = PUBLISHED):
    return extract(text, language=lang, published=published, pipeline=pipeline)


def _only(record, etype: str):
    found = [e for e in record.events if e.event_type == etype]
    assert len(found) == 1, [(e.event_type, e.why) for e in record.events]
    return found[0]


def _entity(record, eid: str):
    return next(e for e in record.entities if e.id == eid)


def _states(record, ids) -> list:
    return sorted(_entity(record, i).country for i in ids)


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "etype", "actors", "recipients"), ROLE_CASES,
                         ids=[c[1][:50] for c in ROLE_CASES])
def test_role_rules(pipeline, lang, text, etype, actors, recipients):
    record = _record(pipeline, text, lang)
    ev = _only(record, etype)
    assert _states(record, ev.actor) == actors, ev.why
    assert _states(record, ev.recipient) == recipients, ev.why


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Abdoulaye Diop a rencontré Sergueï Lavrov. Ce dernier a condamné l'Ukraine."),
])
def test_ce_dernier_is_the_last_named_person(pipeline, lang, text):
    record = _record(pipeline, text, lang)
    ev = _only(record, "ACCUSE")
    assert [_entity(record, i).name for i in ev.actor] == ["Sergueï Lavrov"], ev.why
    assert _states(record, ev.recipient) == ["UKR"]


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Abdoulaye Diop a rencontré la presse. Son pays accuse la France d'ingérence."),
    ("en", "Abdoulaye Diop spoke to reporters. His country accused France of interference."),
    ("en", "The Malian president met Emmanuel Macron. His country accused France of interference."),
])
def test_his_country_is_the_previous_persons_state(pipeline, lang, text):
    record = _record(pipeline, text, lang)
    ev = _only(record, "ACCUSE")
    assert [_entity(record, i).kb_id for i in ev.actor] == ["country:MLI"], ev.why
    assert _states(record, ev.recipient) == ["FRA"]


@pytest.mark.models
def test_a_role_noun_with_a_demonym_is_the_office_holder(pipeline):
    record = _record(pipeline, "The Malian president met Emmanuel Macron.", "en")
    ev = _only(record, "CONSULT")
    assert [_entity(record, i).name for i in ev.actor] == ["Assimi Goïta"], ev.why
    assert [_entity(record, i).name for i in ev.recipient] == ["Emmanuel Macron"]


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Des milliers de manifestants ont attaqué un commissariat à Niamey."),
    ("en", "Protesters attacked a police station in Niamey."),
    ("en", "Gunmen attacked a village in Mali."),
])
def test_unnamed_groups_act_without_a_state(pipeline, lang, text):
    record = _record(pipeline, text, lang)
    ev = _only(record, "ASSAULT")
    assert ev.actor, ev.why
    for eid in ev.actor:
        entity = _entity(record, eid)
        assert entity.country is None, (entity, ev.why)
        assert entity.kb_id is None or not entity.kb_id.startswith("country:"), entity


@pytest.mark.models
def test_a_participle_whose_agent_names_no_party_only_describes(pipeline):
    record = _record(pipeline, "Des groupes armés, appuyés par des sponsors étrangers, ont attaqué le Niger.", "fr")
    assert not [e for e in record.events if e.event_type == "SUPPORT"], [e.why for e in record.events]


@pytest.mark.models
def test_unnamed_gunmen_in_french_give_no_state_actor(pipeline):
    record = _record(pipeline, "Des hommes armés ont attaqué un village malien.", "fr")
    ev = _only(record, "ASSAULT")
    # the village is Malian; the attackers are not
    assert all(_entity(record, i).country is None for i in ev.actor), ev.why
    assert "MLI" not in _states(record, ev.actor)



@pytest.mark.models
@pytest.mark.parametrize(("text", "kept", "dropped"), [
    # a noun after a background preposition dates the sentence's event; it is not one itself
    ("Rebels attacked the town after bloody tribal clashes.", "ASSAULT", "clashes"),
    # a noun in a relative clause on a party describes the party
    ("The United States is providing intelligence to Macedonia, which is preparing a major offensive.",
     "AID", "offensive"),
])
def test_background_nouns_are_not_events(pipeline, text, kept, dropped):
    record = _record(pipeline, text, "en")
    triggers = [record.document.text[e.evidence.trigger[0]:e.evidence.trigger[1]] for e in record.events]
    assert kept in {e.event_type for e in record.events}
    assert dropped not in triggers, triggers


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Malian soldiers, backed by Russian troops, attacked a village near the border."),
    ("en", "Kenyan security forces supported by Ugandan soldiers surrounded the camp."),
    ("fr", "L'armée tchadienne, appuyée par des soldats français, a attaqué les rebelles."),
])
def test_a_backing_participle_on_a_force_is_no_support_event(pipeline, lang, text):
    record = _record(pipeline, text, lang)
    assert not [e for e in record.events if e.event_type == "SUPPORT"], [(e.event_type, e.why) for e in record.events]


# (language, sentence, event type, actor names, recipient names)
ANAPHOR_CASES = [
    # "the group" takes the group named before it; its pronoun follows
    ("en", "The jihadist group Boko Haram claimed the raid. The group said it had killed 20 soldiers.",
     "ASSAULT", "Boko Haram"),
    ("fr", "Le groupe jihadiste JNIM a revendiqué l'embuscade. Le groupe affirme avoir tué 20 soldats.",
     "ASSAULT", "Jama'at Nusrat al-Islam wal-Muslimin"),
    # unidentified attackers are the group that claims the attack
    ("en", "Gunmen stormed a police station on Monday. The militant group Boko Haram later claimed responsibility "
           "for the attack.", "ASSAULT", "Boko Haram"),
    ("fr", "Des hommes armés ont attaqué un poste de police lundi. Le groupe jihadiste JNIM a revendiqué l'attaque.",
     "ASSAULT", "Jama'at Nusrat al-Islam wal-Muslimin"),
]


@pytest.mark.parametrize("lang,text,etype,actor", ANAPHOR_CASES)
def test_a_group_anaphor_or_unidentified_attackers_take_the_named_group(pipeline, lang, text, etype, actor):
    record = _record(pipeline, text, lang)
    first = next(e for e in record.events if e.event_type == etype)
    assert [_entity(record, i).name for i in first.actor] == [actor], first.why


def test_unidentified_attackers_stay_unnamed_when_no_group_claims(pipeline):
    record = _record(pipeline, "Gunmen stormed a police station on Monday.", "en")
    ev = _only(record, "ASSAULT")
    assert all(_entity(record, i).country is None for i in ev.actor), ev.why


@pytest.mark.parametrize("lang,text,actor", [
    ("en", "An offensive launched by Kenya last week has succeeded.", ["KEN"]),
    ("fr", "Une offensive menée par le Tchad la semaine dernière a réussi.", ["TCD"]),
])
def test_the_agent_of_a_participle_on_a_noun_trigger_acts(pipeline, lang, text, actor):
    record = _record(pipeline, text, lang)
    ev = _only(record, "ASSAULT")
    assert _states(record, ev.actor) == actor, ev.why


def test_the_gerund_after_a_noun_triggers_verb_names_the_target(pipeline):
    record = _record(pipeline, "A Kenyan offensive has met with success, driving Boko Haram out of its camps.", "en")
    ev = _only(record, "ASSAULT")
    assert [_entity(record, i).name for i in ev.recipient] == ["Boko Haram"], ev.why


def test_forces_in_a_named_region_belong_to_the_regions_state(pipeline):
    record = _record(pipeline, "Chad condemned Niger. An offensive launched by forces in Nigeria's Borno region "
                               "has met with success.", "en")
    ev = _only(record, "ASSAULT")
    assert _states(record, ev.actor) == ["NGA"], ev.why


@pytest.mark.parametrize("text", [
    "Quelque 800 villageois nigériens de l'ouest en colère contre les abus des groupes armés, surtout les "
    "rebelles, qui contrôlent l'ouest du pays depuis deux mois ont manifesté hier à Niamey. "
    "Ils réclament des armes.",
    "Environ 2 000 étudiants burkinabè du nord en colère contre les exactions des groupes armés, notamment les "
    "jihadistes, qui contrôlent le nord du pays depuis trois mois ont manifesté aujourd'hui à Ouagadougou. "
    "Ils réclament des armes.",
])
def test_a_specified_part_inside_the_subject_phrase_is_not_the_subject(pipeline, text):
    """« X en colère contre les groupes armés, surtout les rebelles, qui ... ont manifesté »: the
    protesters are X; « Ils » in the next sentence are the protesters too."""
    record = _record(pipeline, text, "fr")
    protest = _only(record, "PROTEST")
    assert [_entity(record, i).type for i in protest.actor] == ["organization"], protest.why
    assert not any("rebel" in i or "jihad" in i for i in protest.actor), protest.why
    request = _only(record, "REQUEST")
    assert request.actor == protest.actor, request.why


def test_an_unnamed_group_with_its_demonym_is_named_by_both_words(pipeline):
    record = _record(pipeline, "Des citoyens maliens ont manifesté hier à Bamako.", "fr")
    ev = _only(record, "PROTEST")
    texts = {m.text for i in ev.actor for m in _entity(record, i).mentions}
    assert "citoyens maliens" in texts, texts


@pytest.mark.parametrize("lang,text,target", [
    ("fr", "Des centaines de personnes ont défilé à Lagos en lançant des pierres contre des bâtiments britanniques.",
     ["GBR"]),
    ("en", "Hundreds of Nigerian students marched in Lagos, throwing eggs at British buildings.", ["GBR"]),
    ("en", "Hundreds of Nigerian students marched in Lagos, shouting slogans against British companies.", ["GBR"]),
])
def test_a_protests_gerund_names_what_it_is_aimed_at(pipeline, lang, text, target):
    record = _record(pipeline, text, lang)
    ev = _only(record, "PROTEST")
    assert _states(record, ev.recipient) == target, ev.why


@pytest.mark.parametrize("text", [
    "Les rebelles se sont attaqués à la mosquée de Gao.",
    "Les rebelles ont repris leurs pillages à Gao en s'attaquant à la porte de la mosquée Sidi Yahia.",
])
def test_the_a_phrase_of_sattaquer_is_what_is_attacked(pipeline, text):
    """« s'attaquer à X »: the « à » phrase is the verb's argument, the site attacked, not where."""
    record = _record(pipeline, text, "fr")
    ev = _only(record, "ASSAULT")
    assert [_entity(record, i).type for i in ev.recipient] == ["facility"], ev.why


@pytest.mark.parametrize("text", [
    "Les affrontements avec la police togolaise ont fait dix morts.",
    "Les heurts avec la police togolaise ont fait dix morts.",
])
def test_the_named_side_of_a_clash_is_an_actor(pipeline, text):
    """« les affrontements avec la police »: the other side goes unnamed; the police fought."""
    record = _record(pipeline, text, "fr")
    ev = _only(record, "ASSAULT")
    assert _states(record, ev.actor) == ["TGO"], ev.why


def test_a_quoted_they_of_an_attack_is_the_attackers_told_before(pipeline):
    """In direct speech the speaker says "I": a quoted "they" who attack are the attackers named
    before, not the officials meeting nor the senator quoted."""
    text = ("Militants stormed a school in the Nigerian city of Kano on Monday. A senator said teachers "
            "and government officials were gathering at the school. “They attacked the building at night, "
            "and then fighters burned it,” Senator Musa Bello said.")
    record = _record(pipeline, text, "en")
    attacks = [e for e in record.events if e.event_type == "ASSAULT" and "attacked" in " ".join(e.why)]
    assert attacks and all(_entity(record, i).type == "armed_group" for e in attacks for i in e.actor), \
        [(e.actor, e.why) for e in attacks]


@pytest.mark.parametrize("text", [
    "Senator Musa Bello visited the army base on Monday. Rebels attacked it on Tuesday.",
])
def test_it_never_stands_for_a_person(pipeline, text):
    record = _record(pipeline, text, "en")
    ev = _only(record, "ASSAULT")
    assert all(_entity(record, i).type != "person" for i in ev.recipient), ev.why


def test_a_relative_that_is_not_the_speaker(pipeline):
    """"a truce that is supported by Ugandans": "that" is the truce, never the minister speaking."""
    text = "Kenyan Foreign Minister Amina Mohamed said, “All ministers welcome the plan of a truce that is supported by Ugandans.”"
    record = _record(pipeline, text, "en")
    assert all(_entity(record, i).type != "person" for e in record.events for i in e.recipient), \
        [(e.event_type, e.recipient, e.why) for e in record.events]


def test_the_group_may_be_an_igo_named_before(pipeline):
    """"The African Union statement said the group ...": the body just named, not a group further back."""
    record = _record(pipeline, "M23 rebels attacked Goma. The African Union statement said the group condemned Rwanda.", "en")
    ev = _only(record, "ACCUSE")
    assert _states(record, ev.actor) == ["IGO"], ev.why


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Kenya agreed with the Ugandan proposal."),
    ("fr", "Le Kenya s'est accordé avec l'offre ougandaise."),
])
def test_who_put_a_proposal_forward_receives_the_agreement(pipeline, lang, text):
    record = _record(pipeline, text, lang)
    # "agree with a proposal" endorses it (SUPPORT, lexicon); the roles are the same either way
    ev = _only(record, "SUPPORT" if lang == "en" else "AGREE")
    assert (_states(record, ev.actor), _states(record, ev.recipient)) == (["KEN"], ["UGA"]), ev.why


# People named by a demonym and a group noun are a group of that state, not the state: the state
# may act on them ("Croatia is investigating crimes by Croatian extremists"), and an unnamed group
# takes the document's state ("Islamic fundamentalists demanded the resignation of the X president").
@pytest.mark.parametrize(("lang", "text", "etype", "actors", "recipients"), [
    ("en", "Kenya is investigating killings by Kenyan extremists.", "ACCUSE", ["KEN"], ["KEN"]),
    ("fr", "Le Mali a condamné les extrémistes maliens.", "ACCUSE", ["MLI"], ["MLI"]),
    ("en", "Malian farmers blockaded Bamako on Monday.", "COERCE", ["MLI"], ["MLI"]),
    ("fr", "Le Niger a condamné des agriculteurs nigériens.", "ACCUSE", ["NER"], ["NER"]),
    ("en", "Islamic fundamentalists demanded the resignation of the Malian president.", "REQUEST", ["MLI"], ["MLI"]),
    ("en", "Traditional elders demanded that the Malian Interior Ministry be dissolved.", "REQUEST", ["MLI"], ["MLI"]),
])
def test_groups_named_by_their_noun(pipeline, lang, text, etype, actors, recipients):
    record = _record(pipeline, text, lang)
    ev = _only(record, etype)
    assert (_states(record, ev.actor), _states(record, ev.recipient)) == (actors, recipients), ev.why


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "British police arrested militants in Northern Ireland on Monday."),
    ("fr", "La police britannique a arrêté des militants en Irlande du Nord lundi."),
])
def test_northern_ireland_is_not_ireland(pipeline, lang, text):
    """A region whose name holds another state's ("Northern Ireland") belongs to its own state."""
    record = _record(pipeline, text, lang)
    ev = _only(record, "COERCE")
    assert (_states(record, ev.actor), _states(record, ev.recipient)) == (["GBR"], ["GBR"]), ev.why
