"""spaCy ``Doc`` -> plain ``Parse`` records. spaCy objects stop here."""
from __future__ import annotations

from typing import TYPE_CHECKING

from kibaru.model import Document, Mention, Parse, Sentence, Token

if TYPE_CHECKING:
    from spacy.tokens import Doc

_MORPHS: dict[int, str] = {}


def to_parse(document: Document, doc: "Doc") -> Parse:
    """Copy what downstream stages read out of a parsed spaCy ``Doc``."""
    sentences = []
    sent_of = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        sentences.append(Sentence(sent.start_char, sent.end_char, sent.start, sent.end))
        for i in range(sent.start, sent.end):
            sent_of[i] = n
    morphs = _MORPHS
    if len(morphs) > 65536:
        morphs.clear()
    out = []
    for t in doc:
        i, idx, text = t.i, t.idx, t.text
        # A morphology's key is the hash of its string: spell each analysis once.
        morph = t.morph
        key = morph.key
        spelled = morphs.get(key)
        if spelled is None:
            spelled = morphs[key] = str(morph)
        out.append(Token(i=i, start=idx, end=idx + len(text), text=text, lemma=t.lemma_, pos=t.pos_,
                         dep=t.dep_, head=t.head.i, morph=spelled, sent=sent_of[i], ent_label=t.ent_type_))
    tokens = tuple(out)
    mentions = tuple(
        Mention(e.start_char, e.end_char, e.text, e.label_, sent_of[e.start])
        for e in doc.ents
        if e.text.strip()
    )
    return Parse(document=document, tokens=tokens, sentences=tuple(sentences), mentions=mentions)
