"""The weights of report vectors: document frequencies grown as reports arrive (TF-IDF) and
how each cased word is written (``names.Casing``), with stored counts as their source.

Weights are sublinear term frequency times inverse document frequency. Names (``names.py``:
capitalized words of cased scripts) are a second block of the same vector. Each block is
L2-normalized and, when a report has names, the blocks are weighted ``1 - names_weight`` and
``names_weight`` (their square roots, in the vector): the dot product of two reports with names
is that mix of their stem and name cosines, and of two reports of which one has no names
(Arabic) it is their stem cosine scaled by ``sqrt(1 - names_weight)`` at most, one cosine
otherwise. What a report counts is ``vectors.py``'s.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

import numpy as np
import scipy.sparse as sp

from marsad.models import CaseCounts, LexiconCounts, TermEntry
from marsad.organize.names import Casing, names_of
from marsad.organize.vectors import NAME, ReportTerms, VectorParams


class Vocabulary:
    """Document frequencies of terms, grown as reports arrive (incremental IDF).

    ``source``, when given, tells the stored document frequencies of terms (those of
    ``docs`` reports counted before): a term is asked for the first time a report holds it,
    so a vocabulary holds the terms of the reports it met, not every term ever seen. Reports
    read from the store come as stored term ids (``stored_rows``): their columns are made
    from the ids and frequencies alone, and named (the term read) only when a report's term
    or ``names`` asks for them: an online update reads the frequencies of the hundreds of
    thousands of terms of the reports near the new ones, and the names of a few.
    """

    def __init__(self, source: CountSource | None = None, docs: int = 0) -> None:
        self.index: dict[str, int] = {}
        self.terms: list[str] = []  # column by column
        self.named: list[bool] = []  # a name term (``NAME`` prefix), column by column
        # Column arrays with room to grow (an online update adds a few terms a report: copying
        # every column each time would cost what the vocabulary holds, not what is new).
        self._df = np.zeros(0, dtype=np.int64)
        self._base = np.zeros(0, dtype=np.int64)  # what ``source`` told, column by column
        self._names = np.zeros(0, dtype=bool)  # ``named`` as an array
        self._filled = 0  # columns the arrays hold
        self.docs = self.base_docs = docs
        self.source = source
        self._asked: set[str] = set()  # terms ``source`` did not know
        self.by_id: dict[int, int] = {}  # a stored term id -> its column
        self._unnamed: dict[int, int] = {}  # a column made from a stored id -> the id

    @property
    def df(self) -> np.ndarray:
        """Each column's document frequency."""
        self._pad()
        return self._df[: self._filled]

    @property
    def base(self) -> np.ndarray:
        """Each column's document frequency as ``source`` told it (0: not told)."""
        self._pad()
        return self._base[: self._filled]

    def learn(self, terms: Sequence[Counter[str]], names_weight: float = 0.0) -> sp.csr_matrix:
        """Count ``terms`` in (each a document), then return their TF-IDF rows."""
        rows = self._encode(terms, grow=True)
        self._pad()
        columns = rows[1]  # a document holds each of its terms once
        if len(columns) > self._filled // 8:
            self._df[: self._filled] += np.bincount(columns, minlength=self._filled)
        else:
            np.add.at(self._df, columns, 1)
        self.docs += len(terms)
        return self._weigh(rows, names_weight)

    def idf(self) -> np.ndarray:
        df = self.df.astype(np.float64)
        return np.log((1.0 + self.docs) / (1.0 + df)) + 1.0

    def matrix(self, terms: Sequence[Counter[str]], names_weight: float = 0.0) -> sp.csr_matrix:
        """TF-IDF rows of ``terms``, the stem and name blocks each L2-normalized and mixed by
        ``names_weight`` (see the module's text); terms unknown to the vocabulary are skipped."""
        return self._weigh(self._encode(terms, grow=False), names_weight)

    def stored_rows(
        self, stems: Sequence[tuple[np.ndarray, np.ndarray]], names_weight: float = 0.0
    ) -> sp.csr_matrix:
        """TF-IDF rows of reports counted before, from their stored term ids and counts
        (``source`` tells the frequencies of ids), without counting them."""
        lengths = np.asarray([len(ids) for ids, _ in stems], dtype=np.int64)
        if not stems or not lengths.sum():
            indptr = np.zeros(len(stems) + 1, dtype=np.int64)
            return self._weigh((indptr, np.zeros(0, np.int64), np.zeros(0)), names_weight)
        if self.source is None:
            raise ValueError("stored term ids need a vocabulary with a source")
        found = np.concatenate([ids for ids, _ in stems])
        unique, inverse = np.unique(found, return_inverse=True)
        by_id = self.by_id
        unknown = [g for g in unique.tolist() if g not in by_id]
        if unknown:
            told = self.source.frequencies(unknown)
            fresh = [g for g in unknown if g in told]
            start = len(self.named)
            self.terms.extend([""] * len(fresh))  # named when asked (``names``)
            self.named.extend([False] * len(fresh))  # stored stems hold no name terms
            columns_of = range(start, start + len(fresh))
            by_id.update(zip(fresh, columns_of, strict=True))
            self._unnamed.update(zip(columns_of, fresh, strict=True))
            self._pad()
            counts = np.asarray([told[g] for g in fresh], dtype=np.int64)
            self._df[start : self._filled] = counts
            self._base[start : self._filled] = counts
        columns = np.asarray([by_id.get(g, -1) for g in unique.tolist()])[inverse]
        counts = np.concatenate([c for _, c in stems]).astype(np.float64)
        indptr = np.concatenate([[0], np.cumsum(lengths)])
        if (columns < 0).any():  # ids the lexicon does not hold (cannot happen): left out
            keep = columns >= 0
            rows = np.repeat(np.arange(len(stems)), lengths)[keep]
            columns, counts = columns[keep], counts[keep]
            indptr = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=len(stems)))])
        return self._weigh((indptr, columns.astype(np.int64), counts), names_weight)

    def names(self, columns: Iterable[int]) -> list[str]:
        """The terms of ``columns``, those made from stored ids read now (one query)."""
        columns = list(columns)
        unnamed = {self._unnamed[c]: c for c in columns if c in self._unnamed}
        if unnamed and self.source is not None:
            for entry in self.source.lexicon_of(sorted(unnamed)):
                column = unnamed[entry.id]
                self._name(column, entry.term)
        return [self.terms[c] for c in columns]

    def _name(self, column: int, term: str) -> None:
        self.terms[column] = term
        self.index[term] = column
        del self._unnamed[column]

    def added(self) -> dict[str, int]:
        """The document frequencies counted here (beyond what ``source`` told), by term."""
        self._pad()
        grown = self.df - self.base
        return {self.terms[k]: int(grown[k]) for k in np.flatnonzero(grown).tolist()}

    def _pad(self) -> None:
        """Give the column arrays every column (a new one counted 0), growing them by half
        again when they are full."""
        width, filled = len(self.named), self._filled
        if width == filled:
            return
        if width > len(self._df):
            room = max(width, len(self._df) * 3 // 2, 1024)
            self._df, self._base, self._names = (
                np.concatenate([old[:filled], np.zeros(room - filled, old.dtype)])
                for old in (self._df, self._base, self._names)
            )
        self._df[filled:width] = self._base[filled:width] = 0
        self._names[filled:width] = self.named[filled:width]
        self._filled = width

    def ask(self, terms: Sequence[Counter[str]]) -> None:
        """Give the terms of ``terms`` that ``source`` knows their columns and frequencies
        (asked once: reports learned one by one ask for what they hold first, in one query)."""
        if self.source is None:
            return
        index, asked = self.index, self._asked
        unknown = sorted({t for doc in terms for t in doc if t not in index and t not in asked})
        if not unknown:
            return
        told = self.source.entries(unknown)
        known: list[TermEntry] = []
        for term in unknown:
            entry = told.get(term)
            if entry is None:
                asked.add(term)
            elif entry.id in self.by_id:  # its column was made from the stored id: named now
                self._name(self.by_id[entry.id], term)
            else:
                known.append(entry)
        self._pad()
        self._adopt([e.term for e in known], [e.df for e in known])
        self.by_id.update((e.id, self.index[e.term]) for e in known)

    def _adopt(self, terms: Sequence[str], counts: Sequence[int]) -> None:
        """Give ``terms`` (new to this vocabulary) columns, with the stored frequencies
        ``counts`` (the vocabulary padded first)."""
        start = len(self.named)
        for term in terms:
            self.index[term] = len(self.named)
            self.terms.append(term)
            self.named.append(term.startswith(NAME))
        self._pad()
        told = np.asarray(counts, dtype=np.int64)
        self._df[start : self._filled] = told
        self._base[start : self._filled] = told

    def _encode(
        self, terms: Sequence[Counter[str]], grow: bool
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Row pointers, columns and counts of ``terms`` (new terms get columns when ``grow``)."""
        self.ask(terms)
        index, named, words = self.index, self.named, self.terms
        indptr, columns, counts = [0], [], []
        for doc in terms:
            for term, count in doc.items():
                k = index.get(term)
                if k is None:
                    if not grow:
                        continue
                    k = index[term] = len(named)
                    named.append(term.startswith(NAME))
                    words.append(term)
                columns.append(k)
                counts.append(count)
            indptr.append(len(columns))
        return (
            np.asarray(indptr, dtype=np.int64),
            np.asarray(columns, dtype=np.int64),
            np.asarray(counts, dtype=np.float64),
        )

    def _weigh(
        self, encoded: tuple[np.ndarray, np.ndarray, np.ndarray], names_weight: float
    ) -> sp.csr_matrix:
        indptr, columns, counts = encoded
        n = len(indptr) - 1
        df = self.df[columns].astype(np.float64)
        idf = np.log((1.0 + self.docs) / (1.0 + df)) + 1.0  # ``idf()``, of these columns
        values = (1.0 + np.log(counts)) * idf
        rows = np.repeat(np.arange(n), np.diff(indptr))
        self._pad()
        named = self._names[columns]
        square = values * values
        stem_norm = np.sqrt(np.bincount(rows, weights=np.where(named, 0.0, square), minlength=n))
        name_norm = np.sqrt(np.bincount(rows, weights=np.where(named, square, 0.0), minlength=n))
        has_names = name_norm > 0
        stem_scale = np.where(has_names, math.sqrt(1.0 - names_weight), 1.0) / np.where(
            stem_norm > 0, stem_norm, 1.0
        )
        name_scale = math.sqrt(names_weight) / np.where(has_names, name_norm, 1.0)
        values *= np.where(named, name_scale[rows], stem_scale[rows])
        m = sp.csr_matrix((values, columns, indptr), shape=(n, len(self.named)))
        m.eliminate_zeros()
        return m


class CountSource(Protocol):
    """Stored counts a ``Lexicon`` starts from (see ``models.LexiconCounts``)."""

    def entries(self, terms: Sequence[str]) -> Mapping[str, TermEntry]: ...

    def frequencies(self, ids: Sequence[int]) -> Mapping[int, int]: ...

    def lexicon_of(self, ids: Sequence[int]) -> Sequence[TermEntry]: ...

    def casing(self, words: Sequence[str]) -> Mapping[str, CaseCounts]: ...


class Lexicon:
    """What report vectors are weighted by, grown as reports arrive: the document frequency
    of every stem and name, and how each cased word is written (``names.Casing``).

    ``source`` (with the number of reports ``docs`` it counted) gives the counts of reports
    counted before, term by term as reports need them: a lexicon of a few reports, weighted
    as if it had learned them all."""

    def __init__(
        self,
        params: VectorParams | None = None,
        source: CountSource | None = None,
        docs: int = 0,
    ) -> None:
        self.params = params or VectorParams()
        self.source = source
        self.vocab = Vocabulary(source, docs)
        self.casing = Casing(source.casing if source else None)

    def learn(self, reports: Sequence[ReportTerms]) -> sp.csr_matrix:
        """Count ``reports`` in, then return their vectors (rows, in order)."""
        self.casing.add(r.cased for r in reports)
        return self.vocab.learn(self._terms(reports), self.params.names_weight)

    def expect(self, reports: Sequence[ReportTerms]) -> None:
        """Ask ``source`` at once for the stems of reports about to be learned one at a time
        (one query, not one a report); what they learn does not change."""
        self.vocab.ask([r.stems for r in reports])

    def weigh(self, reports: Sequence[ReportTerms]) -> sp.csr_matrix:
        """The vectors of reports counted before (by ``source``), without counting them."""
        return self.vocab.matrix(self._terms(reports), self.params.names_weight)

    def weigh_stored(
        self,
        stems: Sequence[tuple[np.ndarray, np.ndarray]],
        cased: Mapping[int, ReportTerms],
    ) -> sp.csr_matrix:
        """The vectors of reports counted before (by ``source``), from their stored stem ids
        and counts; those at the positions ``cased`` holds, whose names count too, from their
        full terms."""
        if self.source is None:
            raise ValueError("stored stem counts need a lexicon with a source")
        plain = [k for k in range(len(stems)) if k not in cased]
        names = sorted(cased)
        fast = self.vocab.stored_rows([stems[k] for k in plain], self.params.names_weight)
        slow = self.weigh([cased[k] for k in names])
        width = len(self.vocab.named)
        fast.resize((fast.shape[0], width))
        slow.resize((slow.shape[0], width))
        stacked = sp.vstack([fast, slow]).tocsr()
        position = np.empty(len(stems), dtype=np.int64)
        position[np.asarray(plain + names, dtype=np.int64)] = np.arange(len(stems))
        return stacked[position] if len(stems) else stacked

    def added(self) -> LexiconCounts:
        """The counts learned here, beyond what ``source`` told."""
        upper, lower = self.casing.added()
        docs = self.vocab.docs - self.vocab.base_docs
        return LexiconCounts(docs, self.vocab.added(), upper, lower)

    def _terms(self, reports: Sequence[ReportTerms]) -> list[Counter[str]]:
        if self.params.names_weight > 0:
            self.casing.ask(w for r in reports for run, _ in r.cased.runs for w in run)
        return [self.terms_of(r) for r in reports]

    def terms_of(self, report: ReportTerms) -> Counter[str]:
        """A report's stems and, as ``NAME``-prefixed terms, its names."""
        names = names_of(report.cased, self.casing) if self.params.names_weight > 0 else None
        if not names:
            return report.stems
        counts = Counter(report.stems)
        for name, count in names.items():
            counts[NAME + name] = count
        return counts
