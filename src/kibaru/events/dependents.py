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
        elif dep in {"iobj", "dative"}:
            out.append(Arg("iobj", "", c.i))
        elif dep == "obl:agent":
            out.append(Arg("agent", "par", c.i))
        elif dep.startswith("obl") or dep == "nmod" or dep == "npadvmod":
            out.append(Arg("obl", case_of(linked, c), c.i))
        elif dep in {"prep", "agent"}:
            for g in linked.children(c.i):
                if g.dep == "pobj":
                    out.append(Arg("agent" if dep == "agent" else "obl", c.lemma.lower(), g.i))
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
