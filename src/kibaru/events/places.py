"""Where an event happened: ``event_place(linked, head) -> Place | None``.

In order, the first that gives a place:

1. the trigger's clause, then its sentence: a named place (location or facility entity, or a name
   the gazetteer knows after a locative word: "in the Somali city of Beledweyne"), else a state
   named as the setting ("au Togo", "in Somalia", "dans les villes de la Chine": precision
   ``country``). A specific place beats a state; among equals the one nearest the trigger wins;
   A trigger in a relative clause on a state ("la Côte d'Ivoire qui, après des affrontements, ...")
   is placed in that state;
2. the previous sentence of the same paragraph ("... à Bamako. Ils revendiquent ...");
3. the document's setting: the dateline ("BAMAKO, 24 sept (AFP) -"), else the first place named in
   the lead, made precise by a later place inside it ("talks in Canada" ... "in Charlevoix, Quebec").

A place found at step 1 or 2 that is only a state gives way to the setting when the setting lies
in that state. A place the gazetteer lacks falls back on its narrowing hint ("X, dans le nord du
Mali"), then on its state. An embassy or consulate is not placed in the state it represents.
Nothing is invented: an event whose text names no place has none.
"""
from __future__ import annotations

import re
from dataclasses import replace

from kibaru.events.clauses import clause_span
from kibaru.model import Place, Span

_PLACE_TYPES = frozenset({"location", "facility"})
_LOCATIVE = frozenset({
    "à", "a", "au", "aux", "en", "dans", "sur", "vers", "chez", "près", "depuis", "parmi",
    "in", "at", "into", "inside", "near", "across", "throughout", "within", "outside", "around",
})
_OF = frozenset({"de", "du", "des", "d'", "d’", "of", "la", "le", "l'", "l’"})
_EMBASSY = re.compile(r"(?i)\b(ambassade|consulat|embassy|consulate|légation|mission\s+diplomatique)\b")
# What puts a capitalised name that NER missed in place position: "in the Somali city of X",
# "dans la ville de X", "à X", "near X".
_BEFORE_NAME = re.compile(
    r"(?i:\b(?:in|at|into|near|à|a|dans|près\s+de|vers)\s+(?:the\s+|la\s+|le\s+|l['’])?"
    r"(?:(?:[\w-]+\s+)?(?:city|town|village|ville|localité|commune|district)\s+(?:of|de|d['’])\s*)?)$")
_COMMA_AREA = re.compile(r"\s*,\s*(?P<y>[A-ZÀ-ÖØ-Þ][\w'’\-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’\-]*)*)\s*(?=[,.;:)]|$)")
_PRECISE = {"exact": 0, "city": 1, "admin1": 2, "country": 3}


def event_place(linked, head: int, remote: bool = False) -> Place | None:
    """The place of the event whose trigger is token ``head`` (see the module docstring).

    A ``remote`` event (a phone call) happens where its own words say, or at the dateline: not at
    the place the article's lead is about."""
    parse = linked.parse
    token = parse.tokens[head]
    sent = parse.sentences[token.sent]
    found = None
    for lo, hi in (clause_span(parse, head), (sent.start, sent.end)):
        found = _place_in(linked, lo, hi, token.start)
        if found is not None:
            break
    if found is None:
        found = _antecedent_state(linked, head)
    if found is None and token.sent > 0:
        prev = parse.sentences[token.sent - 1]
        if "\n" not in parse.document.text[prev.end:sent.start]:
            found = _place_in(linked, prev.start, prev.end, sent.start)
    setting = _dateline(linked) if remote else document_setting(linked)
    if found is None:
        return setting
    if (found.precision == "country" and setting is not None and setting.precision != "country"
            and setting.country == found.country):
        return setting
    return found


def clause_place(linked, head: int) -> Place | None:
    """The place named in the trigger's own clause, nothing wider (no sentence, no setting)."""
    lo, hi = clause_span(linked.parse, head)
    return _place_in(linked, lo, hi, linked.parse.tokens[head].start)


