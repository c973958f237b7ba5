"""parse_published, language handling and the lexicon loader."""
from __future__ import annotations

import datetime as dt

import pytest

from kibaru.dates import find_dates, normalize_language, parse_published, resolve_date
from kibaru.dates.lexicon import load_lexicon
from kibaru.errors import DataError


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("mardi 24 septembre 2024", "fr", "2024-09-24"),
    ("Publié le 24/09/2024 à 10h12", None, "2024-09-24"),
    ("2024-09-24T10:00:00Z", None, "2024-09-24"),
    ("2024-09-24T23:30:00-05:00", "en", "2024-09-24"),
    ("2025-03-14 20:30:26Z", None, "2025-03-14"),
    ("20240924", None, "2024-09-24"),
    ("Sept 24, 2024", "en", "2024-09-24"),
    ("Sept 24, 2024", None, "2024-09-24"),
    ("Tue, 24 Sep 2024 10:00:00 GMT", "en", "2024-09-24"),
    ("September 2024", "en", "2024-09"),
    ("2024-09", None, "2024-09"),
    ("24.09.2024", "de", "2024-09-24"),
    ("hier", "fr", None),
    ("2 hours ago", "en", None),
    ("", "fr", None),
    (None, None, None),
    ("pas de date ici", "fr", None),
])
def test_parse_published(text, lang, expected):
    assert parse_published(text, lang) == expected


def test_language_codes_are_normalised():
    assert normalize_language("FR-fr") == "fr"
    assert normalize_language("en_US") == "en"
    assert normalize_language("de") is None
    assert normalize_language(None) is None
    anchor = dt.date(2024, 9, 24)
    assert find_dates("Hier, rien.", anchor, "fr-FR")[0].value == "2024-09-23"
    assert find_dates("Gestern, nichts.", anchor, "de") == ()


def test_unknown_lexicon_is_a_data_error():
    with pytest.raises(DataError):
        load_lexicon("de")


def test_resolve_date_without_a_date_is_unknown():
    value = resolve_date("des", dt.date(2024, 9, 24), "fr")
    assert (value.value, value.precision) == (None, "unknown")


def test_resolve_date_falls_back_to_dateparser():
    # Not in the rules' vocabulary; dateparser knows it.
    value = resolve_date("14 juillet 89", dt.date(2024, 9, 24), "fr")
    assert (value.value, value.precision, value.text) == ("1989-07-14", "day", "14 juillet 89")
    value = resolve_date("2024 May 1", None, "en")
    assert (value.value, value.precision) == ("2024-05-01", "day")
    assert resolve_date("il y a 2 heures", None, "fr").value is None


def test_anchor_at_the_ends_of_the_calendar_gives_unknown_not_an_error():
    assert find_dates("hier", dt.date.min, "fr")[0].precision == "unknown"
    assert find_dates("tomorrow", dt.date.max, "en")[0].precision == "unknown"
