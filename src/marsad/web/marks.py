"""Pieces of an article's text to show with marks: copied passages and search matches.

The text is cut into (text, mark) pieces; the template escapes every piece, so nothing from an
article ever reaches the page as markup. Offsets index the original text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from marsad.arabic import StemFinder, normalize, stems, tokens
from marsad.models import ReuseLink

# A word as ``arabic.tokens`` finds it after normalizing: letters and digits, with the marks and
# tatweel that normalizing removes from inside Arabic words.
_WORD: Final = re.compile(r"(?:[^\W_]|[\u0610-\u061a\u064b-\u065f\u0670\u0640])+")


@dataclass(frozen=True, slots=True)
class Piece:
    """``text``, and when it is marked, what it is marked with (a partner article's id for a
    copied passage, ``"match"`` for a search match)."""

    text: str
    mark: str | None = None


def passages_of(article_id: str, links: Iterable[ReuseLink]) -> list[tuple[int, int, str]]:
    """(start, end, other article) of each passage this article shares, in the article."""
    found: list[tuple[int, int, str]] = []
    for link in links:
        for a_start, a_end, b_start, b_end, _ in link.passages:
            if link.a == article_id:
                found.append((a_start, a_end, link.b))
            elif link.b == article_id:
                found.append((b_start, b_end, link.a))
    return sorted(found)


def pieces(text: str, spans: Sequence[tuple[int, int, str]]) -> list[Piece]:
    """``text`` cut at ``spans`` (sorted; an overlap is cut off at the span before it).

    >>> pieces("abcdef", [(1, 3, "x"), (2, 5, "y")])
    [Piece(text='a', mark=None), Piece(text='bc', mark='x'), Piece(text='de', mark='y'), \
Piece(text='f', mark=None)]
    """
    found: list[Piece] = []
    at = 0
    for start, end, mark in spans:
        start, end = max(start, at), min(end, len(text))
        if start >= end:
            continue
        if start > at:
            found.append(Piece(text[at:start]))
        found.append(Piece(text[start:end], mark))
        at = end
    if at < len(text):
        found.append(Piece(text[at:]))
    return found


def matches(text: str, query: str) -> list[Piece]:
    """``text`` with the words whose stem is one of the query's marked ``"match"``.

    >>> [p.mark for p in matches("قال الرَّئيس الأميركي", "الأمريكي")]
    [None, 'match']
    """
    finder = _finder(query)
    wanted = finder.wanted
    normalized = normalize(text)
    if not wanted or not finder.may_hold(normalized):
        return [Piece(text)] if text else []
    words = list(_WORD.finditer(text))
    found = tokens(normalized)
    if len(found) != len(words):  # normalizing joined or split a word: stem word by word
        found = [next(iter(tokens(normalize(m.group()))), "") for m in words]
    spans = [
        (m.start(), m.end(), "match")
        for m, hit in zip(words, finder.found(found), strict=True)
        if hit
    ]
    return pieces(text, spans)


@functools.lru_cache(maxsize=64)
def _finder(query: str) -> StemFinder:
    """The stems of a query, once for the many texts a page marks with it."""
    return StemFinder(stems(query))
