"""``StemFinder`` passes over texts that cannot hold a query's stems, and finds the same words
full stemming finds."""

from __future__ import annotations

from marsad.arabic import StemFinder, normalize, stem_tokens, stems, tokens

TEXTS = [
    "قال الرئيس الأميركي جو بايدن إن الولايات المتحدة تستخدم كل الوسائل الدبلوماسية.",
    "وتستخدمها الحكومة العراقية في مفاوضاتها مع الأمريكيين، بحسب مصادر مطلعة.",
    "The company's history shows a healthy diplomacy; companies grew.",
    "Clear skies and dying winds; the sky over the sea.",
    "بدأت السنة الدراسية في سنة صعبة",
    "لا شيء هنا عن الموضوع",
    "",
]
QUERIES = ["الأمريكي", "استخدم", "company history", "الحكومات العراقيين", "بايدن", "ال"]
QUERIES += ["sky", "die", "سنة", "السنوات"]


def test_finder_finds_what_full_stemming_finds() -> None:
    for query in QUERIES:
        finder = StemFinder(stems(query))
        for text in TEXTS:
            words = tokens(normalize(text))
            full = [stem in finder.wanted for stem in stem_tokens(words)]
            assert finder.found(words) == full, (query, text)
            assert finder.holds(text) == any(full), (query, text)
            if any(full):
                assert finder.may_hold(normalize(text))


def test_finder_of_no_stems_holds_nothing() -> None:
    finder = StemFinder([])
    assert not finder.holds(TEXTS[0]) and finder.found(["قال"]) == [False]
