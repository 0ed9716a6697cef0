"""The rewrite stage against the stored index: new articles that lightly rewrite stored ones.

Each article keeps its candidate sample of light-stem word pairs (``link/rewrites.py``) in
the store; a new article looks its own up, and the stored articles sharing enough of them are
verified with the same rule the batch path applies.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

from marsad.link.reuse import ReusePair, ReuseParams, rewrite_pair
from marsad.link.rewrites import Rewrite, candidate_sample, compare, is_rewrite, pair_samples
from marsad.link.shingles import Hashes
from marsad.store import Store
from marsad.store.records import NewText, StemPairs


def stored_rewrites(
    store: Store,
    new: Sequence[NewText],
    known: Mapping[tuple[str, str], ReusePair],
    params: ReuseParams,
    computed: Mapping[str, Hashes] | None = None,
) -> dict[tuple[str, str], ReusePair]:
    """Rewrites between new articles (id, normalized body) and stored ones, leaving out
    the pairs already ``known``; then the new articles' samples are indexed (``computed``:
    their samples by id, when the batch path has made them already)."""
    rewrites = params.rewrites
    if rewrites is None or not new:
        return {}
    if computed is not None and all(t.id in computed for t in new):
        samples = [computed[t.id] for t in new]
    else:
        samples = pair_samples([t.text for t in new], rewrites.verify_bits)
    theirs_of = functools.lru_cache(maxsize=8192)(  # a stored article may match many new ones
        lambda other: pair_samples([store.reuse.texts([other])[other]], rewrites.verify_bits)[0]
    )  # its normalized body alone: not the whole row, nor its JSON fields parsed
    found: dict[tuple[str, str], ReusePair] = {}
    new_ids = {t.id for t in new}
    stored = store.reuse.indexed_count() > 0  # nothing to look up in an empty index
    for article_id, mine in zip((t.id for t in new), samples, strict=True):
        if not stored:
            break
        matches = store.reuse.stem_pair_matches(
            candidate_sample(mine, rewrites).tolist(), rewrites.max_df
        )
        for other, shared in sorted(matches.items()):
            key = (min(article_id, other), max(article_id, other))
            if other in new_ids or shared < rewrites.min_sampled or key in known:
                continue  # new pairs come from the batch path
            theirs = theirs_of(other)
            a, b = (mine, theirs) if key[0] == article_id else (theirs, mine)
            jaccard, contain_a, contain_b, count = compare(a, b)
            if is_rewrite(contain_a, contain_b, count, rewrites):
                r = Rewrite(0, 1, jaccard, contain_a, contain_b, count)
                found[key] = rewrite_pair(*key, r, params)
    store.reuse.save_stem_pairs(
        StemPairs(text.id, candidate_sample(mine, rewrites))
        for text, mine in zip(new, samples, strict=True)
    )
    return found
