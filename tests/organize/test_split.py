"""Consolidation cuts an event that holds two happenings of one kind, and nothing else."""

from __future__ import annotations

import datetime as dt
import random

import numpy as np
import scipy.sparse as sp

from marsad.organize.events import EventItem, EventParams, partition
from marsad.organize.split import split_events

PARAMS = EventParams()


def _rows(groups: list[tuple[int, np.ndarray]], noise: float, seed: int = 7) -> sp.csr_matrix:
    """Unit rows: each group's members near their group's direction."""
    rng = np.random.default_rng(seed)
    rows = [c + noise * rng.random(c.shape) for size, c in groups for _ in range(size)]
    m = np.asarray(rows)
    return sp.csr_matrix(m / np.linalg.norm(m, axis=1, keepdims=True))


def test_organize_split_cuts_two_tight_groups_that_share_a_topic() -> None:
    shared = np.r_[np.ones(4), np.zeros(8)]
    first = shared + np.r_[np.zeros(4), np.ones(4), np.zeros(4)] * 1.2
    second = shared + np.r_[np.zeros(8), np.ones(4)] * 1.2
    matrix = _rows([(5, first), (4, second)], noise=0.3)
    labels = split_events(matrix, [None] * 9, [0] * 9, PARAMS)
    assert labels == [0] * 5 + [5] * 4  # each part named by its first position


def test_organize_split_leaves_a_uniform_event_whole() -> None:
    matrix = _rows([(9, np.ones(12))], noise=0.6)
    assert split_events(matrix, [None] * 9, [0] * 9, PARAMS) == [0] * 9


def test_organize_split_leaves_small_events_and_small_parts_alone() -> None:
    shared = np.r_[np.ones(4), np.zeros(8)]
    first = shared + np.r_[np.zeros(4), np.ones(4), np.zeros(4)] * 1.2
    second = shared + np.r_[np.zeros(8), np.ones(4)] * 1.2
    small = _rows([(3, first), (2, second)], noise=0.3)
    assert split_events(small, [None] * 5, [0] * 5, PARAMS) == [0] * 5
    lopsided = _rows([(7, first), (2, second)], noise=0.3)
    assert split_events(lopsided, [None] * 9, [0] * 9, PARAMS) == [0] * 9


def test_organize_split_counts_a_report_and_its_copies_once() -> None:
    # three copies of one text (alike by definition) and six other reports of the happening,
    # each 0.45 from the text and 0.5 from one another: not two happenings
    text = np.r_[1.0, 1.5**0.5, np.zeros(6)]
    others = [np.r_[1.0, 0.0, np.eye(6)[k]] for k in range(6)]
    m = np.asarray([text] * 3 + others)
    matrix = sp.csr_matrix(m / np.linalg.norm(m, axis=1, keepdims=True))
    copies = [(0, 1), (0, 2)]
    assert split_events(matrix, [None] * 9, [0] * 9, PARAMS, copies) == [0] * 9
    assert split_events(matrix, [None] * 9, [0] * 9, PARAMS) != [0] * 9  # as nine reports


FIGHTS = [
    ("Klitschko stops Rahman", "Wladimir Klitschko stopped Hasim Rahman in Mannheim to retain"),
    ("Klitschko stops Thompson", "Wladimir Klitschko stopped Tony Thompson in Bern to retain"),
]
TAIL = " his IBF, WBO and IBO heavyweight title belts on Saturday night, and {} said the champion"


def _fights() -> list[EventItem]:
    items = []
    for k in range(6):
        for which, (title, lead) in enumerate(FIGHTS):
            rival = ("Rahman", "Thompson")[which]
            body = f"{lead}{TAIL.format(rival)} was in fine form; report {k} of the fight."
            items.append(EventItem(f"{'rt'[which]}{k}", title, body, None))
    return items


def test_organize_split_parts_two_fights_and_order_plays_no_part() -> None:
    items = _fights()
    merged = partition(items, params=EventParams(split_ratio=0.0, threshold=0.1)).by_id()
    assert len(set(merged.values())) == 1  # average link alone makes one event of both
    cut = partition(items, params=EventParams(threshold=0.1)).by_id()
    assert {cut[f"r{k}"] for k in range(6)} == {"r0"}
    assert {cut[f"t{k}"] for k in range(6)} == {"t0"}
    shuffled = items[:]
    random.Random(3).shuffle(shuffled)
    assert partition(shuffled, params=EventParams(threshold=0.1)).by_id() == cut


def test_organize_split_never_parts_a_copy_from_its_original() -> None:
    items = _fights()
    cut = partition(items, copies=[("r2", "t3")], params=EventParams(threshold=0.1)).by_id()
    assert cut["r2"] == cut["t3"]


def test_organize_split_reads_dates() -> None:
    day = dt.date(2015, 8, 7)
    items = [EventItem(it.id, it.title, it.body, day) for it in _fights()]
    cut = partition(items, params=EventParams(threshold=0.1)).by_id()
    assert len(set(cut.values())) == 2
