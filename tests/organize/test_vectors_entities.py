"""The entity block of a report's terms (``VectorParams.entity_names``, off by default)."""

from __future__ import annotations

from marsad.organize.vectors import NAME, VectorParams, entity_counts, report_terms

TITLE = "الكاظمي يبحث مع بايدن"
BODY = (
    "أعلن رئيس الوزراء العراقي، مصطفى الكاظمي، على تويتر مساء الثلاثاء\n"
    "أنه بحث في اتصال مع الرئيس الأميركي جو بايدن تطوير العلاقات."
)


def test_entity_names_are_the_words_of_entity_keys() -> None:
    found = entity_counts(TITLE, BODY, VectorParams())
    assert found[NAME + "الكاظمي"] >= 1.0  # keyed as the entities stage keys it
    assert found[NAME + "بايدن"] >= 1.0  # بايدن: a ب that is part of the name stays
    assert NAME + "ايدن" not in found
    assert all(term.startswith(NAME) for term in found)


def test_entity_names_weigh_the_title() -> None:
    body_only = entity_counts(None, BODY, VectorParams())
    with_title = entity_counts(BODY, BODY, VectorParams(title_weight=2.0))
    for term, count in body_only.items():
        assert with_title[term] == 3 * count


def test_entity_names_only_read_arabic_and_the_lead() -> None:
    assert (
        entity_counts(
            "Biden calls Kadhimi", "Joe Biden spoke to Mustafa al-Kadhimi.", VectorParams()
        )
        == {}
    )
    assert entity_counts(None, "كلمة " * 50 + BODY, VectorParams(lead_words=40)) == {}


def test_entity_names_are_off_by_default() -> None:
    plain = report_terms(TITLE, BODY, VectorParams())
    named = report_terms(TITLE, BODY, VectorParams(entity_names=True))
    assert not any(term.startswith(NAME) for term in plain.stems)
    assert set(named.stems) - set(plain.stems) == set(entity_counts(TITLE, BODY, VectorParams()))
