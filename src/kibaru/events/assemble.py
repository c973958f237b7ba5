"""Put an event together from a trigger: roles, flags, attribution, date, place; then merge."""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import replace

from kibaru.events.antecedents import Memory
from kibaru.events.attribution import postposed_speaker, quote_for, quoted_speaker, sentence_sources, speaker_of
from kibaru.events.clauses import clause_span
from kibaru.events.content import ContentMarks, asserted_triggers, conditions_on
from kibaru.events.flags import compute_flags
from kibaru.events.merge import merge_mentions
from kibaru.events.obligations import Obligation, find_obligations
from kibaru.events.passing import drop_in_passing
from kibaru.events.places import clause_place, event_place
from kibaru.events.roles import fill_roles
from kibaru.events.speakers import first_person_speaker
from kibaru.events.triggers import find_triggers
from kibaru.events import wordlists
from kibaru.link.collectives import collective
from kibaru.link.linked import LinkedDocument
from kibaru.model import Attribution, DateValue, Event, Evidence, Parse

# PLOVER: CONSULT, SUPPORT, COOPERATE or AID told in the future tense is AGREE.
_FUTURE_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
_PLACE_TYPES = frozenset({"location", "facility"})
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
             and not _modifier(parse, h)]
    # « sans consulter le Niger », "the lack of an apology": a missing act is not an event
    absent = frozenset(c.cue for c in cues.of_kind("absence"))
    found = [h for h in found if not _missing(parse, h, linked.children, absent)]
    found = _without_stopping(parse, found, linked.children, lambda i: i in linked.token_entity
                              or collective(lang, parse.tokens[i].lemma.lower()) is not None)
    found = _ordered_withdrawal(linked, found)
    background = frozenset(c.cue for c in cues.of_kind("background"))
    dates = _dates(parse, lang)
    found, recalled = drop_in_passing(parse, found, background, linked.children, lambda i: i in linked.token_entity
                                      or collective(lang, parse.tokens[i].lemma.lower()) is not None,
                                      lambda i: _own_date(linked, i, dates) is not None)
    # a recalled noun's date is its own, not the date of the sentence's other events
    owned = {i: _own_date(linked, i, dates) for i in recalled}
    # a state's or body's protest is ACCUSE (below); known before the content rule, so that the
    # protested act ("protested against the detention of journalists") is its content
    speaking = _body_protests(linked, found)
    # a stated willingness to help is AGREE (below); what is offered is its content
    offering = frozenset(h.head for h in found if h.entry.type in _COOPERATIVE and h.pos == "VERB"
                         and _willing(linked, h.head, cues))
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
            inner_roles = _setting_target(linked, inner.head, inner.entry.type,
                                          fill_roles(linked, inner.head, inner.pos, inner.entry, memory, inner.tokens))
            roles = _complete(roles, inner_roles, inner.entry.lemma,
                              "ACCUSE" if hit.head in speaking else entry.type)
        roles = _setting_target(linked, hit.head, entry.type, roles)
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
            mode = _COERCE_THREAT.get(entry.mode or "") if entry.type == "COERCE" else _THREAT_MODES.get(entry.type)
            recoded = f"{entry.type} unless a condition is met -> THREATEN"
        if event_type == "THREATEN" and not roles.recipient:
            roles = _condition_target(linked, hit.head, roles)
        if event_type == "THREATEN" and not roles.recipient:
            roles = _demand_target(linked, hit.head, roles)
        if event_type in _COOPERATIVE and not flags.negated and _willing(linked, hit.head, cues):
            # "Syria says it is willing to withdraw": a stated willingness is AGREE (PLOVER)
            event_type, mode, recoded = "AGREE", None, f"stated willingness to {entry.type} -> AGREE"
        if event_type in _CONTENT_PARTY_TYPES and roles.actor and not roles.recipient:
            roles = _content_party(linked, hit.head, roles)
        if event_type == "CONSULT" and roles.actor and all(a.split(":")[1:2] and a.split(":")[1] in _PROTESTERS
                                                             for a in roles.actor if a.startswith("group:")) \
                and any(a.startswith("group:") for a in roles.actor):
            # "3 000 manifestants se sont réunis devant le consulat": protesters gather to protest
            event_type, mode, recoded = "PROTEST", "demo", "protesters gathering -> PROTEST"
        if event_type == "PROTEST" and mode in {None, "demo"} and (
                hit.head in speaking or _speaks_as_body(linked, roles, sent)):
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
    merged = _with_news_date(linked, merged, dates, cues)
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
    from kibaru.events.roles import Roles
    from kibaru.link.arguments import resolve_argument

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


