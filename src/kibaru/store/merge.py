"""Cross-article event merge: reports of one happening in different documents become one corpus event.

Pure functions over frozen dataclasses; ``db.py`` loads ``Report`` rows and stores ``CorpusEvent`` rows.

Two reports are compatible when every rule below holds; each rule that holds returns a short reason, and
the reasons are kept with the report's link so a user can ask why it was merged:

- documents: never two reports of the same document (the extractor already merged within a document);
- flags: same ``negated`` / ``hypothetical`` / ``future`` (a denial is not the happening it denies);
- type: the same PLOVER type, or a pair in ``MergeSettings.compatible_types`` (pairs the PLOVER manual
  itself calls borderline, see ``shared/spec/plover.md``);
- actor and recipient: a shared corpus actor, else a shared state, else unstated on one side;
- date: intervals no further apart than the tolerance of the coarser precision; a report with no date
  joins only when everything else matches by actor id and both documents appeared within a few days;
- place: same country, and within ``max_distance_km`` when both places are precise and have coordinates.

Clustering is complete-linkage (a report must be compatible with every member, so chains of loosely
similar reports do not snowball) over reports sorted by date then key, hence deterministic.
"""
from __future__ import annotations

import hashlib
import math
from collections import Counter
from dataclasses import dataclass
from datetime import date

from kibaru.store.keys import fold_name

_PRECISE_PLACES = frozenset({"exact", "city"})


@dataclass(frozen=True, slots=True)
class MergeSettings:
    day_tolerance_days: int = 2
    week_tolerance_days: int = 7
    month_tolerance_days: int = 31
    year_tolerance_days: int = 0  # year intervals already span the year; they must overlap
    unknown_date_window_days: int = 3  # publication dates of reports with no event date
    max_distance_km: float = 50.0
    allow_unstated_party: bool = True  # an unclaimed attack may join the claimed reports of it
    compatible_types: tuple[tuple[str, str], ...] = (
        ("AID", "COOPERATE"), ("CONCEDE", "RETREAT"), ("REJECT", "SANCTION"), ("ASSAULT", "COERCE"),
    )

    def tolerance(self, precision: str) -> int:
        if precision == "day":
            return self.day_tolerance_days
        if precision == "week":
            return self.week_tolerance_days
        if precision == "year":
            return self.year_tolerance_days
        return self.month_tolerance_days  # month, and anything coarser or unknown

    @property
    def window_days(self) -> int:
        """How far back a cluster can still accept a report; used only to prune the search."""
        return max(self.month_tolerance_days, self.week_tolerance_days,
                   self.day_tolerance_days, self.unknown_date_window_days) + 1


@dataclass(frozen=True, slots=True)
class Report:
    """One stored event as the merge sees it."""

    event_key: str
    doc_key: str
    root_doc: str  # the document itself, or the original it reprints
    outlet: str | None
    published: date | None
    event_type: str
    mode: str | None = None
    actors: frozenset[str] = frozenset()
    actor_countries: frozenset[str] = frozenset()
    recipients: frozenset[str] = frozenset()
    recipient_countries: frozenset[str] = frozenset()
    date_value: str | None = None
    precision: str = "unknown"
    date_start: date | None = None
    date_end: date | None = None
    place: str | None = None
    place_country: str | None = None
    lat: float | None = None
    lon: float | None = None
    place_precision: str | None = None
    flags: tuple[bool, bool, bool] = (False, False, False)  # negated, hypothetical, future
    fatalities: int | None = None
    event_no: int | None = None  # the store's surrogate key, carried through to event_reports

    @property
    def is_reprint(self) -> bool:
        return self.root_doc != self.doc_key

    @property
    def sort_key(self) -> tuple[date, bool, date, str]:
        """Earliest first; originals before reprints so an original anchors its corpus event."""
        return (self.date_start or self.published or date.max, self.is_reprint,
                self.published or date.max, self.event_key)

    @property
    def reach(self) -> date:
        """The latest day this report speaks of (event or publication)."""
        days = [d for d in (self.date_end, self.published) if d is not None]
        return max(days) if days else date.max


@dataclass(frozen=True, slots=True)
class ReportLink:
    event_key: str
    doc_key: str
    is_reprint: bool
    reason: str
    event_no: int | None = None


