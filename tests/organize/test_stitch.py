"""A segment of new reports grouped at once with the stored events (``organize/stitch.py``),
and the pairs it compares (``events.pairs_with``)."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from marsad.organize.events import EventParams, average_link, pairs_with, similar_pairs
from marsad.organize.stitch import stitch

OLD = sp.csr_matrix([[1.0, 0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0]])
EVENTS = ["e1", "e1", "e2"]  # two stored events
DAY = (100, 100)


def _rows(*rows: list[float]) -> sp.csr_matrix:
    vectors = np.asarray(rows)
    return sp.csr_matrix(vectors / np.linalg.norm(vectors, axis=1, keepdims=True))


def test_stitch_never_merges_two_stored_events_through_a_new_report() -> None:
    bridge = _rows([0.75, 0.66, 0.0, 0.0])  # like both stored events
    found = stitch(OLD, EVENTS, bridge, ["n"], [DAY] * 4, [])
    assert found == ["e1"]  # the closer one, and e2 stays apart


def test_stitch_groups_new_reports_among_themselves_named_after_the_first() -> None:
    new = _rows([0.0, 0.0, 1.0, 0.1], [0.0, 0.0, 1.0, 0.0], [0.0, 0.0, 0.0, 1.0])
    found = stitch(OLD, EVENTS, new, ["a", "b", "c"], [DAY] * 6, [])
    assert found == ["ea", "ea", "ec"]


def test_stitch_copies_start_with_their_original_and_chain_no_two_stored_events() -> None:
    unlike = _rows([0.0, 0.0, 0.0, 1.0], [0.0, 0.0, 0.0, 1.0])
    # a copies a report of e2; b copies a and a report of e1: pairs are taken in order, so b
    # starts with e1 and the pair that would join e1 and e2 through it is left out
    found = stitch(OLD, EVENTS, unlike, ["a", "b"], [DAY] * 5, [(3, 2), (4, 3), (4, 0)])
    assert found == ["e2", "e1"]
    assert stitch(OLD, EVENTS, unlike, ["a", "b"], [DAY] * 5, [(3, 2), (4, 3)]) == ["e2", "e2"]


def test_stitch_compares_within_the_time_window_only() -> None:
    same = _rows([1.0, 0.0, 0.0, 0.0])
    assert stitch(OLD, EVENTS, same, ["n"], [DAY] * 3 + [(110, 110)], []) == ["en"]
    assert stitch(OLD, EVENTS, same, ["n"], [DAY] * 3 + [(103, 103)], []) == ["e1"]


def test_pairs_with_are_the_pairs_of_similar_pairs_that_hold_a_row() -> None:
    rng = np.random.default_rng(3)
    matrix = sp.csr_matrix(rng.random((12, 6)) * (rng.random((12, 6)) > 0.5))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1))).ravel()
    matrix = sp.csr_matrix(matrix.multiply(1 / np.where(norms > 0, norms, 1)[:, None]))
    days = [(d, d) for d in (1, 1, 2, 3, 5, 6, 9, 1, 2, 4)] + [None, (2, 3)]
    params = EventParams()
    every = similar_pairs(matrix, days, params)
    rows = {7, 8, 9, 10, 11}
    wanted = {pair: s for pair, s in every.items() if rows & set(pair)}
    found = pairs_with(matrix, days, params, sorted(rows))
    assert found.keys() == wanted.keys() and wanted
    assert all(abs(found[pair] - s) < 1e-12 for pair, s in wanted.items())


def test_average_link_keeps_marked_clusters_apart() -> None:
    edges = {(0, 1): 0.9, (1, 2): 0.9, (0, 2): 0.9}
    assert average_link(3, edges, [], 0.25) == [0, 0, 0]
    assert average_link(3, edges, [], 0.25, [True, False, True]) in ([0, 0, 2], [0, 2, 2])
