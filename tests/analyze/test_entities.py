"""Entities of one article: clitics, keys, roles, short names; the rules the CRF is helped by."""

from __future__ import annotations

from marsad.analyze.entities import (
    EntityMention,
    article_entities,
    entity_key,
    resolve,
    strip_clitics,
)
from marsad.analyze.ner.rules import extend, rule_mentions
from marsad.analyze.ner.tagger import Mention


def kinds(text: str) -> dict[str, str]:
    return {m.text: m.kind for m in rule_mentions(text)}


def test_organizations_are_a_head_and_its_definite_words() -> None:
    found = kinds("أعلنت وزارة الخارجية العراقية، اليوم، أن قوات التحالف الدولي باقية.")
    assert found == {"وزارة الخارجية العراقية": "ORG", "التحالف الدولي": "ORG"}


def test_a_definite_head_needs_an_adjective_of_relation() -> None:
    assert kinds("استعان بقوات التحالف المتبقية للتعاون.") == {}
    # a head inside another's tail opens a name of its own: «قيادة» of «الحشد الشعبي»
    assert kinds("زار مقر قيادة الحشد الشعبي أمس.") == {"الحشد الشعبي": "ORG"}


def test_an_organization_stops_at_a_function_word_or_a_repeat() -> None:
    assert kinds("قوات التحالف الدولي التي وصلت") == {"التحالف الدولي": "ORG"}
    assert "التحالف الدولي" in kinds("كلمات: التحالف الدولي التحالف الدولي")


def test_known_organizations_are_found_after_a_clitic_and_nowhere_else() -> None:
    assert kinds("قوات استقدمت لمحاربة داعش، ووصلت") == {"داعش": "ORG"}
    assert kinds("هجوم للحوثيين على مواقع وحزب الله") == {
        "للحوثيين": "ORG",
        "وحزب الله": "ORG",
    }
    assert kinds("أمام مجلس الأمن الدولي") == {"مجلس الأمن الدولي": "ORG"}  # the longest
    # «واس» is a known agency; «فاس» (a city) and «كاس» (a cup) are not «واس» after a clitic
    assert kinds("زار فاس ثم رفع كاس البطولة") == {}
    # names that are also common words are known only with the word that makes them a name
    assert kinds("استقبل الجمهور اللاعبين بحماس كبير وقال طالبان جامعيان") == {}
    assert kinds("وأعلنت حركة حماس موافقتها") == {"حركة حماس": "ORG"}


def test_a_known_organization_replaces_what_the_tagger_made_of_it() -> None:
    text = "ضربات جوية تستهدف داعش، بعد أزمة"
    start = text.index("داعش")
    tagged = [Mention(start, start + 4, "LOC", "داعش")]
    assert [(m.text, m.kind) for m in extend(text, tagged)] == [("داعش", "ORG")]


def test_a_person_apposed_to_a_role_between_commas() -> None:
    text = "نقلتها السفيرة الأميركية في بغداد، آلينا رومانسكي، وبحسب المصادر"
    assert kinds(text) == {"آلينا رومانسكي": "PER"}


def test_no_person_without_a_role_or_between_commas_of_time() -> None:
    assert kinds("وصل الوفد إلى بغداد، آلينا رومانسكي، وبحسب المصادر") == {}
    assert kinds("قال وزير الخارجية، أمس، إن") == {}
    assert kinds("قال وزير الخارجية، في بيان، إن") == {}


def test_a_rule_span_replaces_the_mentions_inside_it() -> None:
    text = "وقال المتحدث باسم الخارجية الأميركية، نيد برايس، إن"
    start = text.index("برايس")
    tagged = [Mention(start, start + 5, "PER", "برايس")]
    assert [m.text for m in extend(text, tagged)] == ["نيد برايس"]


def test_clitics_are_cut_when_the_rest_is_written_so() -> None:
    assert strip_clitics("والولايات", {"الولايات"}) == 1
    assert strip_clitics("والولايات") == 0  # unknown: grouping joins it to «الولايات» later
    assert strip_clitics("للكاظمي", {"الكاظمي"}) == 0  # ل + ال: keyed, not cut
    assert strip_clitics("وليد") == 0  # a name that begins with و
    assert strip_clitics("بايدن") == 0  # not ب + «ايدن»
    for name in ("فالح", "والتر", "فالنسيا", "بالي", "كالفن", "والاس"):
        assert strip_clitics(name) == 0, name
    assert strip_clitics("ببغداد", {"بغداد"}) == 1
    assert strip_clitics("لمجلس") == 1  # the head of an organization's name
    assert strip_clitics("والتحالف") == 1  # «التحالف» heads an organization's name


def test_keys_fold_spellings_and_transliterations() -> None:
    assert entity_key("بيليغريني") == entity_key("بليجريني") == entity_key("بيليجريني")
    assert entity_key("الرئيس الأمريكي") == entity_key("الرئيس الأميركي")
    assert entity_key("فؤاد حسين") == entity_key("فواد حسين")


def test_a_short_name_takes_the_full_name_of_its_article() -> None:
    def m(key: str) -> EntityMention:
        return EntityMention(0, 1, "PER", key, key)

    resolved = resolve([m("تحسين الخفاجي"), m("الخفاجي"), m("حسين")])
    assert [x.key for x in resolved] == ["تحسين الخفاجي", "تحسين الخفاجي", "حسين"]
    two = resolve([m("علي الخفاجي"), m("تحسين الخفاجي"), m("الخفاجي")])
    assert two[-1].key == "الخفاجي"  # two full names end so: left alone


def test_a_role_never_holds_the_name_before_it() -> None:
    text = "استقبل الرئيس الأميركي جو بايدن رئيس الوزراء العراقي مصطفى الكاظمي في البيت الأبيض."
    found = {e.name: e.role for e in article_entities(text)}
    assert found["جو بايدن"] == "الرئيس الأميركي"
    assert found["مصطفى الكاظمي"] == "رئيس الوزراء العراقي"


def test_a_name_after_lil_keeps_its_span_and_is_keyed_with_the_article() -> None:
    text = "وقال الكاظمي إن الحوار مستمر. وذكر المكتب الإعلامي للكاظمي أن الاتصال جرى مساء."
    tagged = [
        Mention(text.index(w), text.index(w) + len(w), kind, w)
        for w, kind in (("الكاظمي", "PER"), ("للكاظمي", "ORG"))
    ]
    (short,) = [e for e in article_entities(text, tagged) if e.start > text.index("الإعلامي")]
    assert text[short.start : short.end] == short.name == "للكاظمي"
    assert short.key == "الكاظمي"


def test_roles_are_split_off_and_names_keep_their_spans() -> None:
    text = "أجرى الرئيس الأميركي جو بايدن اتصالا مع وزير الخارجية العراقي، فؤاد حسين، أمس."
    found = {e.name: e for e in article_entities(text)}
    assert found["جو بايدن"].role == "الرئيس الأميركي"
    assert found["فؤاد حسين"].role == "وزير الخارجية العراقي"
    for e in found.values():
        assert text[e.start : e.end] == e.name


def test_a_name_cut_after_bin_takes_the_next_word() -> None:
    text = "وقال الأمير عبدالرحمن بن مساعد على حسابه إن الفقيد كان فاضلا."
    tagged = [Mention(text.index("عبدالرحمن"), text.index(" مساعد"), "PER", "عبدالرحمن بن")]
    (person,) = [e for e in article_entities(text, tagged) if e.kind == "PER"]
    assert person.name == "عبدالرحمن بن مساعد"
