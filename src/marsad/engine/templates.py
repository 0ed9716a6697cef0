"""Mark template links after each reuse update (``link/templates.py`` says what they are).

New articles change how many texts of an outlet carry a fingerprint, so the links to re-judge
are those between two articles sharing a fingerprint with a new article (a link whose shared
fingerprints the new articles do not carry keeps its counts, and so its kind). An update of
more than ``WHOLE`` articles re-judges every partial and template link instead.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from marsad.link.shingles import Hashes
from marsad.link.templates import Prepared, TemplateParams, is_template_prepared
from marsad.models import ReuseLink
from marsad.store import SQLiteStore

WHOLE = 200
"""Updates with more new articles than this re-judge every partial and template link."""


def update_templates(
    store: SQLiteStore,
    new: Sequence[tuple[str, Hashes]],
    params: TemplateParams | None = None,
) -> int:
    """Re-judge the partial and template links the ``new`` articles (id, fingerprints) can
    change; return how many links are templates among those judged."""
    params = params or TemplateParams()
    if not new:
        return 0
    whole = len(new) > WHOLE
    if whole:
        links = store.reuse.partial_links()
    else:
        touched = {article_id for article_id, _ in new}
        for _, fps in new:
            touched.update(store.reuse.matches(fps))
        links = store.reuse.partial_links(touched)
    kinds = judge(store, links, params, whole)
    store.reuse.set_kinds(
        (link.a, link.b, kind) for link, kind in zip(links, kinds, strict=True) if kind != link.kind
    )
    return kinds.count("template")


def judge(
    store: SQLiteStore, links: Sequence[ReuseLink], params: TemplateParams, whole: bool = False
) -> list[str]:
    """``partial`` or ``template`` for each link; ``whole``: the links are all of the store's,
    so every outlet's templates are read at once rather than asked for link by link."""
    w = params.reuse.shingles.w
    prepared: dict[str, Prepared] = {}
    prints: dict[str, Hashes] = {}

    def shingles(article_id: str) -> Prepared:
        if article_id not in prepared:
            prepared[article_id] = Prepared.of(store.reuse.shingles(article_id), w)
            prints[article_id] = np.unique(prepared[article_id].fps)
        return prepared[article_id]

    outlets = store.reuse.outlets(x for link in links for x in (link.a, link.b))
    shared: list[Hashes] = []
    wanted: dict[str, set[int]] = {}
    for link in links:
        shingles(link.a), shingles(link.b)
        fps = np.intersect1d(prints[link.a], prints[link.b], assume_unique=True)
        shared.append(fps)
        for outlet in {outlets.get(link.a, ""), outlets.get(link.b, "")}:
            wanted.setdefault(outlet, set()).update(fps.tolist())
    if whole:
        templates = store.reuse.template_fingerprints(params.min_articles)
        templates.pop("", None)  # articles of no outlet have no template
    else:
        templates = {
            outlet: store.reuse.common_fingerprints(outlet, fps, params.min_articles)
            for outlet, fps in wanted.items()
            if outlet
        }
    kinds = []
    for link, fps in zip(links, shared, strict=True):
        mine = templates.get(outlets.get(link.a, ""), set()) | templates.get(
            outlets.get(link.b, ""), set()
        )
        found = np.array(sorted(fp for fp in fps.tolist() if fp in mine), dtype=np.uint64)
        template = len(found) > 0 and is_template_prepared(
            shingles(link.a), shingles(link.b), found, params
        )
        kinds.append("template" if template else "partial")
    return kinds
