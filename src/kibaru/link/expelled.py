"""People described as sent out of a state belong to that state, when nothing else names theirs.

"Benin opened its borders to most West Africans ordered out of Nigeria": "West Africans" names no
state, and the participle says where they lived; coders put them in Nigeria. The participle's lemma
is one of ``data/expulsion_verbs.txt``, and the state is the one its "out of"/"from"/"de" complement
names. A head that is a state's demonym ("Malians expelled from Algeria") keeps that state.
"""
from __future__ import annotations

from kibaru.link.collectives import Collective, collective
from kibaru.link.linked import LinkedDocument
from kibaru.link.wordlists import folded_words

_PARTICIPLE_DEPS = frozenset({"acl", "acl:relcl", "relcl", "amod"})
_FROM = frozenset({"out", "of", "from", "de", "du", "des", "d'", "d’", "hors"})
_PLACES = frozenset({"location", "country", "facility"})
_PEOPLE_POS = frozenset({"NOUN", "PROPN"})


def expelled_from(linked: LinkedDocument, i: int) -> tuple[tuple[str, ...], str] | None:
    """(group entity, why) for people whose participle sends them out of a named state."""
    head = linked.parse.tokens[i]
    if head.pos not in _PEOPLE_POS or linked.kb.demonym(head.text, linked.lang):
        return None
    for c in linked.children(i):
        if c.dep not in _PARTICIPLE_DEPS or c.lemma.lower() not in _verbs():
            continue
        iso = _source_state(linked, c.i)
        if iso:
            group = collective(linked.lang, head.lemma.lower()) or Collective(
                head.lemma.lower(), "organization", "CVL", "document", head.text[:1].upper() + head.text[1:])
            return (linked.implicit_group(group, iso, (head.start, head.end)),), \
                f"{head.text!r} {c.text} out of {iso}: that state's people"
    return None


def _source_state(linked: LinkedDocument, verb: int) -> str | None:
    """The state of the place in the participle's "out of"/"from"/"de" complement."""
    stack = [c for c in linked.children(verb) if c.dep in {"prep", "advmod", "obl", "obl:mod", "nmod"}]
    while stack:
        c = stack.pop()
        if c.dep in {"prep", "advmod"}:  # English "out" -> "of" -> Nigeria
            if c.lemma.lower() in _FROM:
                stack.extend(g for g in linked.children(c.i) if g.dep in {"prep", "pobj"})
            continue
        if c.dep != "pobj" and not any(g.dep == "case" and g.text.lower() in _FROM for g in linked.children(c.i)):
            continue
        eid = linked.token_entity.get(c.i)
        if eid and linked.entity_type(eid) in _PLACES and (iso := linked.country_of(eid)) and len(iso) == 3:
            return iso
    return None


def _verbs() -> frozenset[str]:
    return folded_words("expulsion_verbs.txt")
