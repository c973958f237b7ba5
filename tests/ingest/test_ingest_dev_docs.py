"""The seed article and the dev documents from ../shared, against their gold readings."""
from __future__ import annotations

import json
import re

import pytest

from kibaru.ingest import prepare_document, read_paths
from kibaru.model import RawDocument

pytestmark = pytest.mark.shared


def _squash(text: str) -> str:
    # The scorer's comparison: casefold, one apostrophe, one kind of space.
    text = text.replace("\u2019", "'").replace("\u00a0", " ")
    return re.sub(r"[ \t]+", " ", text.casefold())


def _documents(shared_dir):
    docs = sorted((shared_dir / "eval" / "dev" / "docs").glob("*.txt"))
    raws = list(read_paths(docs))
    assert all(isinstance(r, RawDocument) for r in raws)
    return {r.source.rsplit("/", 1)[-1]: prepare_document(r) for r in raws}


def test_seed_article(shared_dir):
    doc = _documents(shared_dir)["seed-fr-russie-mali.txt"]
    assert doc.title == "Terrorisme: La Russie apporte son appui aux autorités de la transition"
    assert (doc.published, doc.outlet, doc.author, doc.language) == ("2024-09-24", "Les Echos", "M. Sangaré", "fr")
    assert doc.credits == ("© Autre presse par DR",)
    assert doc.captions == ("Poutine et Assimi Goita",)
    for kept_out in ("Publié le", "Poutine et Assimi Goita", "M.SaNGaRé", "Terrorisme:"):
        assert kept_out not in doc.text
    assert doc.text.startswith("À la suite de")


def test_dev_documents_against_gold(shared_dir):
    documents = _documents(shared_dir)
    for gold_path in sorted((shared_dir / "eval" / "dev" / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = documents[gold["doc"]]
        text = _squash(doc.text)
        for phrase in gold.get("text_contains", []):
            assert _squash(phrase) in text, (gold["doc"], phrase)
        for phrase in gold.get("text_lacks", []):
            assert _squash(phrase) not in text, (gold["doc"], phrase)
        for field, want in gold.get("metadata", {}).items():
            assert getattr(doc, field) == want, (gold["doc"], field)
        # Fields the gold leaves out are ones the text does not give.
        for field in {"title", "published", "outlet", "author"} - set(gold.get("metadata", {})):
            assert getattr(doc, field) is None, (gold["doc"], field)
