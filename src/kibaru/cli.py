"""The ``kibaru`` command: a few lines per command over library calls; errors become messages here."""
from __future__ import annotations

import json
import logging
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from kibaru.config import Settings
from kibaru.errors import KibaruError
from kibaru.model import Failure

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="kibaru: sourced political and conflict events from French and English news.")


class Format(str, Enum):
    jsonl = "jsonl"
    pretty = "pretty"


def _err(message: str) -> None:
    typer.echo(f"kibaru: {message}", err=True)


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="Files or folders: .txt, .html, .json, .jsonl"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write JSON Lines here"),
    fmt: Format = typer.Option(Format.jsonl, "--format", help="jsonl (kibaru/1) or pretty"),
) -> None:
    """Extract one kibaru/1 record per document."""
    from kibaru.pipeline import Pipeline
    from kibaru.render import print_digest

    pipeline = Pipeline(Settings.from_env())
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    failed = 0
    try:
        for item in pipeline.extract_paths(paths):
            if isinstance(item, Failure):
                failed += 1
                _err(f"{item.stage}: {item.reason}")
            elif fmt is Format.pretty:
                print_digest(item)
            else:
                out.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
    except KibaruError as err:
        _err(str(err))
        raise typer.Exit(2) from err
    finally:
        if output:
            out.close()
    if failed:
        _err(f"{failed} document(s) failed; the others were extracted")


@app.command()
def explain(path: Path = typer.Argument(..., help="An article file, or kibaru/1 JSON Lines")) -> None:
    """Show each event beside its sentence, with the trigger, lexicon entry and role rules."""
    from kibaru.pipeline import Pipeline
    from kibaru.render import print_explanation

    try:
        for item in Pipeline(Settings.from_env()).extract_paths([path]):
            if isinstance(item, Failure):
                _err(f"{item.stage}: {item.reason}")
            else:
                print_explanation(item)
    except KibaruError as err:
        _err(str(err))
        raise typer.Exit(2) from err


def _register_subcommands() -> None:
    """The KB and store sub-commands. Imported directly: an ImportError here is a bug to see, not a
    reason for commands to vanish from ``--help``."""
    from kibaru import cli_store
    from kibaru.cli_kb import kb_app

    app.add_typer(kb_app, name="kb", help="Inspect the actor knowledge base.")
    cli_store.register(app)


_register_subcommands()


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()


if __name__ == "__main__":
    main()
