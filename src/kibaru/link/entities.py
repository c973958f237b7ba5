"""Mentions -> entities: KB alias matching, NER names, metonymy, surname coreference, grouping.

One entity per real-world referent per document. Names come from two sources: the knowledge base's
aliases matched over the folded words of the text (case- and accent-insensitive), and spaCy's NER.
A capital that acts ("Moscou a affirmé") is its state; one after a locative preposition ("à
Bamako") stays a place. A surname alone joins the full name met before it.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from kibaru.link.fold import fold, fold_words, is_acronym
from kibaru.link.linked import LinkedDocument
from kibaru.link.wordlists import folded_words
from kibaru.model import Mention, Parse

_WORD = re.compile(r"\w+", re.UNICODE)
_MAX_ALIAS_WORDS = 9

# NER label -> entity type for names the KB does not know. Labels not here are dropped (MISC,
# NORP, dates, numbers): a record lists referents that can act, suffer, host or speak.
_NER_TYPES = {
    "PER": "person", "PERSON": "person",
    "LOC": "location", "GPE": "location", "FAC": "facility",
    "ORG": "organization",
}
_LOCATIVE = frozenset({
    "à", "a", "dans", "vers", "près", "depuis", "sur", "in", "at", "near", "outside", "inside",
    "around", "across", "into", "to", "from", "toward", "towards", "en",
})
# Words that head an organisation's name, first (French) or last (English)
_ORGANISATION_HEADS = frozenset({
    "association", "union", "party", "council", "committee", "commission", "front", "movement",
    "league", "federation", "confederation", "congress", "alliance", "society", "syndicate",
    "chamber", "coalition", "organisation", "organization", "institute", "foundation", "network",
    "forum", "platform", "rally", "parti", "conseil", "comite", "mouvement", "ligue", "federation",
    "confederation", "congres", "societe", "syndicat", "chambre", "institut", "fondation", "reseau",
    "plateforme", "collectif", "rassemblement", "barreau",
})
_GROUP_TYPES = frozenset({"organization", "armed_group", "igo", "media"})
_PLACE_HEADS = frozenset({"ville", "city", "capitale", "capital", "région", "region", "province",
                          "town", "village", "quartier", "aéroport", "airport"})


@dataclass(frozen=True, slots=True)
class AliasMatch:
    start: int
    end: int
    entry_id: str
    alias: str


@dataclass
class Linker:
    """Built once per process: the KB's alias index over folded word sequences."""

    kb: object
    gazetteer: object | None = None
    index: dict[str, str] = field(default_factory=dict)
    acronyms: set[str] = field(default_factory=set)
    starts: dict[str, int] = field(default_factory=dict)  # first word of an alias -> its most words
    demonyms: set[str] = field(default_factory=set)  # demonyms of several words, matched capitalised
    facility_heads: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        for lang in ("fr", "en"):
            for surface, entry_id in self.kb.all_aliases(lang):
                key = fold(surface)
                if key and len(key.split()) <= _MAX_ALIAS_WORDS:
                    self.index.setdefault(key, entry_id)
                    first, n = key.split()[0], len(key.split())
                    self.starts[first] = max(self.starts.get(first, 0), n)
                    if is_acronym(surface):
                        self.acronyms.add(key)
        # "Sierra Leonean", "South African": a demonym of several words is not found word by word
        for lang in ("fr", "en"):
            for word, iso in self.kb.demonym_words(lang):
                key = " ".join(fold_words(word))
                if iso and len(key.split()) >= 2 and key not in self.index and self.kb.get(f"country:{iso}"):
                    self.index[key] = f"country:{iso}"
                    self.demonyms.add(key)
                    first = key.split()[0]
                    self.starts[first] = max(self.starts.get(first, 0), len(key.split()))
        self.facility_heads = folded_words("facility_heads.txt")

    # -- public ---------------------------------------------------------------------------

    def link(self, parse: Parse) -> LinkedDocument:
        doc = parse.document
        linked = LinkedDocument(parse, self.kb, self.gazetteer)
        matches = self.match_aliases(doc.text)
        facilities = [m for m in parse.mentions if self._facility_name(m)]
        # a person's name inside a facility's name ("l'aéroport ... Modibo Keita") names the facility
        matches = [m for m in matches if not (self.kb.get(m.entry_id) and self.kb.get(m.entry_id).type == "person"
                                              and any(f.start <= m.start and m.end <= f.end for f in facilities))]
        named_orgs, matches = self._organisations_named_by_state(parse, matches, doc.text)
        matches, abbreviations = self._abbreviations(parse, matches, doc.text)
        covered: list[tuple[int, int]] = [(start, end) for start, end, _ in abbreviations]
        for mention, entry in named_orgs:
            key = linked.add_unknown(mention, "organization")
            draft = linked.drafts[key]
            if draft.country is None:
                draft.country = entry.country
                draft.why += f"; a named organisation of {entry.country} ({entry.name!r} in its name)"
            covered.append((mention.start, mention.end))
        for f in facilities:
            if not _overlaps(f, [(m.start, m.end) for m in matches]):
                linked.add_unknown(f, "facility")
                covered.append((f.start, f.end))
        for m in matches:
            entry = self.kb.get(m.entry_id)
            if entry is None:
                continue
            if entry.type == "country" and _CURRENCY.match(doc.text, m.end):
                covered.append((m.start, m.end))  # "US $50 million", "U.S. dollars": money, not a party
                continue
            if entry.type == "country" and _inside_region_name(parse, m):
                continue  # "Northern Ireland": a region whose name holds a state's, left to the gazetteer
            if entry.type == "country" and self._is_place_use(parse, m, doc.text):
                linked.add_place(m.start, m.end, entry)
            else:
                linked.add_kb(m.start, m.end, entry, f"alias {m.alias!r} -> {entry.id}")
            covered.append((m.start, m.end))
        acronyms: dict[str, str] = {}  # an unknown acronym defined in brackets -> the entity it abbreviates
        overlaps = _overlap_test(covered)
        for mention in parse.mentions:
            if overlaps(mention):
                continue
            mention = _trim(mention, doc.text)
            if mention is None:
                continue
            if (key := self._bracketed_acronym(linked, mention, acronyms)) is not None:
                linked._mention(linked.drafts[key], mention.start, mention.end)
                continue
            self._add_ner(linked, mention)
        self._headed_places(linked)
        for start, end, name_end in abbreviations:
            key = next((k for k in linked.order for sp in linked.drafts[k].spans
                        if sp.start < name_end <= sp.end), None)
            if key is not None:
                linked._mention(linked.drafts[key], start, end)
        linked.finish()
        return linked

    def match_aliases(self, text: str) -> list[AliasMatch]:
        """Longest KB alias matches over the folded words of ``text``, left to right."""
        words = [(m.start(), m.end(), _fold_word(m.group())) for m in _WORD.finditer(text)]
        out: list[AliasMatch] = []
        i = 0
        while i < len(words):
            hit = None
            longest = self.starts.get(words[i][2], 0)  # most words start no alias: skip them at once
            for n in range(min(longest, len(words) - i), 0, -1):
                key = " ".join(w[2] for w in words[i:i + n] if w[2])
                entry_id = self.index.get(key)
                surface = text[words[i][0]:words[i + n - 1][1]]
                if entry_id and _plausible(surface, n, entry_id) and (
                        key not in self.acronyms or _acronym_case(surface)) and (
                        key not in self.demonyms or surface[:1].isupper()):
                    hit = AliasMatch(words[i][0], words[i + n - 1][1], entry_id, key)
                    break
            if hit is None:
                i += 1
                continue
            out.append(hit)
            if hit.entry_id.startswith("person:") and n > 2:
                out.extend(self._inner(text, words[i + 1:i + n]))
            i += n
        return out

    def _inner(self, text: str, words: list[tuple[int, int, str]]) -> list[AliasMatch]:
        """"la procureure de la Cour pénale internationale": the court inside a role alias."""
        for a in range(len(words)):
            for b in range(len(words), a, -1):
                key = " ".join(w[2] for w in words[a:b])
                entry_id = self.index.get(key)
                if entry_id and not entry_id.startswith("person:") and (b - a > 1 or key not in self.acronyms):
                    return [AliasMatch(words[a][0], words[b - 1][1], entry_id, key)]
        return []

    # -- helpers --------------------------------------------------------------------------

    def _organisations_named_by_state(self, parse: Parse, matches: list[AliasMatch], text: str):
        """"the Montenegro Municipality Association", "Union des travailleurs du Mali": an
        organisation NER finds whose name holds a state's name (not after "in") and is headed by
        an organisation word is that state's organisation; the state inside is not named apart."""
        found = []
        for mention in parse.mentions:
            if mention.label != "ORG":
                continue
            mention = _trim(mention, text)
            if mention is None:
                continue
            inner = [m for m in matches if mention.start <= m.start and m.end <= mention.end]
            if len(inner) != 1 or (inner[0].start, inner[0].end) == (mention.start, mention.end):
                continue
            if any(m.start < mention.end and mention.start < m.end for m in matches if m not in inner):
                continue
            entry = self.kb.get(inner[0].entry_id)
            words = fold_words(mention.text)
            before = fold_words(text[mention.start:inner[0].start])
            if (entry is None or entry.type != "country" or not words
                    or not ({words[0], words[-1]} & _ORGANISATION_HEADS)
                    or (before and before[-1] in _LOCATIVE)):
                continue
            found.append((mention, entry))
            matches = [m for m in matches if m is not inner[0]]
        return found, matches

    def _abbreviations(self, parse: Parse, matches: list[AliasMatch], text: str):
        """"the Montenegro Municipality Association (AKK)": an acronym in brackets right after an
        organisation's name abbreviates that name, whatever else the KB knows by those letters.
        Returns the matches left and (start, end, end of the name) of each such acronym."""
        names = [(m.start, m.end, m.entry_id) for m in matches] + [
            (m.start, m.end, None) for m in parse.mentions if m.label == "ORG"]
        defined: dict[str, int] = {}  # acronym -> end of the name it abbreviates
        for m in matches:
            entry = self.kb.get(m.entry_id)
            if (m.alias in self.acronyms and text[m.end:m.end + 1] == ")"
                    and text[:m.start].rstrip().endswith("(")):
                gap = len(text[:m.start].rstrip()) - 1
                before = [n for n in names if n[1] <= gap and not text[n[1]:gap].strip()]
                name = max(before, key=lambda n: n[1], default=None)
                if name is not None and name[2] != m.entry_id and (
                        name[2] is None or self.kb.get(name[2]).type not in {"person", "country"}) and (
                        entry is None or entry.type != "country"):
                    defined.setdefault(m.alias, name[1])
        # once defined, the acronym keeps that sense through the document
        kept = [m for m in matches if m.alias not in defined]
        out = [(m.start, m.end, defined[m.alias]) for m in matches if m.alias in defined]
        return kept, out

    def _bracketed_acronym(self, linked: LinkedDocument, mention: Mention, acronyms: dict[str, str]) -> str | None:
        """"the Nigerian Union of Teachers (NUT)": an acronym the KB does not know, in brackets
        right after an organisation's name, is that organisation, here and further on."""
        if not is_acronym(mention.text) or self.kb.lookup(mention.text, lang=linked.lang):
            return None
        key = fold(mention.text)
        text = linked.parse.document.text
        if key not in acronyms and text[mention.end:mention.end + 1] == ")" \
                and text[:mention.start].rstrip().endswith("("):
            gap = len(text[:mention.start].rstrip()) - 1
            named = next((k for k in reversed(linked.order) for sp in linked.drafts[k].spans
                          if sp.end <= gap and not text[sp.end:gap].strip()), None)
            if named is not None and linked.drafts[named].type in _GROUP_TYPES:
                acronyms[key] = named
        return acronyms.get(key)

    def _is_place_use(self, parse: Parse, m: AliasMatch, text: str) -> bool:
        """A capital or city after a locative preposition, or heading 'la ville de', is a place.

        Country names themselves ("au Mali") stay the state: the gold reading and PLOVER code a
        state named as a setting as that state.
        """
        kinds = {r.kind for r in self.kb.lookup(text[m.start:m.end]) if r.entry.id == m.entry_id}
        if not kinds or not kinds <= {"capital", "seat"}:
            return False
        start = m.start
        before = parse.tokens_before(start, 2)
        if not before:
            return False
        last = before[-1].text.lower()
        if last in _LOCATIVE:
            return True
        if last in {"de", "of", "d'"} and len(before) == 2 and before[0].lemma.lower() in _PLACE_HEADS:
            return True
        # "la capitale Beijing", "the city of Kyiv"
        return before[-1].lemma.lower() in _PLACE_HEADS

    def _facility_name(self, mention: Mention) -> bool:
        """"l'aéroport international Président Modibo Keita-senou": a facility noun heads the name."""
        words = fold_words(mention.text)
        return bool(words) and words[0] in self.facility_heads and len(words) >= 2

    def _add_ner(self, linked: LinkedDocument, mention: Mention) -> None:
        etype = _NER_TYPES.get(mention.label)
        if _EQUIPMENT.match(mention.text):
            linked.add_unknown(mention, "equipment")
            return
        resolutions = self.kb.lookup(mention.text, date=linked.date, lang=linked.lang)
        if resolutions:
            entry = resolutions[0].entry
            linked.add_kb(mention.start, mention.end, entry, resolutions[0].why)
            return
        if etype is None or self._not_a_name(linked, mention):
            return
        if etype == "person" and linked.join_surname(mention):
            return
        if etype in {"person", "organization"} and self._place_named(linked, mention):
            etype = "location"
        elif not _looks_like_name(mention.text):
            return
        key = linked.add_unknown(mention, etype)
        draft = linked.drafts[key]
        if etype == "organization" and draft.country is None and (iso := self._demonym_in_name(linked, mention)):
            draft.country = iso
            draft.why += f"; a named organisation of {iso} (its name holds the demonym)"

    def _demonym_in_name(self, linked: LinkedDocument, mention: Mention) -> str | None:
        """"the Nigerian Union of Teachers", "Union nationale des travailleurs maliens": an
        organisation's name headed by an organisation word and holding a state's demonym."""
        words = fold_words(mention.text)
        if not words or not ({words[0], words[-1]} & _ORGANISATION_HEADS) and not (
                len(words) > 1 and words[1] in _ORGANISATION_HEADS):
            return None
        found = {iso for w in mention.text.replace("-", " ").split()
                 if (iso := self.kb.demonym(w.strip(",.'’()"), linked.lang))}
        return found.pop() if len(found) == 1 else None

    def _not_a_name(self, linked: LinkedDocument, mention: Mention) -> bool:
        """NER noise: a lone capitalised word opening a sentence or a quotation ("Suffice to
        say"), or the last word of a title ("Secretary of State", "ministre d'État")."""
        tokens = linked.tokens_in(mention.start, mention.end)
        if len(tokens) != 1:
            return False
        sentence = linked.parse.sentences[tokens[0].sent]
        before = [t for t in linked.parse.tokens[sentence.first:tokens[0].i] if t.pos != "PUNCT"]
        if not before and tokens[0].pos not in {"PROPN"}:
            return True
        window = linked.parse.document.text[linked.parse.tokens[max(0, tokens[0].i - 2)].start:mention.end]
        match = self.kb.template_match(window, linked.lang, linked.date)
        return match is not None and match.target == "role"

    def _headed_places(self, linked: LinkedDocument) -> None:
        """"the Somali city of Beledweyne", « la ville de Ménaka »: a name NER missed after a place
        noun and "of"/"de" is a place when the gazetteer knows it in one of the document's states."""
        if self.gazetteer is None:
            return
        tokens = linked.parse.tokens
        text = linked.parse.document.text
        states = set(linked.document_states())
        for t in tokens:
            if t.pos != "PROPN" or t.i in linked.token_entity or t.i < 2 or not t.text[:1].isupper():
                continue
            if tokens[t.i - 1].text.lower() not in {"of", "de", "d'", "d’"} \
                    or tokens[t.i - 2].lemma.lower() not in _PLACE_HEADS:
                continue
            end = t.i
            while end + 1 < len(tokens) and tokens[end + 1].pos == "PROPN" and tokens[end + 1].sent == t.sent \
                    and tokens[end + 1].i not in linked.token_entity and tokens[end + 1].start - tokens[end].end <= 1:
                end += 1
            start_char, end_char = t.start, tokens[end].end
            surface = text[start_char:end_char]
            if any(c.country in states for c in self.gazetteer.candidates(surface)):
                linked.add_unknown(Mention(start_char, end_char, surface, "GPE", t.sent), "location")

    def _place_named(self, linked: LinkedDocument, mention: Mention) -> bool:
        """NER calls some towns people or organisations ("l'école de Faladiè", "bataille de
        tinzaouatène"): after "de"/"à"/"of"/"in", a name the gazetteer places in one of the
        document's states is a place."""
        if self.gazetteer is None:
            return False
        before = linked.parse.tokens_before(mention.start, 1)
        if not before or before[0].text.lower() not in _LOCATIVE | {"de", "d'", "d’", "of"}:
            return False
        states = set(linked.document_states())
        return any(c.country in states for c in self.gazetteer.candidates(mention.text))


