"""Property: the store round-trips events exactly (ingest records -> export jsonl -> same events)."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kibaru.model import EVENT_TYPES
from kibaru.store import Store

text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
               max_size=12)
maybe_text = st.none() | text
floats = st.floats(allow_nan=False, allow_infinity=False, width=64)
offsets = st.lists(st.integers(0, 10_000), min_size=2, max_size=2)
flags = st.fixed_dictionaries({k: st.booleans()
                               for k in ("negated", "hypothetical", "future", "historical")})
place = st.none() | st.fixed_dictionaries({
    "name": text, "country": st.none() | st.sampled_from(["MLI", "RUS", "FRA"]), "admin1": maybe_text,
    "lat": st.none() | floats, "lon": st.none() | floats,
    "geonames_id": st.none() | st.integers(0, 2**40), "precision": st.sampled_from(
        ["exact", "city", "admin1", "country"]), "text": maybe_text})
when = st.one_of(
    st.just({"value": None, "precision": "unknown", "text": None}),
    st.builds(lambda d, p, t: {"value": d.isoformat(), "precision": p, "text": t},
              st.dates(), st.sampled_from(["day", "week"]), maybe_text),
    st.builds(lambda d, t: {"value": d.isoformat()[:7], "precision": "month", "text": t},
              st.dates(), maybe_text))


@st.composite
def records(draw):
    n_entities = draw(st.integers(0, 3))
    ids = [f"e{i}" for i in range(n_entities)]
    entities = [{
        "id": i, "name": draw(text), "type": draw(st.sampled_from(["country", "person",
                                                                     "armed_group"])),
        "country": draw(st.none() | st.sampled_from(["MLI", "RUS"])),
        "sector": draw(st.none() | st.sampled_from(["GOV", "MIL"])),
        "kb_id": draw(st.none() | st.sampled_from(["country:MLI", "org:X"])),
        "wikidata": draw(st.none() | st.just("Q912")),
        "mentions": draw(st.lists(st.builds(lambda s, t: {"start": s, "end": s + 3, "text": t},
                                            st.integers(0, 500), text), max_size=2)),
        "why": draw(maybe_text)} for i in ids]
    parties = st.lists(st.sampled_from(ids), unique=True, max_size=2) if ids else st.just([])
    events = [{
        "id": f"v{j}", "event_type": draw(st.sampled_from(EVENT_TYPES)), "mode": draw(maybe_text),
        "context": draw(st.lists(text, max_size=2)), "actor": draw(parties),
        "recipient": draw(parties), "date": draw(when), "location": draw(place),
        "flags": draw(flags),
        "attribution": {"source": draw(st.none() | st.sampled_from(ids or [None])),
                        "text": draw(maybe_text), "quote": draw(maybe_text)},
        "evidence": {"sentence": draw(offsets), "trigger": draw(offsets), "text": draw(text),
                     "spans": draw(st.lists(offsets, max_size=2))},
        "confidence": draw(st.floats(0, 1)), "why": draw(st.lists(text, max_size=2)),
    } for j in range(draw(st.integers(0, 3)))]
    return {"entities": entities, "events": events, "title": draw(maybe_text),
            "body": draw(text)}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(records(), min_size=1, max_size=4))
def test_store_round_trips_events_exactly(drawn):
    corpus = [{
        "schema": "kibaru/1",
        "document": {"id": f"doc{i}", "source": f"doc{i}.txt", "title": r["title"],
                     "published": "2024-09-24", "outlet": "X", "author": None, "language": "fr",
                     "url": None, "text": f"document {i}: {r['body']}"},
        "entities": r["entities"], "events": r["events"]} for i, r in enumerate(drawn)]
    with tempfile.TemporaryDirectory() as tmp:
        with Store.open(Path(tmp) / "c.duckdb") as store:
            store.ingest(corpus)
            store.export("jsonl", Path(tmp) / "out.jsonl")
        back = [json.loads(line) for line in (Path(tmp) / "out.jsonl").read_text().splitlines()]
    assert [b["events"] for b in back] == [c["events"] for c in corpus]
    assert [b["entities"] for b in back] == [c["entities"] for c in corpus]
    assert [{k: b["document"][k] for k in c["document"]} for b, c in zip(back, corpus)] == \
        [c["document"] for c in corpus]
