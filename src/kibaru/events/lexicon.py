"""Trigger and cue lexicons for PLOVER event extraction, loaded from the TSV files in ``lexicons/``.

Trigger files (``triggers_{lang}.tsv``) have a header and these tab-separated columns:

    lemma     spaCy lemma; for an MWE, space-separated lemmas matched in order (unlisted determiners,
              possessives, adpositions, adverbs and punctuation between them may be skipped)
    pos       VERB, NOUN or MWE (MWE iff the lemma has a space)
    type      one of the 16 PLOVER types
    mode      a PLOVER mode valid for the type (``spec/plover.md``), or empty
    context   comma-separated PLOVER contexts, or empty
    requires  comma-separated constraints, all of which must hold, or empty:
                obj:L1|L2   the direct object (for a NOUN: its de/of complement) has one of these lemmas
                prep:P1|P2  a dependent introduced by one of these prepositions
                pobj:L1|L2  a dependent introduced by a preposition (one of prep's, where the entry
                            has prep) has one of these lemmas: "agree with the proposal"
                subj:L1|L2  the subject has one of these lemmas
                refl        pronominal use (se/s', oneself)
                clitic:C    a clitic (French ``en``, ``y``) on the verb
                noobj       no direct object (a date the parser reads as one aside): « ont
                            manifesté à Bamako » demonstrates, « ont manifesté leur force » shows
    flag      a flag the trigger itself implies: future, negated, hypothetical, historical, or empty
    roles     comma-separated ``dep=role`` (role: actor, recipient, none), e.g. ``subj=recipient,obj=actor``;
              dep is subj, subjpass, obj, iobj, obl, obl:PREP, nmod, nmod:PREP or poss; empty =
              ``DEFAULT_ROLES[pos]``. ``subjpass=actor`` reads a stative participle: "Israel is
              opposed to X", "Vietnam is committed to reform" (the subject holds the stance)
    weight    confidence 0.5-1.0
    note      short gloss

Cue files (``cues_{lang}.tsv``): ``cue`` (a lemma or space-separated lemma phrase), ``kind`` (see
``CUE_KINDS``), ``note``. Lines starting with ``#`` and blank lines are ignored everywhere.

Any invalid line raises :class:`kibaru.errors.DataError` naming the file and line number.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from kibaru.errors import DataError

LEXICON_DIR = Path(__file__).parent / "lexicons"
LANGUAGES = ("fr", "en")

PLOVER_MODES: dict[str, frozenset[str]] = {
    "AGREE": frozenset(),
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "SUPPORT": frozenset(),
    "CONCEDE": frozenset(),
    "COOPERATE": frozenset(),
    "AID": frozenset(),
    "RETREAT": frozenset({"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "THREATEN": frozenset({"restrict", "arrest", "relations", "expel", "territory", "violence"}),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset({"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
                         "withhold", "misinformation", "cyber"}),
    "ASSAULT": frozenset({"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
                          "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
                          "crowd-control", "unconventional"}),
}
PLOVER_TYPES = tuple(PLOVER_MODES)

# kibaru's working list of PLOVER contexts used by the lexicons (the kind of aid goes here too).
CONTEXTS = frozenset({
    "political", "military", "economic", "diplomatic", "legal", "humanitarian", "human_rights",
    "terrorism", "cyber", "elections", "crime", "corruption", "migration", "asylum", "health",
    "environment", "religious", "territory", "intelligence", "peacekeeping", "nuclear", "energy",
    "media", "labor",
})
POS_VALUES = frozenset({"VERB", "NOUN", "MWE"})
FLAGS = frozenset({"future", "negated", "hypothetical", "historical"})
ROLE_VALUES = frozenset({"actor", "recipient", "none"})
ROLE_DEPS = frozenset({"subj", "subjpass", "obj", "iobj", "obl", "nmod", "poss"})
REQUIRE_KINDS = frozenset({"obj", "prep", "pobj", "subj", "refl", "clitic", "noobj"})
_NO_KINDS: frozenset[str] = frozenset()
_BARE_REQUIRES = frozenset({"refl", "noobj"})
CUE_KINDS = frozenset({"negation", "hypothetical", "future", "historical", "speech", "source_prep",
                       "quote_intro", "obligation", "willingness", "background",
                       "clause_complement", "means", "opinion", "absence"})

_VERB_DEFAULT = (("subj", "actor"), ("obj", "recipient"), ("obl", "recipient"))
_NOUN_DEFAULT = (("poss", "actor"), ("nmod", "recipient"))
DEFAULT_ROLES: dict[str, tuple[tuple[str, str], ...]] = {
    "VERB": _VERB_DEFAULT,
    "NOUN": _NOUN_DEFAULT,
    "MWE": _VERB_DEFAULT + _NOUN_DEFAULT,
}

TRIGGER_COLUMNS = ("lemma", "pos", "type", "mode", "context", "requires", "flag", "roles", "weight", "note")
CUE_COLUMNS = ("cue", "kind", "note")


@dataclass(frozen=True)
class Requirement:
    kind: str                       # obj | prep | subj | refl | clitic | noobj
    values: tuple[str, ...] = ()    # lemmas / prepositions; empty for refl and noobj


@dataclass(frozen=True)
class Trigger:
    lemma: str
    lemmas: tuple[str, ...]
    pos: str
    type: str
    mode: str | None
    context: tuple[str, ...]
    requires: tuple[Requirement, ...]
    flag: str | None
    roles: tuple[tuple[str, str], ...]
    weight: float
    note: str
    source: str = ""                # "file:line", for messages

    @property
    def is_mwe(self) -> bool:
        return self.pos == "MWE"

    def role_for(self, dep: str) -> str | None:
        """Role of a dependent (``obl:avec``, ``nmod:de``, ``subj``...): the most specific match wins."""
        table = dict(self.roles)
        if dep in table:
            return table[dep]
        base = dep.split(":", 1)[0]
        return table.get(base)

    def requirement(self, kind: str) -> Requirement | None:
        for r in self.requires:
            if r.kind == kind:
                return r
        return None


@dataclass(frozen=True)
class Cue:
    cue: str
    words: tuple[str, ...]
    kind: str
    note: str


class TriggerLexicon:
    def __init__(self, lang: str, triggers: tuple[Trigger, ...]):
        self.lang = lang
        self.triggers = triggers
        single: dict[str, list[Trigger]] = {}
        mwe: dict[str, list[Trigger]] = {}
        for t in triggers:
            (mwe if t.is_mwe else single).setdefault(t.lemmas[0], []).append(t)
        self._single = {k: tuple(v) for k, v in single.items()}
        # longest expressions first, so a matcher can take the first that fits
        self._mwe = {k: tuple(sorted(v, key=lambda t: -len(t.lemmas))) for k, v in mwe.items()}

    def __len__(self) -> int:
        return len(self.triggers)

    def __iter__(self):
        return iter(self.triggers)

    def by_lemma(self, lemma: str, pos: str | None = None) -> tuple[Trigger, ...]:
        """Single-word triggers for a lemma (optionally only VERB or NOUN)."""
        found = self._single.get(lemma.lower(), ())
        return found if pos is None else tuple(t for t in found if t.pos == pos)

    def mwes_starting_with(self, lemma: str) -> tuple[Trigger, ...]:
        """Multi-word triggers whose first lemma is ``lemma``, longest first."""
        return self._mwe.get(lemma.lower(), ())

    def by_type(self, event_type: str) -> tuple[Trigger, ...]:
        return tuple(t for t in self.triggers if t.type == event_type)


class CueLexicon:
    def __init__(self, lang: str, cues: tuple[Cue, ...]):
        self.lang = lang
        self.cues = cues
        kinds: dict[str, set[str]] = {}
        starts: dict[str, list[Cue]] = {}
        for c in cues:
            kinds.setdefault(c.cue, set()).add(c.kind)
            if len(c.words) > 1:
                starts.setdefault(c.words[0], []).append(c)
        self._kinds = {k: frozenset(v) for k, v in kinds.items()}
        self._starts = {k: tuple(sorted(v, key=lambda c: -len(c.words))) for k, v in starts.items()}

    def __len__(self) -> int:
        return len(self.cues)

    def kinds(self, lemma_or_phrase: str) -> frozenset[str]:
        try:
            return self._kinds_memo[lemma_or_phrase]
        except KeyError:
            if len(self._kinds_memo) >= 65536:
                self._kinds_memo.clear()
            found = self._kinds_memo[lemma_or_phrase] = self._kinds.get(
                " ".join(lemma_or_phrase.lower().split()), _NO_KINDS)
            return found
        except AttributeError:
            self._kinds_memo = {}
            return self.kinds(lemma_or_phrase)

    def verb_kinds(self, token) -> frozenset[str]:
        """The kinds of a verb's lemma, or where the parser left a French verb's form as its lemma
        (« indique » for *indiquer*), of the infinitive its form points to."""
        found = self.kinds(token.lemma)
        if found or self.lang != "fr" or token.pos not in {"VERB", "AUX"}:
            return found
        for lemma in _infinitives(token.lemma.lower(), token.text.lower()):
            found = self.kinds(lemma)
            if found:
                return found
        return frozenset()

    def of_kind(self, kind: str) -> tuple[Cue, ...]:
        return tuple(c for c in self.cues if c.kind == kind)

    def phrases_starting_with(self, word: str) -> tuple[Cue, ...]:
        """Multi-word cues whose first word is ``word``, longest first."""
        return self._starts.get(word.lower(), ())


# first-group endings of a French verb form, and what replaces them in the infinitive
_FR_ENDINGS = (("ées", "er"), ("és", "er"), ("ée", "er"), ("é", "er"), ("ent", "er"), ("es", "er"),
               ("e", "er"))


def _infinitives(*forms: str) -> list[str]:
    """The first-group infinitives a French verb form may come from: « indique », « indiquent »,
    « indiqué » -> *indiquer*. Only a form ending in a first-group ending is read."""
    out: list[str] = []
    for form in forms:
        for ending, infinitive in _FR_ENDINGS:
            if form.endswith(ending) and len(form) > len(ending) + 2:
                out.append(form[: -len(ending)] + infinitive)
                break
    return out


# ---------------------------------------------------------------- parsing

def _rows(path: Path, columns: tuple[str, ...]):
    """Yield (line number, fields) for the data lines of a TSV file, after checking its header."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read lexicon ({exc})") from exc
    header_seen = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if tuple(f.strip() for f in fields) != columns:
                raise DataError(f"{path}:{number}: header must be {' '.join(columns)!r}, got {line!r}")
            header_seen = True
            continue
        if len(fields) != len(columns):
            raise DataError(f"{path}:{number}: expected {len(columns)} tab-separated columns, "
                            f"got {len(fields)}: {line!r}")
        yield number, [f.strip() for f in fields]
    if not header_seen:
        raise DataError(f"{path}: no header line")


