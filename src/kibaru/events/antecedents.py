"""Who a pronoun or an anaphor stands for: "il", "ils", "ce dernier", "son pays", "the latter".

A subject pronoun inside a reported clause is the speaker ("Syria says it is willing"); "son pays"
is the speaker's state; "ce dernier" is the nearest noun phrase naming a party; other pronouns
take the subject of the sentence before (or earlier in theirs) that agrees in number, else the
nearest agreeing noun phrase, else the last actor.
"""
from __future__ import annotations

from kibaru.events.dependents import true_subject
from kibaru.link.arguments import resolve_argument
from kibaru.link.linked import LinkedDocument
from kibaru.model import Token


class Memory:
    """What earlier events and mentions said, for pronouns and "la même source"."""

    def __init__(self) -> None:
        self.actors: list[tuple[int, str]] = []  # (char offset, entity id)
        self.sources: list[tuple[int, object]] = []
        self.perpetrators: list[tuple[int, tuple[str, ...]]] = []  # (char offset, actors of an attack)

    def remember_perpetrators(self, offset: int, ids: tuple[str, ...]) -> None:
        if ids:
            self.perpetrators.append((offset, ids))

    def perpetrator(self, linked: LinkedDocument, i: int) -> tuple[tuple[str, ...], str]:
        """« les auteurs de ces exactions »: the actors of the last attack told before token i."""
        start = linked.parse.tokens[i].start
        before = [ids for off, ids in self.perpetrators if off < start]
        if not before:
            return (), ""
        return before[-1], f"{linked.parse.tokens[i].text!r} -> the authors of the last attack told before"

    def remember_actors(self, offset: int, ids: tuple[str, ...]) -> None:
        for eid in ids:
            self.actors.append((offset, eid))

    def antecedent(self, linked: LinkedDocument, i: int) -> tuple[tuple[str, ...], str]:
        token = linked.parse.tokens[i]
        wants_country = token.lemma.lower() in {"pays", "country"}
        if token.lemma.lower() in {"dernier", "dernière", "latter"}:
            return _last_referent(linked, i)
        if wants_country and (speaker := _matrix_subject(linked, i)) is not None:
            ids, _ = resolve_argument(linked, speaker)
            iso = linked.country_of(ids[0]) if ids else None
            state = linked.implicit_state(iso, "his or her country") if iso else None
            if state:
                return (state,), f"'{token.text}' -> country of the speaker {linked.parse.tokens[speaker].text!r}"
        if token.text.lower() in _RELATIVES and _relative(linked, i):
            return (), ""  # "a truce that is backed by X": a relative pronoun stands for its noun, no one else
        if token.pos == "PRON" and token.dep.startswith("nsubj") and (speaker := _matrix_subject(linked, i)) is not None \
                and linked.parse.tokens[speaker].pos != "PRON" and not in_quotation(linked, i):
            # "“They attacked at dawn,” the senator said": in direct speech the speaker says "I"
            ids, rule = resolve_argument(linked, speaker)
            if ids:
                return ids, f"pronoun {token.text!r} -> the speaker {linked.parse.tokens[speaker].text!r}"
        if token.pos == "PRON" and not wants_country:
            ids, rule = _pronoun_antecedent(linked, i)
            if ids:
                return ids, rule
        before = [eid for off, eid in self.actors if off < token.start]
        if not before:
            before = [linked.token_entity[t.i] for t in linked.parse.tokens[:i]
                      if t.i in linked.token_entity and linked.entity_type(linked.token_entity[t.i])
                      in {"person", "country", "organization", "armed_group", "igo"}]
        if token.text.lower() in _NEUTER:
            before = [eid for eid in before if linked.entity_type(eid) != "person"]
        if not before:
            return (), ""
        eid = before[-1]
        if wants_country:
            iso = linked.country_of(eid)
            state = linked.implicit_state(iso, "his or her country") if iso else None
            return ((state,), f"'{token.text}' -> country of {eid}") if state else ((), "")
        return (eid,), f"pronoun {token.text!r} -> last actor"


_RELATIVES = frozenset({"that", "which", "who", "whom", "qui", "que", "lequel", "laquelle"})
_OPENING = {"“": "”", "«": "»"}


def _relative(linked: LinkedDocument, i: int) -> bool:
    """"that" in "a truce that is backed": a pronoun heading (or inside) a relative clause."""
    t = linked.parse.tokens[i]
    if "PronType=Rel" in t.morph:
        return True
    verb = linked.parse.tokens[t.head]
    return t.head != t.i and verb.dep in {"acl:relcl", "relcl"} and t.i < verb.i


def in_quotation(linked: LinkedDocument, i: int) -> bool:
    """Whether token i stands inside quotation marks opened earlier in its paragraph."""
    text = linked.parse.document.text
    at = linked.parse.tokens[i].start
    start = text.rfind("\n", 0, at) + 1
    before = text[start:at]
    for opening, closing in _OPENING.items():
        if before.count(opening) > before.count(closing):
            return True
    return before.count('"') % 2 == 1


