"""Put an event together from a trigger: roles, flags, attribution, date, place; then merge."""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import replace

from kibaru.events.antecedents import Memory
from kibaru.events.attribution import postposed_speaker, quote_for, quoted_speaker, sentence_sources, speaker_of
from kibaru.events.clauses import clause_span
from kibaru.events.completion import (
    body_protests, complete, condition_target, content_party, demand_target, setting_target, speaks_as_body,
)
from kibaru.events.content import ContentMarks, asserted_triggers, conditions_on
from kibaru.events.flags import compute_flags
from kibaru.events.merge import merge_mentions
from kibaru.events.news_date import own_date, period_end, with_news_date
from kibaru.events.obligations import Obligation, find_obligations
from kibaru.events.passing import drop_in_passing
from kibaru.events.places import event_place
from kibaru.events.recoding import (
    COERCE_THREAT, THREAT_MODES, missing, modifier, ordered_withdrawal, recode, willing, without_stopping,
)
from kibaru.events.roles import Roles, fill_roles
from kibaru.events.speakers import first_person_speaker
from kibaru.events.triggers import find_triggers
from kibaru.link.arguments import resolve_argument
from kibaru.link.collectives import collective
from kibaru.link.linked import LinkedDocument
from kibaru.model import Attribution, DateValue, Event, Evidence, Parse

_PROTESTERS = frozenset({"manifestants", "protesters", "demonstrators"})
# "3 March 2024": a month, a number or a sum named by NER is not a trigger
_NOT_EVENT_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT"})


