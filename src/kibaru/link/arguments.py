"""An event argument (the head token of a phrase) -> the entities it stands for, and the rule used.

Tried in order, first hit wins:
  0. people named by a demonym who live in another state ("the Albanians of southern Serbia"):
     that state (``residents.py``); people with no state demonym sent out of a state ("West
     Africans ordered out of Nigeria"): that state (``expelled.py``)
  1. a name on the head itself ("Lavrov a réaffirmé")
  2. a name apposed or flat on the head ("le ministre ..., Sergueï Lavrov")
  3. a role, government or force phrase through the KB ("le président malien" at the article's
     date, "les autorités maliennes", "l'armée française")
  4. a name inside the phrase ("l'école de gendarmerie de Faladiè", "les rebelles du CSP")
  3b. a member noun whose "from"/"of" complement names parties ("diplomats from the Group of
     Seven", "ministers from Britain, Canada and Japan", ``data/member_nouns.txt``; "doctors from two
     American aid groups", ``data/person_nouns.txt``): every party
  4b. an unnamed organisation named by its modifiers ("a human rights group", "the opposition
     coalition", ``unnamed.py``), on the head or in its "of" chain ("leaders of the opposition")
  5. a demonym on the head ("un avion militaire russe", "les soldats maliens") or as the head
     ("les Russes") -> the state
Co-ordinated phrases ("la Russie et le Mali") give every conjunct.
"""
from __future__ import annotations

import functools

from kibaru.link.collectives import collective
from kibaru.link.fold import fold
from kibaru.link.expelled import expelled_from
from kibaru.link.linked import LinkedDocument
from kibaru.link.wordlists import folded_words
from kibaru.link.residents import resident_state
from kibaru.link.unnamed import speaks_for_group, unnamed_organisation
from kibaru.model import Token

_CLAUSE = frozenset({"acl", "acl:relcl", "relcl", "advcl", "ccomp", "xcomp", "parataxis", "csubj",
                     "mark", "conj", "cc", "punct"})
_APPOS = frozenset({"appos", "flat", "flat:name", "compound", "nmod", "npadvmod"})
_MAX_PHRASE = 12
_OF = frozenset({"de", "du", "des", "d'", "d’", "of"})
_QUANTITIES = frozenset({
    "millier", "centaine", "dizaine", "plusieurs", "nombre", "foule", "groupe", "partie", "majorité",
    "thousand", "thousands", "hundred", "hundreds", "ten", "tens", "dozen", "dozens", "million",
    "number", "crowd", "group", "lot", "majority", "some", "many",
})
_WHERE = frozenset({"à", "au", "aux", "dans", "en", "de", "du", "des", "d'", "d’", "in", "at", "throughout",
                    "across", "from", "of"})
_PEOPLE = frozenset({"personne", "gens", "foule", "habitant", "people", "person", "crowd", "resident"})
_GROUP_TYPES = frozenset({"organization", "armed_group", "igo", "media"})
_NON_STATES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
_NOT_PARTIES = frozenset({"equipment"})  # an aircraft type does not act; its owner does


def resolve_argument(linked: LinkedDocument, i: int) -> tuple[tuple[str, ...], str]:
    ids: list[str] = []
    rules: list[str] = []
    for head in _conjuncts(linked, i):
        found, rule = _resolve_one(linked, head)
        for eid in found:
            if eid not in ids:
                ids.append(eid)
        if rule:
            rules.append(rule)
        if ids:
            for eid, rule in _coordinated_states(linked, head):
                if eid not in ids:
                    ids.append(eid)
                    rules.append(rule)
            for agent in backers(linked, head):
                for eid in resolve_argument(linked, agent)[0]:
                    if eid not in ids and linked.entity_type(eid) not in {"location", "facility"}:
                        ids.append(eid)
                        rules.append(f"backing {eid} ({linked.parse.tokens[agent].text!r})")
    return tuple(ids), "; ".join(rules)


# bodies a state sends abroad: with no state named, "the diplomats" in a story about Russia are as
# likely another state's; the document's main state is a guess only for its own army, police, government
_SENT_BODIES = frozenset({"diplomats", "embassy"})
_FORCE_SECTORS = frozenset({"MIL", "COP", "REB", "UAF", "PRM", "SPY"})


def backing_participles() -> frozenset[str]:
    return folded_words("backing_participles.txt")


