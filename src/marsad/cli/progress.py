"""Progress of the long updates (``reuse``, ``stories``, ``events``, ``rebuild``, ``dedup``).

On a terminal, a live bar on stderr for each step, with its count, the time left and the time
taken, gone when the command prints its answer. Elsewhere (a log file, a pipe, cron), one line
on stderr at most every ``PERIOD`` seconds, so a short run prints nothing and a long one shows
where it is. Steps come from the engine as ``(step, done, total)``
(``engine.linking.StepProgress``); a step whose total is 1 cannot count its work.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from marsad.cli.safe import line
from marsad.engine.linking import StepProgress

PERIOD = 10.0
"""Seconds between two progress lines when stderr is not a terminal."""


@contextmanager
def reporting(console: Console, what: str) -> Iterator[StepProgress]:
    """A progress callback for ``what`` (e.g. "reuse") that shows itself on ``console``."""
    if not console.is_terminal:
        yield _Lines(console, what)
        return
    bar = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        TextColumn("{task.fields[count]}", markup=False),
        TimeRemainingColumn(),
        TextColumn("elapsed"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
    tasks: dict[str, TaskID] = {}

    def update(step: str, done: int, total: int) -> None:
        if step not in tasks:
            tasks[step] = bar.add_task(f"{what}: {step}", total=None, count="")
        counted = total > 1
        bar.update(
            tasks[step],
            completed=done,
            total=total if counted or done >= total else None,
            count=f"{done:,}/{total:,}" if counted else "",
        )

    with bar:
        yield update


class _Lines:
    """The callback that prints a line at most every ``PERIOD`` seconds."""

    def __init__(self, console: Console, what: str) -> None:
        self.console, self.what = console, what
        self.last = time.monotonic()
        self.step, self.began = "", self.last

    def __call__(self, step: str, done: int, total: int) -> None:
        now = time.monotonic()
        if step != self.step:
            self.step, self.began = step, now
        if now - self.last < PERIOD:
            return
        self.last = now
        taken = now - self.began
        parts = [f"{self.what}: {step}"]
        if total > 1:
            parts.append(f"{done:,}/{total:,} ({done / total:.0%})")
        parts.append(f"{duration(taken)} so far")
        if total > 1 and 0 < done < total:
            parts.append(f"about {duration(taken / done * (total - done))} left")
        self.console.print(line(" · ".join(parts)), soft_wrap=True)  # a log line, whole


def duration(seconds: float) -> str:
    """``seconds`` for a person: "4 s", "2 min 5 s", "1 h 3 min".

    >>> duration(4.2), duration(125), duration(3790)
    ('4 s', '2 min 5 s', '1 h 3 min')
    """
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    if whole < 3600:
        return f"{whole // 60} min {whole % 60} s"
    return f"{whole // 3600} h {whole % 3600 // 60} min"
