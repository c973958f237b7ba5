"""The actor knowledge base: shipped data files plus the user's, alias index, offices over time.

Public API::

    KnowledgeBase.load(settings) -> KnowledgeBase
    kb.lookup(name, date=None, lang=None) -> tuple[Resolution, ...]
    kb.holder(role, country, date=None) -> Entry | None
    kb.demonym(word, lang=None) -> str | None
    kb.template_match(phrase, lang="fr", date=None) -> TemplateMatch | None
    kb.all_aliases(lang) -> Iterator[tuple[str, str]]
    kb.template_phrases(lang) -> Iterator[tuple[str, str]]
    fold(text) -> str
"""
from __future__ import annotations

from kibaru.link.entry import Alias, Entry, Role
from kibaru.link.fold import fold
from kibaru.link.kb import KnowledgeBase, Resolution, TemplateMatch, count_by_type

__all__ = sorted([
    "Alias", "Entry", "KnowledgeBase", "Resolution", "Role", "TemplateMatch", "count_by_type", "fold",
])
