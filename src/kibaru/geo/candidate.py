"""The records of the gazetteer: a ``Candidate`` (what a look-up returns) and a ``Feature`` (a
candidate with every name it answers to, as the sources yield it before indexing)."""
from __future__ import annotations

from dataclasses import dataclass

# Feature kinds. ``site`` is a point smaller than a town (neighbourhood, camp, airport, border post);
# ``region`` is a named area that is no administrative unit (Sahel, Donbass, Liptako-Gourma).
KINDS = ("country", "admin1", "city", "site", "region")
PRECISIONS = ("exact", "city", "admin1", "country")
DEFAULT_PRECISION = {
    "country": "country", "admin1": "admin1", "city": "city", "site": "exact", "region": "admin1",
}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may refer to. ``country`` is ISO 3166-1 alpha-3 (``None`` for regions
    that span states); ``lat``/``lon`` are ``None`` when no source gives a point."""

    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    population: int
    kind: str
    precision: str
    source: str = "geonames"


@dataclass(frozen=True, slots=True)
class Feature:
    candidate: Candidate
    names: tuple[str, ...]
