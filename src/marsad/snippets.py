"""The piece of a search hit that is shown: the first paragraph holding a query word."""

from __future__ import annotations

from collections.abc import Sequence

from marsad.arabic import StemFinder
from marsad.models import Article

__all__ = ["snippet"]


def snippet(article: Article, finder: StemFinder, width: int = 240) -> str:
    """The first paragraph holding a query word (``finder``: their stems), shown in the
    original. The paragraphs are read in the stored normalized body, which holds them in the
    same order between blank lines (when it holds as many), not normalized again."""
    parts = article.norm_body.split("\n\n")
    normalized: Sequence[str | None] = (
        parts if len(parts) == len(article.paragraphs) else [None] * len(article.paragraphs)
    )
    for (start, end), known in zip(article.paragraphs, normalized, strict=True):
        paragraph = article.body[start:end]
        if finder.holds(paragraph, known):
            return paragraph if len(paragraph) <= width else _cut(paragraph, width)
    return (article.title or article.body[:width]).strip()


def _cut(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` characters at a space (a word is never cut), then "…".

    >>> _cut("one two three", 9)
    'one two …'
    """
    head = text[: width + 1]
    head = head.rsplit(None, 1)[0] if " " in head.strip() else head[:width]
    return head.rstrip() + " …"