# What follows a state's name when it only qualifies a currency: "US $50 million", "U.S. dollars"
_CURRENCY = re.compile(r"\.?\s?(?:\$|(?i:dollars?)\b)")
# "IL-76", "Su-25", "MiG-29", "F-16", "T-72": a model designation (not "G7" or "P5")
_EQUIPMENT = re.compile(r"^[A-Z][A-Za-z]{0,3}[- ]\d{1,4}[A-Z]{0,2}$")


_COMPASS = frozenset({"Northern", "Southern", "Eastern", "Western"})
_FRENCH_COMPASS = re.compile(r" du (?:Nord|Sud)\b")


def _inside_region_name(parse: Parse, m) -> bool:
    """A state's name after a capitalised compass adjective inside one NER place name
    ("Northern Ireland"), a region of another state, not the state named."""
    text = parse.document.text
    before = parse.tokens_before(m.start, 1)
    if before and before[-1].text in _COMPASS:
        start, end = before[-1].start, m.end
    elif (after := _FRENCH_COMPASS.match(text, m.end)) is not None:  # « Irlande du Nord »
        start, end = m.start, after.end()
    else:
        return False
    return any(x.start <= start and end <= x.end for x in parse.mentions)


@functools.lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    """One word folded as aliases are (news repeats its words: fold each once)."""
    return fold(word)


