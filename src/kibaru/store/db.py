"""The corpus store: a DuckDB file holding documents, actors, reports and merged corpus events.

Loading is bulk (rows gathered into Arrow tables, inserted with one ``INSERT ... BY NAME`` per table)
inside a transaction per chunk. If a chunk fails, it is rolled back and retried record by record so
that one bad record becomes a failure row and the rest still land; what was stored before a failed
transaction is never touched.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

import duckdb
import numpy as np
import pyarrow as pa

from kibaru.errors import StoreError
from kibaru.model import Failure
from kibaru.store.dedup import DedupSettings, Signed, Stored, link_duplicates, sign
from kibaru.store.keys import failure_key
from kibaru.store.exports import export
from kibaru.store.merge import CorpusEvent, MergeSettings, Report, merge_reports, type_group
from kibaru.store.query import EventQuery, find_events, timeline, top_actors
from kibaru.store.rows import QUADS, RecordRows, record_rows, to_arrow

SCHEMA_VERSION = "2"
_LOAD_ORDER = ("documents", "doc_entities", "mentions", "actors", "events", "event_actors")

# New events: numbered after the stored ones in day order (event date, else publication date) and
# stored in that order, so a date range lies in a few contiguous blocks of ``events``.
_EVENTS_SELECT = """
    SELECT t.*, d.seq AS doc_seq,
           {base} + row_number() OVER (ORDER BY coalesce(t.date_start, d.published_date) NULLS LAST,
                                       t.event_key) AS event_no
    FROM {t} t LEFT JOIN documents d USING (doc_key) ORDER BY event_no"""
# New links, with the columns an actor query filters on or joins back with; sorted by actor and day.
_LINKS_SELECT = """
    SELECT t.*, e.event_no, e.doc_seq, e.place_country
    FROM {t} t JOIN (SELECT event_no, event_key, doc_seq, place_country FROM events
                     WHERE event_no > {base}) e USING (event_key)
    ORDER BY t.actor_id, t.day_start, e.event_no"""


@dataclass(frozen=True, slots=True)
class StoreSettings:
    merge: MergeSettings = field(default_factory=MergeSettings)
    dedup: DedupSettings = field(default_factory=DedupSettings)
    chunk_size: int = 2000  # records per transaction: bounds memory and the cost of a retry


@dataclass(frozen=True, slots=True)
class IngestSummary:
    documents: int = 0  # new documents stored
    already_stored: int = 0  # same text as a stored document (or earlier in this batch)
    reprints: int = 0  # stored with duplicate_of set
    events: int = 0
    failures: int = 0  # failure rows added (given, plus records that could not be stored)
    corpus_events: int = 0  # corpus events after merging

    def __add__(self, other: "IngestSummary") -> "IngestSummary":
        return IngestSummary(*(a + b for a, b in zip(_fields(self), _fields(other))))


def _fields(s: IngestSummary) -> tuple[int, ...]:
    return (s.documents, s.already_stored, s.reprints, s.events, s.failures, s.corpus_events)


class Store:
    """``with Store.open("kibaru.duckdb") as store: store.ingest(records)``."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, settings: StoreSettings):
        self.con = con
        self.path = path
        self.settings = settings

    @classmethod
    def open(cls, path: str | Path = "kibaru.duckdb",
             settings: StoreSettings | None = None) -> "Store":
        path = Path(path)
        con = None
        try:
            con = duckdb.connect(str(path))
            con.execute(resources.files("kibaru.store").joinpath("schema.sql").read_text("utf-8"))
            version = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if version is None:
                con.execute("INSERT INTO meta VALUES ('schema', ?)", [SCHEMA_VERSION])
            elif version[0] == "1":
                _migrate_1_to_2(con)
            elif version[0] != SCHEMA_VERSION:
                con.close()  # do not keep the file locked
                raise StoreError(f"{path}: schema version {version[0]}, expected {SCHEMA_VERSION}")
        except duckdb.Error as exc:
            if con is not None:
                con.close()
            raise StoreError(f"{path}: cannot open the corpus store ({exc})") from exc
        return cls(con, path, settings or StoreSettings())

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def count(self, table: str) -> int:
        return self.con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # type: ignore[index]

    # --- ingest -------------------------------------------------------------------------------

    def ingest(self, records: Iterable[Mapping[str, Any]],
               failures: Iterable[Failure | Mapping[str, Any]] = ()) -> IngestSummary:
        """Store records and failures; idempotent (a text already stored is skipped), then re-merge."""
        total = IngestSummary(failures=self.add_failures(failures))
        groups: set[str] = set()
        for chunk in _chunks(records, self.settings.chunk_size):
            summary, touched = self._ingest_chunk(chunk)
            total, groups = total + summary, groups | touched
        if groups:
            self.remerge(groups)
        return total + IngestSummary(corpus_events=self.count("corpus_events"))

    def add_failures(self, failures: Iterable[Failure | Mapping[str, Any]]) -> int:
        rows = []
        for f in failures:
            src, stage, reason = ((f.source, f.stage, f.reason) if isinstance(f, Failure)
                                  else (f.get("source"), f.get("stage"), f.get("reason")))
            src, stage, reason = str(src or "<unknown>"), str(stage or "?"), str(reason or "")
            rows.append({"failure_key": failure_key(src, stage, reason), "source": src,
                         "stage": stage, "reason": reason, "doc_key": None})
        if not rows:
            return 0
        table = pa.Table.from_pylist(rows, schema=pa.schema([
            ("failure_key", pa.string()), ("source", pa.string()), ("stage", pa.string()),
            ("reason", pa.string()), ("doc_key", pa.string())]))
        before = self.count("failures")
        with self._transaction():
            self.con.register("_in_failures", table)
            self.con.execute("INSERT INTO failures BY NAME SELECT DISTINCT ON (failure_key) * "
                             "FROM _in_failures WHERE failure_key NOT IN "
                             "(SELECT failure_key FROM failures)")
            self.con.unregister("_in_failures")
        return self.count("failures") - before

    def _ingest_chunk(self, chunk: list[Mapping[str, Any]]) -> tuple[IngestSummary, set[str]]:
        converted: list[RecordRows] = []
        failed: list[Failure] = []
        for record in chunk:
            try:
                converted.append(record_rows(record))
            except StoreError as exc:
                failed.append(Failure(_source_of(record), "store", str(exc)))
        stored = self._existing_keys([r.doc_key for r in converted])
        fresh: list[RecordRows] = []
        for rows in converted:
            if rows.doc_key not in stored:
                stored.add(rows.doc_key)
                fresh.append(rows)
        signed = [sign(r.doc_key, r.text, self.settings.dedup) for r in fresh]
        links = link_duplicates(signed, self._candidates(signed), self.settings.dedup)
        seq = self.con.execute("SELECT coalesce(max(seq), 0) FROM documents").fetchone()[0]  # type: ignore[index]
        try:
            with self._transaction():
                self._load(fresh, signed, links, seq)
            landed = fresh
        except duckdb.Error:
            landed = []
            for i, (rows, sig) in enumerate(zip(fresh, signed)):
                try:
                    with self._transaction():
                        self._load([rows], [sig], links, seq + i)
                    landed.append(rows)
                except duckdb.Error as exc:
                    failed.append(Failure(_source_of(rows), "store", f"cannot store: {exc}"))
        n_failed = self.add_failures(failed)
        events = [e for r in landed for e in r.tables["events"]]
        groups = {type_group(e["event_type"], self.settings.merge) for e in events}
        return IngestSummary(
            documents=len(landed), already_stored=len(converted) - len(fresh),
            reprints=sum(r.doc_key in links for r in landed), events=len(events),
            failures=n_failed), groups

    def _existing_keys(self, keys: list[str]) -> set[str]:
        if not keys:
            return set()
        rows = self.con.execute("SELECT doc_key FROM documents WHERE doc_key IN "
                                "(SELECT unnest(?::VARCHAR[]))", [keys]).fetchall()
        return {r[0] for r in rows}

    def _candidates(self, signed: list[Signed]) -> list[Stored]:
        """Stored documents sharing at least one LSH band with a new one."""
        bands = sorted({b for s in signed for b in s.bands})
        if not bands:
            return []
        rows = self.con.execute(
            "SELECT m.doc_key, m.signature, coalesce(d.duplicate_of, d.doc_key) FROM doc_minhash m "
            "JOIN documents d USING (doc_key) WHERE m.doc_key IN (SELECT doc_key FROM doc_bands "
            "WHERE band IN (SELECT unnest(?::BIGINT[]))) ORDER BY d.seq", [bands]).fetchall()
        return [Stored(k, np.asarray(sig, dtype=np.uint32), root) for k, sig, root in rows]

    def _load(self, fresh: list[RecordRows], signed: list[Signed],
              links: dict[str, tuple[str, float]], seq: int) -> None:
        tables: dict[str, list[dict[str, Any]]] = {name: [] for name in _LOAD_ORDER}
        for i, rows in enumerate(fresh):
            for name in _LOAD_ORDER:
                tables[name].extend(rows.tables[name])
            doc = tables["documents"][-1] = dict(tables["documents"][-1], seq=seq + i + 1)
            if rows.doc_key in links:
                doc["duplicate_of"], doc["similarity"] = links[rows.doc_key]
        self.bulk_load({name: to_arrow(name, rows) for name, rows in tables.items()})
        with_sig = [s for s in signed if s.signature is not None]
        self._insert("doc_minhash", pa.table({
            "doc_key": [s.doc_key for s in with_sig],
            "signature": pa.array([s.signature.tolist() for s in with_sig],  # type: ignore[union-attr]
                                  type=pa.list_(pa.uint32()))}))
        self._insert("doc_bands", pa.table({
            "band": pa.array([b for s in with_sig for b in s.bands], type=pa.int64()),
            "doc_key": [s.doc_key for s in with_sig for _ in s.bands]}))

    def load_arrow(self, tables: Mapping[str, pa.Table]) -> None:
        """Bulk path for tables built elsewhere (benchmarks, migrations): no dedup, no merge."""
        with self._transaction():
            self.bulk_load(tables)

    def bulk_load(self, tables: Mapping[str, pa.Table]) -> None:
        """Insert Arrow tables shaped like ``rows.ARROW_SCHEMAS`` (the caller holds the transaction).

        Actors already stored are kept as first seen. Events get their surrogate ``event_no`` here,
        numbered in day order and stored in that order; event_actors (which must come with their
        events) get the event's number, document, type and place, and are inserted sorted by actor
        and day, so that DuckDB's per-block min/max lets actor and date-range queries skip most blocks.
        """
        base = self._max("events", "event_no")  # new events are numbered after this one
        for name in _LOAD_ORDER:
            table = tables.get(name)
            if table is None or table.num_rows == 0:
                continue
            if name == "actors":
                self._insert(name, table, "SELECT DISTINCT ON (actor_id) * FROM {t} WHERE actor_id "
                                          "NOT IN (SELECT actor_id FROM actors)")
                self._add_names(table)
            elif name == "doc_entities":
                self._insert(name, table)
                self._add_names(table)
            elif name == "mentions":  # "--actor russie" finds Russia by the words of the text
                self._insert(name, table)
                self._add_names(table.select(["actor_id", "text"]).rename_columns(["actor_id", "name"]))
            elif name == "events":
                self._insert(name, table, _EVENTS_SELECT.replace("{base}", str(base)))
            elif name == "event_actors":
                self._insert(name, table, _LINKS_SELECT.replace("{base}", str(base)))
            else:
                self._insert(name, table)

    def _max(self, table: str, column: str) -> int:
        return int(self.con.execute(f'SELECT coalesce(max("{column}"), 0) FROM "{table}"')
                   .fetchone()[0])  # type: ignore[index]

    def _add_names(self, table: pa.Table) -> None:
        """Remember every spelling of each actor (folded) for ``--actor`` lookups."""
        names = table.select(["actor_id", "name"])
        self._insert("actor_names", names,
                     "SELECT DISTINCT lower(strip_accents(name)) AS name_key, actor_id FROM {t} "
                     "WHERE name IS NOT NULL AND (lower(strip_accents(name)), actor_id) NOT IN "
                     "(SELECT (name_key, actor_id) FROM actor_names)")

    def _insert(self, name: str, table: pa.Table, select: str = "SELECT * FROM {t}") -> None:
        if table.num_rows == 0:
            return
        view = f"_in_{name}"
        self.con.register(view, table)
        try:
            self.con.execute(f'INSERT INTO "{name}" BY NAME ' + select.format(t=view))
        finally:
            self.con.unregister(view)

    # --- questions and exports (thin: the work is in query.py and exports.py) -----------------

    def events(self, query: EventQuery = EventQuery()) -> pa.Table:
        return find_events(self.con, query)

    def actors(self, top: int = 20) -> pa.Table:
        return top_actors(self.con, top)

    def timeline(self, by: str = "week") -> pa.Table:
        return timeline(self.con, by)

    def export(self, fmt: str, path: str | Path) -> int:
        return export(self.con, fmt, path)

    # --- merge --------------------------------------------------------------------------------

    def remerge(self, groups: Iterable[str] | None = None) -> int:
        """Rebuild corpus events for these type groups (all when ``None``); returns how many."""
        settings = self.settings.merge
        wanted = None if groups is None else set(groups)
        types = [t for t in QUADS if wanted is None or type_group(t, settings) in wanted]
        merged = merge_reports(self.reports(types), settings)
        with self._transaction():
            if wanted is None:
                self.con.execute("DELETE FROM event_reports")
                self.con.execute("DELETE FROM corpus_events")
            else:
                self.con.execute(
                    "DELETE FROM event_reports WHERE corpus_event_id IN (SELECT corpus_event_id "
                    "FROM corpus_events WHERE type_group IN (SELECT unnest(?::VARCHAR[])))",
                    [sorted(wanted)])
                self.con.execute("DELETE FROM corpus_events WHERE type_group IN "
                                 "(SELECT unnest(?::VARCHAR[]))", [sorted(wanted)])
            self._insert("corpus_events", _corpus_table(merged))
            self._insert("event_reports", pa.Table.from_pylist(
                [{"corpus_event_id": c.id, "event_key": r.event_key, "doc_key": r.doc_key,
                  "is_reprint": r.is_reprint, "reason": r.reason, "event_no": r.event_no}
                 for c in merged for r in c.reports],
                schema=pa.schema([("corpus_event_id", pa.string()), ("event_key", pa.string()),
                                  ("doc_key", pa.string()), ("is_reprint", pa.bool_()),
                                  ("reason", pa.string()), ("event_no", pa.int64())])),
                "SELECT * FROM {t} ORDER BY event_no")
        return len(merged)

    def reports(self, types: list[str]) -> list[Report]:
        rows = self.con.execute(
            "SELECT e.event_key, e.doc_key, coalesce(d.duplicate_of, d.doc_key), d.outlet, "
            "d.published_date, e.event_type, e.mode, e.actor_ids, e.actor_countries, "
            "e.recipient_ids, e.recipient_countries, e.date_value, e.date_precision, e.date_start, "
            "e.date_end, e.place_name, e.place_country, e.lat, e.lon, e.place_precision, "
            "e.negated, e.hypothetical, e.future, e.fatalities, e.event_no "
            "FROM events e JOIN documents d USING (doc_key) "
            "WHERE e.event_type IN (SELECT unnest(?::VARCHAR[]))", [types]).fetchall()
        return [Report(
            event_key=r[0], doc_key=r[1], root_doc=r[2], outlet=r[3], published=r[4],
            event_type=r[5], mode=r[6], actors=frozenset(r[7]), actor_countries=frozenset(r[8]),
            recipients=frozenset(r[9]), recipient_countries=frozenset(r[10]), date_value=r[11],
            precision=r[12], date_start=r[13], date_end=r[14], place=r[15], place_country=r[16],
            lat=r[17], lon=r[18], place_precision=r[19], flags=(r[20], r[21], r[22]),
            fatalities=r[23], event_no=r[24]) for r in rows]

    def _transaction(self) -> "_Transaction":
        return _Transaction(self.con)


