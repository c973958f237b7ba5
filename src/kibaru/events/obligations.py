"""Demands told as obligations: "Russia said Sudan must return the helicopter", "Chirac reminded
Iraq that it must cooperate", « Paris a déclaré que Bamako doit ... ». PLOVER codes one REQUEST
from the speaker to the one who must act; the obliged action is its content, not an event."""
from __future__ import annotations

from dataclasses import dataclass

from kibaru.link.linked import LinkedDocument
from kibaru.model import Token

_SUBJ = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})


@dataclass(frozen=True, slots=True)
class Obligation:
    modal: int  # the "must"/"doit" token: the trigger
    clause: int  # the verb of the obliged action
    obliged: int | None  # its subject
    speaker: int | None  # the subject of the reporting verb
    addressee: int | None  # "reminded Iraq that ...", "issued a reminder to Iraq that ..."


def find_obligations(linked: LinkedDocument, cues) -> list[Obligation]:
    tokens = linked.parse.tokens
    out = []
    for t in tokens:
        if "obligation" not in cues.kinds(t.lemma.lower()):
            continue
        clause = tokens[t.head] if t.dep.startswith("aux") else t
        if clause.dep not in {"ccomp", "acl", "xcomp", "parataxis"}:
            continue
        reporting = _reporting_verb(linked, clause)
        if reporting is None:
            continue
        speaker = _child(linked, reporting.i, _SUBJ)
        if speaker is None:
            continue
        out.append(Obligation(t.i, clause.i, _child(linked, clause.i, _SUBJ), speaker,
                              _addressee(linked, reporting.i)))
    return out


def _reporting_verb(linked: LinkedDocument, clause: Token) -> Token | None:
    """The verb above the clause that reports it, through a reporting noun ("a reminder that")."""
    tokens = linked.parse.tokens
    t = clause
    for _ in range(3):
        if t.head == t.i:
            return None
        t = tokens[t.head]
        if t.pos in {"VERB", "AUX"} and _child(linked, t.i, _SUBJ) is not None:
            return t
    return None


def _child(linked: LinkedDocument, i: int, deps: frozenset[str]) -> int | None:
    return next((c.i for c in linked.children(i) if c.dep in deps), None)


def _addressee(linked: LinkedDocument, verb: int) -> int | None:
    """"reminded Iraq that ...", "issued a stern reminder to Iraq that ...": the object, unless it
    is the reporting noun itself (a "reminder", « un avertissement ») and a "to X" names the addressee."""
    tokens = linked.parse.tokens
    reporting = None
    for c in linked.children(verb):
        if c.dep in {"dobj", "obj", "iobj", "dative"} and c.pos in {"PROPN", "NOUN"}:
            if c.i in linked.token_entity or not any(k.dep in {"acl", "ccomp"} for k in linked.children(c.i)):
                return c.i
            reporting = c.i
    for c in linked.children(verb):  # "issued a stern reminder Saturday to Iraq"
        for g in (c, *linked.children(c.i)):
            if g.dep in {"prep", "dative"} and g.lemma.lower() in {"to", "à"}:
                obj = next((x for x in linked.children(g.i) if x.dep == "pobj"), None)
                if obj is not None and tokens[obj.i].pos in {"PROPN", "NOUN"}:
                    return obj.i
    return reporting
