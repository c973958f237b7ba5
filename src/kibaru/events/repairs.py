"""Reach-arounds for what the parser gets wrong or leaves far away, used by the role rules:
a perfect read as an adjective, a subject left just before its verb, an agent hung on the wrong
word, a "by" phrase after a long complement, a that-clause on the noun or on its verb, a nominal
trigger behind "a series of"."""
from __future__ import annotations

from kibaru.events.dependents import Arg, arguments
from kibaru.link.arguments import backing_participle, resolve_argument
from kibaru.link.linked import LinkedDocument

AGENT_PREPS = frozenset({"par", "by"})

OF_PREPS = frozenset({"de", "du", "des", "d'", "d’", "of"})

THAT_MARKS = frozenset({"that", "que", "qu'", "qu’"})


def far_agent(linked: LinkedDocument, verb: int) -> int | None:
    """"X has been accused of misusing funds, much of it believed embezzled, by government
    officials": after a long complement the parser hangs a passive verb's "by" phrase on an active
    verb above it; a "by" phrase on an active verb naming a party is the passive's agent."""
    tokens = linked.parse.tokens
    t = tokens[verb]
    for _ in range(3):
        if t.head == t.i:
            return None
        t = tokens[t.head]
        if t.pos not in {"VERB", "AUX"}:
            return None
        if any(c.dep in {"auxpass", "nsubjpass", "aux:pass", "nsubj:pass"} for c in linked.children(t.i)):
            return None  # a passive of its own owns its agent
        for a in arguments(linked, t.i):
            if a.role in {"obl", "agent"} and a.case in AGENT_PREPS and a.head > verb:
                ids, _ = resolve_argument(linked, a.head)
                if any(linked.entity_type(e) not in {"location", "facility"} for e in ids):
                    return a.head
    return None


def through_partitive(linked: LinkedDocument, i: int) -> int:
    """"carried out a series of airstrikes", « a mené une vague de frappes »: a nominal trigger
    under a partitive or quantity noun (``lexicons/partitives.txt``) stands where that noun stands."""
    from kibaru.events.triggers import partitives

    tokens = linked.parse.tokens
    t = tokens[i]
    if t.dep == "pobj" and tokens[t.head].lemma.lower() in OF_PREPS:
        up = tokens[tokens[t.head].head]
    elif t.dep == "nmod" and any(c.dep == "case" and c.text.lower() in OF_PREPS for c in linked.children(i)):
        up = tokens[t.head]
    else:
        return i
    return up.i if up.pos == "NOUN" and up.lemma.lower() in partitives() else i


def misread_perfect(linked: LinkedDocument, i: int, args: list[Arg]) -> list[Arg]:
    """"Kenyan authorities have since banned civilians": a past participle right after "have" (and
    an adverb) that the parser read as an adjective on the next noun is the perfect of that verb:
    the subject of "have" is its subject, the noun its object."""
    tokens = linked.parse.tokens
    t = tokens[i]
    if t.dep != "amod" or "VerbForm=Part" not in t.morph or any(a.role in {"subj", "obj"} for a in args):
        return []
    k = i - 1
    while k >= 0 and tokens[k].sent == t.sent and tokens[k].pos in {"ADV", "SCONJ"} and i - k <= 2:
        k -= 1
    if k < 0 or tokens[k].sent != t.sent or tokens[k].lemma.lower() != "have":
        return []
    subject = next((c.i for c in linked.children(k) if c.dep in {"nsubj", "nsubjpass"}), None)
    if subject is None or t.head <= i:
        return []
    return [Arg("subj", "", subject), Arg("obj", "", t.head)]


def misread_finite(linked: LinkedDocument, i: int, args: list[Arg]) -> list[Arg]:
    """"Doctors from two aid groups donated and delivered medicine": with no verb left for the
    sentence, the parser makes its first noun the root and reads the finite verb as a participle
    on the last noun of that noun's "from"/"of" phrase; the root noun is the verb's subject."""
    tokens = linked.parse.tokens
    t = tokens[i]
    if t.dep != "acl" or t.head == i or any(a.role in {"subj", "subjpass", "agent"} for a in args):
        return []
    if any(c.dep in {"auxpass", "aux:pass", "aux", "agent"} for c in linked.children(i)):
        return []
    noun = tokens[t.head]
    if noun.dep != "pobj" or noun.head == noun.i or noun.i >= i:
        return []
    prep = tokens[noun.head]
    root = tokens[prep.head]
    if prep.lemma.lower() not in {"from", "of"} or root.dep != "ROOT" or root.pos not in {"NOUN", "PROPN"} \
            or root.i > prep.i:
        return []
    verbs = [i] + [c.i for c in linked.children(i) if c.dep == "conj" and c.pos == "VERB"]
    if not any(c.dep in {"dobj", "obj"} for v in verbs for c in linked.children(v)):
        return []  # an object makes it active: a participle describing the noun takes none
    return [Arg("subj", "", root.i)]