def _parse_requires(text: str, where: str) -> tuple[Requirement, ...]:
    out = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        kind, _, value = part.partition(":")
        if kind not in REQUIRE_KINDS:
            raise DataError(f"{where}: unknown constraint {part!r} (known: {', '.join(sorted(REQUIRE_KINDS))})")
        values = tuple(v.strip() for v in value.split("|") if v.strip()) if value else ()
        if kind in _BARE_REQUIRES and values:
            raise DataError(f"{where}: {kind!r} takes no value: {part!r}")
        if kind not in _BARE_REQUIRES and not values:
            raise DataError(f"{where}: constraint {kind!r} needs values, e.g. {kind}:a|b")
        out.append(Requirement(kind, values))
    return tuple(out)


def _parse_roles(text: str, pos: str, where: str) -> tuple[tuple[str, str], ...]:
    if not text:
        return DEFAULT_ROLES[pos]
    out = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        dep, eq, role = part.partition("=")
        dep, role = dep.strip(), role.strip()
        if not eq or dep.split(":", 1)[0] not in ROLE_DEPS or role not in ROLE_VALUES:
            raise DataError(f"{where}: bad role mapping {part!r} (want dep=actor|recipient|none, "
                            f"dep one of {', '.join(sorted(ROLE_DEPS))}[:prep])")
        out.append((dep, role))
    return tuple(out)