def is_force(linked: LinkedDocument, i: int) -> bool:
    """A noun naming armed or security forces: a collective of that sector ("soldiers", « les
    forces »), or a name linked to an armed group or a military, police or intelligence body."""
    group = collective(linked.lang, linked.parse.tokens[i].lemma.lower())
    if group is not None and group.sector in _FORCE_SECTORS:
        return True
    eid = linked.token_entity.get(i)
    draft = linked.drafts.get(eid) if eid else None
    return draft is not None and (draft.type == "armed_group" or (draft.sector or "") in _FORCE_SECTORS)


def backing_participle(linked: LinkedDocument, verb: int) -> int | None:
    """The force a "backed by"/"appuyé par" participle describes, when verb is one."""
    tokens = linked.parse.tokens
    t = tokens[verb]
    if t.dep != "acl" or "VerbForm=Part" not in t.morph or fold(t.lemma) not in backing_participles():
        return None
    if not any(c.dep in {"agent", "obl:agent"} or (c.dep in {"prep", "obl"} and _case(linked, c) in {"by", "par"})
               for c in linked.children(verb)):
        return None
    return t.head if is_force(linked, t.head) else None


def backers(linked: LinkedDocument, i: int) -> list[int]:
    """"Somali forces, supported by clan militias and the U.S. military": the heads of the agent
    phrase (every conjunct) of a backing participle on force i; they fight with it."""
    out: list[int] = []
    for c in linked.children(i):
        if c.dep != "acl" or backing_participle(linked, c.i) != i:
            continue
        for a in linked.children(c.i):
            if a.dep == "agent" or (a.dep == "prep" and _case(linked, a) in {"by", "par"}):
                out += [g.i for g in linked.children(a.i) if g.dep == "pobj"]
            elif a.dep in {"obl:agent", "obl"} and _case(linked, a) == "par":
                out.append(a.i)
    return out


def _coordinated_states(linked: LinkedDocument, i: int) -> list[tuple[str, str]]:
    """"U.S. and Iraqi officials", "les armées malienne et française": every state of a
    co-ordinated modifier, when at least two are states."""
    out: list[tuple[str, str]] = []
    for c in linked.children(i):
        if c.dep not in {"amod", "nmod", "compound"}:
            continue
        conjuncts = [c] + [g for g in linked.children(c.i) if g.dep == "conj"]
        if len(conjuncts) < 2:
            continue
        for m in conjuncts:
            eid = linked.token_entity.get(m.i)
            if eid and linked.entity_type(eid) == "country":
                out.append((eid, f"co-ordinated name {m.text!r}"))
            elif eid is None and (iso := linked.kb.demonym(m.text, linked.lang)):
                if found := linked.implicit_state(iso, f"demonym {m.text!r}", (m.start, m.end)):
                    out.append((found, f"co-ordinated demonym {m.text!r} -> {iso}"))
    return out if len({e for e, _ in out}) >= 2 else []


def _conjuncts(linked: LinkedDocument, i: int) -> list[int]:
    out = [i]
    stack = [i]
    while stack:
        for c in linked.children(stack.pop()):
            if c.dep == "conj" and c.pos in {"PROPN", "NOUN", "PRON"} and c.i not in out:
                out.append(c.i)
                stack.append(c.i)
    return out


