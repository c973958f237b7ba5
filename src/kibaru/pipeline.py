"""The only module that knows the stage order: read -> repair -> parse -> link -> events -> Record.

A document that fails at a stage becomes a ``Failure`` naming the stage and the reason; the batch
goes on. Models, the knowledge base and the gazetteer are loaded once per ``Pipeline``.
"""
from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from kibaru.config import Settings
from kibaru.errors import KibaruError
from kibaru.model import Document, Failure, RawDocument, Record

log = logging.getLogger(__name__)


@dataclass
class Pipeline:
    settings: Settings = field(default_factory=Settings)

    @cached_property
    def models(self):
        from kibaru.nlp import Models

        return Models()

    @cached_property
    def kb(self):
        from kibaru.link.kb import KnowledgeBase

        return KnowledgeBase.load(self.settings)

    @cached_property
    def gazetteer(self):
        from kibaru.geo import Gazetteer

        return Gazetteer.load(self.settings)

    @cached_property
    def linker(self):
        from kibaru.link.entities import Linker

        return Linker(self.kb, self.gazetteer)

    # -- stages ---------------------------------------------------------------------------

    def run(self, items: Iterable[RawDocument | Failure]) -> Iterator[Record | Failure]:
        """Records (or failures) for raw documents. Records keep their input order; a failure found
        while a parse batch is being filled comes out before that batch's records."""
        from kibaru.nlp import parse_documents

        prepared = self._prepare(items)
        pending: list[Failure] = []

        def documents() -> Iterator[Document]:
            for item in prepared:
                if isinstance(item, Failure):
                    pending.append(item)
                else:
                    yield item

        for parse in parse_documents(documents(), self.models, self.settings.batch_size):
            yield from pending
            pending.clear()
            yield parse if isinstance(parse, Failure) else self._analyse(parse)
        yield from pending

    def _prepare(self, items: Iterable[RawDocument | Failure]) -> Iterator[Document | Failure]:
        from kibaru.ingest import prepare_document

        for item in items:
            if isinstance(item, Failure):
                yield item
                continue
            try:
                document = prepare_document(item, self.settings)
            except KibaruError as err:
                yield Failure(item.source, "repair", str(err))
                continue
            except Exception as err:  # noqa: BLE001 - a bug on one document must not stop the batch
                log.exception("%s failed at repair", item.source)
                yield Failure(item.source, "repair", f"{item.source}: internal error at repair: "
                              f"{type(err).__name__}: {err}")
                continue
            if not document.text.strip():
                yield Failure(item.source, "repair", f"{item.source}: no article text after repair")
                continue
            if len(document.text) > self.settings.max_document_chars:
                yield Failure(item.source, "parse", f"{item.source}: {len(document.text)} characters after "
                              f"repair, over the limit of {self.settings.max_document_chars}")
                continue
            yield document

    def _analyse(self, parse) -> Record | Failure:
        from kibaru.events import extract_events

        stage = "link"
        try:
            linked = self.linker.link(parse)
            stage = "events"
            events = extract_events(parse, linked, self.kb)
        except KibaruError as err:
            return Failure(parse.document.source, stage, str(err))
        except Exception as err:  # noqa: BLE001 - a bug on one document must not stop the batch
            log.exception("%s failed at %s", parse.document.source, stage)
            return Failure(parse.document.source, stage, f"{parse.document.source}: internal error "
                           f"at {stage}: {type(err).__name__}: {err}")
        return Record(parse.document, linked.entities_for(events), events)

    def extract_paths(self, paths: Iterable[str | Path]) -> Iterator[Record | Failure]:
        from kibaru.ingest import read_paths

        return self.run(read_paths(paths, self.settings))


def extract_paths(paths: Iterable[str | Path], settings: Settings | None = None) -> Iterator[
        tuple[dict[str, Any] | None, dict[str, Any] | None]]:
    """(kibaru/1 record, None) or (None, failure) per input document, for the store and batch."""
    for item in Pipeline(settings or Settings.from_env()).extract_paths(paths):
        if isinstance(item, Failure):
            yield None, {"source": item.source, "stage": item.stage, "reason": item.reason}
        else:
            yield item.to_json(), None


@functools.lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The pipeline ``extract`` uses when given none: built once, so models load once."""
    return Pipeline(Settings.from_env())


def extract(text: str, *, language: str | None = None, published: str | None = None,
            title: str | None = None, pipeline: Pipeline | None = None) -> Record:
    """One record for one text. Raises ``KibaruError`` when the text cannot be processed."""
    raw = RawDocument(source="<text>", text=text, language=language, published=published, title=title)
    result = next(iter((pipeline or default_pipeline()).run([raw])))
    if isinstance(result, Failure):
        raise KibaruError(result.reason)
    return result