_CONDITION_MARKS = frozenset({"if", "unless", "si"})


def _condition_target(linked: LinkedDocument, head: int, roles):
    """"threatened to stop talks if the United States goes ahead", "unless Israel rescinded":
    whoever must meet the condition is the one threatened."""
    from kibaru.events.roles import Roles
    from kibaru.link.arguments import resolve_argument

    tokens = linked.parse.tokens
    verbs = [head] + [c.i for c in linked.children(head) if c.dep in {"xcomp", "ccomp"}]
    for v in verbs:
        for clause in linked.children(v):
            if not clause.dep.startswith("advcl") or not any(
                    m.dep == "mark" and m.lemma.lower() in _CONDITION_MARKS for m in linked.children(clause.i)):
                continue
            subject = next((c.i for c in linked.children(clause.i) if c.dep in {"nsubj", "nsubjpass", "nsubj:pass"}), None)
            if subject is None:
                continue
            ids, rule = resolve_argument(linked, subject)
            ids = tuple(e for e in ids if e not in roles.actor and linked.entity_type(e) not in _PLACE_TYPES)
            if ids:
                return Roles(roles.actor, ids, (*roles.why, f"recipient<-who must meet the condition "
                                                            f"{tokens[clause.i].text!r}: {rule}"))
    return roles


_DEMAND_PATH = frozenset({"conj", "nmod", "obl", "obj", "dobj", "prep", "pobj"})


def _demand_target(linked: LinkedDocument, head: int, roles):
    """"urged Sudan to accept the truce or face sanctions", « a exhorté le Soudan à accepter la
    trêve sous peine de sanctions »: a threat told inside what one side is asked to do is held
    over the one asked (the object of the verb whose complement holds it)."""
    from kibaru.events.roles import Roles
    from kibaru.link.arguments import resolve_argument

    tokens = linked.parse.tokens
    node = head
    for _ in range(6):
        t = tokens[node]
        if t.head == node:
            return roles
        if t.dep == "xcomp":
            asked = next((c.i for c in linked.children(t.head) if c.dep in {"obj", "dobj"}), None)
            if asked is None:
                return roles
            ids, rule = resolve_argument(linked, asked)
            ids = tuple(e for e in ids if e not in roles.actor and linked.entity_type(e) not in _PLACE_TYPES)
            if not ids:
                return roles
            why = (*roles.why, f"recipient<-the one asked by {tokens[t.head].text!r}: {rule}")
            actor = roles.actor
            asker = next((c.i for c in linked.children(t.head) if c.dep in {"nsubj", "nsubj:pass"}), None)
            if not actor and asker is not None:
                # whoever asks holds the penalty over the one asked
                actor, rule = resolve_argument(linked, asker)
                actor = tuple(e for e in actor if e not in ids and linked.entity_type(e) not in _PLACE_TYPES)
                why += (f"actor<-who asks {tokens[t.head].text!r}: {rule}",) if actor else ()
            return Roles(actor, ids, why)
        if t.dep not in _DEMAND_PATH:
            return roles
        node = t.head
    return roles


# An offer, refusal, threat or demand with no addressee is aimed at the party its content names:
# "is willing to help defend Saudi Arabia", "threatened to resume attacks in Israel", "refused to
# meet the king of Morocco", « menace de frapper Israël ».
_CONTENT_PARTY_TYPES = frozenset({"AGREE", "REJECT", "THREATEN", "REQUEST"})
_CONTENT_CLAUSES = frozenset({"xcomp", "ccomp"})
_CONTENT_PATH = frozenset({"xcomp", "ccomp", "dobj", "obj", "pobj", "prep", "poss", "compound", "nmod", "obl",
                           "obl:arg", "obl:mod", "acl", "amod", "npadvmod", "flat", "flat:name", "appos"})
