"""Reuse groups a deduplicator can trust: copies of one text per group, chains of partial links
never merge different texts, exactly one article kept per group by a stated rule."""

from __future__ import annotations

from marsad.link import copies as link_copies
from marsad.link.groups import Member, group_links
from marsad.models import ReuseLink
from marsad.organize import copies as organize_copies

BODY = " ".join(f"w{k}" for k in range(200))


def link(
    a: str,
    b: str,
    kind: str = "near",
    origin: str | None = None,
    contain: tuple[float, float] = (0.9, 0.9),
    uncredited: bool = False,
    lead: bool = True,
) -> ReuseLink:
    """A link of ``kind``; a partial one shares the larger's lead when ``lead``."""
    copy = None if origin is None else ({a, b} - {origin}).pop()
    passages = ((0, 400, 0, 400, 80),) if lead else ((900, 1000, 900, 1000, 30),)
    return ReuseLink(
        a,
        b,
        kind,
        0.5,
        *contain,
        40,
        origin,
        copy,
        (),
        uncredited,
        (),
        passages,  # type: ignore[arg-type]
    )


def facts(**dates: str | None) -> dict[str, Member]:
    return {k: Member(v, BODY) for k, v in dates.items()}


def test_link_groups_chain_of_partial_links_does_not_merge_different_texts() -> None:
    # a1/a2 are one text, b1/b2 another; a2 quotes part of b1 (a partial link, not a copy),
    # and b2 holds most of c1 but opens with its own lead: three texts, not one group
    links = [
        link("a1", "a2"),
        link("b1", "b2", "exact"),
        link("a2", "b1", "partial", contain=(0.3, 0.35)),
        link("b2", "c1", "partial", contain=(0.2, 0.9), lead=False),
    ]
    known = facts(a1="2015-07-01", a2="2015-07-02", b1=None, b2=None, c1=None)
    groups = group_links(links, known.__getitem__)
    assert [g.articles for g in groups] == [("a1", "a2"), ("b1", "b2")]
    assert groups[0].related == ("b1",) and groups[0].related_groups == (2,)
    assert groups[1].related == ("a2", "c1") and groups[1].related_groups == (1,)


def test_link_groups_one_text_mostly_inside_another_and_opening_it_is_one_group() -> None:
    links = [link("x", "y", "partial", contain=(0.95, 0.5))]
    (group,) = group_links(links, facts(x=None, y=None).__getitem__)
    assert group.articles == ("x", "y") and group.kinds == ("partial",)


def test_link_groups_keep_one_per_group_by_the_stated_rule() -> None:
    links = [link("a", "b", origin="b"), link("b", "c", origin="b"), link("a", "c")]
    (group,) = group_links(links, facts(a="2015-07-01", b="2015-07-03", c=None).__getitem__)
    assert (group.keep, group.keep_rule, group.origin) == ("b", "origin", "b")


def test_link_groups_without_an_origin_keep_the_earliest_then_the_longest() -> None:
    links = [link("a", "b"), link("b", "c")]
    known = facts(a="2015-07-03", b="2015-07-02T10:00", c=None)
    (group,) = group_links(links, known.__getitem__)
    assert (group.keep, group.keep_rule, group.origin) == ("b", "earliest", None)
    known = {
        "a": Member(None, "short"),
        "b": Member(None, "the longest body"),
        "c": Member(None, ""),
    }
    (group,) = group_links(links, known.__getitem__)
    assert (group.keep, group.keep_rule) == ("b", "longest")
    known = {x: Member("2015-07-01", "same") for x in "abc"}  # a tie everywhere: the id
    (group,) = group_links(links, known.__getitem__)
    assert (group.keep, group.keep_rule) == ("a", "earliest")


def test_link_groups_keep_is_never_among_its_own_uncredited_copies() -> None:
    # x is named origin twice and copy (without credit) once; y once origin: x is kept
    links = [
        link("x", "y", origin="y", uncredited=True),
        link("x", "z", origin="x", uncredited=True),
        link("w", "x", origin="x"),
    ]
    (group,) = group_links(links, facts(w=None, x=None, y=None, z=None).__getitem__)
    assert group.keep == "x" and group.keep_rule == "origin"
    assert group.uncredited == ("z",)


def test_link_groups_template_links_make_no_group_and_no_relation() -> None:
    links = [link("a", "b", "template", contain=(0.3, 0.3)), link("c", "d")]
    (group,) = group_links(links, facts(a=None, b=None, c=None, d=None).__getitem__)
    assert group.articles == ("c", "d") and group.related == ()


def test_link_groups_and_events_share_one_copy_rule() -> None:
    assert organize_copies.copy_pairs is link_copies.copy_pairs
    body = {"x": BODY, "y": BODY}.__getitem__
    assert link_copies.is_copy(link("x", "y", "partial", contain=(0.95, 0.5)), body)
    assert not link_copies.is_copy(link("x", "y", "partial", contain=(0.6, 0.5)), body)
    assert not link_copies.is_copy(link("x", "y", "template"), body)
