"""A document's entities while they are being built, and the look-ups events make on them.

``LinkedDocument`` gathers mentions into one entity per referent, maps tokens to entities, and
resolves an argument phrase (its head token) to entity ids for the event stage: a name in the
phrase, an apposed name ("le ministre ..., Sergueï Lavrov"), a role or government phrase through
the KB ("le président malien" at the article's date), or a demonym ("un avion militaire russe").
Entities that only a role needs (a state met through a demonym) are added when an event uses them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kibaru.link.fold import fold, fold_words
from kibaru.link.titles import affiliation, title_state
from kibaru.model import Entity, Event, Mention, Parse, Span, Token

_ARG_STOP = frozenset({"acl", "acl:relcl", "advcl", "ccomp", "xcomp", "parataxis", "punct", "cc",
                       "relcl", "csubj", "mark", "conj"})
_NAME_DEPS = frozenset({"appos", "flat", "flat:name", "compound", "nmod", "nmod:poss", "poss", "pobj",
                        "prep", "npadvmod"})


@dataclass
class Draft:
    key: str
    name: str
    type: str
    country: str | None = None
    sector: str | None = None
    kb_id: str | None = None
    wikidata: str | None = None
    spans: list[Span] = field(default_factory=list)
    why: str = ""
    listed: bool = True  # named in the text; False for entities only a role brought in


class LinkedDocument:
    def __init__(self, parse: Parse, kb, gazetteer=None):
        self.parse = parse
        self.kb = kb
        self.gazetteer = gazetteer
        # the language the text was parsed in: the KB and lexicons know French and English
        self.lang = parse.document.language if parse.document.language in {"fr", "en"} else "en"
        self.date = parse.document.published  # ISO, any precision: office holders are read at it
        self.drafts: dict[str, Draft] = {}
        self.order: list[str] = []
        self.token_entity: dict[int, str] = {}
        self._starts = [t.start for t in parse.tokens]

    # -- building -------------------------------------------------------------------------

    def _draft(self, key: str, make) -> Draft:
        if key not in self.drafts:
            self.drafts[key] = make()
            self.order.append(key)
        return self.drafts[key]

    def _mention(self, draft: Draft, start: int, end: int) -> None:
        text = self.parse.document.text
        draft.spans.append(Span(start, end, text[start:end]))
        draft.listed = True
        for t in self.tokens_in(start, end):
            self.token_entity.setdefault(t.i, draft.key)

    def add_kb(self, start: int, end: int, entry, why: str) -> str:
        d = self._draft(entry.id, lambda: Draft(entry.id, entry.name, entry.type, entry.country,
                                                entry.sector, entry.id, entry.wikidata, why=why))
        self._mention(d, start, end)
        return d.key

    def add_place(self, start: int, end: int, entry) -> str:
        surface = self.parse.document.text[start:end]
        key = "place:" + fold(surface)
        d = self._draft(key, lambda: Draft(key, _proper(surface), "location", entry.country,
                                           why=f"{surface!r} after a locative preposition: a place in {entry.country}"))
        self._mention(d, start, end)
        return key

    def add_unknown(self, mention: Mention, etype: str) -> str:
        key = f"{etype}:{fold(mention.text)}"
        country = self._country_of_unknown(mention, etype)
        d = self._draft(key, lambda: Draft(key, _proper(mention.text), etype, country,
                                           why=f"NER {mention.label}, not in the KB"))
        if d.country is None and country:
            d.country = country
        self._mention(d, mention.start, mention.end)
        return key

    def join_surname(self, mention: Mention) -> bool:
        """A surname alone (or a shorter form) joins the person named in full before it."""
        words = fold_words(mention.text)
        for key in self.order:
            d = self.drafts[key]
            if d.type != "person":
                continue
            names = [fold_words(d.name)] + [fold_words(s.text) for s in d.spans]
            if any(len(n) > len(words) and n[-len(words):] == words for n in names):
                self._mention(d, mention.start, mention.end)
                return True
        return False

    def implicit_state(self, iso3: str, why: str, span: tuple[int, int] | None = None) -> str | None:
        entry = self.kb.get(f"country:{iso3}")
        if entry is None:
            return None
        return self.implicit_entry(entry, why, span)

    def implicit_entry(self, entry, why: str, span: tuple[int, int] | None = None) -> str:
        """An entity the text names by a role, a body or a demonym; ``span`` is that phrase."""
        if entry.id not in self.drafts:
            d = self._draft(entry.id, lambda: Draft(entry.id, entry.name, entry.type, entry.country,
                                                    entry.sector, entry.id, entry.wikidata, why=why))
            d.listed = False
        self._phrase_mention(self.drafts[entry.id], span)
        return entry.id

    def _phrase_mention(self, d: Draft, span: tuple[int, int] | None) -> None:
        """Keep the words that named an implicit entity as its evidence, without listing it."""
        if span is None or any(m.start == span[0] and m.end == span[1] for m in d.spans):
            return
        text = self.parse.document.text
        d.spans.append(Span(span[0], span[1], text[span[0]:span[1]]))

    def implicit_group(self, group, country: str | None, span: tuple[int, int] | None = None) -> str:
        """An unnamed collective party ("les manifestants"), one entity per group and state."""
        key = f"group:{fold(group.name)}:{country or '-'}"  # protestataires and manifestants are one group
        if key not in self.drafts:
            d = self._draft(key, lambda: Draft(key, group.name, group.type, country, group.sector,
                                               why=f"unnamed group ({group.sector}); state {country or 'none'}"))
            d.listed = False
        self._phrase_mention(self.drafts[key], span)
        return key

    def finish(self) -> None:
        """Last passes over the document: parenthesised second names, then missing countries."""
        self._join_parentheses()
        main = self._main_state()
        for d in self.drafts.values():
            if d.country is None and d.type == "location":
                d.country = self._geocode_country(d.name)
        for d in self.drafts.values():  # "X, head of the ILO": an explicit affiliation beats a nationality
            if d.kb_id is None and d.type in {"person", "location"} and (found := affiliation(self, d)):
                if d.type == "location":  # "Kenzo Oshima, the UN Emergency Relief Coordinator": NER said a place
                    d.type = "person"
                d.country, why = found
                d.why += f"; {why}"
        for d in self.drafts.values():  # after places have their states: titles read them
            if d.country is None and (found := title_state(self, d)):
                d.country, why = found
                d.why += f"; {why}"
        for d in self.drafts.values():
            if d.country is None and main and d.type in {"person", "organization", "location", "facility",
                                                         "armed_group"}:
                d.country = main
                d.why += f"; country {main}: the document's main state"

    def _main_state(self) -> str | None:
        """The state the document names most (first named wins a tie), for names with no state of their own."""
        counts: dict[str, int] = {}
        for d in self.drafts.values():
            if d.type == "country" and d.country:
                counts[d.country] = counts.get(d.country, 0) + len(d.spans)
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked:
            return None
        return ranked[0][0]

    def _join_parentheses(self) -> None:
        """"Guangzhou (Canton)", "la capitale Beijing (Pékin)": the name in brackets is the same place."""
        text = self.parse.document.text
        spans = sorted(((sp, k) for k in self.order for sp in self.drafts[k].spans), key=lambda x: x[0].start)
        for (a, ka), (b, kb) in zip(spans, spans[1:]):
            if ka == kb or text[a.end:b.start].strip() != "(" or text[b.end:b.end + 1] != ")":
                continue
            first, second = self.drafts[ka], self.drafts[kb]
            if first.type not in {"location", "facility"}:
                continue
            second.spans.remove(b)
            first.spans.append(b)
            for t in self.tokens_in(b.start, b.end):
                self.token_entity[t.i] = ka
            if not second.spans:
                del self.drafts[kb]
                self.order.remove(kb)

    # -- look-ups -------------------------------------------------------------------------

    def tokens_in(self, start: int, end: int) -> list[Token]:
        from bisect import bisect_left

        starts = self._starts
        i = bisect_left(starts, start)
        return list(self.parse.tokens[i:bisect_left(starts, end, i)])

    def country_of(self, eid: str) -> str | None:
        d = self.drafts.get(eid)
        return d.country if d else None

    def entity_type(self, eid: str) -> str | None:
        d = self.drafts.get(eid)
        return d.type if d else None

    def entities_for(self, events: tuple[Event, ...]) -> tuple[Entity, ...]:
        """Every entity named in the text, plus those an event's roles brought in; ids e1, e2..."""
        used = {eid for v in events for eid in (*v.actor, *v.recipient, v.attribution.source) if eid}
        keys = [k for k in self.order if self.drafts[k].listed or k in used]
        return tuple(
            Entity(id=k, name=d.name, type=d.type, country=d.country, sector=d.sector, kb_id=d.kb_id,
                   wikidata=d.wikidata, mentions=tuple(d.spans), why=d.why)
            for k in keys for d in [self.drafts[k]]
        )

    # -- unknown names --------------------------------------------------------------------

    def _country_of_unknown(self, mention: Mention, etype: str) -> str | None:
        """The state a name the KB does not know belongs to, from its own phrase: "le colonel
        malien X", "British Defence Secretary Tom King", "Norway's foreign minister X"."""
        tokens = self.tokens_in(mention.start, mention.end)
        if not tokens:
            return None
        if etype == "location":
            return self._geocode_country(mention.text)
        inside = {t.i for t in tokens}
        root = next((t for t in tokens if t.head not in inside or t.head == t.i), tokens[0])
        head = root
        all_tokens = self.parse.tokens
        while head.dep in {"appos", "flat", "flat:name", "compound", "nmod"} and head.head != head.i:
            head = all_tokens[head.head]
        candidates = sorted(self._phrase_tokens(head.i, inside), key=lambda t: abs(t.i - root.i))
        candidates = [t for t in candidates if not self._locative(t)]
        for t in candidates:
            eid = self.token_entity.get(t.i)
            if eid and self.drafts[eid].type == "country":
                return self.drafts[eid].country
            if t.dep in {"amod", "compound", "nmod", "nmod:poss", "poss", "flat"} or t.pos == "ADJ":
                iso = self.kb.demonym(t.text, self.lang)
                if iso:
                    return iso
        for m in self._inner_states(mention.start, mention.end):
            return m
        return None

    def _locative(self, t: Token) -> bool:
        """"ambassadeur de France en Afghanistan": where someone serves is not whose they are."""
        return any(c.dep == "case" and c.text.lower() in {"en", "à", "au", "aux", "dans"} for c in self.children(t.i)) \
            or (t.dep == "pobj" and self.parse.tokens[t.head].text.lower() in {"in", "at"})

    def _phrase_tokens(self, i: int, skip: set[int]) -> list[Token]:
        out: list[Token] = []
        stack = [i]
        seen = {i}
        if i not in skip:
            out.append(self.parse.tokens[i])
        while stack and len(out) < 16:
            for c in self.children(stack.pop()):
                if c.i in seen or c.dep in {"acl", "acl:relcl", "relcl", "advcl", "ccomp", "xcomp", "conj",
                                            "punct", "cc", "parataxis"}:
                    continue
                seen.add(c.i)
                if c.i not in skip:
                    out.append(c)
                stack.append(c.i)
        return out

    def _inner_states(self, start: int, end: int):
        for t in self.tokens_in(start, end):
            eid = self.token_entity.get(t.i)
            if eid and self.drafts[eid].type == "country":
                yield self.drafts[eid].country

    def _geocode_country(self, name: str) -> str | None:
        if self.gazetteer is None:
            return None
        from kibaru.geo import GeoContext, geocode

        place = geocode(name, self.gazetteer, GeoContext(countries=tuple(self.document_states())))
        return place.country if place else None

    def document_states(self) -> list[str]:
        """States by how often the text names them, counting the places named in each: the state
        where the events happen is the main one (« les autorités nationales » of a story about
        protests in Chinese cities against Japan are China's)."""
        counts: dict[str, int] = {}
        for d in self.drafts.values():
            if d.type == "country" and d.country:
                counts[d.country] = counts.get(d.country, 0) + len(d.spans)
        for d in self.drafts.values():
            if d.type == "location" and d.country in counts:
                counts[d.country] += len(d.spans)
        return sorted(counts, key=lambda c: -counts[c])

    def children(self, i: int) -> list[Token]:
        try:
            kids = self._kids
        except AttributeError:
            kids = self._children()
        return kids.get(i, [])

    def _children(self) -> dict[int, list[Token]]:
        if not hasattr(self, "_kids"):
            kids: dict[int, list[Token]] = {}
            for t in self.parse.tokens:
                if t.head != t.i:
                    kids.setdefault(t.head, []).append(t)
            self._kids = kids
        return self._kids


def _proper(text: str) -> str:
    """'abdoulaye diop' -> 'Abdoulaye Diop'; mixed-case names are left as written."""
    text = " ".join(text.split())
    if text.islower() or text.isupper() and len(text) > 5:
        return " ".join(w[:1].upper() + w[1:].lower() if len(w) > 2 or i == 0 else w
                        for i, w in enumerate(text.split()))
    return text
