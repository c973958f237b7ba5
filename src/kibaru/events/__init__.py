"""Events: triggers from the lexicons, roles from the parse, flags, attribution, date and place.

``extract_events(parse, linked, kb)`` is the stage's entry point; it returns frozen ``Event``
records whose ``why`` says which lexicon entry and which rule filled each field.
"""
from __future__ import annotations

from kibaru.events.assemble import extract_events

__all__ = ["extract_events"]
