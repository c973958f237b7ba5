"""Publication dates as sites print them -> ISO ``YYYY-MM-DD`` (or ``YYYY-MM`` / ``YYYY``).

A timestamp keeps the calendar date it was written with ("2024-09-24T23:30:00-05:00" is the
24th): the outlet's local day is the day its readers' "hier" counts from.
"""
from __future__ import annotations

import re

from kibaru.dates import reckon
from kibaru.dates.fallback import parse_with_dateparser
from kibaru.dates.find import find_dates, normalize_language
from kibaru.dates.lexicon import SUPPORTED_LANGUAGES
from kibaru.dates.pubdate import parse_date

_ISO = re.compile(r"\s*([12][0-9]{3})-?([01][0-9])(?:-?([0-3][0-9]))?(?![0-9])")
_ISO_SHAPED = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
_RANK = {"day": 0, "month": 1, "year": 2}


def parse_published(text: str | None, lang: str | None) -> str | None:
    """The ISO date of a publication-date string, or None when it holds no absolute date.

    ``lang`` picks the word lists; None (or a language without them) tries French, then English.
    Relative strings ("hier", "2 hours ago") give None: there is nothing to count from.
    """
    if not text or not text.strip():
        return None
    iso = _ISO.match(text)
    if iso is not None:
        year, month, day = (int(g) if g else None for g in iso.groups())
        if day is not None and reckon.is_valid_day(year, month, day):
            return f"{year:04d}-{month:02d}-{day:02d}"
        if day is None and 1 <= month <= 12:
            return f"{year:04d}-{month:02d}"
    if _ISO_SHAPED.fullmatch(text.strip()):
        return None  # "2024-13-01" is a bad date, not a date to guess at
    plain = parse_date(text)  # the header and metadata forms ingest reads ("2024", "24/09/2024", ...)
    if plain is not None:
        return plain
    code = normalize_language(lang)
    languages = (code,) if code else SUPPORTED_LANGUAGES[::-1]  # ("fr", "en")
    best: tuple[int, str] | None = None
    for language in languages:
        for value in find_dates(text, None, language):
            if value.value is not None and value.precision in _RANK:
                candidate = (_RANK[value.precision], value.value)
                best = candidate if best is None or candidate[0] < best[0] else best
        if best is not None:
            return best[1]
    for language in languages:
        value, precision = parse_with_dateparser(text.strip(), None, language)
        if value is not None and precision in _RANK:
            return value
    return None
