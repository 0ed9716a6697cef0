"""``marsad entities`` and ``marsad entity``: the people, organizations and places of the store.

Both first read the articles stored since the last time for names (``Marsad.update_entities``,
with progress on stderr), so what they list is up to date. Names are article text: every cell
is printed through ``cli.safe`` (control characters shown, never read as markup, Arabic set in
an isolate so it cannot reorder the ids and counts beside it).
"""

from __future__ import annotations

import click
from rich.table import Table
from rich.text import Text

from marsad.app import Marsad
from marsad.cli.common import db_option, limit_option, open_marsad
from marsad.cli.progress import reporting
from marsad.cli.render import console, err_console, heading, print_json, say, shown_of
from marsad.cli.safe import isolated, joined, plain
from marsad.cli.tables import Column, fitted_table
from marsad.cli.timeline import event_date
from marsad.engine.entities import EntityReport
from marsad.models import Entity, EntityProfile
from marsad.shapes import entity_dict, entity_profile_dict, quote_dict

KIND_NAMES = {"PER": "person", "ORG": "organization", "LOC": "place"}


def updated_entities(marsad: Marsad) -> EntityReport:
    """Read the articles stored since the last update for names, showing progress."""
    with reporting(err_console, "entities") as progress:
        report = marsad.update_entities(progress=progress)
    if report.failed:
        err_console.print(
            f"[yellow]{report.failed:,} article(s) could not be read for names; they are kept "
            "without entities and listed by `marsad rejected`[/]"
        )
    return report


def entities_table(entities: list[Entity]) -> Table:
    columns = [
        Column("id"),
        Column("kind"),
        Column("name", wrap=True, min_width=16, ratio=3),
        Column("events", justify="right"),
        Column("articles", justify="right", drop=1),
        Column("mentions", justify="right", drop=2),
    ]
    rows = [
        [
            Text(e.id, style="cyan"),
            Text(e.kind),
            isolated(e.name),
            Text(f"{e.events:,}"),
            Text(f"{e.articles:,}"),
            Text(f"{e.mentions:,}"),
        ]
        for e in entities
    ]
    return fitted_table(columns, rows, console.width)


def show_profile(p: EntityProfile) -> None:
    """An entity for the terminal: its kind and counts, names, roles, events and storylines."""
    e = p.entity
    heading(e.name, e.id)
    say(
        f"{KIND_NAMES.get(e.kind, e.kind)}: {e.mentions:,} mention(s) in {e.articles:,} "
        f"article(s), {e.events:,} event(s)"
    )
    say("written as: ", joined([f"{n.name} ×{n.count}" for n in p.names]))
    if p.roles:
        say("roles:")
        for role in p.roles:
            days = role.first if role.first == role.last else f"{role.first} → {role.last}"
            say("  ", isolated(role.role), f"  ×{role.count}  ", plain(days or "undated"))
    if p.events:
        say("events:")
        for event in p.events:
            say(
                "  ",
                (event.id, "cyan"),
                "  ",
                plain(event_date(event)),
                "  ",
                isolated(event.title),
            )
    if p.storylines:
        say("storylines:")
        for storyline in p.storylines:
            say("  ", (storyline.id, "cyan"), "  ", isolated(storyline.title))


@click.command("entities")
@click.option(
    "--type",
    "kind",
    type=click.Choice(["PER", "ORG", "LOC"], case_sensitive=False),
    default=None,
    help="Only people (PER), organizations (ORG) or places (LOC).",
)
@limit_option(default=50, what="entities")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def entities_command(
    ctx: click.Context, kind: str | None, limit: int | None, as_json: bool, db: str | None
) -> None:
    """Bring entities up to date and list them by number of events."""
    kind = kind.upper() if kind else None
    with open_marsad(ctx, db) as marsad:
        updated_entities(marsad)
        shown = marsad.entities(kind, limit)
        total = marsad.entity_count(kind)
    if as_json:
        print_json([entity_dict(e) for e in shown])
        return
    console.print(entities_table(shown))
    shown_of(len(shown), total, "entities")


@click.command("entity")
@click.argument("name_or_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def entity_command(ctx: click.Context, name_or_id: str, as_json: bool, db: str | None) -> None:
    """Show one entity, by id or by name in any spelling: its names, its roles over time, its
    events and storylines."""
    with open_marsad(ctx, db) as marsad:
        updated_entities(marsad)
        profile = marsad.entity_profile(name_or_id)
    if as_json:
        print_json(entity_profile_dict(profile))
    else:
        show_profile(profile)


@click.command("quotes")
@click.option(
    "--entity", "entity", metavar="NAME", help="Only quotes of this speaker (a name or id)."
)
@limit_option(default=50, what="quotes")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def quotes_command(
    ctx: click.Context, entity: str | None, limit: int | None, as_json: bool, db: str | None
) -> None:
    """Bring entities and quotes up to date and list who said what, newest first."""
    with open_marsad(ctx, db) as marsad:
        updated_entities(marsad)
        found = marsad.quotes(entity, limit)
        shown = [quote_dict(q, marsad.article(q.article_id)) for q in found]
    if as_json:
        print_json(shown)
        return
    for q in shown:
        speaker = q["speaker"] or "speaker unknown"
        say(
            (q["article_id"], "cyan"),
            "  ",
            plain(q["published"] or "undated"),
            "  ",
            isolated(speaker, "bold"),
            *((" (", isolated(q["verb"]), ")") if not q["implicit"] else (" (continued)",)),
        )
        say("  ", isolated(q["text"]))
    say(
        f"{len(shown):,} quote(s)"
        + (" (the --limit; there may be more)" if limit == len(shown) else "")
    )


COMMANDS = (entities_command, entity_command, quotes_command)