BORDERS = frozenset({"border", "frontier", "boundary", "frontière", "limite"})


def border_side(linked: LinkedDocument, k: int) -> bool:
    """« un camp de la frontière avec le Ghana »: a "with" phrase right after a border noun names
    the other side of the border, a place, though the parser hangs it on the noun before."""
    tokens = linked.parse.tokens
    first = min([k] + [c.i for c in linked.children(k) if c.i < k])
    j = first - 1
    if j >= 0 and tokens[j].dep in {"prep", "case"} and tokens[j].lemma.lower() in {"with", "avec"}:
        j -= 1  # English hangs the noun on the preposition, French the preposition on the noun
    return j >= 0 and tokens[j].sent == tokens[k].sent and tokens[j].lemma.lower() in BORDERS


def adjacent_subject(linked: LinkedDocument, i: int) -> int | None:
    """"... du Guangdong : 3 000 manifestants se sont réunis": a bare noun phrase just before a
    finite verb (past its clitics and auxiliaries) is its subject."""
    tokens = linked.parse.tokens
    k = i - 1
    while k >= 0 and tokens[k].pos in {"AUX", "PRON", "ADV", "PART"} and tokens[k].sent == tokens[i].sent:
        k -= 1
    if k < 0 or tokens[k].sent != tokens[i].sent or tokens[k].pos not in {"NOUN", "PROPN"}:
        return None
    if any(c.dep == "case" for c in linked.children(k)) or tokens[k].dep in {"obj", "dobj", "nsubj"}:
        return None
    return k


def postposed_finite(linked: LinkedDocument, i: int) -> bool:
    """"Croatia is failing refugees, a human rights group protested Wednesday": a verb the parser
    hung on a noun after a comma, with no object or agent and ending the sentence, is that noun's
    finite verb (a postposed source), not a participle describing it."""
    tokens = linked.parse.tokens
    noun = tokens[tokens[i].head]
    if any(c.dep in {"dobj", "obj", "agent", "ccomp"} or c.dep == "prep" and c.lemma.lower() == "by"
           for c in linked.children(i)):
        return False
    first = min([noun.i] + [c.i for c in linked.children(noun.i) if c.i < noun.i])
    if first == 0 or tokens[first - 1].text != "," or tokens[first - 1].sent != noun.sent:
        return False
    last = max([i] + [k for k in range(i + 1, len(tokens)) if tokens[k].sent == noun.sent and tokens[k].pos != "PUNCT"
                      and under(linked, k, i)])
    return last + 1 >= len(tokens) or tokens[last + 1].sent != noun.sent or tokens[last + 1].text in {".", "!", ";"}


def under(linked: LinkedDocument, k: int, ancestor: int) -> bool:
    tokens = linked.parse.tokens
    for _ in range(8):
        if k == ancestor:
            return True
        if tokens[k].head == k:
            return False
        k = tokens[k].head
    return False


def stranded_agents(linked: LinkedDocument, i: int, args: list[Arg]) -> list[Arg]:
    """"l'arrestation de ses ressortissants par le Maroc": the parser hangs the agent from the
    noun's de/of complement; it is the agent of the nominal trigger itself."""
    if any(a.role in {"obl", "agent"} and a.case in AGENT_PREPS for a in args):
        return []
    return [Arg("obl", b.case, b.head) for a in args if a.role == "obl" and a.case in OF_PREPS
            for b in arguments(linked, a.head) if b.role in {"obl", "agent"} and b.case in AGENT_PREPS]