_CONTENT_SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})
# "declined to resign despite pressure by the commission": circumstances, not content
_NOT_CONTENT_PREPS = frozenset({"despite", "after", "before", "amid", "during", "since", "following", "because",
                                "until", "malgré", "après", "avant", "pendant", "depuis", "lors"})


def _content_party(linked: LinkedDocument, head: int, roles):
    from kibaru.events.content import condition_mark
    from kibaru.events.roles import Roles
    from kibaru.link.arguments import resolve_argument

    tokens = linked.parse.tokens
    found: list[int] = []
    stack = [(head, 0, False)]
    while stack:
        i, depth, in_clause = stack.pop()
        if depth >= 8:
            continue
        for c in linked.children(i):
            if c.i < head and not in_clause:
                continue  # the trigger's own subject and what comes before it are not its content
            clause = in_clause or c.dep in _CONTENT_CLAUSES
            if c.dep in _CONTENT_PATH or (in_clause and c.dep in _CONTENT_SUBJECTS and tokens[i].pos in {"VERB", "AUX"}) \
                    or (c.dep == "advcl" and condition_mark(linked.parse, c) is None and _purposive(linked, c)):
                if c.dep == "ccomp" and i == head and tokens[head].pos != "VERB":
                    continue
                if c.dep == "prep" and c.lemma.lower() in _NOT_CONTENT_PREPS:
                    continue
                if tokens[i].lemma.lower() in wordlists.nouns("patient") and _of_phrase(linked, c):
                    continue  # "demanded the release of Malian journalists": the freed are not asked
                found.append(c.i)
                stack.append((c.i, depth + 1, clause))
    for i in sorted(found):
        if tokens[i].pos not in {"PROPN", "NOUN"}:
            continue
        if not _named_party(linked, i):
            continue
        ids, rule = resolve_argument(linked, i)
        ids = tuple(e for e in ids if e not in roles.actor and linked.entity_type(e) not in _PLACE_TYPES)
        if ids:
            return Roles(roles.actor, ids, (*roles.why, f"recipient<-the party its content names "
                                                        f"{tokens[i].text!r}: {rule}"))
    return roles


def _of_phrase(linked: LinkedDocument, c) -> bool:
    """"of X", "X's", « de X »: the complement that names whom an act is done to."""
    if c.dep in {"poss", "nmod:poss"} or (c.dep == "prep" and c.lemma.lower() == "of"):
        return True
    return c.dep == "nmod" and any(m.dep == "case" and m.lemma.lower() in {"de", "du", "des", "d'", "d’"}
                                   for m in linked.children(c.i))


def _named_party(linked: LinkedDocument, i: int) -> bool:
    """A name, or a noun a name or a demonym qualifies ("Palestinian factions", "the king of
    Morocco"); not a bare common noun ("by force", "its citizens"), which names no one."""
    if i in linked.token_entity:
        return True
    for c in linked.children(i):
        if c.i in linked.token_entity and c.dep in {"poss", "nmod:poss", "compound", "amod", "nmod", "flat", "flat:name",
                                                    "appos"}:
            return True
        if c.dep in {"amod", "compound", "nmod"} and linked.kb.demonym(c.text, linked.lang):
            return True
        if c.dep == "prep" and c.lemma.lower() == "of" and any(g.i in linked.token_entity for g in linked.children(c.i)):
            return True
    return False


def _purposive(linked: LinkedDocument, t) -> bool:
    """A to-infinitive or « pour » clause: "is willing to send material to help defend X"."""
    return any(k.dep in {"aux", "mark"} and k.lemma.lower() in {"to", "pour", "afin"} and k.i < t.i
               for k in linked.children(t.i))


