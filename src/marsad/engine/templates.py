"""Mark template links after each reuse update (``link/templates.py`` says what they are).

New articles change how many texts of an outlet carry a fingerprint, and counts only grow: a
fingerprint can become one of an outlet's templates, never stop being one. So after an update
the links to judge are the new articles' own and the stored links whose two articles share a
fingerprint that has just become a template of the outlet of one of them; every other link
keeps its kind. An update whose new articles are more than ``WHOLE_SHARE`` of the index (a
first index) judges every partial and template link instead, reading every outlet's templates
at once.

The templates found are kept (``store/reuse_templates.py``), so an update counts the texts
carrying only those of its fingerprints that are not yet templates of the new articles' outlets:
an outlet's footer, carried by thousands of its articles, is looked up, not counted again for
each update. The cost follows what is new, not the size of the store. A store whose templates
are not kept for this threshold (from before they were, or another ``min_articles``) counts
them as before, then keeps them, counted from the whole index once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from marsad.link.rewrites import text_stems
from marsad.link.shingles import Hashes
from marsad.link.templates import (
    Prepared,
    TemplateParams,
    is_template_prepared,
    rewrite_outside,
)
from marsad.models import ReuseLink
from marsad.store import Store
from marsad.store.records import KindChange

WHOLE_SHARE = 0.5
"""Updates whose new articles are more than this share of the index judge every link."""
_TEXTS_AT_ONCE = 2000  # links whose texts are read and stemmed together


def update_templates(
    store: Store,
    new: Sequence[tuple[str, Hashes]],
    params: TemplateParams | None = None,
    sequences: Mapping[str, Hashes] | None = None,
) -> int:
    """Judge the partial and template links the ``new`` articles (id, fingerprints; already
    indexed) can change; return how many links are templates among those judged
    (``sequences``: shingles in text order by id, of articles at hand, not read again)."""
    params = params or TemplateParams()
    if not new:
        return 0
    kept = store.reuse_templates
    whole = len(new) > WHOLE_SHARE * store.reuse.indexed_count()
    known = not whole and kept.kept(params.min_articles)
    added: dict[str, set[int]] = {}
    if whole:
        links = store.reuse.partial_links()
    else:
        added = new_templates(store, new, params, known)
        found = {(x.a, x.b): x for x in changed_links(store, added)}
        found.update(((x.a, x.b), x) for x in store.reuse.partial_links_of(i for i, _ in new))
        links = [found[key] for key in sorted(found)]
    templates, kinds = judge(store, links, params, whole, added if known else None, sequences)
    changed = [
        KindChange(x.a, x.b, kind) for x, kind in zip(links, kinds, strict=True) if kind != x.kind
    ]
    if known:
        kept.save(params.min_articles, added, changed)
    else:  # the first count of this threshold (or a first index): keep every template
        if not whole:
            templates = store.reuse.template_fingerprints(params.min_articles)
            templates.pop("", None)
        kept.save(params.min_articles, templates, changed, whole=True)
    return kinds.count("template")


def changed_links(store: Store, changed: dict[str, set[int]]) -> list[ReuseLink]:
    """The stored partial and template links whose two articles share a fingerprint that has
    become a template of the outlet of one of them (``changed``: outlet -> fingerprints)."""
    carried = store.reuse.carriers(set().union(*changed.values()))
    outlets = store.reuse.outlets(carried)
    links = []
    for link in store.reuse.partial_links(carried):
        shared = carried[link.a] & carried[link.b]
        if any(shared & changed.get(outlets.get(x, ""), set()) for x in (link.a, link.b)):
            links.append(link)
    return links


def new_templates(
    store: Store, new: Sequence[tuple[str, Hashes]], params: TemplateParams, known: bool
) -> dict[str, set[int]]:
    """Outlet -> the fingerprints that are its templates with the ``new`` articles and were
    not without them (only the new articles' own fingerprints, in their outlets, can be);
    ``known``: the templates before them are kept, so only the others are counted."""
    ids = [article_id for article_id, _ in new]
    outlets = store.reuse.outlets(ids)
    carried: dict[str, set[int]] = {}
    for article_id, fps in new:
        carried.setdefault(outlets.get(article_id, ""), set()).update(np.unique(fps).tolist())
    carried.pop("", None)  # articles of no outlet have no template
    if known:
        kept = store.reuse_templates.known(params.min_articles, carried)
        carried = {outlet: fps - kept.get(outlet, set()) for outlet, fps in carried.items()}
    common = store.reuse.common_fingerprints(set().union(*carried.values()), params.min_articles)
    now = {outlet: common.get(outlet, set()) & fps for outlet, fps in carried.items()}
    if known:  # none of them was a template before
        return {outlet: fps for outlet, fps in now.items() if fps}
    before = store.reuse.common_fingerprints(
        set().union(*now.values()), params.min_articles, excluding=ids
    )
    changed = {outlet: fps - before.get(outlet, set()) for outlet, fps in now.items()}
    return {outlet: fps for outlet, fps in changed.items() if fps}


def judge(
    store: Store,
    links: Sequence[ReuseLink],
    params: TemplateParams,
    whole: bool = False,
    added: dict[str, set[int]] | None = None,
    sequences: Mapping[str, Hashes] | None = None,
) -> tuple[dict[str, set[int]], list[str]]:
    """The templates the links were judged with (outlet -> fingerprints) and ``partial`` or
    ``template`` for each link; ``whole``: the links are all of the store's, so every
    outlet's templates are read at once rather than asked for link by link; ``added``: the
    templates are kept, and these are the ones the update made; ``sequences``: the shingles
    of the articles at hand (the others are read from the store)."""
    w = params.reuse.shingles.w
    prepared: dict[str, Prepared] = {}
    prints: dict[str, Hashes] = {}
    at_hand = sequences or {}

    def shingles(article_id: str) -> Prepared:
        if article_id not in prepared:
            seq = at_hand.get(article_id)
            if seq is None:
                seq = store.reuse.shingles(article_id)
            prepared[article_id] = Prepared.of(seq, w)
            prints[article_id] = np.unique(prepared[article_id].fps)
        return prepared[article_id]

    outlets = store.reuse.outlets(x for link in links for x in (link.a, link.b))
    shared: list[Hashes] = []
    wanted: dict[str, set[int]] = {}
    for link in links:
        shingles(link.a), shingles(link.b)
        fps = np.intersect1d(prints[link.a], prints[link.b], assume_unique=True)
        shared.append(fps)
        if not whole:  # every template is read at once
            for outlet in {outlets.get(link.a, ""), outlets.get(link.b, "")}:
                wanted.setdefault(outlet, set()).update(fps.tolist())
    if whole:
        templates = store.reuse.template_fingerprints(params.min_articles)
        templates.pop("", None)  # articles of no outlet have no template
    elif added is not None:
        wanted.pop("", None)
        templates = store.reuse_templates.known(params.min_articles, wanted)
        for outlet, kept in templates.items():
            kept |= added.get(outlet, set()) & wanted[outlet]
    else:
        common = store.reuse.common_fingerprints(set().union(*wanted.values()), params.min_articles)
        templates = {
            outlet: common.get(outlet, set()) & fps for outlet, fps in wanted.items() if outlet
        }
    kinds: list[str] = []
    rewrites: dict[int, Hashes] = {}  # cross-outlet links judged template by shingles
    for link, fps in zip(links, shared, strict=True):
        mine = templates.get(outlets.get(link.a, ""), set()) | templates.get(
            outlets.get(link.b, ""), set()
        )
        found = np.array(sorted(fp for fp in fps.tolist() if fp in mine), dtype=np.uint64)
        template = len(found) > 0 and is_template_prepared(
            shingles(link.a), shingles(link.b), found, params
        )
        if template and outlets.get(link.a, "") != outlets.get(link.b, ""):
            rewrites[len(kinds)] = found  # within one outlet, a reworded template is its own
        kinds.append("template" if template else "partial")
    checks = list(rewrites.items())
    for first in range(0, len(checks), _TEXTS_AT_ONCE):  # texts in bounded batches
        part = checks[first : first + _TEXTS_AT_ONCE]
        texts = store.reuse.texts(x for k, _ in part for x in (links[k].a, links[k].b))
        stems = {article_id: text_stems(text) for article_id, text in texts.items()}
        for k, found in part:
            a, b = links[k].a, links[k].b
            if rewrite_outside(stems[a], stems[b], shingles(a), shingles(b), found, params):
                kinds[k] = "partial"
    return templates, kinds
