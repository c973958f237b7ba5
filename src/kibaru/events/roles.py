"""Actor and recipient from the dependency parse, for French (UD) and English (ClearNLP) labels.

Verbs: subject -> actor; object, indirect object and obliques with a recipient preposition ->
recipient; passive subject -> recipient and "par"/"by" agent -> actor; a subject-less verb takes
the subject of the verb it depends on (xcomp, conj, "en annonçant"); a relative clause takes its
noun. Nouns: "de X" / "of X" / a possessive / a demonym -> actor ("l'attaque de X contre Y", "son
soutien", "l'aide russe"), "contre/à/avec/entre" -> recipient; for a noun that is the object of a
verb ("a réaffirmé son soutien") the verb's subject is the actor. A pronoun subject ("il", "ce
dernier", "son pays") takes the last actor before it.
"""
from __future__ import annotations

from dataclasses import dataclass

from kibaru.events import wordlists
from kibaru.events.antecedents import Memory
from kibaru.events.flags import in_background_phrase
from kibaru.events.dependents import Arg, arguments
from kibaru.events.governors import governing_subject, inherited_subject
from kibaru.events.parties import (
    asked_to_stop, bare_collective, first_clause_subject, imperative, party_noun, perpetrator_noun, PRONOUNS,
    quoted_they, relative_noun, statement_issuer, unnamed, withdrawn,
)
from kibaru.events.repairs import (
    adjacent_subject, AGENT_PREPS, border_side, detached_participle, far_agent, for_clause, manner_gerunds,
    misread_finite, misread_perfect, OF_PREPS, participle_args, postposed_finite, reporting_clause, stranded_agents,
    that_clauses, through_partitive,
)
from kibaru.events.targets import refine_recipients
from kibaru.events.topics import is_stance, judged_parties, topic_nouns, under_in
from kibaru.link.arguments import backing_participle, protesters, resolve_argument
from kibaru.link.linked import LinkedDocument

RECIPIENT_PREPS = frozenset({
    "à", "au", "aux", "avec", "contre", "envers", "auprès", "vers", "sur", "pour", "entre", "devant",
    "outside",
    "to", "with", "against", "on", "toward", "towards", "upon", "for", "at", "into", "between",
})
AIMED_PREPS = frozenset({"contre", "vers", "against", "at", "toward", "towards"})
FROM_PREPS = frozenset({"from"})
PROPOSAL_TYPES = frozenset({"CONCEDE", "REJECT", "AGREE"})  # accepting or refusing what someone put forward
LOCATIVE_PREPS = frozenset({"à", "dans", "en", "sur", "in", "at", "on", "near", "into"})
FORCE_TYPES = frozenset({"MOBILIZE"})
GATHERING_VERBS = frozenset({"rassembler", "réunir", "attirer", "mobiliser", "drainer", "draw", "gather",
                             "attract", "bring", "mobilize", "mobilise"})
CONTENT_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT"})
CONTENT_NOUN_TYPES = frozenset({"REQUEST", "ACCUSE"})  # a demand or an allegation that X ...
SETTING_TYPES = frozenset({"CONCEDE", "COERCE", "RETREAT", "MOBILIZE", "SANCTION", "AID"})
PARTICIPATORY = frozenset({"CONSULT", "COOPERATE", "AGREE", "SUPPORT"})
JUDGING_TYPES = frozenset({"ACCUSE", "PROTEST"})  # the one blamed is behind the act judged
PERPETRATED = frozenset({"ASSAULT", "COERCE"})  # acts whose authors « les auteurs de ces actes » are
PATIENT_NOUN_TYPES = frozenset({"COERCE", "ASSAULT", "RETREAT", "SANCTION", "CONCEDE"})
# "were seen attacking", "were reported to have shelled", « ont été vus attaquer »: perception and
# report verbs whose passive subject is the subject of their complement (not "tasked with")
RAISING_VERBS = frozenset({"see", "hear", "report", "say", "believe", "think", "know", "spot", "observe",
                           "witness", "film", "allege", "voir", "apercevoir", "entendre", "signaler", "dire",
                           "croire", "filmer", "observer"})