def parse_trigger_file(path: Path | str, lang: str = "") -> TriggerLexicon:
    path = Path(path)
    triggers: list[Trigger] = []
    seen: dict[tuple, int] = {}
    for number, f in _rows(path, TRIGGER_COLUMNS):
        where = f"{path}:{number}"
        lemma, pos, etype, mode, context, requires, flag, roles, weight, note = f
        lemma = " ".join(lemma.split())
        if not lemma:
            raise DataError(f"{where}: empty lemma")
        if lemma != lemma.lower():
            raise DataError(f"{where}: lemma {lemma!r} must be lower-case")
        if pos not in POS_VALUES:
            raise DataError(f"{where}: pos {pos!r} not one of {', '.join(sorted(POS_VALUES))}")
        if (pos == "MWE") != (" " in lemma):
            raise DataError(f"{where}: pos MWE is for multi-word lemmas only (lemma {lemma!r}, pos {pos})")
        if etype not in PLOVER_MODES:
            raise DataError(f"{where}: {etype!r} is not a PLOVER event type")
        if mode and mode not in PLOVER_MODES[etype]:
            valid = ", ".join(sorted(PLOVER_MODES[etype])) or "none"
            raise DataError(f"{where}: mode {mode!r} is not valid for {etype} (valid: {valid})")
        contexts = tuple(c.strip() for c in context.split(",") if c.strip())
        for c in contexts:
            if c not in CONTEXTS:
                raise DataError(f"{where}: unknown context {c!r}")
        if flag and flag not in FLAGS:
            raise DataError(f"{where}: flag {flag!r} not one of {', '.join(sorted(FLAGS))}")
        try:
            w = float(weight)
        except ValueError:
            raise DataError(f"{where}: weight {weight!r} is not a number") from None
        if not 0.5 <= w <= 1.0:
            raise DataError(f"{where}: weight {w} outside 0.5-1.0")
        reqs = _parse_requires(requires, where)
        key = (lemma, pos, etype, requires)
        if key in seen:
            raise DataError(f"{where}: duplicate of line {seen[key]} (same lemma, pos, type, requires)")
        seen[key] = number
        triggers.append(Trigger(
            lemma=lemma, lemmas=tuple(lemma.split(" ")), pos=pos, type=etype, mode=mode or None,
            context=contexts, requires=reqs, flag=flag or None,
            roles=_parse_roles(roles, pos, where), weight=w, note=note, source=f"{path.name}:{number}",
        ))
    return TriggerLexicon(lang, tuple(triggers))


