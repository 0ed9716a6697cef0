"""Grouping keys into entities across articles."""

from __future__ import annotations

from marsad.models import KeyCount
from marsad.organize.entities import entity_id, group_keys


def groups(*rows: tuple[str, str, int]) -> dict[str, tuple[str, str]]:
    """key -> (the key of its entity, its kind)."""
    found = group_keys(KeyCount(key, kind, n, key) for key, kind, n in rows)
    return {key: (g.key, g.kind) for g in found for key in g.keys}


def test_a_clitic_left_on_joins_the_name_without_it() -> None:
    found = groups(("بغداد", "LOC", 20), ("وبغداد", "PER", 1), ("لمجلس الامن", "ORG", 1))
    assert found["وبغداد"] == ("بغداد", "LOC")  # the kind most mentions were given
    assert found["لمجلس الامن"] == ("لمجلس الامن", "ORG")  # no «مجلس الامن» to join


def test_a_surname_joins_the_dominant_full_name() -> None:
    found = groups(("مصطفي الكاظمي", "PER", 9), ("الكاظمي", "PER", 4), ("الكاظمي", "ORG", 1))
    assert found["الكاظمي"] == ("مصطفي الكاظمي", "PER")


def test_a_surname_shared_by_people_stays_apart() -> None:
    found = groups(("علي الخفاجي", "PER", 5), ("تحسين الخفاجي", "PER", 5), ("الخفاجي", "PER", 3))
    assert found["الخفاجي"] == ("الخفاجي", "PER")


def test_a_place_is_never_a_surname() -> None:
    found = groups(("جامعة بغداد", "PER", 5), ("بغداد", "LOC", 9))
    assert found["بغداد"] == ("بغداد", "LOC")


def test_the_name_is_written_in_full_and_ids_are_stable() -> None:
    found = group_keys(
        [
            KeyCount("تحسين الخفاجي", "PER", 4, "الخفاجي"),
            KeyCount("تحسين الخفاجي", "PER", 2, "تحسين الخفاجي"),
        ]
    )
    assert [(g.name, g.id) for g in found] == [("تحسين الخفاجي", entity_id("تحسين الخفاجي"))]


def test_grouping_does_not_depend_on_the_order_of_rows() -> None:
    rows = [("مصطفي الكاظمي", "PER", 9), ("الكاظمي", "PER", 4), ("وبغداد", "LOC", 1)]
    rows += [("بغداد", "LOC", 3)]
    assert groups(*rows) == groups(*reversed(rows))
