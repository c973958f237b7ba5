"""Roles completed after the parse rules: the party a content clause or a condition names, the
one asked in a demand, the state where force or protest falls, what an embedded act lends the
event that states it, and whether a protest is a body's statement."""
from __future__ import annotations

from kibaru.events.antecedents import Memory
from kibaru.events.content import condition_mark
from kibaru.events.places import clause_place
from kibaru.events.roles import Roles, fill_roles
from kibaru.events import wordlists
from kibaru.link.arguments import resolve_argument
from kibaru.link.collectives import collective
from kibaru.link.linked import LinkedDocument

_PLACE_TYPES = frozenset({"location", "facility"})

_CONDITION_MARKS = frozenset({"if", "unless", "si"})


def _other_party(linked: LinkedDocument, i: int, actor: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    """The parties word ``i`` names, less the actor and places (a place is where, not whom)."""
    ids, rule = resolve_argument(linked, i)
    return tuple(e for e in ids if e not in actor and linked.entity_type(e) not in _PLACE_TYPES), rule


def condition_target(linked: LinkedDocument, head: int, roles):
    """"threatened to stop talks if the United States goes ahead", "unless Israel rescinded":
    whoever must meet the condition is the one threatened."""
    tokens = linked.parse.tokens
    verbs = [head] + [c.i for c in linked.children(head) if c.dep in {"xcomp", "ccomp"}]
    for v in verbs:
        for clause in linked.children(v):
            if not clause.dep.startswith("advcl") or not any(
                    m.dep == "mark" and m.lemma.lower() in _CONDITION_MARKS for m in linked.children(clause.i)):
                continue
            subject = next((c.i for c in linked.children(clause.i) if c.dep in {"nsubj", "nsubjpass", "nsubj:pass"}), None)
            if subject is None:
                continue
            ids, rule = _other_party(linked, subject, roles.actor)
            if ids:
                return Roles(roles.actor, ids, (*roles.why, f"recipient<-who must meet the condition "
                                                            f"{tokens[clause.i].text!r}: {rule}"))
    return roles


_DEMAND_PATH = frozenset({"conj", "nmod", "obl", "obj", "dobj", "prep", "pobj"})


def demand_target(linked: LinkedDocument, head: int, roles):
    """"urged Sudan to accept the truce or face sanctions", « a exhorté le Soudan à accepter la
    trêve sous peine de sanctions »: a threat told inside what one side is asked to do is held
    over the one asked (the object of the verb whose complement holds it)."""
    tokens = linked.parse.tokens
    node = head
    for _ in range(6):
        t = tokens[node]
        if t.head == node:
            return roles
        if t.dep == "xcomp":
            asked = next((c.i for c in linked.children(t.head) if c.dep in {"obj", "dobj"}), None)
            if asked is None:
                return roles
            ids, rule = _other_party(linked, asked, roles.actor)
            if not ids:
                return roles
            why = (*roles.why, f"recipient<-the one asked by {tokens[t.head].text!r}: {rule}")
            actor = roles.actor
            asker = next((c.i for c in linked.children(t.head) if c.dep in {"nsubj", "nsubj:pass"}), None)
            if not actor and asker is not None:
                # whoever asks holds the penalty over the one asked
                actor, rule = resolve_argument(linked, asker)
                actor = tuple(e for e in actor if e not in ids and linked.entity_type(e) not in _PLACE_TYPES)
                why += (f"actor<-who asks {tokens[t.head].text!r}: {rule}",) if actor else ()
            return Roles(actor, ids, why)
        if t.dep not in _DEMAND_PATH:
            return roles
        node = t.head
    return roles


_CONTENT_CLAUSES = frozenset({"xcomp", "ccomp"})

_CONTENT_PATH = frozenset({"xcomp", "ccomp", "dobj", "obj", "pobj", "prep", "poss", "compound", "nmod", "obl",
                           "obl:arg", "obl:mod", "acl", "amod", "npadvmod", "flat", "flat:name", "appos"})

_CONTENT_SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})

