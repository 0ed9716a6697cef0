"""Long ``IN (…)`` lists as runs a statement can bind."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

IN_LIST = 500  # values per ``IN (…)`` list, well under SQLite's limit on bound parameters

_V = TypeVar("_V")


def in_lists(values: Sequence[_V]) -> Iterator[tuple[list[_V], str]]:
    """``values`` in runs of ``IN_LIST``, each with its ``?, ?, …`` placeholders."""
    for k in range(0, len(values), IN_LIST):
        chunk = list(values[k : k + IN_LIST])
        yield chunk, ", ".join("?" * len(chunk))
