"""spaCy ``Doc`` -> plain ``Parse`` records. spaCy objects stop here."""
from __future__ import annotations

from typing import TYPE_CHECKING

from kibaru.model import Document, Mention, Parse, Sentence, Token

if TYPE_CHECKING:
    from spacy.tokens import Doc


def to_parse(document: Document, doc: "Doc") -> Parse:
    """Copy what downstream stages read out of a parsed spaCy ``Doc``."""
    sentences = []
    sent_of = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        sentences.append(Sentence(sent.start_char, sent.end_char, sent.start, sent.end))
        for i in range(sent.start, sent.end):
            sent_of[i] = n
    tokens = tuple(
        Token(
            i=t.i, start=t.idx, end=t.idx + len(t.text), text=t.text, lemma=t.lemma_,
            pos=t.pos_, dep=t.dep_, head=t.head.i, morph=str(t.morph), sent=sent_of[t.i],
            ent_label=t.ent_type_,
        )
        for t in doc
    )
    mentions = tuple(
        Mention(e.start_char, e.end_char, e.text, e.label_, sent_of[e.start])
        for e in doc.ents
        if e.text.strip()
    )
    return Parse(document=document, tokens=tokens, sentences=tuple(sentences), mentions=mentions)
