"""A small synthetic corpus, written for these tests: one attack on an army post in Ménaka reported
five ways by four outlets plus a reprint, and two other happenings between the same parties."""
from __future__ import annotations

from typing import Any

import pytest

from kibaru.store import Store

JNIM = {"id": "e1", "name": "JNIM", "type": "armed_group", "country": "MLI", "sector": "REB",
        "kb_id": "org:JNIM", "wikidata": None, "mentions": [{"start": 0, "end": 4, "text": "JNIM"}]}
FAMA = {"id": "e2", "name": "Forces armées maliennes", "type": "organization", "country": "MLI",
        "sector": "MIL", "kb_id": "org:FAMa", "wikidata": None,
        "mentions": [{"start": 10, "end": 14, "text": "FAMa"}]}
ARMY_EN = {"id": "e2", "name": "Malian Army", "type": "organization", "country": "MLI",
           "sector": "MIL", "kb_id": None, "wikidata": None, "mentions": []}
MENAKA = {"name": "Ménaka", "country": "MLI", "admin1": "Ménaka", "lat": 15.918, "lon": 2.402,
          "geonames_id": 2455290, "precision": "city", "text": "Ménaka"}


def record(doc_id: str, outlet: str, published: str, text: str, events: list[dict[str, Any]],
           entities: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "schema": "kibaru/1",
        "document": {"id": doc_id, "source": f"{doc_id}.txt", "title": text[:40],
                     "published": published, "outlet": outlet, "author": None, "language": "fr",
                     "url": None, "text": text},
        "entities": entities if entities is not None else [JNIM, FAMA],
        "events": events,
    }


def event(event_type: str = "ASSAULT", value: str | None = "2024-03-12", precision: str = "day",
          actor: tuple[str, ...] = ("e1",), recipient: tuple[str, ...] = ("e2",),
          location: dict[str, Any] | None = MENAKA, **extra: Any) -> dict[str, Any]:
    out = {
        "id": "v1", "event_type": event_type, "mode": extra.pop("mode", "firearms"),
        "context": ["terrorism"], "actor": list(actor), "recipient": list(recipient),
        "date": {"value": value, "precision": precision, "text": value},
        "location": location,
        "flags": {"negated": False, "hypothetical": False, "future": False, "historical": False},
        "attribution": {"source": None, "text": "selon une source sécuritaire", "quote": None},
        "evidence": {"sentence": [0, 60], "trigger": [20, 27], "text": "the attack sentence"},
        "confidence": 0.8,
    }
    out.update(extra)
    return out


ORIGINAL_2 = (
    "Des combattants du JNIM ont pris pour cible mardi le poste de l'armée malienne à Ménaka, dans "
    "le nord-est du pays. Selon plusieurs sources locales, les assaillants sont arrivés à moto à "
    "l'aube et ont ouvert le feu sur les soldats en faction avant de se replier vers la frontière "
    "nigérienne. Le bilan provisoire fait état de douze morts parmi les militaires, a indiqué un élu "
    "de la région joint par téléphone."
)


def ambush_corpus() -> list[dict[str, Any]]:
    """Five reports of the 12 March attack (outlets A twice, B, C, D), a reprint of B, and two others."""
    return [
        record("a1", "Le Républicain", "2024-03-13",
               "Attaque terroriste à Ménaka: le poste militaire des FAMa visé par le JNIM mardi 12 mars. "
               "Les terroristes ont attaqué la position de l'armée au petit matin; l'état-major parle "
               "d'une riposte vigoureuse et de douze soldats tombés au combat.",
               [event(fatalities=12)]),
        record("b1", "Sahel Tribune", "2024-03-13", ORIGINAL_2,
               [event()], entities=[JNIM, ARMY_EN]),
        record("c1", "Studio Tamani", "2024-03-14",
               "Hier, des hommes armés non identifiés ont attaqué le camp des forces armées à Ménaka. "
               "Les habitants ont entendu des tirs nourris pendant près de deux heures.",
               [event(value="2024-03-13", actor=(),
                      location={**MENAKA, "lat": None, "lon": None, "geonames_id": None})]),
        record("a2", "Le Républicain", "2024-03-20",
               "Retour sur les attaques du mois de mars: au Mali, l'armée a de nouveau été prise pour "
               "cible par le JNIM, qui a revendiqué l'assaut contre une position militaire et affirme "
               "avoir tué quinze soldats.",
               [event(value="2024-03", precision="month", fatalities=15,
                      location={"name": "Mali", "country": "MLI", "admin1": None, "lat": 17.57,
                                "lon": -3.99, "geonames_id": 2453866, "precision": "country",
                                "text": "au Mali"})]),
        record("d1", "RFI", "2024-03-12",
               "Al-Qaeda affiliate JNIM attacked a Malian army post in Menaka on Tuesday, security "
               "sources told RFI, in the latest of a string of assaults on troops in the region.",
               [event(location={**MENAKA, "lat": 15.90, "lon": 2.42}, fatalities=15)]),
        record("b1-reprint", "Maliweb", "2024-03-14",
               ORIGINAL_2 + " (Source: Sahel Tribune)", [event()], entities=[JNIM, ARMY_EN]),
        record("b2", "Sahel Tribune", "2024-06-21",
               "Le JNIM a de nouveau attaqué le poste de l'armée à Ménaka jeudi 20 juin, trois mois "
               "après l'assaut meurtrier de mars.",
               [event(value="2024-06-20")]),
        record("c2", "Studio Tamani", "2024-03-13",
               "Le JNIM menace de poursuivre ses opérations contre l'armée dans la région de Ménaka, "
               "selon un message audio diffusé mardi.",
               [event("THREATEN", mode="violence")]),
    ]


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "corpus.duckdb") as opened:
        yield opened
