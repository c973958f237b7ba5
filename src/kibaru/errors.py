"""Named errors, raised at the layer that knows what went wrong and translated at the boundaries.

    KibaruError
     +-- InputError            a document cannot be read or decoded (empty, binary, bad JSON/HTML)
     |    +-- EmptyDocumentError
     |    +-- EncodingError
     |    +-- MalformedInputError
     +-- ModelError            a spaCy pipeline is not installed or will not load
     +-- DataError             a shipped or user data file (KB, lexicon, gazetteer) is invalid
     +-- StoreError            the corpus database cannot be opened or written
     +-- ConfigError           a setting is invalid

The CLI prints ``str(error)``; messages name the document or file and the problem.
"""
from __future__ import annotations


class KibaruError(Exception):
    """Base of every error kibaru raises on purpose."""


class InputError(KibaruError):
    def __init__(self, source: str, problem: str):
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class EmptyDocumentError(InputError):
    pass


class EncodingError(InputError):
    pass


class MalformedInputError(InputError):
    pass


class ModelError(KibaruError):
    pass


class DataError(KibaruError):
    pass


class StoreError(KibaruError):
    pass


class ConfigError(KibaruError):
    pass