def _antecedent_state(linked, head: int) -> Place | None:
    """"la Côte d'Ivoire qui, après des affrontements, est divisée", "Mali, where fighting ...":
    a trigger in a relative clause on a state happened in that state."""
    tokens = linked.parse.tokens
    t = tokens[head]
    for _ in range(6):
        if t.dep in ("acl:relcl", "relcl"):
            eid = linked.token_entity.get(t.head)
            d = linked.drafts.get(eid) if eid else None
            if d is not None and d.type == "country" and d.country:
                span = next((s for s in d.spans if s.start <= tokens[t.head].start < s.end), None)
                return country_place(linked, d.country, span)
            return None
        if t.head == t.i:
            return None
        t = tokens[t.head]
    return None


def document_setting(linked) -> Place | None:
    """The dateline's place, else the first place of the lead made precise by a later one inside it."""
    cache = linked.__dict__.setdefault("_event_places", {})
    if "setting" in cache:
        return cache["setting"]
    setting = _dateline(linked)
    if setting is None:
        parse = linked.parse
        lead = parse.sentences[:3]
        for s in lead:
            setting = _place_in(linked, s.start, s.end, s.start, nearest=False)
            if setting is not None:
                break
        if setting is not None and setting.precision in ("country", "admin1"):
            for s in parse.sentences:
                inner = [p for p in _places_in(linked, s.start, s.end)
                         if _PRECISE.get(p.precision, 3) < _PRECISE.get(setting.precision, 3)
                         and p.country == setting.country
                         and (setting.precision == "country" or p.admin1 == setting.admin1)]
                if inner:
                    setting = inner[0]
                    break
    cache["setting"] = setting
    return setting


# -- places in a span ---------------------------------------------------------------------


def _place_in(linked, lo: int, hi: int, anchor: int, nearest: bool = True) -> Place | None:
    places = _places_in(linked, lo, hi)
    if not places:
        return None
    specific = [p for p in places if p.precision != "country"] or places
    if not nearest:
        return specific[0]
    return min(specific, key=lambda p: abs((p.start if p.start is not None else anchor) - anchor))


def _places_in(linked, lo: int, hi: int) -> list[Place]:
    """Every place named in [lo, hi), in text order: entities, locative states, missed names.

    Events of one sentence ask for the same spans: the answer is kept for the document."""
    memo = linked.__dict__.setdefault("_places_in", {})
    if (lo, hi) not in memo:
        memo[(lo, hi)] = _find_places(linked, lo, hi)
    return list(memo[(lo, hi)])


def _find_places(linked, lo: int, hi: int) -> list[Place]:
    out: list[Place] = []
    seen: set[tuple[str, int]] = set()
    tokens = linked.tokens_in(lo, hi)
    for t in tokens:
        eid = linked.token_entity.get(t.i)
        if not eid:
            continue
        d = linked.drafts.get(eid)
        if d is None:
            continue
        span = next((s for s in d.spans if s.start <= t.start < s.end), None)
        if span is None or (eid, span.start) in seen:
            continue
        seen.add((eid, span.start))
        place = None
        if d.type in _PLACE_TYPES:
            place = mention_place(linked, eid, span)
        elif d.type == "country" and d.country and _is_locative(linked, span):
            place = country_place(linked, d.country, span)
        elif d.type not in ("country", "person") and _curated_name(linked, d.name):
            # NER often calls a forest or a camp an organisation: "the Boni Forest"
            place = _geocode(linked, d.name, span)
            if place is not None:
                place = replace(place, text=span.text, start=span.start, end=span.end)
        if place is not None:
            out.append(place)
    out += _missed_names(linked, lo, hi, tokens)
    out.sort(key=lambda p: p.start if p.start is not None else lo)
    return out


def _curated_name(linked, name: str) -> bool:
    """Whether ``name`` is a place the curated lists know, in one of the document's states."""
    if linked.gazetteer is None:
        return False
    states = set(linked.document_states())
    return any(c.source not in ("geonames", "iso3166-2") and c.kind != "country"
               and (c.country in states or c.country is None)
               for c in linked.gazetteer.candidates(name))


