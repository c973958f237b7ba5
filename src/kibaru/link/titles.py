"""A person the KB does not know, named with a title: the state from the sentence.

"President Abdelaziz Bouteflicka threatened to institute a curfew in Algiers": the title says the
person holds a state office, the phrase names no state, and the sentence's nearest state or place
(Algiers → DZA) is the best evidence of which state's office it is. Titles are the role phrases of
``data/roles.tsv`` without their demonym slot ("president", "foreign minister"); a title alone is
not enough when the sentence names no state, and the document's main state is left to ``finish``.
"""
from __future__ import annotations

from kibaru.link.fold import fold_words

_STATE_TYPES = frozenset({"country", "location", "facility"})
_MAX_TITLE_WORDS = 5


def title_state(linked, draft) -> tuple[str, str] | None:
    """(ISO-3, why) for a titled person with no state, from the nearest state or place in the
    sentence of their first mention; None when there is no title or no state there."""
    if draft.type != "person" or not draft.spans:
        return None
    span = draft.spans[0]
    tokens = linked.tokens_in(span.start, span.end)
    if not tokens:
        return None
    sentence = linked.parse.sentences[tokens[0].sent]
    title = _title_before(linked, span.start, sentence.start)
    if title is None:
        return None
    best: tuple[int, str] | None = None
    for t in linked.parse.tokens[sentence.first:sentence.last]:
        eid = linked.token_entity.get(t.i)
        if not eid or eid == draft.key or linked.drafts[eid].type not in _STATE_TYPES:
            continue
        iso = linked.drafts[eid].country
        if iso and len(iso) == 3 and (best is None or abs(t.i - tokens[0].i) < best[0]):
            best = (abs(t.i - tokens[0].i), iso)
    if best is None:
        return None
    return best[1], f"title {title!r} with no state in the phrase; nearest state in the sentence {best[1]}"


def _title_before(linked, start: int, floor: int) -> str | None:
    text = linked.parse.document.text[max(floor, start - 60):start]
    words = fold_words(text.replace("-", " "))[-_MAX_TITLE_WORDS:]
    cores = _cores(linked)
    for n in range(len(words), 0, -1):
        if " ".join(words[-n:]) in cores:
            return " ".join(words[-n:])
    return None


def _cores(linked) -> frozenset[str]:
    # read per call: only persons with no state get here, a few per document
    return frozenset(r.core for r in linked.kb.rules if r.lang == linked.lang and r.target == "role" and r.core)
