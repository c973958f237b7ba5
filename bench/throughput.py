"""Throughput of `kibaru extract` against raw spaCy `nlp.pipe`, same pipeline, same texts, same run.

    python bench/throughput.py [CORPUS.jsonl] [--limit N] [--repeat R]

The parse is the floor every parse-based coder pays; the ratio says how much kibaru adds on top
(goal: >= 0.85). Models, the knowledge base and the gazetteer are loaded before timing starts.
Default corpus: ../shared/corpora/voa/voa_stories.jsonl (79 public-domain stories).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpora" / "voa" / "voa_stories.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"skip: corpus {args.corpus} not found")
        return 0

    from kibaru.config import Settings
    from kibaru.ingest import prepare_document, read_paths
    from kibaru.model import Failure
    from kibaru.pipeline import Pipeline

    raws = [r for r in read_paths([args.corpus]) if not isinstance(r, Failure)]
    if args.limit:
        raws = raws[: args.limit]
    pipeline = Pipeline(Settings.from_env())
    langs = {prepare_document(r).language or "en" for r in raws[:5]}
    lang = sorted(langs)[0]
    nlp = pipeline.models.get(lang)
    _ = pipeline.linker  # KB and gazetteer loaded before timing
    list(pipeline.run(raws[:2]))  # warm-up: lexicons, caches
    words = sum(len(r.text.split()) for r in raws)
    texts = [r.text for r in raws]

    def time_spacy() -> float:
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        return time.perf_counter() - t0

    def time_kibaru() -> tuple[float, int, int]:
        t0 = time.perf_counter()
        n_events = n_failed = 0
        for item in pipeline.run(raws):
            if isinstance(item, Failure):
                n_failed += 1
            else:
                n_events += len(item.events)
        return time.perf_counter() - t0, n_events, n_failed

    spacy_s = min(time_spacy() for _ in range(args.repeat))
    runs = [time_kibaru() for _ in range(args.repeat)]
    kibaru_s, n_events, n_failed = min(runs)
    n = len(raws)
    print(f"corpus: {args.corpus.name}, {n} documents, {words} words, language {lang}")
    print(f"spaCy nlp.pipe ({nlp.meta['name']}): {n / spacy_s:8.1f} docs/s {words / spacy_s:10.0f} words/s")
    print(f"kibaru extract:           {n / kibaru_s:8.1f} docs/s {words / kibaru_s:10.0f} words/s"
          f"  ({n_events} events, {n_failed} failures)")
    print(f"ratio kibaru/spaCy: {spacy_s / kibaru_s:.2f} (goal >= 0.85)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
