"""Nominal triggers a careful coder would not code: events named in passing as background.

"after bloody tribal clashes", "amid a wave of riots": a noun trigger governed by a background
preposition (cue kind ``background``) dates or explains the sentence's event; it is not a new
happening the sentence reports. "Macedonia, which is preparing a major offensive": a noun trigger
inside a relative clause on a party describes that party. Verbs are kept: "X, who was killed on
Monday" still reports the killing. Nouns that are the sentence's only trigger are kept too, so a
headline-like "Clashes after the vote" still yields its event (``keep_some`` in assemble).
"""
from __future__ import annotations

from kibaru.model import Parse

_RELATIVE = frozenset({"relcl", "acl:relcl"})
_MAX_HOPS = 4


def in_passing(parse: Parse, hit, background: frozenset[str], children, party) -> str | None:
    """Why a noun trigger is background, or None when it may report an event."""
    if hit.pos != "NOUN":
        return None
    t = parse.tokens[hit.head]
    prep = governing_preposition(parse, t, children)
    if prep is not None and prep in background:
        return f"noun after background preposition {prep!r}"
    k = t
    for _ in range(_MAX_HOPS):
        if k.head == k.i:
            return None
        if k.dep in _RELATIVE:
            # on a party ("Hamas, which advocates ...", "a resident who witnessed the attack"), not
            # on a thing ("un manuel où le massacre ..."): a thing's clause may tell the news
            return "noun inside a relative clause on a party" if party(k.head) else None
        if k.dep in {"ccomp", "advcl", "xcomp", "parataxis", "conj"}:
            return None  # a clause of its own: reported content, not a description
        k = parse.tokens[k.head]
    return None


def governing_preposition(parse: Parse, t, children) -> str | None:
    if t.dep == "pobj" and t.head != t.i:
        prep = parse.tokens[t.head]
        # "following" and "after" may be tagged as verbs heading the noun
        return prep.text.lower()
    if t.dep == "dobj" and parse.tokens[t.head].text.lower() in {"following"}:
        return "following"
    # "suite à", "sur fond de": a multi-word preposition hangs its other words on its first one
    words = [w for c in children(t.i) if c.dep in {"case", "mark"}
             for w in [c, *(g for g in children(c.i) if g.dep in {"fixed", "flat", "case"})]]
    if words:
        return " ".join(w.text.lower() for w in sorted(words, key=lambda w: w.i))
    return None


def drop_in_passing(parse: Parse, hits: list, background: frozenset[str], children, party) -> list:
    """The hits less the background nouns, unless a sentence would be left with no trigger.
    ``party(i)``: whether token i names a party (a named entity or an unnamed group)."""
    passing = {h.head for h in hits if in_passing(parse, h, background, children, party)}
    if not passing:
        return hits
    live = {parse.tokens[h.head].sent for h in hits if h.head not in passing}
    return [h for h in hits if h.head not in passing or parse.tokens[h.head].sent not in live]
