"""Settings, built once at the entry point and passed down: shipped defaults < environment < overrides.

There is no user settings file yet: ``from_env`` layers the ``KIBARU_*`` variables, then the entry
point's explicit overrides (e.g. ``--db``), over the defaults below.

Each stage owns the settings it reads (``LinkSettings`` in ``link/``, ``MergeSettings`` in ``store/``,
...); ``Settings`` gathers them. Environment: ``KIBARU_KB`` (extra KB files, ``:``-separated),
``KIBARU_CACHE`` (where built indexes live), ``KIBARU_DB`` (the default corpus database).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kibaru"


@dataclass(frozen=True, slots=True)
class Settings:
    user_kb: tuple[Path, ...] = ()
    cache_dir: Path = field(default_factory=default_cache_dir)
    db_path: Path = Path("kibaru.duckdb")
    max_document_bytes: int = 5_000_000
    # spaCy's own ``nlp.max_length``: a longer text makes ``nlp.pipe`` raise, which would stop the batch.
    max_document_chars: int = 1_000_000
    batch_size: int = 32

    @staticmethod
    def from_env(environ: dict[str, str] | None = None, **overrides: object) -> "Settings":
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        if env.get("KIBARU_KB"):
            values["user_kb"] = tuple(Path(p) for p in env["KIBARU_KB"].split(":") if p)
        if env.get("KIBARU_CACHE"):
            values["cache_dir"] = Path(env["KIBARU_CACHE"])
        if env.get("KIBARU_DB"):
            values["db_path"] = Path(env["KIBARU_DB"])
        values.update({k: v for k, v in overrides.items() if v is not None})
        return Settings(**values)  # type: ignore[arg-type]
