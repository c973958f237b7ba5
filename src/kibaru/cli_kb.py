"""``kibaru kb``: ask the knowledge base how a name resolves, and why.

    kibaru kb lookup "Moscou"
    kibaru kb lookup "le président malien" --date 2012-06-01
    kibaru kb lookup Lavrov --lang en

A few lines over ``kibaru.link``; library errors become CLI errors here only.
"""
from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from kibaru.config import Settings
from kibaru.errors import KibaruError
from kibaru.link import KnowledgeBase

kb_app = typer.Typer(help="Query the actor knowledge base.", no_args_is_help=True)


@kb_app.callback()
def kb_group() -> None:
    """Query the actor knowledge base."""


@kb_app.command("lookup")
def lookup(
    name: str = typer.Argument(..., help="A name, alias, capital, demonym or role phrase."),
    date: str | None = typer.Option(None, "--date", "-d", help="ISO date for office holders."),
    lang: str = typer.Option("fr", "--lang", "-l", help="Language of the phrase (fr or en)."),
) -> None:
    """Show how NAME resolves: KB entries, the alias and rule matched, office holders at DATE."""
    console = Console()
    try:
        kb = KnowledgeBase.load(Settings.from_env())
    except KibaruError as error:
        console.print(f"[red]error:[/red] {error}")
        raise typer.Exit(1) from error
    table = Table(title=f"{name!r}" + (f" at {date}" if date else ""))
    for column in ("id", "name", "type", "country", "sector", "matched alias", "rule"):
        table.add_column(column)
    for res in kb.lookup(name, date=date, lang=lang):
        e = res.entry
        table.add_row(e.id, e.name, e.type, e.country or "", res.sector or "", res.alias, res.why)
    match = kb.template_match(name, lang, date)
    if match is not None:
        e = match.entry
        table.add_row(e.id if e else "—", e.name if e else "(unknown)", e.type if e else match.target,
                      match.country or "", match.sector or "", match.code, match.why)
    if table.row_count == 0:
        console.print(f"no KB entry or phrase rule for {name!r}")
        raise typer.Exit(1)
    console.print(table)
    for res in kb.lookup(name, date=date, lang=lang):
        held = [r for r in res.entry.roles if r.active(date)]
        for role in held:
            console.print(f"{res.entry.name}: {role.role} of {role.country} "
                          f"from {role.start or '?'} to {role.end or 'now'}")