@dataclass(frozen=True, slots=True)
class CorpusEvent:
    id: str
    type_group: str
    event_type: str
    types: tuple[str, ...]
    modes: tuple[str, ...]
    actor_ids: tuple[str, ...]
    recipient_ids: tuple[str, ...]
    date_start: date | None
    date_end: date | None
    dates: tuple[str, ...]  # distinct reported date values, side by side when they conflict
    places: tuple[str, ...]
    place_country: str | None
    lat: float | None
    lon: float | None
    fatalities: tuple[int, ...]
    outlets: tuple[str, ...]
    n_reports: int  # reports from original documents
    n_articles: int  # distinct original documents (a reprint is its original)
    n_outlets: int
    n_reprints: int
    reports: tuple[ReportLink, ...]


def type_group(event_type: str, settings: MergeSettings) -> str:
    """Name of the set of types that may merge with ``event_type``: ``AID~COOPERATE`` or ``ASSAULT``."""
    members = {event_type}
    for a, b in settings.compatible_types:
        if event_type in (a, b):
            members.update((a, b))
    return "~".join(sorted(members))


def compatible(a: Report, b: Report, settings: MergeSettings) -> str | None:
    """Why ``a`` and ``b`` report the same happening, or ``None`` when a rule fails."""
    if a.doc_key == b.doc_key or a.flags != b.flags:
        return None
    undated = a.date_start is None or b.date_start is None
    # Each rule in turn, stopping at the first that fails (most pairs fail on type, actor or date).
    kind = _type_reason(a, b, settings, strict=undated)
    if kind is None:
        return None
    actor = _party_reason("actor", (a.actors, a.actor_countries), (b.actors, b.actor_countries),
                          settings, strict=undated)
    if actor is None:
        return None
    when = _date_reason(a, b, settings)
    if when is None:
        return None
    recipient = _party_reason("recipient", (a.recipients, a.recipient_countries),
                              (b.recipients, b.recipient_countries), settings, strict=undated)
    if recipient is None:
        return None
    where = _place_reason(a, b, settings)
    if where is None:
        return None
    return "; ".join((kind, actor, recipient, when, where))


def _type_reason(a: Report, b: Report, settings: MergeSettings, strict: bool) -> str | None:
    if a.event_type == b.event_type:
        if strict and a.mode and b.mode and a.mode != b.mode:
            return None
        return f"same type {a.event_type}"
    if strict:
        return None
    pair = tuple(sorted((a.event_type, b.event_type)))
    if pair in {tuple(sorted(p)) for p in settings.compatible_types}:
        return f"type pair {pair[0]}~{pair[1]}"
    return None


def _party_reason(role: str, a: tuple[frozenset[str], frozenset[str]],
                  b: tuple[frozenset[str], frozenset[str]], settings: MergeSettings,
                  strict: bool) -> str | None:
    (ids_a, states_a), (ids_b, states_b) = a, b
    if ids_a & ids_b:
        return f"{role} same actor {min(ids_a & ids_b)}"
    if not ids_a and not ids_b:
        return f"{role} unstated in both"
    if strict:
        return None
    if states_a & states_b:
        return f"{role} same state {min(states_a & states_b)}"
    if (not ids_a or not ids_b) and settings.allow_unstated_party:
        return f"{role} unstated in one report"
    return None


def _date_reason(a: Report, b: Report, settings: MergeSettings) -> str | None:
    if a.date_start is None or b.date_start is None or a.date_end is None or b.date_end is None:
        if a.published is None or b.published is None:
            return None
        apart = abs((a.published - b.published).days)
        if apart <= settings.unknown_date_window_days:
            return f"date unknown, published {apart} days apart"
        return None
    tol_a, tol_b = settings.tolerance(a.precision), settings.tolerance(b.precision)
    coarser, tolerance = (b.precision, tol_b) if tol_b > tol_a else (a.precision, tol_a)
    later = a.date_start if a.date_start > b.date_start else b.date_start
    earlier = a.date_end if a.date_end < b.date_end else b.date_end
    gap = (later - earlier).days
    if gap > tolerance:
        return None
    gap = max(0, gap)
    return f"dates {gap} days apart (tolerance {tolerance}, {coarser} precision)"


