"""Which triggers assert an event and which are the content or object of another trigger.

The content of a content-taking trigger (accused, asked, refused, threatened, promised, praised)
is not a second event, however deep it sits: through complements, a for-to clause ("called for
Russia to reciprocate") and a means clause under the asked act ("by agreeing", « en acceptant »;
cue kinds ``clause_complement`` and ``means``). A nominal trigger that is another trigger's object,
read through a compound or a partitive ("held talks", "suspended part of a military aid program"),
is carried by that trigger. The embedded triggers still lend their roles (``completion.complete``).
"""
from __future__ import annotations

from dataclasses import dataclass

from kibaru.model import Parse

# Triggers whose complement states what is accused, asked, refused, threatened, promised or
# praised: "accusé de s'être allié", "urged them to withdraw", "condamné la destruction". The
# complement is the content of that event, not a second event.
_CONTENT_TAKING = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "AGREE", "SUPPORT", "CONCEDE", "CONSULT"})
_PURPOSE_MARKS = frozenset({"to", "pour", "afin"})
_NOT_PURPOSE_MARKS = frozenset({"for", "if", "whether", "before", "after", "until", "without"})
_TOPIC_PREPS = frozenset({"on", "about", "over", "sur"})
_CARRIED_DEPS = frozenset({"dobj", "obj"})
_SAME_EVENT_PREPS = frozenset({"in", "during", "dans", "lors de", "pendant", "au cours de"})
_COMPLEMENT_DEPS = frozenset({"compound", "amod", "acl", "xcomp", "ccomp", "obj", "dobj", "obl", "obl:arg", "obl:mod", "nmod",
                              "pobj", "pcomp", "prep"})


@dataclass(frozen=True, slots=True)
class ContentMarks:
    """Subordinators that make an adverbial clause part of a trigger's content (cue kinds
    ``clause_complement``: "called for Russia to reciprocate"; ``means``: "to reciprocate by
    agreeing", "faire un geste en acceptant")."""
    complement: frozenset[str]
    means: frozenset[str]

    @classmethod
    def of(cls, cues) -> "ContentMarks":
        return cls(frozenset(c.cue for c in cues.of_kind("clause_complement")),
                   frozenset(c.cue for c in cues.of_kind("means")))


# "unless", « sauf si », « à moins que »: the clause states what the other side must do to avert
# the act; "if"/« si »: on what the act depends. "even if", « même si » concede, they do not condition.
_IF_MARKS = frozenset({"if", "si"})
_UNLESS_WORDS = frozenset({"unless", "sauf", "moins"})
_CONCESSIVE = frozenset({"even", "même"})


def condition_mark(parse: Parse, t) -> str | None:
    """"unless" or "if" when token ``t`` heads a conditional clause, else None."""
    words = {w.lemma.lower() for k in _kids(parse, t.i) if k.dep in {"mark", "advmod"} and k.i < t.i
             for w in (k, *(f for f in _kids(parse, k.i) if f.dep == "fixed"))}
    if t.dep.startswith("advcl") and not words & _CONCESSIVE:
        if words & _UNLESS_WORDS:
            return "unless"
        if words & _IF_MARKS and any(k.dep == "mark" and k.lemma.lower() in _IF_MARKS for k in _kids(parse, t.i)):
            return "if"
    if t.dep in {"ccomp", "advcl", "obl", "obl:mod"} and t.head != t.i:
        # « à moins que la junte accepte »: « que » follows « à moins », which hangs from the
        # clause's head or heads the clause itself
        tokens = parse.tokens
        if any(k.dep == "mark" and k.i >= 2 and tokens[k.i - 1].text.lower() == "moins"
               and tokens[k.i - 2].text.lower() == "à"
               for k in _kids(parse, t.i)):
            return "unless"
    return None


