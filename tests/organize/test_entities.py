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


def test_a_fathers_name_after_bin_is_not_a_surname() -> None:
    found = groups(
        ("محمد بن سلمان بن عبدالعزيز", "PER", 33),
        ("سلمان بن عبدالعزيز", "PER", 44),
        ("عبدالعزيز", "PER", 3),
        ("للملك سلمان", "PER", 1),
        ("الملك سلمان", "PER", 5),
    )
    assert found["سلمان بن عبدالعزيز"] == ("سلمان بن عبدالعزيز", "PER")  # the father
    assert found["عبدالعزيز"] == ("عبدالعزيز", "PER")  # the grandfather
    assert found["للملك سلمان"] == ("الملك سلمان", "PER")  # «لل» is ل + ال
    again = groups(("لبنان", "LOC", 9), ("للبنان", "LOC", 3), ("اسامه بن لادن", "PER", 5))
    assert again["للبنان"] == ("لبنان", "LOC")  # and ل before a name with its own ل
    alias = groups(("اسامه بن لادن", "PER", 5), ("بن لادن", "PER", 2))
    assert alias["بن لادن"] == ("اسامه بن لادن", "PER")  # «بن لادن» is how he is called


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


def test_a_place_written_with_ya_or_ta_marbuta_is_one_place() -> None:
    found = groups(("سوريا", "LOC", 7), ("سوريه", "LOC", 12), ("ليبيه", "LOC", 2))
    assert found["سوريا"] == found["سوريه"] == ("سوريه", "LOC")  # the form mentioned more
    assert found["ليبيه"] == ("ليبيه", "LOC")  # no «ليبيا» to join


def test_a_place_extended_by_its_own_adjective_is_one_place() -> None:
    found = groups(
        ("الولايات المتحده", "LOC", 30),
        ("الولايات المتحده الامريكيه", "LOC", 6),
        ("كوريا", "LOC", 4),
        ("كوريا الشماليه", "LOC", 9),  # a direction: another country
        ("غينيا", "LOC", 3),
        ("غينيا الاستوائيه", "LOC", 2),  # two words: another country
        ("وزاره الخارجيه", "ORG", 5),
        ("وزاره الخارجيه العراقيه", "ORG", 3),  # organizations: not joined
    )
    assert found["الولايات المتحده الامريكيه"] == ("الولايات المتحده", "LOC")
    assert found["كوريا الشماليه"] == ("كوريا الشماليه", "LOC")
    assert found["غينيا الاستوائيه"] == ("غينيا الاستوائيه", "LOC")
    assert found["وزاره الخارجيه العراقيه"] == ("وزاره الخارجيه العراقيه", "ORG")


def test_a_kind_of_place_or_a_part_of_one_is_not_joined() -> None:
    found = groups(
        ("شبه الجزيره", "LOC", 4),
        ("شبه الجزيره العربيه", "LOC", 7),
        ("شبه الجزيره الايطاليه", "LOC", 2),
        ("ريف حلب", "LOC", 2),
        ("ريف حلب الشرقي", "LOC", 2),
    )
    assert found["شبه الجزيره العربيه"] == ("شبه الجزيره العربيه", "LOC")
    assert found["شبه الجزيره الايطاليه"] == ("شبه الجزيره الايطاليه", "LOC")
    assert found["ريف حلب الشرقي"] == ("ريف حلب الشرقي", "LOC")
