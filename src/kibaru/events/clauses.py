"""The clause around a trigger: where its date and place are looked for first."""
from __future__ import annotations

from kibaru.model import Parse

# The last parse's children lists and clause spans: events ask for the same clause several times,
# and one document is read at a time. Keyed on the identity of the tokens, which stay referenced.
_memo: list = [None, None, None, None]


def clause_span(parse: Parse, head: int) -> tuple[int, int]:
    """Character span of the clause around the trigger: the subtree of its verb."""
    tokens = parse.tokens
    if _memo[0] is not tokens or _memo[3] is not parse.sentences:
        kids: dict[int, list[int]] = {}
        for u in tokens:
            if u.head != u.i:
                kids.setdefault(u.head, []).append(u.i)
        _memo[0], _memo[1], _memo[2], _memo[3] = tokens, kids, {}, parse.sentences
    spans = _memo[2]
    found = spans.get(head)
    if found is None:
        found = spans[head] = _clause_span(tokens, parse.sentences, _memo[1], head)
    return found


def _clause_span(tokens, sentences, kids: dict[int, list[int]], head: int) -> tuple[int, int]:
    t = tokens[head]
    while t.pos not in {"VERB", "AUX"} and t.head != t.i:
        t = tokens[t.head]
    lo, hi = t.start, t.end
    sent = sentences[t.sent]
    first, last = sent.first, sent.last
    # Every token of the sentence whose chain of heads reaches the verb in at most 12 steps.
    level = [t.i]
    seen = {t.i}
    for _ in range(12):
        nxt = []
        for k in level:
            for c in kids.get(k, ()):
                if c not in seen:
                    seen.add(c)
                    nxt.append(c)
        if not nxt:
            break
        level = nxt
    for i in seen:
        if first <= i < last:
            u = tokens[i]
            lo, hi = min(lo, u.start), max(hi, u.end)
    return lo, hi
