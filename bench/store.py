"""Store benchmark: bulk-load N synthetic events, time the record-by-record ``ingest`` path on a sample,
and time an actor-and-date-range query against two baselines (full scan in DuckDB, pandas filter).

    .venv/bin/python bench/store.py [--events 1000000] [--records 10000] [--db PATH]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kibaru.store import EventQuery, Store
from kibaru.store.rows import ARROW_SCHEMAS

TYPES = np.array(["ASSAULT", "PROTEST", "CONSULT", "AID", "ACCUSE", "COERCE", "MOBILIZE", "THREATEN"])
EPOCH = date(2023, 1, 1)


def full_table(name: str, n: int, columns: dict[str, pa.Array]) -> pa.Table:
    schema = ARROW_SCHEMAS[name]
    return pa.table([columns.get(f.name, pa.nulls(n, f.type)) for f in schema], schema=schema)


def one_item_lists(values: pa.Array) -> pa.Array:
    return pa.ListArray.from_arrays(pa.array(np.arange(len(values) + 1, dtype=np.int32)), values)


def synthetic_tables(n_events: int, n_actors: int, seed: int = 7) -> dict[str, pa.Table]:
    """Vectorised: four events per document, one actor and one recipient each, dates over two years."""
    rng = np.random.default_rng(seed)
    n_docs = max(1, n_events // 4)
    doc_keys = pc.utf8_lpad(pa.array(np.arange(n_docs).astype(str)), 32, "0")
    actor_ids = pa.array([f"bench:actor{i}" for i in range(n_actors)])
    doc_of = np.arange(n_events) // 4
    ev_doc = doc_keys.take(pa.array(doc_of))
    keys = pc.binary_join_element_wise(ev_doc, pa.array((np.arange(n_events) % 4).astype(str)), ":v")
    days = rng.integers(0, 730, n_events)
    start = pa.array((days + (EPOCH - date(1970, 1, 1)).days).astype("int32")).view(pa.date32())
    # Actors follow a heavy tail, as in news: a few states act in most events.
    who = np.minimum(rng.zipf(1.3, n_events) - 1, n_actors - 1)
    whom = rng.integers(0, n_actors, n_events)
    types = pa.array(TYPES[rng.integers(0, len(TYPES), n_events)])
    documents = full_table("documents", n_docs, {
        "doc_key": doc_keys, "seq": pa.array(np.arange(1, n_docs + 1)), "outlet": pa.array(
            np.array(["Outlet A", "Outlet B", "Outlet C"])[np.arange(n_docs) % 3]),
        "text": pc.binary_join_element_wise(pa.array(["synthetic document"] * n_docs), doc_keys, " "),
        "published_date": start.take(pa.array(np.arange(n_docs) * 4))})
    events = full_table("events", n_events, {
        "event_key": keys, "doc_key": ev_doc, "event_id": pa.array(["v"] * n_events),
        "event_type": types, "actor_ids": one_item_lists(actor_ids.take(pa.array(who))),
        "recipient_ids": one_item_lists(actor_ids.take(pa.array(whom))),
        "date_precision": pa.array(["day"] * n_events), "date_start": start, "date_end": start,
        "evidence_text": pc.binary_join_element_wise(pa.array(["evidence"] * n_events), keys, " ")})
    links = full_table("event_actors", 2 * n_events, {
        "actor_id": pa.concat_arrays([actor_ids.take(pa.array(who)), actor_ids.take(pa.array(whom))]),
        "day_start": pa.concat_arrays([start, start]), "day_end": pa.concat_arrays([start, start]),
        "role": pa.array(["actor"] * n_events + ["recipient"] * n_events),
        "event_key": pa.concat_arrays([keys, keys]), "event_type": pa.concat_arrays([types, types])})
    actors = full_table("actors", n_actors, {
        "actor_id": actor_ids, "name": pa.array([f"Actor {i}" for i in range(n_actors)]),
        "type": pa.array(["country"] * n_actors)})
    return {"documents": documents, "actors": actors, "events": events, "event_actors": links}


def synthetic_records(n: int, seed: int = 11) -> list[dict]:
    rng = np.random.default_rng(seed)
    vocab = [f"mot{i}" for i in range(5000)]
    records = []
    for i in range(n):
        words = " ".join(vocab[j] for j in rng.integers(0, len(vocab), 60))
        a, b = (int(x) for x in rng.integers(0, 200, 2))
        day = EPOCH + timedelta(days=int(rng.integers(0, 365)))
        entities = [{"id": "e1", "name": f"Actor {a}", "type": "country", "country": None,
                     "sector": "GOV", "kb_id": f"bench:actor{a}", "mentions": []},
                    {"id": "e2", "name": f"Actor {b}", "type": "country", "country": None,
                     "sector": "GOV", "kb_id": f"bench:actor{b}", "mentions": []}]
        events = [{"id": f"v{k}", "event_type": str(TYPES[rng.integers(0, len(TYPES))]), "mode": None,
                   "context": [], "actor": ["e1"], "recipient": ["e2"],
                   "date": {"value": day.isoformat(), "precision": "day", "text": None},
                   "location": None, "flags": {}, "attribution": {},
                   "evidence": {"sentence": [0, 10], "trigger": [0, 3], "text": words[:40]},
                   "confidence": 0.5} for k in range(2)]
        records.append({"schema": "kibaru/1", "document": {
            "id": f"r{i}", "source": f"r{i}.txt", "published": day.isoformat(), "outlet": "Bench",
            "text": f"record {i} {words}"}, "entities": entities, "events": events})
    return records


def timed(fn, repeat: int = 7) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--actors", type=int, default=5_000)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.duckdb"
        t0 = time.perf_counter()
        tables = synthetic_tables(args.events, args.actors)
        t_build = time.perf_counter() - t0
        with Store.open(db) as store:
            t0 = time.perf_counter()
            store.load_arrow(tables)
            t_load = time.perf_counter() - t0
            print(f"bulk path: {args.events:,} events, {tables['documents'].num_rows:,} documents: "
                  f"built in {t_build:.1f} s, loaded in {t_load:.1f} s "
                  f"({args.events / t_load:,.0f} events/s)")

            actor, since, until = "Actor 3", date(2023, 6, 1), date(2023, 8, 31)
            query = EventQuery(actor=actor, since=since, until=until, limit=100_000)
            fast, hits = timed(lambda: store.events(query))
            page, _ = timed(lambda: store.events(EventQuery(actor=actor, since=since, until=until)))
            scan_sql = ("SELECT e.event_key FROM events e WHERE (list_contains(e.actor_ids, $a) OR "
                        "list_contains(e.recipient_ids, $a)) AND e.date_end >= $s AND e.date_start <= $u")
            params = {"a": "bench:actor3", "s": since, "u": until}
            scan, scanned = timed(lambda: store.con.execute(scan_sql, params).fetchall())
            frame = store.con.execute("SELECT event_key, actor_ids, recipient_ids, date_start, "
                                      "date_end FROM events").df()

            lo, hi = pd.Timestamp(since), pd.Timestamp(until)

            def pandas_filter():
                has = frame.actor_ids.map(lambda x: "bench:actor3" in x) | \
                    frame.recipient_ids.map(lambda x: "bench:actor3" in x)
                return frame[has & (frame.date_end >= lo) & (frame.date_start <= hi)]

            slow, _ = timed(pandas_filter, repeat=3)
            assert hits.num_rows == len(scanned), (hits.num_rows, len(scanned))
            print(f"query actor={actor!r} {since}..{until}: {hits.num_rows:,} reports")
            print(f"  store.events, all {hits.num_rows:,} rows (names, outlet, corpus event): "
                  f"{fast * 1000:7.1f} ms")
            print(f"  store.events, first page (limit 50, as the CLI):    {page * 1000:7.1f} ms")
            print(f"  baseline: DuckDB full scan of list columns (keys):  {scan * 1000:7.1f} ms")
            print(f"  baseline: pandas filter (data already in memory):   {slow * 1000:7.1f} ms")

        records = synthetic_records(args.records)
        with Store.open(Path(tmp) / "ingest.duckdb") as store:
            t0 = time.perf_counter()
            summary = store.ingest(records)
            t_ingest = time.perf_counter() - t0
        per_event = t_ingest / max(1, summary.events)
        print(f"ingest path (hash, MinHash, Arrow load, merge): {args.records:,} records, "
              f"{summary.events:,} events in {t_ingest:.1f} s ({summary.events / t_ingest:,.0f} "
              f"events/s); {summary.corpus_events:,} corpus events")
        print(f"  extrapolated to {args.events:,} events: {per_event * args.events / 60:.1f} min "
              f"(linear, an estimate only; merge cost grows with events per actor pair and month)")


if __name__ == "__main__":
    main()
