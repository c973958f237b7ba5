"""The whole path, from files to records: bad documents fail alone, good ones go through."""
from __future__ import annotations

import json

import pytest

from kibaru.model import Failure, Record


@pytest.mark.models
def test_corrupt_file_among_good_ones(pipeline, tmp_path):
    (tmp_path / "a-good.txt").write_text(
        "Le Mali et le Niger signent un accord\n\nLe ministre malien des affaires étrangères a rencontré "
        "mardi à Niamey son homologue nigérien.\n", encoding="utf-8")
    (tmp_path / "b-binary.txt").write_bytes(b"\x00\x01\x02\xff\xfe" * 200)
    (tmp_path / "c-empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "d-records.jsonl").write_text(
        json.dumps({"id": "x1", "text": "Russia condemned the attack on the embassy in Kyiv.",
                    "published": "2024-05-02", "language": "en"}) + "\n{not json\n", encoding="utf-8")
    items = list(pipeline.extract_paths([tmp_path]))
    failures = [i for i in items if isinstance(i, Failure)]
    records = [i for i in items if isinstance(i, Record)]
    assert sorted(r.document.source.split("/")[-1] for r in records) == ["a-good.txt", "d-records.jsonl#1"]
    assert len(failures) == 3
    reasons = " ".join(f.reason for f in failures)
    assert "b-binary.txt" in reasons and "c-empty.txt" in reasons and "d-records.jsonl" in reasons


@pytest.mark.models
def test_json_metadata_wins_and_no_invented_dates(pipeline):
    from kibaru.model import RawDocument

    raw = RawDocument(source="t.json", id="t1", text="Russia condemned the attack on the embassy.",
                      published="2024-05-02", title="Given title", language="en")
    (record,) = list(pipeline.run([raw]))
    assert record.document.title == "Given title"
    assert record.document.id == "t1"
    for ev in record.events:
        assert ev.date.value is None and ev.date.precision == "unknown"


def test_text_over_the_parser_limit_fails_alone():
    # spaCy raises on texts over nlp.max_length; that must be one document's failure, not the batch's.
    from kibaru.config import Settings
    from kibaru.model import RawDocument
    from kibaru.pipeline import Pipeline

    pipeline = Pipeline(Settings(max_document_chars=200))
    long = RawDocument(source="long.txt", text="Le ministre a rencontré son homologue à Bamako. " * 20)
    short = RawDocument(source="short.txt", text="Le ministre a rencontré son homologue à Bamako.")
    prepared = list(pipeline._prepare([long, short]))
    assert isinstance(prepared[0], Failure) and prepared[0].stage == "parse"
    assert "long.txt" in prepared[0].reason and "over the limit of 200" in prepared[0].reason
    assert not isinstance(prepared[1], Failure) and prepared[1].source == "short.txt"
