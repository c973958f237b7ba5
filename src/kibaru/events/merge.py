"""One event per happening in a document: repeated mentions merge, keeping every evidence span.

Two mentions are one happening when they share a sentence and a type and their roles agree (a
nominal trigger nested in a verbal one: "l'envoi d'une aide"), or when they have the same type,
the same flags, the same stated actors and recipients and the same date (or none on both sides);
a bare anaphoric noun ("cette assistance", "this attack") with no roles of its own joins the last
event of its type. A recalled (historical) mention and a mention of the news in one sentence stay
apart. Mentions of one dyad with different dates or flags stay apart: "Moscou avait
déjà affirmé son soutien" is not yesterday's renewed support.
"""
from __future__ import annotations

from dataclasses import replace

from kibaru.model import Event, Parse

_DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces", "this", "these", "that", "those"})
_RELATED = {"AID": {"COOPERATE"}, "COOPERATE": {"AID"}}


def merge_mentions(events: tuple[Event, ...], parse: Parse, country_of=None) -> tuple[Event, ...]:
    kept: list[Event] = []
    for ev in events:
        target = _same_happening(kept, ev, parse)
        if target is None:
            target = _told_again(kept, ev, parse, country_of or (lambda e: None))
        if target is None:
            kept.append(ev)
            continue
        kept[target] = _absorb(kept[target], ev)
    return tuple(replace(ev, id=f"v{n + 1}") for n, ev in enumerate(kept))


def _same_happening(kept: list[Event], ev: Event, parse: Parse) -> int | None:
    anaphoric = not ev.actor and not ev.recipient and _demonstrative(ev, parse)
    for k in range(len(kept) - 1, -1, -1):
        other = kept[k]
        if anaphoric and (other.event_type == ev.event_type or ev.event_type in _RELATED.get(other.event_type, ())):
            return k
        if other.event_type != ev.event_type:
            continue
        if other.evidence.sentence == ev.evidence.sentence:
            # « suite à la destruction des mausolées depuis le 30 juin, ils ont repris leurs
            # destructions »: the recalled happening and the news are two
            if other.flags.historical != ev.flags.historical:
                continue
            if _agree(other.actor, ev.actor) and _agree(other.recipient, ev.recipient):
                return k
            continue
        if not (ev.actor and ev.recipient) or set(other.actor) != set(ev.actor) \
                or set(other.recipient) != set(ev.recipient):
            continue
        if other.flags == ev.flags and other.date.value == ev.date.value:
            return k
        # told once as background, once as news: same dyad, same type, no date on either side
        if not other.date.value and not ev.date.value and \
                replace(other.flags, historical=False) == replace(ev.flags, historical=False):
            return k
        # announced one day, told done the next: one happening within a week
        if _days_apart(other, ev) <= 7 and _same_but_future(other.flags, ev.flags):
            return k
    return None


def _told_again(kept: list[Event], ev: Event, parse: Parse, country_of) -> int | None:
    """« Correa a accordé l'asile à Assange ... l'Équateur lui a donc accordé l'asile »: the same
    words for the same act by the same party (or its state), with no party of its own on the
    receiving end and no date of its own, tell the happening again."""
    if not ev.actor or ev.recipient or ev.date.value:
        return None
    lemma = _trigger_lemma(ev, parse)
    states = {country_of(a) for a in ev.actor} - {None}
    for k in range(len(kept) - 1, -1, -1):
        other = kept[k]
        if other.event_type != ev.event_type or other.flags != ev.flags or not other.actor:
            continue
        if lemma is None or _trigger_lemma(other, parse) != lemma:
            continue
        if set(other.actor) & set(ev.actor) or states & ({country_of(a) for a in other.actor} - {None}):
            return k
    return None


def _trigger_lemma(ev: Event, parse: Parse) -> str | None:
    from bisect import bisect_left

    start, end = ev.evidence.trigger
    i = bisect_left(parse.tokens, start, key=lambda t: t.start)
    return parse.tokens[i].lemma.lower() if i < len(parse.tokens) and parse.tokens[i].start < end else None


def _days_apart(a: Event, b: Event) -> float:
    import datetime as dt

    if a.date.precision != "day" or b.date.precision != "day" or not a.date.value or not b.date.value:
        return float("inf")
    try:
        return abs((dt.date.fromisoformat(a.date.value) - dt.date.fromisoformat(b.date.value)).days)
    except ValueError:
        return float("inf")


def _same_but_future(a, b) -> bool:
    return replace(a, future=False) == replace(b, future=False)


def _agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return not a or not b or bool(set(a) & set(b))


def _demonstrative(ev: Event, parse: Parse) -> bool:
    start = ev.evidence.trigger[0]
    before = parse.tokens_before(start, 2)
    return any(t.text.lower() in _DEMONSTRATIVES for t in before)


def _absorb(main: Event, extra: Event) -> Event:
    spans = main.evidence.spans or (main.evidence.trigger,)
    evidence = replace(main.evidence, spans=(*spans, extra.evidence.trigger))
    return replace(
        main,
        actor=main.actor or extra.actor,
        recipient=main.recipient or extra.recipient,
        flags=main.flags if main.actor or not extra.actor else extra.flags,
        date=main.date if main.date.value else extra.date,
        location=main.location or extra.location,
        attribution=main.attribution if main.attribution.text else extra.attribution,
        context=tuple(dict.fromkeys((*main.context, *extra.context))),
        evidence=evidence,
        confidence=max(main.confidence, extra.confidence),
        why=(*main.why, f"merged with the mention at {extra.evidence.trigger}"),
    )
