from __future__ import annotations

import csv
import json

import networkx as nx
import pandas as pd
import pyarrow.dataset as ds
import pytest
from shapely.geometry import shape

from kibaru.errors import StoreError
from kibaru.store.acled import acled_type, load_rules

from .conftest import ambush_corpus


@pytest.fixture
def filled(store):
    store.ingest(ambush_corpus())
    return store


def test_parquet_partitioned_by_month(filled, tmp_path):
    n = filled.export("parquet", tmp_path / "pq")
    table = ds.dataset(tmp_path / "pq", format="parquet", partitioning="hive").to_table()
    assert table.num_rows == n == 8
    assert sorted(p.name for p in (tmp_path / "pq").iterdir()) == ["month=2024-03", "month=2024-06"]
    assert set(table.column("event_type").to_pylist()) == {"ASSAULT", "THREATEN"}


def test_graphml_reads_back_with_weights(filled, tmp_path):
    filled.export("graphml", tmp_path / "g.graphml")
    graph = nx.read_graphml(tmp_path / "g.graphml")
    assert graph.nodes["org:JNIM"]["name"] == "JNIM"
    edge = graph.edges["org:JNIM", "org:FAMa"]
    assert edge["weight"] == 3  # March attack, June attack, threat: reports of one attack count once
    assert edge["n_reports"] == 5  # a1, a2, d1 (b1 names the "Malian Army"), b2, c2


def test_acled_csv(filled, tmp_path):
    filled.export("acled", tmp_path / "a.csv")
    frame = pd.read_csv(tmp_path / "a.csv")
    assert len(frame) == 3
    march = frame[(frame.plover_type == "ASSAULT") & (frame.event_date == "2024-03-12")].iloc[0]
    assert (march.event_type, march.sub_event_type) == ("Battles", "Armed clash")
    assert march.fatalities == 12 and march.n_outlets == 4 and march.time_precision == 1
    assert march.geo_precision == 1 and march.country == "Mali"
    with open(tmp_path / "a.csv", newline="", encoding="utf-8") as f:
        assert "sub_event_type" in next(csv.reader(f))


def test_acled_mapping_table():
    rules = load_rules()
    assert acled_type(rules, "ASSAULT", "explosives", "armed") == (
        "Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert acled_type(rules, "ASSAULT", "firearms", "civilian") == (
        "Violence against civilians", "Attack")
    assert acled_type(rules, "PROTEST", "riot", "none") == ("Riots", "Violent demonstration")
    assert acled_type(rules, "CONSULT", "visit", "none") == ("Strategic developments", "Other")


def test_geojson_points(filled, tmp_path):
    filled.export("geojson", tmp_path / "e.geojson")
    data = json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8"))
    points = [shape(f["geometry"]) for f in data["features"]]
    assert len(points) == 7  # the Studio Tamani report has a place but no coordinates
    assert any(p.x == pytest.approx(2.42) and p.y == pytest.approx(15.90) for p in points)


def test_plover_fields(filled, tmp_path):
    filled.export("plover", tmp_path / "p.jsonl")
    items = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert len(items) == 8
    first = items[0]
    assert {"event_type", "event_mode", "contexts", "actor_name", "actor_country", "actor_sector",
            "recipient_name", "event_date", "placename", "latitude"} <= set(first)
    assert first["actor_name"] == "JNIM" and first["recipient_sector"] == "MIL"


def test_unknown_format(filled, tmp_path):
    with pytest.raises(StoreError):
        filled.export("xlsx", tmp_path / "x")
