"""Cursor pagination over lists in a stated order, and the filters every list takes.

A cursor is the sort key of the last item a page showed, opaque to clients (URL-safe base64 of
JSON): the next page starts after it, so an item added meanwhile never shifts a page the way an
offset would. Dates are ISO days; a bad one is the client's error (``PageError``, a 400).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final, Generic, TypeVar

from marsad.models import Storyline

__all__ = [
    "DEFAULT_PAGE",
    "MAX_PAGE",
    "Page",
    "PageError",
    "day",
    "days",
    "decoded",
    "encoded",
    "page",
    "pair",
    "story_key",
]

DEFAULT_PAGE: Final = 50
MAX_PAGE: Final = 200

T = TypeVar("T")
Key = tuple[str, ...]


class PageError(ValueError):
    """A cursor or a filter the client sent cannot be read."""


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    next: str | None  # the cursor of the next page, None on the last


def page(
    items: Sequence[T],
    key: Callable[[T], Key],
    cursor: str | None,
    limit: int,
    descending: bool = False,
) -> Page[T]:
    """The ``limit`` items after ``cursor`` of ``items`` sorted by ``key`` (``descending``).

    >>> first = page(["c", "a", "b"], lambda s: (s,), None, 2)
    >>> first.items, page(["c", "a", "b"], lambda s: (s,), first.next, 2).items
    (['a', 'b'], ['c'])
    """
    ordered = sorted(items, key=key, reverse=descending)
    if cursor is not None:
        last = decoded(cursor)
        ordered = [i for i in ordered if (key(i) < last if descending else key(i) > last)]
    shown = ordered[:limit]
    more = len(ordered) > limit and bool(shown)
    return Page(shown, encoded(key(shown[-1])) if more else None)


def story_key(s: Storyline) -> tuple[str, str]:
    """A storyline's place in the order of recent activity (``Marsad.recent_storylines``)."""
    return (s.end or s.start or "", s.id)


def day(value: str | None, name: str) -> str | None:
    """``value`` checked as an ISO day (YYYY-MM-DD), or None."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise PageError(f"{name} must be a day as YYYY-MM-DD, not {value!r}") from None


def days(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """``since`` and ``until`` checked as days, ``since`` not after ``until``."""
    first, last = day(since, "since"), day(until, "until")
    if first and last and first > last:
        raise PageError(f"since ({first}) is after until ({last}): no day is in between")
    return first, last


def encoded(key: Key) -> str:
    """The cursor that starts after the item whose sort key is ``key``."""
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode()).decode().rstrip("=")


def pair(cursor: str | None) -> tuple[str, str] | None:
    """The (day, id) sort key a list's cursor holds, or None without one (``PageError`` for
    one this server did not give)."""
    if not cursor:
        return None
    first, second = decoded(cursor, 2)
    return first, second


def decoded(cursor: str, size: int | None = None) -> Key:
    """The sort key a cursor holds (of ``size`` parts, when given), or ``PageError``."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        found = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise PageError("the cursor is not one this server gave; start without it") from None
    if not isinstance(found, list) or not all(isinstance(x, str) for x in found):
        raise PageError("the cursor is not one this server gave; start without it")
    if size is not None and len(found) != size:
        raise PageError("the cursor is not one this server gave; start without it")
    return tuple(found)
