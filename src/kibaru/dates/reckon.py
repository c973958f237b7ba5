"""Calendar arithmetic for resolving expressions against an anchor (the publication date).

Pure functions over ``datetime.date``. Conventions, chosen for news reporting:

- A bare weekday ("mercredi", "on Tuesday") is the latest such day on or before the anchor; the
  anchor's own weekday is the anchor itself. "last"/"dernier" is strictly before, "next"/
  "prochain" strictly after.
- A day and month without a year takes the anchor's year, unless that lands more than
  :data:`FUTURE_SLACK_DAYS` after the anchor, in which case the year before.
- A week is reported by its Monday; a weekend by its Saturday.
"""
from __future__ import annotations

import calendar as _cal
import datetime as dt

FUTURE_SLACK_DAYS = 30

_ONE_DAY = dt.timedelta(days=1)


def is_valid_day(year: int, month: int, day: int) -> bool:
    return dt.MINYEAR <= year <= dt.MAXYEAR and 1 <= month <= 12 and 1 <= day <= (
        _cal.monthrange(year, month)[1]
    )


def shift_days(anchor: dt.date, days: int) -> dt.date:
    return anchor + dt.timedelta(days=days)


def weekday_on_or_before(anchor: dt.date, weekday: int) -> dt.date:
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def weekday_before(anchor: dt.date, weekday: int) -> dt.date:
    """The latest ``weekday`` strictly before the anchor."""
    return weekday_on_or_before(anchor - _ONE_DAY, weekday)


def weekday_after(anchor: dt.date, weekday: int) -> dt.date:
    """The earliest ``weekday`` strictly after the anchor."""
    return anchor + dt.timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def weekend(anchor: dt.date, which: str) -> dt.date:
    """The Saturday of a weekend: ``last`` ended before the anchor, ``recent`` started on or
    before it, ``this`` is in the anchor's week, ``next`` the one after that."""
    if which == "recent":
        return weekday_on_or_before(anchor, 5)
    if which == "last":
        saturday = weekday_on_or_before(anchor, 5)
        # A weekend still under way on the anchor (Saturday or Sunday) is not yet "last".
        return saturday if saturday + _ONE_DAY < anchor else saturday - dt.timedelta(days=7)
    this = week_start(anchor) + dt.timedelta(days=5)
    return this + dt.timedelta(days=7) if which == "next" else this


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def infer_year(month: int, day: int, anchor: dt.date) -> int:
    """The year of "day month" written without one, as seen from the anchor."""
    year = anchor.year
    if not is_valid_day(year, month, day):
        # 29 February: the nearest earlier leap year keeps the date real.
        year -= 1
        while year > dt.MINYEAR and not is_valid_day(year, month, day):
            year -= 1
        return year
    if (dt.date(year, month, day) - anchor).days > FUTURE_SLACK_DAYS:
        return year - 1
    return year


def infer_month_year(month: int, anchor: dt.date, which: str = "in") -> int:
    """The year of a month named without one: ``in`` as :func:`infer_year` (from the 1st),
    ``last`` the latest such month before the anchor's, ``next`` the first after it."""
    if which == "last":
        return anchor.year if month < anchor.month else anchor.year - 1
    if which == "next":
        return anchor.year if month > anchor.month else anchor.year + 1
    return infer_year(month, 1, anchor)


def day_of_month_on_or_before(anchor: dt.date, day: int, back: int = 0) -> dt.date | None:
    """The ``back``-th latest date on or before the anchor whose day of month is ``day``."""
    year, month = anchor.year, anchor.month
    if day > anchor.day:
        year, month = add_months(year, month, -1)
    seen = 0
    for _ in range(48):  # 31 fits in 7 of every 12 months; 48 months is more than enough
        if year < dt.MINYEAR:
            return None
        if is_valid_day(year, month, day):
            if seen == back:
                return dt.date(year, month, day)
            seen += 1
        year, month = add_months(year, month, -1)
    return None


def day_of_month_with_weekday(anchor: dt.date, day: int, weekday: int) -> dt.date | None:
    """"mercredi 18": the 18th that falls on a Wednesday, nearest the anchor and not more than
    :data:`FUTURE_SLACK_DAYS` after it; else the plain latest 18th."""
    latest = day_of_month_on_or_before(anchor, day)
    if latest is not None and latest.weekday() == weekday:
        return latest
    ahead_year, ahead_month = add_months(anchor.year, anchor.month, 1 if day <= anchor.day else 0)
    if ahead_year <= dt.MAXYEAR and is_valid_day(ahead_year, ahead_month, day):
        ahead = dt.date(ahead_year, ahead_month, day)
        if ahead.weekday() == weekday and (ahead - anchor).days <= FUTURE_SLACK_DAYS:
            return ahead
    for back in range(1, 12):
        earlier = day_of_month_on_or_before(anchor, day, back)
        if earlier is not None and earlier.weekday() == weekday:
            return earlier
    return latest


def year_matching_weekday(month: int, day: int, weekday: int, anchor: dt.date) -> int:
    """:func:`infer_year`, overruled by the year before or after when only that one puts
    "mercredi 18 septembre" on a Wednesday."""
    year = infer_year(month, day, anchor)
    if dt.date(year, month, day).weekday() == weekday:
        return year
    for other in (year - 1, year + 1):
        if is_valid_day(other, month, day) and dt.date(other, month, day).weekday() == weekday:
            if (dt.date(other, month, day) - anchor).days <= FUTURE_SLACK_DAYS:
                return other
    return year