def conditions_on(parse: Parse, head: int) -> frozenset[str]:
    """The kinds of conditional clause ("unless", "if") that hang from the trigger ``head``."""
    found = set()
    for k in _kids(parse, head):
        mark = condition_mark(parse, k)
        if mark is None and k.dep in {"advmod", "mark"} and k.lemma.lower() == "à":
            mark = next((condition_mark(parse, c) for c in _kids(parse, k.i) if condition_mark(parse, c)), None)
        if mark:
            found.add(mark)
    return frozenset(found)


def _condition_owner(parse: Parse, hit, by_head: dict):
    """The trigger whose condition the clause holding ``hit`` is: "will boycott the elections unless
    the president agrees", "threatened to stop talks if the United States goes ahead with the
    deployment". What the other side must do is part of the threat or offer, not an event."""
    t = parse.tokens[hit.head]
    for _ in range(6):
        if t.head == t.i:
            return None
        if condition_mark(parse, t):
            g = parse.tokens[t.head]
            if g.lemma.lower() == "à" and g.head != g.i:
                g = parse.tokens[g.head]
            for _ in range(3):
                if g.i in by_head and by_head[g.i] is not hit:
                    return by_head[g.i]
                # "is willing to send material to help defend X if it is attacked": the condition
                # hangs from a plain verb whose purpose clause holds the offer
                near = next((by_head[k.i] for k in _kids(parse, g.i) if k.i != t.i and k.dep in {"xcomp", "advcl"}
                             and k.i in by_head and by_head[k.i] is not hit and k.i < t.i), None)
                if near is not None:
                    return near
                if g.head == g.i:
                    break
                g = parse.tokens[g.head]
            return None
        t = parse.tokens[t.head]
    return None


def _effective_type(hit, speaking) -> str:
    return "ACCUSE" if hit.head in speaking else hit.entry.type


def _participle_owner(parse: Parse, hit, by_head: dict, speaking):
    """The trigger a participle clause restates or details: "lodged a protest, charging its
    neighbour with ...", « a condamné l'attaque en dénonçant ... » (the same type: one statement
    told twice); "rioted, setting fire to their mattresses" (damage done in the riot)."""
    t = parse.tokens[hit.head]
    if t.dep != "advcl" or t.head == t.i:
        return None
    marks = {k.lemma.lower() for k in _kids(parse, t.i) if k.dep == "mark" and k.i < t.i}
    participle = "VerbForm=Part" in t.morph or "VerbForm=Ger" in t.morph or t.text.lower().endswith("ing")
    if not participle or marks - _GERUND_MARKS:
        return None
    governor = _clause_trigger(parse, t.head, by_head, hit)
    if governor is None or governor.head > t.i:
        return None
    kind = _effective_type(governor, speaking)
    if kind == _effective_type(hit, speaking) or (
            kind == "PROTEST" and hit.entry.type == "ASSAULT" and hit.entry.mode == "destroy"):
        return governor
    return None


_GERUND_MARKS = frozenset({"en"})
_CHAIN_STEPS = 4  # "called for Russia to reciprocate by agreeing": agreeing < by < reciprocate < called


_UNDER_PENALTY = frozenset({"sous", "sou"})  # « sous peine de » (the parser may lemmatise "sous" as "sou")


def _content_edge(parse: Parse, t, by_head: dict, marks: ContentMarks, speaking=frozenset()) -> bool:
    """Whether ``t`` hangs from its head as (part of) that head's content."""
    if t.dep in _COMPLEMENT_DEPS:
        return True
    if t.dep != "advcl":
        return False
    mark = {k.lemma.lower() for k in parse.tokens[max(0, t.i - 8):t.i] if k.head == t.i and k.dep == "mark"}
    if any(set(cue.split()) <= mark for cue in marks.complement):
        return True  # "called for Russia to reciprocate": a for-to complement parsed as advcl
    # "to reciprocate by agreeing", "de faire un geste en acceptant": the means of an asked or
    # promised act is part of it; on a trigger itself ("a condamné ... en appelant au calme")
    # it is a second event
    governor = by_head.get(t.head)
    return bool(mark & marks.means) and (governor is None or not _takes_content(governor, speaking))


