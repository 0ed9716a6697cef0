"""Names: words a corpus writes capitalized inside sentences, and the vectors they join."""

from __future__ import annotations

import numpy as np

from marsad.organize.lexicon import Lexicon
from marsad.organize.names import Casing, cased_words, names_of
from marsad.organize.vectors import VectorParams, report_terms

BODY = (
    "Wladimir Klitschko stopped Tony Thompson in the sixth round on Saturday. "
    "The champion said Thompson fought well, and Klitschko kept his titles in Bern."
)


def _names(title: str | None, body: str, corpus: list[str] | None = None) -> set[str]:
    casing = Casing()
    seen = [cased_words(title, body)] + [cased_words(None, text) for text in corpus or []]
    casing.add(seen)
    return set(names_of(seen[0], casing))


def test_organize_names_capitalized_inside_sentences_are_names() -> None:
    names = _names(None, BODY)
    assert {"klitschko", "thompson", "bern"} <= names
    assert "tony_thompson" in names  # a run of names is one more term
    assert "the" not in names and "champion" not in names


def test_organize_names_title_case_and_sentence_openers_are_not_names() -> None:
    corpus = ["He said the patch would fix the flaw, and the company releases it today."]
    names = _names("Microsoft Releases Emergency Patch", "Microsoft said it would.", corpus)
    assert "microsoft" not in names  # only ever seen opening a sentence or in the title
    assert "releases" not in names and "patch" not in names
    corpus.append("Users of Microsoft software should update.")
    assert "microsoft" in _names("Microsoft Releases Emergency Patch", "It said so.", corpus)


def test_organize_names_punctuation_breaks_a_run() -> None:
    names = _names(None, "The fight in Mannheim, Germany was won by Klitschko.")
    assert {"mannheim", "germany"} <= names
    assert "mannheim_germany" not in names


def test_organize_names_uncased_script_has_none() -> None:
    cased = cased_words("الملك سلمان يستقبل الرئيس", "استقبل خادم الحرمين الشريفين الرئيس اليوم.")
    assert cased.upper is None
    assert _names("الملك سلمان يستقبل الرئيس", "استقبل خادم الحرمين الشريفين الرئيس.") == set()


def _vectors(texts: list[tuple[str, str]], weight: float) -> np.ndarray:
    lexicon = Lexicon(VectorParams(names_weight=weight))
    reports = [report_terms(t, b, lexicon.params) for t, b in texts]
    return np.asarray(lexicon.learn(reports).todense())


def test_organize_names_vectors_mix_stem_and_name_cosines() -> None:
    texts = [
        ("Klitschko beats Rahman", "Wladimir Klitschko beat Hasim Rahman in Mannheim on Saturday."),
        ("Klitschko beats Thompson", "Wladimir Klitschko beat Tony Thompson in Bern on Saturday."),
        ("اتصال هاتفي", "بحث الملك سلمان مع الرئيس الفرنسي العلاقات الثنائية."),
    ]
    plain, named = _vectors(texts, 0.0), _vectors(texts, 0.5)
    assert np.allclose(np.linalg.norm(plain, axis=1), 1.0)
    assert np.allclose(np.linalg.norm(named, axis=1), 1.0)
    # the two fights share their stems more than their names: names pull them apart
    assert named[0] @ named[1] < plain[0] @ plain[1]
    # a report without names keeps its stem vector as it was
    assert np.allclose(np.sort(named[2][named[2] > 0]), np.sort(plain[2][plain[2] > 0]))


def test_organize_transliterated_spellings_of_one_name_meet() -> None:
    """بليجريني and بيليغريني (Pellegrini) share a transliteration key, so two reports that
    spell him differently are closer than their stems alone make them."""
    a = ("بليجريني يمدد تعاقده مع مانشستر سيتي", "أعلن النادي تمديد عقد المدرب بليجريني")
    b = ("بيليغريني باق مع مانشستر سيتي", "وقع المدرب بيليغريني عقداً جديداً مع النادي")
    similarity = {}
    for keys in (False, True):
        params = VectorParams(name_keys=keys)
        lexicon = Lexicon(params)
        rows = lexicon.learn([report_terms(t, body, params) for t, body in (a, b)])
        similarity[keys] = float((rows[0] @ rows[1].T).toarray()[0, 0])
    assert similarity[True] > similarity[False] + 0.05
