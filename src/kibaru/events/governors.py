"""Who acts when a trigger has no subject of its own: the subject of the verb it hangs from.

``inherited_subject``: a subject-less verb takes the subject of its governing verb (xcomp, conj,
advcl, "en annonçant"), a relative clause or participle its noun, "la décision du Mali de rompre"
the noun's "de X". ``governing_subject``: a nominal trigger that is a verb's object or a
preposition's object ("a réaffirmé son soutien", "holding them as human shields") takes the
verb's subject.
"""
from __future__ import annotations

from kibaru.events.dependents import arguments, case_of
from kibaru.link.linked import LinkedDocument
from kibaru.model import Token

# "imposed a curfew after a demonstration": a noun in a circumstance phrase is not the verb subject's act
CIRCUMSTANCE_PREPS = frozenset({"after", "following", "since", "before", "despite", "amid", "until"})


def inherited_subject(linked: LinkedDocument, i: int) -> int | None:
    """Subject of the verb a subject-less verb hangs from; a relative clause's noun; an acl's noun.

    A French gerund ("en annonçant") takes the subject of the main clause, not the noun it hangs from.
    """
    tokens = linked.parse.tokens
    seen = 0
    t = tokens[i]
    while seen < 5 and t.head != t.i:
        seen += 1
        parent = tokens[t.head]
        gerund = any(c.dep in {"mark", "case"} and c.text.lower() == "en" for c in linked.children(t.i))
        if gerund or (t.dep in {"obj", "dobj", "nmod", "obl"} and parent.pos in {"VERB", "NOUN"} and seen > 1):
            t = parent
            if t.pos == "VERB":
                for a in arguments(linked, t.i):
                    if a.role == "subj":
                        return a.head
            continue
        if t.dep == "acl" and parent.pos == "NOUN" and "VerbForm=Inf" in t.morph:
            # "la décision du Mali de rompre": the noun's own "de X" acts
            for c in linked.children(parent.i):
                if c.i != t.i and c.dep in {"nmod", "nmod:poss"} and case_of(linked, c) == "de":
                    return c.i
                if c.dep == "det" and "Poss=Yes" in c.morph:
                    return c.i
            t = parent
            continue
        if t.dep == "pcomp" and parent.dep == "prep" and parent.head != parent.i:
            # "resorted to throwing stones", "by firing on the crowd": up through the preposition
            # to the verb it hangs from, whose subject acts
            if tokens[parent.head].pos not in {"VERB", "AUX"}:
                return None
            t = parent
            for a in arguments(linked, t.head):
                if a.role == "subj":
                    return a.head
            t = tokens[t.head]
            continue
        if t.dep in {"acl", "acl:relcl", "relcl"}:
            return parent.i
        if t.dep == "xcomp" and (owner := _noun_before_de(linked, t)) is not None:
            return owner
        if t.dep in {"xcomp", "conj", "advcl", "ccomp", "acomp", "oprd"} or t.dep.startswith("advcl"):
            for a in arguments(linked, parent.i):
                if a.role == "subj" or (a.role == "subjpass" and t.dep == "conj"):
                    return a.head
            t = parent
            continue
        return None
    return None


def _noun_before_de(linked: LinkedDocument, t: Token) -> int | None:
    """"a commenté la décision du Mali de rompre": the parser hangs "rompre" on the verb; the
    noun phrase right before "de" owns it, and its "de X" acts."""
    tokens = linked.parse.tokens
    mark = next((c for c in linked.children(t.i) if c.dep == "mark" and c.text.lower() in {"de", "d'", "d’"}), None)
    if mark is None or mark.i == 0:
        return None
    for a in arguments(linked, t.head):
        if a.role != "obj":
            continue
        noun = tokens[a.head]
        last = max([noun.i] + [k for k in range(noun.i + 1, mark.i) if _descends(linked, k, noun.i)])
        if last == mark.i - 1:
            for c in linked.children(noun.i):
                if c.dep in {"nmod", "nmod:poss"} and case_of(linked, c) == "de":
                    return c.i
                if c.dep == "det" and "Poss=Yes" in c.morph:
                    return c.i
    return None


def _descends(linked: LinkedDocument, k: int, ancestor: int) -> bool:
    tokens = linked.parse.tokens
    t = tokens[k]
    for _ in range(6):
        if t.i == ancestor:
            return True
        if t.head == t.i:
            return False
        t = tokens[t.head]
    return False


def _through_partitive(linked: LinkedDocument, t):
    """"launched 10 days of war games", « une série d'attaques »: the part or stretch the noun
    completes stands in its place before the verb."""
    from kibaru.events.triggers import partitives

    tokens = linked.parse.tokens
    up = tokens[t.head]
    if t.dep == "pobj" and up.dep == "prep" and up.lemma.lower() == "of" and up.head != up.i \
            and tokens[up.head].lemma.lower() in partitives():
        return tokens[up.head]
    if t.dep == "nmod" and up.lemma.lower() in partitives() and any(
            c.dep == "case" and c.lemma.lower() == "de" for c in linked.children(t.i)):
        return up
    return t


def governing_subject(linked: LinkedDocument, i: int, participatory: bool = False) -> int | None:
    """For a nominal trigger that is a verb's object ("a réaffirmé son soutien"), the verb's subject."""
    tokens = linked.parse.tokens
    t = tokens[i]
    if t.dep == "compound" and t.head != t.i:  # "undertook a mediation mission": the mission's verb
        t = tokens[t.head]
    t = _through_partitive(linked, t)
    if t.dep in {"obj", "dobj", "nsubj:pass", "nsubjpass"} or (t.dep == "pobj" and tokens[t.head].dep == "prep"
                                                              and tokens[t.head].lemma.lower() not in CIRCUMSTANCE_PREPS):
        verb = t.head if t.dep != "pobj" else tokens[t.head].head
        for a in arguments(linked, verb):
            if a.role == "subj":
                return a.head
        return inherited_subject(linked, verb)
    # "Lavrov s'est exprimé au cours d'un entretien": up through nominal complements to the verb,
    # for meetings and agreements one takes part in (not for an attack a speaker mentions)
    if not participatory:
        return None
    for _ in range(3):
        if t.head == t.i or not (t.dep.startswith("nmod") or t.dep.startswith("obl") or t.dep == "pobj"
                                 or t.dep == "prep"):
            return None
        t = tokens[t.head]
        if t.pos in {"VERB", "AUX"}:
            for a in arguments(linked, t.i):
                if a.role == "subj":
                    return a.head
            return None
    return None
