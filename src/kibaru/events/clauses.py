"""The clause around a trigger: where its date and place are looked for first."""
from __future__ import annotations

from kibaru.model import Parse


def clause_span(parse: Parse, head: int) -> tuple[int, int]:
    """Character span of the clause around the trigger: the subtree of its verb."""
    tokens = parse.tokens
    t = tokens[head]
    while t.pos not in {"VERB", "AUX"} and t.head != t.i:
        t = tokens[t.head]
    lo, hi = t.start, t.end
    sent = parse.sentences[t.sent]
    for u in tokens[sent.first:sent.last]:
        k, steps = u, 0
        while k.i != t.i and k.head != k.i and steps < 12:
            k, steps = tokens[k.head], steps + 1
        if k.i == t.i:
            lo, hi = min(lo, u.start), max(hi, u.end)
    return lo, hi