def _is_locative(linked, span: Span) -> bool:
    """"au Togo", "in Somalia", "into Somalia", "dans les villes de la côte de la Chine"; not
    "l'ambassade du Japon" (the embassy stands in the host state) nor "in China's arsenal"."""
    parse = linked.parse
    inside = {t.i for t in linked.tokens_in(span.start, span.end)}
    if not inside:
        return False
    text = parse.document.text
    if re.match(r"['’]s?\b", text[span.end:span.end + 3]):
        return False
    before = text[max(0, span.start - 40):span.start]
    if _EMBASSY.search(before.split(",")[-1][-25:]):
        return False
    before = before.lower().split()
    if before and before[-1] in ("au", "aux", "en", "in", "into", "inside", "throughout", "across", "within"):
        return True
    t = next((parse.tokens[i] for i in sorted(inside) if parse.tokens[i].head not in inside
              or parse.tokens[i].head == i), parse.tokens[min(inside)])
    for _ in range(4):
        kids = linked.children(t.i)
        if any(c.dep == "case" and c.text.lower() in _LOCATIVE for c in kids):
            return True
        if t.head == t.i:
            return False
        up = parse.tokens[t.head]
        if t.dep == "pobj" and up.text.lower() in _LOCATIVE:
            return True
        # climb only through "of" links: "villes de la côte de la Chine", "cities of China"
        of_link = (t.dep in ("nmod", "pobj") and (any(c.dep == "case" and c.text.lower() in _OF for c in kids)
                                                 or up.text.lower() == "of"))
        if not of_link and not (t.dep == "prep" and t.text.lower() == "of"):
            return False
        t = up
    return False


def _missed_names(linked, lo: int, hi: int, tokens) -> list[Place]:
    """Capitalised names outside any entity that the gazetteer knows, where a place stands."""
    gazetteer = linked.gazetteer
    if gazetteer is None:
        return []
    from kibaru.geo import GeoContext, geocode

    parse, text = linked.parse, linked.parse.document.text
    states: tuple[str, ...] | None = None  # read only when a run is a known name
    out = []
    runs: list[list] = []
    for t in tokens:
        capital = t.text[:1].isupper() and t.text[:1].isalpha() and t.i not in linked.token_entity
        first = t.i == parse.sentences[t.sent].first
        if capital and not first:
            if runs and runs[-1][-1].i == t.i - 1:
                runs[-1].append(t)
            else:
                runs.append([t])
    for run in runs:
        start, end = run[0].start, run[-1].end
        name = text[start:end]
        cands = gazetteer.candidates(name)
        if not cands:
            continue
        if states is None:
            states = tuple(linked.document_states())
        curated = [c for c in cands if c.source not in ("geonames", "iso3166-2")
                   and (c.country in states or c.country is None)]
        placed = _BEFORE_NAME.search(text[max(lo, start - 60):start]) is not None
        if not curated and not placed:
            continue
        place = geocode(name, gazetteer, GeoContext(countries=states), raw_text=name)
        if place is None or (not curated and place.country not in states):
            continue
        out.append(replace(place, text=name, start=start, end=end))
    return out


# -- one mention ----------------------------------------------------------------------------


def mention_place(linked, eid: str, span: Span) -> Place | None:
    """The place a location or facility mention denotes (cached per document and mention)."""
    cache = linked.__dict__.setdefault("_event_places", {})
    key = (eid, span.start)
    if key not in cache:
        cache[key] = _mention_place(linked, eid, span)
    return cache[key]


def _mention_place(linked, eid: str, span: Span) -> Place | None:
    d = linked.drafts[eid]
    if d.type == "facility" and _EMBASSY.search(d.name):
        # "l'ambassade du Japon": in the host state, which the name does not give
        return _after(linked, span)
    place = _geocode(linked, d.name, span) or _geocode(linked, span.text, span)
    if place is None and d.type == "facility":
        place = _after(linked, span) or _inside(linked, d.name, span)
    if place is None and d.type == "location":
        state = _phrase_state(linked, span)
        if state is None and "main state" not in (d.why or ""):
            state = d.country
        if state:
            place = country_place(linked, state, span)
    if place is not None:
        place = replace(place, text=span.text, start=span.start, end=span.end)
    return place


def _geocode(linked, name: str, span: Span | None) -> Place | None:
    if linked.gazetteer is None or not name:
        return None
    from kibaru.geo import GeoContext, geocode, narrowing_hint

    hint = None
    if span is not None:
        text = linked.parse.document.text
        hint = narrowing_hint(text, span.start, span.end) or _area_after(linked, span)
    return geocode(name, linked.gazetteer, GeoContext(countries=_context(linked, span), hint=hint))


