"""The clause around a trigger: where its date and place are looked for first."""
from __future__ import annotations

import threading

from kibaru.model import Parse

# The last parse's children lists and clause spans, per thread: events ask for the same clause
# several times, and a thread reads one document at a time. Keyed on the identity of the tokens,
# which the memo keeps referenced.
_local = threading.local()


def clause_span(parse: Parse, head: int) -> tuple[int, int]:
    """Character span of the clause around the trigger: the subtree of its verb."""
    tokens = parse.tokens
    memo = _local.__dict__.setdefault("memo", [None, None, None, None])
    if memo[0] is not tokens or memo[3] is not parse.sentences:
        kids: dict[int, list[int]] = {}
        for u in tokens:
            if u.head != u.i:
                kids.setdefault(u.head, []).append(u.i)
        memo[0], memo[1], memo[2], memo[3] = tokens, kids, {}, parse.sentences
    spans = memo[2]
    found = spans.get(head)
    if found is None:
        found = spans[head] = _clause_span(tokens, parse.sentences, memo[1], head)
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
