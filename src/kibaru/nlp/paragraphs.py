"""A paragraph break always ends a sentence: the parser alone sometimes runs across one."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPHS = "kibaru_paragraphs"


@Language.component(PARAGRAPHS)
def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence at the first token after a whitespace token holding a line break."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