def participle_args(linked: LinkedDocument, i: int) -> list[Arg]:
    """"une cargaison destinée aux soldats": the recipient hangs from the noun's participle;
    "an offensive launched by X", « une opération menée par X »: the participle's agent acts."""
    out = []
    for c in linked.children(i):
        if c.dep == "acl" and "VerbForm=Part" in c.morph:
            out += [Arg("obl", a.case, a.head) for a in arguments(linked, c.i)
                    if a.role == "obl" and a.case in {"à", "to", "for", "pour"}]
            if "Tense=Past" in c.morph and backing_participle(linked, c.i) is None:
                out += [Arg("obl", a.case or "by", a.head) for a in arguments(linked, c.i)
                        if a.role in {"agent", "obl"} and (a.case or "by") in AGENT_PREPS]
    return out


def manner_gerunds(linked: LinkedDocument, verb: int) -> list[int]:
    """Subject-less gerunds telling how the verb's act was done: « en lançant », "throwing"."""
    out = []
    for g in linked.children(verb):
        if not g.dep.startswith("advcl") or g.pos != "VERB" or any(
                c.dep.startswith("nsubj") for c in linked.children(g.i)):
            continue
        marks = {c.lemma.lower() for c in linked.children(g.i) if c.dep == "mark"}
        if "en" in marks or (not marks and ("Aspect=Prog" in g.morph or "VerbForm=Ger" in g.morph)):
            out.append(g.i)
    return out


def detached_participle(linked: LinkedDocument, i: int) -> int | None:
    """"Kiev, accusé de ...": a past participle set off by a comma describes the name before it."""
    tokens = linked.parse.tokens
    t = tokens[i]
    if "VerbForm=Part" not in t.morph or "Tense=Past" not in t.morph:
        return None
    if any(c.dep.startswith("aux") for c in linked.children(i)):
        return None
    k = i - 1
    if k >= 0 and tokens[k].text == ",":
        k -= 1
    if k >= 0 and tokens[k].sent == t.sent and k in linked.token_entity:
        return k
    return None


def that_clauses(linked: LinkedDocument, noun: int) -> list[int]:
    """The that-clauses a nominal trigger states: its own ("the demand that X ...") or, for the
    object of a verb, the verb's ("reiterated its demand today that X ...")."""
    tokens = linked.parse.tokens
    hosts = [noun]
    t = tokens[noun]
    if t.dep in {"obj", "dobj"} and t.head != t.i:
        hosts.append(t.head)
    elif t.dep == "pobj" and tokens[t.head].dep == "prep" and tokens[t.head].head != t.head:
        hosts.append(tokens[t.head].head)  # "insisted on its demands that ..."
    out = []
    for h in hosts:
        for c in linked.children(h):
            # the parser hangs the clause as ccomp, acl or advcl, and "that" as mark or object
            if c.dep in {"ccomp", "acl", "advcl"} and c.i > noun and c.pos in {"VERB", "AUX"} \
                    and any(m.dep in {"mark", "dobj"} and m.text.lower() in THAT_MARKS and m.i < c.i
                            for m in linked.children(c.i)):
                out.append(c.i)
    return out


def reporting_clause(linked: LinkedDocument, verb: int, i: int) -> bool:
    """"demanded the withdrawal ... on Monday, diplomats quoted a declaration as saying": a
    speech verb after the trigger, set off by a comma and with no "that", reports the sentence;
    it is not what was asked."""
    from kibaru.events.lexicon import load_cues

    tokens = linked.parse.tokens
    if i < verb or any(m.dep == "mark" for m in linked.children(i)):
        return False
    cues = load_cues(linked.lang if linked.lang in {"fr", "en"} else "en").of_kind("speech")
    if tokens[i].lemma.lower() not in {c.cue for c in cues}:
        return False
    first = min([i] + [c.i for c in linked.children(i) if c.i < i and c.dep != "punct"])
    return first > 0 and tokens[first - 1].text == ","


def for_clause(linked: LinkedDocument, i: int) -> bool:
    """"called for Russia to reciprocate": an adverbial clause opened by a ``clause_complement``
    cue is the content of the verb above it, and its subject the one asked."""
    from kibaru.events.lexicon import load_cues

    token = linked.parse.tokens[i]
    if token.dep != "advcl":
        return False
    marks = {c.lemma.lower() for c in linked.children(i) if c.dep == "mark"}
    cues = load_cues(linked.lang if linked.lang in {"fr", "en"} else "en").of_kind("clause_complement")
    return any(set(c.cue.split()) <= marks for c in cues)
