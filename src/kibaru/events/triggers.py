"""Find event triggers in a parse: lexicon lemmas (verbs, nouns) and multi-word expressions."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from kibaru.model import Parse, Token

_LEXICONS = Path(__file__).parent / "lexicons"
_VERBAL = frozenset({"VERB", "AUX", "ADJ"})  # participles are often tagged ADJ ("accusé de")
_NOMINAL = frozenset({"NOUN", "PROPN"})
_MWE_GAP = 3  # tokens allowed between two lemmas of a multi-word trigger
_SKIPPABLE = frozenset({"DET", "ADP", "ADV", "PUNCT", "PRON", "AUX", "PART"})


@dataclass(frozen=True, slots=True)
class TriggerHit:
    head: int  # token index the roles hang from
    tokens: tuple[int, ...]
    entry: object  # the lexicon's Trigger
    pos: str  # VERB or NOUN: how the roles are read


def find_triggers(parse: Parse, lexicon, children) -> list[TriggerHit]:
    """Every trigger in the document, longest multi-word match first, one per head token."""
    tokens = parse.tokens
    lemmas = [t.lemma.lower() for t in tokens]
    hits: dict[int, TriggerHit] = {}
    used: set[int] = set()
    for t in tokens:
        for entry in lexicon.mwes_starting_with(lemmas[t.i]):
            span = _match_mwe(tokens, lemmas, t.i, entry.lemmas)
            if span and not used.intersection(span) and _requires_ok(entry, tokens[span[0]], children):
                head = _mwe_head(tokens, span)
                # "throwing stones" acts as a verb, "human shields" as a noun: the head's part of speech
                pos_of = tokens[head].pos if tokens[head].pos in _VERBAL | _NOMINAL else tokens[span[0]].pos
                hits[head] = TriggerHit(head, span, entry, "VERB" if pos_of in _VERBAL else "NOUN")
                used.update(span)
                break
    for t in tokens:
        if t.i in used:
            continue
        pos = "VERB" if t.pos in _VERBAL else "NOUN" if t.pos in _NOMINAL else None
        if pos is None:
            continue
        for entry in lexicon.by_lemma(lemmas[t.i]):
            if entry.pos == "MWE" or entry.pos != pos:
                continue
            if _requires_ok(entry, t, children):
                hits[t.i] = TriggerHit(t.i, (t.i,), entry, pos)
                break
    return [hits[i] for i in sorted(hits)]


def _match_mwe(tokens: tuple[Token, ...], lemmas: list[str], i: int, wanted: tuple[str, ...]) -> tuple[int, ...] | None:
    span = [i]
    j = i
    for lemma in wanted[1:]:
        for k in range(j + 1, min(len(tokens), j + 2 + _MWE_GAP)):
            if lemmas[k] == lemma or tokens[k].text.lower() == lemma:
                span.append(k)
                j = k
                break
            if tokens[k].pos not in _SKIPPABLE:
                return None
        else:
            return None
    if any(tokens[k].sent != tokens[i].sent for k in span):
        return None
    return tuple(span)


def _mwe_head(tokens: tuple[Token, ...], span: tuple[int, ...]) -> int:
    """The token of the span whose head lies outside it (the syntactic head), else the first."""
    inside = set(span)
    for k in span:
        if tokens[k].head not in inside or tokens[k].head == k:
            return k
    return span[0]


def _requires_ok(entry, token: Token, children) -> bool:
    """Light verbs trigger only with the object, preposition, subject or clitic their entry names."""
    kids = children(token.i)
    for req in entry.requires:
        wanted = set(req.values)
        if req.kind == "obj":
            deps = {"obj", "dobj", "nsubj:pass", "nsubjpass", "attr", "oprd"} if token.pos != "NOUN" else {"nmod", "prep"}
            objs = [c for c in kids if c.dep in deps]
            objs += [g for c in objs for g in children(c.i) if g.dep == "conj"]  # "aid and intelligence"
            if not any(_arg_lemmas(c, children) & wanted for c in objs):
                return False
        elif req.kind == "prep":
            if not any(_case_of(c, children) in wanted for c in kids):
                return False
        elif req.kind == "pobj":
            # "agree with the U.S. proposal": the noun a preposition introduces
            preps = set(entry.requirement("prep").values) if entry.requirement("prep") else None
            args = [c for c in kids if (case := _case_of(c, children)) and (preps is None or case in preps)]
            if not any(_arg_lemmas(c, children) & wanted for c in args):
                return False
        elif req.kind == "subj":
            subjects = [c for c in kids if c.dep.startswith("nsubj")]
            if not subjects and token.dep == "xcomp" and token.head != token.i:
                # "forces could be seen surrounding the hotel": the controlling verb's subject
                subjects = [c for c in children(token.head) if c.dep.startswith("nsubj")]
            if not any(c.lemma.lower() in wanted for c in subjects):
                return False
        elif req.kind == "refl":
            if not any("Reflex=Yes" in c.morph or c.lemma.lower() in {"se", "soi", "oneself"} or
                       c.text.lower() in {"s'", "s’", "se"} for c in kids):
                return False
        elif req.kind == "noobj":
            if any(c.dep in {"obj", "dobj"} and not _when(c) for c in kids):
                return False
        elif req.kind == "clitic":
            if not any(c.text.lower() in wanted for c in kids):
                return False
    return True


_DAY_WORDS = frozenset({"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "jour", "matin",
                        "soir", "semaine", "week-end", "monday", "tuesday", "wednesday", "thursday",
                        "friday", "saturday", "sunday", "day", "morning", "evening", "week", "weekend"})


def _when(token: Token) -> bool:
    """A date the parser reads as an object: « ont manifesté samedi », "marched Sunday"."""
    return token.ent_label in {"DATE", "TIME"} or token.lemma.lower() in _DAY_WORDS


def _arg_lemmas(token: Token, children) -> set[str]:
    """The lemma of an argument, and of its object when it is an English preposition."""
    out = {token.lemma.lower()}
    if token.dep == "prep":
        out |= {g.lemma.lower() for g in children(token.i) if g.dep == "pobj"}
    if token.lemma.lower() in partitives():
        # "suspended part of a military aid program": the part's whole is what is suspended
        for c in children(token.i):
            if c.dep == "prep" and c.lemma.lower() == "of":
                out |= {g.lemma.lower() for g in children(c.i) if g.dep == "pobj"}
            elif c.dep == "nmod" and _case_of(c, children) == "de":
                out.add(c.lemma.lower())
    return out


@functools.lru_cache(maxsize=1)
def partitives() -> frozenset[str]:
    """Lemmas naming a part of what follows "of"/"de" (``lexicons/partitives.txt``)."""
    lines = (_LEXICONS / "partitives.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


_CONTRACTED = {"au": "à", "aux": "à", "du": "de", "des": "de", "d'": "de", "d’": "de"}


def _case_of(token: Token, children) -> str:
    """The preposition of a nominal argument: its `case` child (UD French) or itself (English)."""
    for c in children(token.i):
        if c.dep in {"case", "mark"}:
            # "appelé au calme": a contracted article is its preposition
            return _CONTRACTED.get(c.text.lower(), c.lemma.lower())
    if token.dep in {"prep", "agent"}:
        return token.lemma.lower()
    return ""
