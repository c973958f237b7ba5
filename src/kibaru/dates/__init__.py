"""Date expressions in French and English news, resolved against the publication date.

    find_dates(text, anchor, lang)       every expression in a text, with offsets
    resolve_date(expression, anchor, lang)   one expression
    parse_published(text, lang)          a publication-date string -> ISO date

Regexes find (``patterns.py``), calendar rules resolve (``reckon.py``), word lists are data
(``data/<lang>.json``); dateparser is only a fallback (``fallback.py``).
"""
from __future__ import annotations

from kibaru.dates.find import find_dates, normalize_language, resolve_date
from kibaru.dates.published import parse_published

__all__ = sorted(["find_dates", "normalize_language", "parse_published", "resolve_date"])
