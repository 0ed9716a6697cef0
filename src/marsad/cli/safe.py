r"""Untrusted strings as rich ``Text``: shown as they are, never read as markup or control codes.

Every title, outlet, source, file name, passage, snippet and rejection detail reaches the
terminal through this module. It becomes ``Text`` (so ``x [/] y``, ``[link=…]`` or ``:smile:``
print literally) whose characters are the string's minus its control codes, so ``\x1b[2J``
cannot clear a screen: C0 and C1 controls and DEL, the bidirectional embeddings, overrides
and isolates (U+202A–U+202E, U+2066–U+2069: ours must be the only ones, or one title could
reorder a whole table), and lone surrogates (shown as U+FFFD, which a terminal can print).
Line breaks become spaces on one line, newlines in multi-line text; rich expands tabs.

Free text that may be Arabic sits in a first-strong isolate (U+2068 … U+2069): an Arabic cell
cannot reorder the ids, dates and borders beside it. A terminal reads each line as a paragraph
of its own, so ``Balanced`` closes the isolates still open at the end of every wrapped line and
opens them again on the next one (before its padding, which stays outside).

>>> clean("x [/] y\x1b[2J\n")
'x [/] y[2J '
>>> isolated("خبر").plain == LRI + "خبر" + PDI
True
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rich._wrap import divide_line  # the word breaking Text.wrap uses
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, JustifyMethod, OverflowMethod, RenderResult
from rich.containers import Lines
from rich.measure import Measurement
from rich.text import Text

LRI, PDI = "\u2068", "\u2069"  # first-strong isolate and its end
DASH = "—"

_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")
"""Removed everywhere: controls but the line breaks, tab and newline; bidi formatting."""
_BREAK = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_ONE_LINE = re.compile("[\t\n\r\x0b\x0c\x85\u2028\u2029]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean(value: str, lines: bool = False) -> str:
    """``value`` without control codes: on one line (each break or tab a space), or with its
    line breaks as newlines when ``lines``."""
    value = _SURROGATE.sub("\ufffd", value)
    value = _BREAK.sub("\n", value) if lines else _ONE_LINE.sub(" ", value)
    return _CONTROL.sub("", value)


class Balanced(Text):
    """Text whose wrapped lines each close the isolates they open (see the module docstring).

    The wrapping is rich's (``Text.wrap``: words, then justify and overflow) but a line is
    balanced before it is cut to the width, so a line ended with "…" still closes its
    isolates, and the next line reopens exactly those that the text left open.
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
        justify = justify or self.justify or "default"
        overflow = overflow or self.overflow or "fold"
        keep_whole = bool(no_wrap if no_wrap is not None else self.no_wrap)
        lines = Lines()
        depth = 0  # isolates open at the start of the line at hand
        for paragraph in self.split(allow_blank=True):
            if "\t" in paragraph:
                paragraph.expand_tabs(tab_size)
            if keep_whole or overflow == "ignore":
                pieces = Lines([paragraph])
            else:
                pieces = paragraph.divide(divide_line(paragraph.plain, width, overflow == "fold"))
            balanced = Lines()
            for piece in pieces:
                opened, depth = depth, _depth(piece.plain, depth)
                balanced.append(_balanced(piece, opened, width, overflow))
            if justify != "default":
                balanced.justify(console, width, justify=justify, overflow=overflow)
            lines.extend(balanced)
        return lines


def _balanced(piece: Text, opened: int, width: int, overflow: OverflowMethod) -> Text:
    """``piece`` cut to ``width`` (unless ``overflow`` is ignore), reopening the ``opened``
    isolates and closing those still open at its end (before its trailing spaces)."""
    plain = piece.plain
    end = len(plain.rstrip())
    cut = overflow != "ignore" and cell_len(plain) > width
    if not cut and not opened and not _depth(plain, 0):
        return piece  # the common case: a line that fits and closes what it opens
    body, space = piece[:end], piece[end:]
    if cut and cell_len(body.plain) > width:
        body.truncate(width, overflow="crop" if overflow == "fold" else overflow)
        space = Text()
    elif cut:
        space.truncate(width - cell_len(body.plain), overflow="crop")
    closing = _depth(body.plain, opened)
    if not end or not (opened or closing):
        return Text.assemble(body, space)
    return Text.assemble(LRI * opened, body, PDI * closing, space)


def _depth(text: str, depth: int) -> int:
    """Isolates open after ``text`` when ``depth`` were open before it."""
    if LRI not in text and PDI not in text:
        return depth
    for char in text:
        depth = depth + 1 if char == LRI else max(depth - 1, 0) if char == PDI else depth
    return depth


class Wrapped:
    """A ``Balanced`` line for ``Console.print``, which would join bare ``Text`` objects into
    a plain ``Text`` (and so wrap it without balancing the isolates)."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.text.__rich_console__(console, options)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return self.text.__rich_measure__(console, options)


def plain(value: str | None, style: str = "") -> Balanced:
    """``value`` on one line as it is (ids, paths, reasons), or a dash when there is none."""
    return Balanced(clean(value or "") or DASH, style=style)


def isolated(value: str | None, style: str = "") -> Balanced:
    """``value`` on one line in a first-strong isolate (titles, outlets), or a dash."""
    if not value or not (text := clean(value)).strip():
        return Balanced(DASH, style=style)
    return Balanced(LRI + text + PDI, style=style)


def paragraphs(value: str | None, style: str = "") -> Balanced:
    """Multi-line text (a body, a passage) in a first-strong isolate, its newlines kept."""
    if not value:
        return Balanced(DASH, style=style)
    return Balanced(LRI + clean(value, lines=True) + PDI, style=style)


def line(*parts: Text | str | tuple[str, str]) -> Balanced:
    """One display line, which may wrap: ``Text`` parts from the functions above, and strings
    or ``(string, style)`` pairs, which are cleaned too and never read as markup."""
    text = Balanced()
    for part in parts:
        if isinstance(part, Text):
            text.append(part)
        elif isinstance(part, tuple):
            text.append(clean(part[0]), style=part[1])
        else:
            text.append(clean(part))
    return text


def joined(values: list[str], sep: str = ", ", show: Callable[[str], Text] = isolated) -> Text:
    """``values`` each shown by ``show`` (isolated by default), joined; a dash when none."""
    text = Balanced()
    for value in values:
        if value:
            text.append(sep if text else "")
            text.append(show(value))
    return text if text else Balanced(DASH)