# Force, repression, protest and concessions with no named target fall on the state where they
# happen: "imposed a curfew in Cizre", "fired at targets in Jericho", "demonstrated in Serbia".
# Only for an event with an actor: a place alone does not make an event worth counting.
_SETTING_TARGETS = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "CONCEDE"})


def _setting_target(linked: LinkedDocument, head: int, event_type: str, roles):
    from kibaru.events.roles import Roles

    if roles.recipient or not roles.actor or event_type not in _SETTING_TARGETS:
        return roles
    place = clause_place(linked, head)
    t = linked.parse.tokens[head]
    if place is None and t.dep == "advcl" and t.head != t.i and any(
            c.dep == "mark" and c.lemma.lower() == "en" for c in linked.children(t.i)):
        # « ont repris leurs destructions à Tombouctou en s'attaquant à la porte »: a gerund
        # happens where its main clause does
        place = clause_place(linked, t.head)
    state = linked.implicit_state(place.country, "the state where the event happens") \
        if place is not None and place.country else None
    if state is None:
        return roles
    why = f"recipient<-state where it happens ({place.text!r})"
    if state in roles.actor:  # "Turkish authorities imposed a curfew in Cizre": its own population
        group = collective(linked.lang, _POPULATION.get(linked.lang, "civilian"))
        if group is None:
            return roles
        state = linked.implicit_group(group, place.country)
        why = f"recipient<-the population where it happens ({place.text!r})"
    return Roles(roles.actor, (state,), (*roles.why, why))


_POPULATION = {"fr": "civil", "en": "civilian"}


# PLOVER's codes for organisations that speak as bodies ("a human rights group protested")
_BODIES = frozenset({"NGO", "IGO", "UNO", "EUR"})


def _states_or_bodies(linked: LinkedDocument, eid: str) -> bool:
    if linked.entity_type(eid) in {"country", "igo"} and linked.drafts[eid].listed:
        return True
    return linked.country_of(eid) in _BODIES


def _speaks_as_body(linked: LinkedDocument, roles, sent) -> bool:
    """Whether a protest's actors are all states or bodies, named as such (not "ethnic Albanians",
    not an unnamed group)."""
    return bool(roles.actor) and all(_states_or_bodies(linked, a) for a in roles.actor) \
        and not any("demonym" in w or "unnamed group" in w for w in roles.why) \
        and not _people_by_demonym(linked, roles.actor, sent)


def _body_protests(linked: LinkedDocument, found: list) -> frozenset[int]:
    """Heads of the protests made by states or bodies, read before the content rule runs (a fresh
    memory: a pronoun protester is decided later, as before)."""
    from kibaru.events.roles import fill_roles

    parse = linked.parse
    return frozenset(
        h.head for h in found
        if h.entry.type == "PROTEST" and (h.entry.mode or None) in {None, "demo"}
        and _speaks_as_body(linked, fill_roles(linked, h.head, h.pos, h.entry, Memory(), h.tokens),
                            parse.sentences[parse.tokens[h.head].sent]))


def _people_by_demonym(linked: LinkedDocument, actor: tuple[str, ...], sent) -> bool:
    """"ethnic Albanians demonstrated": the actor is named in this sentence by a demonym, so it
    is people of that state, not the state itself."""
    for eid in actor:
        d = linked.drafts.get(eid)
        for span in (d.spans if d is not None else ()):
            if sent.start <= span.start < sent.end and linked.kb.demonym(span.text, linked.lang):
                return True
    return False


def _complete(roles, inner, lemma: str, outer_type: str):
    """Missing roles from the embedded content: "offered to hand over to Britain" -> Britain;
    "demanded the withdrawal of Serbian forces" -> Serbia is the one asked."""
    from kibaru.events.roles import Roles

    asked = inner.actor if outer_type in {"REQUEST", "ACCUSE"} else ()
    # the one asked or blamed is never the one asking: "we called for Russia to agree" leaves
    # the unresolved "we" empty rather than making Russia ask itself
    # who put the proposal forward and receives the endorsement does not endorse it: "agreed with
    # the Ethiopian proposal" leaves the actor to be found elsewhere
    actor = roles.actor or (() if asked else tuple(a for a in inner.actor if outer_type != "SUPPORT"
                                                   or a not in roles.recipient))
    recipient = roles.recipient or tuple(r for r in (*asked, *inner.recipient) if r not in actor)
    if (actor, recipient) == (roles.actor, roles.recipient):
        return roles
    return Roles(actor, recipient, (*roles.why, f"roles completed from embedded {lemma!r}: {inner.why}"))


