"""The actor knowledge base: load once, then look names, demonyms, offices and phrases up.

    kb = KnowledgeBase.load(settings)
    kb.lookup("Moscou")                       # (Resolution(country:RUS, 'moscou' (capital)),)
    kb.holder("foreign_minister", "RUS", "2024-09-24")          # Entry person:sergei-lavrov
    kb.demonym("maliennes", "fr")             # "MLI"
    kb.template_match("le président malien", "fr", "2012-06-01")  # Dioncounda Traoré, MLI

Every answer carries a ``why`` naming the alias or rule and the entry. The built index is pickled
in ``settings.cache_dir`` under a hash of every KB file, so a changed file rebuilds it.
"""
from __future__ import annotations

import pickle
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kibaru.config import Settings
from kibaru.link.entry import LANGS, Alias, Entry
from kibaru.link.fold import fold, fold_words, is_acronym
from kibaru.link.loader import Sources, fingerprint, read_sources, source_paths
from kibaru.link.phrases import PhraseRule, split_country

_CACHE_VERSION = 1
_MISSING = object()
_MEMO_SIZE = 65536  # per-KB memo of pure look-ups, cleared when full

_RANK = {"name": 0, "alias": 1, "government": 2, "body": 2, "capital": 3, "seat": 3,
         "demonym": 4, "surname": 5}
# "président" names the head of state except where a country has a separate presidency (Iran).
_ROLE_FALLBACK = {"president": "head_of_state"}
_SURNAME_SKIP = frozenset({"jr", "sr", "ii", "iii", "ag", "al", "el", "ben", "bin", "ould", "de"})


@dataclass(frozen=True, slots=True)
class Resolution:
    """One reading of a name: the entry, the KB form it matched, and why."""

    entry: Entry
    alias: str
    kind: str  # name, alias, capital, seat, government, body, demonym, surname
    why: str
    sector: str | None = None  # the entry's, or GOV when a seat or government phrase named the state


@dataclass(frozen=True, slots=True)
class TemplateMatch:
    """A role or state-body phrase read against the KB."""

    phrase: str
    target: str  # "role", "state" or "body"
    code: str  # role code or body kind
    country: str | None
    entry: Entry | None  # the office holder, the state, or the body; None when unknown
    sector: str | None
    why: str


