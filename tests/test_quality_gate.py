"""The quality gate: the shared scorer on the development documents, against floors kept in the repo."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from tests.conftest import ROOT, require_shared

FLOORS = json.loads((ROOT / "tests" / "quality_floors.json").read_text(encoding="utf-8"))


def _scorer():
    path = require_shared("eval", "score.py")
    spec = importlib.util.spec_from_file_location("kibaru_shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _figures(summary: dict) -> dict[str, float]:
    return {
        "metadata": summary["metadata"][2], "text_repair": summary["text_repair"][2],
        "entities_f1": summary["entities"]["f1"], "entity_type": summary["entity_type"][2],
        "entity_country": summary["entity_country"][2],
        "events_strict_f1": summary["events_strict"]["f1"],
        "events_dyadic_f1": summary["events_dyadic"]["f1"],
        "event_dates": summary["event_dates"][2], "event_places": summary["event_places"][2],
    }


def _score(pipeline, docs: Path, gold: Path, only: str | None = None) -> dict[str, float]:
    score = _scorer()
    records = [item.to_json() for item in pipeline.extract_paths([docs]) if hasattr(item, "to_json")]
    golds = score.load_gold(gold)
    if only:
        golds = [g for g in golds if g["doc"] == only]
    index = score.index_records(records)
    results = [score.score_document(g, index.get(g["doc"])) for g in golds]
    return _figures(score.summarise(results))


@pytest.mark.models
@pytest.mark.parametrize("name", ["dev", "dev-en", "seed", "plover-gsr"])
def test_scores_stay_above_floors(pipeline, name):
    if name == "plover-gsr":  # the field's gold standard: one English sentence a document
        peers = ("eval", "peers", "plover-gsr")
        figures = _score(pipeline, require_shared(*peers, "docs.jsonl"), require_shared(*peers, "gold.jsonl"))
    elif name == "seed":
        docs = require_shared("eval", "dev", "docs", "seed-fr-russie-mali.txt")
        figures = _score(pipeline, docs, require_shared("eval", "dev", "gold"), "seed-fr-russie-mali.txt")
    else:
        figures = _score(pipeline, require_shared("eval", name, "docs"), require_shared("eval", name, "gold"))
    below = {k: (figures[k], floor) for k, floor in FLOORS[name].items()
             if not k.startswith("_") and figures[k] + 1e-9 < floor}
    assert not below, f"{name}: below the floors (figure, floor): {below}; all figures: {figures}"
