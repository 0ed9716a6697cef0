"""``marsad stories``, ``story``, ``event`` and ``rebuild``: storylines as dated event timelines.

Arabic text shares lines with ids, dates and arrows, so every title and outlet printed in the
terminal is wrapped in a first-strong isolate (U+2068 … U+2069): an Arabic cell cannot reorder
its neighbours.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import click
from rich.console import Console, JustifyMethod, OverflowMethod
from rich.containers import Lines
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from marsad.app import Marsad
from marsad.cli.common import db_option, open_marsad
from marsad.cli.render import console, print_json
from marsad.models import Article, Event, Storyline
from marsad.store.events import ReportRef

Timeline = list[tuple[Event, list[Article]]]
"""A storyline's events in date order, each with its reports."""

UNKNOWN_DATE = "date unknown"


# --- JSON shapes ------------------------------------------------------------------------------


def report_dict(a: Article) -> dict[str, Any]:
    """The JSON shape of an article as one report of an event."""
    return {
        "id": a.id,
        "outlet": a.outlet,
        "published": a.published.value,
        "title": a.title,
        "url": a.url,
    }


def event_dict(e: Event, reports: Sequence[Article] | None = None) -> dict[str, Any]:
    """The JSON shape of an event; ``reports`` (when given) are nested as report dicts."""
    out: dict[str, Any] = {
        "id": e.id,
        "title": e.title,
        "date": e.date,
        "date_evidence": e.date_evidence,
        "first_seen": e.first_seen,
        "last_seen": e.last_seen,
        "storyline": e.storyline,
        "outlets": list(e.outlets),
        "report_count": len(e.articles),
        "article_ids": list(e.articles),
    }
    if reports is not None:
        out["reports"] = [report_dict(a) for a in reports]
    return out


def storyline_dict(s: Storyline, timeline: Timeline | None = None) -> dict[str, Any]:
    """The JSON shape of a storyline; ``timeline`` (when given) nests events with their reports."""
    out: dict[str, Any] = {
        "id": s.id,
        "title": s.title,
        "start": s.start,
        "end": s.end,
        "outlets": list(s.outlets),
        "event_count": len(s.events),
        "report_count": s.articles,
        "event_ids": list(s.events),
    }
    if timeline is not None:
        out["events"] = [event_dict(e, reports) for e, reports in timeline]
    return out


# --- data -------------------------------------------------------------------------------------


def event_reports(marsad: Marsad, event: Event) -> list[Article]:
    """The event's reports, in the event's (publication) order."""
    return [marsad.article(article_id) for article_id in event.articles]


def story_timeline(marsad: Marsad, ref: str) -> tuple[Storyline, Timeline]:
    """The storyline ``ref`` (id or unique prefix) and its events in date order with reports."""
    storyline = marsad.storyline(ref)
    events = marsad.events(storyline=storyline.id)
    return storyline, [(e, event_reports(marsad, e)) for e in events]


# --- terminal ---------------------------------------------------------------------------------

LRI, PDI = "\u2068", "\u2069"  # first-strong isolate and its end


class Isolated(Text):
    """Table cell text whose every wrapped line sits in its own first-strong isolate.

    A terminal reads each line as a paragraph: an isolate opened on one line of a wrapped cell
    and closed on the next would pull that line's border into the Arabic run. Trailing padding
    stays outside the isolate for the same reason.
    """

    def wrap(
        self,
        console: Console,
        width: int,
        *,
        justify: JustifyMethod | None = None,
        overflow: OverflowMethod | None = None,
        tab_size: int = 8,
        no_wrap: bool | None = None,
    ) -> Lines:
        lines = super().wrap(
            console, width, justify=justify, overflow=overflow, tab_size=tab_size, no_wrap=no_wrap
        )
        for n, line in enumerate(lines):
            end = len(line.plain.rstrip())
            if end:
                lines[n] = Text.assemble(LRI, line[:end], PDI, line[end:])
        return lines


def cell(text: str | None) -> Text:
    """A table cell for text that may be Arabic; a dash when there is none."""
    return Isolated(text) if text else Text("—")


