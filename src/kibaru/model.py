"""The records that flow between stages: frozen dataclasses, no spaCy objects, no dicts.

Stage order (see ``pipeline.py``)::

    RawDocument --ingest--> Document --nlp--> Parse --link--> Entity[]
                                               \\--events--> Event[]  --> Record

Every offset is a Python ``str`` index into ``Document.text`` (the repaired text).
``Record.to_json()`` gives the ``kibaru/1`` shape of ``shared/spec/record.md``.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "kibaru/1"

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
ENTITY_TYPES = (
    "country", "person", "organization", "armed_group", "igo", "media",
    "location", "facility", "equipment",
)
DATE_PRECISIONS = ("day", "week", "month", "year", "unknown")
PLACE_PRECISIONS = ("exact", "city", "admin1", "country")


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input document as read, before repair. Metadata here was *given* (JSON input) and wins."""

    source: str
    text: str
    id: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A repaired document with its metadata. ``offsets[i]`` is the raw index of ``text[i]``."""

    id: str
    source: str
    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    language: str | None = None
    url: str | None = None
    credits: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    dateline: str | None = None
    offsets: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text, as found by NER or a KB matcher."""

    start: int
    end: int
    text: str
    label: str  # NER label (PER, LOC, ORG, MISC, GPE, NORP, ...) or "KB"
    sentence: int = 0
    kb_id: str | None = None
    rule: str = "ner"


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    type: str
    country: str | None = None
    sector: str | None = None
    kb_id: str | None = None
    wikidata: str | None = None
    mentions: tuple[Span, ...] = ()
    why: str | None = None


@dataclass(frozen=True, slots=True)
class DateValue:
    value: str | None = None  # ISO YYYY-MM-DD, YYYY-MM or YYYY
    precision: str = "unknown"
    text: str | None = None
    start: int | None = None
    end: int | None = None

    @staticmethod
    def unknown() -> "DateValue":
        return DateValue()


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    precision: str = "city"
    text: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Flags:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False


@dataclass(frozen=True, slots=True)
class Attribution:
    source: str | None = None  # entity id
    text: str | None = None
    quote: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    sentence: tuple[int, int]
    trigger: tuple[int, int]
    text: str
    spans: tuple[tuple[int, int], ...] = ()  # every mention of the happening, after merging


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    event_type: str
    evidence: Evidence
    mode: str | None = None
    context: tuple[str, ...] = ()
    actor: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    date: DateValue = field(default_factory=DateValue)
    location: Place | None = None
    flags: Flags = field(default_factory=Flags)
    attribution: Attribution = field(default_factory=Attribution)
    confidence: float = 0.5
    why: tuple[str, ...] = ()  # lexicon entry and the rule behind each role


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be processed: recorded, never dropped."""

    source: str
    stage: str
    reason: str


@dataclass(frozen=True, slots=True)
class Record:
    document: Document
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The ``kibaru/1`` object for this document."""
        d = self.document
        return {
            "schema": SCHEMA,
            "document": {
                "id": d.id, "source": d.source, "title": d.title, "published": d.published,
                "outlet": d.outlet, "author": d.author, "language": d.language, "url": d.url,
                "text": d.text, "dateline": d.dateline,
                "credits": list(d.credits), "captions": list(d.captions),
            },
            "entities": [_entity_json(e) for e in self.entities],
            "events": [_event_json(v) for v in self.events],
        }


def _entity_json(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id, "name": e.name, "type": e.type, "country": e.country, "sector": e.sector,
        "kb_id": e.kb_id, "wikidata": e.wikidata,
        "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in e.mentions],
        "why": e.why,
    }


def _place_json(p: Place | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "name": p.name, "country": p.country, "admin1": p.admin1, "lat": p.lat, "lon": p.lon,
        "geonames_id": p.geonames_id, "precision": p.precision, "text": p.text,
    }


def _event_json(v: Event) -> dict[str, Any]:
    return {
        "id": v.id, "event_type": v.event_type, "mode": v.mode, "context": list(v.context),
        "actor": list(v.actor), "recipient": list(v.recipient),
        "date": {"value": v.date.value, "precision": v.date.precision, "text": v.date.text},
        "location": _place_json(v.location),
        "flags": asdict(v.flags),
        "attribution": {"source": v.attribution.source, "text": v.attribution.text,
                        "quote": v.attribution.quote},
        "evidence": {"sentence": list(v.evidence.sentence), "trigger": list(v.evidence.trigger),
                     "text": v.evidence.text, "spans": [list(s) for s in v.evidence.spans]},
        "confidence": v.confidence,
        "why": list(v.why),
    }


# --- What the nlp stage hands downstream: plain records, no spaCy objects. ---------------------

@dataclass(frozen=True, slots=True)
class Token:
    """One token of the parse. ``head`` is the index of the head token (itself for the root)."""

    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int
    morph: str = ""  # spaCy's Morphology string, e.g. "Mood=Ind|Tense=Past|VerbForm=Fin"
    sent: int = 0
    ent_label: str = ""  # NER label when the token is inside a named entity, else ""


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # character offsets
    end: int
    first: int  # token indices, [first, last)
    last: int


@dataclass(frozen=True, slots=True)
class Parse:
    document: Document
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]  # NER mentions

    def tokens_before(self, offset: int, n: int = 1) -> tuple[Token, ...]:
        """The ``n`` tokens that end at or before character ``offset`` (binary search)."""
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid].end <= offset:
                lo = mid + 1
            else:
                hi = mid
        # tokens end in increasing order, so the first lo tokens are the ones before offset
        return self.tokens[max(0, lo - n):lo]
