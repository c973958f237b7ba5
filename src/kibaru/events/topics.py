"""Who is protested against or blamed, read from what the protest or blame is about.

A protest or an accusation names its target through the act it judges more often than directly:
"complained to the UN over two Israeli air raids" (the addressee is the UN, the one blamed Israel),
"denounced Serbia's suppression of the unrest", "investigating crimes committed by Croatian
extremists", "blocked streets in defiance of Chinese authorities", "a hunger strike in protest of
the government's refusal", « a manifesté en signe de protestation contre la décision de Paris ».

``judged_parties`` reads one noun of a judged act: its agent ("by X", "committed by X"), its
possessor ("X's policies"), the party the phrase itself names ("Israeli raids"), and for a stance
noun ("defiance", "protest", "disapproval"; ``lexicons/stance_nouns.txt``) the party behind its
complement. Places are never the party judged ("on the Thai border").
"""
from __future__ import annotations

from kibaru.events import wordlists
from kibaru.events.dependents import Arg, arguments
from kibaru.events.repairs import AGENT_PREPS
from kibaru.link.arguments import resolve_argument
from kibaru.link.linked import LinkedDocument

# what a protest or an accusation is about: "complained over", "protested against", "contre"
TOPIC_PREPS = frozenset({"over", "about", "against", "at", "into", "contre"})
# a stance noun's complement: "defiance of", "disapproval for", « protestation contre »
STANCE_PREPS = TOPIC_PREPS | {"of", "for", "de", "envers", "vis-à-vis"}
# to whom one complains: "complained to the UN", « a protesté auprès de l'ONU »
ADDRESSEE_PREPS = frozenset({"to", "à", "auprès", "with", "avec", "before", "devant"})
IN_PREPS = frozenset({"in", "en"})
_PLACES = frozenset({"location", "facility"})


def is_stance(linked: LinkedDocument, i: int) -> bool:
    return linked.parse.tokens[i].lemma.lower() in wordlists.nouns("stance")


def under_in(linked: LinkedDocument, i: int) -> bool:
    """"in protest of", "in defiance of", « en signe de protestation »: a stance noun that says why
    its clause's act was done."""
    tokens = linked.parse.tokens
    t = tokens[i]
    if t.dep == "pobj" and tokens[t.head].lemma.lower() in IN_PREPS:
        return True
    if t.dep == "nmod" and any(c.dep == "case" and c.text.lower() in IN_PREPS for c in linked.children(i)):
        return True
    # « en signe de protestation »
    if t.dep in {"nmod", "pobj"} and t.head != t.i and tokens[t.head].lemma.lower() in {"signe", "sign"}:
        return under_in(linked, t.head)
    return False


def _parties(linked: LinkedDocument, i: int, exclude: list[str]) -> tuple[str, ...]:
    ids, _ = resolve_argument(linked, i)
    return tuple(e for e in ids if linked.entity_type(e) not in _PLACES and e not in exclude)


def judged_parties(linked: LinkedDocument, noun: int, exclude: list[str], depth: int = 2) -> tuple[tuple[str, ...], str]:
    """The parties behind the judged act ``noun``: its agent, its possessor, the party its phrase
    names; through a stance noun's complement."""
    tokens = linked.parse.tokens
    args = arguments(linked, noun)
    agents = [a.head for a in args if a.role in {"agent", "obl"} and a.case in AGENT_PREPS]
    for c in linked.children(noun):  # "crimes committed by Croat forces"
        if c.dep == "acl" and c.pos == "VERB":
            agents += [a.head for a in arguments(linked, c.i) if a.role == "agent"
                       or (a.role == "obl" and a.case in AGENT_PREPS)]
    for k in agents:
        if ids := _parties(linked, k, exclude):
            return ids, f"the author of the judged act {tokens[noun].text!r}"
    for a in args:
        if a.role == "poss" and (ids := _parties(linked, a.head, exclude)):
            return ids, f"whose act is judged ({tokens[a.head].text!r} {tokens[noun].text!r})"
    if is_stance(linked, noun):
        if depth > 0:
            for a in args:
                if a.role == "obl" and a.case in STANCE_PREPS:
                    ids, rule = judged_parties(linked, a.head, exclude, depth - 1)
                    if ids:
                        return ids, f"{tokens[noun].text!r} {a.case} ...: {rule}"
        return (), ""
    if ids := _parties(linked, noun, exclude):
        return ids, f"the party the judged phrase names ({tokens[noun].text!r})"
    return (), ""


def topic_nouns(linked: LinkedDocument, head: int, pos: str, args: list[Arg]) -> list[int]:
    """The nouns saying what a protest or an accusation is about, nearest first."""
    tokens = linked.parse.tokens
    out: list[int] = []
    if pos == "VERB":
        out += [a.head for a in args if a.role == "obl" and a.case in TOPIC_PREPS]
        # "denounced as an ugly crime Serbia's suppression ...": the parser hangs the object on "as"
        for a in args:
            if a.role == "obl" and a.case == "as":
                out += [a.head] + [c.i for c in linked.children(a.head) if c.dep == "appos"]
        # "blocked a road to show their disapproval for X": a purpose clause's stance noun
        for c in linked.children(head):
            if c.dep.startswith("advcl") and any(m.dep in {"aux", "mark"} and m.lemma.lower() in {"to", "pour"}
                                                for m in linked.children(c.i)):
                out += [a.head for a in arguments(linked, c.i) if a.role == "obj" and is_stance(linked, a.head)]
        # "staged a hunger strike in protest against X": the stance hangs from the object
        for a in args:
            if a.role == "obj":
                out += [b.head for b in arguments(linked, a.head)
                        if b.role == "obl" and b.case in IN_PREPS and is_stance(linked, b.head)]
    else:
        preps = STANCE_PREPS if is_stance(linked, head) else TOPIC_PREPS
        if is_stance(linked, head) and not under_in(linked, head):
            preps = preps - {"of", "de"}  # "the protest of the workers": who protests
        out += [a.head for a in args if a.role == "obl" and a.case in preps]
    # "blocked streets in defiance of X", "a hunger strike in protest against X"
    out += [a.head for a in args if a.role == "obl" and a.case in IN_PREPS and is_stance(linked, a.head)]
    seen: list[int] = []
    for k in out:
        if k not in seen and tokens[k].pos in {"NOUN", "PROPN", "PRON", "ADJ", "NUM"}:
            seen.append(k)
    return seen
