"""Find date expressions in text and resolve them against the publication date.

Finding is regex-only (``patterns.py``); resolving is calendar arithmetic (``reckon.py``);
dateparser is reached only from :func:`resolve_date` when no pattern matches (``fallback.py``).

Overlapping candidates are settled longest first, then by pattern priority, so that
"le mercredi 18 septembre 2024" is one expression, not a weekday, a day and a year.
"la veille" / "the day before" count from the latest day-precise date earlier in the text, and
from the anchor only when there is none.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable

from kibaru.dates import reckon
from kibaru.dates.fallback import parse_with_dateparser
from kibaru.dates.lexicon import SUPPORTED_LANGUAGES, Lexicon, load_lexicon, word_key
from kibaru.dates.patterns import patterns_for, trigger_for
from kibaru.model import DateValue

Resolution = tuple[str | None, str]  # (ISO value, precision)
_UNKNOWN: Resolution = (None, "unknown")
_NEXT_TOKEN = re.compile(r"\s*([%°]|[0-9]|\w+)")
_NEXT_WORD = re.compile(r"\s+(\w+['’]?)")
_ENDS_IN_NUMBER = re.compile(r"[0-9](?:st|nd|rd|th|er|ᵉʳ)?\.?$", re.IGNORECASE)
_DIGIT_SEP_DIGIT = re.compile(r"[0-9][-/.][0-9]")
_NUMERIC_KINDS = frozenset({"ymd", "numeric"})
_WEEK_STEP = {"last": -1, "this": 0, "recent": 0, "next": 1}


def normalize_language(lang: str | None) -> str | None:
    """"fr", "FR", "fr-FR" -> "fr"; a language without a date lexicon -> None."""
    if not lang:
        return None
    code = lang.strip().lower().replace("_", "-").split("-")[0]
    return code if code in SUPPORTED_LANGUAGES else None


def find_dates(text: str, anchor: dt.date | None, lang: str) -> tuple[DateValue, ...]:
    """Every date expression in ``text``, in order, with offsets into ``text``.

    Relative expressions are resolved against ``anchor``; without one they come back with
    ``value=None`` and precision ``unknown``. Languages other than French and English give ().
    """
    code = normalize_language(lang)
    if code is None or not text or not trigger_for(code).search(text):
        return ()
    lex = load_lexicon(code)
    found: list[tuple[int, int, int, str, re.Match[str]]] = []
    # "ymd" and "numeric" need a digit, a separator and a digit: most texts have none.
    numeric = _DIGIT_SEP_DIGIT.search(text) is not None
    for pattern in patterns_for(code):
        if pattern.kind in _NUMERIC_KINDS and not numeric:
            continue
        for match in pattern.regex.finditer(text):
            if _plausible(pattern.kind, match, text, lex):
                found.append((match.start(), match.end(), pattern.priority, pattern.kind, match))
    results: list[DateValue] = []
    previous_day: dt.date | None = None
    for _start, _end, _priority, kind, match in _select(found):
        value = _resolve(kind, match, anchor, lex, previous_day)
        results.append(value)
        if value.precision == "day" and value.value is not None:
            previous_day = dt.date.fromisoformat(value.value)
    return tuple(results)


def resolve_date(expression: str, anchor: dt.date | None, lang: str) -> DateValue:
    """One expression -> its date. Offsets are into ``expression``.

    The rules of :func:`find_dates` first, when they read the whole expression; dateparser
    otherwise, and the rules' longest partial reading when dateparser finds nothing.
    Nothing found: ``DateValue`` with precision ``unknown``.
    """
    found = find_dates(expression, anchor, lang)
    best = max(found, key=lambda v: (v.end - v.start, -v.start)) if found else None
    text = expression.strip(" \t\n\r.,;:")
    if best is not None and best.text == text:
        return best
    # The rules saw part of it at most ("premier mai 2024", "14 juillet 89"): dateparser reads
    # the whole expression, and the partial reading stands only if dateparser finds nothing.
    code = normalize_language(lang)
    if code is not None and text:
        value, precision = parse_with_dateparser(text, anchor, code)
        if value is not None:
            start = expression.index(text)
            return DateValue(value, precision, text, start, start + len(text))
    return best if best is not None else DateValue(text=expression or None)


def _select(found: list[tuple[int, int, int, str, re.Match[str]]]):
    """Non-overlapping candidates: longest first, then by pattern priority; in text order."""
    chosen: list[tuple[int, int, int, str, re.Match[str]]] = []
    for cand in sorted(found, key=lambda c: (c[0] - c[1], c[2], c[0])):
        if all(cand[1] <= c[0] or cand[0] >= c[1] for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c[0])


def _plausible(kind: str, match: re.Match[str], text: str, lex: Lexicon) -> bool:
    """Reject what only looks like a date: "may", "31/02/2024", "le 18 morts", "le 2 000"."""
    groups = match.groupdict()
    if lex.capitalized_names:
        for name in ("month", "wd"):
            word = groups.get(name)
            if word is not None and word[0].isalpha() and not word[0].isupper():
                return False
    if kind in ("ymd", "numeric", "dmy"):
        year, month, day = _ymd(kind, groups, lex)
        # Without a stated year, 29 February must exist in some year: check a leap year.
        if not reckon.is_valid_day(year or 2000, month, day):
            return False
    if kind in ("wd_day", "day_of_month") and not 1 <= int(groups["day"]) <= 31:
        return False
    if kind == "anaphora":
        # "la veille du scrutin", "the day after the vote": the day counts from an event,
        # which this stage cannot see, not from a date.
        token = _NEXT_WORD.match(text, match.end())
        return token is None or word_key(token.group(1)) not in lex.anaphora_not_before
    if kind in ("wd_day", "day_of_month") or _ENDS_IN_NUMBER.search(match.group(0)):
        token = _NEXT_TOKEN.match(text, match.end())
        if token is not None:
            word = token.group(1)
            if word_key(word) in lex.not_after_number:
                return False
            if word.isdigit() and kind in ("wd_day", "day_of_month"):
                return False
    return True


def _ymd(kind: str, groups: dict[str, str | None], lex: Lexicon) -> tuple[int | None, int, int]:
    """(year or None, month, day) of an absolute match."""
    year = int(groups["year"]) if groups.get("year") else None
    if kind == "numeric":
        first, second = int(groups["a"]), int(groups["b"])
        month, day = (first, second) if lex.month_before_day else (second, first)
        if month > 12 >= day:
            month, day = day, month
        if year is not None and year < 100:
            if groups["sep"] != "/":
                return None, 0, 0  # "12.5.24" is a version number more often than a date
            year += 2000 if year < 70 else 1900
        return year, month, day
    month = int(groups["month"]) if kind == "ymd" else (lex.month(groups["month"]) or 0)
    return year, month, int(groups["day"])


def _resolve(kind: str, match: re.Match[str], anchor: dt.date | None, lex: Lexicon,
             previous_day: dt.date | None) -> DateValue:
    try:
        value, precision = _RESOLVERS[kind](match.groupdict(), anchor, lex, previous_day)
    except (OverflowError, ValueError):
        # Arithmetic off either end of the calendar (an anchor near year 1 or 9999).
        value, precision = _UNKNOWN
    return DateValue(value, precision, match.group(0), match.start(), match.end())


def _day(day: dt.date | None) -> Resolution:
    return (day.isoformat(), "day") if day is not None else _UNKNOWN


def _month(year: int, month: int) -> Resolution:
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return _UNKNOWN
    return f"{year:04d}-{month:02d}", "month"


def _year(year: int) -> Resolution:
    return (f"{year:04d}", "year") if dt.MINYEAR <= year <= dt.MAXYEAR else _UNKNOWN


def _absolute(kind: str):
    def resolve(g, anchor, lex, _previous) -> Resolution:
        year, month, day = _ymd(kind, g, lex)
        if year is None:
            if anchor is None:
                return _UNKNOWN
            weekday = lex.weekdays.get(word_key(g["wd"])) if g.get("wd") else None
            year = (reckon.infer_year(month, day, anchor) if weekday is None
                    else reckon.year_matching_weekday(month, day, weekday, anchor))
        return _day(dt.date(year, month, day))
    return resolve


def _month_year(g, _anchor, lex, _previous) -> Resolution:
    return _month(int(g["year"]), lex.month(g["month"]) or 0)


def _month_only(g, anchor, lex, _previous) -> Resolution:
    if anchor is None:
        return _UNKNOWN
    month = lex.month(g["month"]) or 0
    which = lex.month_prefixes.get(word_key(g["mpre"]), "in")
    if g.get("mpost"):  # "en septembre dernier", "en mai prochain"
        which = lex.weekday_after.get(word_key(g["mpost"]), which)
    return _month(reckon.infer_month_year(month, anchor, which), month)


def _year_only(g, _anchor, _lex, _previous) -> Resolution:
    return _year(int(g["year"]))


def _weekday(g, anchor, lex, _previous) -> Resolution:
    if anchor is None:
        return _UNKNOWN
    weekday = lex.weekdays[word_key(g["wd"])]
    which = "bare"
    if g.get("wpre"):
        which = lex.weekday_before.get(word_key(g["wpre"]), "bare")
    for post in ("wpost", "wpost2"):
        if g.get(post):
            which = lex.weekday_after.get(word_key(g[post]), which)
    if which == "last":
        return _day(reckon.weekday_before(anchor, weekday))
    if which == "next":
        return _day(reckon.weekday_after(anchor, weekday))
    return _day(reckon.weekday_on_or_before(anchor, weekday))


def _weekday_day(g, anchor, lex, _previous) -> Resolution:
    if anchor is None:
        return _UNKNOWN
    weekday = lex.weekdays[word_key(g["wd"])]
    return _day(reckon.day_of_month_with_weekday(anchor, int(g["day"]), weekday))


def _day_of_month(g, anchor, _lex, _previous) -> Resolution:
    if anchor is None:
        return _UNKNOWN
    return _day(reckon.day_of_month_on_or_before(anchor, int(g["day"])))


def _day_word(g, anchor, lex, _previous) -> Resolution:
    if anchor is None:
        return _UNKNOWN
    return _day(reckon.shift_days(anchor, lex.day_words[word_key(g["word"])]))


def _anaphora(g, anchor, lex, previous) -> Resolution:
    base = previous or anchor
    if base is None:
        return _UNKNOWN
    return _day(reckon.shift_days(base, lex.anaphora[word_key(g["word"])]))


def _period(g, anchor, lex, _previous) -> Resolution:
    if anchor is None:
        return _UNKNOWN
    unit, which = lex.periods[word_key(g["word"])]
    return _offset(anchor, unit, _WEEK_STEP[which], which)


def _counted(sign: int):
    def resolve(g, anchor, lex, _previous) -> Resolution:
        if anchor is None:
            return _UNKNOWN
        raw = g["num"]
        count = int(raw) if raw.isdigit() else lex.numbers[word_key(raw)]
        return _offset(anchor, lex.units[word_key(g["unit"])], sign * count, None)
    return resolve


def _offset(anchor: dt.date, unit: str, steps: int, which: str | None) -> Resolution:
    """``steps`` units away from the anchor, at that unit's precision."""
    if unit == "day":
        return _day(reckon.shift_days(anchor, steps))
    if unit == "weekend":
        return reckon.weekend(anchor, which or "this").isoformat(), "week"
    if unit == "week":
        if which is None:  # "il y a deux semaines": the week that held anchor - 14 days
            return reckon.week_start(reckon.shift_days(anchor, 7 * steps)).isoformat(), "week"
        return reckon.shift_days(reckon.week_start(anchor), 7 * steps).isoformat(), "week"
    if unit == "month":
        return _month(*reckon.add_months(anchor.year, anchor.month, steps))
    return _year(anchor.year + steps)


_RESOLVERS: dict[str, Callable[..., Resolution]] = {
    "ymd": _absolute("ymd"),
    "numeric": _absolute("numeric"),
    "dmy": _absolute("dmy"),
    "month_year": _month_year,
    "month": _month_only,
    "year": _year_only,
    "weekday": _weekday,
    "wd_day": _weekday_day,
    "day_of_month": _day_of_month,
    "day_word": _day_word,
    "anaphora": _anaphora,
    "period": _period,
    "ago": _counted(-1),
    "ahead": _counted(1),
}
