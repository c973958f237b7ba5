"""Unnamed collective actors ("les manifestants", "gunmen"), read from ``data/collectives.tsv``."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from kibaru.errors import DataError

_PATH = Path(__file__).parent / "data" / "collectives.tsv"
_TYPES = frozenset({"organization", "armed_group"})
_COUNTRY_RULES = frozenset({"document", "none"})


@dataclass(frozen=True, slots=True)
class Collective:
    lemma: str
    type: str
    sector: str
    country: str  # "document" or "none"
    name: str


def collective(lang: str, lemma: str) -> Collective | None:
    return _table().get((lang, lemma))


@functools.lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], Collective]:
    out: dict[tuple[str, str], Collective] = {}
    for n, line in enumerate(_PATH.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 6 or parts[2] not in _TYPES or parts[4] not in _COUNTRY_RULES:
            raise DataError(f"{_PATH.name}:{n}: want lang, lemma, type, sector, country rule, name: {line!r}")
        lang, lemma, etype, sector, country, name = parts
        out[(lang, lemma)] = Collective(lemma, etype, sector, country, name)
    return out
