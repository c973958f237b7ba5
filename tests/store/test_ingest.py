from __future__ import annotations

import pytest

from kibaru.errors import StoreError
from kibaru.model import Failure
from kibaru.store import Store
from kibaru.store.keys import content_hash

from .conftest import ORIGINAL_2, ambush_corpus, event, record

TABLES = ("documents", "doc_entities", "mentions", "actors", "events", "event_actors",
          "corpus_events", "event_reports", "failures", "doc_bands", "doc_minhash")


def counts(store: Store) -> dict[str, int]:
    return {t: store.count(t) for t in TABLES}


def test_reingest_adds_zero_rows(store):
    failures = [{"source": "broken.html", "stage": "ingest", "reason": "empty document"}]
    first = store.ingest(ambush_corpus(), failures)
    before = counts(store)
    again = store.ingest(ambush_corpus(), failures)
    assert first.documents == 8 and first.failures == 1
    assert again.documents == 0 and again.already_stored == 8 and again.failures == 0
    assert counts(store) == before


def test_reingest_survives_reopening(tmp_path):
    path = tmp_path / "c.duckdb"
    with Store.open(path) as s:
        s.ingest(ambush_corpus())
        before = counts(s)
    with Store.open(path) as s:
        s.ingest(ambush_corpus())
        assert counts(s) == before


def test_one_corpus_event_for_five_reports_four_outlets_and_a_reprint(store):
    store.ingest(ambush_corpus())
    march = store.con.execute(
        "SELECT corpus_event_id, n_reports, n_articles, n_outlets, n_reprints, dates, fatalities, "
        "places FROM corpus_events WHERE event_type = 'ASSAULT' AND date_start < '2024-04-01'"
    ).fetchall()
    assert len(march) == 1
    ce_id, n_reports, n_articles, n_outlets, n_reprints, dates, fatalities, places = march[0]
    assert (n_reports, n_articles, n_outlets, n_reprints) == (5, 5, 4, 1)
    assert dates == ["2024-03", "2024-03-12", "2024-03-13"]  # conflicting details side by side
    assert fatalities == [12, 15]
    assert places == ["Mali", "Ménaka"]
    linked = store.con.execute("SELECT count(*), count(DISTINCT doc_key) FROM event_reports "
                               "WHERE corpus_event_id = ?", [ce_id]).fetchone()
    assert linked == (6, 6)  # every supporting report is linked, the reprint included
    reasons = [r[0] for r in store.con.execute(
        "SELECT reason FROM event_reports WHERE corpus_event_id = ?", [ce_id]).fetchall()]
    assert reasons.count("first report") == 1
    assert any("same state MLI" in r for r in reasons)
    assert any("unstated in one report" in r for r in reasons)


def test_reprint_is_linked_to_its_original(store):
    store.ingest(ambush_corpus())
    dup = store.con.execute("SELECT duplicate_of, similarity FROM documents WHERE doc_id = "
                            "'b1-reprint'").fetchone()
    assert dup[0] == content_hash(ORIGINAL_2) and dup[1] >= 0.8
    assert store.con.execute("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL"
                             ).fetchone()[0] == 1


def test_reprint_found_in_a_later_ingest(store):
    corpus = ambush_corpus()
    reprint = [r for r in corpus if r["document"]["id"] == "b1-reprint"]
    store.ingest([r for r in corpus if r not in reprint])
    summary = store.ingest(reprint)
    assert summary.reprints == 1
    assert store.con.execute("SELECT n_reprints, n_outlets FROM corpus_events WHERE "
                             "n_reports = 5").fetchone() == (1, 4)


def test_other_happenings_between_the_same_parties_stay_separate(store):
    store.ingest(ambush_corpus())
    rows = store.con.execute("SELECT event_type, date_start, n_reports FROM corpus_events "
                             "ORDER BY date_start, event_type").fetchall()
    assert [(t, str(d), n) for t, d, n in rows] == [
        ("ASSAULT", "2024-03-12", 5), ("THREATEN", "2024-03-12", 1), ("ASSAULT", "2024-06-20", 1)]


