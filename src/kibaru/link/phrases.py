"""Role and state-body phrases: ``roles.tsv`` and ``bodies.tsv``, their expansion and matching.

A pattern such as ``ministre {m} des Affaires étrangères`` has a *core* (the pattern without its
placeholder, folded: ``ministre des affaires etrangeres``) and *expansions* (the placeholder filled
with a country's demonym: ``ministre russe des Affaires étrangères``). Matching does not rely on the
placeholder's position: ``split_country`` takes the demonym out wherever it stands, or a trailing
``de/du/des/of COUNTRY``, or a leading ``COUNTRY's``, and the rest must equal a core.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from kibaru.errors import DataError
from kibaru.link.fold import drop_article, fold_words

_PLACEHOLDER = re.compile(r"\{(m|f|mp|fp|adj|pl|name)\}")
_PREPOSITIONS = frozenset({"de", "du", "des", "d", "of"})
_ARTICLES_AFTER_DE = frozenset({"la", "l", "les", "the"})
_MAX_NGRAM = 4


@dataclass(frozen=True, slots=True)
class PhraseRule:
    lang: str
    pattern: str
    code: str  # role code (roles.tsv) or body kind (bodies.tsv)
    target: str  # "role", "state" or "body"
    sector: str | None = None
    country: str | None = None  # fixed country (roles.tsv 4th column)
    name: str | None = None  # English name template for built bodies
    origin: str = ""

    @property
    def core(self) -> str:
        return " ".join(fold_words(_PLACEHOLDER.sub(" ", self.pattern)))

    @property
    def slot(self) -> str | None:
        found = _PLACEHOLDER.search(self.pattern)
        return found.group(1) if found else None

    def expand(self, forms: Mapping[str, str]) -> str | None:
        """The pattern with its placeholder filled from ``forms`` (m/f/mp/fp/adj/pl), if it has one."""
        slot = self.slot
        if slot is None or not forms.get(slot):
            return None
        return " ".join(_PLACEHOLDER.sub(forms[slot], self.pattern).split())


def read_rules(path: Path, target: str | None) -> tuple[PhraseRule, ...]:
    """Read ``roles.tsv`` (``target=None`` → "role") or ``bodies.tsv`` (target per row)."""
    rules = []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [(n, line) for n, line in enumerate(handle, 1) if line.strip() and line[0] != "#"]
    header = rows[0][1].rstrip("\n").split("\t") if rows else []
    for number, line in rows[1:]:
        origin = f"{path.name}:{number}"
        row = dict(zip(header, next(csv.reader([line.rstrip("\n")], delimiter="\t"))))
        if row.get("lang") not in ("fr", "en") or not row.get("pattern") or not row.get("role", row.get("kind")):
            raise DataError(f"{path}:{number}: need lang (fr/en), pattern and code")
        row_target = target or row.get("target", "")
        if row_target not in ("role", "state", "body"):
            raise DataError(f"{path}:{number}: target {row_target!r} not one of state, body")
        rules.append(PhraseRule(
            lang=row["lang"], pattern=row["pattern"], code=row.get("role") or row["kind"],
            target=row_target, sector=row.get("sector") or None, country=row.get("country") or None,
            name=row.get("name") or None, origin=origin,
        ))
    return tuple(rules)


def split_country(
    words: tuple[str, ...], demonym: Callable[[str], str | None], country: Callable[[str], str | None],
) -> Iterator[tuple[tuple[str, ...], str | None, str]]:
    """Ways to read ``words`` as (core words, country code, how the country was found).

    ``demonym`` and ``country`` map a folded word sequence to an ISO-3 code or None. The reading
    with no country comes last.
    """
    words = drop_article(words)
    n = len(words)
    for size in range(min(_MAX_NGRAM, n - 1), 0, -1):
        for i in range(0, n - size + 1):
            code = demonym(" ".join(words[i:i + size]))
            if code:
                yield words[:i] + words[i + size:], code, "demonym '" + " ".join(words[i:i + size]) + "'"
    for i in range(1, n - 1):
        if words[i] in _PREPOSITIONS:
            rest = words[i + 1:]
            if len(rest) > 1 and rest[0] in _ARTICLES_AFTER_DE:
                rest = rest[1:]
            code = country(" ".join(rest))
            if code:
                yield words[:i], code, "'" + " ".join(words[i:]) + "'"
    for i in range(1, n):
        head = words[:i]
        tail = words[i + 1:] if words[i] == "s" else words[i:]
        code = country(" ".join(head))
        if code and tail:
            yield tail, code, "'" + " ".join(head) + "' in front"
    yield words, None, "no country in the phrase"
