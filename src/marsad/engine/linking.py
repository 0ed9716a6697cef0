"""Bring the reuse index up to date: link articles not yet indexed, against each other and
against everything indexed before. Each run only touches the new articles.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from marsad.link.align import align
from marsad.link.candidates import candidate_pairs
from marsad.link.origin import decide
from marsad.link.reuse import ReuseParams, kind_of, shingle
from marsad.link.verify import Scores, Shingled, scores
from marsad.models import ReuseLink
from marsad.store import SQLiteStore


@dataclass(slots=True)
class LinkReport:
    """What one update of the reuse index did."""

    articles: int = 0
    candidates: int = 0
    links: int = 0
    seconds: float = 0.0


def update_reuse(store: SQLiteStore, params: ReuseParams | None = None) -> LinkReport:
    """Index the articles added since the last update and store the reuse links they make."""
    params = params or ReuseParams()
    start = time.perf_counter()
    new = store.reuse.unlinked()
    report = LinkReport(articles=len(new))
    if not new:
        return report
    ids = [article_id for article_id, _ in new]
    shingled = shingle([text for _, text in new], params.shingles)
    found: dict[tuple[str, str], tuple[Scores, bool]] = {}
    local, _ = candidate_pairs([f for _, f in shingled], params.min_shared, params.max_df)
    for i, j in local.tolist():
        pair = (ids[i], ids[j])
        found[pair] = (
            scores(shingled[i][0], shingled[j][0], params.shingles.n),
            new[i][1] == new[j][1],
        )
    if store.reuse.indexed_count():
        for (article_id, text), (arts, fps) in zip(new, shingled, strict=True):
            for other, shared in store.reuse.matches(fps).items():
                if shared < min(params.min_shared, len(np.unique(fps))):
                    continue
                theirs = Shingled.of(store.reuse.shingles(other))
                key = (min(article_id, other), max(article_id, other))
                a, b = (arts, theirs) if key[0] == article_id else (theirs, arts)
                identical = text == store.article(other).norm_body
                found[key] = (scores(a, b, params.shingles.n), identical)
    report.candidates = len(found)
    links = [
        _link(store, a, b, s, kind, params.shingles.n)
        for (a, b), (s, identical) in sorted(found.items())
        if (kind := kind_of(s, identical, params)) is not None
    ]
    indexed = [(ids[k], arts.seq, fps) for k, (arts, fps) in enumerate(shingled)]
    store.reuse.save(indexed, links)
    report.links = len(links)
    report.seconds = time.perf_counter() - start
    return report


def _link(store: SQLiteStore, a_id: str, b_id: str, s: Scores, kind: str, n: int) -> ReuseLink:
    a, b = store.article(a_id), store.article(b_id)
    origin = decide(a, b, s.contain_a, s.contain_b)
    passages = tuple(
        (p.a_start, p.a_end, p.b_start, p.b_end, p.words) for p in align(a.body, b.body, n)
    )
    return ReuseLink(
        a=a_id,
        b=b_id,
        kind=kind,  # type: ignore[arg-type]
        jaccard=round(s.jaccard, 4),
        contain_a=round(s.contain_a, 4),
        contain_b=round(s.contain_b, 4),
        longest=s.longest,
        origin=origin.origin,
        copy=origin.copy,
        reasons=origin.reasons,
        uncredited=origin.uncredited,
        dropped=origin.dropped,
        passages=passages,
    )
