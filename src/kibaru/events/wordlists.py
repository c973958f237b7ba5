"""The word lists the event rules read: ``lexicons/<kind>_nouns.txt``, one lemma a line, English
and French, '#' lines are comments. A new word is a new line; each file's header says what its
words do and which rule reads it."""
from __future__ import annotations

import functools
from pathlib import Path

LEXICONS = Path(__file__).parent / "lexicons"


@functools.lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    lines = (LEXICONS / name).read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def nouns(kind: str) -> frozenset[str]:
    """``nouns("patient")``: the lemmas of ``lexicons/patient_nouns.txt``."""
    return words(f"{kind}_nouns.txt")
