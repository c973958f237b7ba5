"""Unnamed organisations named only by their modifiers: "a human rights group", "the opposition
coalition", "a terror group based in Trinidad".

The head is a group-like word of ``data/organisation_words.tsv`` (kind ``head``). Its modifiers
(compounds, adjectives, "droits de l'homme") decide what it is:
  - a non-governmental cause ("human rights", "aid", kind ``ngo``) -> an NGO, coded to the state of a
    demonym on the phrase ("a Palestinian rights group") or else to PLOVER's ``NGO``;
  - a collective ("opposition", "rebel") or a word read as one ("terror" -> terrorist, kind ``as``)
    -> that collective, with the state of a demonym, a place it is "based in" / "in", or the
    document (as the collective's own rule says).
A head with none of these stays unresolved: "a group" alone names no party.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from kibaru.errors import DataError
from kibaru.link.collectives import Collective, collective
from kibaru.link.linked import LinkedDocument

_PATH = Path(__file__).parent / "data" / "organisation_words.tsv"
_KINDS = frozenset({"head", "ngo", "as", "member"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "flat", "npadvmod"})
_PLACE_TYPES = frozenset({"location", "country", "facility"})
_BASED = frozenset({"base", "baser", "établir", "implanter"})
_IN = frozenset({"in", "à", "au", "en", "dans"})


@dataclass(frozen=True, slots=True)
class _Words:
    heads: frozenset[str]
    ngo: frozenset[str]
    read_as: dict[str, str]
    members: frozenset[str]


def unnamed_organisation(linked: LinkedDocument, i: int) -> tuple[tuple[str, ...], str] | None:
    """(entity, why) for a group-like head named by its modifiers; None when it is not one."""
    words = _words(linked.lang)
    head = linked.parse.tokens[i]
    if head.lemma.lower() not in words.heads or i in linked.token_entity:
        return None
    modifiers = _modifiers(linked, i)
    if not modifiers:
        return None
    start, end = min(m.start for m in modifiers + [head]), max(m.end for m in modifiers + [head])
    text = " ".join(linked.parse.document.text[start:end].lower().replace("’", "'").split())
    for m in modifiers:
        lemma = m.lemma.lower()
        group = collective(linked.lang, words.read_as.get(lemma, lemma))
        if group is not None:
            state = _state(linked, i) or _document_state(linked, group)
            return (linked.implicit_group(group, state, (m.start, head.end)),), \
                f"unnamed {head.text!r} named by {m.text!r} -> {group.name}"
    cause = next((w for w in sorted(words.ngo, key=len, reverse=True) if f" {w} " in f" {text} "), None)
    if cause is None:
        return None
    name = linked.parse.document.text[start:end]
    group = Collective(head.lemma.lower(), "organization", "NGO", "none", name[:1].upper() + name[1:])
    state = _state(linked, i) or "NGO"
    return (linked.implicit_group(group, state, (start, end)),), \
        f"unnamed {head.text!r} named by {cause!r}: a non-governmental organisation ({state})"


def speaks_for_group(linked: LinkedDocument, i: int) -> bool:
    """"leaders", "spokesman", "membres": a head whose "of" phrase names the party that acts."""
    return linked.parse.tokens[i].lemma.lower() in _words(linked.lang).members


def _modifiers(linked: LinkedDocument, i: int) -> list:
    """Modifiers of the head and of its compounds, in text order ("human rights group")."""
    out = []
    frontier = [i]
    for _ in range(3):  # "groupe de défense des droits de l'homme"
        nxt = []
        for k in frontier:
            for c in linked.children(k):
                if c.dep in _MODIFIER_DEPS and c.i not in linked.token_entity:
                    out.append(c)
                    nxt.append(c.i)
        frontier = nxt
    return sorted(out, key=lambda t: t.i)


def _state(linked: LinkedDocument, i: int) -> str | None:
    """A demonym on the phrase ("a Palestinian group"), or the place it is based in or in."""
    named = [c for c in linked.children(i) if c.dep == "amod" and c.i in linked.token_entity]
    for c in _modifiers(linked, i) + named:  # "American" may be linked to its state already
        if iso := linked.kb.demonym(c.text, linked.lang):
            return iso
    tokens = linked.parse.tokens
    for c in linked.children(i):
        if c.dep in {"acl", "prep", "nmod"} and (c.lemma.lower() in _BASED or c.lemma.lower() in _IN):
            for k in range(c.i, min(len(tokens), c.i + 6)):
                eid = linked.token_entity.get(k)
                if eid and linked.entity_type(eid) in _PLACE_TYPES and linked.country_of(eid):
                    return linked.country_of(eid)
    return None


def _document_state(linked: LinkedDocument, group: Collective) -> str | None:
    if group.country != "document":
        return None
    states = linked.document_states()
    return states[0] if states else None


def _words(lang: str) -> _Words:
    return _table().get(lang, _Words(frozenset(), frozenset(), {}, frozenset()))


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, _Words]:
    heads: dict[str, set[str]] = {}
    ngo: dict[str, set[str]] = {}
    read_as: dict[str, dict[str, str]] = {}
    members: dict[str, set[str]] = {}
    for n, line in enumerate(_PATH.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 3 or parts[1] not in _KINDS or (parts[1] == "as") != (len(parts) == 4):
            raise DataError(f"{_PATH.name}:{n}: want lang, kind (head/ngo/as), word[, collective]: {line!r}")
        lang, kind, word = parts[:3]
        if kind == "head":
            heads.setdefault(lang, set()).add(word)
        elif kind == "ngo":
            ngo.setdefault(lang, set()).add(word)
        elif kind == "member":
            members.setdefault(lang, set()).add(word)
        else:
            read_as.setdefault(lang, {})[word] = parts[3]
    return {lang: _Words(frozenset(heads.get(lang, ())), frozenset(ngo.get(lang, ())), read_as.get(lang, {}),
                         frozenset(members.get(lang, ())))
            for lang in heads.keys() | ngo.keys() | read_as.keys() | members.keys()}
