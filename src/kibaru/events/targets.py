"""Recipient rules that read more than the trigger's own dependents; run after ``roles.fill_roles``.

  1. What the actor owns is not its recipient: "Syria will withdraw its troops", "urged its
     citizens": an unnamed group under a possessive pronoun belongs to the actor.
  2. A withdrawal falls on the state it leaves: "withdraw its troops from Lebanon" -> Lebanon,
     "retirer ses troupes du Mali" -> Mali (a city's state for a city).
  3. Relations are with the state whose capital is named: "opened an embassy in Tehran",
     "established ties with Tehran" -> Iran. The nouns are in ``data/relation_nouns.txt``.
  4. Refuge or asylum is asked of the host: "sought refuge in Germany" -> Germany.
  5. Mediation is between the parties named after "between"/"among"/"entre" ("mediated between
     Israel and Hamas"), who are recipients, not actors.
"""
from __future__ import annotations

from kibaru.events import wordlists
from kibaru.link.arguments import resolve_argument
from kibaru.link.collectives import collective
from kibaru.link.linked import LinkedDocument

_OWNER_PRONOUNS = frozenset({"its", "their", "his", "her", "son", "sa", "ses", "leur", "leurs"})
_FROM = frozenset({"from", "de", "du", "des", "d'", "d’"})
_WITHDRAW_TYPES = frozenset({"RETREAT"})
_RELATION_TYPES = frozenset({"SUPPORT", "SANCTION", "AGREE", "COOPERATE", "CONSULT"})
_RELATION_PREPS = frozenset({"with", "in", "to", "avec", "à", "au", "en", "auprès"})
_HOST_PREPS = frozenset({"in", "to", "into", "en", "à", "au", "aux", "dans", "vers"})
_BETWEEN = frozenset({"between", "among", "amongst", "entre"})
_PLACES = frozenset({"location", "facility", "country"})


def refine_recipients(linked: LinkedDocument, head: int, entry, actor: list[str],
                      recipient: list[str], why: list[str]) -> tuple[list[str], list[str]]:
    """Apply rules 1-5 to one trigger's roles; returns the new actor and recipient lists."""
    event_type = entry.type
    owned = _owned_objects(linked, head)
    if owned:
        before = list(recipient)
        recipient = [r for r in recipient if r not in owned]
        if before != recipient:
            why.append("recipient: dropped what the actor owns (possessive on an unnamed group)")
    if not recipient and event_type in _WITHDRAW_TYPES:
        _add_places(linked, _dependents(linked, head, _FROM, with_objects=True), recipient, actor, why,
                    "recipient<-state the withdrawal leaves")
    if not recipient and event_type in _RELATION_TYPES:
        _add_places(linked, _relation_places(linked, head), recipient, actor, why,
                    "recipient<-state named with a relations noun (ties, embassy)")
    if not recipient and event_type == "REQUEST" and "asylum" in entry.context:
        _add_places(linked, _dependents(linked, head, _HOST_PREPS, with_objects=True), recipient, actor, why,
                    "recipient<-host asked for refuge")
    if event_type == "CONSULT" and entry.mode == "third-party":
        actor, recipient = _mediated(linked, head, actor, recipient, why)
    return actor, recipient


def _owned_objects(linked: LinkedDocument, head: int) -> set[str]:
    out: set[str] = set()
    for c in linked.children(head):
        if c.dep not in {"obj", "dobj"} or c.i in linked.token_entity:
            continue
        if collective(linked.lang, c.lemma.lower()) is None:
            continue
        if any(k.dep in {"poss", "nmod:poss", "det"} and k.text.lower() in _OWNER_PRONOUNS
               for k in linked.children(c.i)):
            ids, _ = resolve_argument(linked, c.i)
            out.update(ids)
    return out


def _dependents(linked: LinkedDocument, head: int, preps: frozenset[str], with_objects: bool) -> list[int]:
    """Heads of prepositional phrases with one of ``preps`` on the trigger (and on its object)."""
    owners = [head]
    if with_objects:
        owners += [c.i for c in linked.children(head) if c.dep in {"obj", "dobj"}]
        # "the withdrawal of some forces from Panama": the phrase hangs from the "of" complement
        owners += [g.i for c in linked.children(head) if c.dep == "prep" and c.lemma.lower() in {"of", "de"}
                   for g in linked.children(c.i) if g.dep == "pobj"]
        owners += [c.i for c in linked.children(head) if c.dep == "nmod" and _case_word(linked, c.i) in _FROM]
    out = []
    for k in owners:
        for c in linked.children(k):
            if c.dep == "prep" and c.lemma.lower() in preps:
                out += [g.i for g in linked.children(c.i) if g.dep == "pobj"]
            elif (c.dep.startswith("obl") or c.dep == "nmod") and _case_word(linked, c.i) in preps:
                out.append(c.i)
    return out


def _case_word(linked: LinkedDocument, i: int) -> str:
    for c in linked.children(i):
        if c.dep == "case":
            return c.text.lower()
    return ""


def _relation_places(linked: LinkedDocument, head: int) -> list[int]:
    """"established ties with and opened an embassy in Tehran": the trigger's words, its object,
    and the objects of verbs co-ordinated with it, when they are relations nouns."""
    relations = wordlists.nouns("relation")
    tokens = linked.parse.tokens
    verbs = [head] + [c.i for c in linked.children(head) if c.dep == "conj" and c.pos == "VERB"]
    candidates = [head] + [c.i for v in verbs for c in linked.children(v) if c.dep in {"obj", "dobj"}]
    out = []
    for k in candidates:
        if tokens[k].lemma.lower() not in relations:
            continue
        out += _dependents(linked, k, _RELATION_PREPS, with_objects=False)
    return out


def _add_places(linked: LinkedDocument, heads: list[int], recipient: list[str], actor: list[str],
                why: list[str], label: str) -> None:
    tokens = linked.parse.tokens
    for k in heads:
        ids, _ = resolve_argument(linked, k)
        for eid in ids:
            if linked.entity_type(eid) not in _PLACES or not linked.country_of(eid):
                continue
            state = eid if linked.entity_type(eid) == "country" else \
                linked.implicit_state(linked.country_of(eid), f"state of {tokens[k].text!r}")
            if state and state not in actor and state not in recipient and \
                    not any(linked.country_of(a) == linked.country_of(state) for a in actor):
                recipient.append(state)
                why.append(f"{label} {tokens[k].text!r}")


def _mediated(linked: LinkedDocument, head: int, actor: list[str], recipient: list[str],
              why: list[str]) -> tuple[list[str], list[str]]:
    """"X mediated between A and B": A and B are recipients even when the parse hangs them elsewhere."""
    tokens = linked.parse.tokens
    owners = [head]
    if tokens[head].dep == "compound":  # "a mediation mission between ..."
        owners.append(tokens[head].head)
    if tokens[head].dep in {"dobj", "obj"}:  # "undertook mediation between ..."
        owners.append(tokens[head].head)
    parties: list[str] = []
    for k in _dependents(linked, owners[0], _BETWEEN, False) + [
            x for o in owners[1:] for x in _dependents(linked, o, _BETWEEN, False)]:
        ids, _ = resolve_argument(linked, k)
        parties += [e for e in ids if e not in parties]
    if not parties or (set(parties) <= set(recipient) and not set(parties) & set(actor)):
        return actor, recipient
    actor = [a for a in actor if a not in parties]
    recipient = recipient + [p for p in parties if p not in recipient]
    why.append("recipient<-the parties mediated between")
    return actor, recipient
