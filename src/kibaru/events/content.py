"""Which triggers assert an event and which are the content or object of another trigger.

The content of a content-taking trigger (accused, asked, refused, threatened, promised, praised)
is not a second event, however deep it sits: through complements, a for-to clause ("called for
Russia to reciprocate") and a means clause under the asked act ("by agreeing", « en acceptant »;
cue kinds ``clause_complement`` and ``means``). A nominal trigger that is another trigger's object,
read through a compound or a partitive ("held talks", "suspended part of a military aid program"),
is carried by that trigger. The embedded triggers still lend their roles (``assemble._complete``).
"""
from __future__ import annotations

from dataclasses import dataclass

from kibaru.model import Parse

# Triggers whose complement states what is accused, asked, refused, threatened, promised or
# praised: "accusé de s'être allié", "urged them to withdraw", "condamné la destruction". The
# complement is the content of that event, not a second event.
_CONTENT_TAKING = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "AGREE", "SUPPORT", "CONCEDE"})
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "obj", "dobj", "obl", "obl:arg", "obl:mod", "nmod",
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


_CHAIN_STEPS = 4  # "called for Russia to reciprocate by agreeing": agreeing < by < reciprocate < called


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


def _takes_content(hit, speaking: frozenset[int]) -> bool:
    return hit.entry.type in _CONTENT_TAKING or hit.head in speaking


def asserted_triggers(parse: Parse, hits: list, marks: ContentMarks,
                      speaking: frozenset[int] = frozenset()) -> tuple[list, dict[int, list]]:
    """The triggers that assert an event, and for each the triggers embedded in it.

    ``speaking``: heads of triggers that take content although their lexicon type does not, as a
    state's or a body's protest, which is ACCUSE ("Amnesty protested against the detention of
    journalists": the detention is what is protested, not a second event).

    Embedded: the content of a content-taking trigger, reached through a chain of complements
    and means clauses ("urged Mali to show goodwill by releasing the hostages"), or a nominal
    trigger that is the object of another trigger ("give a grant", "held talks": the verb
    carries the event)."""
    by_head = {h.head: h for h in hits}
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
        for _ in range(_CHAIN_STEPS):
            if owner is not None or t.head == t.i or not _content_edge(parse, t, by_head, marks, speaking):
                break
            parent = by_head.get(t.head)
            t = parse.tokens[t.head]
            if parent is not None and parent is not hit and _takes_content(parent, speaking):
                owner = parent
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