def isolate(text: str | None) -> str:
    """``text`` as escaped rich markup in a first-strong isolate, for a line that is not wrapped."""
    return f"{LRI}{escape(text)}{PDI}" if text else "—"


def outlets_text(outlets: Iterable[str]) -> str:
    return ", ".join(isolate(o) for o in outlets if o) or "—"


def span_text(start: str | None, end: str | None) -> str:
    return f"{start or 'unknown'} → {end or 'unknown'}"


def heading(title: str, ref: str) -> None:
    """A title line (printed whole, so its isolate is never cut) over a rule."""
    console.print(f"[bold]{isolate(title)}[/]  [dim]{ref}[/]")
    console.rule(style="dim")


def storylines_table(storylines: Sequence[Storyline]) -> Table:
    table = Table(header_style="bold")
    table.add_column("id", no_wrap=True, overflow="crop", max_width=12)  # a usable prefix
    for name in ("events", "reports", "span"):
        table.add_column(name, no_wrap=True)
    table.add_column("title", overflow="fold", ratio=2, min_width=24)
    table.add_column("outlets", overflow="fold", ratio=1, min_width=12)
    for s in storylines:
        table.add_row(
            s.id,
            str(len(s.events)),
            str(s.articles),
            span_text(s.start, s.end),
            cell(s.title),
            cell(", ".join(o for o in s.outlets if o)),
        )
    return table


def show_timeline(storyline: Storyline, timeline: Timeline) -> None:
    heading(storyline.title, storyline.id)
    console.print(
        f"{len(storyline.events)} event(s) · {storyline.articles} report(s) · "
        f"{span_text(storyline.start, storyline.end)} · outlets: {outlets_text(storyline.outlets)}"
    )
    for n, (event, reports) in enumerate(timeline):
        if n:
            console.print("[dim]│[/]")
        show_timeline_event(event, reports)


def show_timeline_event(event: Event, reports: Sequence[Article]) -> None:
    console.print(
        f"[bold cyan]●[/] [bold]{event.date or UNKNOWN_DATE}[/]  {isolate(event.title)}  "
        f"[dim]{event.id}[/]"
    )
    console.print(f"[dim]│[/]   sources: {outlets_text(event.outlets)}")
    for a in reports:
        console.print(
            f"[dim]│[/]   • [dim]{a.id}[/]  {isolate(a.outlet or a.source)}  {isolate(a.title)}"
        )


def show_event(event: Event, reports: Sequence[Article]) -> None:
    heading(event.title, event.id)
    date = event.date or UNKNOWN_DATE
    if event.date and event.date_evidence:
        date += f" (from {isolate(event.date_evidence)})"
    for key, value in (
        ("date", date),
        ("first seen", event.first_seen or "unknown"),
        ("last seen", event.last_seen or "unknown"),
        ("storyline", event.storyline or "—"),
        ("sources", outlets_text(event.outlets)),
    ):
        console.print(f"[bold]{key}:[/] {value}")
    console.print(reports_table(reports))


def reports_table(reports: Sequence[Article]) -> Table:
    table = Table(header_style="bold")
    for name in ("id", "published"):
        table.add_column(name, no_wrap=True)
    table.add_column("outlet", overflow="fold")
    table.add_column("title", overflow="fold", ratio=2)
    table.add_column("url", overflow="fold", ratio=1)
    for a in reports:
        table.add_row(
            a.id,
            a.published.value or "—",
            cell(a.outlet or a.source),
            cell(a.title),
            Text(a.url or "—"),
        )
    return table


# --- commands ---------------------------------------------------------------------------------


@click.command("stories")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def stories_command(ctx: click.Context, as_json: bool, db: str | None) -> None:
    """Bring events up to date and list storylines, largest first."""
    with open_marsad(ctx, db) as marsad:
        report = marsad.update_events()
        storylines = marsad.storylines()
    if as_json:
        print_json([storyline_dict(s) for s in storylines])
        return
    console.print(storylines_table(storylines))
    console.print(f"{len(storylines)} storyline(s)")
    if report.online_pending:
        console.print(
            f"[dim]{report.online_pending:,} article(s) joined events online since the last "
            "consolidation; `marsad rebuild` recomputes every event[/dim]"
        )


