"""The dependents of a word that can fill an event role, read from UD (French) or ClearNLP
(English) labels: subject, passive subject, object, indirect object, oblique with its
preposition, agent, possessive, modifier."""
from __future__ import annotations

from dataclasses import dataclass

from kibaru.link.linked import LinkedDocument
from kibaru.model import Token


@dataclass(frozen=True, slots=True)
class Arg:
    role: str  # subj, subjpass, obj, iobj, obl, agent, poss, amod
    case: str
    head: int


def arguments(linked: LinkedDocument, i: int) -> list[Arg]:
    out: list[Arg] = []
    for c in linked.children(i):
        dep = c.dep
        if dep in {"nsubj", "csubj"}:
            out.append(Arg("subj", "", c.i))
        elif dep in {"nsubj:pass", "nsubjpass"}:
            # "ils s'en sont pris": a pronominal verb with être is active, not passive
            reflexive = any(k.dep.startswith("expl") or "Reflex=Yes" in k.morph for k in linked.children(i))
            out.append(Arg("subj" if reflexive else "subjpass", "", c.i))
        elif dep in {"obj", "dobj", "attr"}:
            out.append(Arg("obj", "", c.i))
        elif dep == "dative" and c.pos == "ADP":  # "providing photographs to Macedonia"
            out += [Arg("obl", c.lemma.lower(), g.i) for g in linked.children(c.i) if g.dep == "pobj"]
        elif dep in {"iobj", "dative"}:
            out.append(Arg("iobj", "", c.i))
        elif dep == "obl:agent":
            out.append(Arg("agent", "par", c.i))
        elif dep.startswith("obl") or dep == "nmod" or dep == "npadvmod":
            out.append(Arg("obl", case_of(linked, c), c.i))
        elif dep in {"prep", "agent"}:
            objects = [g.i for g in linked.children(c.i) if g.dep == "pobj"] or _stranded_object(linked, c)
            out += [Arg("agent" if dep == "agent" else "obl", c.lemma.lower(), k) for k in objects]
        elif dep in {"poss", "nmod:poss"} or (dep == "det" and "Poss=Yes" in c.morph):
            out.append(Arg("poss", "", c.i))
        elif dep in {"amod", "compound"}:
            out.append(Arg("amod", "", c.i))
    return out


def case_of(linked: LinkedDocument, token: Token) -> str:
    for c in linked.children(token.i):
        if c.dep in {"case", "mark"}:
            text = c.text.lower()
            return {"au": "à", "aux": "à", "du": "de", "des": "de", "d'": "de", "d’": "de"}.get(text, c.lemma.lower())
    return ""


def _stranded_object(linked: LinkedDocument, prep: Token) -> list[int]:
    """"granted asylum to five officers holed up in a residence": the parser leaves the preposition
    without an object and makes the noun phrase after it the subject of the next clause; that
    noun phrase is the preposition's object."""
    tokens = linked.parse.tokens
    for t in tokens[prep.i + 1:prep.i + 8]:
        if t.sent != prep.sent:
            break
        if t.dep in {"nsubj", "nsubjpass"} and t.pos in {"NOUN", "PROPN"} \
                and _leftmost(linked, t.i) == prep.i + 1:
            return [t.i]
    return []


def _leftmost(linked: LinkedDocument, i: int) -> int:
    left = i
    for c in linked.children(i):
        if c.i < i and c.dep != "punct":
            left = min(left, _leftmost(linked, c.i))
    return left