def _context(linked, span: Span | None) -> tuple[str, ...]:
    """The document's states, those named in the mention's sentence first."""
    states = list(linked.document_states())
    if span is None:
        return tuple(states)
    parse = linked.parse
    near = []
    for s in parse.sentences:
        if s.start <= span.start < s.end:
            for t in linked.tokens_in(s.start, s.end):
                eid = linked.token_entity.get(t.i)
                d = linked.drafts.get(eid) if eid else None
                if d is not None and d.type == "country" and d.country and d.country not in near:
                    near.append(d.country)
            break
    return tuple(dict.fromkeys((*near, *states)))


def _area_after(linked, span: Span) -> str | None:
    """"Charlevoix, Quebec,": a first-level region or state right after a comma is where it lies
    (a list "Kidal, Gao et Tombouctou" is not: the name after the comma must end the phrase)."""
    text = linked.parse.document.text
    m = _COMMA_AREA.match(text[span.end:span.end + 80])
    if m is None or linked.gazetteer is None:
        return None
    tail = text[span.end + m.end():span.end + m.end() + 6]
    if re.match(r"\s*,?\s*(?:et|and|ou|or)\b", tail):
        return None
    name = m.group("y")
    if any(c.kind in ("admin1", "country") for c in linked.gazetteer.candidates(name)):
        return name
    return None


def _after(linked, span: Span) -> Place | None:
    """"the Qahira Hotel in Beledweyne", "l'hôtel X à Gao": the place named right after."""
    text = linked.parse.document.text
    m = re.match(r"\s*(?:,\s*)?(?i:in|at|à|a|de|d['’]|du)\s+(?:the\s+|la\s+|le\s+)?", text[span.end:span.end + 20])
    if m is None:
        return None
    at = span.end + m.end()
    for t in linked.tokens_in(at, at + 1):
        eid = linked.token_entity.get(t.i)
        if eid and linked.drafts[eid].type == "location":
            s = next((s for s in linked.drafts[eid].spans if s.start <= t.start < s.end), None)
            if s is not None:
                return mention_place(linked, eid, s)
    for p in _missed_names(linked, at, at + 60, linked.tokens_in(at, at + 60)):
        if p.start == at:
            return p
    return None


def _inside(linked, name: str, span: Span) -> Place | None:
    """"l'aéroport international ... de Bamako": the place at the end of the name."""
    words = name.split()
    for n in range(1, len(words)):
        tail = " ".join(words[n:])
        if tail[:1].isupper():
            place = _geocode(linked, tail, None)
            if place is not None and place.precision != "country":
                return place
    return None


def _phrase_state(linked, span: Span) -> str | None:
    """"Somalia's Puntland region", "la région malienne de X": a state inside the mention's phrase."""
    parse = linked.parse
    inside = {t.i for t in linked.tokens_in(span.start, span.end)}
    for i in inside:
        t = parse.tokens[i]
        for k in (*linked.children(i), parse.tokens[t.head]):
            eid = linked.token_entity.get(k.i)
            if eid and k.i not in inside and linked.drafts[eid].type == "country":
                return linked.drafts[eid].country
    return None


def country_place(linked, iso3: str, span: Span | None = None) -> Place | None:
    """A state as a place: precision ``country`` at the state's point."""
    cache = linked.__dict__.setdefault("_event_places", {})
    key = ("country", iso3)
    if key not in cache:
        cache[key] = _country_place(linked, iso3)
    place = cache[key]
    if place is not None and span is not None:
        place = replace(place, text=span.text, start=span.start, end=span.end)
    return place


def _country_place(linked, iso3: str) -> Place | None:
    if linked.gazetteer is None:
        return None
    names = []
    entry = linked.kb.get(f"country:{iso3}") if linked.kb is not None else None
    if entry is not None:
        names.append(entry.name)
    for d in linked.drafts.values():
        if d.type == "country" and d.country == iso3:
            names += [d.name, *(s.text for s in d.spans)]
    for name in names:
        for c in linked.gazetteer.candidates(name):
            if c.kind == "country" and c.country == iso3:
                return Place(name=c.name, country=c.country, admin1=None, lat=c.lat, lon=c.lon,
                             geonames_id=c.geonames_id, precision="country", text=name)
    return None


def _dateline(linked) -> Place | None:
    dateline = linked.parse.document.dateline
    if not dateline:
        return None
    head = re.split(r"[,(]", dateline)[0].strip(" -–—")
    if not head or any(ch.isdigit() for ch in head):
        return None
    place = _geocode(linked, head, None)
    if place is None and head.isupper():
        place = _geocode(linked, head.title(), None)
    return place