def parse_cue_file(path: Path | str, lang: str = "") -> CueLexicon:
    path = Path(path)
    cues: list[Cue] = []
    seen: dict[tuple[str, str], int] = {}
    for number, (cue, kind, note) in _rows(path, CUE_COLUMNS):
        where = f"{path}:{number}"
        cue = " ".join(cue.lower().split())
        if not cue:
            raise DataError(f"{where}: empty cue")
        if kind not in CUE_KINDS:
            raise DataError(f"{where}: cue kind {kind!r} not one of {', '.join(sorted(CUE_KINDS))}")
        if (cue, kind) in seen:
            raise DataError(f"{where}: duplicate of line {seen[(cue, kind)]}")
        seen[(cue, kind)] = number
        cues.append(Cue(cue=cue, words=tuple(cue.split(" ")), kind=kind, note=note))
    return CueLexicon(lang, tuple(cues))


def _check_lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise DataError(f"no lexicon for language {lang!r} (have: {', '.join(LANGUAGES)})")
    return lang


@functools.lru_cache(maxsize=None)
def load_triggers(lang: str, path: Path | str | None = None) -> TriggerLexicon:
    """The trigger lexicon of a language (``fr``/``en``), or of an explicit file; loaded once."""
    if path is None:
        path = LEXICON_DIR / f"triggers_{_check_lang(lang)}.tsv"
    return parse_trigger_file(path, lang)


@functools.lru_cache(maxsize=None)
def load_cues(lang: str, path: Path | str | None = None) -> CueLexicon:
    """The cue lexicon of a language (``fr``/``en``), or of an explicit file; loaded once."""
    if path is None:
        path = LEXICON_DIR / f"cues_{_check_lang(lang)}.tsv"
    return parse_cue_file(path, lang)
