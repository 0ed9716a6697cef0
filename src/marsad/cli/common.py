"""Pieces every command shares: the --db option and opening the store."""

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


def open_marsad(ctx: click.Context, db: str | None) -> Marsad:
    chosen = db or (ctx.obj or {}).get("db")
    return Marsad(chosen) if chosen else Marsad()