# PLOVER codes one type where a type plus an auxiliary mode would say the same: a promised
# meeting or aid is AGREE, a refusal to agree is REJECT, a conditional or announced use of force
# or sanction is THREATEN (its mode says what is threatened).
# refusing to agree, concede, meet, back or help is a REJECT ("would not meet the demands")
_REFUSABLE = frozenset({"AGREE", "CONCEDE", "SUPPORT", "COOPERATE"})
_COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
_THREAT_MODES = {"ASSAULT": "violence", "SANCTION": "relations", "COERCE": "restrict", "MOBILIZE": "violence"}
# acts a party can hold over another until it complies ("will withdraw ... unless")
_HELD_OVER = frozenset({*_THREAT_MODES, "RETREAT", "PROTEST"})
_COERCE_THREAT = {"arrest": "arrest", "deport": "expel", "restrict": "restrict", "curfew": "restrict",
                  "martial-law": "restrict", "seize": "restrict"}


def recode(event_type: str, mode: str | None, flags, pos: str):
    """(type, mode, flags, why) after PLOVER's single-type rules for future/negated/conditional."""
    if flags.negated and (event_type in _REFUSABLE or (flags.future and event_type in _FUTURE_AGREE)):
        return "REJECT", None, replace(flags, negated=False, future=False), f"negated {event_type} -> REJECT"
    if flags.future and event_type in _FUTURE_AGREE and pos == "VERB":
        return "AGREE", None, flags, f"future {event_type} -> AGREE"
    if flags.future and event_type == "RETREAT" and mode == "withdraw":
        # PLOVER: an announced withdrawal, not yet carried out, is a concession in words
        return "CONCEDE", None, flags, "future withdrawal -> CONCEDE"
    if (flags.future or flags.hypothetical) and event_type in _THREAT_MODES and not flags.negated:
        threat = _COERCE_THREAT.get(mode or "", _THREAT_MODES[event_type]) if event_type == "COERCE" \
            else ("expel" if mode == "expel" else _THREAT_MODES[event_type])
        return "THREATEN", threat, flags, f"{'future' if flags.future else 'conditional'} {event_type} -> THREATEN"
    return event_type, mode, flags, ""


# a noun trigger modifying another noun names a kind of thing ("aid convoys", "battle zones"),
# except before the nouns that make it an undertaking ("a mediation effort")
_UNDERTAKINGS = frozenset({"effort", "mission", "campaign", "operation", "bid", "attempt", "initiative",
                           "offensive", "drive", "plan", "deal", "talk", "round"})


_HOSTILE = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN"})


def _without_stopping(parse: Parse, found: list, children, party) -> list:
    """« arrêtez la destruction », « ils ont arrêté les combats »: "arrêter" whose object is itself an
    act means stop, not arrest (a person or a party is what is arrested). Told as a command it is a
    demand (REQUEST); a hostile act stopped is a de-escalation (RETREAT); the object stays its content."""
    nouns = {h.head: h for h in found if h.pos == "NOUN" and not party(h.head)}
    out = []
    for h in found:
        obj = None
        if h.pos == "VERB" and h.entry.type == "COERCE" and h.entry.mode == "arrest" and len(h.tokens) == 1:
            obj = next((nouns[c.i] for c in children(h.head) if c.dep in {"obj", "dobj"} and c.i in nouns), None)
        if obj is None:
            out.append(h)
        elif _imperative(parse.tokens[h.head], children(h.head)):
            out.append(replace(h, entry=replace(h.entry, type="REQUEST", mode=None, roles=(),
                                                note="stop (a command)")))
        elif obj.entry.type in _HOSTILE:
            out.append(replace(h, entry=replace(h.entry, type="RETREAT", mode="ceasefire", roles=(),
                                                note="stop (hostilities)")))
    return out