@dataclass(frozen=True, slots=True)
class Roles:
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    why: tuple[str, ...]


def fill_roles(linked: LinkedDocument, head: int, pos: str, entry, memory: Memory,
               span: tuple[int, ...] = ()) -> Roles:
    """Roles of one trigger. An entry's own ``roles`` column wins; the general rules fill the rest."""
    from kibaru.events.lexicon import DEFAULT_ROLES

    tokens = linked.parse.tokens
    actor: list[str] = []
    recipient: list[str] = []
    why: list[str] = []
    gathered = False  # "the talks brought together ministers from X, Y and Z": all take part alike
    inside = set(span) | {head}
    # a multi-word trigger ("affirmer son soutien à") takes the arguments of all its words
    args = [a for k in (head, *sorted(inside - {head})) for a in arguments(linked, k) if a.head not in inside]
    if pos == "VERB":
        args += misread_perfect(linked, head, args)
        args += misread_finite(linked, head, args)
        # "providing photographs to Macedonia", "shared evidence with the U.S.": the recipient
        # phrase often hangs from the object
        objects = [a.head for a in args if a.role == "obj"]
        objects += [c.i for k in objects for c in linked.children(k) if c.dep == "conj"]
        for k in objects:
            if party_noun(linked, k):
                continue  # « a menacé les auteurs ... au Mali »: the object is whom, the « à » phrase where
            args += [b for b in arguments(linked, k)
                     if b.role == "obl" and b.case in {"to", "with", "à", "avec", "against", "contre"}
                     and not border_side(linked, b.head)]
    if pos == "NOUN":
        args += participle_args(linked, head) + stranded_agents(linked, head, args)
        # "launched artillery, mortar and rocket fire against X": the phrase hangs from the last conjunct
        conjuncts: list[int] = []
        frontier = [head]
        while frontier:
            for c in linked.children(frontier.pop()):
                if c.dep == "conj" and c.pos == "NOUN" and c.i not in conjuncts:
                    conjuncts.append(c.i)
                    frontier.append(c.i)
        for k in conjuncts:
            args += [a for a in arguments(linked, k) if a.role == "obl" and a.case in RECIPIENT_PREPS and a.head not in inside]
        if tokens[head].dep == "compound":  # "a mediation effort between X and Y"
            args += [a for a in arguments(linked, tokens[head].head) if a.role == "obl" and a.head not in inside]
    explicit = entry.roles != DEFAULT_ROLES.get(entry.pos)
    event_type = entry.type

    def put(target: list[str], arg_head: int, label: str, case: str = "") -> None:
        ids, rule = resolve_argument(linked, arg_head)
        if not ids and event_type == "PROTEST" and target is actor:
            ids, rule = protesters(linked, arg_head)
        if tokens[arg_head].lemma.lower() in wordlists.nouns("venue") or (
                pos == "NOUN" and case in OF_PREPS and tokens[head].lemma.lower() in wordlists.nouns("venue")):
            # « le crime de Tombouctou », « la bataille de Tinzaouatène »: where it happened
            ids = tuple(e for e in ids if linked.entity_type(e) != "location")
        if case in LOCATIVE_PREPS and not (event_type in PERPETRATED and tokens[arg_head].dep == "obl:arg"
                                           and tokens[arg_head].head in inside):
            # "a reçu à Niamey": the place of the event, not a party; but « s'attaquer à la
            # mosquée », « s'en prendre à la ville »: the « à » phrase is what is attacked
            ids = tuple(e for e in ids if linked.entity_type(e) not in {"location", "facility"})
        if not ids and target is recipient and event_type in PATIENT_NOUN_TYPES and case not in LOCATIVE_PREPS:
            # "a camp for Congolese refugees was attacked": the people the place is for
            for b in arguments(linked, arg_head):
                if b.role == "obl" and b.case in {"for", "pour"}:
                    ids, rule = resolve_argument(linked, b.head)
                    ids = tuple(e for e in ids if linked.entity_type(e) not in {"location", "facility"})
                    rule = f"{rule}, whom {tokens[arg_head].text!r} is for"
                    if ids:
                        break
        if not ids and (noun := relative_noun(linked, arg_head)) is not None:
            # "les autorités, qui sont accusées par ...": a relative pronoun stands for its noun
            ids, rule = resolve_argument(linked, noun)
            rule = f"relative pronoun {tokens[arg_head].text!r} -> {rule}" if ids else rule
        if not ids and perpetrator_noun(linked, arg_head):
            # « les auteurs de ces exactions », "those responsible": who carried out the acts told before
            ids, rule = memory.perpetrator(linked, arg_head)
        if not ids and event_type in PERPETRATED and quoted_they(linked, arg_head):
            # "“They attacked the hotel at dawn,” the lawmaker said": the attackers told before
            ids, rule = memory.perpetrator(linked, arg_head)
        if not ids and tokens[arg_head].lemma.lower() in PRONOUNS | {"pays", "country"}:
            ids, rule = memory.antecedent(linked, arg_head)
        for eid in ids:
            if eid not in target:
                target.append(eid)
        if ids:
            why.append(f"{label}: {rule}")

    def by_entry(a: Arg) -> bool:
        """Apply the entry's mapping for this dependent; False when the entry says nothing."""
        if not explicit:
            return False
        key = a.role if a.role in {"subj", "subjpass", "obj", "iobj", "poss"} else None
        if a.role == "obl":
            key = f"{'obl' if pos == 'VERB' else 'nmod'}:{a.case}" if a.case else ("obl" if pos == "VERB" else "nmod")
        if key is None:
            return False
        role = entry.role_for(key) or (entry.role_for(key.replace("nmod", "obl", 1)) if key.startswith("nmod") else None)
        if role is None:
            return False
        if role == "actor" and pos == "NOUN" and a.case in OF_PREPS and bare_collective(linked, a.head) \
                and governing_subject(linked, head) is not None:
            return True  # "the US sped up the withdrawal of some forces from Panama": the subject acts
        if role == "actor" and key not in {"subj", "subjpass"} and tokens[a.head].lemma.lower() in wordlists.nouns("proposal"):
            # "agreed with the U.S. proposal": whoever put it forward receives the agreement
            put(recipient, a.head, f"recipient<-{key}: whose {tokens[a.head].text!r} it is", a.case)
            return True
        if role != "none":
            put(actor if role == "actor" else recipient, a.head, f"{role}<-{key} (lexicon)", a.case)
        return True

    if pos == "VERB" and event_type == "SUPPORT" and backing_participle(linked, head) is not None:
        # "security forces backed by Djiboutian soldiers": who fights beside a force, said of the
        # force; the backers share its role in its own event (link/arguments.py), no SUPPORT here
        return Roles((), (), ("a backing participle describing a force: not an event of its own",))
    if pos == "VERB":
        for a in args:
            if by_entry(a):
                continue
            if a.role == "subj":
                put(actor, a.head, "actor<-subject")
            elif a.role == "subjpass" and withdrawn(linked, entry, a, args):
                put(actor, a.head, "actor<-the side's own people withdrawn (passive subject)")
                for b in args:  # "pulled out of the enclave": whence, the place's state
                    if b.role == "obl" and b.case in {"of", "from", "de"}:
                        for eid in resolve_argument(linked, b.head)[0]:
                            state = linked.implicit_state(linked.country_of(eid), "the state left") \
                                if linked.entity_type(eid) in {"location", "facility", "country"} \
                                and linked.country_of(eid) else None
                            if state and state not in actor and state not in recipient:
                                recipient.append(state)
                                why.append(f"recipient<-state of the place left {tokens[b.head].text!r}")
            elif a.role == "subjpass":
                put(recipient, a.head, "recipient<-passive subject")
            elif a.role == "agent" or (a.role == "obl" and a.case in AGENT_PREPS
                                          and any(x.role == "subjpass" for x in args)):
                put(actor, a.head, "actor<-agent")
            elif a.role == "obj" and event_type == "AID" and unnamed(linked, a.head):
                continue  # "contribute 4,000 troops": what is given, not who receives it
            elif a.role in {"obj", "iobj"} and event_type in FORCE_TYPES:
                put(actor, a.head, "actor<-the force moved (object)")  # "a déployé des forces de police"
            elif a.role in {"obj", "iobj"}:
                put(recipient, a.head, "recipient<-object")
            elif a.role == "obl" and a.case in RECIPIENT_PREPS:
                put(recipient, a.head, f"recipient<-'{a.case}'", a.case)
            elif a.role == "obl" and a.case in FROM_PREPS and event_type in PROPOSAL_TYPES \
                    and tokens[a.head].head != head:  # "accepted demands from the rebels"
                put(recipient, a.head, "recipient<-who made the proposal ('from')")
        if not actor and any(a.role == "subjpass" for a in args) \
                and not any(a.role == "agent" or a.case in AGENT_PREPS for a in args):
            far = far_agent(linked, head)
            if far is not None:
                put(actor, far, "actor<-agent set off after the complement")
        if not recipient and event_type == "PROTEST":
            for g in manner_gerunds(linked, head):
                # « ont marché en lançant des objets contre des bâtiments nippons », "marched,
                # throwing stones at British buildings": what the protest's acts are aimed at
                for a in arguments(linked, g) + [b for o in arguments(linked, g) if o.role == "obj"
                                                 for b in arguments(linked, o.head)]:
                    if a.role == "obl" and a.case in AIMED_PREPS:
                        ids, rule = resolve_argument(linked, a.head)
                        ids = tuple(e for e in ids if linked.entity_type(e) != "location" and e not in actor)
                        recipient.extend(e for e in ids if e not in recipient)
                        if ids:
                            why.append(f"recipient<-what the protest's gerund {tokens[g].text!r} is aimed at "
                                       f"('{a.case}'): {rule}")
        detached = detached_participle(linked, head)
        if detached is not None and not recipient:
            put(recipient, detached, "recipient<-noun the participle describes")
        if not any(a.role in {"subj", "subjpass"} for a in args) and tokens[head].dep in {"conj", "parataxis", "ROOT"}:
            adjacent = adjacent_subject(linked, head)
            if adjacent is not None:
                put(actor, adjacent, "actor<-the noun right before the verb (the parser missed the subject)")
                args.append(Arg("subj", "", adjacent))
        if not any(a.role in {"subj", "subjpass"} for a in args) and tokens[head].dep == "xcomp" \
                and tokens[tokens[head].head].lemma.lower() in RAISING_VERBS:
            # "forces could be seen surrounding the hotel", "troops were reported to have shelled":
            # the passive subject of a perception or report verb is the raised subject of its complement
            raised = next((a.head for a in arguments(linked, tokens[head].head) if a.role == "subjpass"), None)
            if raised is not None:
                put(actor, raised, "actor<-passive subject of the verb the clause complements")
                args.append(Arg("subj", "", raised))
        if not any(a.role in {"subj", "subjpass"} for a in args):
            inherited = inherited_subject(linked, head)
            if inherited is not None and inherited != detached:
                passive_participle = tokens[head].dep == "acl" and "Tense=Past" in tokens[head].morph \
                    and not (event_type in CONTENT_TYPES | {"PROTEST"} and postposed_finite(linked, head))
                # "des groupes coalisés, appuyés par des sponsors étrangers": a participle with an agent
                # is passive; when that agent names no party, it only describes the noun
                agent = any(a.role == "agent" for a in args) and "VerbForm=Part" in tokens[head].morph \
                    and "Tense=Past" in tokens[head].morph
                if agent and not actor:
                    pass
                elif passive_participle or agent:
                    put(recipient, inherited, "recipient<-noun the participle describes")
                else:  # "la Turquie va rencontrer le Niger": the subject of "va" acts
                    before = list(actor)
                    actor.clear()
                    put(actor, inherited, "actor<-subject of the governing verb")
                    issuer = statement_issuer(linked, head, inherited)
                    if not actor and issuer is not None:
                        put(actor, issuer, f"actor<-who issued the {tokens[inherited].text!r} the verb describes")
                    if actor:
                        recipient.extend(e for e in before if e not in actor and e not in recipient)
                    else:
                        actor.extend(before)
        if not actor and tokens[head].dep == "conj" and not any(a.role in {"subj", "subjpass"} for a in args):
            first = first_clause_subject(linked, head)
            if first is not None:
                put(actor, first, "actor<-subject of the sentence's first clause (a co-ordinated verb shares it)")
    else:
        has_target = any(a.role == "obl" and a.case in RECIPIENT_PREPS for a in args)
        for a in args:
            if by_entry(a):
                continue
            if a.role == "obl" and a.case in OF_PREPS and is_stance(linked, head) and under_in(linked, head):
                continue  # "in protest of the government's refusal": what is protested (below)
            if a.role == "obl" and a.case in OF_PREPS:
                patient = event_type in PATIENT_NOUN_TYPES and not has_target
                if not patient and unnamed(linked, a.head) and governing_subject(linked, head) is not None:
                    continue  # "the US sped up the withdrawal of some forces": the subject acts
                put(recipient if patient else actor, a.head, "recipient<-'de'" if patient else "actor<-'de'", a.case)
            elif a.role == "obl" and a.case in AGENT_PREPS:
                put(actor, a.head, "actor<-'par'")
            elif a.role == "obl" and a.case == "entre":
                put(actor, a.head, "actor<-'entre'")
            elif a.role == "obl" and a.case in RECIPIENT_PREPS:
                put(recipient, a.head, f"recipient<-'{a.case}'", a.case)
            elif a.role == "poss":
                put(actor, a.head, "actor<-possessive")
            elif a.role == "amod":
                put(actor, a.head, "actor<-modifier")
        if not recipient:  # "l'attaque du Niger contre le Bénin": "contre" hangs from "Niger"
            for a in [a for a in args if a.role == "obl" and a.case in OF_PREPS]:
                for b in arguments(linked, a.head):
                    if b.role == "obl" and b.case in RECIPIENT_PREPS - {"pour", "for"}:
                        put(recipient, b.head, f"recipient<-'{b.case}' after the 'de' complement", b.case)
        t = tokens[head]
        if not recipient and event_type == "ASSAULT" and t.dep == "nsubj":
            # "the offensive has met with success, pushing IS out of its strongholds": the object of
            # a subject-less gerund on the trigger's verb is what the attack struck
            verbs = [t.head] + ([tokens[t.head].head] if tokens[t.head].dep in {"parataxis", "conj"} else [])
            for g in [g for v in verbs for g in linked.children(v)]:
                if g.dep == "advcl" and "Aspect=Prog" in g.morph and not any(
                        c.dep.startswith("nsubj") or c.dep == "mark" for c in linked.children(g.i)):
                    for a in arguments(linked, g.i):
                        if a.role == "obj":
                            put(recipient, a.head, "recipient<-object of the gerund on the trigger's verb")
        if not actor and t.dep.startswith("nsubj") and tokens[t.head].lemma.lower() in GATHERING_VERBS:
            # "la manifestation a rassemblé 10 000 personnes": who gathered took part
            for a in arguments(linked, t.head):
                if a.role == "obj":
                    put(actor, a.head, "actor<-those the event gathered")
                    gathered = bool(actor)
        if not actor:
            governor = governing_subject(linked, through_partitive(linked, head), event_type in PARTICIPATORY
                                         and not in_background_phrase(linked, head))
            if governor is not None:
                put(actor, governor, "actor<-subject of governing verb")
                if not recipient:
                    verb = linked.parse.tokens[governor].head
                    for a in arguments(linked, verb):
                        if a.role == "obl" and a.case in {"avec", "with"}:
                            put(recipient, a.head, f"recipient<-'{a.case}' of the governing verb", a.case)
    if pos == "NOUN" and not actor and recipient and tokens[head].lemma.lower() in wordlists.nouns("mutual"):
        sides = {e for a in args if a.role == "obl" and a.case in {"avec", "with"}
                 for k in [a.head] + [c.i for c in linked.children(a.head) if c.dep == "conj"]
                 for e in resolve_argument(linked, k)[0]}
        if set(recipient) <= sides:
            # « les affrontements avec la police ont fait dix morts »: the other side goes unnamed;
            # the police fought, an actor of the clash
            actor, recipient = list(recipient), []
            gathered = True  # « avec la police et l'armée »: one side, not two
            why.append("actor<-the named side of a clash ('avec'/'with'), the other unnamed")
    if event_type in JUDGING_TYPES:
        _judged_target(linked, head, pos, args, actor, recipient, why, memory)
    if not recipient and pos == "VERB" and event_type in CONTENT_TYPES | {"AGREE"}:
        # "demanded that the US cancel ...", "urged Iran to ...": who is asked or blamed;
        # "offered to hand over to Great Britain": to whom the promise is made
        for c in linked.children(head):
            if c.dep not in {"ccomp", "xcomp"} and not for_clause(linked, c.i):
                continue
            if reporting_clause(linked, head, c.i):
                continue
            inner = arguments(linked, c.i)
            subject = next((a for a in inner if a.role in {"subj", "subjpass"}), None)
            if subject is not None and event_type != "AGREE":
                put(recipient, subject.head, "recipient<-subject of the content clause")
            elif c.dep == "xcomp":
                for a in inner:
                    if a.role == "obl" and a.case in {"to", "with", "à", "avec", "for", "pour"}:
                        put(recipient, a.head, f"recipient<-'{a.case}' of the promised or asked act", a.case)
            if recipient:
                break
    if not recipient and pos == "VERB" and event_type == "REQUEST" and imperative(linked, head):
        # « Mon message à ceux qui ... : arrêtez ... »: an order is given to whom the message is for
        sent = tokens[head].sent
        for t in tokens:
            if t.sent == sent and t.i < head and t.lemma.lower() in wordlists.nouns("statement"):
                for a in arguments(linked, t.i):
                    if a.role == "obl" and a.case in {"à", "to", "pour", "for"}:
                        put(recipient, a.head, f"recipient<-whom the {t.text!r} is for", a.case)
                if recipient:
                    break
    if not recipient and pos == "NOUN" and event_type in CONTENT_NOUN_TYPES:
        # "reiterated its demand that Israel ease ...", « sa demande que le Mali libère ... »: who
        # is asked or blamed is the subject of the that-clause, on the noun or on its verb
        for k in that_clauses(linked, head):
            subject = next((a for a in arguments(linked, k) if a.role in {"subj", "subjpass"}), None)
            if subject is not None:
                put(recipient, subject.head, "recipient<-subject of the noun's that-clause")
            if recipient:
                break
    if not recipient and pos == "VERB" and event_type in CONTENT_TYPES | {"CONCEDE", "AGREE"}:
        # "denounced Serbia's suppression", "rejected calls by Belarus", "demanded an admission
        # by Moscow": whose act is judged or asked for; "rejected an offer from Afghanistan",
        # "accepted demands from the rebels": who made the proposal
        # "demanded the withdrawal of Serbian forces": the object can be part of the trigger
        owned = [k for k in sorted(inside - {head}) if tokens[k].head == head and tokens[k].dep in {"obj", "dobj"}]
        for a in [a for a in args if a.role == "obj"] + [Arg("obj", "", k) for k in owned]:
            inner = arguments(linked, a.head)
            # "called for the release of X by Y": the agent, when there is one, is asked
            # "the withdrawal of Serbian forces from Bosnia": who acts, not whence
            agents = [b for b in inner if b.role in {"obl", "agent"} and b.case in AGENT_PREPS]
            owners = [b for b in inner if b.role == "poss" or (b.role in {"obl", "agent"} and b.case in OF_PREPS)]
            if tokens[a.head].lemma.lower() in wordlists.nouns("patient"):
                # "demanded the release of the hostages", "demanded Mr X's release": the one freed
                # is not the one asked; "Benin's arrest of the traders": Benin arrests
                of = [b for b in owners if b.role != "poss"]
                owners = [b for b in owners if b.role == "poss"] if of else []
            sources = [b for b in inner if b.role in {"obl", "agent"} and b.case in FROM_PREPS]
            for b in agents or owners or sources:
                put(recipient, b.head, "recipient<-whose act the object is")
            if recipient:
                break
    if not recipient and event_type == "CONSULT":
        # "arrived in Amman", "s'est rendu à Niamey": the visited place's state hosts
        for a in args:
            if a.role == "obl" and a.case in LOCATIVE_PREPS | {"to"}:
                ids, _ = resolve_argument(linked, a.head)
                for eid in ids:
                    if linked.entity_type(eid) in {"location", "facility", "country"} and linked.country_of(eid):
                        state = linked.implicit_state(linked.country_of(eid), "the visited place's state")
                        if state and state not in actor:
                            recipient.append(state)
                            why.append(f"recipient<-state of the visited place {tokens[a.head].text!r}")
    if not recipient and pos == "VERB" and event_type in SETTING_TYPES:
        # "lifted a curfew in Montenegro": a state named as the setting is the target
        for a in args:
            if a.role == "obl" and a.case in {"in", "en", "au", "dans"}:
                ids, _ = resolve_argument(linked, a.head)
                states = [e for e in ids if linked.entity_type(e) == "country" and e not in actor]
                if states:
                    recipient.extend(states)
                    why.append(f"recipient<-state named as the setting {tokens[a.head].text!r}")
    # "entre la Russie et le Mali": the first is the actor, the rest recipients
    if not recipient and len(actor) > 1 and event_type in {"COOPERATE", "CONSULT", "ASSAULT"} and not gathered \
            and not any("backing " in w for w in why):  # a force and its backers are one side
        actor, recipient = actor[:1], actor[1:]
    actor, recipient = refine_recipients(linked, head, entry, actor, [r for r in recipient if r not in actor], why)
    if event_type in PERPETRATED and not asked_to_stop(linked, head):
        memory.remember_perpetrators(tokens[head].start, tuple(actor))
    return Roles(tuple(actor), tuple(r for r in recipient if r not in actor), tuple(why))


