"""Alias folding: the one normal form every KB name and every looked-up phrase goes through.

``fold("L'Élysée")`` is ``"elysee"``; ``fold("U.S.")`` is ``"us"``; ``fold("Sergueï  Lavrov")``
is ``"serguei lavrov"``. Dots are deleted (so acronyms written with or without them meet), other
punctuation becomes a space, accents go (NFKD, combining marks dropped), case is folded, and one
leading article (le, la, les, l', the) is dropped.
"""
from __future__ import annotations

import functools
import re
import unicodedata

_ARTICLES = frozenset({"le", "la", "les", "l", "the"})
_PUNCT = re.compile(r"[^\w\s]|_", re.UNICODE)
_SPACES = re.compile(r"\s+")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=131072)
def fold_words(text: str) -> tuple[str, ...]:
    """The folded words of ``text``, articles kept."""
    plain = strip_accents(text).casefold().replace(".", "")
    return tuple(_SPACES.split(_PUNCT.sub(" ", plain).strip())) if plain.strip() else ()


def drop_article(words: tuple[str, ...]) -> tuple[str, ...]:
    if len(words) > 1 and words[0] in _ARTICLES:
        return words[1:]
    return words


@functools.lru_cache(maxsize=131072)
def fold(text: str) -> str:
    """The index key of a name: accents, case, punctuation and one leading article gone."""
    return " ".join(drop_article(fold_words(text)))


def is_acronym(form: str) -> bool:
    """A short all-capitals alias (UN, US, AU, RSF): match it only against text with capitals,
    since its folded form is often a common word ("un", "us", "au")."""
    letters = [c for c in form if c.isalpha()]
    return 0 < len(letters) <= 4 and all(c.isupper() for c in letters)
