"""The record shape is the output contract: fields the spec names are present and typed."""
from __future__ import annotations

import json

from hypothesis import given, strategies as st

from kibaru.model import (
    EVENT_TYPES, Attribution, DateValue, Document, Entity, Event, Evidence, Flags, Place, Record, Span,
)


def _record(event_type: str = "AID", text: str = "La Russie aide le Mali.") -> Record:
    doc = Document(id="d1", source="a.txt", text=text, published="2024-09-24", language="fr")
    ents = (Entity("e1", "Russia", "country", "RUS", "GOV", "country:RUS", "Q159", (Span(3, 9, "Russie"),)),
            Entity("e2", "Mali", "country", "MLI", None, "country:MLI", None, (Span(18, 22, "Mali"),)))
    ev = Event("v1", event_type, Evidence((0, len(text)), (10, 14), text), actor=("e1",), recipient=("e2",),
               date=DateValue("2024-09-18", "day", "18 septembre"),
               location=Place("Bamako", "MLI", "Bamako", 12.65, -8.0, 2460596, "city"),
               flags=Flags(historical=True), attribution=Attribution("e1", "selon Moscou", None))
    return Record(doc, ents, (ev,))


def test_record_has_every_contract_field():
    out = _record().to_json()
    assert out["schema"] == "kibaru/1"
    assert set(out["document"]) >= {"id", "source", "title", "published", "outlet", "author", "language", "url", "text"}
    (ent,) = out["entities"][:1]
    assert set(ent) >= {"id", "name", "type", "country", "sector", "kb_id", "wikidata", "mentions"}
    (ev,) = out["events"]
    assert set(ev) >= {"id", "event_type", "mode", "context", "actor", "recipient", "date", "location", "flags",
                       "attribution", "evidence", "confidence"}
    assert ev["flags"] == {"negated": False, "hypothetical": False, "future": False, "historical": True}
    assert ev["date"] == {"value": "2024-09-18", "precision": "day", "text": "18 septembre"}
    assert ev["evidence"]["trigger"] == [10, 14]


@given(st.sampled_from(EVENT_TYPES), st.text(min_size=1, max_size=200))
def test_record_json_round_trips_through_json(event_type, text):
    out = _record(event_type, text).to_json()
    assert json.loads(json.dumps(out, ensure_ascii=False)) == out
    assert out["events"][0]["event_type"] == event_type


def test_unknown_date_is_null_not_invented():
    assert DateValue.unknown() == DateValue(None, "unknown", None)
