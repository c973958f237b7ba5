"""Name folding: the one normal form under which place names are compared.

``fold("Tombouctou")`` == ``fold("TOMBOUCTOU")`` == ``fold("Tômbouctou")`` == ``"tombouctou"``.
Steps: NFKD, drop combining marks, casefold, punctuation and apostrophes to a space, collapse spaces.
Hyphens become spaces too, so ``Centre-Nord`` and ``Centre Nord`` meet.
"""
from __future__ import annotations

import re
import unicodedata

# Letters that NFKD does not decompose but that French/English texts and GeoNames romanisations
# write with a plain-Latin twin.
_EXTRA = str.maketrans({
    "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ħ": "h", "ı": "i",
    "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss", "þ": "th", "ð": "d",
    "ʿ": "", "ʾ": "", "ʼ": "", "ʻ": "",
})
_NON_WORD = re.compile(r"[\W_]+")


def fold(name: str) -> str:
    """The comparison key of a name: accent-, case- and punctuation-insensitive."""
    if name.isascii():
        # Fast path: most look-ups and most GeoNames names are ASCII already.
        return " ".join(_NON_WORD.sub(" ", name.casefold()).split())
    decomposed = unicodedata.normalize("NFKD", name.translate(_EXTRA))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", bare.casefold()).split())


def is_latin(folded: str) -> bool:
    """True when a folded name is plain Latin script (what a French or English text can contain)."""
    return folded.isascii()
