"""Table-driven cases from ``tests/vectors/dates*.json``.

Each case: ``text``, ``anchor`` (ISO date or null), ``lang``, expected ``value`` and
``precision``; ``precision: null`` means the text holds no date at all. ``expr`` (optional) names
the expression to check when the text holds several, and checks its span.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kibaru.dates import find_dates, resolve_date

VECTORS = Path(__file__).resolve().parent.parent / "vectors"


def _cases() -> list[dict]:
    cases = []
    for path in sorted(VECTORS.glob("dates*.json")):
        cases += json.loads(path.read_text("utf-8"))
    return cases


CASES = _cases()


def _anchor(case: dict) -> dt.date | None:
    return dt.date.fromisoformat(case["anchor"]) if case["anchor"] else None


def test_enough_cases():
    assert len(CASES) >= 150
    assert {c["lang"] for c in CASES} == {"fr", "en"}
    assert sum(c["precision"] is None for c in CASES) >= 20


@pytest.mark.parametrize("case", CASES, ids=[f"{c['lang']}:{c['text'][:50]}" for c in CASES])
def test_vector(case: dict):
    found = find_dates(case["text"], _anchor(case), case["lang"])
    if case["precision"] is None:
        assert found == (), f"false positive: {found}"
        return
    assert found, "no date found"
    if "expr" in case:
        hits = [v for v in found if v.text == case["expr"]]
        assert hits, f"{case['expr']!r} not among {[v.text for v in found]}"
        value = hits[0]
    else:
        value = found[0]
    assert (value.value, value.precision) == (case["value"], case["precision"])
    assert case["text"][value.start:value.end] == value.text


@pytest.mark.parametrize("case", [c for c in CASES if "expr" in c], ids=lambda c: c["expr"])
def test_resolve_date_agrees(case: dict):
    """The expression alone resolves as it does in context (bar anaphora, which needs context)."""
    if case["expr"].lower() in {"la veille", "le lendemain", "the next day"}:
        pytest.skip("anaphora resolve against an earlier date of the text")
    value = resolve_date(case["expr"], _anchor(case), case["lang"])
    assert (value.value, value.precision) == (case["value"], case["precision"])
    assert (value.start, value.end) == (0, len(case["expr"]))