def _resolve_one(linked: LinkedDocument, i: int) -> tuple[tuple[str, ...], str]:
    tokens = linked.parse.tokens
    head = tokens[i]
    if head.pos == "NUM" or head.lemma.lower() in _QUANTITIES:
        # "the militant group al-Shabab": a name apposed to "group" is the group itself
        # (« le groupe jihadiste JNIM », where the parser may read the name as an adjective)
        for t in _apposed(linked, i) + [c for c in linked.children(i) if c.dep == "amod"]:
            eid = linked.token_entity.get(t.i)
            if eid and t.dep in {"appos", "flat", "flat:name", "amod"} and linked.entity_type(eid) in _GROUP_TYPES:
                return (eid,), f"apposed name {t.text!r}"
        # "des milliers de manifestants", "tens of thousands of students": the counted noun
        # (a "group" with no counted noun may be an organisation named by its modifiers, below)
        for c in _genitive_chain(linked, i):
            if c.pos in {"NOUN", "PROPN"} and c.lemma.lower() not in _QUANTITIES:
                counted = _resolve_one(linked, c.i)
                if counted[0] or unnamed_organisation(linked, i) is None:
                    return counted
                break
    if (resident := resident_state(linked, i) or expelled_from(linked, i)) is not None:
        return resident
    eid = linked.token_entity.get(i)
    if eid and linked.entity_type(eid) not in _NOT_PARTIES:
        return (eid,), f"name {head.text!r}"
    phrase = _phrase(linked, i)
    if (body := _state_named_body(linked, i, phrase)) is not None:
        return body
    for t in _apposed(linked, i):
        eid = linked.token_entity.get(t.i)
        if eid and linked.entity_type(eid) not in _NOT_PARTIES | {"location", "facility"}:
            return (eid,), f"apposed name {t.text!r}"
    if (members := _members_of(linked, i)) is not None:
        return members
    text = _phrase_text(linked, phrase)
    match = linked.kb.template_match(text, linked.lang, linked.date)
    if match is not None:
        country = match.country
        why = match.why
        if country is None and match.code not in _SENT_BODIES and (states := linked.document_states()):
            country, why = states[0], f"{why}; the document's main state"
        entry = match.entry or (linked.kb.get(f"country:{country}") if country else None)
        if entry is not None:
            return (linked.implicit_entry(entry, why, _span(phrase)),), f"phrase {text!r}: {why}"
    group = _collective_at(linked, i)
    named_group = next((linked.token_entity[t.i] for t in _genitive_chain(linked, i) if t.i in linked.token_entity
                        and linked.entity_type(linked.token_entity[t.i]) in _GROUP_TYPES), None)
    if named_group is not None and group is not None:  # "les islamistes d'Ansar Eddine"
        return (named_group,), f"group named in {head.text!r}"
    if group is not None:  # "les opposants de Gnassingbé" are the opposition, not Gnassingbé
        return _unnamed_group(linked, group, i)
    if (organisation := unnamed_organisation(linked, i)) is not None:
        return organisation
    chain = _genitive_chain(linked, i)
    for t in chain:
        eid = linked.token_entity.get(t.i)
        if eid and linked.entity_type(eid) not in _NOT_PARTIES:
            return (eid,), f"name {t.text!r} inside {text!r}"
        if t.pos == "NOUN":
            inner_phrase = _phrase(linked, t.i)
            inner = _phrase_text(linked, inner_phrase)
            match = linked.kb.template_match(inner, linked.lang, linked.date)
            if match is not None:
                country = match.country or (None if match.code in _SENT_BODIES
                                            else next(iter(linked.document_states()), None))
                entry = match.entry or (linked.kb.get(f"country:{country}") if country else None)
                if entry is not None:
                    return (linked.implicit_entry(entry, match.why, _span(inner_phrase)),), \
                        f"phrase {inner!r} inside {text!r}: {match.why}"
    for t in chain:  # "leaders of the Azadliq opposition coalition", "spokesman for the rebels"
        if (organisation := unnamed_organisation(linked, t.i)) is not None:
            return organisation[0], f"{organisation[1]}, inside {text!r}"
        if speaks_for_group(linked, i) and (group := collective(linked.lang, t.lemma.lower())) is not None:
            return (linked.implicit_group(group, _group_state(linked, t.i, group), (t.start, t.end)),), \
                f"unnamed group {t.text!r} inside {text!r}"
    for c in linked.children(i):
        if c.dep in {"amod", "nmod"} and (iso := linked.kb.demonym(c.text, linked.lang)):
            found = linked.implicit_state(iso, f"demonym {c.text!r}", (c.start, c.end))
            if found:
                return (found,), f"demonym {c.text!r} -> {iso}"
    if head.pos in {"NOUN", "PROPN", "ADJ"} and (iso := linked.kb.demonym(head.text, linked.lang)):
        found = linked.implicit_state(iso, f"demonym {head.text!r}", (head.start, head.end))
        if found:
            return (found,), f"demonym {head.text!r} -> {iso}"
    group = _collective_at(linked, i)
    if group is not None:
        return _unnamed_group(linked, group, i)
    if (named := _the_group(linked, i)) is not None:
        return named
    return (), ""


