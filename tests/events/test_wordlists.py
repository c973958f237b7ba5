"""The event rules' word lists: every word can match (the rules compare lower-cased lemmas), and
none is listed twice."""
from __future__ import annotations

import pytest

from kibaru.events.wordlists import LEXICONS, nouns

KINDS = sorted(p.name.removesuffix("_nouns.txt") for p in LEXICONS.glob("*_nouns.txt"))


@pytest.mark.parametrize("kind", KINDS)
def test_a_word_list_holds_lower_case_lemmas_once(kind):
    words = nouns(kind)
    assert words, kind
    assert all(w == w.lower() and w == w.strip() for w in words), kind
    lines = [w.strip() for w in (LEXICONS / f"{kind}_nouns.txt").read_text(encoding="utf-8").splitlines()
             if w.strip() and not w.startswith("#")]
    assert len(lines) == len(set(lines)), sorted({w for w in lines if lines.count(w) > 1})
