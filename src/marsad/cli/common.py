"""Pieces every command shares: the --db and --limit options and opening the store."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from marsad.app import Marsad

F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    """``--db FILE`` on a command, overriding the one given before the command name."""
    return click.option("--db", "db", default=None, metavar="FILE", help="SQLite database file.")(
        func
    )


def limit_option(default: int | None = None, what: str = "items") -> Callable[[F], F]:
    """``--limit N`` on a listing: at most N (a positive number; 0 or less is bad usage)."""
    shown = f" (default {default})" if default else " (default: all)"
    return click.option(
        "--limit",
        type=click.IntRange(min=1),
        default=default,
        metavar="N",
        help=f"Show at most N {what}{shown}.",
    )


def open_marsad(ctx: click.Context, db: str | None, create: bool = False) -> Marsad:
    """The database chosen by ``--db``, ``$MARSAD_DB`` or the settings. Only a command that
    writes new data (``create``: ingest) may create it; the others say it does not exist."""
    chosen = db or (ctx.obj or {}).get("db")
    return Marsad(chosen, create=create) if chosen else Marsad(create=create)
