"""Repair pasted article text: mojibake, whitespace, hard line breaks, photo credits and captions.

``repair_text`` keeps a map from every character of the repaired text back to the raw text, so
that evidence offsets found downstream can always be shown in the document as it was read.

The steps, in order, each working on lines that carry their own offsets:

1. split the raw text on any line break; in each line normalise whitespace (no-break spaces become
   spaces, runs collapse, invisible format characters go) and repair mojibake with ftfy (one line
   at a time so that a length change stays local and can be aligned with ``difflib``);
2. normalise whitespace again, for what ftfy produced;
3. take photo credits, image markers and the captions that follow them out of the body;
4. re-join lines broken inside a sentence; what remains are paragraphs, separated by ``"\\n\\n"``.

The result is a fixed point: repairing repaired text gives it back unchanged.
"""
from __future__ import annotations

import difflib
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import ftfy

_LINE_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_MAX_PASSES = 3
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Curly quotes are kept: they are the article's own typography and downstream quote detection
# handles both; every other ftfy fix (mojibake, HTML entities, widths, NFC) is wanted.
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=False, explain=False)


@dataclass(frozen=True, slots=True)
class Repaired:
    """Repaired text; ``offsets[i]`` is the index in the raw text of ``text[i]``."""

    text: str
    offsets: tuple[int, ...]
    credits: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    offsets: tuple[int, ...]
    brk: int  # raw index of the line break that ends the line (len(raw) for the last line)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    sentence_final: str
    closing_quotes: str
    opening_quotes: str
    credit_line: tuple[re.Pattern[str], ...]
    credit_inline: re.Pattern[str]
    image_marker: tuple[re.Pattern[str], ...]
    max_credit_chars: int
    max_caption_chars: int
    max_caption_words: int
    continuation_words: frozenset[str]


@cache
def _lexicon() -> _Lexicon:
    raw = json.loads(resources.files(__package__).joinpath("repair_lexicon.json").read_text("utf-8"))

    def compile_all(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in patterns)

    return _Lexicon(
        sentence_final=raw["sentence_final"],
        closing_quotes=raw["closing_quotes"],
        opening_quotes=raw["opening_quotes"],
        credit_line=compile_all(raw["credit_line"]),
        credit_inline=re.compile(raw["credit_inline"], re.IGNORECASE),
        image_marker=compile_all(raw["image_marker"]),
        max_credit_chars=raw["max_credit_chars"],
        max_caption_chars=raw["max_caption_chars"],
        max_caption_words=raw["max_caption_words"],
        continuation_words=frozenset(raw["continuation_words"]),
    )


def fix_mojibake(line: str) -> str:
    """ftfy's repair of one line, as ``repair_text`` applies it (curly quotes kept)."""
    return ftfy.fix_text(line, _FTFY)


def repair_text(raw: str) -> Repaired:
    """Repair ``raw`` (see the module docstring); never raises on any ``str``."""
    fixed: dict[str, str] = {}  # ftfy's repair of each line: later passes mostly see the same lines
    result = _repair_once(raw, fixed)
    # ftfy judges a stretch by its neighbours, and joining lines gives it new neighbours; running
    # again until nothing changes makes the result a fixed point (usually the second run is a no-op).
    for _ in range(_MAX_PASSES - 1):
        again = _repair_once(result.text, fixed)
        if again.text == result.text:
            break
        last = len(raw)
        result = Repaired(
            again.text,
            tuple(result.offsets[i] if i < len(result.offsets) else last for i in again.offsets),
            result.credits + again.credits,
            result.captions + again.captions,
        )
    return result


def _repair_once(raw: str, fixed: dict[str, str]) -> Repaired:
    lex = _lexicon()
    lines = [
        _normalise_spaces(_fix_line(_normalise_spaces(_Line(raw[start:end], tuple(range(start, end)), brk)),
                                    fixed))
        for start, end, brk in _split(raw)
    ]
    content = [line for line in lines if line.text]
    body, credits, captions = _take_boilerplate(content, lex)
    paragraphs = _join_broken_lines(body, lex)
    text: list[str] = []
    offsets: list[int] = []
    for k, para in enumerate(paragraphs):
        if k:
            # The paragraph break points at the raw line break that ended the previous paragraph.
            text.append("\n\n")
            offsets.extend((paragraphs[k - 1].brk,) * 2)
        text.append(para.text)
        offsets.extend(para.offsets)
    return Repaired("".join(text), tuple(offsets), tuple(credits), tuple(captions))


def _split(raw: str) -> list[tuple[int, int, int]]:
    """(start, end, index of the break after) for every raw line."""
    spans = []
    start = 0
    for m in _LINE_BREAK.finditer(raw):
        spans.append((start, m.start(), m.start()))
        start = m.end()
    spans.append((start, len(raw), len(raw)))
    return spans


def _fix_line(line: _Line, memo: dict[str, str] | None = None) -> _Line:
    if memo is None:
        fixed = fix_mojibake(line.text)
    elif (fixed := memo.get(line.text)) is None:
        fixed = memo[line.text] = fix_mojibake(line.text)
    # ftfy may turn a byte sequence into a line break character; a line holds none.
    fixed = _LINE_BREAK.sub(" ", fixed)
    if fixed == line.text:
        return line
    return _Line(fixed, tuple(line.offsets[i] for i in _align(line.text, fixed)), line.brk)


