"""Publication dates as articles print them, to ISO (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``).

Only what a header or dateline says: absolute dates, in French or English. Relative expressions
("hier", "last Wednesday") belong to the event-date stage in ``kibaru.dates``, which resolves them
against the publication date found here.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in a string: its ISO value and where it stands."""

    iso: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Patterns:
    months: dict[str, int]
    day_month_year: re.Pattern[str]
    month_day_year: re.Pattern[str]
    month_year: re.Pattern[str]
    numeric: re.Pattern[str]
    iso: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    # Longest first, so that "septembre" wins over "sept".
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> _Patterns:
    lex = json.loads(resources.files("kibaru.ingest").joinpath("metadata_lexicon.json").read_text("utf-8"))
    month = rf"(?P<month>{_alternation(list(lex['months']))})\.?"
    weekday = rf"(?:(?:{_alternation(lex['weekdays'])})\.?,?\s+)?"
    day = r"(?P<day>[0-3]?\d)(?:er|st|nd|rd|th)?"
    year = r"(?P<year>(?:19|20)\d\d)"
    flags = re.IGNORECASE
    return _Patterns(
        months={k.casefold(): v for k, v in lex["months"].items()},
        day_month_year=re.compile(rf"\b{weekday}{day}\s+{month}\s*,?\s+{year}\b", flags),
        month_day_year=re.compile(rf"\b{weekday}{month}\s+{day},?\s+{year}\b", flags),
        month_year=re.compile(rf"\b{month}\s+{year}\b", flags),
        numeric=re.compile(r"\b(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)[/.](?P<year>(?:19|20)\d\d)\b"),
        # ISO timestamps run on into "T10:00", so no word boundary after the day.
        iso=re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)(?:-(?P<day>[0-3]\d))?(?!\d)"),
    )


def _iso(year: str, month: int, day: str | None) -> str | None:
    try:
        if day is None:
            date(int(year), month, 1)
            return f"{int(year):04d}-{month:02d}"
        return date(int(year), month, int(day)).isoformat()
    except ValueError:
        # "31 février" or "13/13/2024": not a date, so nothing is claimed.
        return None


def find_date(text: str) -> DateMatch | None:
    """The first absolute date in ``text`` (earliest start; the most precise reading there)."""
    pats = _patterns()
    found: list[DateMatch] = []
    for pattern in (pats.iso, pats.day_month_year, pats.month_day_year, pats.numeric, pats.month_year):
        for m in pattern.finditer(text):
            raw_month = m.group("month")
            month = int(raw_month) if raw_month.isdigit() else pats.months[raw_month.casefold()]
            day = m.groupdict().get("day")
            iso = _iso(m.group("year"), month, day)
            if iso is not None:
                found.append(DateMatch(iso, m.start(), m.end()))
                break
    if not found:
        return None
    return min(found, key=lambda d: (d.start, -len(d.iso), -d.end))


def parse_date(text: str | None) -> str | None:
    """ISO form of the first absolute date in ``text``; a bare year alone gives ``YYYY``."""
    if not text:
        return None
    match = find_date(text)
    if match is not None:
        return match.iso
    year = re.fullmatch(r"\s*((?:19|20)\d\d)\s*", text)
    return year.group(1) if year else None
