"""Benchmark: how fast ``kibaru.dates.find_dates`` goes over real news sentences.

    .venv/bin/python bench/dates.py [PATH.jsonl] [--show N]

Reads the ``text`` and ``published`` fields of each JSON line (default: the VOA sample in
../shared/corpora), splits sentences naively, and prints sentences and expressions per second
on one core. Prints a skip message when the corpus is absent.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from kibaru.dates import find_dates, parse_published

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "voa" / "voa_stories.jsonl"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--show", type=int, default=0, help="print the first N expressions")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    if not args.path.exists():
        print(f"skip: no corpus at {args.path}")
        return 0
    work = []
    for line in args.path.read_text("utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            anchor_iso = parse_published(record.get("published") or "", None)
            anchor = _date(anchor_iso)
            work += [(s, anchor) for s in _SENTENCE.split(record.get("text") or "")]
    find_dates("warm up the caches: hier, yesterday", None, args.lang)
    best = float("inf")
    for _ in range(args.rounds):
        started = time.perf_counter()
        found = [find_dates(sentence, anchor, args.lang) for sentence, anchor in work]
        best = min(best, time.perf_counter() - started)
    expressions = sum(len(f) for f in found)
    print(f"{len(work)} sentences, {expressions} date expressions, best of {args.rounds}: "
          f"{best:.3f} s")
    print(f"{len(work) / best:,.0f} sentences/s, {expressions / best:,.0f} expressions/s")
    shown = [(v, s) for (s, _), f in zip(work, found) for v in f][: args.show]
    for value, _sentence in shown:
        print(f"  {value.text!r:40} -> {value.value} ({value.precision})")
    return 0


def _date(iso: str | None):
    import datetime as dt

    return dt.date.fromisoformat(iso) if iso and len(iso) == 10 else None


if __name__ == "__main__":
    sys.exit(main())