def _align(before: str, after: str) -> list[int]:
    """Index in ``before`` for each char of ``after``: exact where unchanged, spread where changed."""
    offsets: list[int] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            offsets.extend(range(i1, i2))
        elif op in ("replace", "insert"):
            width = max(i2 - i1, 1)
            last = max(min(i1, len(before) - 1), 0)
            for j in range(j2 - j1):
                # Proportional and monotonic: "Ã©" -> "é" points at the "Ã".
                offsets.append(min(i1 + j * width // (j2 - j1), max(i2 - 1, last)))
    return offsets


def _normalise_spaces(line: _Line) -> _Line:
    text = line.text
    # Nothing to do on a line of printable characters (no control, format or separator character
    # but the plain space) with single spaces between words: most lines.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return _Line(text, tuple(line.offsets), line.brk)
    chars: list[str] = []
    offsets: list[int] = []
    for ch, off in zip(line.text, line.offsets):
        cat = unicodedata.category(ch)
        if ch.isspace() or cat == "Zs":
            if chars and chars[-1] != " ":
                chars.append(" ")
                offsets.append(off)
            continue
        # Format and control characters (soft hyphens, zero-width spaces, bidi marks, BOMs) are
        # invisible in the article and only break word matching downstream.
        if cat in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue
        chars.append(ch)
        offsets.append(off)
    if chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    return _Line("".join(chars), tuple(offsets), line.brk)


def _is_credit(text: str, lex: _Lexicon) -> bool:
    return len(text) <= lex.max_credit_chars and any(p.search(text) for p in lex.credit_line)


def _is_caption_like(text: str, lex: _Lexicon) -> bool:
    return (
        len(text) <= lex.max_caption_chars
        and len(text.split()) <= lex.max_caption_words
        and text[-1] not in lex.sentence_final
        and text[-1] not in lex.closing_quotes
        and text[-1] != ","
        and bool(_WORD.search(text))
    )


def _split_inline_credit(text: str, lex: _Lexicon) -> tuple[str, str] | None:
    """``"Putin in Moscow (Photo: AFP)"`` -> (caption, credit), when the line is just that."""
    if len(text) > lex.max_caption_chars + lex.max_credit_chars:
        return None
    m = lex.credit_inline.search(text, 1)
    if m is None:
        return None
    caption = text[: m.start()].rstrip(" -–—|,")
    credit = text[m.start():].strip()
    if caption and _is_caption_like(caption, lex) and _is_credit(credit.lstrip("([ "), lex):
        return caption, credit
    return None


def _take_boilerplate(lines: list[_Line], lex: _Lexicon) -> tuple[list[_Line], list[str], list[str]]:
    """Split credits, image markers and their captions off the body lines."""
    body: list[_Line] = []
    credits: list[str] = []
    captions: list[str] = []
    after_credit = False
    for line in lines:
        text = line.text
        if _is_credit(text, lex):
            credits.append(text)
            after_credit = True
        elif any(p.search(text) for p in lex.image_marker):
            after_credit = True
        elif (split := _split_inline_credit(text, lex)) is not None:
            captions.append(split[0])
            credits.append(split[1])
            after_credit = False
        elif after_credit and _is_caption_like(text, lex):
            captions.append(text)
            after_credit = False
        else:
            body.append(line)
            after_credit = False
    return body, credits, captions


def _ends_sentence(text: str, lex: _Lexicon) -> bool:
    last = text[-1]
    if last in lex.sentence_final:
        return True
    if last in lex.closing_quotes:
        # « ... . » ends a sentence; « ... » followed by more clause (", lit-on") does not.
        inner = text[:-1].rstrip()
        return bool(inner) and inner[-1] in lex.sentence_final
    return False


def _continues(prev: str, nxt: str, lex: _Lexicon) -> bool:
    """Is the break between these two lines a hard break inside one sentence?"""
    if _ends_sentence(prev, lex):
        return False
    first = nxt[0]
    if first.islower():
        return True
    words = _WORD.findall(prev[-30:].casefold())
    dangling = prev[-1] in ",(" or (words and prev[-1].isalpha() and words[-1] in lex.continuation_words)
    # After a comma or a preposition/article the sentence must go on, whatever the next line's case.
    return bool(dangling) and (first.isalnum() or first in lex.opening_quotes)


def _join_broken_lines(lines: list[_Line], lex: _Lexicon) -> list[_Line]:
    paragraphs: list[_Line] = []
    for line in lines:
        if paragraphs and _continues(paragraphs[-1].text, line.text, lex):
            prev = paragraphs[-1]
            # A word cut at a hyphen ("Keita-" / "senou") is glued back; anything else gets a space.
            glue = "" if len(prev.text) > 1 and prev.text[-1] == "-" and prev.text[-2].isalpha() else " "
            paragraphs[-1] = _Line(
                prev.text + glue + line.text,
                prev.offsets + (prev.brk,) * len(glue) + line.offsets,
                line.brk,
            )
        else:
            paragraphs.append(line)
    return paragraphs
