"""A person the KB does not know: the party in their own phrase, else for a titled person the state
from the sentence.

"Arab League Secretary General Chadli Klibi", "Hamas leader X": a party named among the words
that modify the name belongs to it, whatever else the sentence names.

"President Abdelaziz Bouteflicka threatened to institute a curfew in Algiers": the title says the
person holds a state office, the phrase names no state, and the sentence's nearest state or place
(Algiers → DZA) is the best evidence of which state's office it is; a state named by its name or
capital beats one that only a demonym gives, since "the German government welcomed President
Reagan's statement as proof of Washington's wish" names Germany for another party. Titles are the
role phrases of ``data/roles.tsv`` without their demonym slot ("president", "foreign minister"); a
title alone is not enough when the sentence names no state, and the document's main state is left
to ``finish``.
"""
from __future__ import annotations

import functools

from kibaru.link.fold import fold_words

_STATE_TYPES = frozenset({"country", "location", "facility"})
_MAX_TITLE_WORDS = 5
_PARTY_TYPES = frozenset({"country", "igo", "organization", "armed_group"})
_PHRASE_POS = frozenset({"PROPN", "NOUN", "ADJ"})
_AFFILIATIONS = frozenset({"igo", "organization", "armed_group"})
_MAX_APPOSITION = 12
_SERVES_AT = frozenset({"to", "at", "in", "with", "auprès", "aupres", "à", "a", "au", "aux", "en", "dans"})


def title_state(linked, draft) -> tuple[str, str] | None:
    """(ISO-3 or non-state code, why) for a person with no state: a party named in the person's own
    phrase ("Arab League Secretary General Chadli Klibi" -> IGO), else, for a titled person, the
    nearest state or place in the sentence of their first mention, a named one ("Washington")
    before one only a demonym gives ("the German government"); None when neither is found."""
    if draft.type != "person" or not draft.spans:
        return None
    span = draft.spans[0]
    tokens = linked.tokens_in(span.start, span.end)
    if not tokens:
        return None
    sentence = linked.parse.sentences[tokens[0].sent]
    own = _own_phrase_party(linked, tokens, sentence.first, draft.key)
    if own is not None:
        return own, f"{own}: a party named in the person's own phrase"
    title = _title_before(linked, span.start, sentence.start)
    if title is None:
        return None
    best: tuple[bool, int, str] | None = None
    for t in linked.parse.tokens[sentence.first:sentence.last]:
        eid = linked.token_entity.get(t.i)
        if not eid or eid == draft.key or linked.drafts[eid].type not in _STATE_TYPES:
            continue
        iso = linked.drafts[eid].country
        rank = (_by_demonym(linked, eid, t), abs(t.i - tokens[0].i), iso)
        if iso and len(iso) == 3 and (best is None or rank[:2] < best[:2]):
            best = rank
    if best is None:
        return None
    kind = "state named only by a demonym" if best[0] else "state"
    return best[2], f"title {title!r} with no state in the phrase; nearest {kind} in the sentence {best[2]}"


def affiliation(linked, draft) -> tuple[str, str] | None:
    """(code, why) of the organisation a person's apposition names with a title: "Kenzo Oshima, the
    United Nations Emergency Relief Coordinator" -> UNO, "X, head of the ILO", "le haut-commissaire
    de l'ONU aux réfugiés, X". An explicit affiliation beats the person's nationality ("X, the
    French head of the UN mission" -> UNO). An organisation the title is sent "to" or serves "in"
    ("the Russian envoy to the UN") is not the person's."""
    if not draft.spans:
        return None
    span = draft.spans[0]
    tokens = linked.tokens_in(span.start, span.end)
    if not tokens:
        return None
    sentence = linked.parse.sentences[tokens[0].sent]
    all_tokens = linked.parse.tokens
    after = tokens[-1].i + 1
    before = tokens[0].i - 1
    windows = []
    if after < sentence.last and all_tokens[after].text == ",":
        windows.append(_window(all_tokens, range(after + 1, min(sentence.last, after + 1 + _MAX_APPOSITION))))
    if before >= sentence.first and all_tokens[before].text == ",":
        windows.append(_window(all_tokens, range(before - 1, max(sentence.first, before - _MAX_APPOSITION) - 1, -1)))
    titles = _affiliation_titles()
    for window in windows:
        if not any(set(fold_words(t.text)) & titles for t in window):
            continue
        for t in sorted(window, key=lambda t: t.i):
            eid = linked.token_entity.get(t.i)
            if not eid or eid == draft.key or linked.drafts[eid].type not in _AFFILIATIONS:
                continue
            code = linked.drafts[eid].country
            named = next((sp for sp in linked.drafts[eid].spans if sp.start <= t.start < sp.end), None)
            first = linked.tokens_in(named.start, named.end)[0].i if named else t.i
            if first > 0 and all_tokens[first - 1].pos == "DET":
                first -= 1
            prep = all_tokens[first - 1].text.lower() if first > 0 else ""
            if code and prep not in _SERVES_AT:
                return code, f"{code}: the organisation its apposition names with a title ({linked.drafts[eid].name})"
    return None


def _window(tokens, indices) -> list:
    """The apposition's words, up to a comma or a verb (the clause goes on there)."""
    out = []
    for k in indices:
        t = tokens[k]
        if t.text in {",", ";", ":", "(", ")"} or t.pos in {"VERB", "AUX"}:
            break
        out.append(t)
    return out


@functools.lru_cache(maxsize=1)
def _affiliation_titles() -> frozenset[str]:
    from pathlib import Path

    path = Path(__file__).parent / "data" / "affiliation_titles.txt"
    return frozenset(w for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#") for w in fold_words(line))


def _own_phrase_party(linked, tokens, floor: int, key: str) -> str | None:
    """The country code of a party among the words that modify the name from the left, within its
    noun phrase: every word's head lies further right, up to the name itself."""
    all_tokens = linked.parse.tokens
    last = tokens[-1].i
    k = tokens[0].i - 1
    while k >= floor and k < all_tokens[k].head <= last and all_tokens[k].pos in _PHRASE_POS:
        eid = linked.token_entity.get(k)
        if eid and eid != key and linked.drafts[eid].type in _PARTY_TYPES and linked.drafts[eid].country:
            return linked.drafts[eid].country
        k -= 1
    return None


def _by_demonym(linked, eid: str, token) -> bool:
    """Whether this mention names the state only through a demonym ("German government")."""
    span = next((sp for sp in linked.drafts[eid].spans if sp.start <= token.start < sp.end), None)
    words = (span.text if span else token.text).split()
    return bool(words) and linked.kb.demonym(words[0], linked.lang) is not None


def _title_before(linked, start: int, floor: int) -> str | None:
    text = linked.parse.document.text[max(floor, start - 60):start]
    words = fold_words(text.replace("-", " "))[-_MAX_TITLE_WORDS:]
    cores = _cores(linked)
    for n in range(len(words), 0, -1):
        if " ".join(words[-n:]) in cores:
            return " ".join(words[-n:])
    return None


def _cores(linked) -> frozenset[str]:
    return _role_cores(linked.kb, linked.lang)


@functools.lru_cache(maxsize=8)
def _role_cores(kb, lang: str) -> frozenset[str]:
    """The role phrases' cores ("président", "foreign minister"), once per KB and language."""
    return frozenset(r.core for r in kb.rules if r.lang == lang and r.target == "role" and r.core)
