"""An event the text gives no date of its own, told as news after a lead that dates the news, is
dated by the lead; an ongoing or habitual present, background and a story with no dated lead are not."""
from __future__ import annotations

import pytest

from kibaru.pipeline import extract

PUBLISHED = "2025-03-14"  # a Friday


def _dates(pipeline, text: str, lang: str, etype: str) -> list[str | None]:
    record = extract(text, language=lang, published=PUBLISHED, pipeline=pipeline)
    found = [e.date.value for e in record.events if e.event_type == etype]
    assert found, [(e.event_type, e.why) for e in record.events]
    return found


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "etype", "expected"), [
    ("en", "Gunmen attacked a hotel in Mogadishu on Tuesday. Somali police arrested three suspects.",
     "COERCE", "2025-03-11"),
    ("fr", "Des hommes armés ont attaqué un hôtel à Mogadiscio mardi. La police somalienne a arrêté "
           "trois suspects.", "COERCE", "2025-03-11"),
    # an ongoing present is not the news day
    ("en", "Gunmen attacked a hotel in Mogadishu on Tuesday. Somali soldiers are conducting operations "
           "against al-Shabab.", "ASSAULT", None),
    # no dated lead: no date
    ("en", "Somali police arrested three suspects. Gunmen attacked a hotel in Mogadishu.", "COERCE", None),
])
def test_the_lead_dates_the_news(pipeline, lang, text, etype, expected):
    assert _dates(pipeline, text, lang, etype)[-1] == expected