class KnowledgeBase:
    """Entries and their indexes. Build with ``load``; treat as read-only."""

    def __init__(self, sources: Sources):
        self.entries: dict[str, Entry] = {e.id: e for e in sources.entries}
        self.overridden = sources.overridden
        self.rules: tuple[PhraseRule, ...] = sources.roles + sources.bodies
        self._index: dict[str, dict[str, list[tuple[str, Alias]]]] = {l: defaultdict(list) for l in LANGS}
        self._demonyms: dict[str, dict[str, str]] = {l: {} for l in LANGS}
        self._holders: dict[tuple[str, str], list[str]] = defaultdict(list)
        self._cores: dict[str, dict[str, list[PhraseRule]]] = {l: defaultdict(list) for l in LANGS}
        self._build()

    # --- loading -------------------------------------------------------------------------------

    @classmethod
    def load(cls, settings: Settings | None = None, use_cache: bool = True) -> "KnowledgeBase":
        settings = settings or Settings()
        paths = source_paths(settings.user_kb)
        if not use_cache:
            return cls(read_sources(settings.user_kb))
        cache = Path(settings.cache_dir) / f"kb-{_CACHE_VERSION}-{fingerprint(paths)}.pickle"
        if cache.is_file():
            try:
                with cache.open("rb") as handle:
                    kb = pickle.load(handle)
                if isinstance(kb, cls):
                    return kb
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
                pass  # a stale or broken cache is rebuilt below
        kb = cls(read_sources(settings.user_kb))
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            partial = cache.with_suffix(".tmp")
            partial.write_bytes(pickle.dumps(kb, protocol=pickle.HIGHEST_PROTOCOL))
            partial.replace(cache)
        except OSError:
            pass  # an unwritable cache only costs the next start-up its build time
        return kb

    def _build(self) -> None:
        for entry in list(self.entries.values()):
            for alias in entry.aliases:
                self._add(alias, entry.id)
            if entry.type == "person":
                self._add_surname(entry)
            for lang, _form, word in entry.demonyms:
                self._demonyms[lang].setdefault(fold(word), entry.country or "")
            for role in entry.roles:
                self._holders[(role.role, role.country)].append(entry.id)
        for rule in self.rules:
            self._cores[rule.lang][rule.core].append(rule)
        bodies = {(e.country, e.kind): e.id for e in self.entries.values() if e.kind and e.country}
        states = [e for e in self.entries.values() if e.type == "country" and e.demonyms]
        for rule in self.rules:
            if rule.target == "role":
                continue
            for state in states:
                self._expand_body(rule, state, bodies)

    def _add(self, alias: Alias, entry_id: str) -> None:
        key = fold(alias.form)
        if key and (entry_id, alias) not in self._index[alias.lang][key]:
            self._index[alias.lang][key].append((entry_id, alias))

    def _add_surname(self, entry: Entry) -> None:
        words = [w for w in fold_words(entry.name) if w not in _SURNAME_SKIP]
        if len(words) >= 2 and len(words[-1]) >= 3:
            for lang in LANGS:
                self._add(Alias(entry.name.split()[-1], lang, "surname"), entry.id)

    def _expand_body(self, rule: PhraseRule, state: Entry, bodies: dict) -> None:
        for forms in demonym_sets(state, rule.lang):
            surface = rule.expand(forms)
            if surface is not None:
                self._expand_one(rule, state, bodies, surface)

    def _expand_one(self, rule: PhraseRule, state: Entry, bodies: dict, surface: str) -> None:
        if rule.target == "state":
            self._add(Alias(surface, rule.lang, "government"), state.id)
            return
        body_id = bodies.get((state.country, rule.code))
        if body_id is None:
            body_id = f"org:{state.country}-{rule.code.replace('_', '-')}"
            if body_id not in self.entries:
                english = (demonym_sets(state, "en") or [{}])[0]
                name = (rule.name or "{name} " + rule.code).format(
                    name=state.name, adj=english.get("adj", state.name))
                self.entries[body_id] = Entry(
                    id=body_id, name=name, type="organization", country=state.country,
                    sector=rule.sector, kind=rule.code, origin=rule.origin)
                bodies[(state.country, rule.code)] = body_id
        self._add(Alias(surface, rule.lang, "body"), body_id)

    # --- queries -------------------------------------------------------------------------------

    def get(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    def lookup(self, name: str, date: str | None = None, lang: str | None = None) -> tuple[Resolution, ...]:
        """Every entry ``name`` may stand for, best first (by alias kind, then office at ``date``)."""
        key = fold(name)
        langs = (lang,) if lang in LANGS else LANGS
        hits = [hit for l in langs for hit in self._index[l].get(key, ())]
        fallback = ""
        if not hits and lang in LANGS:
            hits = [hit for l in LANGS if l != lang for hit in self._index[l].get(key, ())]
            fallback = ", from the other language"
        if name.islower():  # "un", "us", "au" are words, not UN, US, AU
            hits = [h for h in hits if not is_acronym(h[1].form)]
        out: dict[str, Resolution] = {}
        for entry_id, alias in sorted(hits, key=lambda h: self._rank(h, date)):
            if entry_id in out:
                continue
            entry = self.entries[entry_id]
            sector = "GOV" if alias.kind in ("seat", "government") else entry.sector
            why = f"{alias.lang} {alias.kind} '{alias.form}'{fallback} → {entry_id}"
            if date and entry.roles:
                held = [r.role for r in entry.roles if r.active(date)]
                why += f" ({', '.join(held)} at {date})" if held else f" (no office at {date})"
            out[entry_id] = Resolution(entry, alias.form, alias.kind, why, sector)
        code = self.demonym(name, lang)
        state = self._state(code)
        if state is not None and state.id not in out:
            out[state.id] = Resolution(state, name, "demonym", f"demonym '{fold(name)}' → {state.id}")
        return tuple(out.values())

    def _rank(self, hit: tuple[str, Alias], date: str | None) -> tuple[int, int, str]:
        entry = self.entries[hit[0]]
        in_office = 0 if not entry.roles or any(r.active(date) for r in entry.roles) else 1
        return (_RANK.get(hit[1].kind, 9), in_office if date else 0, entry.id)

    def _state(self, code: str | None) -> Entry | None:
        return self.entries.get(f"country:{code}") if code else None

    def holder(self, role: str, country: str, date: str | None = None) -> Entry | None:
        """Who held ``role`` for ``country`` at ``date`` (ISO; None means now), if the KB knows."""
        if role in _ROLE_FALLBACK and (role, country) not in self._holders:
            role = _ROLE_FALLBACK[role]
        best: tuple[str, Entry] | None = None
        for entry_id in self._holders.get((role, country), ()):
            entry = self.entries.get(entry_id)
            for r in entry.roles if entry else ():
                if r.role == role and r.country == country and r.active(date):
                    if best is None or (r.start or "") > best[0]:
                        best = (r.start or "", entry)
        return best[1] if best else None

    def demonym(self, word: str, lang: str | None = None) -> str | None:
        """The ISO-3 code a demonym names (``russe``, ``maliennes``, ``Ukrainian``), or None."""
        try:
            cache = self._demonym_cache
        except AttributeError:
            cache = self._demonym_cache = {}
        found = cache.get((word, lang), _MISSING)
        if found is not _MISSING:
            return found
        found = None
        key = fold(word)
        for l in ((lang,) if lang in LANGS else LANGS):
            if key in self._demonyms[l]:
                found = self._demonyms[l][key]
                break
        if len(cache) >= _MEMO_SIZE:
            cache.clear()
        cache[(word, lang)] = found
        return found

    def demonym_words(self, lang: str) -> Iterator[tuple[str, str]]:
        """(folded demonym, ISO-3) pairs of ``lang``: "sierra leonean" -> SLE."""
        yield from self._demonyms.get(lang, {}).items()

    def country_code(self, name: str, lang: str | None = None) -> str | None:
        """The ISO-3 code of a state named by name, alias, capital or seat (``Moscou`` → RUS)."""
        for res in self.lookup(name, lang=lang):
            if res.entry.type == "country" and res.kind in ("name", "alias", "capital", "seat"):
                return res.entry.country
        return None

    def _country_by_key(self, key: str) -> str | None:
        """A state from folded words (case is gone, so acronyms such as "us" count here)."""
        for lang in LANGS:
            for entry_id, alias in self._index[lang].get(key, ()):
                entry = self.entries[entry_id]
                if entry.type == "country" and alias.kind in ("name", "alias", "capital", "seat"):
                    return entry.country
        return None

    def template_match(self, phrase: str, lang: str = "fr", date: str | None = None) -> TemplateMatch | None:
        """Read a role or government/body phrase: "le ministre russe des affaires étrangères"."""
        try:
            cache = self._template_cache
        except AttributeError:
            cache = self._template_cache = {}
        key = (phrase, lang, date)
        found = cache.get(key, _MISSING)
        if found is _MISSING:
            if len(cache) >= _MEMO_SIZE:
                cache.clear()
            found = cache[key] = self._template_match(phrase, lang, date)
        return found

    def _template_match(self, phrase: str, lang: str, date: str | None) -> TemplateMatch | None:
        words = fold_words(phrase)
        for core, code, how in split_country(
                words, lambda w: self.demonym(w, lang),
                self._country_by_key):
            for rule in self._cores[lang].get(" ".join(core), ()):
                country = code or rule.country
                if rule.country and code and rule.country != code:
                    continue
                return self._resolve_rule(phrase, rule, country, date, how)
        return None

    def _resolve_rule(self, phrase: str, rule: PhraseRule, country: str | None,
                      date: str | None, how: str) -> TemplateMatch:
        why = f"{rule.origin} '{rule.pattern}' ({rule.code}); country by {how}"
        if rule.target == "role":
            person = self.holder(rule.code, country, date) if country else None
            sector = "MIL" if rule.code == "army_chief" else "GOV"
            if country and person is None:
                why += f"; no {rule.code} of {country} known at {date or 'present'}"
            elif person is not None:
                why += f" → {person.id} at {date or 'present'}"
            return TemplateMatch(phrase, "role", rule.code, country, person, sector, why)
        if rule.target == "state":
            return TemplateMatch(phrase, "state", rule.code, country, self._state(country), rule.sector, why)
        body = next((e for e in self.entries.values()
                     if country and e.country == country and e.kind == rule.code), None)
        return TemplateMatch(phrase, "body", rule.code, country, body,
                             body.sector if body else rule.sector, why)

    def all_aliases(self, lang: str) -> Iterator[tuple[str, str]]:
        """(surface form, entry id) for a PhraseMatcher: names, aliases, capitals, seats and the
        demonym expansions of government and body phrases. Surnames are left out (too ambiguous
        to match on their own); ``lookup`` still finds them."""
        seen: set[tuple[str, str]] = set()
        for hits in self._index[lang].values():
            for entry_id, alias in hits:
                if alias.kind != "surname" and (alias.form, entry_id) not in seen:
                    seen.add((alias.form, entry_id))
                    yield alias.form, entry_id

    def template_phrases(self, lang: str) -> Iterator[tuple[str, str]]:
        """(surface form, code) of role phrases, with each state's demonym where the pattern has a
        slot, and the slot-free phrases: feed them to a matcher, then call ``template_match``."""
        states = [e for e in self.entries.values() if e.type == "country" and e.demonyms]
        for rule in self.rules:
            if rule.lang != lang:
                continue
            if rule.slot is None:
                yield rule.pattern, rule.code
            if rule.target != "role":
                continue
            for state in states:
                for forms in demonym_sets(state, lang):
                    surface = rule.expand(forms)
                    if surface:
                        yield surface, rule.code

    def __len__(self) -> int:
        return len(self.entries)


def demonym_sets(state: Entry, lang: str) -> list[dict[str, str]]:
    """A state's demonym forms in ``lang``, one set per demonym, the current one first: Cambodia
    has {"adj": "Cambodian", "pl": "Cambodians"}, then the older {"adj": "Kampuchean", ...}."""
    sets: list[dict[str, str]] = []
    for lang_, form, word in state.demonyms:
        if lang_ != lang:
            continue
        target = next((s for s in sets if form not in s), None)
        if target is None:
            target = {}
            sets.append(target)
        target[form] = word
    return sets


def count_by_type(kb: KnowledgeBase, generated: bool = False) -> dict[str, int]:
    """Entries per type; ``generated=True`` counts only the bodies built from ``bodies.tsv``."""
    counts: dict[str, int] = defaultdict(int)
    for entry in kb.entries.values():
        if entry.origin.startswith("bodies.tsv") == generated:
            counts[entry.type] += 1
    return dict(sorted(counts.items()))

