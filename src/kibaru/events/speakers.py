"""The speaker is the one who says "we" or "I" in their own words.

"“We called for Russia to agree to a ceasefire,” Lammy said": the actor of the call is the one
quoted. « Nous avons demandé au Mali de libérer les otages », a déclaré le ministre: the minister
asks. Only a named source stands in for the pronoun; an unattributed "we" stays unresolved.
"""
from __future__ import annotations

from kibaru.link.linked import LinkedDocument
from kibaru.model import Attribution

# "on" is left out: in French it is as often "people" or "they" as "we"
_FIRST_PERSON = {"en": frozenset({"we", "i"}), "fr": frozenset({"nous", "je", "j'"})}
# the subject of a verb above the trigger still speaks for it: "we want to meet", "nous voulons
# rencontrer", "we have decided to suspend"
_UP = frozenset({"xcomp"})


def first_person_speaker(linked: LinkedDocument, head: int, attribution: Attribution) -> str | None:
    """The attribution's source when the trigger's subject is a first-person pronoun."""
    if attribution.source is None:
        return None
    words = _FIRST_PERSON.get(linked.lang, _FIRST_PERSON["en"])
    tokens = linked.parse.tokens
    t = tokens[head]
    for _ in range(3):
        for c in linked.children(t.i):
            if c.dep in {"nsubj", "nsubj:pass", "nsubjpass"}:
                return attribution.source if c.text.lower() in words else None
        if t.dep not in _UP or t.head == t.i:
            return None
        t = tokens[t.head]
    return None
