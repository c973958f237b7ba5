"""Reading KB files: the shipped ones under ``data/`` and the user's (``Settings.user_kb``).

User files have the shipped format (JSON Lines; a ``.tsv`` user file is read as extra role or body
phrases when its header says so). A user entry whose ``id`` is already known replaces the shipped
entry whole; a new id adds one. Country codes are checked against the states in the KB itself
(``countries.jsonl`` and any user ``country`` entry) plus PLOVER's non-state codes.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kibaru.errors import DataError
from kibaru.link.entry import NON_STATE_CODES, Entry, parse_entry
from kibaru.link.phrases import PhraseRule, read_rules

DATA_DIR = Path(__file__).parent / "data"
SHIPPED_ENTRIES = (
    "countries.jsonl", "igos.jsonl", "groups.jsonl", "media.jsonl", "organizations.jsonl",
    "people.jsonl",
)
SHIPPED_TABLES = ("roles.tsv", "bodies.tsv")


@dataclass(frozen=True, slots=True)
class Sources:
    """Everything read from disk, before indexing."""

    entries: tuple[Entry, ...]
    roles: tuple[PhraseRule, ...]
    bodies: tuple[PhraseRule, ...]
    overridden: tuple[str, ...]  # ids a user file replaced


def source_paths(user_kb: Iterable[Path]) -> tuple[Path, ...]:
    shipped = [DATA_DIR / name for name in SHIPPED_ENTRIES + SHIPPED_TABLES]
    return tuple(shipped) + tuple(Path(p) for p in user_kb)


def fingerprint(paths: Iterable[Path]) -> str:
    """A hash of the files' names and contents: the cache key."""
    digest = hashlib.sha256()
    for path in paths:
        if not path.is_file():
            raise DataError(f"{path}: KB file not found")
        digest.update(str(path).encode())
        try:
            digest.update(path.read_bytes())
        except OSError as error:
            raise DataError(f"{path}: cannot read KB file ({error.strerror})") from error
    return digest.hexdigest()[:24]


def read_sources(user_kb: Iterable[Path]) -> Sources:
    user = tuple(Path(p) for p in user_kb)
    for path in user:
        if not path.is_file():
            raise DataError(f"{path}: KB file not found")
    entry_files = [DATA_DIR / n for n in SHIPPED_ENTRIES] + [p for p in user if p.suffix != ".tsv"]
    decoded = [(path, _decode(path)) for path in entry_files]
    codes = NON_STATE_CODES | {
        obj.get("country") for _, rows in decoded for obj, _ in rows
        if isinstance(obj, dict) and obj.get("type") == "country" and isinstance(obj.get("country"), str)
    }
    shipped_count = len(SHIPPED_ENTRIES)
    merged: dict[str, Entry] = {}
    overridden: list[str] = []
    for index, (path, rows) in enumerate(decoded):
        seen: set[str] = set()
        for obj, number in rows:
            entry = parse_entry(obj, f"{path.name}:{number}", frozenset(codes))
            if entry.id in seen:
                raise DataError(f"{path}:{number}: duplicate id {entry.id}")
            seen.add(entry.id)
            if entry.id in merged:
                if index < shipped_count:
                    raise DataError(f"{path}:{number}: id {entry.id} already in {merged[entry.id].origin}")
                overridden.append(entry.id)
            merged[entry.id] = entry
    roles = read_rules(DATA_DIR / "roles.tsv", "role")
    bodies = read_rules(DATA_DIR / "bodies.tsv", None)
    for path in (p for p in user if p.suffix == ".tsv"):
        header = path.read_text(encoding="utf-8").lstrip().split("\n", 1)[0]
        if "\trole" in header:
            roles += read_rules(path, "role")
        else:
            bodies += read_rules(path, None)
    return Sources(tuple(merged.values()), roles, bodies, tuple(overridden))


def _decode(path: Path) -> list[tuple[object, int]]:
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(f"{path}: cannot read KB file ({error})") from error
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            rows.append((json.loads(line), number))
        except json.JSONDecodeError as error:
            raise DataError(f"{path}:{number}: invalid JSON ({error.msg})") from error
    return rows
