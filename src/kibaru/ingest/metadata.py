"""Metadata a pasted article carries in its own text: title, date, outlet, author, dateline, language.

Works on repaired text (paragraphs separated by ``"\\n\\n"``, see ``repair.py``) and says where the
body is, so that the title line, a "Publié le ..." line, a byline and a closing signature are kept
out of ``Document.text``. A dateline ("BAMAKO, 24 sept (AFP) -") stays in the body: it is part of
the first sentence, and dates in the body may be read against it.

Fields the text does not give are ``None``; nothing is guessed from the file name.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from kibaru.dates.pubdate import find_date, parse_date

_PARAGRAPH = re.compile(r"[^\n]+")
_DASH = r"[-–—]{1,2}"
_CAP_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.]*"
# "BAMAKO, 24 sept (AFP) -", "Damas, Syrie -", "WASHINGTON —": capitalised place words, optional
# ", rest", optional "(agency)", then a dash; a date-first Wikinews dateline is handled by find_date.
_DATELINE = re.compile(
    rf"^(?P<place>{_CAP_WORD}(?:[ -]{_CAP_WORD}){{0,3}})"
    rf"(?:\s*,\s*(?P<rest>[^-–—()\n]{{1,40}}?))?"
    rf"\s*(?:\((?P<agency>[^()\n]{{1,25}})\))?\s*{_DASH}\s+"
)
_INITIAL_GLUED = re.compile(r"\b([A-Z])\.(?=[^\W\d_])")
_NAME_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?")


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the text says about itself; ``body`` is the [start, end) span of the article body."""

    body: tuple[int, int]
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    dateline: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class _Lexicon:
    published_marker: re.Pattern[str]
    byline: re.Pattern[str]
    not_names: frozenset[str]
    particles: frozenset[str]
    languages: tuple[str, ...]
    max_title_words: int
    max_title_chars: int
    max_signature_chars: int
    max_signature_words: int


@cache
def _lexicon() -> _Lexicon:
    raw = json.loads(resources.files(__package__).joinpath("metadata_lexicon.json").read_text("utf-8"))
    markers = "|".join(re.escape(m) for m in sorted(raw["published_markers"], key=len, reverse=True))
    bylines = "|".join(re.escape(m) for m in sorted(raw["byline_markers"], key=len, reverse=True))
    return _Lexicon(
        published_marker=re.compile(rf"(?:^|\s|\|)(?:{markers})\s*:?\s*(?=\S)", re.IGNORECASE),
        byline=re.compile(rf"^(?:{bylines})\s*:?\s+(?P<name>.+)$", re.IGNORECASE),
        not_names=frozenset(raw["not_names"]),
        particles=frozenset(raw["name_particles"]),
        languages=tuple(raw["languages"]),
        max_title_words=raw["max_title_words"],
        max_title_chars=raw["max_title_chars"],
        max_signature_chars=raw["max_signature_chars"],
        max_signature_words=raw["max_signature_words"],
    )


