"""Human-readable views of records (Rich): the digest of ``--format pretty`` and ``explain``."""
from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kibaru.model import Event, Record


def _names(record: Record, ids: tuple[str, ...]) -> str:
    by_id = {e.id: e.name for e in record.entities}
    return ", ".join(by_id.get(i, i) for i in ids) or "-"


def _flags(ev: Event) -> str:
    f = ev.flags
    return " ".join(n for n, on in (("negated", f.negated), ("hypothetical", f.hypothetical),
                                    ("future", f.future), ("historical", f.historical)) if on)


def print_digest(record: Record, console: Console | None = None) -> None:
    console = console or Console()
    d = record.document
    console.rule(f"[bold]{d.title or d.source}")
    console.print(f"published {d.published or '?'} · outlet {d.outlet or '?'} · author {d.author or '?'}"
                  f" · language {d.language or '?'}")
    entities = Table("name", "type", "country", "sector", "mentions", title="Entities")
    for e in record.entities:
        entities.add_row(e.name, e.type, e.country or "", e.sector or "", str(len(e.mentions)))
    console.print(entities)
    events = Table("type", "mode", "actor", "recipient", "date", "place", "source", "flags", title="Events")
    for ev in record.events:
        events.add_row(ev.event_type, ev.mode or "", _names(record, ev.actor), _names(record, ev.recipient),
                       ev.date.value or "?", ev.location.name if ev.location else "",
                       ev.attribution.text or "", _flags(ev))
    console.print(events)


def print_explanation(record: Record, console: Console | None = None) -> None:
    console = console or Console()
    console.rule(f"[bold]{record.document.title or record.document.source}")
    text = record.document.text
    for ev in record.events:
        s0, s1 = ev.evidence.sentence
        t0, t1 = ev.evidence.trigger
        sentence = escape(text[s0:t0]) + "[bold reverse]" + escape(text[t0:t1]) + "[/]" + escape(text[t1:s1])
        console.print(f"\n[bold]{ev.id} {ev.event_type}{'/' + ev.mode if ev.mode else ''}[/] "
                      f"{_names(record, ev.actor)} -> {_names(record, ev.recipient)}"
                      f"  date {ev.date.value or '?'} ({ev.date.precision})  {_flags(ev)}")
        console.print("  " + sentence.replace("\n", " "))
        for line in ev.why:
            console.print(f"  · {line}", markup=False)
        if ev.attribution.text:
            console.print(f"  · source: {ev.attribution.text}", markup=False)
