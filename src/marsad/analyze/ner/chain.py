"""A CRFsuite linear-chain model read into arrays, and Viterbi decoding in numpy.

CRFsuite trains the tagger's two CRFs (``ner/train.py``); tagging with its Python binding
costs a string lookup per feature per token, and most of a token's features depend on the
token alone. Read into arrays, a model scores a token's features once per distinct token
(``LinearChain.score``: the sum of their weight rows, one per label), and a document's
sentences are decoded together (``decode``), position by position.

The model file is read as CRFsuite writes it (``crf1d_model.c``): a header with the offsets of
its chunks, the feature chunk (``FEAT``: type, source, target and weight of each feature; type
0 an attribute's weight for a label, type 1 a transition) and two constant databases (``CQDB``)
naming the labels and the attributes by id. The best path is CRFsuite's: the same state and
transition scores, ties broken towards the lower label.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import numpy as np

__all__ = ["LinearChain"]

_FEATURE: Final = struct.Struct("<iiid")  # type, source, target, weight


@dataclass(frozen=True, slots=True)
class LinearChain:
    """A model's labels (by id), attribute ids by name, state weights (one row per attribute,
    a zero row last for names it does not know) and transition weights (from, to)."""

    labels: tuple[str, ...]
    attributes: dict[str, int]
    states: np.ndarray
    transitions: np.ndarray

    @classmethod
    def load(cls, path: Path) -> LinearChain:
        data = path.read_bytes()
        if data[:4] != b"lCRF":
            raise ValueError(f"{path}: not a CRFsuite model")
        features, labels_at, attributes_at = struct.unpack_from("<III", data, 28)
        labels = _strings(data, labels_at, path)
        names = _strings(data, attributes_at, path)
        states = np.zeros((len(names) + 1, len(labels)))
        transitions = np.zeros((len(labels), len(labels)))
        if data[features : features + 4] != b"FEAT":
            raise ValueError(f"{path}: no feature chunk where the header puts it")
        count = struct.unpack_from("<I", data, features + 8)[0]
        start = features + 12
        for kind, source, target, weight in _FEATURE.iter_unpack(
            data[start : start + count * _FEATURE.size]
        ):
            (states if kind == 0 else transitions)[source, target] = weight
        if len(labels) > 255:
            raise ValueError(f"{path}: {len(labels)} labels; decoding keeps them in a byte")
        attributes = {name: k for k, name in enumerate(names)}
        return cls(tuple(labels), attributes, states, transitions)

    @property
    def unknown(self) -> int:
        """The row of names the model does not know (all zeros)."""
        return len(self.attributes)

    def decode(self, scores: np.ndarray, lengths: Sequence[int]) -> list[list[str]]:
        """The best label sequence of each sentence, given the state scores of all their tokens
        one after another (``scores``: tokens x labels) and each sentence's length."""
        count = len(lengths)
        sizes = np.asarray(lengths, dtype=np.intp)
        if not count or not sizes.max():
            return [[] for _ in lengths]
        # longest first, so the sentences still going at a position are the first ``live``
        order = np.argsort(-sizes, kind="stable")
        ranked = sizes[order]
        starts = (np.cumsum(sizes) - sizes)[order]  # where each ranked sentence's tokens start
        longest = int(ranked[0])
        alive = np.searchsorted(-ranked, -np.arange(longest), side="left")  # per position
        started = int(alive[0])  # sentences with a token
        best = scores[starts[:started]].copy()
        # the best previous label of each label, per position: live sentences x labels, one
        # byte each (the memory of the tokens, not of the longest sentence times the count)
        back: list[np.ndarray] = []
        ends = np.zeros((started, len(self.labels)))
        for t in range(1, longest):
            live = int(alive[t])
            done = int(alive[t - 1])
            if live < done:  # these sentences ended at t - 1
                ends[live:done] = best[live:done]
            paths = best[:live, :, None] + self.transitions[None, :, :]  # sentence, from, to
            back.append(paths.argmax(axis=1).astype(np.uint8))
            best = paths.max(axis=1)
            best += scores[starts[:live] + t]
        ends[: int(alive[longest - 1])] = best
        label = ends.argmax(axis=1)
        found = np.zeros(len(scores), dtype=np.uint8)  # each token's label, in token order
        for t in range(longest - 1, -1, -1):
            live = int(alive[t])
            found[starts[:live] + t] = label[:live]
            if t:
                label[:live] = back[t - 1][np.arange(live), label[:live]]
        names = self.labels
        labels = [names[k] for k in found.tolist()]
        result: list[list[str]] = []
        position = 0
        for size in lengths:
            result.append(labels[position : position + size])
            position += size
        return result


def _strings(data: bytes, at: int, path: Path) -> list[str]:
    """The strings of the constant database (CQDB) at ``at``, by id: its backward array
    holds, for each id, where its record (id, size, the string and a NUL) stands."""
    if data[at : at + 4] != b"CQDB":
        raise ValueError(f"{path}: no string table where the header puts it")
    count, backward = struct.unpack_from("<II", data, at + 16)
    found: list[str] = []
    for k, record in enumerate(struct.unpack_from(f"<{count}I", data, at + backward)):
        number, size = struct.unpack_from("<II", data, at + record)
        if number != k:
            raise ValueError(f"{path}: string {k} is numbered {number}")
        found.append(data[at + record + 8 : at + record + 7 + size].decode("utf-8"))
    return found