@cache
def language_detector() -> LanguageDetector:
    """The one lingua detector, built on first use: restricting the languages keeps it fast."""
    names = _lexicon().languages
    return LanguageDetectorBuilder.from_languages(*(getattr(Language, n) for n in names)).build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or ``None`` when there is too little text to tell."""
    sample = text[:3000]
    if len(re.findall(r"[^\W\d_]{2,}", sample)) < 3:
        return None
    language = language_detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language is not None else None


def proper_case_name(name: str) -> str:
    """``M.SaNGaRé`` -> ``M. Sangaré``, ``abdoulaye diop`` -> ``Abdoulaye Diop``; ``McCain`` stays."""
    particles = _lexicon().particles
    words = _INITIAL_GLUED.sub(r"\1. ", name).split()
    out = []
    for k, word in enumerate(words):
        # One inner capital is a real name (McCain, DeSantis); more is shouting or a typing slip.
        # An accented inner capital ("MaÏga") is a caps-lock slip: real ones are Mc/De/La-style ASCII.
        inner = [c for c in word[1:] if c.isupper()]
        garbled = word.islower() or len(inner) > 1 or any(not c.isascii() for c in inner)
        if k and word.casefold() in particles:
            out.append(word.casefold())
        elif garbled:
            out.append(re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), word))
        else:
            out.append(word)
    return " ".join(out)


def extract_metadata(text: str, given_title: str | None = None) -> Metadata:
    """Read the header and the signature of repaired ``text`` and locate its body.

    With ``given_title`` (from JSON or HTML input) the first paragraph is taken as the title only
    when it repeats that title: the text of a structured record usually starts with its body.
    """
    lex = _lexicon()
    paras = [(m.start(), m.end(), m.group(0)) for m in _PARAGRAPH.finditer(text)]
    if not paras:
        return Metadata(body=(0, len(text)))
    first, last = 0, len(paras)
    title = published = outlet = author = None

    if len(paras) > 1:
        head = _split_header(paras[0][2], lex)
        if given_title is not None:
            if _squash(head[0]) == _squash(given_title):
                first = 1
                published, outlet = head[1], head[2]
        elif _is_title_like(head[0], lex):
            title, published, outlet = head
            first = 1

    # Further header lines: a date line, a byline.
    while first < last - 1:
        line = paras[first][2]
        if (dated := _date_line(line, lex)) is not None:
            published = published or dated[0]
            outlet = outlet or dated[1]
        elif (byline := lex.byline.match(line)) and _is_name_like(byline.group("name"), lex, marked=True):
            author = author or proper_case_name(byline.group("name"))
        else:
            break
        first += 1

    if last - 1 > first:
        closing = paras[last - 1][2]
        byline = lex.byline.match(closing)
        name = byline.group("name") if byline else closing
        if _is_name_like(name, lex, marked=byline is not None):
            author = proper_case_name(name)
            last -= 1

    body = (paras[first][0], paras[last - 1][1])
    dateline, dateline_date = _dateline(paras[first][2])
    return Metadata(
        body=body,
        title=title,
        published=published or dateline_date,
        outlet=outlet,
        author=author,
        dateline=dateline,
        language=detect_language(text[body[0]:body[1]]),
    )


def _squash(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _split_header(line: str, lex: _Lexicon) -> tuple[str, str | None, str | None]:
    """``"Title Publié le mardi 24 septembre 2024 | Les Echos"`` -> (title, "2024-09-24", outlet)."""
    title, published, outlet = line, None, None
    if "|" in title:
        head, _, tail = title.rpartition("|")
        tail = tail.strip()
        if head.strip() and tail and len(tail.split()) <= 5 and find_date(tail) is None:
            title, outlet = head.strip(), tail
    for marker in lex.published_marker.finditer(title):
        published = parse_date(title[marker.end():])
        if published is not None:
            title = title[: marker.start()].strip()
            break
    return title.strip(" |-–—"), published, outlet


def _is_title_like(text: str, lex: _Lexicon) -> bool:
    return (
        bool(text)
        and len(text) <= lex.max_title_chars
        and len(text.split()) <= lex.max_title_words
        and text[-1] not in ".,;:"
        and bool(re.search(r"[^\W\d_]", text))
    )


def _date_line(line: str, lex: _Lexicon) -> tuple[str, str | None] | None:
    """A paragraph that is only a date (after a marker, with a time or "| Outlet")."""
    rest = line
    if (marker := lex.published_marker.match(rest)) is not None:
        rest = rest[marker.end():]
    found = find_date(rest)
    prefix = rest[: found.start] if found is not None else ""
    if found is None or (prefix.strip(" ,") and not _only_weekday(prefix)):
        return None
    tail = rest[found.end:]
    outlet = None
    if "|" in tail:
        tail, _, outlet_text = tail.partition("|")
        outlet = outlet_text.strip() or None
    tail = re.sub(r"^\W*(?:(?:à|at)\s*)?(?:\d{1,2}\s*[:h]\s*\d{2}\S*)?", "", tail.strip())
    return (found.iso, outlet) if not tail.strip(" .,-–—") else None


def _only_weekday(text: str) -> bool:
    return bool(re.fullmatch(r"\s*[^\W\d_]+\.?,?\s*", text))


def _is_name_like(text: str, lex: _Lexicon, marked: bool = False) -> bool:
    """A short run of name words. Unless a "Par"/"By" marks it, every word must be capitalised
    (particles aside): a closing line such as "Talks resume Monday." is prose, not a signature."""
    text = text.strip()
    if not text or len(text) > lex.max_signature_chars or text.casefold().rstrip(".") in lex.not_names:
        return False
    words = _INITIAL_GLUED.sub(r"\1. ", text).split()
    if not 1 <= len(words) <= lex.max_signature_words:
        return False
    if not all(_NAME_TOKEN.fullmatch(w) for w in words):
        return False
    if words[-1].endswith(".") and len(words[-1]) > 2:
        return False  # a full stop after a whole word ends a sentence; after an initial it does not
    if not any(len(w.rstrip(".")) > 1 for w in words):
        return False
    return marked or all(w[0].isupper() or w.casefold() in lex.particles for w in words)


def _dateline(paragraph: str) -> tuple[str | None, str | None]:
    """The dateline opening the body, and the ISO date it gives (when it has a year)."""
    found = find_date(paragraph[:60])
    if found is not None and found.start <= 12:
        prefix = paragraph[: found.start]
        after = re.match(rf"\s*\.?\s*{_DASH}\s+", paragraph[found.end:])
        if after is not None and (not prefix.strip() or _only_weekday(prefix)):
            return paragraph[: found.end].strip(), found.iso
    m = _DATELINE.match(paragraph)
    if m is None:
        return None, None
    dateline = paragraph[: m.end()].rstrip(" -–—")
    return dateline, parse_date(m.group("rest")) if m.group("rest") else None