def _imperative(t, kids) -> bool:
    """A command: the imperative mood, or (the tagger often reads « arrêtez » as a participle) a
    French verb in -ez/-ons with no subject and no auxiliary."""
    if "Mood=Imp" in t.morph:
        return True
    return t.text.lower().endswith(("ez", "ons")) and not any(
        c.dep.startswith(("nsubj", "aux", "expl")) or c.dep == "cop" for c in kids)


_ORDER_VERBS = frozenset({"ordonner", "order", "décréter", "decree"})


def _ordered_withdrawal(linked: LinkedDocument, found: list) -> list:
    """« en ordonnant le retrait de 2 000 soldats », "ordered the withdrawal of its troops": an
    order to pull out one's own forces is the withdrawal itself, by the one who orders (RETREAT;
    told in the future, the flags say so), not a demand of which the soldiers are the recipient.
    An order to another party ("ordered Mali to withdraw its troops", « a ordonné le retrait des
    troupes françaises ») stays REQUEST."""
    from kibaru.events.parties import bare_collective

    parse = linked.parse
    tokens = parse.tokens
    nouns = {h.head: h for h in found if h.pos == "NOUN" and h.entry.type == "RETREAT" and h.entry.mode == "withdraw"}
    if not nouns:
        return found
    out = []
    for h in found:
        t = tokens[h.head]
        if h.pos != "VERB" or h.entry.type != "REQUEST" or len(h.tokens) != 1 or t.lemma.lower() not in _ORDER_VERBS:
            out.append(h)
            continue
        kids = linked.children(t.i)
        noun = next((c for c in kids if c.dep in {"obj", "dobj"} and c.i in nouns), None)
        # « en ordonnant »: the gerund's « en » is no party the order goes to
        others = [c for c in kids if c.dep in {"iobj", "obj", "dobj", "dative"} and c is not noun
                  and c.pos in {"NOUN", "PROPN", "PRON"} and c.text.lower() not in {"en", "y"}]
        forces = [g for c in ([] if noun is None else linked.children(noun.i))
                  for g in ((c,) if c.dep.startswith("nmod") else linked.children(c.i) if c.dep == "prep"
                            and c.lemma.lower() == "of" else ())
                  if g.dep in {"nmod", "pobj"} and g.lemma.lower() in wordlists.nouns("withdrawn")]
        if noun is None or others or not forces or not all(bare_collective(linked, g.i) for g in forces):
            out.append(h)
            continue
        out.append(replace(h, entry=replace(h.entry, type="RETREAT", mode="withdraw", context=("military",),
                                            roles=(("subj", "actor"),),
                                            note="order the withdrawal of one's own forces")))
    return out


def _missing(parse: Parse, hit, children, absent: frozenset[str]) -> bool:
    """The trigger names an act said to be missing (cue kind ``absence``): « sans consulter le
    Niger », « sans l'accord de Bamako », "without consulting Niger" (the act did not take place),
    « l'absence de soutien », « le manque de coopération », "the lack of an apology". The text does
    not say it happened, nor that anyone refused it (which would be REJECT): no event."""
    tokens = parse.tokens
    t = tokens[hit.head]
    if any(c.dep in {"case", "mark"} and c.lemma.lower() in absent for c in children(t.i)):
        return True
    if t.head == t.i:
        return False
    up = tokens[t.head]
    if t.dep in {"pobj", "pcomp"} and up.lemma.lower() in absent:
        return True  # "without consulting", "without an agreement"
    if t.dep.startswith("nmod") and up.lemma.lower() in absent and up.pos == "NOUN" \
            and any(c.dep == "case" and c.lemma.lower() == "de" for c in children(t.i)):
        return True  # « l'absence de soutien »
    if t.dep == "pobj" and up.lemma.lower() == "of" and up.head != up.i:
        owner = tokens[up.head]
        return owner.pos == "NOUN" and owner.lemma.lower() in absent  # "the lack of support"
    return False


