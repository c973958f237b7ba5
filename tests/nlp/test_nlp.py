"""The nlp stage: paragraph breaks end sentences, and Docs become plain records with offsets."""
from __future__ import annotations

import pytest

from kibaru.model import Document, Failure, Parse
from kibaru.nlp import Models, parse_documents


@pytest.fixture(scope="module")
def models(pipeline) -> Models:
    return pipeline.models


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Le ministre a parlé de la sous-région\n\nLavrov s'est exprimé hier."),
    ("en", "The minister spoke about the region\n\nLavrov spoke on Monday."),
])
def test_a_paragraph_break_ends_a_sentence(models, lang, text):
    (parse,) = parse_documents([Document(id="d", source="s", text=text, language=lang)], models)
    assert isinstance(parse, Parse)
    starts = [text[s.start:s.end].strip() for s in parse.sentences]
    assert any(s.startswith("Lavrov") for s in starts), starts


@pytest.mark.models
def test_tokens_and_mentions_point_into_the_text(models):
    text = "La Russie a soutenu le Mali. Sergueï Lavrov a appelé Abdoulaye Diop."
    (parse,) = parse_documents([Document(id="d", source="s", text=text, language="fr")], models)
    for t in parse.tokens:
        assert text[t.start:t.end] == t.text
        assert 0 <= t.head < len(parse.tokens)
        assert parse.sentences[t.sent].first <= t.i < parse.sentences[t.sent].last
    assert parse.mentions
    for m in parse.mentions:
        assert text[m.start:m.end] == m.text


@pytest.mark.models
def test_documents_keep_their_order_across_languages(models):
    docs = [Document(id=str(n), source=str(n), text=t, language=lang) for n, (lang, t) in enumerate([
        ("fr", "Le Niger a attaqué le Bénin."), ("en", "Niger attacked Benin."),
        ("fr", "Le Mali a remercié la Russie."), ("xx", "Mali thanked Russia."),
    ])]
    out = list(parse_documents(docs, models, batch_size=2))
    assert [p.document.id for p in out] == ["0", "1", "2", "3"]
    assert not any(isinstance(p, Failure) for p in out)