# Version 1 stores: add the surrogate keys and the copied columns, renumber and re-sort events and
# event_actors as bulk_load would, and fill actor_names. One transaction: all or nothing.
_MIGRATION_1_TO_2 = """
ALTER TABLE events ADD COLUMN IF NOT EXISTS event_no BIGINT;
ALTER TABLE events ADD COLUMN IF NOT EXISTS doc_seq BIGINT;
CREATE TEMP TABLE _events_v2 AS
    SELECT e.* EXCLUDE (event_no, doc_seq), d.seq AS doc_seq,
           row_number() OVER (ORDER BY coalesce(e.date_start, d.published_date) NULLS LAST,
                              e.event_key) AS event_no
    FROM events e LEFT JOIN documents d USING (doc_key);
DELETE FROM events;
INSERT INTO events BY NAME SELECT * FROM _events_v2 ORDER BY event_no;
DROP TABLE _events_v2;
ALTER TABLE event_actors ADD COLUMN IF NOT EXISTS place_country VARCHAR;
ALTER TABLE event_actors ADD COLUMN IF NOT EXISTS event_no BIGINT;
ALTER TABLE event_actors ADD COLUMN IF NOT EXISTS doc_seq BIGINT;
CREATE TEMP TABLE _links_v2 AS
    SELECT ea.* EXCLUDE (place_country, event_no, doc_seq), e.place_country, e.event_no, e.doc_seq
    FROM event_actors ea JOIN events e USING (event_key);
DELETE FROM event_actors;
INSERT INTO event_actors BY NAME SELECT * FROM _links_v2 ORDER BY actor_id, day_start, event_no;
DROP TABLE _links_v2;
ALTER TABLE event_reports ADD COLUMN IF NOT EXISTS event_no BIGINT;
UPDATE event_reports SET event_no = e.event_no FROM events e WHERE e.event_key = event_reports.event_key;
INSERT INTO actor_names
    SELECT DISTINCT lower(strip_accents(name)), actor_id FROM
        (SELECT name, actor_id FROM actors UNION ALL SELECT name, actor_id FROM doc_entities)
    WHERE name IS NOT NULL;
UPDATE meta SET value = '2' WHERE key = 'schema';
"""