def _modifier(parse: Parse, hit) -> bool:
    t = parse.tokens[hit.head]
    return hit.pos == "NOUN" and len(hit.tokens) == 1 and t.dep == "compound" \
        and parse.tokens[t.head].lemma.lower() not in _UNDERTAKINGS


def _willing(linked: LinkedDocument, head: int, cues) -> bool:
    """The trigger is the complement of "willing", "ready", "prêt à", "disposé à"."""
    tokens = linked.parse.tokens
    t = tokens[head]
    for _ in range(2):
        if t.head == t.i:
            return False
        if t.dep not in {"xcomp", "acomp", "advcl", "ccomp", "obl", "obl:arg", "acl"}:
            return False
        t = tokens[t.head]
        if "willingness" in cues.kinds(t.lemma.lower()) or "willingness" in cues.kinds(t.text.lower()):
            return True
    return False


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
# the news is told in the story's opening sentences; its day is the day of what follows
_LEAD_SENTENCES = 2
_NEWS_WINDOW_DAYS = 7


def _news_date(parse: Parse, dates: tuple[DateValue, ...]) -> tuple[DateValue, int] | None:
    """The day the lead gives the news ("Gunmen stormed a hotel on Tuesday", « ont manifesté
    aujourd'hui »): a day-precision date in the first sentences, in the week up to publication."""
    published = parse.document.published or ""
    try:
        pub = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    for d in sorted((d for d in dates if d.start is not None and d.precision == "day" and d.value), key=lambda d: d.start):
        sent = next((n for n, s in enumerate(parse.sentences) if s.start <= d.start < s.end), None)
        if sent is None or sent >= _LEAD_SENTENCES:
            return None
        try:
            day = dt.date.fromisoformat(d.value[:10])
        except ValueError:
            continue
        if pub - dt.timedelta(days=_NEWS_WINDOW_DAYS) <= day <= pub:
            return d, sent
    return None


def _with_news_date(linked: LinkedDocument, events, dates: tuple[DateValue, ...], cues):
    """An event the text gives no date of its own, told after the lead as news (in a past tense,
    not background, not planned or conditional, not someone's opinion), happened on the news day:
    a reader of "The statement said the G7 countries affirmed their support" dates it by the lead.
    Never the publication date itself, unless the lead gives it."""
    news = _news_date(linked.parse, dates)
    if news is None:
        return events
    lead, lead_sent = news
    out = []
    for v in events:
        tokens = linked.tokens_in(v.evidence.trigger[0], v.evidence.trigger[1])
        if v.date.value or not tokens or tokens[0].sent < lead_sent or v.flags.historical \
                or v.flags.future or v.flags.hypothetical or v.flags.negated \
                or not _told_in_past(linked, tokens[-1].i, cues):
            out.append(v)
            continue
        why = (*v.why, f"date: the news day the lead gives ({lead.text!r})")
        out.append(replace(v, date=DateValue(lead.value, lead.precision, lead.text), why=why))
    return tuple(out)


_PERFECT_AUX = frozenset({"avoir", "être", "have"})
# the clause a verb heads goes up to the verb it depends on only through these (an infinitive or
# participle takes its tense from the verb above: « a décidé d'intervenir », "killed in a raid")
_NONFINITE_UP = frozenset({"xcomp", "acl", "advcl", "obj", "dobj", "nmod", "obl", "obl:arg", "obl:mod",
                           "pobj", "prep", "pcomp", "conj", "ccomp", "nsubj", "nsubj:pass", "appos"})
_PERCEPTION = frozenset({"see", "hear", "observe", "watch", "spot", "notice", "witness"})
_MODALS = frozenset({"can", "could", "may", "might", "must", "shall", "should", "will", "would"})


