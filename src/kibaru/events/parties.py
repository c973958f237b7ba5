"""Which words stand for a party, used by the role rules: a relative pronoun for its noun, a
quoted "they", « les auteurs de ces exactions » for the last attackers, an imperative's addressee,
the first clause's subject shared by a co-ordinated verb, unnamed collectives and withdrawn troops."""
from __future__ import annotations

from kibaru.events.antecedents import in_quotation
from kibaru.events.dependents import Arg
from kibaru.events.governors import governing_subject
from kibaru.events.repairs import AGENT_PREPS, OF_PREPS
from kibaru.events import wordlists
from kibaru.link.collectives import collective
from kibaru.link.linked import LinkedDocument

PRONOUNS = frozenset({
    "il", "elle", "ils", "elles", "lui", "celui-ci", "celle-ci", "dernier", "dernière", "qui",
    "le", "la", "les", "leur", "l'", "l’",
    "he", "she", "they", "it", "who", "which", "that", "its", "his", "her", "their", "him", "them", "latter",
})

_RELATIVES = frozenset({"qui", "lequel", "laquelle", "lesquels", "lesquelles", "who", "which", "that"})


def quoted_they(linked: LinkedDocument, i: int) -> bool:
    """A plural subject pronoun ("they", « ils ») inside a quotation."""
    t = linked.parse.tokens[i]
    return t.text.lower() in {"they", "ils", "elles"} and t.dep.startswith("nsubj") and in_quotation(linked, i)


def relative_noun(linked: LinkedDocument, i: int) -> int | None:
    """The noun a relative pronoun subject stands for: the noun its clause hangs from."""
    tokens = linked.parse.tokens
    t = tokens[i]
    if t.text.lower() not in _RELATIVES or not t.dep.startswith("nsubj") or t.head == t.i:
        return None
    verb = tokens[t.head]
    if verb.dep not in {"acl:relcl", "relcl"} or verb.head == verb.i:
        return None
    return verb.head if tokens[verb.head].pos in {"NOUN", "PROPN"} else None


def statement_issuer(linked: LinkedDocument, verb: int, noun: int) -> int | None:
    """"issued a declaration demanding that ...": a participle describing a statement noun that is
    itself a verb's object is the act of that verb's subject (who issued the text)."""
    tokens = linked.parse.tokens
    if tokens[verb].dep != "acl" or tokens[verb].head != noun or noun in linked.token_entity:
        return None
    if tokens[noun].lemma.lower() not in wordlists.nouns("statement"):
        return None
    return governing_subject(linked, noun)


def first_clause_subject(linked: LinkedDocument, verb: int) -> int | None:
    """« Le gouvernement, impuissant, a de son côté dénoncé « ... » et a menacé ... »: when the
    parser hangs a co-ordinated verb on the wrong word, it still shares the subject of the
    sentence's first clause: the first subject, outside quotes and subordinate clauses."""
    tokens = linked.parse.tokens
    sent = tokens[verb].sent
    depth = 0
    for t in tokens:
        if t.i >= verb:
            return None
        if t.sent != sent:
            continue
        if t.text in {"«", "“"}:
            depth += 1
        elif t.text in {"»", "”"}:
            depth = max(0, depth - 1)
        elif depth == 0 and t.dep in {"nsubj"} and t.pos in {"NOUN", "PROPN"} and t.head != t.i \
                and tokens[t.head].dep not in {"acl:relcl", "relcl"} \
                and not any(m.dep == "mark" for m in linked.children(t.head)):
            return t.i  # not a relative clause's, nor that of a clause opened by « quand », « si », « que »
    return None


def asked_to_stop(linked: LinkedDocument, i: int) -> bool:
    """« arrêtez la destruction »: an act under an imperative is asked for or against, not told."""
    tokens = linked.parse.tokens
    t = tokens[i]
    for _ in range(3):
        if t.head == t.i:
            return False
        t = tokens[t.head]
        if imperative(linked, t.i):
            return True
    return False


def imperative(linked: LinkedDocument, i: int) -> bool:
    """« arrêtez », "stop": a verb in the imperative (the parser may tag « arrêtez » a participle:
    a French verb in -ez with no subject or auxiliary of its own is one)."""
    t = linked.parse.tokens[i]
    if t.pos != "VERB":
        return False
    if "Mood=Imp" in t.morph:
        return True
    kids = linked.children(i)
    return linked.lang == "fr" and t.text.lower().endswith("ez") and not any(
        c.dep.startswith(("nsubj", "aux", "expl")) for c in kids)


