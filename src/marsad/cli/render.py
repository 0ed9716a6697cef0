"""Rendering for the command line: the consoles, JSON shapes and the tables of articles and
rejections. No logic beyond presentation.

The consoles read no markup and no emoji codes, and what comes from an article or an input
reaches them only as ``Text`` built by ``cli.safe``. JSON keeps every string as stored (JSON
escaping is enough there).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from marsad.cli.safe import DASH, Balanced, Wrapped, isolated, line, plain
from marsad.cli.tables import Column, fitted_table
from marsad.models import Article, Rejection

console = Console(highlight=False, markup=False, emoji=False)
err_console = Console(stderr=True, highlight=False, markup=False, emoji=False)


def say(*parts: Text | str | tuple[str, str], to: Console = console) -> None:
    """Print one line (wrapped at the console's width) from ``cli.safe.line`` parts."""
    to.print(Wrapped(line(*parts)))


def hanging(lead: Text | str | tuple[str, str], *parts: Text | str | tuple[str, str]) -> None:
    """One line whose wrapped continuation lines start under ``parts``, not under ``lead``."""
    grid = Table.grid()
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(line(lead), line(*parts))
    console.print(grid)


def heading(title: str, ref: str) -> None:
    """A title line (bold, in an isolate, wrapped a line at a time) and its id, over a rule."""
    say(isolated(title, "bold"), "  ", (ref, "dim"))
    console.rule(style="dim")


def shown_of(shown: int, total: int, what: str, to: Console = console) -> None:
    """``N what``, or ``N of M what (--limit)`` when a limit left some out."""
    if shown < total:
        say(f"{shown:,} of {total:,} {what} shown (--limit)", to=to)
    else:
        say(f"{total:,} {what}", to=to)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def write_rows(rows: Iterable[dict[str, Any]], lines: bool, out: Any = None) -> None:
    """``rows`` as JSON Lines, or as one JSON array written element by element (streamed)."""
    out = out or sys.stdout
    first = True
    if not lines:
        out.write("[")
    for row in rows:
        text = json.dumps(row, ensure_ascii=False)
        if lines:
            out.write(text + "\n")
        else:
            out.write(("\n" if first else ",\n") + text)
        first = False
    if not lines:
        out.write("\n]\n" if not first else "]\n")
    out.flush()


def outlet_cell(a: Article) -> Text:
    """The article's outlet, and its source when that says something more."""
    if a.outlet and a.source and a.source.casefold() != a.outlet.casefold():
        return line(isolated(a.outlet), " / ", isolated(a.source))
    return isolated(a.outlet or a.source)


def date_cell(a: Article) -> Text:
    """The publication date with where it came from (text, metadata), or a dash."""
    if not a.published.value:
        return Balanced(DASH)
    return line(plain(a.published.value), " ", (f"({a.published.provenance})", "dim"))


ARTICLE_COLUMNS = (
    Column("id", narrow=12),
    Column("date", wrap=True, min_width=10, ratio=1),
    Column("outlet", wrap=True, min_width=8, ratio=1),
    Column("lang", drop=2),
    Column("words", drop=3, justify="right"),
    Column("title", wrap=True, min_width=20, ratio=4, want=30),
)


def articles_table(articles: list[Article], width: int | None = None) -> Table:
    """Articles as a table that fits ``width`` (default: the console's)."""
    rows = [
        [
            plain(a.id),
            date_cell(a),
            outlet_cell(a),
            plain(a.lang),
            plain(f"{len(a.body.split()):,}"),
            isolated(a.title),
        ]
        for a in articles
    ]
    return fitted_table(ARTICLE_COLUMNS, rows, width or console.width)


REJECTION_COLUMNS = (
    Column("input", wrap=True, min_width=20, ratio=2, overflow="fold"),
    Column("reason"),
    Column("detail", wrap=True, min_width=20, ratio=3, overflow="fold"),
)


def rejections_table(rejections: list[Rejection], width: int | None = None) -> Table:
    """Rejected inputs, with the reason and what was wrong, as a table that fits ``width``."""
    rows = [[isolated(r.origin), plain(str(r.reason)), isolated(r.detail)] for r in rejections]
    return fitted_table(REJECTION_COLUMNS, rows, width or console.width)