def _told_in_past(linked: LinkedDocument, i: int, cues) -> bool:
    """The event's own verb is in a past tense: the passé composé (« ont manifesté », « s'est
    propagé »), the simple past (« annonça », "attacked", "was killed"), the English present perfect
    ("have banned"). Not a present, whether the tagger saw it (« multiplie les voyages ») or not
    (« est prête à intervenir »), not an imperfect or a conditional, and not a verb inside someone's
    opinion (« l'avis de X, pour qui les États-Unis ont ordonné »)."""
    tokens = linked.parse.tokens
    t = tokens[i]
    for _ in range(10):
        kids = linked.children(t.i)
        auxes = [c for c in kids if c.dep.startswith("aux") or c.dep == "cop"]
        finite = [v for v in (t, *auxes) if "VerbForm=Fin" in v.morph or v.lemma.lower() in _MODALS]
        if finite:
            if _in_opinion(linked, t, cues):
                return False
            if any("Tense=Past" in v.morph or _passe_simple(v) for v in finite):
                return True
            if t.lemma.lower() in _PERCEPTION and any(v.lemma.lower() == "could" for v in finite):
                return True  # "could be seen surrounding the hotel": what was witnessed then
            # passé composé / present perfect: a present auxiliary of the perfect on a past participle
            return "VerbForm=Part" in t.morph and "Tense=Past" in t.morph and any(
                a.lemma.lower() in _PERFECT_AUX and a.dep.startswith("aux") for a in finite)
        if t.head == t.i or (t.pos in {"VERB", "AUX"} and t.dep not in _NONFINITE_UP):
            return False
        t = tokens[t.head]
    return False


def _passe_simple(v) -> bool:
    """« arrêta », « annonça », « mangea », « arrêtèrent »: the French simple past of a verb in -er,
    which the tagger reads as a present (the present is « arrête »)."""
    lemma, text = v.lemma.lower(), v.text.lower()
    if v.pos not in {"VERB", "AUX"} or not lemma.endswith("er") or len(lemma) < 4:
        return False
    stem = lemma[:-2]
    stems = {stem, stem[:-1] + "ç" if stem.endswith("c") else stem, stem + "e" if stem.endswith("g") else stem}
    return any(text in {s + "a", s + "èrent"} for s in stems)


def _in_opinion(linked: LinkedDocument, verb, cues) -> bool:
    """A clause that says what someone thinks: the relative clause or complement of an opinion
    noun (« c'est l'avis de X, pour qui ... », "the view of X, who believes ...")."""
    if not verb.dep.startswith(("acl", "advcl", "ccomp")) or verb.head == verb.i:
        return False
    return "opinion" in cues.kinds(linked.parse.tokens[verb.head].lemma.lower())


def _own_date(linked: LinkedDocument, head: int, dates: tuple[DateValue, ...]) -> DateValue | None:
    """An explicit date (a day or year in figures) inside the noun's own phrase (« la destruction
    des mausolées depuis le 30 juin », "the 2015 attack"), not across a clause of its own; not a
    relative one ("last month's invasion"), which situates rather than dates."""
    parse = linked.parse
    noun = parse.tokens[head]
    sent = parse.sentences[noun.sent]
    for d in dates:
        if d.start is None or not sent.start <= d.start < sent.end or not any(c.isdigit() for c in d.text or ""):
            continue
        words = linked.tokens_in(d.start, d.end if d.end is not None else d.start + 1)
        for w in words:
            t = w
            for _ in range(4):
                if t.i == head:
                    return d
                if t.head == t.i or (t.pos in {"VERB", "AUX"} and t.i != w.i):
                    break
                t = parse.tokens[t.head]
    return None


def _period_end(date: DateValue) -> dt.date | None:
    """The last day the date's value covers (a year's 31 December, a month's last day)."""
    value = date.value or ""
    try:
        if len(value) == 4:
            return dt.date(int(value), 12, 31)
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
    return day + dt.timedelta(days=6) if date.precision == "week" else day


def _long_before(date: DateValue, published: str | None) -> bool:
    """The event's own date ends before the month of publication, a week or more before it: told
    as background, not as the news."""
    end = _period_end(date)
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


