"""Term vectors of reports for event clustering: TF-IDF over light stems, title weighted.

What tells two events of one kind apart is in the headline and the lead: who, where, how many.
A report's vector counts the stems of its title (``title_weight`` times) and of the first
``lead_words`` words of its body; stop words and one-letter tokens are dropped, numbers stay
(casualty counts and dates separate events). Weights are sublinear term frequency times inverse
document frequency, each vector L2-normalized, so a dot product is a cosine.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from marsad.arabic import STOPWORDS, normalize, stem_tokens, tokens


@dataclass(frozen=True, slots=True)
class VectorParams:
    title_weight: float = 2.0
    lead_words: int = 200


def report_terms(title: str | None, body: str, params: VectorParams) -> Counter[str]:
    """Stem counts of a report's title (weighted) and lead."""
    counts: Counter[str] = Counter()
    for text, weight, limit in (
        (title or "", params.title_weight, 60),
        (body, 1.0, params.lead_words),
    ):
        words = [t for t in tokens(normalize(text))[:limit] if len(t) > 1 and t not in STOPWORDS]
        for stem in stem_tokens(words):
            counts[stem] += weight  # type: ignore[assignment]
    return counts


class Vocabulary:
    """Document frequencies of terms, grown as reports arrive (incremental IDF)."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.df: list[int] = []
        self.docs = 0

    def add(self, terms: Iterable[Counter[str]]) -> None:
        for counts in terms:
            self.docs += 1
            for term in counts:
                k = self.index.setdefault(term, len(self.df))
                if k == len(self.df):
                    self.df.append(0)
                self.df[k] += 1

    def idf(self) -> np.ndarray:
        df = np.asarray(self.df, dtype=np.float64)
        return np.log((1.0 + self.docs) / (1.0 + df)) + 1.0

    def matrix(self, terms: Sequence[Counter[str]]) -> sp.csr_matrix:
        """L2-normalized TF-IDF rows of ``terms`` (terms unknown to the vocabulary are skipped)."""
        idf = self.idf()
        indptr, indices, data = [0], [], []
        for counts in terms:
            for term, count in counts.items():
                k = self.index.get(term)
                if k is not None:
                    indices.append(k)
                    data.append((1.0 + math.log(count)) * idf[k])
            indptr.append(len(indices))
        m = sp.csr_matrix(
            (np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int64), indptr),
            shape=(len(terms), len(self.df)),
        )
        norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sp.csr_matrix(sp.diags(1.0 / norms) @ m)
