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
    # the event's own verb must be in a past tense: the passé composé, the simple past (« arrêta »,
    # read as a present by the tagger), the English present perfect
    ("fr", "Des hommes armés ont attaqué un hôtel à Mogadiscio mardi. La police somalienne arrêta "
           "trois suspects.", "COERCE", "2025-03-11"),
    ("en", "Gunmen attacked a hotel in Mogadishu on Tuesday. Somali police have arrested three suspects.",
     "COERCE", "2025-03-11"),
    # a present the tagger misses, a stance, a habit: not the news day
    ("fr", "Des hommes armés ont attaqué un hôtel à Mogadiscio mardi. Le gouvernement somalien multiplie "
           "les voyages pour plaider sa cause auprès du Kenya.", "REQUEST", None),
    ("fr", "Des hommes armés ont attaqué un hôtel à Mogadiscio mardi. L'Union africaine est prête à "
           "effectuer une intervention armée en Somalie.", "MOBILIZE", None),
    ("en", "Gunmen attacked a hotel in Mogadishu on Tuesday. The Somali government keeps appealing to "
           "Kenya for help.", "REQUEST", None),
    # someone's opinion is not a dated fact
    ("fr", "Des hommes armés ont attaqué un hôtel à Mogadiscio mardi. C'est l'avis d'un diplomate, pour "
           "qui les États-Unis ont ordonné au Kenya de fermer sa frontière.", "REQUEST", None),
    # no dated lead: no date
    ("en", "Somali police arrested three suspects. Gunmen attacked a hotel in Mogadishu.", "COERCE", None),
])
def test_the_lead_dates_the_news(pipeline, lang, text, etype, expected):
    assert _dates(pipeline, text, lang, etype)[-1] == expected
