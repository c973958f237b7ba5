"""People named by a demonym who live in another state belong to the state they live in.

"the Albanians of southern Serbia", "ethnic Albanians in south Serbia" and "up to 100 ethnic
Albanians demonstrated in Serbia" are Serbia's Albanians: coders put them in Serbia, not Albania.
Two rules, tried in order on an argument whose head is a demonym ("Albanians") or carries one
("ethnic Albanian guerrillas"):
  1. a place or state in the head's own "in/of/de/en" complement, when its state differs;
  2. for an ethnic minority ("ethnic", "de souche": ``data/minority_words.txt``) with no such
     complement, the nearest other state named in the sentence ("ethnic Turks ... Sweden's
     decision"), since a minority is by definition not in the state its demonym names.
"""
from __future__ import annotations

from kibaru.link.collectives import Collective, collective
from kibaru.link.fold import fold
from kibaru.link.linked import LinkedDocument
from kibaru.link.wordlists import folded_words
from kibaru.model import Token

_IN = frozenset({"in", "of", "de", "du", "des", "en", "au", "aux", "dans"})
_PLACES = frozenset({"location", "country", "facility"})
_PEOPLE_POS = frozenset({"NOUN", "PROPN"})


def resident_state(linked: LinkedDocument, i: int) -> tuple[tuple[str, ...], str] | None:
    """The state where the people the head names live, when it is not the state of their demonym."""
    head = linked.parse.tokens[i]
    origin, marker = _demonym(linked, head)
    if origin is None:
        return None
    for c in linked.children(i):
        iso = _complement_state(linked, c)
        if iso and iso != origin:
            return _party(linked, head, iso, f"{head.text!r} live in {iso} (in/of complement), not {origin}")
    if not _minority(linked, head, marker):
        return None
    iso = _nearest_other_state(linked, head, origin)
    if iso is None:
        return None
    return _party(linked, head, iso, f"ethnic minority {head.text!r}: the sentence's state {iso}, not {origin}")


def _demonym(linked: LinkedDocument, head: Token) -> tuple[str | None, Token | None]:
    """The state a demonym on the head names: the head itself ("Albanians"), else an adjective on
    it ("ethnic Albanian guerrillas"), with the token that carries the demonym."""
    if head.pos in _PEOPLE_POS and (iso := linked.kb.demonym(head.text, linked.lang)):
        return iso, head
    for c in linked.children(head.i):
        if c.dep in {"amod", "compound", "nmod"} and (iso := linked.kb.demonym(c.text, linked.lang)):
            return iso, c
    return None, None


def _minority(linked: LinkedDocument, head: Token, marker: Token) -> bool:
    words = _minority_words()
    near = linked.children(head.i) + (linked.children(marker.i) if marker.i != head.i else [])
    return any(fold(t.text) in words for t in near)


def _complement_state(linked: LinkedDocument, c: Token) -> str | None:
    if c.dep == "prep" and c.lemma.lower() in _IN:
        place = next((g for g in linked.children(c.i) if g.dep == "pobj"), None)
    elif c.dep in {"nmod", "obl"} and any(g.dep == "case" and g.text.lower() in _IN for g in linked.children(c.i)):
        place = c
    else:
        return None
    if place is None:
        return None
    eid = linked.token_entity.get(place.i)
    if eid is None:  # "southern Serbia": the name is a modifier of the object
        eid = next((linked.token_entity[g.i] for g in linked.children(place.i) if g.i in linked.token_entity), None)
    if eid and linked.entity_type(eid) in _PLACES:
        return linked.country_of(eid)
    return None


def _nearest_other_state(linked: LinkedDocument, head: Token, origin: str) -> str | None:
    sentence = linked.parse.sentences[head.sent]
    best: tuple[int, str] | None = None
    for t in linked.parse.tokens[sentence.first:sentence.last]:
        eid = linked.token_entity.get(t.i)
        if not eid or linked.entity_type(eid) not in _PLACES:
            continue
        iso = linked.country_of(eid)
        if iso and iso != origin and len(iso) == 3 and (best is None or abs(t.i - head.i) < best[0]):
            best = (abs(t.i - head.i), iso)
    return best[1] if best else None


def _party(linked: LinkedDocument, head: Token, iso: str, why: str) -> tuple[tuple[str, ...], str] | None:
    """An unnamed group ("ethnic Albanian guerrillas") keeps its kind; people named by their
    demonym are a civilian group of that state, not the state itself (their protest is not a
    state's diplomatic protest)."""
    group = collective(linked.lang, head.lemma.lower()) or Collective(
        head.lemma.lower(), "organization", "CVL", "document", head.text[:1].upper() + head.text[1:])
    return (linked.implicit_group(group, iso, (head.start, head.end)),), why


def _minority_words() -> frozenset[str]:
    return folded_words("minority_words.txt")