# "declined to resign despite pressure by the commission": circumstances, not content
_NOT_CONTENT_PREPS = frozenset({"despite", "after", "before", "amid", "during", "since", "following", "because",
                                "until", "malgré", "après", "avant", "pendant", "depuis", "lors"})


def content_party(linked: LinkedDocument, head: int, roles):

    tokens = linked.parse.tokens
    found: list[int] = []
    stack = [(head, 0, False)]
    while stack:
        i, depth, in_clause = stack.pop()
        if depth >= 8:
            continue
        for c in linked.children(i):
            if c.i < head and not in_clause:
                continue  # the trigger's own subject and what comes before it are not its content
            clause = in_clause or c.dep in _CONTENT_CLAUSES
            if c.dep in _CONTENT_PATH or (in_clause and c.dep in _CONTENT_SUBJECTS and tokens[i].pos in {"VERB", "AUX"}) \
                    or (c.dep == "advcl" and condition_mark(linked.parse, c) is None and purposive(linked, c)):
                if c.dep == "ccomp" and i == head and tokens[head].pos != "VERB":
                    continue
                if c.dep == "prep" and c.lemma.lower() in _NOT_CONTENT_PREPS:
                    continue
                if tokens[i].lemma.lower() in wordlists.nouns("patient") and of_phrase(linked, c):
                    continue  # "demanded the release of Malian journalists": the freed are not asked
                found.append(c.i)
                stack.append((c.i, depth + 1, clause))
    for i in sorted(found):
        if tokens[i].pos not in {"PROPN", "NOUN"}:
            continue
        if not named_party(linked, i):
            continue
        ids, rule = _other_party(linked, i, roles.actor)
        if ids:
            return Roles(roles.actor, ids, (*roles.why, f"recipient<-the party its content names "
                                                        f"{tokens[i].text!r}: {rule}"))
    return roles


def of_phrase(linked: LinkedDocument, c) -> bool:
    """"of X", "X's", « de X »: the complement that names whom an act is done to."""
    if c.dep in {"poss", "nmod:poss"} or (c.dep == "prep" and c.lemma.lower() == "of"):
        return True
    return c.dep == "nmod" and any(m.dep == "case" and m.lemma.lower() in {"de", "du", "des", "d'", "d’"}
                                   for m in linked.children(c.i))


def named_party(linked: LinkedDocument, i: int) -> bool:
    """A name, or a noun a name or a demonym qualifies ("Palestinian factions", "the king of
    Morocco"); not a bare common noun ("by force", "its citizens"), which names no one."""
    if i in linked.token_entity:
        return True
    for c in linked.children(i):
        if c.i in linked.token_entity and c.dep in {"poss", "nmod:poss", "compound", "amod", "nmod", "flat", "flat:name",
                                                    "appos"}:
            return True
        if c.dep in {"amod", "compound", "nmod"} and linked.kb.demonym(c.text, linked.lang):
            return True
        if c.dep == "prep" and c.lemma.lower() == "of" and any(g.i in linked.token_entity for g in linked.children(c.i)):
            return True
    return False


def purposive(linked: LinkedDocument, t) -> bool:
    """A to-infinitive or « pour » clause: "is willing to send material to help defend X"."""
    return any(k.dep in {"aux", "mark"} and k.lemma.lower() in {"to", "pour", "afin"} and k.i < t.i
               for k in linked.children(t.i))


# Force, repression, protest and concessions with no named target fall on the state where they
# happen: "imposed a curfew in Cizre", "fired at targets in Jericho", "demonstrated in Serbia".
# Only for an event with an actor: a place alone does not make an event worth counting.
_SETTING_TARGETS = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "CONCEDE"})


