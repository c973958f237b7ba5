"""Corpus-store commands: ingest, events, actors, timeline, export. Register with ``register(app)``.

Each command is a few lines over ``kibaru.store``; library errors (``KibaruError``) become a one-line
message and exit code 1 here, and nowhere else.
"""
from __future__ import annotations

import csv
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any, Iterator, Optional

import typer
from rich.console import Console
from rich.table import Table

from kibaru.config import Settings
from kibaru.errors import KibaruError
from kibaru.model import SCHEMA

DbOption = typer.Option(None, "--db", help="Corpus database (default: $KIBARU_DB or kibaru.duckdb).")


def _db(db: Optional[Path]) -> Path:
    return db if db is not None else Settings.from_env().db_path


def _fail(error: KibaruError) -> typer.Exit:
    Console(stderr=True).print(f"[red]error:[/red] {error}", highlight=False)
    return typer.Exit(1)


def read_record_file(path: Path) -> Iterator[tuple[dict[str, Any] | None, dict[str, Any] | None]]:
    """``(record, failure)`` pairs from a JSONL file of already-extracted ``kibaru/1`` records."""
    with path.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                yield None, {"source": f"{path.name}#{n}", "stage": "ingest", "reason": str(exc)}
                continue
            if isinstance(item, dict) and item.get("schema") == SCHEMA:
                yield item, None
            else:
                yield None, {"source": f"{path.name}#{n}", "stage": "ingest",
                             "reason": "not a kibaru/1 record in a file of records"}


def is_record_file(path: Path) -> bool:
    """A ``.jsonl`` file whose first line is a kibaru/1 record (other JSONL is input for extraction)."""
    if path.suffix != ".jsonl" or not path.is_file():
        return False
    with path.open(encoding="utf-8") as lines:
        first = next((line for line in lines if line.strip()), "")
    try:
        return json.loads(first).get("schema") == SCHEMA
    except (json.JSONDecodeError, AttributeError):
        return False


def ingest_pairs(paths: list[Path], settings: Settings) -> Iterator[tuple[Any, Any]]:
    records = [p for p in paths if is_record_file(p)]
    others = [p for p in paths if p not in records]
    for path in records:
        yield from read_record_file(path)
    if others:
        from kibaru.pipeline import extract_paths  # heavy (spaCy); only when there is text to read
        yield from extract_paths(others, settings)


def ingest(paths: list[Path] = typer.Argument(..., help="Files or folders; .jsonl of kibaru/1 records "
                                                  "are stored as they are."),
           db: Optional[Path] = DbOption) -> None:
    """Extract (when needed) and store documents in the corpus database."""
    from kibaru.store import Store

    settings = Settings.from_env(db_path=db)
    try:
        pairs = list(ingest_pairs(paths, settings))
        with Store.open(settings.db_path) as store:
            summary = store.ingest([r for r, _ in pairs if r is not None],
                                   [f for _, f in pairs if f is not None])
    except KibaruError as exc:
        raise _fail(exc) from exc
    Console().print(f"{summary.documents} documents stored ({summary.already_stored} already there, "
                    f"{summary.reprints} reprints), {summary.events} reports, "
                    f"{summary.failures} failures; {summary.corpus_events} corpus events")


def events(actor: Optional[str] = typer.Option(
               None, help="Actor: any name a document gave it (case and accents ignored), its "
                          "kb id (e.g. country:RUS) or its actor id."),
           event_type: Optional[str] = typer.Option(None, "--type",
                                                    help="PLOVER event type, e.g. AID or ASSAULT."),
           since: Optional[str] = typer.Option(None, help="First day, YYYY-MM-DD (event date, "
                                                          "else publication date)."),
           until: Optional[str] = typer.Option(None, help="Last day, YYYY-MM-DD (inclusive)."),
           country: Optional[str] = typer.Option(None, help="ISO-3 country of the place, e.g. MLI."),
           limit: int = typer.Option(50, help="Most reports to list (newest first)."),
           fmt: str = typer.Option("table", "--format", help="table, json or csv."),
           db: Optional[Path] = DbOption) -> None:
    """List stored reports matching every filter given, newest first, with their corpus event."""
    from kibaru.store import EventQuery, Store

    try:
        query = EventQuery(actor, event_type, _day(since), _day(until), country, limit)
        with Store.open(_db(db)) as store:
            _show(store.events(query).to_pylist(), fmt, "events")
    except KibaruError as exc:
        raise _fail(exc) from exc


def actors(top: int = typer.Option(20, help="How many actors to list."),
           fmt: str = typer.Option("table", "--format", help="table, json or csv."),
           db: Optional[Path] = DbOption) -> None:
    """The most active actors across the corpus (by merged events, then reports)."""
    from kibaru.store import Store

    try:
        with Store.open(_db(db)) as store:
            _show(store.actors(top).to_pylist(), fmt, "actors")
    except KibaruError as exc:
        raise _fail(exc) from exc


def timeline(by: str = typer.Option("week", help="day, week, month or year"),
             fmt: str = typer.Option("table", "--format", help="table, json or csv."),
             db: Optional[Path] = DbOption) -> None:
    """Reports and merged events per period (event date, else publication date)."""
    from kibaru.store import Store

    try:
        with Store.open(_db(db)) as store:
            _show(store.timeline(by).to_pylist(), fmt, f"events per {by}")
    except KibaruError as exc:
        raise _fail(exc) from exc


def export(fmt: str = typer.Option(..., "--format",
                                   help="jsonl, plover, acled, parquet, geojson or graphml"),
           output: Path = typer.Option(..., "-o", "--output",
                                       help="File to write (a folder for parquet)."),
           db: Optional[Path] = DbOption) -> None:
    """Write the corpus for other tools."""
    from kibaru.store import Store

    try:
        with Store.open(_db(db)) as store:
            n = store.export(fmt, output)
    except KibaruError as exc:
        raise _fail(exc) from exc
    Console().print(f"{n} items written to {output}")


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise typer.BadParameter(f"{text!r} is not a YYYY-MM-DD date") from exc


_WIDE = frozenset({"corpus_event_id", "event_key", "title", "evidence", "published", "precision", "mode"})


def _show(items: list[dict[str, Any]], fmt: str, title: str) -> None:
    if fmt == "json":
        typer.echo(json.dumps(items, ensure_ascii=False, default=str, indent=1))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(items[0]) if items else [])
        writer.writeheader()
        writer.writerows(items)
    elif fmt == "table":
        # a person reads a few columns; json and csv carry all of them
        columns = [c for c in (items[0] if items else {}) if c not in _WIDE]
        table = Table(title=title)
        for column in columns:
            table.add_column(column, overflow="fold")
        for item in items:
            table.add_row(*("" if item[c] is None else str(item[c]) for c in columns))
        Console().print(table)
    else:
        raise typer.BadParameter(f"--format must be table, json or csv, not {fmt!r}")


COMMANDS = (ingest, events, actors, timeline, export)


def register(app: typer.Typer) -> None:
    """Add the store commands to the main ``kibaru`` app."""
    for command in COMMANDS:
        app.command(command.__name__)(command)


app = typer.Typer(help="kibaru corpus store", no_args_is_help=True)
register(app)