def _state_named_body(linked: LinkedDocument, i: int, phrase: list[Token]) -> tuple[tuple[str, ...], str] | None:
    """"the U.S. military", "Russia's defence ministry": a state's name used as the modifier of a
    body noun is that state's body (``data/bodies.tsv``), not the state itself."""
    mods = [c for c in linked.children(i) if c.dep in {"compound", "nmod", "poss", "nmod:poss"}
            and linked.token_entity.get(c.i) and linked.entity_type(linked.token_entity[c.i]) == "country"]
    if not mods:
        return None
    text = _phrase_text(linked, phrase)
    match = linked.kb.template_match(text, linked.lang, linked.date)
    if match is None or match.target != "body" or match.country != linked.country_of(linked.token_entity[mods[0].i]):
        return None
    entry = match.entry or linked.kb.get(f"country:{match.country}")
    if entry is None:
        return None
    return (linked.implicit_entry(entry, match.why, _span(phrase)),), f"phrase {text!r}: {match.why}"


def _collective_at(linked: LinkedDocument, i: int):
    """The collective a noun names, with its adjective where the table lists the pair
    (« des hommes armés » -> "homme armé"), else the noun alone."""
    head = linked.parse.tokens[i]
    for c in linked.children(i):
        if c.dep == "amod" and (group := collective(linked.lang, f"{head.lemma.lower()} {c.lemma.lower()}")):
            return group
    return collective(linked.lang, head.lemma.lower())


def _unnamed_group(linked: LinkedDocument, group, i: int) -> tuple[tuple[str, ...], str]:
    """An unnamed collective; unidentified attackers ("gunmen", « des hommes armés ») are the
    armed group that claims the attack in the same document, when one does."""
    head = linked.parse.tokens[i]
    if group.country == "none" and group.type == "armed_group" and (found := claimant(linked)) is not None:
        return (found[0],), f"unnamed group {head.text!r} -> {found[1]}"
    key = linked.implicit_group(group, _group_state(linked, i, group), (head.start, head.end))
    if (wider := _with_demonym(linked, i)) is not None:
        linked.implicit_group(group, _group_state(linked, i, group), wider)
    return (key,), f"unnamed group {head.text!r}"


def _with_demonym(linked: LinkedDocument, i: int) -> tuple[int, int] | None:
    """« citoyens maliens », "Malian soldiers": the group's noun with the demonym right beside it,
    a second naming of the same group."""
    tokens = linked.parse.tokens
    head = tokens[i]
    for c in linked.children(i):
        if c.dep == "amod" and abs(c.i - i) == 1 and linked.kb.demonym(c.text, linked.lang):
            return (min(head.start, c.start), max(head.end, c.end))
    return None


_CLAIM_VERBS = frozenset({"claim", "revendiquer"})
_CLAIMED = frozenset({"responsibility", "responsabilité", "attack", "attaque", "attentat", "assault", "bombing",
                      "ambush", "embuscade", "raid", "assassinat", "killing", "kidnapping", "abduction",
                      "enlèvement"})


def claimant(linked: LinkedDocument) -> tuple[str, str] | None:
    """The armed group that claims an attack in the document ("al-Shabab claimed responsibility
    for the attack", « le JNIM a revendiqué l'attaque », "the attack was claimed by ..."), the
    first one; None when no group does."""
    if hasattr(linked, "_claimant"):
        return linked._claimant
    linked._claimant = None  # resolving the claimant below must not come back here
    found = None
    for t in linked.parse.tokens:
        if t.pos != "VERB" or t.lemma.lower() not in _CLAIM_VERBS:
            continue
        kids = linked.children(t.i)
        if not any(c.dep in {"dobj", "obj", "nsubj:pass", "nsubjpass"} and c.lemma.lower() in _CLAIMED for c in kids):
            continue
        agents = [c.i for c in kids if c.dep in {"nsubj", "obl:agent"}]
        agents += [g.i for c in kids if c.dep == "agent" for g in linked.children(c.i) if g.dep == "pobj"]
        for k in agents:
            ids = [e for e in resolve_argument(linked, k)[0] if linked.entity_type(e) == "armed_group"
                   and linked.drafts.get(e) is not None and linked.drafts[e].listed]
            if ids:
                found = (ids[0], f"the group that claims it ({linked.parse.tokens[t.i].text!r})")
                break
        if found:
            break
    linked._claimant = found
    return found


_GROUP_ANAPHORS = frozenset({"group", "groupe", "organisation", "organization", "movement", "mouvement"})
_DEFINITE = frozenset({"the", "this", "le", "la", "l'", "l’", "ce", "cette"})


