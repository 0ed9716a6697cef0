"""Tag people, places, organizations and other names in Arabic text with the shipped CRF.

Two linear-chain CRFs (CRFsuite) run one after the other. The first tags each sentence from
what ``features.Features`` sees of it. The second sees the same and, for each token, the type
the first gave the same word elsewhere in the document (``document_votes``): «الأعرجي» alone
in one sentence is a person when «اللواء قاسم الأعرجي» was one three sentences before.

``Tagger.mentions`` takes raw text and gives character spans into it; the text is never
changed, only read.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Final

import pycrfsuite

from marsad.analyze.ner.corpus import spans
from marsad.analyze.ner.features import Features, Resources, bare

__all__ = [
    "MODEL_DIR",
    "Mention",
    "Sentences",
    "Tagger",
    "default_tagger",
    "document_votes",
    "tokens_of",
]

MODEL_DIR: Final = Path(str(resources.files("marsad") / "data" / "ner"))
KINDS: Final = {"PERS": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
# A word: letters and digits with the marks, tatweel and joiners written inside Arabic words;
# anything else that is not a space is a token of its own, as ANERcorp splits punctuation.
_TOKEN: Final = re.compile(
    r"(?:[^\W_]|[\u0610-\u061a\u064b-\u065f\u0670\u0640\u200c\u200d])+|[^\w\s]"
)
_ENDS: Final = frozenset(".!?؟")
_WINDOW: Final = 8  # sentences either side whose tags vote (ANERcorp has no document breaks)


@dataclass(frozen=True, slots=True)
class Mention:
    """A name found in a text: ``text[start:end]`` and its kind (PER, LOC, ORG or MISC)."""

    start: int
    end: int
    kind: str
    text: str


Sentences = list[list[tuple[str, int, int]]]
"""A text's sentences as (token, start, end) lists (``tokens_of``)."""


def tokens_of(text: str) -> Sentences:
    """The sentences of ``text`` as (token, start, end) lists: a sentence ends after . ! ? ؟
    or at a line break.

    >>> [[t for t, _, _ in s] for s in tokens_of("قال الرئيس: «نعم».\\nانتهى")]
    [['قال', 'الرئيس', ':', '«', 'نعم', '»', '.'], ['انتهى']]
    """
    found: Sentences = []
    current: list[tuple[str, int, int]] = []
    for match in _TOKEN.finditer(text):
        if current and "\n" in text[current[-1][2] : match.start()]:
            found.append(current)
            current = []
        current.append((match.group(), match.start(), match.end()))
        if match.group() in _ENDS:
            found.append(current)
            current = []
    if current:
        found.append(current)
    return found


def document_votes(
    sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]], window: int = _WINDOW
) -> list[list[dict[str, float]]]:
    """For each token, the entity type the other tokens of its word were tagged with nearby.

    A word (its form without proclitics, three letters or more) tagged as part of an entity
    elsewhere within ``window`` sentences gives ``doc=TYPE`` for the type most often given,
    and ``doc2=TYPE`` when that type was given more than once; the token's own tag does not
    vote for itself.
    """
    keys = [[bare(word) for word in sentence] for sentence in sentences]
    per_sentence: list[Counter[tuple[str, str]]] = []
    for key, tagged in zip(keys, tags, strict=True):
        counts: Counter[tuple[str, str]] = Counter()
        for start, end, kind in spans(tagged):
            counts.update((key[k], kind) for k in range(start, end))
        per_sentence.append(counts)
    found: list[list[dict[str, float]]] = []
    for i, key in enumerate(keys):
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for j in range(max(0, i - window), min(len(keys), i + window + 1)):
            for (word, kind), count in per_sentence[j].items():
                votes[word][kind] += count
        for (word, kind), count in per_sentence[i].items():
            votes[word][kind] -= count  # the sentence's own tags do not vote
        extra: list[dict[str, float]] = []
        for word in key:
            counted = +votes.get(word, Counter()) if len(word) > 2 else Counter()
            if counted:
                kind, count = counted.most_common(1)[0]
                extra.append({f"doc={kind}": 1.0, **({f"doc2={kind}": 1.0} if count > 1 else {})})
            else:
                extra.append({})
        found.append(extra)
    return found


class Tagger:
    """The two CRFs and their features, loaded from ``folder`` (the shipped model by default)."""

    def __init__(self, folder: Path = MODEL_DIR) -> None:
        self.features = Features(Resources.load(folder))
        self._first = pycrfsuite.Tagger()
        self._first.open(str(folder / "first.crfsuite"))
        self._second = pycrfsuite.Tagger()
        self._second.open(str(folder / "second.crfsuite"))

    def tag(self, sentences: Sequence[Sequence[str]], second: bool = True) -> list[list[str]]:
        """BIO tags (ANERcorp's: PERS, LOC, ORG, MISC) for the sentences of one document;
        ``second=False`` gives the first CRF's tags alone."""
        seen = [self.features.of(sentence) for sentence in sentences]
        first = [self._first.tag(features) if features else [] for features in seen]
        if not second:
            return first
        votes = document_votes(sentences, first)
        found: list[list[str]] = []
        for features, extra in zip(seen, votes, strict=True):
            for own, more in zip(features, extra, strict=True):
                own.update(more)
            found.append(self._second.tag(features) if features else [])
        return found

    def mentions(self, text: str, sentences: Sentences | None = None) -> list[Mention]:
        """The names in ``text``, in order, as character spans of the original text
        (``sentences``: its ``tokens_of``, when the caller has them)."""
        sentences = tokens_of(text) if sentences is None else sentences
        tags = self.tag([[word for word, _, _ in sentence] for sentence in sentences])
        found: list[Mention] = []
        for sentence, tagged in zip(sentences, tags, strict=True):
            for start, end, kind in sorted(spans(tagged)):
                first, last = sentence[start][1], sentence[end - 1][2]
                found.append(Mention(first, last, KINDS.get(kind, kind), text[first:last]))
        return found


@cache
def default_tagger() -> Tagger:
    """The shipped tagger, loaded on first use (once per process)."""
    return Tagger()
