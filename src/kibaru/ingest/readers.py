"""Read files and folders into ``RawDocument``s; a bad input is a ``Failure``, never a crash.

    .txt          raw article text, as pasted
    .html, .htm   a saved article page (selectolax): main text plus meta tags
    .jsonl        one record per line; source "file.jsonl#LINENO"
    .json         one record, or a list of them; source "file.json#N" for the N-th of a list

Records carry ``text`` and optionally ``id, title, published, url, outlet, author, language``.
Folders are walked recursively in sorted order, hidden entries skipped, files with other
extensions ignored; a file named explicitly with an unknown extension is a failure.
"""
from __future__ import annotations

import codecs
import json
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from kibaru.config import Settings
from kibaru.errors import EmptyDocumentError, EncodingError, InputError, MalformedInputError
from kibaru.ingest.webpage import read_html
from kibaru.model import Failure, RawDocument

SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".json")
RECORD_FIELDS = ("id", "title", "published", "url", "outlet", "author", "language")
_STAGE = "read"


def read_paths(paths: Iterable[str | Path], settings: Settings | None = None) -> Iterator[RawDocument | Failure]:
    """Every document under ``paths``, in order; failures are yielded in place of what failed."""
    settings = settings or Settings()
    for path in map(Path, paths):
        if path.is_dir():
            for child in _walk(path):
                yield from _read_file(child, settings)
        elif not path.exists():
            yield Failure(str(path), _STAGE, f"{path}: no such file or folder")
        elif path.suffix.lower() not in SUFFIXES:
            yield Failure(str(path), _STAGE, f"{path}: unsupported file type {path.suffix or '(none)'!r}")
        else:
            yield from _read_file(path, settings)


def _walk(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
        if not hidden and path.is_file() and path.suffix.lower() in SUFFIXES:
            yield path


def _read_file(path: Path, settings: Settings) -> Iterator[RawDocument | Failure]:
    source = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            # Streamed: a corpus file may be far larger than one document may be.
            yield from _read_jsonl(path, settings)
            return
        data = _read_bytes(path, settings)
        if suffix == ".json":
            yield from _read_json(source, data)
        elif suffix in (".html", ".htm"):
            yield _checked(read_html(source, decode_text(source, data)))
        else:
            yield _checked(RawDocument(source=source, text=decode_text(source, data)))
    except InputError as error:
        yield Failure(error.source, _STAGE, str(error))
    except OSError as error:
        yield Failure(source, _STAGE, f"{source}: cannot read ({error.strerror or error})")


def _read_bytes(path: Path, settings: Settings) -> bytes:
    size = path.stat().st_size
    if size > settings.max_document_bytes:
        raise InputError(str(path), f"{size} bytes, over the limit of {settings.max_document_bytes}")
    return path.read_bytes()


def decode_text(source: str, data: bytes) -> str:
    """Bytes to text: UTF-8 (BOM or not), UTF-16 with a BOM, else cp1252 if that reads as text."""
    if not data.strip():
        raise EmptyDocumentError(source, "empty document")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise EncodingError(source, f"invalid UTF-16 ({error.reason})") from error
    if b"\x00" in data:
        raise EncodingError(source, "binary content (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # Old Windows-saved pages are cp1252; accept that reading only when it looks like prose.
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise EncodingError(source, f"neither UTF-8 nor cp1252 ({error.reason} at byte {error.start})") from error
        if not _looks_like_text(text):
            raise EncodingError(source, f"not UTF-8 ({error.reason} at byte {error.start}) and not readable text") from error
    if not _looks_like_text(text):
        raise EncodingError(source, "binary content (mostly control or unprintable characters)")
    return text


def _looks_like_text(text: str) -> bool:
    sample = text[:20000]
    odd = sum(1 for c in sample if unicodedata.category(c) in ("Cc", "Co", "Cn") and c not in "\t\n\r\f")
    return odd <= 0.02 * len(sample)


def _checked(raw: RawDocument) -> RawDocument:
    if not raw.text.strip():
        raise EmptyDocumentError(raw.source, "no text")
    return raw


def _record(source: str, obj: object) -> RawDocument:
    if not isinstance(obj, dict):
        raise MalformedInputError(source, f"a record must be a JSON object, not {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise MalformedInputError(source, "record has no 'text' string")
    fields = {
        name: str(obj[name]).strip() or None
        for name in RECORD_FIELDS
        if obj.get(name) is not None and not isinstance(obj[name], (dict, list))
    }
    return _checked(RawDocument(source=source, text=text, **fields))


def _read_json(source: str, data: bytes) -> Iterator[RawDocument | Failure]:
    try:
        value = json.loads(decode_text(source, data))
    except json.JSONDecodeError as error:
        raise MalformedInputError(source, f"malformed JSON at line {error.lineno}: {error.msg}") from error
    if not isinstance(value, list):
        yield _record(source, value)
        return
    for n, item in enumerate(value, start=1):
        item_source = f"{source}#{n}"
        try:
            yield _record(item_source, item)
        except InputError as error:
            yield Failure(item_source, _STAGE, str(error))


def _read_jsonl(path: Path, settings: Settings) -> Iterator[RawDocument | Failure]:
    with path.open("rb") as lines:
        for lineno, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            source = f"{path}#{lineno}"
            try:
                if len(line) > settings.max_document_bytes:
                    raise InputError(source, f"{len(line)} bytes, over the limit of {settings.max_document_bytes}")
                try:
                    value = json.loads(decode_text(source, line))
                except json.JSONDecodeError as error:
                    raise MalformedInputError(source, f"malformed JSON line ({error.msg}, column {error.colno})") from error
                yield _record(source, value)
            except InputError as error:
                yield Failure(source, _STAGE, str(error))
