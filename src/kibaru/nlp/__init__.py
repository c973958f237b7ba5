"""Parse documents with spaCy and hand back plain records (``Parse``)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from kibaru.model import Document, Failure, Parse
from kibaru.nlp.convert import to_parse
from kibaru.nlp.models import PIPELINES, Models, load_pipeline

__all__ = ["PIPELINES", "Models", "load_pipeline", "parse_documents", "to_parse"]


def parse_documents(documents: Iterable[Document], models: Models, batch_size: int = 32) -> Iterator[Parse | Failure]:
    """Parse in batches, one ``nlp.pipe`` per run of same-language documents, order kept; a text
    the parser cannot take becomes a ``Failure``."""
    batch: list[Document] = []
    for document in documents:
        if batch and _lang(batch[-1], models) != _lang(document, models):
            yield from _parse_batch(batch, models, batch_size)
            batch = []
        batch.append(document)
        if len(batch) >= batch_size:
            yield from _parse_batch(batch, models, batch_size)
            batch = []
    if batch:
        yield from _parse_batch(batch, models, batch_size)


def _lang(document: Document, models: Models) -> str:
    return document.language if models.supports(document.language) else "en"


def _parse_batch(batch: list[Document], models: Models, batch_size: int) -> Iterator[Parse | Failure]:
    nlp = models.get(_lang(batch[0], models))
    try:
        parsed = list(nlp.pipe((d.text for d in batch), batch_size=batch_size))
    except (ValueError, RuntimeError, IndexError) as err:
        # one bad text must not sink its batch: parse them one by one, the bad one fails alone
        if len(batch) == 1:
            yield Failure(batch[0].source, "parse", f"{batch[0].source}: the parser failed: {err}")
            return
        for document in batch:
            yield from _parse_batch([document], models, batch_size)
        return
    for document, doc in zip(batch, parsed):
        yield to_parse(document, doc)