def test_bad_record_becomes_a_failure_row_and_the_others_land(store):
    bad = record("x1", "Nowhere", "2024-03-12", "Un texte quelconque sur rien.",
                 [event(actor=("e9",))])
    summary = store.ingest([*ambush_corpus()[:2], bad, {"no": "document"}],
                           [Failure("feed.jsonl#3", "nlp", "model crashed")])
    assert summary.documents == 2 and summary.failures == 3
    rows = store.con.execute("SELECT source, stage, reason FROM failures ORDER BY source").fetchall()
    assert rows[0][:2] == ("<record>", "store")
    assert rows[1] == ("feed.jsonl#3", "nlp", "model crashed")
    assert rows[2][0] == "x1.txt" and "unknown entity 'e9'" in rows[2][2]
    assert store.count("documents") == 2


def test_failed_chunk_keeps_what_was_stored(store, monkeypatch):
    store.ingest(ambush_corpus()[:3])
    before = counts(store)
    import duckdb

    def broken(*_args, **_kwargs):
        raise duckdb.ConstraintException("simulated write failure")

    monkeypatch.setattr(store, "bulk_load", broken)
    summary = store.ingest(ambush_corpus()[3:5])
    assert summary.documents == 0 and summary.failures == 2
    assert store.count("documents") == before["documents"]
    assert store.count("events") == before["events"]


def test_opening_a_directory_is_a_store_error(tmp_path):
    with pytest.raises(StoreError):
        Store.open(tmp_path)


def test_actor_matches_any_spelling_without_case_or_accents_and_kb_ids(store):
    from kibaru.store import EventQuery

    store.ingest(ambush_corpus())
    for spelling in ("forces armees maliennes", "FORCES ARMÉES MALIENNES", "org:FAMa", "malian army"):
        rows = store.events(EventQuery(actor=spelling, limit=100)).to_pylist()
        assert rows, spelling
    by_kb = store.events(EventQuery(actor="org:FAMa", limit=100)).num_rows
    assert by_kb == store.events(EventQuery(actor="Forces armées maliennes", limit=100)).num_rows


def test_actor_page_matches_a_plain_filter(store):
    from datetime import date

    from kibaru.store import EventQuery

    store.ingest(ambush_corpus())
    query = EventQuery(actor="JNIM", event_type="assault", since=date(2024, 3, 12),
                       until=date(2024, 6, 30), country="mli", limit=3)
    got = store.events(query).to_pylist()
    want = store.con.execute(
        "SELECT e.event_key FROM events e JOIN documents d USING (doc_key) "
        "WHERE list_contains(e.actor_ids, 'org:JNIM') AND e.event_type = 'ASSAULT' "
        "AND e.place_country = 'MLI' AND coalesce(e.date_end, d.published_date) >= DATE '2024-03-12' "
        "AND coalesce(e.date_start, d.published_date) <= DATE '2024-06-30' "
        "ORDER BY coalesce(e.date_start, d.published_date) DESC, e.event_key LIMIT 3").fetchall()
    assert [r["event_key"] for r in got] == [w[0] for w in want]
    assert all(r["corpus_event_id"] for r in got)


def test_version_1_store_is_migrated(tmp_path):
    from kibaru.store import EventQuery

    path = tmp_path / "v1.duckdb"
    with Store.open(path) as s:
        s.ingest(ambush_corpus())
        want = s.events(EventQuery(actor="jnim", limit=100)).to_pylist()
        # Make it look like a version 1 store: no surrogate keys, no copied columns, no names.
        for table, columns in (("events", ("event_no", "doc_seq")),
                               ("event_actors", ("place_country", "event_no", "doc_seq")),
                               ("event_reports", ("event_no",))):
            for column in columns:
                s.con.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        s.con.execute("DROP TABLE actor_names")
        s.con.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    with Store.open(path) as s:
        assert s.con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()[0] == "2"
        assert s.events(EventQuery(actor="jnim", limit=100)).to_pylist() == want
        before = counts(s)
        s.ingest(ambush_corpus())
        assert counts(s) == before
