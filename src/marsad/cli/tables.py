"""Tables that fit the terminal: columns chosen and sized for the width, words never broken.

Rich shrinks every wrapping column alike, so at 80 columns a title column could be left with
4 characters and Arabic words cut every few letters. Here each column says how it may give way
(``Column``) and ``fitted_table`` decides before rich draws: one-line columns (ids, dates,
counts) keep their width, wrapping columns start from their minimum, optional columns are
dropped (highest ``drop`` first) while the wrapping columns cannot have the width they
``want``, ids are cut to a still usable
prefix, and the spare width goes to the wrapping columns by ``ratio``, never past what their
text needs. A wrapping column is at least as wide as its longest word (up to ``max_word``) and
ends a longer word with "…" rather than folding it onto the next line.

>>> from rich.text import Text
>>> columns = [Column("id"), Column("title", wrap=True, min_width=20, ratio=3)]
>>> fitted_widths(columns, [[Text("a1"), Text("word " * 30)]], 40)
[2, 31]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import JustifyMethod, OverflowMethod
from rich.table import Table
from rich.text import Text

Row = Sequence[Text]


@dataclass(frozen=True, slots=True)
class Column:
    """How one column gives way when the width is short (see the module docstring)."""

    header: str
    wrap: bool = False
    min_width: int = 0
    ratio: int = 1
    drop: int = 0
    narrow: int | None = None
    max_word: int = 20
    want: int = 0
    """A width worth dropping optional columns for (a title wants room for a few words)."""
    justify: JustifyMethod = "left"
    overflow: OverflowMethod = "ellipsis"
    """What a wrapping column does with a word longer than itself: "fold" it (paths, urls,
    which are not words to read) or end it with "…" (the default)."""


def _border(columns: int) -> int:
    """Width taken by the borders and the padding of a table with ``columns`` columns."""
    return 3 * columns + 1


def _natural(column: Column, cells: Sequence[Text]) -> int:
    lines = [column.header, *(line for cell in cells for line in cell.plain.split("\n"))]
    return max(cell_len(x) for x in lines)


def _longest_word(cells: Sequence[Text]) -> int:
    return max((cell_len(w) for cell in cells for w in cell.plain.split()), default=1)


def _fit(columns: Sequence[Column], rows: Sequence[Row], width: int) -> tuple[list[int], list[int]]:
    """The indexes of the columns kept and their widths."""
    cells = [[row[k] for row in rows] for k in range(len(columns))]
    natural = [_natural(c, cells[k]) for k, c in enumerate(columns)]
    lower = [
        min(natural[k], max(c.min_width, min(_longest_word(cells[k]), c.max_word)))
        if c.wrap
        else natural[k]
        for k, c in enumerate(columns)
    ]
    wanted = [max(lower[k], min(c.want, natural[k])) for k, c in enumerate(columns)]
    kept = list(range(len(columns)))

    def need(sizes: list[int] = lower) -> int:
        return sum(sizes[k] for k in kept) + _border(len(kept))

    for k in sorted((k for k in kept if columns[k].drop > 0), key=lambda k: -columns[k].drop):
        if need(wanted) <= width:
            break
        kept.remove(k)
    for k in kept:  # ids cut to a usable prefix, when dropping was not enough
        narrow = columns[k].narrow
        if need() > width and narrow is not None and lower[k] > narrow:
            lower[k] = natural[k] = narrow
    widths = {k: lower[k] for k in kept}
    spare = width - need()
    growing = [k for k in kept if columns[k].wrap and widths[k] < natural[k]]
    while spare > 0 and growing:
        total = sum(columns[k].ratio for k in growing) or 1
        given = 0
        for k in growing:
            share = max(1, spare * columns[k].ratio // total) if columns[k].ratio else 0
            share = min(share, natural[k] - widths[k], spare - given)
            widths[k] += share
            given += share
        if not given:
            break
        spare -= given
        growing = [k for k in growing if widths[k] < natural[k]]
    while sum(widths.values()) + _border(len(kept)) > width:  # too narrow for the minimums
        widest = max(kept, key=lambda k: widths[k])
        if widths[widest] <= 1:
            break
        widths[widest] -= 1
    return kept, [widths[k] for k in kept]


def fitted_widths(columns: Sequence[Column], rows: Sequence[Row], width: int) -> list[int]:
    """The width of each column kept (see ``fitted_table``)."""
    return _fit(columns, rows, width)[1]


def fitted_table(
    columns: Sequence[Column],
    rows: Sequence[Row],
    width: int,
    section_ends: frozenset[int] = frozenset(),
) -> Table:
    """A table of ``rows`` (one ``Text`` a column) at most ``width`` wide; a line is drawn
    under the rows whose index is in ``section_ends``."""
    kept, widths = _fit(columns, rows, width)
    table = Table(header_style="bold", show_lines=False)
    for k, size in zip(kept, widths, strict=True):
        column = columns[k]
        table.add_column(
            Text(column.header),
            width=size,
            no_wrap=not column.wrap,
            overflow=column.overflow if column.wrap else "crop",
            justify=column.justify,
        )
    for n, row in enumerate(rows):
        table.add_row(*(row[k] for k in kept), end_section=n in section_ends)
    return table
