"""Choose the place a location mention denotes: ``geocode(name, gazetteer, context) -> Place``.

The order of preference, each step only breaking the ties of the one before:

1. a narrowing hint (``narrowing_hint``) keeps the candidates inside or near the hint's place;
2. a country name beats a town of that name (``Mali`` the state, not Mali in Guinea);
3. candidates in the document's countries, in the order of ``GeoContext.countries``;
4. among those, curated places (the news' Faladiè beats a hamlet of that name);
5. the most populous.

A region and a town that share a name in the same country give the town (``à Kidal`` is the
town), unless the mention says ``région de Kidal``. Refused outright: names under three letters,
stop words, compass words (``Est``) without a context country that has such a region, and common
words written in lower case (``paix``).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kibaru.errors import DataError
from kibaru.geo.candidate import Candidate
from kibaru.geo.fold import fold
from kibaru.geo.index import Gazetteer
from kibaru.model import Place

WORDS_FILE = Path(__file__).parent / "data" / "words.tsv"
_NEAR_KM = {"city": 150.0, "site": 150.0, "region": 800.0, "admin1": 400.0}
# An article before a name ("la Kapisa", "l'Anbar"); not the start of one ("Lamu", "Thebes").
_ARTICLE = re.compile(r"^(?i:(?:le|la|les|the)\s+|l['’]\s*)(?=\w)")
_REGION_BEFORE = re.compile(
    r"^(?i:la\s+|le\s+)?(?i:région|province|préfecture|wilaya|gouvernorat|oblast|département"
    r"|region|province|governorate|state)\s+(?i:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]|of\s+)(.+)$")
_REGION_AFTER = re.compile(r"^(.+?)\s+(?i:region|province|governorate|oblast|state|county|région)$")


@dataclass(frozen=True, slots=True)
class GeoContext:
    """What the document says about where things happen.

    ``countries``: ISO-3 codes of the document's and the events' states, weightiest first.
    ``hint``: the place named right after the mention (see ``narrowing_hint``), if any.
    """

    countries: tuple[str, ...] = ()
    hint: str | None = None


@cache
def word_classes(path: Path = WORDS_FILE) -> dict[str, str]:
    """Folded word -> ``stop`` | ``ambiguous`` | ``common`` (read once: the file is shipped data)."""
    classes = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise DataError(f"{path}: cannot read ({error})") from error
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        word, _, kind = line.partition("\t")
        if kind.strip() not in ("stop", "ambiguous", "common"):
            raise DataError(f"{path}:{number}: class {kind!r} is not stop, ambiguous or common")
        classes[fold(word)] = kind.strip()
    return classes


def refusal(name: str, raw_text: str | None = None) -> str | None:
    """Why ``name`` cannot be geocoded on its own, or ``None`` when it may be a place."""
    key = fold(name)
    if len(key.replace(" ", "")) < 3 and not (len(name) == 2 and name.isupper()):
        return "too short"
    kind = word_classes().get(key)
    if kind == "stop":
        return "stop word"
    seen = raw_text if raw_text is not None else name
    if kind == "common" and " " not in key and not any(ch.isupper() for ch in seen):
        return "common word in lower case"
    return None


def _distance_km(a: Candidate, b: Candidate) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def is_within(place: Candidate, area: Candidate) -> bool:
    """Whether ``place`` lies in (country, admin1) or near (town, site, region) ``area``."""
    if area.kind == "country":
        return place.country == area.country
    if area.kind == "admin1":
        if place.country != area.country:
            return False
        if place.admin1 is not None and area.admin1 is not None:
            return fold(place.admin1) == fold(area.admin1)
    distance = _distance_km(place, area)
    if distance is None:
        return area.kind == "admin1" or (area.country is not None and place.country == area.country)
    return distance <= _NEAR_KM[area.kind]


# A namesake in a less weighty state (or outside the document's states) still wins when it is this
# many times larger, and at least ``_MAJOR`` people, than every candidate in the weightier states,
# unless one of those is curated: "Paris" in a text about the United States is Paris, France, not
# Paris, Texas; "Quebec" is the Canadian province, not a town in New England.
_OUTWEIGH = 50
_MAJOR = 100_000


def _rank(candidates: tuple[Candidate, ...], countries: tuple[str, ...]) -> list[Candidate]:
    far = len(countries)
    weight = {code: i for i, code in enumerate(countries)}

    def tier_of(c: Candidate) -> int:
        return weight.get(c.country, far) if c.country else far

    tiers = [tier_of(d) for d in candidates]

    def outweighs(c: Candidate) -> bool:
        if c.population < _MAJOR or c.kind == "country":
            return False
        tier = tier_of(c)
        better = [d for d, t in zip(candidates, tiers) if t < tier]
        if not better:
            return False
        if any(d.source not in ("geonames", "iso3166-2") for d in better):
            return False
        return c.population >= _OUTWEIGH * max(1, max(d.population for d in better))

    def key(c: Candidate) -> tuple[int, int, int, int]:
        tier = -1 if outweighs(c) else tier_of(c)
        curated = c.source not in ("geonames", "iso3166-2") and (tier < far or c.country is None)
        return (0 if c.kind == "country" else 1, tier, 0 if curated else 1, -c.population)

    return sorted(candidates, key=key)


def _pick(ranked: list[Candidate], want_admin1: bool) -> Candidate:
    best = ranked[0]
    if want_admin1:
        return next((c for c in ranked if c.kind == "admin1"), best)
    if best.kind == "admin1":
        return next((c for c in ranked if c.country == best.country and c.kind in ("city", "site")),
                    best)
    return best


def _lookup(name: str, gazetteer: Gazetteer) -> tuple[tuple[Candidate, ...], bool]:
    """Candidates for a mention and whether it names a region (``région de Kidal``)."""
    found = gazetteer.candidates(name)
    bare = _ARTICLE.sub("", name.strip())
    if not found and bare != name:
        found = gazetteer.candidates(bare)
    for pattern in (_REGION_BEFORE, _REGION_AFTER):
        match = pattern.match(bare)
        if match:
            inner = gazetteer.candidates(match.group(1))
            if not any(c.kind == "admin1" for c in inner):
                # "Timbuktu region": the region is the town's admin1, named "Tombouctou".
                inner += tuple(r for c in inner if c.admin1 for r in gazetteer.candidates(c.admin1)
                               if r.kind == "admin1" and r.country == c.country)
            return (found + inner if found else inner), True
    return found, False


def _place(c: Candidate, text: str) -> Place:
    return Place(name=c.name, country=c.country, admin1=c.admin1, lat=c.lat, lon=c.lon,
                 geonames_id=c.geonames_id, precision=c.precision, text=text)


def geocode(name: str, gazetteer: Gazetteer, context: GeoContext = GeoContext(),
            raw_text: str | None = None) -> Place | None:
    """The place a location mention denotes, or ``None`` (refused or unknown).

    ``raw_text`` is the mention as written in the document, when ``name`` was normalised: a
    common word there in lower case is refused. A name that is unknown but followed by a hint
    (``Xyz, dans le nord du Mali``), or whose namesakes all lie outside the hint, gives the hint's
    place, at its coarser precision.
    """
    if refusal(name, raw_text) is not None:
        return None
    found, want_admin1 = _lookup(name, gazetteer)
    if len(name) == 2:
        found = tuple(c for c in found if c.kind == "country")
    if word_classes().get(fold(name)) == "ambiguous":
        # "Est" is Burkina Faso's Est region only in a text about Burkina Faso.
        found = tuple(c for c in found if c.country in context.countries)
    hint, hint_is_region = (), False
    if context.hint and refusal(context.hint) is None:
        areas, hint_is_region = _lookup(context.hint, gazetteer)
        hint = tuple(_rank(areas, context.countries))
        # Outside the hint's area a namesake contradicts the text: fall back on the area itself.
        found = tuple(c for c in found if any(is_within(c, area) for area in hint))
    if found:
        return _place(_pick(_rank(found, context.countries), want_admin1), name)
    if hint:
        return _place(_pick(list(hint), hint_is_region), name)
    return None
