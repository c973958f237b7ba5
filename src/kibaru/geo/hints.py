"""Narrowing hints: the words right after a place name that say where it lies.

``Ber (région de Tombouctou)``, ``Boni, dans le centre du Mali``, ``Moura, in central Mali``,
``Diafarabé, près de Ténenkou``, ``Djibo, au Burkina Faso`` -> ``région de Tombouctou``, ``Mali``, ``Mali``,
``Ténenkou``, ``Burkina Faso``; a region keeps its level word: ``région de Tombouctou``. The geocoder resolves the hint and keeps the candidates inside it
(same country, same admin1) or near it (a town named after ``près de``).

A bare comma is no hint: ``Kidal, Gao et Tombouctou`` is a list, not Kidal in Gao.
"""
from __future__ import annotations

import re

_UP = "A-ZÀ-ÖØ-Þ"
# A capitalised name, possibly of several words joined by small words: "Boucle du Mouhoun".
_NAME = (rf"(?P<y>[{_UP}][\w'’\-]*(?:\s+(?:(?:de|du|des|la|le|al|el)\s+)?(?:d['’])?[{_UP}][\w'’\-]*)*)")
_OF_FR = r"(?i:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)"
_LEVEL_FR = (r"(?i:région|province|préfecture|cercle|commune|wilaya|gouvernorat|département"
             r"|district|oblast|état|localité)")
_LEVEL_EN = r"(?i:region|province|prefecture|state|governorate|district|oblast|county)"
_SIDE_FR = r"(?i:(?:extrême[-\s])?(?:nord|sud|centre|est|ouest)(?:[-\s](?:est|ouest))?)"
_SIDE_EN = (r"(?i:(?:far\s+)?(?:north|south)(?:[-\s]?(?:east|west))?(?:ern)?|(?:far\s+)?eastern"
            r"|(?:far\s+)?western|east|west|central|centre|center)")
_NEAR_FR = (r"(?i:près|non\s+loin|aux\s+environs|à\s+proximité|dans\s+les\s+environs"
            r"|à\s+(?:une\s+)?(?:\d+|quelques|une\s+dizaine\s+de|une\s+centaine\s+de)\s*(?:km|kilomètres)"
            r"(?:\s+au\s+(?:nord|sud|est|ouest)(?:-(?:est|ouest))?)?)\s+" + _OF_FR)
_NEAR_EN = (r"(?i:near|outside|close\s+to|(?:about\s+|some\s+)?\d+\s*(?:km|kilometres|kilometers|miles)"
            r"(?:\s+\w+)?\s+(?:of|from))\s+")
_TOWN = r"(?i:(?:la\s+ville\s+|la\s+localité\s+|the\s+town\s+|the\s+city\s+|the\s+village\s+)(?:de\s+|d['’]|of\s+))?"

# Each pattern with the form its hint takes: a region keeps its level word, so that the geocoder
# reads "région de Tombouctou" as the region and not the town.
_REGION, _PLACE = "région de {}", "{}"
_PATTERNS = tuple((re.compile(p), form) for p, form in (
    # (région de Tombouctou), (province du Soum), (Gao region)
    (rf"\s*\(\s*(?i:dans\s+)?(?i:la\s+|le\s+|l['’])?{_LEVEL_FR}\s+{_OF_FR}{_NAME}", _REGION),
    (rf"\s*\(\s*(?i:the\s+)?{_NAME}\s+{_LEVEL_EN}\s*\)", _REGION),
    # (Burkina Faso), (Mali)
    (rf"\s*\(\s*{_NAME}\s*\)", _PLACE),
    # , dans le nord du Mali / , au centre du pays... / , dans l'extrême nord du Burkina
    (rf"\s*,?\s*(?i:dans|en|au|à)\s+(?i:le\s+|la\s+|l['’]\s*)?{_SIDE_FR}\s+{_OF_FR}{_NAME}", _PLACE),
    # , dans la région de Ségou / , dans la province du Soum
    (rf"\s*,?\s*(?i:dans|en)\s+(?i:la\s+|le\s+|l['’])?{_LEVEL_FR}\s+{_OF_FR}{_NAME}", _REGION),
    # , in northern Mali / , in the north of Mali / , in the Gao region
    (rf"\s*,?\s*(?i:in|of)\s+(?i:the\s+)?{_SIDE_EN}\s+(?i:part\s+of\s+|of\s+)?(?i:the\s+)?{_NAME}", _PLACE),
    (rf"\s*,?\s*(?i:in)\s+(?i:the\s+)?{_NAME}\s+{_LEVEL_EN}\b", _REGION),
    # près de Ténenkou / à 30 km au nord de Gao / near Mopti / 50 km north of Timbuktu
    (rf"\s*,?\s*{_NEAR_FR}{_TOWN}{_NAME}", _PLACE),
    (rf"\s*,?\s*{_NEAR_EN}{_TOWN}{_NAME}", _PLACE),
    # , au Burkina Faso / , en Ukraine / , in Mali
    (rf"\s*,\s*(?i:au|aux|en|in)\s+(?i:the\s+)?{_NAME}", _PLACE),
))
_WINDOW = 160  # characters after the name; hints sit right there


def narrowing_hint(sentence_text: str, name_start: int, name_end: int) -> str | None:
    """The place that the words right after ``sentence_text[name_start:name_end]`` put it in."""
    if not 0 <= name_start <= name_end <= len(sentence_text):
        return None
    tail = sentence_text[name_end:name_end + _WINDOW]
    for pattern, form in _PATTERNS:
        match = pattern.match(tail)
        if match:
            hint = match.group("y").strip(" -'’")
            return form.format(hint) if hint else None
    return None
