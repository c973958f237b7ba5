"""KB records and their parsing from JSON Lines.

One line of a KB file is one ``Entry``::

    {"id": "person:sergei-lavrov", "name": "Sergueï Lavrov", "type": "person", "country": "RUS",
     "sector": "GOV", "aliases": {"fr": ["Lavrov"], "en": ["Sergei Lavrov"]},
     "roles": [{"role": "foreign_minister", "country": "RUS", "start": "2004-03-09", "end": null}]}

Countries add ``capitals``/``seats`` ({lang: [forms]}) and ``demonyms``
({"fr": {"m", "f", "mp", "fp"}, "en": {"adj", "pl"}}); media add ``state_affiliated``; state bodies
add ``kind`` (``army``, ``mfa``, ...), which the phrase templates resolve to. Anything malformed is a
``DataError`` naming the file and line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kibaru.errors import DataError
from kibaru.model import ENTITY_TYPES

LANGS = ("fr", "en")
NON_STATE_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
SECTORS = frozenset({
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
    "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
    "NGO", "IGO", "HRI", "MNC", "IMG",
})
DEMONYM_FORMS = {"fr": ("m", "f", "mp", "fp"), "en": ("adj", "pl")}
_ID = re.compile(r"^(country|person|group|igo|ngo|media|org|place):[A-Za-z0-9][\w.-]*$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_KNOWN_KEYS = frozenset({
    "id", "name", "type", "country", "sector", "aliases", "wikidata", "roles", "capitals",
    "seats", "demonyms", "state_affiliated", "kind", "note", "official_name",
})


@dataclass(frozen=True, slots=True)
class Alias:
    form: str
    lang: str  # "fr", "en"
    kind: str  # name, alias, capital, seat, surname


@dataclass(frozen=True, slots=True)
class Role:
    role: str
    country: str
    start: str | None = None
    end: str | None = None
    note: str | None = None

    def active(self, date: str | None) -> bool:
        """Held at ``date`` (ISO, any precision); with no date, held now (no end)."""
        if date is None:
            return self.end is None
        if self.start is not None and date < self.start[: len(date)]:
            return False
        return self.end is None or date <= self.end


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    name: str
    type: str
    country: str | None = None
    sector: str | None = None
    aliases: tuple[Alias, ...] = ()
    wikidata: str | None = None
    roles: tuple[Role, ...] = ()
    demonyms: tuple[tuple[str, str, str], ...] = ()  # (lang, form kind, word)
    state_affiliated: bool | None = None
    kind: str | None = None
    note: str | None = None
    origin: str = ""  # "file:line", for "why" answers


def parse_entry(obj: Any, origin: str, codes: frozenset[str]) -> Entry:
    """Build an ``Entry`` from one decoded JSON line; ``codes`` are the valid country codes."""
    if not isinstance(obj, dict):
        raise DataError(f"{origin}: expected a JSON object")
    unknown = set(obj) - _KNOWN_KEYS
    if unknown:
        raise DataError(f"{origin}: unknown field(s) {sorted(unknown)}")
    for key in ("id", "name", "type"):
        if not isinstance(obj.get(key), str) or not obj[key].strip():
            raise DataError(f"{origin}: '{key}' must be a non-empty string")
    if not _ID.match(obj["id"]):
        raise DataError(f"{origin}: bad id {obj['id']!r} (want prefix:slug)")
    if obj["type"] not in ENTITY_TYPES:
        raise DataError(f"{origin}: type {obj['type']!r} not one of {ENTITY_TYPES}")
    country = obj.get("country")
    if country is not None and country not in codes:
        raise DataError(f"{origin}: country {country!r} is not an ISO-3 or PLOVER code")
    sector = obj.get("sector")
    if sector is not None and sector not in SECTORS:
        raise DataError(f"{origin}: sector {sector!r} is not a PLOVER sector code")
    aliases = [Alias(obj["name"], lang, "name") for lang in LANGS]
    aliases += _forms(obj, "aliases", "alias", origin)
    aliases += _forms(obj, "capitals", "capital", origin)
    aliases += _forms(obj, "seats", "seat", origin)
    wikidata = obj.get("wikidata")
    if wikidata is not None and not re.match(r"^Q\d+$", str(wikidata)):
        raise DataError(f"{origin}: wikidata {wikidata!r} is not a Q-id")
    affiliated = obj.get("state_affiliated")
    if affiliated is not None and not isinstance(affiliated, bool):
        raise DataError(f"{origin}: state_affiliated must be true or false")
    return Entry(
        id=obj["id"], name=obj["name"], type=obj["type"], country=country, sector=sector,
        aliases=tuple(dict.fromkeys(aliases)), wikidata=wikidata,
        roles=tuple(_role(r, origin, codes) for r in obj.get("roles") or ()),
        demonyms=_demonyms(obj.get("demonyms"), origin), state_affiliated=affiliated,
        kind=obj.get("kind"), note=obj.get("note"), origin=origin,
    )


def _forms(obj: dict[str, Any], key: str, kind: str, origin: str) -> list[Alias]:
    value = obj.get(key) or {}
    if not isinstance(value, dict) or set(value) - set(LANGS):
        raise DataError(f"{origin}: '{key}' must map 'fr'/'en' to lists of strings")
    out = []
    for lang, forms in value.items():
        if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
            raise DataError(f"{origin}: '{key}.{lang}' must be a list of non-empty strings")
        out += [Alias(f, lang, kind) for f in forms]
    return out


def _role(obj: Any, origin: str, codes: frozenset[str]) -> Role:
    if not isinstance(obj, dict) or not isinstance(obj.get("role"), str):
        raise DataError(f"{origin}: each role needs a 'role' string")
    if obj.get("country") not in codes:
        raise DataError(f"{origin}: role {obj['role']} has bad country {obj.get('country')!r}")
    start, end = obj.get("start"), obj.get("end")
    for value in (start, end):
        if value is not None and not (isinstance(value, str) and _DATE.match(value)):
            raise DataError(f"{origin}: role {obj['role']} has a bad date {value!r}")
    if start and end and end < start:
        raise DataError(f"{origin}: role {obj['role']} ends ({end}) before it starts ({start})")
    return Role(obj["role"], obj["country"], start, end, obj.get("note"))


def _demonyms(value: Any, origin: str) -> tuple[tuple[str, str, str], ...]:
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise DataError(f"{origin}: 'demonyms' must be an object")
    out = []
    for lang, forms in value.items():
        allowed = DEMONYM_FORMS.get(lang)
        if allowed is None or not isinstance(forms, dict) or set(forms) - set(allowed):
            raise DataError(f"{origin}: demonyms.{lang} must use keys {allowed}")
        # a form is one word, or a list of words, the current demonym first ("Cambodian",
        # then the older "Kampuchean")
        for k, w in forms.items():
            out += [(lang, k, word) for word in ([w] if isinstance(w, str) else w) if word]
    return tuple(out)
