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
    return _specified_subject(linked, i, out)


# « les groupes armés, particulièrement les islamistes, », "the militias, especially the rebels,":
# words that pick out part of the noun phrase before them
SPECIFIERS = frozenset({"particulièrement", "notamment", "surtout", "principalement", "spécialement",
                        "essentiellement", "especially", "particularly", "notably", "mainly", "chiefly"})


def _specifier(linked: LinkedDocument, i: int) -> int | None:
    """The index of a specifying adverb opening noun ``i`` right after a comma, or None."""
    tokens = linked.parse.tokens
    for c in linked.children(i):
        if c.i > i or c.dep not in {"advmod", "advmod:emph"}:
            continue
        word = c.text.lower()
        if word == "en":  # « en particulier »
            word = "particulièrement" if any(k.lemma.lower() == "particulier" for k in linked.children(c.i)) else ""
        if word in SPECIFIERS and c.i > 0 and tokens[c.i - 1].text == ",":
            return c.i
    return None


def true_subject(linked: LinkedDocument, k: int) -> int:
    """The subject a subject token ``k`` stands in for: itself, or the noun phrase it specifies."""
    t = linked.parse.tokens[k]
    if not t.dep.startswith("nsubj") or t.head == t.i:
        return k
    return next((a.head for a in arguments(linked, t.head) if a.role == "subj"), k)


def _specified_subject(linked: LinkedDocument, verb: int, out: list[Arg]) -> list[Arg]:
    """« Des centaines d'habitants en colère contre les groupes armés, en particulier les
    jihadistes, qui ... ont manifesté »: the parser takes the specified part for the subject and
    hangs the true subject, a bare noun phrase before it, as a modifier of the verb. The subject is
    that noun phrase; the specified part only names part of something inside it."""
    tokens = linked.parse.tokens
    for n, a in enumerate(out):
        if a.role != "subj" or tokens[a.head].pos not in {"NOUN", "PROPN"}:
            continue
        spec = _specifier(linked, a.head)
        if spec is None:
            continue
        bare = [b for b in out if b.role == "obl" and not b.case and b.head < spec
                and tokens[b.head].pos in {"NOUN", "PROPN"}
                and not any(k.dep in {"case", "mark"} for k in linked.children(b.head))]
        if bare:
            true = min(bare, key=lambda b: b.head)
            return [Arg("subj", "", true.head) if b is a else b for b in out if b is not true]
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
