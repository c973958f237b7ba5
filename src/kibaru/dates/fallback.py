"""dateparser, the slow fallback (milliseconds a call) for what the regexes do not know.

Always called with ``languages=[lang]`` (without it, French "des" parses as a date) and with the
anchor as ``RELATIVE_BASE``. Without an anchor an expression is parsed against two distant bases:
if the answers differ it was relative, and it gets no value rather than today's date.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

_PROBES = (dt.date(2001, 3, 14), dt.date(2011, 10, 5))
_ORDER = {"fr": "DMY", "en": "MDY"}
_PRECISION = {"time": "day", "day": "day", "week": "week", "month": "month", "year": "year"}


@lru_cache(maxsize=64)
def _parser(lang: str, base: dt.date) -> Any:
    # Imported here: dateparser takes ~0.5 s to import and most runs never need it.
    from dateparser.date import DateDataParser

    return DateDataParser(languages=[lang], settings={
        "RELATIVE_BASE": dt.datetime.combine(base, dt.time(12)),
        "PREFER_DATES_FROM": "past",
        "DATE_ORDER": _ORDER.get(lang, "DMY"),
        "RETURN_AS_TIMEZONE_AWARE": False,
        "STRICT_PARSING": False,
    })


def _parse(expression: str, lang: str, base: dt.date) -> tuple[dt.date | None, str]:
    try:
        data = _parser(lang, base).get_date_data(expression)
    except (ValueError, OverflowError, TypeError):
        # dateparser raises these on out-of-range or odd input; that means "no date" here.
        return None, "unknown"
    if data is None or data.date_obj is None:
        return None, "unknown"
    return data.date_obj.date(), _PRECISION.get(data.period or "day", "day")


@lru_cache(maxsize=4096)
def parse_with_dateparser(expression: str, anchor: dt.date | None,
                          lang: str) -> tuple[str | None, str]:
    """(ISO value, precision) of ``expression``, or (None, "unknown")."""
    day, precision = _parse(expression, lang, anchor or _PROBES[0])
    if day is None:
        return None, "unknown"
    if anchor is None and _parse(expression, lang, _PROBES[1])[0] != day:
        return None, "unknown"
    if precision == "year":
        return f"{day.year:04d}", precision
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}", precision
    if precision == "week":
        return (day - dt.timedelta(days=day.weekday())).isoformat(), precision
    return day.isoformat(), precision
