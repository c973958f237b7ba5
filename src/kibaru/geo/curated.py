"""Curated places (``data/places.tsv``): what the news names and GeoNames lacks or names otherwise.

Columns, tab-separated, ``#`` starts a comment line::

    name  aliases(|-separated)  country(ISO-3)  admin1  lat  lon  kind  precision  geonames_id  source

A row with a ``geonames_id`` found among the GeoNames features adds its names to that feature and
overrides the fields it fills (a French spelling, a better admin1). A ``country`` row without a
``geonames_id`` adds names to the country of that ISO-3 code. Any other row is a new place.
"""
from __future__ import annotations

import csv
import dataclasses
from collections.abc import Iterable
from pathlib import Path

from kibaru.errors import DataError
from kibaru.geo.candidate import DEFAULT_PRECISION, KINDS, PRECISIONS, Candidate, Feature

COLUMNS = ("name", "aliases", "country", "admin1", "lat", "lon", "kind", "precision",
           "geonames_id", "source")


def _number(text: str, low: float, high: float, where: str) -> float | None:
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise DataError(f"{where}: {text!r} is not a number") from None
    if not low <= value <= high:
        raise DataError(f"{where}: {value} is outside [{low}, {high}]")
    return value


def _row_feature(row: list[str], where: str) -> Feature:
    if len(row) != len(COLUMNS):
        raise DataError(f"{where}: expected {len(COLUMNS)} tab-separated columns, got {len(row)}")
    cell = dict(zip(COLUMNS, (c.strip() for c in row)))
    kind = cell["kind"]
    if kind not in KINDS:
        raise DataError(f"{where}: kind {kind!r} is not one of {KINDS}")
    precision = cell["precision"] or DEFAULT_PRECISION[kind]
    if precision not in PRECISIONS:
        raise DataError(f"{where}: precision {precision!r} is not one of {PRECISIONS}")
    country = cell["country"] or None
    if country is not None and not (len(country) == 3 and country.isalpha() and country.isupper()):
        raise DataError(f"{where}: country {country!r} is not an ISO-3 code")
    if not cell["name"]:
        raise DataError(f"{where}: empty name")
    gid = cell["geonames_id"]
    if gid and not gid.isdigit():
        raise DataError(f"{where}: geonames_id {gid!r} is not a number")
    candidate = Candidate(
        name=cell["name"], country=country, admin1=cell["admin1"] or None,
        lat=_number(cell["lat"], -90, 90, where), lon=_number(cell["lon"], -180, 180, where),
        geonames_id=int(gid) if gid else None, population=0, kind=kind, precision=precision,
        source=cell["source"] or "curated",
    )
    aliases = tuple(a.strip() for a in cell["aliases"].split("|") if a.strip())
    return Feature(candidate, (cell["name"], *aliases))


def read_curated(path: Path) -> list[Feature]:
    try:
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    except OSError as error:
        raise DataError(f"{path}: cannot read curated places ({error})") from error
    return [
        _row_feature(row, f"{path}:{number}")
        for number, row in enumerate(rows, start=1)
        if row and row[0].strip() and not row[0].startswith("#")
    ]


def merge_curated(features: Iterable[Feature], curated: Iterable[Feature]) -> list[Feature]:
    """GeoNames features with the curated rows folded in (see the module docstring)."""
    merged = list(features)
    by_gid = {f.candidate.geonames_id: i for i, f in enumerate(merged)
              if f.candidate.geonames_id is not None}
    by_country = {f.candidate.country: i for i, f in enumerate(merged)
                  if f.candidate.kind == "country"}
    for feature in curated:
        c = feature.candidate
        if c.geonames_id in by_gid:
            target = by_gid[c.geonames_id]
        elif c.kind == "country" and c.geonames_id is None and c.country in by_country:
            target = by_country[c.country]
        else:
            merged.append(feature)
            continue
        old = merged[target]
        # The GeoNames name stays canonical; curated cells that are filled override the rest.
        overrides = {k: getattr(c, k) for k in ("admin1", "lat", "lon")
                     if getattr(c, k) is not None}
        merged[target] = Feature(
            dataclasses.replace(old.candidate, **overrides),
            tuple(dict.fromkeys((*old.names, *feature.names))),
        )
    return merged
