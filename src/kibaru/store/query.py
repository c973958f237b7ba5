"""Questions analysts ask of the store: events by actor, type, date and place; top actors; timelines.

Each function returns an Arrow table (columnar, cheap to print, write as CSV/JSON or hand to pandas).
Actor filters go through ``event_actors`` alone (sorted by actor and day, so DuckDB's block min/max
skip most of it); only the page of results is joined back to ``events`` (stored in day order, so the
join reads the blocks of the date range) and ``documents`` on integer keys (see ``bench/store.py``).
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
    """Corpus actor ids that ``text`` names: an id, a kb_id, or any name a document gave the actor
    (compared without case and accents)."""
    rows = con.execute(
        "SELECT actor_id FROM actors WHERE actor_id = $t OR kb_id = $t "
        "UNION SELECT actor_id FROM actor_names WHERE name_key = lower(strip_accents($t)) "
        "ORDER BY 1", {"t": text.strip()}).fetchall()
    return [r[0] for r in rows]


_COLUMNS = """e.event_no, e.event_key, e.date_value, e.date_precision, e.event_type, e.mode,
              e.actor_ids, e.recipient_ids, e.place_name, e.place_country, e.evidence_text,
              d.outlet, d.published, d.title"""


def find_events(con: duckdb.DuckDBPyConnection, q: EventQuery) -> pa.Table:
    """Reports matching every given filter, newest first, with actor names and their corpus event.

    With an actor, the filters run on ``event_actors`` alone (actor ids resolved first; the type,
    place country, days and surrogate keys are copied there), and only the page of matching reports
    is joined back to ``events`` and ``documents``; without one, ``events`` is scanned.
    """
    params: dict[str, object] = {"limit": q.limit}
    if q.event_type is not None:
        params["type"] = q.event_type.upper()
    if q.country is not None:
        params["country"] = q.country.upper()
    if q.since is not None:
        params["since"] = q.since
    if q.until is not None:
        params["until"] = q.until
    if q.actor is not None:
        ids = resolve_actor(con, q.actor)
        if not ids:
            raise StoreError(f"no actor named {q.actor!r} in the store")
        # One parameter per id: a constant IN list is pushed into the scan and checked against
        # each block's min/max actor_id.
        where = ["ea.actor_id IN (" + ", ".join(f"$a{i}" for i in range(len(ids))) + ")"]
        params.update({f"a{i}": a for i, a in enumerate(ids)})
        where += _filters(q, "ea.event_type", "ea.place_country", "ea.day_start", "ea.day_end")
        page = f"""
            SELECT ea.event_no, min(ea.day_start) AS day, min(ea.event_key) AS event_key,
                   min(ea.doc_seq) AS doc_seq
            FROM event_actors ea WHERE {' AND '.join(where)}
            GROUP BY ea.event_no ORDER BY day DESC NULLS LAST, event_key LIMIT $limit"""
        hits = f"""
            SELECT p.day, {_COLUMNS}
            FROM ({page}) p JOIN events e USING (event_no) JOIN documents d ON d.seq = p.doc_seq"""
    else:
        day = "coalesce(e.date_start, d.published_date)"
        where = _filters(q, "e.event_type", "e.place_country", day,
                         "coalesce(e.date_end, d.published_date)")
        hits = f"""
            SELECT {day} AS day, {_COLUMNS}
            FROM events e JOIN documents d ON d.seq = e.doc_seq
            WHERE {' AND '.join(where or ['TRUE'])}
            ORDER BY day DESC NULLS LAST, e.event_key LIMIT $limit"""
    sql = f"""
        WITH hits AS ({hits}),
        -- names by unnesting the few hits, not by testing every actor against every row
        names AS (
            -- list then list_sort: an ordered aggregate (string_agg ... ORDER BY) sorts per group
            SELECT p.event_no, p.role,
                   array_to_string(list_sort(list(a.name) FILTER (WHERE a.name IS NOT NULL)), '; ')
                       AS names
            FROM (SELECT event_no, 'actor' AS role, unnest(actor_ids) AS actor_id FROM hits
                  UNION ALL
                  SELECT event_no, 'recipient', unnest(recipient_ids) FROM hits) p
            JOIN actors a USING (actor_id) GROUP BY ALL)
        SELECT r.corpus_event_id, h.event_key, h.date_value AS date,
               h.date_precision AS precision, h.published, h.event_type, h.mode, na.names AS actors,
               nr.names AS recipients, h.place_name AS place, h.place_country AS country,
               h.outlet, h.title, h.evidence_text AS evidence
        FROM hits h LEFT JOIN event_reports r USING (event_no)
        LEFT JOIN names na ON na.event_no = h.event_no AND na.role = 'actor'
        LEFT JOIN names nr ON nr.event_no = h.event_no AND nr.role = 'recipient'
        ORDER BY h.day DESC NULLS LAST, h.event_key"""
    return con.execute(sql, params).to_arrow_table()


def _filters(q: EventQuery, event_type: str, country: str, first_day: str,
             last_day: str) -> list[str]:
    where = []
    if q.event_type is not None:
        where.append(f"{event_type} = $type")
    if q.country is not None:
        where.append(f"{country} = $country")
    if q.since is not None:
        where.append(f"{last_day} >= $since")
    if q.until is not None:
        where.append(f"{first_day} <= $until")
    return where


def top_actors(con: duckdb.DuckDBPyConnection, top: int = 20) -> pa.Table:
    """Actors by number of merged happenings they take part in, then by number of reports."""
    return con.execute("""
        SELECT a.actor_id, a.name, a.type, a.country, a.sector,
               count(DISTINCT r.corpus_event_id) AS n_events, count(DISTINCT ea.event_no) AS n_reports,
               count(DISTINCT ea.doc_seq) AS n_documents
        FROM event_actors ea JOIN actors a USING (actor_id)
        LEFT JOIN event_reports r USING (event_no)
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
        FROM events e JOIN documents d ON d.seq = e.doc_seq LEFT JOIN event_reports r USING (event_no)
        GROUP BY ALL ORDER BY period NULLS LAST""").to_arrow_table()
