"""Credits read where news puts them: datelines, brackets, phrases, English wire lines; the
outlet table, its source codes and a user's extension of it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from marsad.arabic import normalize
from marsad.clean import outlets
from marsad.link import credits
from marsad.link.credits import article_credits, body_credits, mentions
from marsad.models import Article, PubDate, RemovedLine


def make(
    body: str,
    outlet: str | None = None,
    source: str | None = None,
    attributions: tuple[str, ...] = (),
    removed: tuple[RemovedLine, ...] = (),
    article_id: str = "a1",
) -> Article:
    return Article(
        id=article_id,
        document_id=article_id,
        seq=0,
        title="عنوان الخبر",
        body=body,
        paragraphs=(),
        norm_title=normalize("عنوان الخبر"),
        norm_body=normalize(body),
        lang="ar",
        lang_score=1.0,
        source=source,
        outlet=outlet,
        outlet_provenance="metadata" if outlet else None,
        url=None,
        author=None,
        published=PubDate.unknown(),
        crawled=None,
        attributions=attributions,
        removed=removed,
    )


def credited(body: str, own: str | None = None) -> list[tuple[str, str, str]]:
    found = body_credits(body, outlets.find(own) if own else None)
    for span in found:
        assert body[span.start : span.end] == span.text  # spans point into the text
    return [(span.outlet, span.text, span.cue) for span in found]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("الرياض - واس\n\nأعلنت وزارة الداخلية اليوم", [("spa", "واس", "dateline")]),
        ("الرياض – واس: أعلنت وزارة الداخلية اليوم", [("spa", "واس", "dateline")]),
        ("جدة (واس) - أعلنت وزارة الداخلية اليوم", [("spa", "واس", "bracket")]),
        ("واس- الرياض: بدأت المديرية العامة للجوازات", [("spa", "واس", "dateline")]),
        (
            "بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n\nيواصل مهرجان تمور بريدة",
            [("spa", "واس", "dateline")],
        ),
        ("وأكد أن العمل سيستمر حتى نهاية العام. (واس)", [("spa", "واس", "bracket")]),
        ("وأوضح المزارع حسين الوايلي لـ”واس” أنه", [("spa", "واس", "bracket")]),
        ("وقال الوزير، نقلاً عن رويترز، إن المحادثات ستستمر", [("reuters", "رويترز", "phrase")]),
        ("وذكرت وكالة فرانس برس أن الاشتباكات", [("afp", "فرانس برس", "phrase")]),
        ("القاهرة - أ ف ب: قال مسؤول", [("afp", "أ ف ب", "dateline")]),
        ("وبحسب وكالة الأنباء الكويتية فإن", [("kuna", "وكالة الأنباء الكويتية", "phrase")]),
        ("المنامة - بنا\n\nاستقبل جلالة الملك", [("bna", "بنا", "dateline")]),
        ("RIYADH (Reuters) - Saudi Arabia said on Monday", [("reuters", "Reuters", "bracket")]),
        ("(Reuters) - Oil prices rose on Tuesday", [("reuters", "Reuters", "bracket")]),
        ("The minister said, according to Reuters, that", [("reuters", "Reuters", "phrase")]),
        ("المصدر: وكالات\n\nقتل عشرة أشخاص", [("agencies", "وكالات", "dateline")]),
        ("وذكرت صحيفة «عكاظ» أن الأمانة", [("okaz", "عكاظ", "phrase")]),
        ("وقالت جريدة الرياض في عددها", [("alriyadh", "جريدة الرياض", "phrase")]),
    ],
)
def test_link_credits_read_where_news_puts_them(
    body: str, expected: list[tuple[str, str, str]]
) -> None:
    assert credited(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "ويتخصص فريق الاستاذ دنكان واس، الباحث الرئيسي في هذه الدراسة",  # a person
        "وتبدأ الفرق الاسبانية بمواجهة أتليتكو واس دي بيسرال",  # a club
        "وقال إن حب الوطن واجب على كل مواطن",  # «الوطن» the word
        "وأشارت الحكومة العمانية إلى أن الأمطار",  # «العمانية» the adjective
        "وصل الوزير إلى سلطنة عمان أمس في زيارة رسمية",  # «عمان» the country is never ONA
        "ذهب إلى سبق الأمر الذي أعلن عنه",  # «سبق» the verb, not Sabq
        "He was in Riyadh when the spa opened",  # "was" and "spa" are English words
        "وافتتح أمير مكة فعاليات سوق عكاظ في الطائف",  # the market, not the newspaper
        "وتشهد منطقة الشرق الأوسط توترات متزايدة",  # the region, not the newspaper
    ],
)
def test_link_credits_names_in_running_text_are_not_credits(body: str) -> None:
    assert credited(body) == []


def test_link_credits_ordinary_word_counts_in_own_dateline() -> None:
    # «سبق» is a verb; in Sabq's own dateline it is Sabq.
    assert credited("سبق- الشرقية: كشفت شرطة المنطقة", own="sabq") == [("sabq", "سبق", "dateline")]
    assert credited("سبق- الشرقية: كشفت شرطة المنطقة") == []


def test_link_credits_from_lines_cleaning_took_out() -> None:
    removed = (
        RemovedLine("الرياض - واس", "dateline", 2),
        RemovedLine("عنوان الخبر", "title", 1),
    )
    a = make("أعلنت وزارة الصحة اليوم عن تسجيل حالات.", removed=removed)
    (span,) = article_credits(a)
    assert (span.outlet, span.place, span.line) == ("spa", "removed", 0)
    assert a.removed[span.line].text[span.start : span.end] == "واس"
    b = make("نص الخبر.", attributions=("المصدر: صحيفة الاتحاد",))
    (span,) = article_credits(b)
    assert (span.outlet, span.place, span.text) == ("alittihad", "attribution", "صحيفة الاتحاد")


def test_link_credits_source_codes_map_to_outlets() -> None:
    assert outlets.find("was").name == "واس"  # type: ignore[union-attr]
    codes = {
        "3alyoum": "عين اليوم",
        "aawsat": "الشرق الأوسط",
        "alriyadh": "الرياض",
        "okaz": "عكاظ",
        "sabq": "سبق",
        "alwatan": "الوطن",
        "alyaum": "اليوم",
        "almadina": "المدينة",
        "aleqtisadiya": "الاقتصادية",
        "alweeam": "الوئام",
    }
    for code, name in codes.items():
        found = outlets.of_article(code, code)
        assert found is not None and found.name == name, code
    # the Saudi daily al-Jazirah is not Al Jazeera, the Qatari channel
    jazirah, jazeera = outlets.find("aljazirah"), outlets.find("قناة الجزيرة")
    assert jazirah is not None and jazeera is not None and jazirah.id != jazeera.id
    assert outlets.find("الجزيرة") is jazeera
    # an ambiguous name alone is a place or a word, not the outlet
    assert outlets.find("الرياض") is None and outlets.find("اليوم") is None
    assert outlets.find("عمان") is None


def test_link_credits_mentions_skip_ordinary_words() -> None:
    a = make("وأكد مراسل سبوتنيك أن حب الوطن واجب وأن العربية لغة")
    assert mentions(a) == frozenset({"sputnik"})


def test_link_credits_user_table_extends_the_shipped_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = tmp_path / "outlets.toml"
    extra.write_text(
        '[[outlet]]\nid = "hespress"\nname = "هسبريس"\nkind = "outlet"\n'
        'spellings = ["هسبريس", "Hespress"]\nsources = ["hespress"]\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("MARSAD_OUTLETS_FILE", str(extra))
    caches = (outlets.table, outlets._index, outlets._bare_index, credits._names_re)
    for cached in caches:
        cached.cache_clear()
    try:
        assert outlets.lookup("موقع هسبريس") == "هسبريس"
        assert outlets.find("was") is not None  # the shipped table is still there
        assert credited("وذكر موقع هسبريس أن الحكومة") == [("hespress", "هسبريس", "phrase")]
    finally:
        monkeypatch.delenv("MARSAD_OUTLETS_FILE")
        for cached in caches:
            cached.cache_clear()


def _plain(spelling: str) -> str:
    if spelling.isascii():
        return r"\s+".join(re.escape(word) for word in spelling.split())
    return "".join(
        r"\s+"
        if char.isspace()
        else r"\.\s*"
        if char == "."
        else credits._LETTER.get(char, re.escape(char)) + credits._MARKS
        for char in spelling
    )


def _alternation(extra: tuple[str, ...] = ()) -> re.Pattern[str]:
    """The names pattern written the plain way, one alternative per spelling, longest first:
    what the trie in ``credits._names_re`` must match exactly like."""
    alternatives = []
    for spelling in credits._spellings(extra):
        if spelling.isascii() and len(spelling) <= 4:
            alternatives.append(f"(?-i:{_plain(spelling)}|{_plain(spelling.upper())})")
        else:
            alternatives.append(_plain(spelling))
    return re.compile(rf"(?<![\w.])(?:{'|'.join(alternatives)})(?!\w)", re.IGNORECASE)


SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "seeds"


@pytest.mark.parametrize("extra", [(), ("سبق",), ("الجزيرة", "جزيرة")])
def test_credits_names_trie_matches_like_the_plain_alternation(extra: tuple[str, ...]) -> None:
    texts = [
        "الرياض - واس\nقال المتحدث لوكالة الأنباء السعودية (واس) إن …",
        "وكالة الأنباء السعودية واس، وكالة الانباء الكويتية (كونا)، AP وAFP وReuters",
        "RIYADH (Reuters) - according to Agence France-Presse and ap, dpa, DPA: «سبق»",
        "الجزيرة - الرياض: نقلاً عن صحيفة الجزيرة وعن الجزيرة نت و alriyadh.com واس.",
        "أ ف ب، أ.ف.ب، (أ ف ب)، د ب أ، واسط والوطنية وكالات",
    ]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    trie, plain = credits._names_re(extra), _alternation(extra)
    found = [[(m.span(), m.group(0)) for m in trie.finditer(t)] for t in texts]
    assert found == [[(m.span(), m.group(0)) for m in plain.finditer(t)] for t in texts]
    assert sum(map(len, found)) >= 15
