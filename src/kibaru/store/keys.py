"""How stored rows are identified: content hashes, corpus actor keys, folded names, date intervals.

Keys are derived from content, never from ingest order, so that ingesting the same corpus twice (or
in another order) yields the same keys and the anti-joins in ``db.py`` add nothing the second time.
"""
from __future__ import annotations

import calendar
import hashlib
import re
import unicodedata
from datetime import date

_NON_WORD = re.compile(r"[^0-9a-z]+")


def content_hash(text: str) -> str:
    """The document key: a hash of the text only, so that re-extracting a file under another name or id
    still finds the stored copy."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def fold_name(name: str) -> str:
    """Lower case, accents and punctuation dropped: ``Fédération de Russie`` -> ``federation de russie``."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = _NON_WORD.sub(" ", bare).strip()
    # a name in another script ("Москва") keeps its own letters rather than folding to nothing
    return folded or " ".join(re.findall(r"\w+", bare))


def actor_key(name: str, entity_type: str | None, country: str | None, kb_id: str | None) -> str:
    """Corpus-level actor id. A knowledge-base id is the referent itself; without one, the folded name
    plus type and state is the best guess that two documents mean the same actor."""
    if kb_id:
        return kb_id
    return f"name:{fold_name(name)}|{entity_type or '-'}|{country or '-'}"


def event_key(doc_key: str, event_id: str) -> str:
    return f"{doc_key}:{event_id}"


def failure_key(source: str, stage: str, reason: str) -> str:
    """Failures are keyed by what failed and why, so a re-run of a failing corpus adds no rows."""
    return hashlib.sha256(f"{source}\x1f{stage}\x1f{reason}".encode("utf-8")).hexdigest()[:32]


def date_interval(value: str | None) -> tuple[date | None, date | None]:
    """The days an ISO value covers: a day, a whole month (``2024-09``) or a whole year (``2024``).

    The interval comes from the value's own granularity; the record's ``precision`` only widens the
    merge tolerance. A value that does not parse is treated as unknown rather than guessed.
    """
    if not value:
        return None, None
    parts = value.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 1, 1), date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        day = date(year, month, int(parts[2][:2]))
    except ValueError:
        return None, None
    return day, day