def _the_group(linked: LinkedDocument, i: int) -> tuple[tuple[str, ...], str] | None:
    """"the group said", « le groupe a revendiqué »: a bare definite "group" with nothing else
    to name it is the armed group or organisation last named before it (in this sentence or the
    two before)."""
    tokens = linked.parse.tokens
    head = tokens[i]
    if head.lemma.lower() not in _GROUP_ANAPHORS or _number(head) == "Plur":
        return None
    kids = linked.children(i)
    if not any(c.dep == "det" and c.text.lower() in _DEFINITE for c in kids):
        return None
    if any(c.dep not in {"det", "punct", "case"} for c in kids):
        return None  # "the group of experts", "the rights group": named by its modifiers, not anaphoric
    first = linked.parse.sentences[max(0, head.sent - 2)].first
    for k in range(i - 1, first - 1, -1):
        eid = linked.token_entity.get(k)
        if eid and linked.entity_type(eid) in {"armed_group", "organization", "igo"}:
            return (eid,), f"{head.text!r} -> the group named before ({tokens[k].text!r})"
    return None


def _number(t: Token) -> str:
    return next((f[7:] for f in t.morph.split("|") if f.startswith("Number=")), "")


_MEMBER_PARTIES = frozenset({"country", "igo", "organization", "armed_group"})
_MEMBER_CASES = frozenset({"from", "of", "de", "du", "des", "d'", "d’"})


@functools.lru_cache(maxsize=1)
def member_nouns() -> frozenset[str]:
    return folded_words("member_nouns.txt") | folded_words("person_nouns.txt")


def _members_of(linked: LinkedDocument, i: int) -> tuple[tuple[str, ...], str] | None:
    """"diplomats from the Group of Seven", "ministers from Britain, Canada and Japan": people who
    act for the parties named in their "from"/"of" complement, every co-ordinated one."""
    tokens = linked.parse.tokens
    if fold(tokens[i].lemma) not in member_nouns():
        return None
    for c in linked.children(i):
        if _case(linked, c) not in _MEMBER_CASES:
            continue
        obj = c.i if c.dep != "prep" else next((g.i for g in linked.children(c.i) if g.dep == "pobj"), None)
        if obj is None:
            continue
        ids: list[str] = []
        for k in _conjuncts(linked, obj):
            eid = linked.token_entity.get(k)
            if eid is None:  # "the Group of Seven leading democracies": the name inside the head
                eid = next((linked.token_entity[g.i] for g in linked.children(k)
                            if g.dep in {"compound", "flat", "flat:name"} and g.i in linked.token_entity), None)
            if eid is None and tokens[k].pos == "NOUN" and k not in linked.token_entity:
                # "doctors from two American aid groups", « des médecins de deux organisations
                # ghanéennes »: groups of a state, read as any argument is
                found = next(iter(_resolve_one(linked, k)[0]), None)
                if found and linked.country_of(found) not in {None, "NGO"}:
                    eid = found
            if eid and linked.entity_type(eid) in _MEMBER_PARTIES and eid not in ids:
                ids.append(eid)
        if ids:
            return tuple(ids), f"{tokens[i].text!r} {tokens[c.i].text if c.dep == 'prep' else _case(linked, c)} " \
                               f"{', '.join(repr(linked.parse.tokens[k].text) for k in _conjuncts(linked, obj))}"
    return None


def protesters(linked: LinkedDocument, i: int) -> tuple[tuple[str, ...], str]:
    """People who demonstrate are demonstrators: "plus de 10 000 personnes" in a protest, "a crowd"."""
    tokens = linked.parse.tokens
    head = tokens[i]
    if head.pos == "NUM" or head.lemma.lower() in _QUANTITIES:
        head = next((c for c in _genitive_chain(linked, i) if c.pos in {"NOUN", "PROPN"}), head)
    if head.lemma.lower() not in _PEOPLE:
        return (), ""
    group = collective(linked.lang, "manifestant" if linked.lang == "fr" else "protester")
    if group is None:
        return (), ""
    return (linked.implicit_group(group, _group_state(linked, head.i, group), (head.start, head.end)),), \
        f"people in a protest {head.text!r} -> protesters"


