"""kibaru: sourced political and conflict event data from French and English news."""
from __future__ import annotations

from kibaru.errors import KibaruError
from kibaru.model import (
    Attribution, DateValue, Document, Entity, Event, Evidence, Failure, Flags, Mention, Place,
    RawDocument, Record, Span,
)

__version__ = "0.1.0"

__all__ = sorted([
    "Attribution", "DateValue", "Document", "Entity", "Event", "Evidence", "Failure", "Flags",
    "KibaruError", "Mention", "Pipeline", "Place", "RawDocument", "Record", "Span", "__version__",
    "extract",
])


def __getattr__(name: str):
    """``kibaru.extract`` and ``kibaru.Pipeline`` without importing spaCy at ``import kibaru``."""
    if name in {"extract", "Pipeline"}:
        from kibaru import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'kibaru' has no attribute {name!r}")
