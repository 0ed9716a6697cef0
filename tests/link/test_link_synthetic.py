"""Reuse detection on a generated, labelled suite built from real SaudiNewsNet articles.

150 sources, six noisy copies each and 100 near-miss pairs go through ``find_reuse`` together
(see ``synthetic.py``). Floors: recall >= 0.98 on (source, copy) pairs, precision >= 0.99 on
reported pairs, where a pair is wrong when its two articles belong to different families.
"""

from __future__ import annotations

from collections import Counter

import pytest

from marsad.arabic import normalize
from marsad.link.reuse import ReusePair, find_reuse
from tests.conftest import SAUDINEWSNET, require
from tests.link.synthetic import NEGATIVES, SOURCES, Pair, Suite, build_suite, overlap, pair

RECALL_FLOOR = 0.98
PRECISION_FLOOR = 0.99
MAX_FAINT = 0.02  # copies the noise pushed below the reuse contract, as a share of all copies


@pytest.fixture(scope="module")
def suite() -> Suite:
    return build_suite(require(SAUDINEWSNET))


@pytest.fixture(scope="module")
def reported(suite: Suite) -> dict[Pair, ReusePair]:
    return {(p.a, p.b): p for p in find_reuse(suite.docs)}


def test_link_synthetic_labels_hold(suite: Suite) -> None:
    """The generator's labels are what they claim, so the floors below measure the detector."""
    assert len([d for d in suite.docs if d == suite.family[d] and "~" not in d]) >= SOURCES
    assert len(suite.negatives) >= NEGATIVES // 2, "too few near misses found"
    copies = len(suite.positives) + len(suite.too_faint)
    assert len(suite.too_faint) <= MAX_FAINT * copies, Counter(suite.too_faint.values())
    for a, b in suite.negatives:
        o = overlap(suite.docs[a], suite.docs[b])
        assert o.jaccard < 0.1 and max(o.contain_a, o.contain_b) < 0.2, (a, b, o)
    for (a, b), noise in suite.positives.items():
        if noise == "orthographic":
            source, copy = sorted((a, b), key=len)
            assert suite.docs[copy] == normalize(suite.originals[source]), copy


def test_link_synthetic_recall_and_precision(suite: Suite, reported: dict[Pair, ReusePair]) -> None:
    found = Counter(noise for p, noise in suite.positives.items() if p in reported)
    total = Counter(suite.positives.values())
    per_noise = {noise: f"{found[noise]}/{n}" for noise, n in sorted(total.items())}
    recall = sum(found.values()) / sum(total.values())
    wrong = [p for p in reported.values() if suite.family[p.a] != suite.family[p.b]]
    precision = 1 - len(wrong) / max(len(reported), 1)
    missed = [(p, noise) for p, noise in suite.positives.items() if p not in reported][:5]
    assert recall >= RECALL_FLOOR, f"recall {recall:.4f} per noise {per_noise}; missed {missed}"
    assert precision >= PRECISION_FLOOR, (
        f"precision {precision:.4f}: {len(wrong)} of {len(reported)} pairs join unrelated "
        f"articles, e.g. {wrong[:5]}; recall per noise {per_noise}"
    )


def test_link_synthetic_near_misses_not_reported(
    suite: Suite, reported: dict[Pair, ReusePair]
) -> None:
    """Same-topic reports written separately are not reuse, however alike their words."""
    flagged = [reported[p] for p in suite.negatives if p in reported]
    assert not flagged, f"{len(flagged)} of {len(suite.negatives)} near misses: {flagged[:5]}"


def test_link_synthetic_orthographic_copies_are_exact(
    suite: Suite, reported: dict[Pair, ReusePair]
) -> None:
    """Spelling variants vanish under normalization, so such a copy is an exact copy."""
    kinds = Counter(
        reported[p].kind if p in reported else "missed"
        for p, noise in suite.positives.items()
        if noise == "orthographic"
    )
    assert set(kinds) == {"exact"}, kinds


def test_link_synthetic_pairs_are_sorted_and_scored(reported: dict[Pair, ReusePair]) -> None:
    """Each pair once, ``a < b``, with scores that agree with its kind."""
    for (a, b), p in reported.items():
        assert a < b and pair(a, b) == (a, b)
        assert 0.0 <= p.jaccard <= min(p.contain_a, p.contain_b) + 1e-9 <= 1.0 + 1e-9, p
        if p.kind == "near":
            assert p.jaccard >= 0.8, p
        if p.kind == "partial":
            assert max(p.contain_a, p.contain_b) >= 0.5 or p.longest >= 30, p
