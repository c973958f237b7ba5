"""Date word lists per language, loaded once from ``dates/data/<lang>.json``.

The lists are data so that adding a month spelling or a relative phrase is a one-line change.
Lookups go through :func:`word_key`, which folds case, apostrophes, spaces and hyphens, so that
``week-end``, ``weekend`` and ``Week End`` (or ``aujourd’hui`` and ``aujourd'hui``) are one key.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Mapping

from kibaru.errors import DataError

SUPPORTED_LANGUAGES = ("en", "fr")

_FOLD = re.compile(r"[\s\-\u2010\u2011]+")


def word_key(text: str) -> str:
    """The lookup key of a phrase: lower case, straight apostrophes, no spaces or hyphens."""
    return _FOLD.sub("", text.lower().replace("\u2019", "'"))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One language's date vocabulary. Mappings are keyed by :func:`word_key`."""

    language: str
    capitalized_names: bool  # English months and weekdays are proper nouns: "may" is not May
    months: Mapping[str, int]
    month_abbreviations: Mapping[str, int]
    weekdays: Mapping[str, int]
    numbers: Mapping[str, int]
    units: Mapping[str, str]
    day_words: Mapping[str, int]
    day_parts: tuple[str, ...]
    periods: Mapping[str, tuple[str, str]]
    anaphora: Mapping[str, int]
    weekday_before: Mapping[str, str]
    weekday_after: Mapping[str, str]
    ago_before: tuple[str, ...]
    ahead_before: tuple[str, ...]
    ago_after: tuple[str, ...]
    ordinal_suffixes: tuple[str, ...]
    day_prefixes: tuple[str, ...]
    month_prefixes: Mapping[str, str]
    year_prefixes: tuple[str, ...]
    night: Mapping[str, object]
    bare_day_prefixes: tuple[str, ...]
    month_before_day: bool  # 09/18/2024 and "September 18" (English) or 18/09/2024
    not_after_number: frozenset[str]
    anaphora_not_before: frozenset[str]  # "la veille du scrutin" counts from the vote
    # The phrases as written in the data file, per mapping field, for building the regexes.
    phrases: Mapping[str, tuple[str, ...]]

    def month(self, word: str) -> int | None:
        key = word_key(word.rstrip("."))
        return self.months.get(key) or self.month_abbreviations.get(key)


def _keyed(raw: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType({word_key(k): v for k, v in raw.items()})


@lru_cache(maxsize=None)
def load_lexicon(lang: str) -> Lexicon:
    """The lexicon for ``lang`` ("fr" or "en"); read from the package once per process."""
    if lang not in SUPPORTED_LANGUAGES:
        raise DataError(f"dates: no date lexicon for language {lang!r}")
    name = f"{lang}.json"
    try:
        raw = json.loads(resources.files("kibaru.dates").joinpath("data", name).read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DataError(f"dates/data/{name}: {exc}") from exc
    try:
        return Lexicon(
            language=raw["language"],
            capitalized_names=bool(raw["capitalized_names"]),
            months=_keyed(raw["months"]),
            month_abbreviations=_keyed(raw["month_abbreviations"]),
            weekdays=_keyed(raw["weekdays"]),
            numbers=_keyed(raw["numbers"]),
            units=_keyed(raw["units"]),
            day_words=_keyed(raw["day_words"]),
            day_parts=tuple(raw["day_parts"]),
            periods=_keyed({k: tuple(v) for k, v in raw["periods"].items()}),
            anaphora=_keyed(raw["anaphora"]),
            weekday_before=_keyed(raw["weekday_before"]),
            weekday_after=_keyed(raw["weekday_after"]),
            ago_before=tuple(raw["ago_before"]),
            ahead_before=tuple(raw["ahead_before"]),
            ago_after=tuple(raw["ago_after"]),
            ordinal_suffixes=tuple(raw["ordinal_suffixes"]),
            day_prefixes=tuple(raw["day_prefixes"]),
            month_prefixes=_keyed(raw["month_prefixes"]),
            year_prefixes=tuple(raw["year_prefixes"]),
            night=MappingProxyType(dict(raw["night"])),
            bare_day_prefixes=tuple(raw["bare_day_prefixes"]),
            month_before_day=bool(raw["month_before_day"]),
            not_after_number=frozenset(word_key(w) for w in raw["not_after_number"]),
            anaphora_not_before=frozenset(word_key(w) for w in raw["anaphora_not_before"]),
            phrases=MappingProxyType(
                {k: tuple(v) for k, v in raw.items() if isinstance(v, (dict, list))}
            ),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise DataError(f"dates/data/{name}: missing or malformed entry {exc}") from exc
