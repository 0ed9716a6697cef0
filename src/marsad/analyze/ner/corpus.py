"""ANERcorp as token/tag sentences, and the entity-level score published systems report.

ANERcorp (Benajiba 2007; the CAMeL Lab release, CC BY-SA 4.0) has one ``token TAG`` per line
with BIO tags over PERS, LOC, ORG and MISC. The full file has no sentence breaks, a few lines
without a token and one malformed line (``الأمن\\u200f1706 \\u200f I-ORG``); the CAMeL Lab test
split is the last 25,008 tokens of the corpus, with blank lines between its 925 sentences. The
standard protocol trains on the rest and scores on that split; ``split`` does both.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

__all__ = ["TAGS", "Score", "Sentence", "read", "score", "sentences", "spans", "split"]

TAGS: Final = frozenset(
    {"O"} | {f"{edge}-{kind}" for edge in "BI" for kind in ("PERS", "LOC", "ORG", "MISC")}
)
_ENDS: Final = frozenset({".", "!", "?", "؟"})
_INVISIBLE: Final = str.maketrans("", "", "\u200e\u200f\ufeff")

Sentence = list[tuple[str, str]]


def read(path: Path) -> list[Sentence]:
    """The sentences of an ANERcorp file: blank lines end one; token-less lines are skipped.

    A tag outside ``TAGS`` (the one malformed line) is read as ``O`` rather than failing.
    """
    found: list[Sentence] = []
    current: Sentence = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                if current:
                    found.append(current)
                    current = []
                continue
            token, _, tag = line.rstrip("\n").rpartition(" ")
            token = token.translate(_INVISIBLE).strip()
            if token:
                current.append((token, tag.strip() if tag.strip() in TAGS else "O"))
    if current:
        found.append(current)
    return found


def sentences(tokens: Iterable[tuple[str, str]]) -> list[Sentence]:
    """Cut a run of tagged tokens into sentences after each sentence-final mark."""
    found: list[Sentence] = []
    current: Sentence = []
    for pair in tokens:
        current.append(pair)
        if pair[0] in _ENDS:
            found.append(current)
            current = []
    if current:
        found.append(current)
    return found


def split(full: Path, test: Path) -> tuple[list[Sentence], list[Sentence]]:
    """(train, test): the full corpus minus the test split's last tokens, and the test split."""
    held = read(test)
    size = sum(map(len, held))
    tokens = [pair for sentence in read(full) for pair in sentence]
    if size >= len(tokens):
        raise ValueError(f"{test} holds {size} tokens, no fewer than all of {full}")
    return sentences(tokens[: len(tokens) - size]), held


def spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """The entities of a BIO tag sequence as (start, end, type), read as seqeval reads them.

    An ``I-`` that does not continue an entity of its type starts one.

    >>> sorted(spans(["B-PERS", "I-PERS", "O", "I-LOC", "B-LOC", "I-ORG"]))
    [(0, 2, 'PERS'), (3, 4, 'LOC'), (4, 5, 'LOC'), (5, 6, 'ORG')]
    """
    found: set[tuple[int, int, str]] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        edge, _, this = tag.partition("-")
        if start >= 0 and (edge != "I" or this != kind):
            found.add((start, i, kind))
            start = -1
        if edge == "B" or (edge == "I" and start < 0):
            start, kind = i, this
    return found


@dataclass(frozen=True, slots=True)
class Score:
    """Entity-level micro precision, recall and F1 (exact span and type)."""

    gold: int
    found: int
    right: int

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def score(gold: Iterable[Sequence[str]], found: Iterable[Sequence[str]], kind: str = "") -> Score:
    """Score tag sequences against gold ones, all types or only ``kind``.

    >>> score([["B-LOC", "O", "B-PERS", "I-PERS"]], [["B-LOC", "O", "B-PERS", "O"]]).f1
    0.5
    """
    counts = [0, 0, 0]
    for want, got in zip(gold, found, strict=True):
        expected = {s for s in spans(want) if not kind or s[2] == kind}
        seen = {s for s in spans(got) if not kind or s[2] == kind}
        counts[0] += len(expected)
        counts[1] += len(seen)
        counts[2] += len(expected & seen)
    return Score(*counts)