def setting_target(linked: LinkedDocument, head: int, event_type: str, roles):

    if roles.recipient or not roles.actor or event_type not in _SETTING_TARGETS:
        return roles
    place = clause_place(linked, head)
    t = linked.parse.tokens[head]
    if place is None and t.dep == "advcl" and t.head != t.i and any(
            c.dep == "mark" and c.lemma.lower() == "en" for c in linked.children(t.i)):
        # « ont repris leurs destructions à Tombouctou en s'attaquant à la porte »: a gerund
        # happens where its main clause does
        place = clause_place(linked, t.head)
    state = linked.implicit_state(place.country, "the state where the event happens") \
        if place is not None and place.country else None
    if state is None:
        return roles
    why = f"recipient<-state where it happens ({place.text!r})"
    if state in roles.actor:  # "Turkish authorities imposed a curfew in Cizre": its own population
        group = collective(linked.lang, _POPULATION.get(linked.lang, "civilian"))
        if group is None:
            return roles
        state = linked.implicit_group(group, place.country)
        why = f"recipient<-the population where it happens ({place.text!r})"
    return Roles(roles.actor, (state,), (*roles.why, why))


_POPULATION = {"fr": "civil", "en": "civilian"}

# PLOVER's codes for organisations that speak as bodies ("a human rights group protested")
_BODIES = frozenset({"NGO", "IGO", "UNO", "EUR"})


def states_or_bodies(linked: LinkedDocument, eid: str) -> bool:
    if linked.entity_type(eid) in {"country", "igo"} and linked.drafts[eid].listed:
        return True
    return linked.country_of(eid) in _BODIES


def speaks_as_body(linked: LinkedDocument, roles, sent) -> bool:
    """Whether a protest's actors are all states or bodies, named as such (not "ethnic Albanians",
    not an unnamed group)."""
    return bool(roles.actor) and all(states_or_bodies(linked, a) for a in roles.actor) \
        and not any("demonym" in w or "unnamed group" in w for w in roles.why) \
        and not people_by_demonym(linked, roles.actor, sent)


def body_protests(linked: LinkedDocument, found: list) -> frozenset[int]:
    """Heads of the protests made by states or bodies, read before the content rule runs (a fresh
    memory: a pronoun protester is decided later, as before)."""
    parse = linked.parse
    return frozenset(
        h.head for h in found
        if h.entry.type == "PROTEST" and (h.entry.mode or None) in {None, "demo"}
        and speaks_as_body(linked, fill_roles(linked, h.head, h.pos, h.entry, Memory(), h.tokens),
                            parse.sentences[parse.tokens[h.head].sent]))


def people_by_demonym(linked: LinkedDocument, actor: tuple[str, ...], sent) -> bool:
    """"ethnic Albanians demonstrated": the actor is named in this sentence by a demonym, so it
    is people of that state, not the state itself."""
    for eid in actor:
        d = linked.drafts.get(eid)
        for span in (d.spans if d is not None else ()):
            if sent.start <= span.start < sent.end and linked.kb.demonym(span.text, linked.lang):
                return True
    return False


def complete(roles, inner, lemma: str, outer_type: str):
    """Missing roles from the embedded content: "offered to hand over to Britain" -> Britain;
    "demanded the withdrawal of Serbian forces" -> Serbia is the one asked."""
    asked = inner.actor if outer_type in {"REQUEST", "ACCUSE"} else ()
    # the one asked or blamed is never the one asking: "we called for Russia to agree" leaves
    # the unresolved "we" empty rather than making Russia ask itself
    # who put the proposal forward and receives the endorsement does not endorse it: "agreed with
    # the Ethiopian proposal" leaves the actor to be found elsewhere
    actor = roles.actor or (() if asked else tuple(a for a in inner.actor if outer_type != "SUPPORT"
                                                   or a not in roles.recipient))
    recipient = roles.recipient or tuple(r for r in (*asked, *inner.recipient) if r not in actor)
    if (actor, recipient) == (roles.actor, roles.recipient):
        return roles
    return Roles(actor, recipient, (*roles.why, f"roles completed from embedded {lemma!r}: {inner.why}"))
