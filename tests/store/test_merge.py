from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from kibaru.store.merge import MergeSettings, Report, compatible, merge_reports, type_group

BASE = Report(
    event_key="d1:v1", doc_key="d1", root_doc="d1", outlet="A", published=date(2024, 3, 13),
    event_type="ASSAULT", actors=frozenset({"org:JNIM"}), actor_countries=frozenset({"MLI"}),
    recipients=frozenset({"org:FAMa"}), recipient_countries=frozenset({"MLI"}),
    date_value="2024-03-12", precision="day", date_start=date(2024, 3, 12),
    date_end=date(2024, 3, 12), place="Ménaka", place_country="MLI", lat=15.92, lon=2.40,
    place_precision="city")


def other(n: int, **changes) -> Report:
    changes.setdefault("root_doc", f"d{n}")
    return replace(BASE, event_key=f"d{n}:v1", doc_key=f"d{n}", **changes)


def on(day: int, month: int = 3) -> dict:
    d = date(2024, month, day)
    return {"date_value": d.isoformat(), "date_start": d, "date_end": d}


def test_same_document_never_merges():
    assert compatible(BASE, replace(BASE, event_key="d1:v2"), MergeSettings()) is None


def test_day_tolerance():
    s = MergeSettings()
    assert compatible(BASE, other(2, **on(14)), s) is not None
    assert compatible(BASE, other(2, **on(15)), s) is None


def test_month_precision_reaches_a_month():
    month = {"date_value": "2024-03", "precision": "month", "date_start": date(2024, 3, 1),
             "date_end": date(2024, 3, 31)}
    assert "month precision" in compatible(BASE, other(2, **month), MergeSettings())
    assert compatible(other(3, **on(20, 5)), other(2, **month), MergeSettings()) is None


def test_unknown_date_needs_same_actors_and_close_publication():
    unknown = {"date_value": None, "precision": "unknown", "date_start": None, "date_end": None}
    s = MergeSettings()
    assert "published 1 days apart" in compatible(BASE, other(2, published=date(2024, 3, 14),
                                                              **unknown), s)
    assert compatible(BASE, other(2, published=date(2024, 3, 20), **unknown), s) is None
    same_state_only = other(2, published=date(2024, 3, 14), actors=frozenset({"x"}), **unknown)
    assert compatible(BASE, same_state_only, s) is None


def test_places_far_apart_or_in_another_country_do_not_merge():
    s = MergeSettings()
    assert compatible(BASE, other(2, lat=16.27, lon=-0.04, place="Gao"), s) is None  # ~270 km
    assert compatible(BASE, other(2, place="Niamey", place_country="NER", lat=None, lon=None),
                      s) is None
    assert "km apart" in compatible(BASE, other(2, lat=15.95, lon=2.45), s)


def test_type_pairs_and_flags():
    s = MergeSettings()
    assert type_group("AID", s) == "AID~COOPERATE"
    assert "type pair" in compatible(replace(BASE, event_type="AID"),
                                     other(2, event_type="COOPERATE"), s)
    assert compatible(BASE, other(2, event_type="PROTEST"), s) is None
    assert compatible(BASE, other(2, flags=(True, False, False)), s) is None


def test_merge_is_deterministic_and_counts_reprints_once():
    reports = [BASE, other(2, outlet="B", **on(13)), other(3, outlet="A"),
               other(4, outlet="C", root_doc="d2", **on(13)),
               other(5, **on(20, 6)), other(6, event_type="THREATEN")]
    merged = merge_reports(reports)
    for seed in range(5):
        shuffled = reports[:]
        random.Random(seed).shuffle(shuffled)
        assert merge_reports(shuffled) == merged
    big = max(merged, key=lambda c: c.n_reports)
    assert (big.n_reports, big.n_articles, big.n_outlets, big.n_reprints) == (3, 3, 2, 1)
    assert len(merged) == 3
    assert big.reports[0].reason == "first report"
    assert all(link.reason.startswith("with d1:v1") for link in big.reports[1:])