def _judged_target(linked: LinkedDocument, head: int, pos: str, args: list[Arg], actor: list[str],
                   recipient: list[str], why: list[str], memory: Memory) -> None:
    """"complained to the UN over two Israeli air raids", "investigating crimes by Croatian
    extremists against Serb civilians", "in defiance of Chinese authorities": the one protested
    against or blamed is behind the act judged (``topics.py``). It beats an addressee or a victim,
    not a party named as the direct object ("condemned Ghana")."""
    direct: set[str] = set()
    for a in args:
        if a.role in {"obj", "iobj", "subjpass"}:
            direct.update(resolve_argument(linked, a.head)[0])
    if recipient and set(recipient) & direct:
        return
    tokens = linked.parse.tokens
    objects = [a.head for a in args if a.role == "obj" and not (set(resolve_argument(linked, a.head)[0]) - set(actor))]
    judged = [a.head for a in args if a.role == "obj"] + topic_nouns(linked, head, pos, args)
    for k in objects + topic_nouns(linked, head, pos, args):
        ids, rule = judged_parties(linked, k, actor)
        if ids:
            if set(ids) != set(recipient):
                recipient[:] = list(ids)
                why.append(f"recipient<-{rule} ({tokens[k].text!r})")
            return
    if recipient:
        return
    for k in judged:
        # « a condamné le crime de Tombouctou », "denounced the attack": an act told before, with
        # no party named in it, is the act of whoever carried out the last attack
        if tokens[k].lemma.lower() in wordlists.nouns("misdeed") and any(
                c.dep == "det" and c.lemma.lower() in _TOLD_BEFORE for c in linked.children(k)):
            ids, rule = memory.perpetrator(linked, k)
            ids = tuple(e for e in ids if e not in actor)
            if ids:
                recipient[:] = list(ids)
                why.append(f"recipient<-the act judged {tokens[k].text!r}: {rule}")
            return


_TOLD_BEFORE = frozenset({"le", "la", "les", "l'", "l’", "ce", "cet", "cette", "ces", "the", "this", "these"})