def _migrate_1_to_2(con: duckdb.DuckDBPyConnection) -> None:
    con.begin()
    try:
        con.execute(_MIGRATION_1_TO_2)
    except duckdb.Error:
        con.rollback()
        raise
    con.commit()


class _Transaction:
    """BEGIN/COMMIT, or ROLLBACK when the block raises, so a failed write leaves no partial rows."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con

    def __enter__(self) -> None:
        self.con.begin()

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            self.con.commit()
        else:
            self.con.rollback()


_STRS = pa.list_(pa.string())
_CORPUS_SCHEMA = pa.schema([
    ("corpus_event_id", pa.string()), ("type_group", pa.string()), ("event_type", pa.string()),
    ("types", _STRS), ("modes", _STRS), ("actor_ids", _STRS), ("recipient_ids", _STRS),
    ("date_start", pa.date32()), ("date_end", pa.date32()), ("dates", _STRS), ("places", _STRS),
    ("place_country", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()),
    ("fatalities", pa.list_(pa.int64())), ("outlets", _STRS), ("n_reports", pa.int64()),
    ("n_articles", pa.int64()), ("n_outlets", pa.int64()), ("n_reprints", pa.int64()),
])


def _corpus_table(merged: tuple[CorpusEvent, ...]) -> pa.Table:
    return pa.Table.from_pylist([{
        "corpus_event_id": c.id, "type_group": c.type_group, "event_type": c.event_type,
        "types": list(c.types), "modes": list(c.modes), "actor_ids": list(c.actor_ids),
        "recipient_ids": list(c.recipient_ids), "date_start": c.date_start, "date_end": c.date_end,
        "dates": list(c.dates), "places": list(c.places), "place_country": c.place_country,
        "lat": c.lat, "lon": c.lon, "fatalities": list(c.fatalities), "outlets": list(c.outlets),
        "n_reports": c.n_reports, "n_articles": c.n_articles, "n_outlets": c.n_outlets,
        "n_reprints": c.n_reprints} for c in merged], schema=_CORPUS_SCHEMA)


def _source_of(record: Any) -> str:
    if isinstance(record, RecordRows):
        doc = record.tables["documents"][0]
        return str(doc.get("source") or doc.get("doc_id") or record.doc_key)
    doc = record.get("document") if isinstance(record, Mapping) else None
    if isinstance(doc, Mapping):
        return str(doc.get("source") or doc.get("id") or "<record>")
    return "<record>"


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
