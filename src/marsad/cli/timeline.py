"""Storylines and events for the terminal and as JSON: tables, timelines, spans and dates.

What is not known is said, not filled in: an event without a date from its text shows when it
was first reported, or "date unknown"; a storyline's span counts only the events whose time
is known and says how many are undated; undated events close a timeline, under their own
heading, as their order is unknown.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.table import Table
from rich.text import Text

from marsad.cli.render import console, hanging, heading, say, write_rows
from marsad.cli.safe import DASH, Balanced, isolated, joined, line, plain
from marsad.cli.tables import Column, fitted_table
from marsad.models import Article, Event, Storyline
from marsad.shapes import Timeline, listed_event_dict, when
from marsad.store.records import EventReports, ReportRef

UNKNOWN_DATE = "date unknown"


def write_events(listing: Iterable[EventReports], lines: bool) -> None:
    """``listing`` as JSON Lines, or as one JSON array written element by element."""
    write_rows((listed_event_dict(x.event, x.reports) for x in listing), lines)


# --- dates ------------------------------------------------------------------------------------


def event_date(e: Event) -> str:
    """An event's date for a person: the date, or what is known instead.

    >>> event_date(Event("e1", "t", ("a",), (), None, None, "2015-07-21", None, None))
    'date unknown, first reported 2015-07-21'
    """
    if e.date:
        return e.date
    if e.first_seen:
        return f"{UNKNOWN_DATE}, first reported {e.first_seen}"
    return UNKNOWN_DATE


def span_text(events: Sequence[Event]) -> str:
    """When a storyline's events happened, as far as known: the first and the last known day,
    and how many events are undated (their time unknown).

    >>> e = Event("e1", "t", ("a",), (), "2020-05-11", None, None, None, "s")
    >>> span_text([e]), span_text([e, e.__class__("e2", "t", ("b",), (), None, None, None,
    ...     None, "s")]), span_text([])
    ('2020-05-11', '2020-05-11, +1 undated', 'unknown')
    """
    days = sorted(d for d in map(when, events) if d)
    undated = len(events) - len(days)
    if not days:
        return "unknown" if not events else f"unknown, {undated} undated"
    shown = days[0] if days[0] == days[-1] else f"{days[0]} → {days[-1]}"
    return f"{shown}, +{undated} undated" if undated else shown


# --- terminal ---------------------------------------------------------------------------------

STORYLINE_COLUMNS = (
    Column("id"),
    Column("events", justify="right"),
    Column("reports", justify="right"),
    Column("span", wrap=True, min_width=12, ratio=1),
    Column("title", wrap=True, min_width=20, ratio=3, want=30),
    Column("outlets", wrap=True, min_width=10, ratio=1, drop=1),
)


def storylines_table(storylines: Sequence[Storyline], events: dict[str, list[Event]]) -> Table:
    """Storylines (their ``events`` by storyline id) as a table that fits the console; ids
    are shown as a 12-character prefix, which every command takes."""
    rows = [
        [
            plain(s.id[:12]),
            plain(str(len(s.events))),
            plain(str(s.articles)),
            Balanced(span_text(events.get(s.id, []))),
            isolated(s.title),
            joined(list(s.outlets)),
        ]
        for s in storylines
    ]
    return fitted_table(STORYLINE_COLUMNS, rows, console.width)


def show_timeline(storyline: Storyline, timeline: Timeline) -> None:
    heading(storyline.title, storyline.id)
    events = [e for e, _ in timeline]
    say(
        f"{len(storyline.events)} event(s) · {storyline.articles} report(s) · "
        f"{span_text(events)} · outlets: ",
        joined(list(storyline.outlets)),
    )
    undated = False
    for n, (event, reports) in enumerate(timeline):
        if when(event) is None and not undated:
            undated = True
            say(("│", "dim"))
            say(("undated events (their order is unknown):", "bold"))
        elif n:
            say(("│", "dim"))
        show_timeline_event(event, reports)


def show_timeline_event(event: Event, reports: Sequence[Article]) -> None:
    say(
        ("● ", "bold cyan"),
        (event_date(event), "bold"),
        "  ",
        isolated(event.title),
        "  ",
        (event.id, "dim"),
    )
    say(("│", "dim"), "   sources: ", joined(list(event.outlets)))
    for a in reports:
        hanging(
            line(("│", "dim"), "   • "),
            (a.id, "dim"),
            "  ",
            isolated(a.outlet or a.source),
            "  ",
            isolated(a.title),
        )


def show_event(event: Event, reports: Sequence[Article]) -> None:
    heading(event.title, event.id)
    date: list[Text | str] = [event_date(event)]
    if event.date and event.date_evidence:
        date += [" (from ", isolated(event.date_evidence), ")"]
    for key, value in (
        ("date", date),
        ("first seen", [event.first_seen or "unknown"]),
        ("last seen", [event.last_seen or "unknown"]),
        ("storyline", [event.storyline or DASH]),
        ("sources", [joined(list(event.outlets))]),
    ):
        say((f"{key}:", "bold"), " ", *value)
    console.print(reports_table(reports))


REPORT_COLUMNS = (
    Column("id", narrow=12),
    Column("published"),
    Column("outlet", wrap=True, min_width=8, ratio=1),
    Column("title", wrap=True, min_width=20, ratio=3, want=30),
    Column("url", wrap=True, min_width=20, ratio=2, drop=1, overflow="fold"),
)


def reports_table(reports: Sequence[Article]) -> Table:
    rows = [
        [
            plain(a.id),
            plain(a.published.value),
            isolated(a.outlet or a.source),
            isolated(a.title),
            plain(a.url),
        ]
        for a in reports
    ]
    return fitted_table(REPORT_COLUMNS, rows, console.width)


def show_listed_event(event: Event, reports: Sequence[ReportRef]) -> None:
    say(
        ("● ", "bold cyan"),
        (event_date(event), "bold"),
        "  ",
        isolated(event.title),
        "  ",
        (f"{event.id} · storyline {event.storyline or DASH}", "dim"),
    )
    for r in reports:
        where = plain(r.url or r.origin)
        hanging("    • ", (r.id, "dim"), "  ", isolated(r.outlet), "  ", where)
