"""ACLED-style CSV: one row per merged happening, types mapped from PLOVER by ``acled_types.tsv``.

ACLED codes one row per event with all its sources, which is what a corpus event is, so this export
reads ``corpus_events`` rather than single reports. Precision codes follow the ACLED codebook:
geo_precision 1 = town or finer, 2 = near a town / district, 3 = region or wider; time_precision
1 = day, 2 = week or a few days, 3 = month or wider (or no event date: the publication date is used).
Fatalities: ACLED takes the lowest reported figure when sources disagree; so do we.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import duckdb

from kibaru.store.exports import rows

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "iso3", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "source", "notes", "fatalities", "plover_type", "plover_mode", "n_reports",
    "n_articles", "n_outlets",
)


@dataclass(frozen=True, slots=True)
class TypeRule:
    plover_type: str
    mode: str
    target: str
    event_type: str
    sub_event_type: str

    def matches(self, plover_type: str, mode: str | None, target: str) -> bool:
        return (self.plover_type in ("*", plover_type) and self.mode in ("*", mode)
                and self.target in ("*", target))


def load_rules() -> tuple[TypeRule, ...]:
    text = resources.files("kibaru.store").joinpath("acled_types.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return tuple(TypeRule(*line.split("\t")) for line in lines[1:])


def acled_type(rules: tuple[TypeRule, ...], plover_type: str, mode: str | None,
               target: str) -> tuple[str, str]:
    for rule in rules:
        if rule.matches(plover_type, mode, target):
            return rule.event_type, rule.sub_event_type
    return "Strategic developments", "Other"


def country_name(iso3: str | None) -> str | None:
    if not iso3:
        return None
    try:
        import pycountry  # a declared dependency, but only this export needs it
    except ImportError:
        return iso3
    found = pycountry.countries.get(alpha_3=iso3)
    return found.name if found else iso3


def export_acled(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    rules = load_rules()
    events = rows(con, """
        SELECT c.*,
          (SELECT string_agg(a.name, '; ' ORDER BY a.name) FROM actors a
            WHERE list_contains(c.actor_ids, a.actor_id)) AS actor1,
          (SELECT string_agg(a.name, '; ' ORDER BY a.name) FROM actors a
            WHERE list_contains(c.recipient_ids, a.actor_id)) AS actor2,
          (SELECT bool_or(a.type = 'armed_group' OR a.sector IN ('MIL','REB','COP','PRM','UAF','SPY'))
             FROM actors a WHERE list_contains(c.recipient_ids, a.actor_id)) AS armed_target,
          (SELECT min(CASE e.place_precision WHEN 'exact' THEN 1 WHEN 'city' THEN 1
                      WHEN 'admin1' THEN 3 WHEN 'country' THEN 3 END)
             FROM event_reports r JOIN events e USING (event_key)
            WHERE r.corpus_event_id = c.corpus_event_id) AS geo_precision,
          (SELECT min(CASE e.date_precision WHEN 'day' THEN 1 WHEN 'week' THEN 2 ELSE 3 END)
             FROM event_reports r JOIN events e USING (event_key)
            WHERE r.corpus_event_id = c.corpus_event_id) AS time_precision,
          (SELECT min(d.published_date) FROM event_reports r JOIN documents d USING (doc_key)
            WHERE r.corpus_event_id = c.corpus_event_id) AS first_published,
          (SELECT first(e.place_admin1 ORDER BY e.place_admin1 NULLS LAST)
             FROM event_reports r JOIN events e USING (event_key)
            WHERE r.corpus_event_id = c.corpus_event_id) AS admin1,
          (SELECT first(e.evidence_text ORDER BY r.reason = 'first report' DESC, e.event_key)
             FROM event_reports r JOIN events e USING (event_key)
            WHERE r.corpus_event_id = c.corpus_event_id) AS notes
        FROM corpus_events c ORDER BY c.date_start NULLS LAST, c.corpus_event_id""")
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        for c in events:
            mode = c["modes"][0] if c["modes"] else None
            target = "none" if not c["recipient_ids"] else (
                "armed" if c["armed_target"] else "civilian")
            kind, sub = acled_type(rules, c["event_type"], mode, target)
            when = c["date_start"] or c["first_published"]
            writer.writerow({
                "event_id_cnty": c["corpus_event_id"],
                "event_date": when.isoformat() if when else "",
                "year": when.year if when else "",
                "time_precision": c["time_precision"] if c["date_start"] else 3,
                "event_type": kind, "sub_event_type": sub,
                "actor1": c["actor1"] or "", "actor2": c["actor2"] or "",
                "iso3": c["place_country"] or "", "country": country_name(c["place_country"]) or "",
                "admin1": c["admin1"] or "", "location": c["places"][0] if c["places"] else "",
                "latitude": "" if c["lat"] is None else c["lat"],
                "longitude": "" if c["lon"] is None else c["lon"],
                "geo_precision": c["geo_precision"] or "",
                "source": "; ".join(c["outlets"] or ()), "notes": c["notes"] or "",
                "fatalities": min(c["fatalities"]) if c["fatalities"] else "",
                "plover_type": c["event_type"], "plover_mode": mode or "",
                "n_reports": c["n_reports"], "n_articles": c["n_articles"],
                "n_outlets": c["n_outlets"],
            })
    return len(events)