def _group_state(linked: LinkedDocument, i: int, group) -> str | None:
    """"citoyens maliens" -> MLI; otherwise the document's main state, unless the group is one
    that is not coded to a state (unidentified gunmen)."""
    for c in linked.children(i):
        if c.dep in {"amod", "nmod", "compound"} and (iso := linked.kb.demonym(c.text, linked.lang)):
            return iso
    for c in linked.children(i):  # "demonstrators in Baghdad", "les habitants de Gao"
        if _case(linked, c) not in _WHERE:
            continue  # "des manifestants contre la France" are not French
        place = c.i if c.dep != "prep" else next((g.i for g in linked.children(c.i) if g.dep == "pobj"), None)
        eid = linked.token_entity.get(place) if place is not None else None
        if eid is None and place is not None:  # "forces in Somalia's Puntland region": the region's name
            eid = next((linked.token_entity[g.i] for g in linked.children(place)
                        if g.dep in {"compound", "flat", "flat:name", "poss"}
                        and g.i in linked.token_entity
                        and linked.entity_type(linked.token_entity[g.i]) in {"location", "country", "facility"}), None)
        if eid and linked.entity_type(eid) in {"location", "country", "facility"} and linked.country_of(eid):
            return linked.country_of(eid)
    if group.country == "document":
        states = linked.document_states() or _party_states(linked)
        return states[0] if states else None
    return None


def _party_states(linked: LinkedDocument) -> list[str]:
    """With no state named, the states of the named parties ("Egyptian police ... disperse
    demonstrators"): the demonstrators are where the police are."""
    counts: dict[str, int] = {}
    for d in linked.drafts.values():
        if d.type in _GROUP_TYPES | {"person"} and d.listed and d.country and len(d.country) == 3 \
                and d.country.isalpha() and d.country not in _NON_STATES:
            counts[d.country] = counts.get(d.country, 0) + len(d.spans)
    return sorted(counts, key=lambda c: -counts[c])


def _apposed(linked: LinkedDocument, i: int) -> list[Token]:
    """Names apposed to the head, and names apposed to those: "son homologue burkinabè, le
    général Kassoum Coulibaly" -> Coulibaly."""
    out: list[Token] = []
    frontier = [i]
    for _ in range(2):
        nxt = []
        for k in frontier:
            for c in linked.children(k):
                if c.dep in {"appos", "flat", "flat:name", "compound", "nmod"} and (
                        c.dep != "nmod" or c.pos == "PROPN" and not _case(linked, c)):
                    out.append(c)
                    nxt.append(c.i)
        frontier = nxt
    return out


_ALLIES = frozenset({"ally", "allie", "proxy", "suppletif"})


def _genitive_chain(linked: LinkedDocument, i: int) -> list[Token]:
    """Names reached from the head through "de"/"of" complements and apposition, nearest first:
    "l'école de gendarmerie de Faladiè", "les rebelles du CSP" (not "une aide aux FAMa")."""
    out: list[Token] = []
    frontier = [i]
    for _ in range(3):
        nxt = []
        for k in frontier:
            ally = fold(linked.parse.tokens[k].lemma) in _ALLIES
            for c in linked.children(k):
                if ally and (c.dep in {"poss", "nmod:poss"} or _case(linked, c) in _OF):
                    continue  # "Israel's militia ally", « un allié de la France »: another party than its partner
                if c.dep in {"appos", "flat", "flat:name", "compound", "poss", "nmod:poss"} or (
                        c.dep in {"nmod", "pobj", "prep"} and _case(linked, c) in _OF):
                    if c.dep == "prep":
                        objs = [g for g in linked.children(c.i) if g.dep == "pobj"]
                        out.extend(objs)
                        nxt.extend(g.i for g in objs)
                        continue
                    out.append(c)
                    nxt.append(c.i)
        frontier = nxt
    return out


def _case(linked: LinkedDocument, t: Token) -> str:
    if t.dep == "prep":
        return t.lemma.lower()
    for c in linked.children(t.i):
        if c.dep == "case":
            return c.text.lower()
    return ""


def _phrase(linked: LinkedDocument, i: int) -> list[Token]:
    """The head's subtree without clauses or co-ordination, in text order, capped in length."""
    out = [linked.parse.tokens[i]]
    stack = [i]
    while stack and len(out) < _MAX_PHRASE:
        k = stack.pop()
        for c in linked.children(k):
            if c.dep in _CLAUSE or (k == i and c.dep in {"case", "mark"}):
                continue
            out.append(c)
            stack.append(c.i)
    return sorted(out, key=lambda t: t.i)


def _span(phrase: list[Token]) -> tuple[int, int]:
    return phrase[0].start, phrase[-1].end


def _phrase_text(linked: LinkedDocument, phrase: list[Token]) -> str:
    text = linked.parse.document.text
    return text[phrase[0].start:phrase[-1].end]
