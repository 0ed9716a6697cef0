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

import numpy as np

from marsad.analyze.ner.chain import LinearChain
from marsad.analyze.ner.corpus import spans
from marsad.analyze.ner.features import (
    EDGES,
    OFFSETS,
    Features,
    Resources,
    Token,
    bare,
    pair_names,
)

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
_CHUNK: Final = 2048  # new tokens whose weights are gathered at once (about 12 MB)
# A word: letters and digits with the marks, tatweel and joiners written inside Arabic words;
# anything else that is not a space is a token of its own, as ANERcorp splits punctuation.
_TOKEN: Final = re.compile(
    r"(?:[^\W_]|[\u0610-\u061a\u064b-\u065f\u0670\u0640\u200c\u200d])+|[^\w\s]"
)
_LINE: Final = re.compile(r"[^\n]+")
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
    for line in _LINE.finditer(text):
        current: list[tuple[str, int, int]] = []
        for match in _TOKEN.finditer(text, line.start(), line.end()):
            word = match.group()
            current.append((word, match.start(), match.end()))
            if word in _ENDS:
                found.append(current)
                current = []
        if current:
            found.append(current)
    return found


def document_votes(
    sentences: Sequence[Sequence[str]],
    tags: Sequence[Sequence[str]],
    window: int = _WINDOW,
    keys: Sequence[Sequence[str]] | None = None,
) -> list[list[dict[str, float]]]:
    """For each token, the entity type the other tokens of its word were tagged with nearby.

    A word (its form without proclitics, three letters or more; ``keys``: those forms, when
    the caller has them) tagged as part of an entity elsewhere within ``window`` sentences
    gives ``doc=TYPE`` for the type most often given, and ``doc2=TYPE`` when that type was
    given more than once; the token's own tag does not vote for itself.
    """
    keys = [[bare(word) for word in sentence] for sentence in sentences] if keys is None else keys
    tagged: dict[str, list[tuple[int, str, int]]] = defaultdict(list)  # (sentence, kind, count)
    for j, (key, tagged_words) in enumerate(zip(keys, tags, strict=True)):
        counts: Counter[tuple[str, str]] = Counter()
        for start, end, kind in sorted(spans(tagged_words)):  # sets iterate by hash
            counts.update((key[k], kind) for k in range(start, end))
        for (word, kind), count in counts.items():
            tagged[word].append((j, kind, count))
    found: list[list[dict[str, float]]] = []
    for i, key in enumerate(keys):
        extra: list[dict[str, float]] = []
        for word in key:
            entries = tagged.get(word) if len(word) > 2 else None
            if not entries:
                extra.append({})
                continue
            counted: Counter[str] = Counter()
            for j, kind, count in entries:
                if abs(j - i) <= window:  # the own sentence keeps its place among the kinds
                    counted[kind] += 0 if j == i else count
            counted = +counted
            if counted:
                kind, count = counted.most_common(1)[0]
                extra.append({f"doc={kind}": 1.0, **({f"doc2={kind}": 1.0} if count > 1 else {})})
            else:
                extra.append({})
        found.append(extra)
    return found


