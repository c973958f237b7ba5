"""Turn ``kibaru/1`` records (JSON dicts, the shape of ``shared/spec/record.md``) into table rows.

One ``RecordRows`` per document; ``db.py`` gathers many of them into Arrow tables and loads them in bulk.
Conversion is strict: a record this module cannot read raises ``StoreError`` with the reason, and the
store turns it into a failure row instead of storing half a document.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

import pyarrow as pa

from kibaru.errors import StoreError
from kibaru.store.keys import actor_key, content_hash, date_interval, event_key

QUADS = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 4, "SANCTION": 4,
    "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}

_STR, _STRS = pa.string(), pa.list_(pa.string())
_INT, _F, _B, _D = pa.int64(), pa.float64(), pa.bool_(), pa.date32()

# Column types of the Arrow tables loaded into each table of schema.sql (``INSERT ... BY NAME``).
ARROW_SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("doc_key", _STR), ("seq", _INT), ("doc_id", _STR), ("source", _STR), ("outlet", _STR),
        ("published", _STR), ("published_date", _D), ("title", _STR), ("url", _STR),
        ("language", _STR), ("author", _STR), ("text", _STR), ("dateline", _STR),
        ("credits", _STRS), ("captions", _STRS), ("duplicate_of", _STR), ("similarity", _F),
    ]),
    "doc_entities": pa.schema([
        ("doc_key", _STR), ("entity_id", _STR), ("position", _INT), ("actor_id", _STR),
        ("name", _STR), ("type", _STR), ("country", _STR), ("sector", _STR), ("kb_id", _STR),
        ("wikidata", _STR), ("why", _STR),
    ]),
    "mentions": pa.schema([
        ("doc_key", _STR), ("entity_id", _STR), ("actor_id", _STR), ("position", _INT),
        ("start", _INT), ("end", _INT), ("text", _STR),
    ]),
    "actors": pa.schema([
        ("actor_id", _STR), ("kb_id", _STR), ("name", _STR), ("type", _STR), ("country", _STR),
        ("sector", _STR), ("first_doc", _STR),
    ]),
    "events": pa.schema([
        ("event_key", _STR), ("doc_key", _STR), ("event_id", _STR), ("position", _INT),
        ("event_type", _STR), ("quad", _INT), ("mode", _STR), ("context", _STRS),
        ("actor_entities", _STRS), ("recipient_entities", _STRS),
        ("actor_ids", _STRS), ("recipient_ids", _STRS),
        ("actor_countries", _STRS), ("recipient_countries", _STRS),
        ("date_value", _STR), ("date_precision", _STR), ("date_text", _STR),
        ("date_start", _D), ("date_end", _D),
        ("place_name", _STR), ("place_country", _STR), ("place_admin1", _STR),
        ("lat", _F), ("lon", _F), ("geonames_id", _INT), ("place_precision", _STR),
        ("place_text", _STR),
        ("negated", _B), ("hypothetical", _B), ("future", _B), ("historical", _B),
        ("attribution_source", _STR), ("attribution_text", _STR), ("attribution_quote", _STR),
        ("sentence_start", _INT), ("sentence_end", _INT), ("trigger_start", _INT),
        ("trigger_end", _INT), ("evidence_text", _STR), ("evidence_spans", pa.list_(pa.list_(_INT))),
        ("confidence", _F), ("fatalities", _INT), ("why", _STRS),
    ]),
    "event_actors": pa.schema([
        ("actor_id", _STR), ("day_start", _D), ("day_end", _D), ("role", _STR), ("event_key", _STR),
        ("event_type", _STR),
    ]),
}


@dataclass(frozen=True, slots=True)
class RecordRows:
    """The rows one document contributes, keyed by table name."""

    doc_key: str
    text: str
    tables: dict[str, list[dict[str, Any]]]


def record_rows(record: Mapping[str, Any]) -> RecordRows:
    """Rows for one record; raises ``StoreError`` naming the document when the record is malformed."""
    doc = record.get("document") if isinstance(record, Mapping) else None
    where = str((doc or {}).get("source") or (doc or {}).get("id") or "<record>")
    try:
        return _record_rows(record)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        raise StoreError(f"{where}: malformed kibaru/1 record ({type(exc).__name__}: {exc})") from exc


def _record_rows(record: Mapping[str, Any]) -> RecordRows:
    doc = record["document"]
    text = doc["text"]
    if not isinstance(text, str):
        raise TypeError("document.text is not a string")
    key = content_hash(text)
    entities: dict[str, dict[str, Any]] = {}
    entity_rows, mention_rows, actor_rows = [], [], []
    for pos, ent in enumerate(record.get("entities") or ()):
        actor = actor_key(ent["name"], ent.get("type"), ent.get("country"), ent.get("kb_id"))
        entities[ent["id"]] = {"actor_id": actor, "country": ent.get("country")}
        entity_rows.append({
            "doc_key": key, "entity_id": ent["id"], "position": pos, "actor_id": actor,
            "name": ent["name"], "type": ent.get("type"), "country": ent.get("country"),
            "sector": ent.get("sector"), "kb_id": ent.get("kb_id"), "wikidata": ent.get("wikidata"),
            "why": ent.get("why"),
        })
        actor_rows.append({
            "actor_id": actor, "kb_id": ent.get("kb_id"), "name": ent["name"],
            "type": ent.get("type"), "country": ent.get("country"), "sector": ent.get("sector"),
            "first_doc": key,
        })
        for mpos, m in enumerate(ent.get("mentions") or ()):
            mention_rows.append({
                "doc_key": key, "entity_id": ent["id"], "actor_id": actor, "position": mpos,
                "start": int(m["start"]), "end": int(m["end"]), "text": m.get("text"),
            })
    published = doc.get("published")
    published_day = date_interval(published)[0]
    event_rows, link_rows = [], []
    for pos, ev in enumerate(record.get("events") or ()):
        row = _event_row(key, pos, ev, entities)
        event_rows.append(row)
        first = row["date_start"] or published_day
        last = row["date_end"] or published_day
        for role, ids in (("actor", row["actor_ids"]), ("recipient", row["recipient_ids"])):
            link_rows.extend({"actor_id": a, "day_start": first, "day_end": last, "role": role,
                              "event_key": row["event_key"], "event_type": row["event_type"]}
                             for a in ids)
    return RecordRows(key, text, {
        "documents": [{
            "doc_key": key, "seq": 0, "doc_id": doc.get("id"), "source": doc.get("source"),
            "outlet": doc.get("outlet"), "published": published,
            "published_date": published_day, "title": doc.get("title"),
            "url": doc.get("url"), "language": doc.get("language"), "author": doc.get("author"),
            "text": text, "dateline": doc.get("dateline"),
            "credits": doc.get("credits"), "captions": doc.get("captions"),
            "duplicate_of": None, "similarity": None,
        }],
        "doc_entities": entity_rows, "mentions": mention_rows, "actors": actor_rows,
        "events": event_rows, "event_actors": link_rows,
    })


def _resolve(ids: list[str], entities: dict[str, dict[str, Any]], what: str) -> list[dict[str, Any]]:
    missing = [i for i in ids if i not in entities]
    if missing:
        raise KeyError(f"{what} names unknown entity {missing[0]!r}")
    return [entities[i] for i in ids]


def _event_row(doc_key: str, pos: int, ev: Mapping[str, Any],
               entities: dict[str, dict[str, Any]]) -> dict[str, Any]:
    event_type = ev["event_type"]
    if event_type not in QUADS:
        raise ValueError(f"unknown event_type {event_type!r}")
    actors = _resolve(list(ev.get("actor") or ()), entities, f"event {ev.get('id')} actor")
    recipients = _resolve(list(ev.get("recipient") or ()), entities, f"event {ev.get('id')} recipient")
    when = ev.get("date") or {}
    start, end = date_interval(when.get("value"))
    place = ev.get("location") or {}
    flags = ev.get("flags") or {}
    attribution = ev.get("attribution") or {}
    evidence = ev.get("evidence") or {}
    sentence = evidence.get("sentence") or [None, None]
    trigger = evidence.get("trigger") or [None, None]
    return {
        "event_key": event_key(doc_key, str(ev["id"])), "doc_key": doc_key, "event_id": str(ev["id"]),
        "position": pos, "event_type": event_type, "quad": QUADS[event_type], "mode": ev.get("mode"),
        "context": list(ev.get("context") or ()),
        "actor_entities": list(ev.get("actor") or ()),
        "recipient_entities": list(ev.get("recipient") or ()),
        "actor_ids": [a["actor_id"] for a in actors],
        "recipient_ids": [r["actor_id"] for r in recipients],
        "actor_countries": sorted({a["country"] for a in actors if a["country"]}),
        "recipient_countries": sorted({r["country"] for r in recipients if r["country"]}),
        "date_value": when.get("value"), "date_precision": when.get("precision") or "unknown",
        "date_text": when.get("text"), "date_start": start, "date_end": end,
        "place_name": place.get("name"), "place_country": place.get("country"),
        "place_admin1": place.get("admin1"), "lat": place.get("lat"), "lon": place.get("lon"),
        "geonames_id": place.get("geonames_id"), "place_precision": place.get("precision"),
        "place_text": place.get("text"),
        "negated": bool(flags.get("negated")), "hypothetical": bool(flags.get("hypothetical")),
        "future": bool(flags.get("future")), "historical": bool(flags.get("historical")),
        "attribution_source": attribution.get("source"), "attribution_text": attribution.get("text"),
        "attribution_quote": attribution.get("quote"),
        "sentence_start": sentence[0], "sentence_end": sentence[1],
        "trigger_start": trigger[0], "trigger_end": trigger[1],
        "evidence_text": evidence.get("text"), "evidence_spans": evidence.get("spans"),
        "confidence": ev.get("confidence"), "fatalities": ev.get("fatalities"),
        "why": ev.get("why"),
    }


def to_arrow(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows of one table as an Arrow table with the store's column types."""
    return pa.Table.from_pylist(rows, schema=ARROW_SCHEMAS[table])