def extract_events(parse: Parse, linked: LinkedDocument, kb) -> tuple[Event, ...]:
    from kibaru.events.lexicon import load_cues, load_triggers

    lang = linked.lang if linked.lang in {"fr", "en"} else "en"
    lexicon, cues = load_triggers(lang), load_cues(lang)
    # a trigger word inside a name ("l'Alliance des États du Sahel") is part of the name
    found = [h for h in find_triggers(parse, lexicon, linked.children)
             if h.head not in linked.token_entity and parse.tokens[h.head].ent_label not in _NOT_EVENT_LABELS
             and not modifier(parse, h)]
    # « sans consulter le Niger », "the lack of an apology": a missing act is not an event
    absent = frozenset(c.cue for c in cues.of_kind("absence"))
    found = [h for h in found if not missing(parse, h, linked.children, absent)]
    found = without_stopping(parse, found, linked.children, lambda i: i in linked.token_entity
                              or collective(lang, parse.tokens[i].lemma.lower()) is not None)
    found = ordered_withdrawal(linked, found)
    background = frozenset(c.cue for c in cues.of_kind("background"))
    dates = _dates(parse, lang)
    found, recalled = drop_in_passing(parse, found, background, linked.children, lambda i: i in linked.token_entity
                                      or collective(lang, parse.tokens[i].lemma.lower()) is not None,
                                      lambda i: own_date(linked, i, dates) is not None)
    # a recalled noun's date is its own, not the date of the sentence's other events
    owned = {i: own_date(linked, i, dates) for i in recalled}
    # a state's or body's protest is ACCUSE (below); known before the content rule, so that the
    # protested act ("protested against the detention of journalists") is its content
    speaking = body_protests(linked, found)
    # a stated willingness to help is AGREE (below); what is offered is its content
    offering = frozenset(h.head for h in found if h.entry.type in _COOPERATIVE and h.pos == "VERB"
                         and willing(linked, h.head, cues))
    hits, embedded = asserted_triggers(parse, found, ContentMarks.of(cues), speaking, offering, recalled)
    obligations = {o.modal: o for o in find_obligations(linked, cues)}
    if obligations:
        hits = _with_obligations(parse, hits, embedded, obligations)
    sources = sentence_sources(linked, cues, {parse.tokens[h.head].sent for h in hits})
    memory = Memory()
    heads = {h.head for h in found}
    drafts: list[Event] = []
    historical_heads: set[int] = set()
    for n, hit in enumerate(hits):
        entry = hit.entry
        token = parse.tokens[hit.head]
        sent = parse.sentences[token.sent]
        if hit.head in obligations:
            roles = _obligation_roles(linked, obligations[hit.head], memory)
        else:
            roles = fill_roles(linked, hit.head, hit.pos, entry, memory, hit.tokens)
        for inner in embedded.get(hit.head, ()):
            if roles.recipient and roles.actor:
                break
            inner_roles = setting_target(linked, inner.head, inner.entry.type,
                                          fill_roles(linked, inner.head, inner.pos, inner.entry, memory, inner.tokens))
            roles = complete(roles, inner_roles, inner.entry.lemma,
                              "ACCUSE" if hit.head in speaking else entry.type)
        roles = setting_target(linked, hit.head, entry.type, roles)
        flags, flag_why = compute_flags(linked, hit.head, cues, entry.flag or "")
        if hit.head in owned:
            own = owned[hit.head]
            date = DateValue(own.value, own.precision, own.text)
            if not flags.historical:
                flags = replace(flags, historical=True)
                flag_why += (f"background noun with a date of its own ({date.text!r}): recalled",)
        else:
            date = _event_date(parse, hit.head, tuple(d for d in dates if d not in owned.values()))
        if not (flags.historical or flags.future) and _long_before(date, parse.document.published) \
                and not _ongoing_since(linked, hit.head, date):
            # "in January", "in 2015", "in December" for a story published weeks later: background
            flags = replace(flags, historical=True)
            flag_why += (f"dated {date.text!r}, before the month of publication",)
        if not flags.historical and _under(parse, hit.head, historical_heads):
            flags = replace(flags, historical=True)
            flag_why += ("inside the clause of a historical event",)
        if flags.historical:
            historical_heads.add(hit.head)
        event_type, mode, flags, recoded = recode(entry.type, entry.mode or None, flags, hit.pos)
        if entry.type in _HELD_OVER and event_type != "THREATEN" \
                and not flags.negated and "unless" in conditions_on(parse, hit.head):
            # "will withdraw its troops unless ...", « boycottera le scrutin à moins que ... »: an
            # act held over the other side until it complies is a threat
            event_type = "THREATEN"
            mode = COERCE_THREAT.get(entry.mode or "") if entry.type == "COERCE" else THREAT_MODES.get(entry.type)
            recoded = f"{entry.type} unless a condition is met -> THREATEN"
        if event_type == "THREATEN" and not roles.recipient:
            roles = condition_target(linked, hit.head, roles)
        if event_type == "THREATEN" and not roles.recipient:
            roles = demand_target(linked, hit.head, roles)
        if event_type in _COOPERATIVE and not flags.negated and willing(linked, hit.head, cues):
            # "Syria says it is willing to withdraw": a stated willingness is AGREE (PLOVER)
            event_type, mode, recoded = "AGREE", None, f"stated willingness to {entry.type} -> AGREE"
        if event_type in _CONTENT_PARTY_TYPES and roles.actor and not roles.recipient:
            roles = content_party(linked, hit.head, roles)
        if event_type == "CONSULT" and roles.actor and all(a.split(":")[1:2] and a.split(":")[1] in _PROTESTERS
                                                             for a in roles.actor if a.startswith("group:")) \
                and any(a.startswith("group:") for a in roles.actor):
            # "3 000 manifestants se sont réunis devant le consulat": protesters gather to protest
            event_type, mode, recoded = "PROTEST", "demo", "protesters gathering -> PROTEST"
        if event_type == "PROTEST" and mode in {None, "demo"} and (
                hit.head in speaking or speaks_as_body(linked, roles, sent)):
            # "l'Algérie a protesté contre la France", "a human rights group protested": the protest
            # of a state, an NGO or an IGO is a statement (PLOVER: ACCUSE), not a street action
            event_type, mode, recoded = "ACCUSE", "disapprove", "a state's or body's protest -> ACCUSE"
        if recoded:
            flag_why += (recoded,)
        attribution = (speaker_of(linked, hit.head, cues, roles.actor, heads)
                       or postposed_speaker(linked, hit.head, cues, roles.actor)
                       or quoted_speaker(linked, hit.head, cues)
                       or sources[token.sent] or Attribution())
        quote = quote_for(linked, sent, token.start)
        if quote:
            attribution = Attribution(attribution.source, attribution.text, quote)
        speaker = None if roles.actor else first_person_speaker(linked, hit.head, attribution)
        if speaker is not None and speaker not in roles.recipient:
            # "“We urge Niger to ...,” Macron said": the one quoted is the one who urges
            roles = replace(roles, actor=(speaker,), why=(*roles.why, "actor: the first person in the words of the source"))
        start, end = parse.tokens[min(hit.tokens)].start, parse.tokens[max(hit.tokens)].end
        why = (f"trigger {parse.document.text[start:end]!r} = {entry.type}"
               f"{'/' + entry.mode if entry.mode else ''} ({lang} lexicon: {entry.lemma} {entry.pos})",
               *roles.why, *flag_why)
        confidence = round(entry.weight * (0.6 + 0.2 * bool(roles.actor) + 0.2 * bool(roles.recipient)), 2)
        drafts.append(Event(
            id=f"v{n + 1}", event_type=event_type, mode=mode,
            context=tuple(entry.context), actor=roles.actor, recipient=roles.recipient,
            date=date, location=event_place(linked, hit.head, remote=mode == "phone"),
            flags=flags, attribution=attribution,
            evidence=Evidence((sent.start, sent.end), (start, end), parse.document.text[sent.start:sent.end]),
            confidence=confidence, why=why,
        ))
        memory.remember_actors(start, roles.actor)
    # merge first ("cette attaque" joins the attack), then drop events with neither actor nor
    # recipient: they say nothing an analyst can count
    drafts = _recalled_actors(drafts, {parse.tokens[i].start for i in owned})
    merged = merge_mentions(tuple(drafts), parse, linked.country_of)
    merged = with_news_date(linked, merged, dates, cues)
    return tuple(replace(v, id=f"v{n + 1}") for n, v in enumerate(v for v in merged if v.actor or v.recipient))


