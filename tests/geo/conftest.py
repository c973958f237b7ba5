from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kibaru.config import Settings
from kibaru.geo import Candidate, Feature, Gazetteer, GazetteerSources, GeoNamesFiles


def city(name, country, population, lat, lon, admin1=None, names=(), gid=None, source="geonames"):
    return Feature(Candidate(name, country, admin1, lat, lon, gid, population, "city", "city",
                             source), (name, *names))


@pytest.fixture
def fake() -> Gazetteer:
    """A handful of places, enough for the ranking rules."""
    return Gazetteer.from_features([
        Feature(Candidate("Mali", "MLI", None, 17.0, -4.0, 1, 19_000_000, "country", "country"),
                ("Mali",)),
        Feature(Candidate("Burkina Faso", "BFA", None, 12.0, -1.5, 2, 20_000_000, "country",
                          "country"), ("Burkina Faso", "Burkina")),
        Feature(Candidate("Kidal", "MLI", "Kidal", 19.1, 1.5, None, 48_000, "admin1", "admin1",
                          "iso3166-2"), ("Kidal",)),
        Feature(Candidate("Est", "BFA", "Est", None, None, None, 0, "admin1", "admin1",
                          "iso3166-2"), ("Est",)),
        city("Kidal", "MLI", 40_000, 18.44, 1.41, "Kidal", gid=10),
        city("Kidal", "IDN", 0, -8.02, 112.7, gid=11),
        city("Moura", "PRT", 9_360, 38.14, -7.45, gid=12),
        city("Moura", "MLI", 0, 14.07, -4.53, "Mopti", source="curated"),
        city("Timbuktu", "MLI", 84_000, 16.77, -3.0, "Tombouctou", ("Tombouctou",), gid=13),
        city("Mali", "GIN", 6_000, 12.08, -12.3, gid=14),
        city("Ber", "GRC", 70_000, 40.5, 22.2, gid=15),
        Feature(Candidate("Faladiè", "MLI", "Bamako", 12.58, -7.97, None, 0, "site", "exact",
                          "curated"), ("Faladiè", "Faladié")),
        city("Faladié", "MLI", 3_685, 13.14, -8.34, gid=16),
    ])


def _real_cache_dir(request) -> Path:
    # The real index takes ~15 s to build; keep it between runs (KIBARU_CACHE or pytest's cache).
    env = os.environ.get("KIBARU_CACHE")
    return Path(env) if env else Path(request.config.cache.mkdir("kibaru-geo"))


@pytest.fixture(scope="session")
def real(request) -> Gazetteer:
    return Gazetteer.load(Settings(cache_dir=_real_cache_dir(request)))


@pytest.fixture
def tiny_sources(tmp_path) -> GazetteerSources:
    """GeoNames-shaped files of two towns and one country, plus a curated file."""
    cities = {"1": {"geonameid": 1, "name": "Timbuktu", "latitude": 16.77, "longitude": -3.0,
                    "countrycode": "ML", "population": 84000, "admin1code": "08",
                    "alternatenames": ["Tombouctou", "TOM", "tmbktw"]},
              "2": {"geonameid": 2, "name": "Kidal", "latitude": 18.44, "longitude": 1.41,
                    "countrycode": "ML", "population": 40000, "admin1code": "10",
                    "alternatenames": []}}
    countries = {"ML": {"geonameid": 3, "name": "Mali", "iso": "ML", "iso3": "MLI",
                        "population": 19000000}}
    (tmp_path / "cities.json").write_text(json.dumps(cities), encoding="utf-8")
    (tmp_path / "countries.json").write_text(json.dumps(countries), encoding="utf-8")
    (tmp_path / "places.tsv").write_text(
        "Moura\t\tMLI\tMopti\t14.07\t-4.53\tcity\tcity\t\ttest\n", encoding="utf-8")
    return GazetteerSources(GeoNamesFiles(tmp_path / "cities.json", tmp_path / "countries.json"),
                            (tmp_path / "places.tsv",))
