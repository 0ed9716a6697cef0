"""Names in cased scripts: words that a corpus writes capitalized inside its sentences.

Two events of one kind (two boxing title defences, two surgeon-general nominations) share
their vocabulary; who and where tell them apart: Klitschko against Rahman in Mannheim or
against Thompson in Bern. A word is a name when the corpus writes it capitalized inside a
sentence at least ``NAME_SHARE`` of the times it writes it there at all (``Casing``), so
that neither a headline's Title Case nor a sentence's first word makes one. A report's names
are its capitalized words that are names, each maximal run of two or more of them
(``tony_thompson``) counting as one more term.

Scripts without letter case (Arabic) give no names here: their people and places wait for
the entity stage.

>>> casing = Casing()
>>> seen = [cased_words(None, "Officials said Rahman lost. Rahman was hurt, officials said.")]
>>> casing.add(seen)
>>> sorted(names_of(seen[0], casing))
['rahman']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from marsad.arabic import STOPWORDS
from marsad.models import CaseCounts

NAME_SHARE = 0.5
# A word of a cased or uncased script (no digits), with inner apostrophes, hyphens and dots.
_WORD = re.compile(r"[^\W\d_](?:[\w'’.\-]*\w)?")
_SENTENCE_END = re.compile(r"[.!?؟\n]")
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True, slots=True)
class Cased:
    """What one report says about letter case: its capitalized runs (title weighted) within
    the first ``limit`` words, and how each word is written inside its body's sentences."""

    runs: tuple[tuple[tuple[str, ...], float], ...] = ()
    upper: Counter[str] | None = None
    lower: Counter[str] | None = None


NO_CASE = Cased()  # what a report in an uncased script (or all in lower case) says


def cased_words(title: str | None, body: str, title_weight: float = 2.0, limit: int = 200) -> Cased:
    """The capitalized runs of ``title`` and the first ``limit`` words of ``body``, and the
    case of every word of ``body`` that does not open a sentence."""
    runs: list[tuple[tuple[str, ...], float]] = []
    upper: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for text, weight, words, count in (
        (title or "", title_weight, 60, False),
        (body, 1.0, limit, True),
    ):
        if text == text.lower():  # no capital letter at all (an uncased script): no names
            continue
        run: list[str] = []
        position, end = 0, 0
        for match in _WORD.finditer(text):
            gap = text[end : match.start()]
            opens = position == 0 or _SENTENCE_END.search(gap) is not None
            word = _POSSESSIVE.sub("", match.group()).casefold()
            capital = match.group()[0].isupper()
            if count and not opens and match.group()[0].isalpha():
                if capital:
                    upper[word] += 1
                elif match.group()[0].islower():
                    lower[word] += 1
            if run and (not capital or gap.strip()):
                runs.append((tuple(run), weight))
                run = []
            if capital and position < words:
                run.append(word)
            position, end = position + 1, match.end()
        if run:
            runs.append((tuple(run), weight))
    if not runs and not upper:
        return NO_CASE
    return Cased(tuple(runs), upper or None, lower or None)


class Casing:
    """How often each word is written capitalized and in lower case inside sentences,
    over the reports seen so far (grown incrementally, like document frequencies).

    ``source``, when given, tells the stored counts of words (``ask``): a casing holds the
    words of the reports it met, not every word ever seen."""

    def __init__(
        self, source: Callable[[Sequence[str]], Mapping[str, CaseCounts]] | None = None
    ) -> None:
        self.upper: Counter[str] = Counter()
        self.lower: Counter[str] = Counter()
        self.source = source
        self.base_upper: Counter[str] = Counter()  # what ``source`` told
        self.base_lower: Counter[str] = Counter()
        self._asked: set[str] = set()

    def add(self, reports: Iterable[Cased]) -> None:
        for cased in reports:
            if cased.upper:
                self.ask(cased.upper)
                self.upper.update(cased.upper)
            if cased.lower:
                self.ask(cased.lower)
                self.lower.update(cased.lower)

    def ask(self, words: Iterable[str]) -> None:
        """Count in what ``source`` tells of the words not asked about before."""
        if self.source is None:
            return
        unknown = sorted(set(words) - self._asked)
        if not unknown:
            return
        self._asked.update(unknown)
        for word, told in self.source(unknown).items():
            self.base_upper[word], self.base_lower[word] = told.upper, told.lower
            self.upper[word] += told.upper
            self.lower[word] += told.lower

    def added(self) -> tuple[dict[str, int], dict[str, int]]:
        """The counts met here, beyond what ``source`` told: capitalized, lower case."""
        return dict(self.upper - self.base_upper), dict(self.lower - self.base_lower)

    def is_name(self, word: str) -> bool:
        up = self.upper.get(word, 0)
        if up == 0 or word in STOPWORDS:
            return False
        return up >= NAME_SHARE * (up + self.lower.get(word, 0))


def names_of(cased: Cased, casing: Casing) -> Counter[str]:
    """A report's name counts: each name word, and each run of two or more as one term."""
    counts: Counter[str] = Counter()
    if not cased.runs:
        return counts
    for run, weight in cased.runs:
        part: list[str] = []
        for word in (*run, ""):
            if word and casing.is_name(word):
                part.append(word)
                counts[word] += weight  # type: ignore[assignment]
                continue
            if len(part) > 1:
                counts["_".join(part)] += weight  # type: ignore[assignment]
            part = []
    return counts
