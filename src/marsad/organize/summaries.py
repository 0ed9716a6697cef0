"""A few sentences that tell an event, each from a named report; a storyline as a timeline.

An event's summary is chosen from its reports' own sentences (extractive: nothing is written
that a report did not say, and each sentence keeps its article, outlet and span):

1. **Reports**: a copy of another report of the event (the reuse stage's exact and near
   copies, and texts mostly contained in another) counts once: only the longer text is read.
2. **Candidates**: the first ``LEAD`` sentences of each report, of ``MIN_WORDS`` to
   ``MAX_WORDS`` words, not ending in a colon (an introduction to a list or a quote).
3. **Score**: what the reports agree on is what happened. A sentence scores by the share of
   the event's reports whose candidates hold each of its stems (averaged over its stems, so a
   long sentence gains nothing by length), more for sentences early in their report (news puts
   what happened first).
4. **Choice** (greedy, like maximal marginal relevance): the best-scored sentence first, then each
   next one by its score plus the people, organizations and places it names that the chosen
   ones do not (when the entity stage has run), less when its report already gave one; a
   sentence whose words overlap a chosen one by more than ``MAX_JACCARD`` (word Jaccard) is
   never chosen. ``SIZE`` sentences, fewer only when the reports have no more.

A storyline's digest is one line per event in date order: the event's date and the first
sentence of its summary (its title when it has none), with the sentence's source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from marsad.arabic.normalize import normalize
from marsad.arabic.stem import stem_tokens
from marsad.arabic.stopwords import STOPWORDS
from marsad.arabic.tokenize import tokens

__all__ = [
    "Report",
    "SummarySentence",
    "candidate_spans",
    "sentence_spans",
    "summarize",
    "word_jaccard",
]

SIZE: Final = 5
LEAD: Final = 8
MIN_WORDS: Final = 8
MAX_WORDS: Final = 70
MAX_JACCARD: Final = 0.5
POSITION: Final = 0.3  # a sentence's score is divided by 1 + POSITION × its place in its report
ENTITY_WEIGHT: Final = 0.1  # score of each new entity a sentence names
SAME_REPORT: Final = 0.7  # a sentence's score once its report gave one
_END: Final = re.compile(r"(?<=[.!?؟])\s+|\n+")


@dataclass(frozen=True, slots=True)
class Report:
    """One report of an event as the summary reads it: its body, the entity keys each of its
    spans names (``entities``: (start, end, key), offsets into ``body``), and whether it is a
    copy of another report of the event."""

    id: str
    outlet: str | None
    body: str
    entities: tuple[tuple[int, int, str], ...] = ()
    copy: bool = False


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A sentence of a summary: ``body[start:end]`` of the report ``article_id``."""

    text: str
    article_id: str
    outlet: str | None
    start: int
    end: int


@dataclass(slots=True)
class _Candidate:
    report: int
    position: int
    start: int
    end: int
    words: frozenset[str]
    stems: frozenset[str]
    entities: frozenset[str]
    score: float = 0.0


def sentence_spans(body: str, limit: int | None = None) -> list[tuple[int, int]]:
    """The sentences of ``body`` as spans (the first ``limit`` of them): cut after . ! ? ؟
    and at line breaks.

    >>> body = "الأول هنا. والثاني؟\\nالثالث"
    >>> [body[a:b] for a, b in sentence_spans(body)]
    ['الأول هنا.', 'والثاني؟', 'الثالث']
    >>> [body[a:b] for a, b in sentence_spans(body, 2)]
    ['الأول هنا.', 'والثاني؟']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in _END.finditer(body):
        if limit is not None and len(spans) >= limit:
            return spans
        if body[start : cut.start()].strip():
            spans.append(_trimmed(body, start, cut.start()))
        start = cut.end()
    if (limit is None or len(spans) < limit) and body[start:].strip():
        spans.append(_trimmed(body, start, len(body)))
    return spans


def _trimmed(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def word_jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    """Word Jaccard of two word collections."""
    first, second = set(a), set(b)
    union = first | second
    return len(first & second) / len(union) if union else 0.0


def _overlap(first: frozenset[str], second: frozenset[str]) -> float:
    union = len(first | second)
    return len(first & second) / union if union else 0.0


def summarize(reports: Sequence[Report], size: int = SIZE) -> list[SummarySentence]:
    """The summary of an event from its ``reports`` (see the module docstring)."""
    read = [r for r in reports if not r.copy] or list(reports[:1])
    candidates = [c for k, report in enumerate(read) for c in _candidates(k, report)]
    if not candidates:
        return []
    carriers: dict[str, set[int]] = {}
    for c in candidates:
        for stem in c.stems:
            carriers.setdefault(stem, set()).add(c.report)
    for c in candidates:
        shared = sum(len(carriers[s]) for s in c.stems) / (len(c.stems) * len(read))
        c.score = shared / (1.0 + POSITION * c.position)
    chosen: list[_Candidate] = []
    named: set[str] = set()
    used: set[int] = set()
    remaining = list(candidates)  # not chosen, nor overlapping a chosen one too much
    while len(chosen) < size and remaining:
        best, best_value = None, 0.0
        for c in remaining:
            # the first sentence is the one the reports agree on most; the others add who
            value = c.score + (ENTITY_WEIGHT * len(c.entities - named) if chosen else 0.0)
            if c.report in used:
                value *= SAME_REPORT
            if best is None or value > best_value:
                best, best_value = c, value
        assert best is not None
        chosen.append(best)
        named |= best.entities
        used.add(best.report)
        remaining = [
            c for c in remaining if c is not best and _overlap(c.words, best.words) <= MAX_JACCARD
        ]
    return [
        SummarySentence(
            read[c.report].body[c.start : c.end],
            read[c.report].id,
            read[c.report].outlet,
            c.start,
            c.end,
        )
        for c in chosen
    ]


def candidate_spans(body: str) -> list[tuple[int, int, int]]:
    """The sentences of a report a summary may choose: (place in the report, start, end) of
    the first ``LEAD`` sentences of ``MIN_WORDS`` to ``MAX_WORDS`` words not ending in a colon."""
    return [(position, start, end) for position, start, end, _ in _lead(body)]


def _lead(body: str) -> list[tuple[int, int, int, list[str]]]:
    """``candidate_spans`` with each sentence's normalized words."""
    found = []
    for position, (start, end) in enumerate(sentence_spans(body, LEAD)):
        text = body[start:end]
        words = tokens(normalize(text))
        if MIN_WORDS <= len(words) <= MAX_WORDS and not text.endswith(":"):
            found.append((position, start, end, words))
    return found


def _candidates(k: int, report: Report) -> list[_Candidate]:
    found = []
    for position, start, end, words in _lead(report.body):
        content = [w for w in words if w not in STOPWORDS and not w.isdigit()]
        stems = frozenset(stem_tokens(content))
        if not stems:
            continue
        entities = frozenset(key for a, b, key in report.entities if start <= a and b <= end)
        found.append(_Candidate(k, position, start, end, frozenset(words), stems, entities))
    return found