class Tagger:
    """The two CRFs and their features, loaded from ``folder`` (the shipped model by default).

    The models were trained with CRFsuite (``train.py``) and are decoded here from their
    weights (``chain.LinearChain``): what a token owns or shows its neighbours is scored once
    per distinct token and kept (up to ``memo`` tokens), the rest (pairs of neighbours,
    gazetteer phrases, the second model's document votes) per occurrence, and the sentences
    of many documents are decoded together (``tag_documents``).
    """

    def __init__(self, folder: Path = MODEL_DIR, memo: int = 100_000) -> None:
        self.features = Features(Resources.load(folder))
        self._chains = (
            LinearChain.load(folder / "first.crfsuite"),
            LinearChain.load(folder / "second.crfsuite"),
        )
        self._labels = len(self._chains[0].labels)
        # both models' weights side by side, one row per name either knows, a zero row last
        names = list(dict.fromkeys(n for c in self._chains for n in c.attributes))
        self._rows = {name: k for k, name in enumerate(names)}
        self._weights = np.hstack(
            [
                c.states[[*(c.attributes.get(n, c.unknown) for n in names), c.unknown]]
                for c in self._chains
            ]
        )
        self._edges = np.stack([self._weights[self._row(EDGES[o])] for o in OFFSETS])
        self._limit = memo
        self._memo: dict[str, int] = {}  # word -> its row in the tables below
        self._norms: list[str] = []
        self._keys: list[str] = []
        # room for the memo's limit, allocated once (untouched rows take no memory)
        self._table = np.empty((memo, 1 + len(OFFSETS), 2 * self._labels))

    def tag(self, sentences: Sequence[Sequence[str]], second: bool = True) -> list[list[str]]:
        """BIO tags (ANERcorp's: PERS, LOC, ORG, MISC) for the sentences of one document;
        ``second=False`` gives the first CRF's tags alone."""
        return self.tag_documents([sentences], second)[0]

    def tag_documents(
        self, documents: Sequence[Sequence[Sequence[str]]], second: bool = True
    ) -> list[list[list[str]]]:
        """``tag`` of each document; the documents' votes stay apart."""
        sentences = [sentence for document in documents for sentence in document]
        lengths = [len(sentence) for sentence in sentences]
        rows = self._scored([word for sentence in sentences for word in sentence])
        scores = self._shared(rows, lengths)
        tags = self._chains[0].decode(scores[:, : self._labels], lengths)
        if second:
            scores = scores[:, self._labels :]
            self._vote(documents, tags, rows, scores)
            tags = self._chains[1].decode(scores, lengths)
        found: list[list[list[str]]] = []
        position = 0
        for document in documents:
            found.append(tags[position : position + len(document)])
            position += len(document)
        return found

    def mentions(self, text: str, sentences: Sentences | None = None) -> list[Mention]:
        """The names in ``text``, in order, as character spans of the original text
        (``sentences``: its ``tokens_of``, when the caller has them)."""
        return self.mentions_of([text], None if sentences is None else [sentences])[0]

    def mentions_of(
        self, texts: Sequence[str], sentences: Sequence[Sentences] | None = None
    ) -> list[list[Mention]]:
        """``mentions`` of each of ``texts``, tagged together (``sentences``: their
        ``tokens_of``, when the caller has them)."""
        split = [tokens_of(text) for text in texts] if sentences is None else sentences
        documents = [
            [[word for word, _, _ in s] for s in text_sentences] for text_sentences in split
        ]
        tagged = self.tag_documents(documents)
        found: list[list[Mention]] = []
        for text, text_sentences, tags in zip(texts, split, tagged, strict=True):
            mentions: list[Mention] = []
            for sentence, labels in zip(text_sentences, tags, strict=True):
                for start, end, kind in sorted(spans(labels)):
                    first, last = sentence[start][1], sentence[end - 1][2]
                    mentions.append(Mention(first, last, KINDS.get(kind, kind), text[first:last]))
            found.append(mentions)
        return found

    def _row(self, name: str) -> int:
        """A feature's row in the weights (the zero row when neither model knows it)."""
        return self._rows.get(name, len(self._rows))

    def _scored(self, words: Sequence[str]) -> np.ndarray:
        """Each word's row in the score table, computing the rows of words not seen before
        (the table starts again when it would outgrow its limit)."""
        memo = self._memo
        missing = [w for w in dict.fromkeys(words) if w not in memo]
        if len(memo) + len(missing) > self._limit:
            memo.clear()
            self._norms, self._keys = [], []
            missing = list(dict.fromkeys(words))
        if missing:
            tokens = self.features.fresh(missing)
            added = np.concatenate(
                [self._sums(tokens[k : k + _CHUNK]) for k in range(0, len(tokens), _CHUNK)]
            )
            # all four together, once every row is computed: a failure leaves the memo whole
            start = len(memo)
            if start + len(added) > len(self._table):  # one batch holds more than the limit
                grown = np.empty((start + len(added), *self._table.shape[1:]))
                grown[:start] = self._table[:start]
                self._table = grown
            self._table[start : start + len(added)] = added
            self._norms += [t.norm for t in tokens]
            self._keys += [t.key for t in tokens]
            memo.update((word, start + k) for k, word in enumerate(missing))
        return np.fromiter((memo[w] for w in words), dtype=np.intp, count=len(words))

    def _sums(self, tokens: Sequence[Token]) -> np.ndarray:
        """For each token, the summed weights of its own features and of what it shows each
        neighbour (tokens x 1 + offsets x labels of both), all tokens' weights gathered at
        once and summed group by group."""
        find = self._rows.get
        rows: list[int] = []
        counts: list[int] = []
        for token in tokens:
            for group in (token.own, *(token.seen[o] for o in OFFSETS)):
                found = [r for r in map(find, group) if r is not None]
                rows += found
                counts.append(len(found))
        rows.append(len(self._rows))  # the zero row: no group starts past the end
        sizes = np.asarray(counts)
        sums = np.add.reduceat(self._weights[rows], np.cumsum(sizes) - sizes, axis=0)
        sums[sizes == 0] = 0.0  # reduceat gives an empty group the next row, not zero
        return sums.reshape(len(tokens), 1 + len(OFFSETS), -1)

    def _shared(self, rows: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
        """Both models' state scores of every token (tokens x both models' labels) from what
        both see: the token's own features, its neighbours', pairs and gazetteer phrases."""
        count = len(rows)
        every = self._table[rows]  # token, 1 + offsets, labels of both
        sentence = np.repeat(np.arange(len(lengths)), lengths)
        scores: np.ndarray = every[:, 0, :].copy()
        here = np.arange(count)
        for k, offset in enumerate(OFFSETS):
            there = here + offset
            inside = (there >= 0) & (there < count)
            inside[inside] = sentence[there[inside]] == sentence[inside]
            scores[inside] += every[there[inside], k + 1, :]
            scores[~inside] += self._edges[k]
        norms = [self._norms[r] for r in rows.tolist()]
        same = np.flatnonzero(sentence[1:] == sentence[:-1])
        ahead, behind = [], []
        for i in same.tolist():
            names = pair_names(norms[i], norms[i + 1])
            ahead.append(self._row(names[0]))
            behind.append(self._row(names[1]))
        scores[same] += self._weights[ahead]
        scores[same + 1] += self._weights[behind]
        position = 0
        for n in lengths:
            for i, marks in self.features.phrase_marks(norms[position : position + n]).items():
                scores[position + i] += self._weights[[self._row(m) for m in marks]].sum(axis=0)
            position += n
        return scores

    def _vote(
        self,
        documents: Sequence[Sequence[Sequence[str]]],
        first: Sequence[Sequence[str]],
        rows: np.ndarray,
        scores: np.ndarray,
    ) -> None:
        """Add the second model's document votes (``document_votes``) to its ``scores``."""
        keys = [self._keys[r] for r in rows.tolist()]
        weights = self._weights[:, self._labels :]
        token = sentence = 0
        for document in documents:
            split: list[list[str]] = []
            for words in document:
                split.append(keys[token : token + len(words)])
                token += len(words)
            at = token - sum(len(words) for words in document)
            tags = first[sentence : sentence + len(document)]
            sentence += len(document)
            for extra in document_votes(document, tags, keys=split):
                for k, more in enumerate(extra):
                    if more:
                        scores[at + k] += weights[[self._row(m) for m in more]].sum(axis=0)
                at += len(extra)


@cache
def default_tagger() -> Tagger:
    """The shipped tagger, loaded on first use (once per process)."""
    return Tagger()
