"""Gazetteer benchmark: build time, load time, size on disk, look-ups per second.

    .venv/bin/python bench/gazetteer.py [--cache DIR]

The baseline, in the same run, is a linear scan over a 10,000-feature sample (what a naive
gazetteer without an index does), so the figures can be compared across machines.
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from kibaru.config import Settings
from kibaru.geo import Gazetteer, GeoContext, fold, geocode

HITS = ("Tombouctou", "Timbuktu", "Alep", "Bamako", "Kidal", "Ménaka", "Gao", "Mopti", "Djibo",
        "Ouagadougou", "Niamey", "Kyiv", "Kharkiv", "Gaza", "Rafah", "Paris", "Moscou", "Mali",
        "Syrie", "Ukraine", "Faladiè", "Barsalogho", "Tinzaouatène", "Texas", "Moura")
MISSES = ("Xyzville", "Nulle Part", "Ansar Dine", "Assimi Goïta", "FAMa", "Wagner", "Minusma",
          "Blablaville", "Quelque Chose", "Jnim")


def _rate(fn, names, rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for name in names:
            fn(name)
    return rounds * len(names) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="cache dir (default: a fresh temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as fresh:
        settings = Settings(cache_dir=args.cache or Path(fresh))
        start = time.perf_counter()
        origin = Gazetteer.load(settings).origin
        first = time.perf_counter() - start
        start = time.perf_counter()
        gazetteer = Gazetteer.load(settings)
        load = time.perf_counter() - start
        size = gazetteer.path.stat().st_size if gazetteer.path else 0
        names = list(HITS + MISSES) * 40
        random.Random(7).shuffle(names)

        # Baseline: a linear scan of folded names over a 10k sample of the index.
        sample = [(c, tuple(fold(n) for n in (c.name,)))
                  for key in list(gazetteer._keys)[:10_000]
                  for c in gazetteer.candidates_folded(key)][:10_000]

        def scan(name: str) -> list:
            key = fold(name)
            return [c for c, keys in sample if key in keys]

        context = GeoContext(("MLI", "BFA"))
        print(f"features             {len(gazetteer):>12,}")
        print(f"names (folded keys)  {len(gazetteer._keys):>12,}")
        print(f"first load ({origin:5})   {first:>12.2f} s")
        print(f"load from cache      {load:>12.3f} s")
        print(f"index size on disk   {size / 2**20:>12.1f} MiB")
        print(f"candidates()         {_rate(gazetteer.candidates, names, 50):>12,.0f} /s")
        print(f"geocode()            {_rate(lambda n: geocode(n, gazetteer, context), names, 20):>12,.0f} /s")
        print(f"baseline: dict on raw names (no folding) "
              f"{_rate({c.name: c for c, _ in sample}.get, names, 50):>10,.0f} /s")
        print(f"baseline: linear scan, 10k sample        {_rate(scan, names[:100], 1):>10,.0f} /s")


if __name__ == "__main__":
    main()
