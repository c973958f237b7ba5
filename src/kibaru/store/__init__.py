"""The corpus store: kibaru/1 records in a DuckDB file, merged across articles, exported for others.

The only place that imports duckdb. Usage::

    with Store.open("kibaru.duckdb") as store:
        store.ingest(records, failures)          # idempotent; near-duplicates linked; events merged
        store.events(EventQuery(actor="Russia", event_type="AID", since=date(2024, 9, 1)))
        store.export("acled", "events.csv")

Schema (``schema.sql``, version 1):

- ``documents``: one row per distinct text (``doc_key`` = sha256 of the text); outlet, published,
  title, url, language, text; ``duplicate_of`` points a near-duplicate reprint to its original.
- ``doc_minhash`` / ``doc_bands``: MinHash signatures and LSH bands for near-duplicate search.
- ``doc_entities`` / ``mentions``: each record's entities and their mentions, with the corpus actor.
- ``actors``: one row per real-world actor across documents (``kb_id``, else folded name|type|country).
- ``events``: one row per report (an event of one document): type, quad, mode, context, actor and
  recipient entity ids and corpus actor ids, date value/precision/interval, place, flags,
  attribution, evidence offsets and text, confidence.
- ``event_actors``: (actor, day range, role, event) rows, sorted by actor and day, for fast filters.
- ``corpus_events``: merged happenings with n_reports, n_articles, n_outlets, n_reprints and the
  conflicting details side by side (types, modes, dates, places, fatalities, outlets).
- ``event_reports``: which reports support which corpus event, and the reason each was merged.
- ``failures``: documents that could not be processed or stored (source, stage, reason, time).
- Views: ``events_named`` (reports with actor names), ``actor_pairs`` (actor -> recipient counts),
  ``events_per_week``.
"""
from __future__ import annotations

from kibaru.store.db import IngestSummary, Store, StoreSettings
from kibaru.store.dedup import DedupSettings
from kibaru.store.exports import FORMATS
from kibaru.store.merge import CorpusEvent, MergeSettings, Report, merge_reports
from kibaru.store.query import EventQuery

__all__ = sorted([
    "CorpusEvent", "DedupSettings", "EventQuery", "FORMATS", "IngestSummary", "MergeSettings",
    "Report", "Store", "StoreSettings", "merge_reports",
])
