"""Write the store out for other tools: kibaru/1 JSONL, PLOVER JSONL, Parquet, GeoJSON, GraphML.

ACLED CSV lives in ``acled.py`` (it needs a mapping table). Granularity follows each format's users:
JSONL gives back the records as ingested; PLOVER (POLECAT-style) and GeoJSON give one row per report,
with its ``corpus_event_id``; ACLED one row per merged happening; GraphML weights actor pairs by merged
happenings so that a reprinted story does not thicken an edge.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable, Iterator

import duckdb
import networkx as nx
import pyarrow.parquet as pq

from kibaru.errors import StoreError
from kibaru.model import SCHEMA

FORMATS = ("jsonl", "plover", "acled", "parquet", "geojson", "graphml")


def export(con: duckdb.DuckDBPyConnection, fmt: str, path: str | Path) -> int:
    """Write the corpus to ``path`` in ``fmt``; returns the number of items written."""
    from kibaru.store.acled import export_acled  # acled imports this module's helpers

    writers: dict[str, Callable[[duckdb.DuckDBPyConnection, Path], int]] = {
        "jsonl": export_jsonl, "plover": export_plover, "acled": export_acled,
        "parquet": export_parquet, "geojson": export_geojson, "graphml": export_graphml,
    }
    if fmt not in writers:
        raise StoreError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    try:
        return writers[fmt](con, Path(path))
    except OSError as exc:
        raise StoreError(f"{path}: cannot write the {fmt} export ({exc})") from exc


# Line separators other than \n are legal raw in JSON strings but split lines in many JSONL readers.
_LINE_BREAKS = str.maketrans({"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def jsonl_line(item: dict[str, Any]) -> str:
    return json.dumps(item, ensure_ascii=False).translate(_LINE_BREAKS) + "\n"


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: Any = None) -> list[dict[str, Any]]:
    return con.execute(sql, params).to_arrow_table().to_pylist()


# --- kibaru/1 JSONL --------------------------------------------------------------------------

def iter_records(con: duckdb.DuckDBPyConnection) -> Iterator[dict[str, Any]]:
    """The stored documents as ``kibaru/1`` records, in ingest order."""
    entities: dict[str, list[dict[str, Any]]] = defaultdict(list)
    mentions: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    events: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in rows(con, 'SELECT * FROM mentions ORDER BY doc_key, entity_id, position'):
        mentions[(m["doc_key"], m["entity_id"])].append(
            {"start": m["start"], "end": m["end"], "text": m["text"]})
    for e in rows(con, "SELECT * FROM doc_entities ORDER BY doc_key, position"):
        entities[e["doc_key"]].append({
            "id": e["entity_id"], "name": e["name"], "type": e["type"], "country": e["country"],
            "sector": e["sector"], "kb_id": e["kb_id"], "wikidata": e["wikidata"],
            "mentions": mentions.get((e["doc_key"], e["entity_id"]), []), "why": e["why"]})
    for v in rows(con, "SELECT * FROM events ORDER BY doc_key, position"):
        events[v["doc_key"]].append(event_json(v))
    for d in rows(con, "SELECT * FROM documents ORDER BY seq"):
        yield {
            "schema": SCHEMA,
            "document": {
                "id": d["doc_id"], "source": d["source"], "title": d["title"],
                "published": d["published"], "outlet": d["outlet"], "author": d["author"],
                "language": d["language"], "url": d["url"], "text": d["text"],
                "dateline": d["dateline"], "credits": d["credits"] or [],
                "captions": d["captions"] or [],
            },
            "entities": entities.get(d["doc_key"], []),
            "events": events.get(d["doc_key"], []),
        }


def event_json(v: dict[str, Any]) -> dict[str, Any]:
    """One stored report as the record's event object."""
    location = None if v["place_name"] is None else {
        "name": v["place_name"], "country": v["place_country"], "admin1": v["place_admin1"],
        "lat": v["lat"], "lon": v["lon"], "geonames_id": v["geonames_id"],
        "precision": v["place_precision"], "text": v["place_text"]}
    out = {
        "id": v["event_id"], "event_type": v["event_type"], "mode": v["mode"],
        "context": v["context"] or [], "actor": v["actor_entities"] or [],
        "recipient": v["recipient_entities"] or [],
        "date": {"value": v["date_value"], "precision": v["date_precision"], "text": v["date_text"]},
        "location": location,
        "flags": {k: v[k] for k in ("negated", "hypothetical", "future", "historical")},
        "attribution": {"source": v["attribution_source"], "text": v["attribution_text"],
                        "quote": v["attribution_quote"]},
        "evidence": {"sentence": [v["sentence_start"], v["sentence_end"]],
                     "trigger": [v["trigger_start"], v["trigger_end"]], "text": v["evidence_text"],
                     "spans": v["evidence_spans"] or []},
        "confidence": v["confidence"], "why": v["why"] or [],
    }
    if v["fatalities"] is not None:
        out["fatalities"] = v["fatalities"]
    return out


