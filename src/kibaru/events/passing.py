"""Nominal triggers a careful coder would not code: events named in passing as background.

"after bloody tribal clashes", "amid a wave of riots": a noun trigger governed by a background
preposition (cue kind ``background``) dates or explains the sentence's event; it is not a new
happening the sentence reports. "Macedonia, which is preparing a major offensive": a noun trigger
inside a relative clause on a party describes that party. Verbs are kept: "X, who was killed on
Monday" still reports the killing. Nouns that are the sentence's only trigger are kept too, so a
headline-like "Clashes after the vote" still yields its event (``keep_some`` in assemble).
A noun with a date of its own (« suite à la destruction des mausolées depuis le 30 juin », "after
the 2015 attack on the base") is not in passing: it recalls a dated happening, kept as historical.
"""
from __future__ import annotations

from kibaru.model import Parse

_RELATIVE = frozenset({"relcl", "acl:relcl"})
_MAX_HOPS = 4
_OF = frozenset({"of", "de", "d'", "du", "des"})
_OF_HOPS = 2
_SETTING_PREPS = frozenset({"in", "during", "dans", "pendant", "lors de", "au cours de"})


def in_passing(parse: Parse, hit, background: frozenset[str], children, party,
               triggers: frozenset[int] = frozenset()) -> str | None:
    """Why a noun trigger is background, or None when it may report an event."""
    if hit.pos != "NOUN":
        return None
    t = parse.tokens[hit.head]
    prep = governing_preposition(parse, t, children)
    up = t
    for _ in range(_OF_HOPS):
        # "after a week of unrest", "following the discovery of rockets", « après une semaine de
        # troubles »: the phrase the noun completes is the background
        if prep not in _OF or up.head == up.i:
            break
        up = parse.tokens[parse.tokens[up.head].head] if up.dep == "pobj" else parse.tokens[up.head]
        prep = governing_preposition(parse, up, children)
    if prep is not None and prep in background:
        return f"noun after background preposition {prep!r}"
    if up is not t and up.pos == "NOUN" and up.lemma.lower() in background:
        # "on the eve of a visit", "in the wake of the execution", « à la veille de la visite »:
        # a noun that frames the time of the sentence's event
        return f"noun framing the time of the event ({up.text!r})"
    if prep in _SETTING_PREPS and t.dep in {"pobj", "nmod", "obl"} and triggers:
        # "the worst attack in the current uprising", « un attentat pendant la guerre »: a noun
        # event that situates another noun event is its setting
        g = parse.tokens[t.head]
        g = parse.tokens[g.head] if t.dep == "pobj" and g.head != g.i else g
        if g.i in triggers and g.pos in {"NOUN", "PROPN"}:
            return f"noun setting another noun event ({prep!r})"
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


def drop_in_passing(parse: Parse, hits: list, background: frozenset[str], children, party,
                    dated=lambda i: False) -> tuple[list, frozenset[int]]:
    """The hits less the background nouns, unless a sentence would be left with no trigger, and
    the heads of the background nouns kept because they carry a date of their own (``dated(i)``).
    ``party(i)``: whether token i names a party (a named entity or an unnamed group)."""
    heads = frozenset(h.head for h in hits)
    background_nouns = {h.head for h in hits if in_passing(parse, h, background, children, party, heads)}
    recalled = frozenset(i for i in background_nouns if dated(i))
    passing = background_nouns - recalled
    if not passing:
        return hits, recalled
    live = {parse.tokens[h.head].sent for h in hits if h.head not in passing}
    return [h for h in hits if h.head not in passing or parse.tokens[h.head].sent not in live], recalled