def _kids(parse: Parse, i: int):
    sent = parse.sentences[parse.tokens[i].sent]
    return [k for k in parse.tokens[sent.first:sent.last] if k.head == i and k.i != i]


def _purpose(parse: Parse, t) -> bool:
    """A to-infinitive or « pour »/« afin de » adverbial clause: the purpose of its governor's
    event ("remained on alert to forestall more violence", « lancé une offensive pour reprendre
    la ville »). What it aims at is not asserted to happen; a careful coder codes the act."""
    if t.dep != "advcl" or t.pos != "VERB":
        return False
    marks = {k.lemma.lower() for k in _kids(parse, t.i) if k.dep in {"mark", "aux"} and k.i < t.i}
    return bool(marks & _PURPOSE_MARKS) and not marks & _NOT_PURPOSE_MARKS


def _clause_trigger(parse: Parse, g: int, by_head: dict, hit):
    """The trigger that tells the event of the clause headed by ``g``: ``g`` itself or a nominal
    trigger it carries ("began a hunger strike", "remained on alert")."""
    if g in by_head and by_head[g] is not hit:
        return by_head[g]
    return _carried(parse, g, by_head, hit, _CARRIED_DEPS | {"pobj", "prep", "obl", "obl:mod"})


def _carried(parse: Parse, g: int, by_head: dict, hit, deps=None):
    """A nominal trigger that is the object of the light verb ``g``: "renewed negotiations",
    "signed an agreement", "issued an ultimatum"."""
    from kibaru.events.triggers import partitives

    deps = deps or _CARRIED_DEPS
    for k in _kids(parse, g):
        if k.dep not in deps:
            continue
        # "carried out a series of airstrikes": read through the part or stretch
        whole = [g2.i for c in _kids(parse, k.i) if k.lemma.lower() in partitives() and c.dep == "prep"
                 and c.lemma.lower() == "of" for g2 in _kids(parse, c.i) if g2.dep == "pobj"]
        for j in (k.i, *(c.i for c in _kids(parse, k.i) if c.dep in {"pobj", "compound"}), *whole):
            for m in (j, *(c.i for c in _kids(parse, j) if c.dep == "compound")):
                if m in by_head and by_head[m] is not hit:
                    return by_head[m]
    return None


def _repeated_mention(parse: Parse, hit, by_head: dict):
    """A noun trigger of the same type in a locative or temporal phrase of a verbal trigger is the
    verb's event named again: "killed 46 civilians in an attack", « tués dans un attentat »."""
    from kibaru.events.passing import governing_preposition

    t = parse.tokens[hit.head]
    prep = governing_preposition(parse, t, lambda i: _kids(parse, i))
    if prep not in _SAME_EVENT_PREPS:
        return None
    g = parse.tokens[t.head].head if t.dep == "pobj" else t.head
    verb = by_head.get(g)
    if verb is not None and verb is not hit and verb.pos == "VERB" and verb.entry.type == hit.entry.type:
        return verb
    return None


def _takes_content(hit, speaking: frozenset[int]) -> bool:
    return hit.entry.type in _CONTENT_TAKING or hit.head in speaking