def export_jsonl(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for record in iter_records(con):
            out.write(jsonl_line(record))
            n += 1
    return n


# --- PLOVER / POLECAT-style JSONL ---------------------------------------------------------------

def export_plover(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """One object per report with PLOVER/POLECAT field names; multi-party fields joined by '; '."""
    parties = {(e["doc_key"], e["entity_id"]): e for e in rows(con, "SELECT * FROM doc_entities")}
    reports = rows(con, """
        SELECT e.*, r.corpus_event_id, d.doc_id, d.outlet, d.published, d.language, d.url
        FROM events e JOIN documents d USING (doc_key) LEFT JOIN event_reports r USING (event_key)
        ORDER BY d.seq, e.position""")
    with path.open("w", encoding="utf-8") as out:
        for v in reports:
            who = {role: [parties[(v["doc_key"], i)] for i in v[f"{role}_entities"] or ()]
                   for role in ("actor", "recipient")}
            item = {
                "event_id": v["event_key"], "story_id": v["doc_id"] or v["doc_key"],
                "corpus_event_id": v["corpus_event_id"], "event_date": v["date_value"],
                "date_precision": v["date_precision"], "event_type": v["event_type"],
                "event_mode": v["mode"], "contexts": v["context"] or [],
                **{f"{role}_{field}": "; ".join(p[field] or "" for p in who[role]) or None
                   for role in ("actor", "recipient") for field in ("name", "country", "sector")},
                "placename": v["place_name"], "country": v["place_country"],
                "province": v["place_admin1"], "latitude": v["lat"], "longitude": v["lon"],
                "geonames_id": v["geonames_id"], "feature_type": v["place_precision"],
                "negated": v["negated"], "hypothetical": v["hypothetical"], "future": v["future"],
                "historical": v["historical"], "source": v["outlet"],
                "publication_date": v["published"], "language": v["language"], "url": v["url"],
                "event_text": v["evidence_text"], "confidence": v["confidence"],
            }
            out.write(jsonl_line(item))
    return len(reports)


# --- Parquet, GeoJSON, GraphML -----------------------------------------------------------------

def export_parquet(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """Reports as a Parquet dataset partitioned ``month=YYYY-MM`` (event date, else publication)."""
    table = con.execute("""
        SELECT e.* EXCLUDE (event_no, doc_seq), r.corpus_event_id, d.outlet, d.published,
               d.duplicate_of,
               coalesce(strftime(coalesce(e.date_start, d.published_date), '%Y-%m'), 'unknown')
                   AS month
        FROM events e JOIN documents d USING (doc_key) LEFT JOIN event_reports r USING (event_key)
        ORDER BY month, e.event_key""").to_arrow_table()
    path.mkdir(parents=True, exist_ok=True)
    pq.write_to_dataset(table, root_path=str(path), partition_cols=["month"],
                        existing_data_behavior="delete_matching")
    return table.num_rows


def export_geojson(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """Reports that have coordinates, as Point features (GeoJSON order: longitude, latitude)."""
    reports = rows(con, """
        SELECT e.event_key, r.corpus_event_id, e.event_type, e.mode, e.date_value,
               e.date_precision, e.place_name, e.place_country, e.place_precision, e.lat, e.lon,
               d.outlet, d.published, e.evidence_text,
               (SELECT string_agg(a.name, '; ' ORDER BY a.name) FROM actors a
                 WHERE list_contains(e.actor_ids, a.actor_id)) AS actors,
               (SELECT string_agg(a.name, '; ' ORDER BY a.name) FROM actors a
                 WHERE list_contains(e.recipient_ids, a.actor_id)) AS recipients
        FROM events e JOIN documents d USING (doc_key) LEFT JOIN event_reports r USING (event_key)
        WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL ORDER BY e.event_key""")
    features = [{
        "type": "Feature", "id": v["event_key"],
        "geometry": {"type": "Point", "coordinates": [v.pop("lon"), v.pop("lat")]},
        "properties": v} for v in reports]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features},
                               ensure_ascii=False), encoding="utf-8")
    return len(features)


def export_graphml(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """Directed actor -> recipient network; ``weight`` = merged happenings, ``n_reports`` = reports."""
    graph = nx.DiGraph()
    for a in rows(con, "SELECT * FROM actors WHERE actor_id IN (SELECT actor_id FROM event_actors) "
                       "ORDER BY actor_id"):
        graph.add_node(a["actor_id"], **{k: a[k] or "" for k in ("name", "type", "country",
                                                                  "sector", "kb_id")})
    for p in rows(con, "SELECT * FROM actor_pairs ORDER BY actor_id, recipient_id"):
        graph.add_edge(p["actor_id"], p["recipient_id"],
                       weight=int(p["n_corpus_events"] or p["n_reports"]),
                       n_reports=int(p["n_reports"]))
    nx.write_graphml(graph, str(path))
    return graph.number_of_edges()