def _place_reason(a: Report, b: Report, settings: MergeSettings) -> str | None:
    if a.place is None or b.place is None:
        return "place unstated"
    if a.place_country and b.place_country and a.place_country != b.place_country:
        return None
    precise = a.place_precision in _PRECISE_PLACES and b.place_precision in _PRECISE_PLACES
    if precise and None not in (a.lat, a.lon, b.lat, b.lon):
        km = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
        return f"places {km:.0f} km apart" if km <= settings.max_distance_km else None
    if fold_name(a.place) == fold_name(b.place):
        return "same place name"
    if a.place_country and a.place_country == b.place_country:
        return f"same country {a.place_country}"
    return None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def merge_reports(reports: list[Report] | tuple[Report, ...],
                  settings: MergeSettings = MergeSettings()) -> tuple[CorpusEvent, ...]:
    """Cluster reports into corpus events. The same reports give the same events, in any input order."""
    groups: dict[str, list[Report]] = {}
    for report in reports:
        groups.setdefault(type_group(report.event_type, settings), []).append(report)
    merged: list[CorpusEvent] = []
    for group in sorted(groups):
        for cluster in _cluster(groups[group], settings):
            merged.append(summarise(group, cluster))
    return tuple(merged)


def _cluster(reports: list[Report], settings: MergeSettings) -> list[list[tuple[Report, str]]]:
    clusters: list[list[tuple[Report, str]]] = []
    reach: list[date] = []
    active: list[int] = []
    window = settings.window_days
    for report in sorted(reports, key=lambda r: r.sort_key):
        start = report.sort_key[0]
        if start != date.max:
            active = [i for i in active if (start - reach[i]).days <= window]
        for i in active:
            reason = _joins(report, clusters[i], settings)
            if reason is not None:
                clusters[i].append((report, reason))
                reach[i] = max(reach[i], report.reach)
                break
        else:
            clusters.append([(report, "first report")])
            reach.append(report.reach)
            active.append(len(clusters) - 1)
    return clusters


def _joins(report: Report, members: list[tuple[Report, str]], settings: MergeSettings) -> str | None:
    anchor_reason = None
    for member, _ in members:
        reason = compatible(report, member, settings)
        if reason is None:
            return None
        anchor_reason = anchor_reason or f"with {member.event_key}: {reason}"
    return anchor_reason


def _ranked(values: list[str]) -> tuple[str, ...]:
    """Distinct values, most frequent first, ties in order of first appearance."""
    counts = Counter(values)
    first = {v: i for i, v in reversed(list(enumerate(values)))}
    return tuple(sorted(counts, key=lambda v: (-counts[v], first[v])))


def summarise(group: str, cluster: list[tuple[Report, str]]) -> CorpusEvent:
    reports = [r for r, _ in cluster]
    originals = [r for r in reports if not r.is_reprint] or reports
    types = _ranked([r.event_type for r in reports])
    precisions = ("day", "week", "month", "year")
    dated = [r for r in reports if r.date_start is not None]
    finest = min((precisions.index(r.precision) if r.precision in precisions else 4) for r in dated) \
        if dated else None
    best = [r for r in dated if (precisions.index(r.precision) if r.precision in precisions else 4)
            == finest]
    placed = sorted((r for r in reports if r.place is not None),
                    key=lambda r: (r.lat is None, r.place_precision not in _PRECISE_PLACES))
    outlets = sorted({r.outlet for r in originals if r.outlet})
    return CorpusEvent(
        id="ce-" + hashlib.sha1(reports[0].event_key.encode("utf-8")).hexdigest()[:16],
        type_group=group,
        event_type=types[0],
        types=tuple(sorted(types)),
        modes=_ranked([r.mode for r in reports if r.mode]),
        actor_ids=tuple(sorted(set().union(*(r.actors for r in reports)))),
        recipient_ids=tuple(sorted(set().union(*(r.recipients for r in reports)))),
        date_start=min(r.date_start for r in best) if best else None,  # type: ignore[type-var]
        date_end=max(r.date_end for r in best) if best else None,  # type: ignore[type-var]
        dates=tuple(sorted({r.date_value for r in reports if r.date_value})),
        places=tuple(sorted({r.place for r in placed if r.place})),
        place_country=placed[0].place_country if placed else None,
        lat=placed[0].lat if placed else None,
        lon=placed[0].lon if placed else None,
        fatalities=tuple(sorted({r.fatalities for r in reports if r.fatalities is not None})),
        outlets=tuple(outlets),
        n_reports=len(originals),
        n_articles=len({r.root_doc for r in reports}),
        n_outlets=len(outlets),
        n_reprints=sum(r.is_reprint for r in reports),
        reports=tuple(ReportLink(r.event_key, r.doc_key, r.is_reprint, why, r.event_no)
                      for r, why in cluster),
    )