def asserted_triggers(parse: Parse, hits: list, marks: ContentMarks,
                      speaking: frozenset[int] = frozenset(),
                      offering: frozenset[int] = frozenset(),
                      recalled: frozenset[int] = frozenset()) -> tuple[list, dict[int, list]]:
    """The triggers that assert an event, and for each the triggers embedded in it.

    ``speaking``: heads of triggers that take content although their lexicon type does not, as a
    state's or a body's protest, which is ACCUSE ("Amnesty protested against the detention of
    journalists": the detention is what is protested, not a second event). ``offering``: heads of
    cooperative triggers told as a stated willingness, which are AGREE ("is willing to help defend
    Saudi Arabia": the defence is what is offered). ``recalled``: heads of background nouns kept for
    a date of their own (« suite à la destruction des mausolées depuis le 30 juin »): they carry
    no other trigger, the clause's news is told by its own words.

    Embedded: the content of a content-taking trigger, reached through a chain of complements
    and means clauses ("urged Mali to show goodwill by releasing the hostages"), or a nominal
    trigger that is the object of another trigger ("give a grant", "held talks": the verb
    carries the event)."""
    by_head = {h.head: h for h in hits if h.head not in recalled}
    taking = speaking | offering
    kept = []
    embedded: dict[int, list] = {}
    for hit in hits:
        t = parse.tokens[hit.head]
        owner = None
        if hit.pos == "NOUN":
            owner = _object_owner(parse, t, by_head)
        if owner is None and hit.pos == "VERB":
            # "the attack killed ten people": the verb tells the attack's toll, one happening
            subj = next((by_head[k.i] for k in parse.tokens[max(0, hit.head - 12):hit.head]
                         if k.head == hit.head and k.dep.startswith("nsubj") and k.i in by_head), None)
            if subj is not None and subj.entry.type == hit.entry.type and subj.pos == "NOUN":
                owner = subj
        parent = by_head.get(t.head)
        if owner is None and parent is not None and parent is not hit and hit.entry.type == "REQUEST" \
                and parent.entry.type == "PROTEST" and t.dep in {"advcl", "xcomp", "acl", "conj"}:
            owner = parent  # "demonstrated ... calling for independence": the protest's demand
        if owner is None and hit.pos == "NOUN":
            owner = _repeated_mention(parse, hit, by_head)
        if owner is None:
            owner = _condition_owner(parse, hit, by_head)
        if owner is None and hit.pos == "VERB":
            owner = _participle_owner(parse, hit, by_head, speaking)
        for _ in range(_CHAIN_STEPS):
            if owner is not None or t.head == t.i:
                break
            if not _content_edge(parse, t, by_head, marks, taking):
                if _purpose(parse, t):
                    owner = _clause_trigger(parse, t.head, by_head, hit)
                break
            parent = by_head.get(t.head)
            if parent is None and t.dep == "prep" and t.lemma.lower() in _TOPIC_PREPS:
                # "renewed negotiations today on a pullback": the topic of the carried talks
                parent = _carried(parse, t.head, by_head, hit)
            t = parse.tokens[t.head]
            if parent is not None and parent is not hit and _takes_content(parent, taking):
                owner = parent
        if owner is not None and hit.entry.type == "THREATEN" and hit.pos == "NOUN" \
                and any(k.dep == "case" and k.lemma.lower() in _UNDER_PENALTY for k in _kids(parse, hit.head)):
            # « a exhorté le Soudan à accepter la trêve sous peine de sanctions »: the penalty held
            # over the one asked is a threat of its own, not part of what is asked
            owner = None
        if owner is None:
            kept.append(hit)
        else:
            embedded.setdefault(owner.head, []).append(hit)
    return kept, embedded


def _object_owner(parse: Parse, t, by_head: dict):
    """The trigger whose object a nominal trigger is, read through a compound and a partitive:
    "held talks", "suspended part of a military aid program", « suspendu une partie de son aide »."""
    from kibaru.events.triggers import partitives

    tokens = parse.tokens
    if t.dep == "compound":
        t = tokens[t.head]
    up = tokens[t.head]
    if t.dep == "pobj" and up.dep == "prep" and up.lemma.lower() == "of":
        t = tokens[up.head] if tokens[up.head].lemma.lower() in partitives() else t
    elif t.dep == "nmod" and up.lemma.lower() in partitives():
        t = up
    if t.dep in {"obj", "dobj"} and t.head in by_head and t.head != t.i:
        return by_head[t.head]
    return None