def _recalled_actors(drafts: list[Event], recalled: set[int]) -> list[Event]:
    """« Suite à la destruction des mausolées depuis le 30 juin, les islamistes ont repris leurs
    destructions »: a recalled happening named with no party of its own was done by the one the
    sentence says resumes or continues it, the actor of the sentence's event of the same type."""
    out = []
    for v in drafts:
        if v.evidence.trigger[0] in recalled and not v.actor and not v.recipient:
            same = next((o for o in drafts if o is not v and o.evidence.sentence == v.evidence.sentence
                         and o.event_type == v.event_type and o.actor
                         and o.evidence.trigger[0] not in recalled), None)
            if same is not None:
                v = replace(v, actor=same.actor, why=(*v.why, "actor<-the one who does the same again in the sentence"))
        out.append(v)
    return out


@functools.lru_cache(maxsize=1)
def _obligation_trigger():
    """The lexicon-shaped entry for a demand told as an obligation (see obligations.py)."""
    from kibaru.events.lexicon import DEFAULT_ROLES, Trigger

    return Trigger(lemma="must", lemmas=("must",), pos="VERB", type="REQUEST", mode=None,
                   context=(), requires=(), flag=None, roles=DEFAULT_ROLES["VERB"], weight=0.75,
                   note="reported obligation", source="events/obligations.py")


def _with_obligations(parse: Parse, hits: list, embedded: dict, obligations: dict[int, Obligation]) -> list:
    """Add a REQUEST trigger per reported obligation; the obliged action becomes its content."""
    from kibaru.events.triggers import TriggerHit

    clauses = {o.clause: o.modal for o in obligations.values()}
    kept = []
    for hit in hits:
        t, owner = parse.tokens[hit.head], None
        for _ in range(4):
            if t.i in clauses:
                owner = clauses[t.i]
                break
            if t.head == t.i:
                break
            t = parse.tokens[t.head]
        if owner is None:
            kept.append(hit)
        else:
            embedded.setdefault(owner, []).append(hit)
    kept += [TriggerHit(o.modal, (o.modal,), _obligation_trigger(), "VERB") for o in obligations.values()]
    return sorted(kept, key=lambda h: h.head)


