"""Compiled regexes that find date expressions, built once per language from the lexicon.

Every pattern is a :class:`Pattern`: a ``kind`` (which resolver reads it, see ``find.py``), a
priority (lower wins when two candidates of equal length overlap) and a compiled regex whose named
groups the resolver reads. Finding is regex-only and cheap; resolving is plain date arithmetic.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from kibaru.dates.lexicon import Lexicon, load_lexicon

_FLAGS = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class Pattern:
    kind: str
    priority: int
    regex: re.Pattern[str]


def phrase_re(phrase: str) -> str:
    """A regex for a lexicon phrase: any apostrophe, any run of spaces, optional hyphens."""
    out = []
    for i, ch in enumerate(phrase):
        if ch in "'\u2019":
            out.append("['\u2019]")
        elif ch == " ":
            out.append(r"\s+")
        elif ch == "-":
            # "week-end", "weekend" and "week end" are one word; a trailing "mi-" keeps its hyphen.
            out.append("[-\u2010\u2011]" if i == len(phrase) - 1 else "[-\u2010\u2011\\s]?")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def alt(phrases: Iterable[str]) -> str:
    """Alternation, longest first, so that "avant-hier" is tried before "hier"."""
    unique = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(phrase_re(p) for p in unique) + ")"


def prefix_alt(phrases: Iterable[str]) -> str:
    """Prefixes with their separator: "en " but "mi-" glued to the next word."""
    parts = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(
        phrase_re(p) + (r"\s*" if p.endswith("-") else r"\s+") for p in parts
    ) + ")"


_B = r"(?<![\w])"  # start of a word
_E = r"(?![\w])"  # end of a word
_YEAR = r"(?P<year>[12][0-9]{3})(?![0-9\w])"  # "the 1990s" is no year


def _month_re(lex: Lexicon) -> str:
    full = alt(lex.phrases["months"])
    # An abbreviation needs its full stop or a number after it: French "sept" is also seven.
    abbr = alt(lex.phrases["month_abbreviations"])
    return rf"(?P<month>{full}{_E}|{abbr}\.|{abbr}(?=\s*[0-9]))"


def build_patterns(lex: Lexicon) -> tuple[Pattern, ...]:
    month = _month_re(lex)
    wd = alt(lex.phrases["weekdays"])
    ordinal = alt(lex.phrases["ordinal_suffixes"])
    day = rf"(?P<day>[0-3]?[0-9])(?:{ordinal})?(?![0-9\w])"
    day_pre = rf"(?:(?P<pre>{alt(lex.phrases['day_prefixes'])})\s+)?"
    with_wd = rf"(?:(?P<wd>{wd}),?\s+)?"
    parts = alt(lex.phrases["day_parts"])
    numbers = rf"(?P<num>[0-9]{{1,3}}|{alt(lex.phrases['numbers'])})"
    units = rf"(?P<unit>{alt(lex.phrases['units'])}){_E}"
    # "le 18/09/2024" keeps its article, like "le 18 septembre".
    numeric_pre = rf"(?:{_B}{alt(lex.phrases['day_prefixes'])}\s+)?"
    specs: list[tuple[str, str]] = [
        ("ymd", numeric_pre + r"(?<![0-9])(?P<year>[12][0-9]{3})(?P<sep>[-/.])"
                              r"(?P<month>[01]?[0-9])(?P=sep)(?P<day>[0-3]?[0-9])(?![0-9])"),
        ("numeric", numeric_pre + r"(?<![0-9./-])(?P<a>[0-3]?[0-9])(?P<sep>[/.-])"
                                  r"(?P<b>[0-3]?[0-9])(?P=sep)(?P<year>[12][0-9]{3}|[0-9]{2})"
                                  r"(?![0-9]|[./-][0-9])"),
    ]
    if lex.month_before_day:
        specs.append(("dmy", rf"{_B}{day_pre}{with_wd}(?:the\s+)?{day}\s+(?:of\s+)?{month}"
                             rf"(?:,?\s+{_YEAR})?"))
        specs.append(("dmy", rf"{_B}{day_pre}{with_wd}{month}\s+{day}(?:,?\s+{_YEAR})?"))
    else:
        specs.append(("dmy", rf"{_B}{day_pre}{with_wd}{day}\s+{month}(?:\s+{_YEAR})?"))
    night = lex.night
    if night:
        lead = rf"(?:{alt(night['lead'])}\s+)?"
        specs.append(("dmy", rf"{_B}{lead}{phrase_re(night['of_day'])}\s+{day}\s+"
                             rf"{alt(night['to_day'])}\s+[0-3]?[0-9](?:{ordinal})?\s+{month}"
                             rf"(?:\s+{_YEAR})?"))
        specs.append(("weekday", rf"{_B}{lead}{phrase_re(night['of_weekday'])}\s+(?P<wd>{wd})"
                                 rf"(?:\s+{alt(night['to_weekday'])}\s+{wd})?{_E}"))
    month_pre = rf"(?P<mpre>{prefix_alt(lex.phrases['month_prefixes'])})"
    wd_pre = rf"(?:(?P<wpre>{alt(lex.phrases['weekday_before'])})\s+)?"
    after = alt(lex.phrases["weekday_after"])

    def post(group: str) -> str:  # "mercredi dernier", "en mai prochain"
        return rf"(?:\s+(?P<{group}>{after}){_E})?" if lex.weekday_after else ""

    specs += [
        ("month_year", rf"{_B}{month_pre}?{month},?\s+{_YEAR}"),
        ("wd_day", rf"{_B}{day_pre}(?P<wd>{wd})\s+{day}"),
        ("period", rf"{_B}(?P<word>{alt(lex.phrases['periods'])}){_E}"),
        ("day_word", rf"{_B}(?P<word>{alt(lex.phrases['day_words'])})(?:\s+{parts})?{_E}"),
        ("anaphora", rf"{_B}(?P<word>{alt(lex.phrases['anaphora'])}){_E}"),
        ("weekday", rf"{_B}{wd_pre}(?P<wd>{wd}){_E}{post('wpost')}(?:,?\s+{parts}{_E})?"
                    rf"{post('wpost2')}"),
        ("month", rf"{_B}{month_pre}{month}{post('mpost')}"),
        ("year", rf"{_B}(?P<ypre>{prefix_alt(lex.year_prefixes)}){_YEAR}"),
        ("day_of_month", rf"{_B}(?:{alt(lex.bare_day_prefixes)})\s+{day}"),
    ]
    if lex.ago_before:
        specs.append(("ago", rf"{_B}{alt(lex.ago_before)}\s+{numbers}\s+{units}"))
    if lex.ahead_before:
        specs.append(("ahead", rf"{_B}{alt(lex.ahead_before)}\s+{numbers}\s+{units}"))
    if lex.ago_after:
        specs.append(("ago", rf"{_B}{numbers}\s+{units}\s+{alt(lex.ago_after)}{_E}"))
    return tuple(Pattern(kind, i, re.compile(rx, _FLAGS)) for i, (kind, rx) in enumerate(specs))


@lru_cache(maxsize=None)
def patterns_for(lang: str) -> tuple[Pattern, ...]:
    return build_patterns(load_lexicon(lang))


@lru_cache(maxsize=None)
def trigger_for(lang: str) -> re.Pattern[str]:
    """A cheap first pass: text with no digit and none of the date words has no date."""
    lex = load_lexicon(lang)
    # Every pattern needs a digit or one of these words: each phrase's longest word is enough.
    fields = ("months", "month_abbreviations", "weekdays", "day_words", "periods", "anaphora",
              "units")
    words = [max(re.findall(r"\w+", phrase), key=len)
             for field in fields for phrase in lex.phrases[field]]
    return re.compile(rf"[0-9]|{_B}{alt(words)}", _FLAGS)