@click.command("story")
@click.argument("storyline_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def story_command(ctx: click.Context, storyline_id: str, as_json: bool, db: str | None) -> None:
    """Show STORYLINE_ID as a timeline: its dated events, their reports and sources."""
    with open_marsad(ctx, db) as marsad:
        storyline, timeline = story_timeline(marsad, storyline_id)
    if as_json:
        print_json(storyline_dict(storyline, timeline))
    else:
        show_timeline(storyline, timeline)


@click.command("event")
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def event_command(ctx: click.Context, event_id: str, as_json: bool, db: str | None) -> None:
    """Show one event: its date and the phrase it came from, its storyline and its reports."""
    with open_marsad(ctx, db) as marsad:
        event = marsad.event(event_id)
        reports = event_reports(marsad, event)
    if as_json:
        print_json(event_dict(event, reports))
    else:
        show_event(event, reports)


@click.command("events")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array.")
@click.option("--jsonl", "as_jsonl", is_flag=True, help="Print one JSON object per line.")
@click.option("--storyline", "storyline", default=None, metavar="ID", help="Only this storyline.")
@db_option
@click.pass_context
def events_command(
    ctx: click.Context, as_json: bool, as_jsonl: bool, storyline: str | None, db: str | None
) -> None:
    """Bring events up to date and list every event with its date, storyline and reports
    (ids, urls, outlets), in date order, streamed."""
    if as_json and as_jsonl:
        raise click.UsageError("give --json or --jsonl, not both")
    with open_marsad(ctx, db) as marsad:
        marsad.update_events()
        listing = marsad.event_listing(storyline)
        if as_json or as_jsonl:
            write_events(listing, lines=as_jsonl)
            return
        count = 0
        for event, reports in listing:
            show_listed_event(event, reports)
            count += 1
        console.print(f"{count:,} event(s)")


def listed_event_dict(event: Event, reports: Sequence[ReportRef]) -> dict[str, Any]:
    """The JSON shape of an event in ``marsad events``: its reports as id, url and outlet."""
    out = event_dict(event)
    out["reports"] = [
        {
            "id": r.id,
            "url": r.url,
            "outlet": r.outlet,
            "published": r.published,
            "title": r.title,
            "origin": r.origin,
        }
        for r in reports
    ]
    return out


def write_events(listing: Iterable[tuple[Event, list[ReportRef]]], lines: bool) -> None:
    """``listing`` as JSON Lines, or as one JSON array written element by element."""
    out = sys.stdout
    first = True
    if not lines:
        out.write("[")
    for event, reports in listing:
        text = json.dumps(listed_event_dict(event, reports), ensure_ascii=False)
        if lines:
            out.write(text + "\n")
        else:
            out.write(("\n" if first else ",\n") + text)
        first = False
    if not lines:
        out.write("\n]\n" if not first else "]\n")
    out.flush()


def show_listed_event(event: Event, reports: Sequence[ReportRef]) -> None:
    console.print(
        f"[bold cyan]●[/] [bold]{event.date or UNKNOWN_DATE}[/]  {isolate(event.title)}  "
        f"[dim]{event.id} · storyline {event.storyline or '—'}[/]"
    )
    for r in reports:
        console.print(f"    • [dim]{r.id}[/]  {isolate(r.outlet)}  {isolate(r.url or r.origin)}")


@click.command("rebuild")
@db_option
@click.pass_context
def rebuild_command(ctx: click.Context, db: str | None) -> None:
    """Recompute reuse links, events and storylines from scratch."""
    with open_marsad(ctx, db) as marsad:
        report = marsad.rebuild()
    console.print(
        f"rebuilt from {report.articles:,} article(s): {report.events:,} event(s), "
        f"{report.storylines:,} storyline(s) in {report.seconds:.2f}s"
    )


COMMANDS = (stories_command, story_command, event_command, events_command, rebuild_command)