def _obligation_roles(linked: LinkedDocument, ob: Obligation, memory):
    tokens = linked.parse.tokens
    actor, why = resolve_argument(linked, ob.speaker)
    if not actor and ob.speaker is not None:
        actor, why = memory.antecedent(linked, ob.speaker)
    target = ob.obliged
    if target is None or tokens[target].pos == "PRON":
        target = ob.addressee if ob.addressee is not None else target
    recipient, rwhy = resolve_argument(linked, target) if target is not None else ((), "")
    recipient = tuple(r for r in recipient if r not in actor)
    return Roles(actor, recipient, (f"actor<-speaker: {why}", f"recipient<-the one who must act: {rwhy}",
                                    "REQUEST: an obligation reported by its speaker"))


# An offer, refusal, threat or demand with no addressee is aimed at the party its content names:
# "is willing to help defend Saudi Arabia", "threatened to resume attacks in Israel", "refused to
# meet the king of Morocco", « menace de frapper Israël ».
_CONTENT_PARTY_TYPES = frozenset({"AGREE", "REJECT", "THREATEN", "REQUEST"})


_COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
# acts a party can hold over another until it complies ("will withdraw ... unless")
_HELD_OVER = frozenset({*THREAT_MODES, "RETREAT", "PROTEST"})


def _under(parse: Parse, i: int, heads: set[int]) -> bool:
    t = parse.tokens[i]
    for _ in range(8):
        if t.head == t.i:
            return False
        t = parse.tokens[t.head]
        if t.i in heads:
            return True
    return False


def _dates(parse: Parse, lang: str) -> tuple[DateValue, ...]:
    from kibaru.dates import find_dates

    published = parse.document.published
    anchor = None
    if published and len(published) >= 10:
        try:
            anchor = dt.date.fromisoformat(published[:10])
        except ValueError:
            anchor = None
    return tuple(d for d in find_dates(parse.document.text, anchor, lang) if d.value)


_SINCE = frozenset({"since", "depuis"})


def _long_before(date: DateValue, published: str | None) -> bool:
    """The event's own date ends before the month of publication, a week or more before it: told
    as background, not as the news."""
    end = period_end(date)
    if end is None or not published or len(published) < 10:
        return False
    try:
        pub = dt.date.fromisoformat(published[:10])
    except ValueError:
        return False
    return end < pub.replace(day=1) and end <= pub - dt.timedelta(days=7)


def _ongoing_since(linked: LinkedDocument, head: int, date: DateValue) -> bool:
    """"has been attacking Kenyan troops since 2011", « combat depuis 2011 »: a present state
    begun then, still going on."""
    if not (date.text or "").split() or date.text.split()[0].lower() not in _SINCE:
        return False
    t = linked.parse.tokens[head]
    verbs = [t, *(c for c in linked.children(t.i) if c.dep.startswith("aux"))]
    return any("Tense=Pres" in v.morph and "VerbForm=Part" not in v.morph for v in verbs)


def _event_date(parse: Parse, head: int, dates: tuple[DateValue, ...]) -> DateValue:
    """A date in the trigger's clause first, else in its sentence (nearest); never the publication date."""
    token = parse.tokens[head]
    sent = parse.sentences[token.sent]
    clause = clause_span(parse, head)
    # a date at offset 0 ("On Friday, ..." opening the text) is a real position, not a missing one
    at = [(d, -1 if d.start is None else d.start) for d in dates]
    in_clause = [d for d, k in at if clause[0] <= k < clause[1]]
    in_sentence = [d for d, k in at if sent.start <= k < sent.end]
    pool = in_clause or in_sentence
    if not pool:
        return DateValue()
    best = min(pool, key=lambda d: abs((d.start or 0) - token.start))
    return DateValue(best.value, best.precision, best.text)


