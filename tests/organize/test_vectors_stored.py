"""Issue 12: a lexicon that starts from stored counts weighs reports as the lexicon that
learned them all does: from their terms, and from stored stem ids and counts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import scipy.sparse as sp

from marsad.models import CaseCounts, LexiconCounts, TermEntry
from marsad.organize.lexicon import Lexicon
from marsad.organize.vectors import ReportTerms, VectorParams, report_terms

TEXTS = [
    ("اتصال هاتفي", "بحث الملك سلمان مع الرئيس الفرنسي هولاند العلاقات الثنائية في اتصال هاتفي"),
    ("سيول جازان", "أمطار غزيرة وسيول في جازان واحتجاز مركبات في الأودية وإجلاء السكان"),
    ("Klitschko wins", "Wladimir Klitschko beat Bryant Jennings in New York on Saturday night."),
    ("Title defence", "Officials said Klitschko will defend his title in Mannheim next year."),
    ("انفجار أبها", "انفجار في مسجد قوات الطوارئ في أبها وسقوط ضحايا من رجال الأمن"),
]


class _Store:
    """Counts as a store keeps them: by term (with an id) and by word."""

    def __init__(self, counts: LexiconCounts) -> None:
        self.counts = counts
        self.ids = {term: k + 7 for k, term in enumerate(sorted(counts.df))}

        self.named: list[int] = []  # the ids whose terms were read

    def entries(self, terms: Sequence[str]) -> Mapping[str, TermEntry]:
        return {t: TermEntry(self.ids[t], t, self.counts.df[t]) for t in terms if t in self.ids}

    def frequencies(self, ids: Sequence[int]) -> Mapping[int, int]:
        by_id = {k: t for t, k in self.ids.items()}
        return {k: self.counts.df[by_id[k]] for k in ids if k in by_id}

    def casing(self, words: Sequence[str]) -> Mapping[str, CaseCounts]:
        up, low = self.counts.upper, self.counts.lower
        return {w: CaseCounts(up.get(w, 0), low.get(w, 0)) for w in words if w in up or w in low}

    def lexicon_of(self, ids: Sequence[int]) -> Sequence[TermEntry]:
        by_id = {k: t for t, k in self.ids.items()}
        self.named += ids
        return [TermEntry(k, by_id[k], self.counts.df[by_id[k]]) for k in ids if k in by_id]


def _dense(m: sp.csr_matrix, lexicon: Lexicon) -> dict[str, np.ndarray]:
    """Each column of ``m`` by its term (columns are numbered differently per lexicon)."""
    terms = lexicon.vocab.names(range(m.shape[1]))  # those made from stored ids: read now
    return {t: m[:, k].toarray().ravel() for k, t in enumerate(terms)}


def _same(a: dict[str, np.ndarray], b: dict[str, np.ndarray]) -> None:
    terms = {t for t, v in a.items() if v.any()} | {t for t, v in b.items() if v.any()}
    for term in terms:
        np.testing.assert_allclose(a[term], b[term], atol=1e-12, err_msg=term)


def test_vectors_stored_counts_weigh_as_learning_everything() -> None:
    params = VectorParams()
    reports: list[ReportTerms] = [report_terms(t, b, params) for t, b in TEXTS]
    whole = Lexicon(params)
    learned = whole.learn(reports)
    counts = whole.added()
    assert counts.docs == len(reports) and counts.upper  # the English reports' capitals
    store = _Store(counts)
    stored = Lexicon(params, source=store, docs=counts.docs)
    _same(_dense(learned, whole), _dense(stored.weigh(reports), stored))
    again = Lexicon(params, source=store, docs=counts.docs)
    stems = [
        (
            np.asarray([store.ids[t] for t in r.stems], dtype=np.int32),
            np.asarray(list(r.stems.values()), dtype=np.float32),
        )
        for r in reports
    ]
    cased = {k: r for k, r in enumerate(reports) if r.cased.runs}
    assert 0 < len(cased) < len(reports)
    weighed = again.weigh_stored(stems, cased)
    columns = weighed.shape[1]
    assert len(again.vocab.index) < columns  # the plain reports' terms were not read
    more = again.weigh(reports)  # their terms, met as a new report's: the same columns
    assert more.shape[1] == columns and (more != weighed).nnz == 0
    assert len(again.vocab.index) == columns  # every column named by now
    _same(_dense(learned, whole), _dense(weighed, again))
    assert again.added().docs == 0 and not again.added().df  # weighing counts nothing


def test_vectors_stored_ids_are_named_only_when_asked() -> None:
    params = VectorParams()
    reports = [report_terms(t, b, params) for t, b in TEXTS]
    whole = Lexicon(params)
    learned = whole.learn(reports)
    store = _Store(whole.added())
    stems = [
        (
            np.asarray([store.ids[t] for t in r.stems], dtype=np.int32),
            np.asarray(list(r.stems.values()), dtype=np.float32),
        )
        for r in reports
    ]
    lexicon = Lexicon(params, source=store, docs=len(reports))
    weighed = lexicon.weigh_stored(stems, {})
    assert store.named == []  # frequencies only
    first = weighed[0].indices.tolist()
    names = lexicon.vocab.names(first)
    assert sorted(store.named) == sorted({store.ids[t] for t in names})
    assert set(names) == set(reports[0].stems)
    _same(_dense(learned[0], whole), _dense(weighed[0], lexicon))


def test_vectors_stored_counts_add_what_is_learned_after() -> None:
    params = VectorParams()
    reports = [report_terms(t, b, params) for t, b in TEXTS]
    first = Lexicon(params)
    first.learn(reports[:3])
    counts = first.added()
    later = Lexicon(params, source=_Store(counts), docs=counts.docs)
    later.learn(reports[3:])
    whole = Lexicon(params)
    whole.learn(reports)
    total = whole.added()
    delta = later.added()
    assert delta.docs == 2
    for term, df in total.df.items():
        assert counts.df.get(term, 0) + delta.df.get(term, 0) == df, term
    for word, up in total.upper.items():
        assert counts.upper.get(word, 0) + delta.upper.get(word, 0) == up, word


def test_vectors_counts_learned_apart_merge_into_the_whole() -> None:
    """Issue 12: the incremental state is mergeable — reports counted in parts (as workers or
    Spark partitions would) add up to the counts of learning them all, and a lexicon that
    starts from the merged counts weighs reports as the one that learned them all."""
    params = VectorParams()
    reports = [report_terms(t, b, params) for t, b in TEXTS]
    parts = []
    for part in (reports[:2], reports[2:4], reports[4:]):
        lexicon = Lexicon(params)
        lexicon.learn(part)
        parts.append(lexicon.added())
    merged = sum(parts, LexiconCounts())
    whole = Lexicon(params)
    learned = whole.learn(reports)
    total = whole.added()
    assert merged.docs == total.docs == len(reports)
    assert (merged.df, merged.upper, merged.lower) == (total.df, total.upper, total.lower)
    assert parts[0] + parts[1] == parts[1] + parts[0]
    assert parts[0].df != total.df  # a part alone is not the whole
    started = Lexicon(params, source=_Store(merged), docs=merged.docs)
    _same(_dense(learned, whole), _dense(started.weigh(reports), started))
