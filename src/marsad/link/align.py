"""Aligned passages between two articles, as character spans of their original text.

Each word of the original body is found with its span and normalized on its own; shingles of
those words are matched between the two articles, and runs of matching shingles become
passages. A light rewrite (``link/rewrites.py``) keeps few runs of five words, so its passages
are aligned over light stems instead, across gaps of a word or two (a swapped or dropped word).
Offsets point into ``Article.body`` (what is shown), never into normalized text.
"""

from __future__ import annotations

import difflib
import functools
import itertools
import re
from dataclasses import dataclass

from marsad.arabic import normalize, stem_tokens
from marsad.link.shingles import shingle_batch

_WORD_RE = re.compile(r"[^\W_]+")
_SPLIT_RE = re.compile(r"([^\W_]+)")


@dataclass(frozen=True, slots=True)
class Passage:
    """A passage of ``a`` found in ``b``: character spans in each body, and its length in words."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    words: int


def words_with_spans(body: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Normalized words of an original body, each with the span of the original word."""
    # One split and running sums of the parts' lengths give every word with its span, with
    # no Python step per word (an article's words are prepared once per update, and a first
    # index prepares tens of thousands).
    parts = _SPLIT_RE.split(body)  # separator, word, separator, word, ..., separator
    bounds = list(itertools.accumulate(map(len, parts), initial=0))
    spans = list(zip(bounds[1:-1:2], bounds[2::2], strict=True))
    pieces = list(map(_pieces, parts[1::2]))
    words = list(itertools.chain.from_iterable(pieces))
    if len(words) != len(spans):  # a word normalized into several (or none)
        spans = [span for span, found in zip(spans, pieces, strict=True) for _ in found]
    return words, spans


@functools.lru_cache(maxsize=1 << 18)
def _pieces(word: str) -> tuple[str, ...]:
    """The normalized words of one original word (news repeats its vocabulary: cached)."""
    return tuple(_WORD_RE.findall(normalize(word)))


@dataclass(frozen=True, slots=True)
class AlignText:
    """An original body prepared for alignment: word spans, shingles and where each starts."""

    spans: list[tuple[int, int]]
    shingles: list[int]
    first: dict[int, int]
    words: tuple[str, ...] = ()

    @classmethod
    def of(cls, body: str, n: int) -> AlignText:
        words, spans = words_with_spans(body)
        seq = shingle_batch([" ".join(words)], n)[0].tolist()
        # where each shingle first stands: later positions are written first, then overwritten
        first = dict(zip(reversed(seq), range(len(seq) - 1, -1, -1), strict=True))
        return cls(spans, seq, first, tuple(words))


def align(body_a: str, body_b: str, n: int, min_words: int = 8) -> list[Passage]:
    """Passages of ``body_a`` that also stand in ``body_b``, in ``a``'s order."""
    return align_texts(AlignText.of(body_a, n), AlignText.of(body_b, n), n, min_words)


def align_texts(a: AlignText, b: AlignText, n: int, min_words: int = 8) -> list[Passage]:
    """``align`` on prepared texts (prepare each article once when it has many links)."""
    passages: list[Passage] = []
    values_a, values_b = a.shingles, b.shingles
    i = 0
    while i < len(values_a):
        j = b.first.get(values_a[i])
        if j is None:
            i += 1
            continue
        length = 1
        while (
            i + length < len(values_a)
            and j + length < len(values_b)
            and values_a[i + length] == values_b[j + length]
        ):
            length += 1
        words = length + n - 1
        if words >= min_words:
            last_a, last_b = i + words - 1, j + words - 1
            passages.append(
                Passage(a.spans[i][0], a.spans[last_a][1], b.spans[j][0], b.spans[last_b][1], words)
            )
        i += length
    return passages


def stem_matcher(a: AlignText, b: AlignText) -> difflib.SequenceMatcher[str]:
    """The two texts' words compared by their light stems (what a light rewrite keeps)."""
    stems_a, stems_b = stem_tokens(list(a.words)), stem_tokens(list(b.words))
    return difflib.SequenceMatcher(None, stems_a, stems_b, autojunk=False)


def align_rewritten(
    a: AlignText,
    b: AlignText,
    min_words: int = 8,
    max_gap: int = 2,
    matcher: difflib.SequenceMatcher[str] | None = None,
) -> list[Passage]:
    """Passages of ``a`` that stand in ``b`` with light edits: runs of equal light stems
    joined across gaps of at most ``max_gap`` words on either side, at least ``min_words``
    words of ``a`` long, in ``a``'s order (``words`` counts a's words, gaps included;
    ``matcher``: ``stem_matcher(a, b)`` when the caller has it)."""
    matcher = matcher or stem_matcher(a, b)
    passages: list[Passage] = []
    run: list[int] | None = None  # a_start, b_start, a_end, b_end (word indexes)

    def close(run: list[int] | None) -> None:
        if run is not None and run[2] - run[0] >= min_words:
            a_start, b_start, a_end, b_end = run
            passages.append(
                Passage(
                    a.spans[a_start][0],
                    a.spans[a_end - 1][1],
                    b.spans[b_start][0],
                    b.spans[b_end - 1][1],
                    a_end - a_start,
                )
            )

    for block in matcher.get_matching_blocks():
        if not block.size:
            continue
        if run is not None and block.a - run[2] <= max_gap and block.b - run[3] <= max_gap:
            run[2], run[3] = block.a + block.size, block.b + block.size
            continue
        close(run)
        run = [block.a, block.b, block.a + block.size, block.b + block.size]
    close(run)
    return passages


def paragraph_of(offset: int, paragraphs: tuple[tuple[int, int], ...]) -> int:
    """The index of the paragraph holding character ``offset`` (-1 when none does)."""
    for k, (start, end) in enumerate(paragraphs):
        if start <= offset < end:
            return k
    return -1
