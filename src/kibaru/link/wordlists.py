"""The linker's word lists: ``data/<name>``, one word or phrase a line, '#' lines are comments,
read once and folded as names are (case, accents and punctuation do not count)."""
from __future__ import annotations

import functools
from pathlib import Path

from kibaru.link.fold import fold

DATA = Path(__file__).parent / "data"


@functools.lru_cache(maxsize=None)
def folded_words(name: str) -> frozenset[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(fold(w) for w in lines if w.strip() and not w.startswith("#"))
