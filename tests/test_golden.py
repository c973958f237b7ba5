"""Golden files: what kibaru reads in the seed article and the dev documents, reviewed by a person.

Regenerate deliberately with ``KIBARU_REGEN=1 pytest tests/test_golden.py`` and review the diff.
The golden files hold a digest (names, types, roles, dates, flags), not the article text.
"""
from __future__ import annotations

import json
import os

import pytest

from kibaru.model import Record
from tests.conftest import ROOT, require_shared

GOLDEN = ROOT / "tests" / "golden"


def digest(record: Record) -> dict:
    names = {e.id: e.name for e in record.entities}
    d = record.document
    return {
        "document": {"title": d.title, "published": d.published, "outlet": d.outlet, "author": d.author,
                     "language": d.language},
        "entities": sorted([e.name, e.type, e.country] for e in record.entities),
        "events": [
            {"type": v.event_type, "mode": v.mode, "actor": [names[i] for i in v.actor],
             "recipient": [names[i] for i in v.recipient], "date": v.date.value,
             "flags": [k for k, on in (("negated", v.flags.negated), ("hypothetical", v.flags.hypothetical),
                                       ("future", v.flags.future), ("historical", v.flags.historical)) if on],
             "source": v.attribution.text, "trigger": d.text[v.evidence.trigger[0]:v.evidence.trigger[1]]}
            for v in record.events
        ],
    }


DOCS = ["seed-fr-russie-mali.txt", "wikinews-fr-001_mali_tombouctou_destructions.txt",
        "wikinews-fr-015_equateur_asile_assange.txt"]


@pytest.mark.models
@pytest.mark.parametrize("name", DOCS)
def test_golden(pipeline, name):
    path = require_shared("eval", "dev", "docs", name)
    (record,) = list(pipeline.extract_paths([path]))
    assert isinstance(record, Record), record
    got = digest(record)
    golden = GOLDEN / (name.rsplit(".", 1)[0] + ".json")
    if os.environ.get("KIBARU_REGEN") == "1" or not golden.exists():
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        if os.environ.get("CI") == "true":
            pytest.fail(f"{golden.name} was missing under CI")
    want = json.loads(golden.read_text(encoding="utf-8"))
    assert got == want, f"{name}: output changed; if intended, regenerate with KIBARU_REGEN=1 and review the diff"
