"""The ingest stage: read inputs into ``RawDocument``s, then repair them into ``Document``s.

    read_paths(paths, settings)  -> RawDocument | Failure, one per input document (readers.py)
    prepare_document(raw)        -> Document: repaired body + metadata (repair.py, metadata.py)

Metadata given with the input (JSON fields, HTML meta tags) wins over what the text suggests.
"""
from __future__ import annotations

import hashlib

from kibaru.config import Settings
from kibaru.ingest.metadata import Metadata, detect_language, extract_metadata, proper_case_name
from kibaru.dates.pubdate import parse_date
from kibaru.ingest.readers import read_paths
from kibaru.ingest.repair import Repaired, repair_text
from kibaru.model import Document, RawDocument

__all__ = sorted([
    "Metadata", "Repaired", "detect_language", "document_id", "extract_metadata", "parse_date",
    "prepare_document", "proper_case_name", "read_paths", "repair_text",
])


def document_id(raw: RawDocument) -> str:
    """The record's own id, else a hash of the raw text: the same input always gets the same id."""
    if raw.id:
        return raw.id
    return "sha1:" + hashlib.sha1(raw.text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def prepare_document(raw: RawDocument, settings: Settings | None = None) -> Document:
    """Repair ``raw.text`` and fill the metadata; ``Document.text`` is the article body only.

    ``settings`` is accepted for the pipeline's uniform stage signature; repair needs none yet.
    """
    repaired = repair_text(raw.text)
    meta = extract_metadata(repaired.text, given_title=raw.title)
    start, end = meta.body
    return Document(
        id=document_id(raw),
        source=raw.source,
        text=repaired.text[start:end],
        title=raw.title or meta.title,
        # A given date is normalised when it can be read ("2025-03-14 20:30:26Z" -> "2025-03-14").
        published=(parse_date(raw.published) or raw.published) if raw.published else meta.published,
        outlet=raw.outlet or meta.outlet,
        author=raw.author or meta.author,
        language=_language_code(raw.language) or meta.language,
        url=raw.url,
        credits=repaired.credits,
        captions=repaired.captions,
        dateline=meta.dateline,
        offsets=repaired.offsets[start:end],
    )


def _language_code(language: str | None) -> str | None:
    """``"fr-FR"`` or ``"FR"`` -> ``"fr"``: the record promises ISO 639-1."""
    if not language or not language.strip():
        return None
    return language.strip().replace("_", "-").split("-")[0].lower()