def _matrix_subject(linked: LinkedDocument, i: int) -> int | None:
    """"Lavrov a réaffirmé que son pays ...": the subject of a verb above the clause of token i."""
    tokens = linked.parse.tokens
    t = tokens[i]
    seen_clause = False
    for _ in range(8):
        if t.head == t.i:
            return None
        if t.dep in {"ccomp", "xcomp", "advcl", "parataxis"} or t.dep.startswith("advcl"):
            seen_clause = True
        t = tokens[t.head]
        if seen_clause and t.pos in {"VERB", "AUX"}:
            for c in linked.children(t.i):
                if c.dep in {"nsubj", "nsubj:pass"}:
                    return c.i
    return None


_NOT_ACTORS = frozenset({"location", "facility", "equipment"})


def _number(t: Token) -> str:
    for feat in t.morph.split("|"):
        if feat.startswith("Number="):
            return feat[7:]
    return {"they": "Plur", "them": "Plur", "their": "Plur", "he": "Sing", "she": "Sing", "him": "Sing",
            "her": "Sing", "it": "Sing", "its": "Sing"}.get(t.text.lower(), "")


def _pronoun_antecedent(linked: LinkedDocument, i: int) -> tuple[tuple[str, ...], str]:
    """A personal pronoun: the subject of the sentence before (or earlier in this one) that
    agrees in number, else the nearest agreeing noun phrase that names a party."""
    tokens = linked.parse.tokens
    pron = tokens[i]
    number = _number(pron)
    verb = tokens[pron.head]
    if pron.dep.startswith("nsubj"):  # "Il s'en sont pris": the verb's agreement decides
        number = next((_number(a) for a in linked.children(verb.i) if a.dep.startswith("aux") and _number(a)),
                      _number(verb) or number)
    first = linked.parse.sentences[max(0, pron.sent - 1)].first
    window = list(range(i - 1, first - 1, -1))
    subjects = [true_subject(linked, k) for k in window if tokens[k].dep.startswith("nsubj") and k != i]
    others = [k for k in window if tokens[k].pos in {"NOUN", "PROPN"} and k not in subjects
              and tokens[k].dep not in {"flat", "flat:name", "compound"}]
    for k in subjects + others:
        t = tokens[k]
        if t.pos == "PRON":
            continue
        if not pron.dep.startswith("nsubj") and t.head == pron.head and t.dep.startswith("nsubj"):
            continue  # "les opposants l'accusent": an object pronoun is not its verb's subject
        joined = any(c.dep == "conj" for c in linked.children(k))  # "Ghana and Togo" are plural
        if number and _number(t) and (_number(t) != number and not (joined and number == "Plur")):
            continue
        ids, rule = resolve_argument(linked, k)
        ids = tuple(e for e in ids if linked.entity_type(e) not in _NOT_ACTORS
                    and not (pron.text.lower() in _NEUTER and linked.entity_type(e) == "person"))
        if ids:
            # "leaders from Ghana and Togo ... they": a plural pronoun takes every co-ordinated party
            return (ids if number == "Plur" else ids[:1]), f"pronoun {pron.text!r} -> {rule}"
    if number == "Plur" and pron.text.lower() in _NOTIONAL_PLURALS:
        # "The group said ... They called on China": English refers to a body by "they"; with no
        # plural party before, the nearest subject naming an organisation or an IGO
        for k in subjects:
            if tokens[k].pos == "PRON" or _number(tokens[k]) != "Sing":
                continue
            ids, rule = resolve_argument(linked, k)
            if ids and all(linked.entity_type(e) in _BODIES for e in ids):
                return ids[:1], f"pronoun {pron.text!r} -> the body {rule}"
    return (), ""


_NOTIONAL_PLURALS = frozenset({"they", "them", "their"})
_NEUTER = frozenset({"it", "its"})  # "it" is never a person
_BODIES = frozenset({"igo", "organization", "armed_group"})


def _last_referent(linked: LinkedDocument, i: int) -> tuple[tuple[str, ...], str]:
    """"ce dernier" / "the latter": the nearest noun phrase before it that names a party."""
    tokens = linked.parse.tokens
    first = linked.parse.sentences[max(0, tokens[i].sent - 1)].first
    for k in range(i - 1, first - 1, -1):
        t = tokens[k]
        if t.pos not in {"NOUN", "PROPN"} or t.dep in {"flat", "flat:name", "compound"}:
            continue
        ids, rule = resolve_argument(linked, k)
        ids = tuple(e for e in ids if linked.entity_type(e) not in {"location", "facility", "equipment"})
        if ids:
            return ids[:1], f"'{tokens[i].text}' -> {rule}"
    return (), ""