def party_noun(linked: LinkedDocument, i: int) -> bool:
    """An object that names people: a party's name, a collective (« les rebelles ») or the
    authors of acts told before."""
    
    eid = linked.token_entity.get(i)
    if eid is not None:
        return linked.entity_type(eid) not in {"location", "facility", "equipment"}
    lemma = linked.parse.tokens[i].lemma.lower()
    return collective(linked.lang, lemma) is not None or lemma in wordlists.nouns("perpetrator")


_THIS = frozenset({"ce", "cet", "cette", "ces", "this", "these", "those", "that"})

_DEMONSTRATIVE_PRONOUNS = frozenset({"ceux", "celui", "celle", "celles", "those", "whoever"})

_INVOLVED = frozenset({"impliquer", "responsable", "involve", "involved", "responsible", "participer",
                       "take", "commettre", "perpétrer", "commit", "perpetrate", "carry"})


def perpetrator_noun(linked: LinkedDocument, i: int) -> bool:
    """« les auteurs de ces exactions », « les responsables », "the perpetrators", « ceux qui sont
    impliqués dans cet acte », "those responsible": the unnamed authors of acts told before. A
    complement naming a party or an act of its own ("the authors of the report") is not one."""
    tokens = linked.parse.tokens
    t = tokens[i]
    lemma = t.lemma.lower()
    if t.text.lower() in _DEMONSTRATIVE_PRONOUNS:
        for c in linked.children(i):
            if c.dep in {"acl:relcl", "relcl", "amod", "acl"}:
                words = {c.lemma.lower()} | {g.lemma.lower() for g in linked.children(c.i)}
                if words & _INVOLVED:
                    return True
        return False
    if lemma not in wordlists.nouns("perpetrator"):
        return False
    for c in linked.children(i):
        if c.dep in {"nmod", "obl"} and any(k.dep == "case" and k.text.lower() in OF_PREPS | {"des", "du"}
                                            for k in linked.children(c.i)) \
                or c.dep == "prep" and c.lemma.lower() == "of":
            inner = [c] if c.dep != "prep" else [g for g in linked.children(c.i) if g.dep == "pobj"]
            for n in inner:
                if n.i in linked.token_entity:
                    return False
                if not any(d.dep == "det" and d.text.lower() in _THIS for d in linked.children(n.i)):
                    return False  # "les auteurs du rapport": not an act told before
    return True


def withdrawn(linked: LinkedDocument, entry, a: Arg, args: list[Arg]) -> bool:
    """"Eighty UN peacekeepers were shipped out of the enclave": a side's own people withdrawn,
    with no agent, act for the side that withdraws them."""
    if entry.mode != "withdraw" or linked.parse.tokens[a.head].lemma.lower() not in wordlists.nouns("withdrawn"):
        return False
    return not any(b.role == "agent" or (b.role == "obl" and b.case in AGENT_PREPS) for b in args)


def unnamed(linked: LinkedDocument, i: int) -> bool:
    """An argument that only a collective noun fills ("some forces", "des manifestants")."""
    
    return i not in linked.token_entity and collective(linked.lang, linked.parse.tokens[i].lemma.lower()) is not None


def bare_collective(linked: LinkedDocument, i: int) -> bool:
    """"some invasion forces", « ses troupes »: a collective noun with no name, demonym or
    possessor of its own to say whose it is (a possessive pronoun points back to the subject)."""
    if not unnamed(linked, i):
        return False
    if any(c.dep in {"poss", "nmod:poss", "det"} and c.text.lower() in PRONOUNS | {"ses", "son", "sa", "leurs"}
           for c in linked.children(i)):
        return True  # "its forces", « ses troupes du Mali »: the subject's own
    for c in linked.children(i):
        if c.dep in {"amod", "compound", "nmod", "poss", "nmod:poss", "flat"} or (c.dep == "det" and "Poss=Yes" in c.morph):
            if c.i in linked.token_entity or linked.kb.demonym(c.text, linked.lang):
                return False
            if c.dep in {"poss", "nmod:poss"}:
                return False  # "Serbia's forces"
    return True
