"""The type an event takes beyond its trigger's lexicon entry: PLOVER's single-type recodings
(future aid -> AGREE, refusals -> REJECT, force held over someone -> THREATEN), « arrêter » as
stop, an ordered withdrawal of one's own forces, stated willingness, missing acts, triggers that
only name a kind of thing."""
from __future__ import annotations

from dataclasses import replace

from kibaru.events import wordlists
from kibaru.events.parties import bare_collective
from kibaru.link.linked import LinkedDocument
from kibaru.model import Parse

# PLOVER: CONSULT, SUPPORT, COOPERATE or AID told in the future tense is AGREE.
_FUTURE_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})

# PLOVER codes one type where a type plus an auxiliary mode would say the same: a promised
# meeting or aid is AGREE, a refusal to agree is REJECT, a conditional or announced use of force
# or sanction is THREATEN (its mode says what is threatened).
# refusing to agree, concede, meet, back or help is a REJECT ("would not meet the demands")
_REFUSABLE = frozenset({"AGREE", "CONCEDE", "SUPPORT", "COOPERATE"})

THREAT_MODES = {"ASSAULT": "violence", "SANCTION": "relations", "COERCE": "restrict", "MOBILIZE": "violence"}

COERCE_THREAT = {"arrest": "arrest", "deport": "expel", "restrict": "restrict", "curfew": "restrict",
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
    if (flags.future or flags.hypothetical) and event_type in THREAT_MODES and not flags.negated:
        threat = COERCE_THREAT.get(mode or "", THREAT_MODES[event_type]) if event_type == "COERCE" \
            else ("expel" if mode == "expel" else THREAT_MODES[event_type])
        return "THREATEN", threat, flags, f"{'future' if flags.future else 'conditional'} {event_type} -> THREATEN"
    return event_type, mode, flags, ""


# a noun trigger modifying another noun names a kind of thing ("aid convoys", "battle zones"),
# except before the nouns that make it an undertaking ("a mediation effort")
_UNDERTAKINGS = frozenset({"effort", "mission", "campaign", "operation", "bid", "attempt", "initiative",
                           "offensive", "drive", "plan", "deal", "talk", "round"})

_HOSTILE = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN"})


def without_stopping(parse: Parse, found: list, children, party) -> list:
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
        elif imperative(parse.tokens[h.head], children(h.head)):
            out.append(replace(h, entry=replace(h.entry, type="REQUEST", mode=None, roles=(),
                                                note="stop (a command)")))
        elif obj.entry.type in _HOSTILE:
            out.append(replace(h, entry=replace(h.entry, type="RETREAT", mode="ceasefire", roles=(),
                                                note="stop (hostilities)")))
    return out


def imperative(t, kids) -> bool:
    """A command: the imperative mood, or (the tagger often reads « arrêtez » as a participle) a
    French verb in -ez/-ons with no subject and no auxiliary."""
    if "Mood=Imp" in t.morph:
        return True
    return t.text.lower().endswith(("ez", "ons")) and not any(
        c.dep.startswith(("nsubj", "aux", "expl")) or c.dep == "cop" for c in kids)


_ORDER_VERBS = frozenset({"ordonner", "order", "décréter", "decree"})


def ordered_withdrawal(linked: LinkedDocument, found: list) -> list:
    """« en ordonnant le retrait de 2 000 soldats », "ordered the withdrawal of its troops": an
    order to pull out one's own forces is the withdrawal itself, by the one who orders (RETREAT;
    told in the future, the flags say so), not a demand of which the soldiers are the recipient.
    An order to another party ("ordered Mali to withdraw its troops", « a ordonné le retrait des
    troupes françaises ») stays REQUEST."""
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


def missing(parse: Parse, hit, children, absent: frozenset[str]) -> bool:
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


def modifier(parse: Parse, hit) -> bool:
    t = parse.tokens[hit.head]
    return hit.pos == "NOUN" and len(hit.tokens) == 1 and t.dep == "compound" \
        and parse.tokens[t.head].lemma.lower() not in _UNDERTAKINGS


def willing(linked: LinkedDocument, head: int, cues) -> bool:
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
