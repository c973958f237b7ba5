"""Hypothesis properties: never raises, offsets point into the text, relative dates follow
their anchor, weekdays land on the right day, published dates round-trip."""
from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kibaru.dates import find_dates, parse_published, resolve_date

FRAGMENTS = [
    "le", "Le 18", "le 1er", "18", "31", "29 février", "septembre", "sept.", "Sept.", "2024",
    "mercredi", "Wednesday", "dernier", "prochain", "last", "next", "on", "hier", "yesterday",
    "il y a", "trois", "jours", "ago", "two days", "la veille", "the day before", "fin",
    "début", "mi-", "en", "in", "March", "mars", "Mai", "May", "/", "-", ".", ",", "12/31/1999",
    "0001-01-01", "9999-12-31", "dans la nuit de", "à", "au", "la semaine dernière", "week-end",
    "ce week-end", "last weekend", "over the weekend", "next month", "l'an prochain", "soir",
    "night", "’", "\u00a0", "\n", "1", "00", "99",
]
LANGS = st.sampled_from(["fr", "en", "FR", "en-US", "de", "", "xx"])
ANCHORS = st.one_of(st.none(), st.dates())
DATEISH = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=4), max_size=12).map(" ".join)
REASONABLE = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text() | DATEISH, anchor=ANCHORS, lang=LANGS)
def test_find_dates_never_raises_and_offsets_point_at_text(text, anchor, lang):
    found = find_dates(text, anchor, lang)
    previous_end = 0
    for value in found:
        assert previous_end <= value.start < value.end <= len(text)
        assert text[value.start:value.end] == value.text
        assert value.precision in ("day", "week", "month", "year", "unknown")
        assert (value.value is None) == (value.precision == "unknown")
        previous_end = value.end


@settings(max_examples=40, deadline=None)
@given(text=DATEISH, anchor=ANCHORS, lang=st.sampled_from(["fr", "en"]))
def test_resolve_date_never_raises(text, anchor, lang):
    value = resolve_date(text, anchor, lang)
    assert value.precision in ("day", "week", "month", "year", "unknown")


SHIFTING = [
    ("Hier, l'armée a frappé.", "fr"), ("Il y a trois jours, l'armée a frappé.", "fr"),
    ("Avant-hier, l'armée a frappé.", "fr"), ("Yesterday, the army struck.", "en"),
    ("The army struck two days ago.", "en"), ("The army will strike tomorrow.", "en"),
]


@given(anchor=REASONABLE, shift=st.integers(-800, 800), case=st.sampled_from(SHIFTING))
def test_relative_days_shift_with_anchor(anchor, shift, case):
    text, lang = case
    (before,) = find_dates(text, anchor, lang)
    (after,) = find_dates(text, anchor + dt.timedelta(days=shift), lang)
    moved = dt.date.fromisoformat(before.value) + dt.timedelta(days=shift)
    assert after.value == moved.isoformat()
    assert (after.start, after.end) == (before.start, before.end)


WEEKDAYS = [
    # (text, lang, weekday, lowest and highest days after the anchor)
    ("Mercredi, la police a tiré.", "fr", 2, -6, 0),
    ("Ce samedi, la police a tiré.", "fr", 5, -6, 0),
    ("Mercredi dernier, la police a tiré.", "fr", 2, -7, -1),
    ("Lundi prochain, la police tirera.", "fr", 0, 1, 7),
    ("Dans la nuit de mardi à mercredi, la police a tiré.", "fr", 1, -6, 0),
    ("Police fired on Tuesday.", "en", 1, -6, 0),
    ("Police fired last Tuesday.", "en", 1, -7, -1),
    ("Police will fire next Friday.", "en", 4, 1, 7),
    ("Police fired Monday night.", "en", 0, -6, 0),
]


@given(anchor=REASONABLE, case=st.sampled_from(WEEKDAYS))
def test_weekdays_land_on_their_weekday(anchor, case):
    text, lang, weekday, low, high = case
    (found,) = find_dates(text, anchor, lang)
    day = dt.date.fromisoformat(found.value)
    assert day.weekday() == weekday
    assert low <= (day - anchor).days <= high


@given(anchor=REASONABLE, shift=st.integers(-800, 800))
def test_absolute_dates_ignore_the_anchor(anchor, shift):
    text = "Le mercredi 18 septembre 2024 et le 2024-09-18; on Sept. 18, 2024 and in July 2012."
    first = find_dates(text, anchor, "fr") + find_dates(text, anchor, "en")
    later = anchor + dt.timedelta(days=shift)
    assert first == find_dates(text, later, "fr") + find_dates(text, later, "en")


FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]
FR_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


@given(day=st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2999, 12, 31)))
def test_published_round_trips(day):
    iso = day.isoformat()
    assert parse_published(iso, None) == iso
    assert parse_published(f"{iso}T23:30:00-05:00", "en") == iso
    french = f"{FR_DAYS[day.weekday()]} {day.day} {FR_MONTHS[day.month - 1]} {day.year}"
    assert parse_published(french, "fr") == iso
    assert parse_published(day.strftime("%B %d, %Y"), "en") == iso