def _acronym_case(surface: str) -> bool:
    """"AES", "aEs", "CsP", "G7", "M23" read as acronyms; "Un", "Au", "us" are words."""
    letters = [c for c in surface if c.isalpha()]
    return any(c.isupper() for c in letters) and (surface != surface.capitalize()
                                                  or any(c.isdigit() for c in surface))


def _overlap_test(spans: list[tuple[int, int]]):
    """``_overlaps`` against fixed spans, by binary search: spans sorted by start, with the
    furthest end reached by any span starting at or before each."""
    from bisect import bisect_left

    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach: list[int] = []
    furthest = None
    for _, e in ordered:
        furthest = e if furthest is None or e > furthest else furthest
        reach.append(furthest)

    def overlaps(mention: Mention) -> bool:
        k = bisect_left(starts, mention.end)  # the spans that start before the mention ends
        return k > 0 and reach[k - 1] > mention.start

    return overlaps


def _overlaps(mention: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(mention.start < e and s < mention.end for s, e in spans)


def _trim(mention: Mention, text: str) -> Mention | None:
    """Drop leading articles and trailing punctuation that NER sometimes takes in."""
    start, end = mention.start, mention.end
    span = text[start:end]
    m = re.match(r"(?i)(?:les?\s+|la\s+|l['’]\s*|the\s+|d['’]\s*)", span)
    if m and m.end() < len(span):
        start += m.end()
    while end > start and not text[end - 1].isalnum():
        end -= 1
    if re.search(r"['’][sS]$", text[start:end]):  # "Moussa Traoré's release": the possessive is no part of the name
        end -= 2
        while end > start and not text[end - 1].isalnum():
            end -= 1
    if end - start < 2:
        return None
    return Mention(start, end, text[start:end], mention.label, mention.sentence, mention.kb_id, mention.rule)


def _plausible(surface: str, n_words: int, entry_id: str) -> bool:
    """A KB alias in running text: capitalised somewhere, or several words ("abdoulaye diop",
    "armée française", "autorités maliennes")."""
    return n_words >= 2 or any(c.isupper() for c in surface)


def _looks_like_name(text: str) -> bool:
    words = fold_words(text)
    if not words or all(w.isdigit() for w in words):
        return False
    return any(c.isupper() for c in text) or len(words) >= 2
