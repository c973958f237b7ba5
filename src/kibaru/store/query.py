"""Questions analysts ask of the store: events by actor, type, date and place; top actors; timelines.

Each function returns an Arrow table (columnar, cheap to print, write as CSV/JSON or hand to pandas).
Actor filters go through ``event_actors`` (sorted by actor and day, so DuckDB's block min/max skip
most of it); the join back to ``events`` on the string key is what dominates (see ``bench/store.py``).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb
import pyarrow as pa

from kibaru.errors import StoreError

PERIODS = ("day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class EventQuery:
    actor: str | None = None  # a name (any spelling stored), a kb_id or an actor id
    event_type: str | None = None
    since: date | None = None
    until: date | None = None
    country: str | None = None  # ISO-3 of the place
    limit: int = 50


def resolve_actor(con: duckdb.DuckDBPyConnection, text: str) -> list[str]:
    """Corpus actor ids that ``text`` names: an id, a kb_id, or any name a document gave the actor."""
    rows = con.execute(
        "SELECT actor_id FROM actors WHERE actor_id = $t OR kb_id = $t "
        "OR lower(strip_accents(name)) = lower(strip_accents($t)) "
        "UNION SELECT actor_id FROM doc_entities "
        "WHERE lower(strip_accents(name)) = lower(strip_accents($t)) ORDER BY 1", {"t": text}
    ).fetchall()
    return [r[0] for r in rows]


def find_events(con: duckdb.DuckDBPyConnection, q: EventQuery) -> pa.Table:
    """Reports matching every given filter, newest first, with actor names and their corpus event."""
    where, params = ["TRUE"], {}
    source = "events e"
    if q.actor is not None:
        ids = resolve_actor(con, q.actor)
        if not ids:
            raise StoreError(f"no actor named {q.actor!r} in the store")
        hit = ["ea.actor_id IN (SELECT unnest($ids::VARCHAR[]))"]
        if q.since is not None:
            hit.append("ea.day_end >= $since")
        if q.until is not None:
            hit.append("ea.day_start <= $until")
        source = ("(SELECT DISTINCT event_key FROM event_actors ea WHERE " + " AND ".join(hit) +
                  ") h JOIN events e USING (event_key)")
        params["ids"] = ids
    if q.event_type is not None:
        where.append("e.event_type = $type")
        params["type"] = q.event_type.upper()
    if q.country is not None:
        where.append("e.place_country = $country")
        params["country"] = q.country.upper()
    if q.since is not None:
        where.append("coalesce(e.date_end, d.published_date) >= $since")
        params["since"] = q.since
    if q.until is not None:
        where.append("coalesce(e.date_start, d.published_date) <= $until")
        params["until"] = q.until
    params["limit"] = q.limit
    sql = f"""
        WITH hits AS (
            SELECT e.event_key, e.date_value, e.date_precision, e.event_type, e.mode, e.actor_ids,
                   e.recipient_ids, e.place_name, e.place_country, e.evidence_text, e.date_start,
                   d.outlet, d.published, d.published_date, d.title
            FROM {source} JOIN documents d USING (doc_key)
            WHERE {' AND '.join(where)}
            ORDER BY coalesce(e.date_start, d.published_date) DESC NULLS LAST, e.event_key
            LIMIT $limit),
        -- names by unnesting the few hits, not by testing every actor against every row
        names AS (
            SELECT p.event_key, p.role, string_agg(a.name, '; ' ORDER BY a.name) AS names
            FROM (SELECT event_key, 'actor' AS role, unnest(actor_ids) AS actor_id FROM hits
                  UNION ALL
                  SELECT event_key, 'recipient', unnest(recipient_ids) FROM hits) p
            JOIN actors a USING (actor_id) GROUP BY ALL)
        SELECT r.corpus_event_id, h.event_key, coalesce(h.date_value, h.published) AS date,
               h.date_precision AS precision, h.event_type, h.mode, na.names AS actors,
               nr.names AS recipients, h.place_name AS place, h.place_country AS country,
               h.outlet, h.title, h.evidence_text AS evidence
        FROM hits h LEFT JOIN event_reports r USING (event_key)
        LEFT JOIN names na ON na.event_key = h.event_key AND na.role = 'actor'
        LEFT JOIN names nr ON nr.event_key = h.event_key AND nr.role = 'recipient'
        ORDER BY coalesce(h.date_start, h.published_date) DESC NULLS LAST, h.event_key"""
    return con.execute(sql, params).to_arrow_table()


def top_actors(con: duckdb.DuckDBPyConnection, top: int = 20) -> pa.Table:
    """Actors by number of merged happenings they take part in, then by number of reports."""
    return con.execute("""
        SELECT a.actor_id, a.name, a.type, a.country, a.sector,
               count(DISTINCT r.corpus_event_id) AS n_events, count(DISTINCT ea.event_key) AS n_reports,
               count(DISTINCT split_part(ea.event_key, ':', 1)) AS n_documents
        FROM event_actors ea JOIN actors a USING (actor_id)
        LEFT JOIN event_reports r USING (event_key)
        GROUP BY ALL ORDER BY n_events DESC, n_reports DESC, a.name LIMIT ?""", [top]
    ).to_arrow_table()


def timeline(con: duckdb.DuckDBPyConnection, by: str = "week") -> pa.Table:
    """Reports and merged happenings per period, by event date (publication date when unknown)."""
    if by not in PERIODS:
        raise StoreError(f"timeline period must be one of {', '.join(PERIODS)}, not {by!r}")
    return con.execute(f"""
        SELECT CAST(date_trunc('{by}', coalesce(e.date_start, d.published_date)) AS DATE) AS period,
               count(*) AS n_reports, count(DISTINCT r.corpus_event_id) AS n_events,
               count(DISTINCT e.doc_key) AS n_documents
        FROM events e JOIN documents d USING (doc_key) LEFT JOIN event_reports r USING (event_key)
        GROUP BY ALL ORDER BY period NULLS LAST""").to_arrow_table()
