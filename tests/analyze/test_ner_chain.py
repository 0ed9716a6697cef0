"""The tagger decodes its CRFsuite models itself (``ner/chain.py``): it must find CRFsuite's
own best paths, for one document or many at once, whatever its memo holds."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pycrfsuite
import pytest

from marsad.analyze.ner.chain import LinearChain
from marsad.analyze.ner.corpus import split
from marsad.analyze.ner.tagger import MODEL_DIR, Tagger, document_votes, tokens_of
from marsad.analyze.ner.train import ANERCORP, FULL, TEST

TEXT = (
    "أعلنت وزارة الخارجية العراقية أن الوزير فؤاد حسين التقى في بغداد السفيرة الأمريكية "
    "آلينا رومانسكي. وقال رئيس الوزراء مصطفى الكاظمي إن العراق لن يكون ساحة لتصفية الحسابات.\n"
    "من جهته، أكد الناطق باسم البنتاغون جون كيربي أن قوات التحالف الدولي باقية في الأنبار "
    "ونينوى. وكانت زاخاروفا قد صرحت لوكالة سبوتنيك بأن موسكو تتابع الوضع في كركوك!\n"
    "ويرى الخفاجي أن «داعش» خسر مواقعه، فيما قال نيد برايس: نعم.\nWASHINGTON (Reuters) said"
)
OTHER = "استقبل الملك سلمان بن عبدالعزيز في الرياض الرئيس التركي رجب طيب أردوغان."


def words(text: str) -> list[list[str]]:
    return [[word for word, _, _ in sentence] for sentence in tokens_of(text)]


def crfsuite_tags(tagger: Tagger, document: list[list[str]]) -> tuple[list[list[str]], ...]:
    """Both passes as CRFsuite's own tagger gives them, from the same features."""
    first_model, second_model = pycrfsuite.Tagger(), pycrfsuite.Tagger()
    first_model.open(str(MODEL_DIR / "first.crfsuite"))
    second_model.open(str(MODEL_DIR / "second.crfsuite"))
    seen = [tagger.features.of(sentence) for sentence in document]
    first = [first_model.tag(features) for features in seen]
    votes = document_votes(document, first)
    second = [
        second_model.tag([[*own, *more] for own, more in zip(features, extra, strict=True)])
        for features, extra in zip(seen, votes, strict=True)
    ]
    return first, second


def test_chain_finds_crfsuites_paths() -> None:
    tagger = Tagger()
    document = words(TEXT)
    first, second = crfsuite_tags(tagger, document)
    assert tagger.tag(document, second=False) == first
    assert tagger.tag(document) == second
    assert any(tag != "O" for sentence in second for tag in sentence)


def test_chain_many_documents_at_once_as_one_by_one() -> None:
    tagger = Tagger()
    documents = [words(TEXT), words(OTHER), [], [[]], words(TEXT)[:1]]
    alone = [Tagger().tag(document) for document in documents]
    assert tagger.tag_documents(documents) == alone
    assert [
        [(m.start, m.end, m.kind) for m in found] for found in tagger.mentions_of([TEXT, OTHER])
    ] == [[(m.start, m.end, m.kind) for m in Tagger().mentions(text)] for text in (TEXT, OTHER)]


def test_chain_memo_that_starts_again_changes_nothing() -> None:
    small = Tagger(memo=8)
    expected = Tagger().tag_documents([words(TEXT), words(OTHER)])
    assert small.tag_documents([words(TEXT), words(OTHER)]) == expected
    assert small.tag(words(OTHER)) == expected[1]


def test_chain_reads_the_model_weights_exactly() -> None:
    chain = LinearChain.load(MODEL_DIR / "first.crfsuite")
    model = pycrfsuite.Tagger()
    model.open(str(MODEL_DIR / "first.crfsuite"))
    info = model.info()
    assert {name: str(k) for k, name in enumerate(chain.labels)} == info.labels
    assert {name: str(k) for name, k in chain.attributes.items()} == info.attributes
    label = {name: chain.labels.index(name) for name in info.labels}
    for (name, target), weight in list(info.state_features.items())[:2000]:
        assert chain.states[chain.attributes[name], label[target]] == pytest.approx(
            weight, abs=1e-6
        )
    for (source, target), weight in info.transitions.items():
        assert chain.transitions[label[source], label[target]] == pytest.approx(weight, abs=1e-6)
    assert not chain.states[chain.unknown].any()


def test_chain_refuses_what_is_not_a_model(tmp_path: Path) -> None:
    fake = tmp_path / "model.crfsuite"
    fake.write_bytes(b"not a model at all")
    with pytest.raises(ValueError, match="not a CRFsuite model"):
        LinearChain.load(fake)


def test_chain_decodes_empty_and_single_token_sentences() -> None:
    chain = LinearChain.load(MODEL_DIR / "first.crfsuite")
    scores = np.zeros((4, len(chain.labels)))
    scores[:, chain.labels.index("B-LOC")] = 5.0
    assert chain.decode(scores, [0, 3, 0, 1]) == [[], ["B-LOC"] * 3, [], ["B-LOC"]]
    assert chain.decode(np.zeros((0, len(chain.labels))), [0, 0]) == [[], []]
    assert chain.decode(np.zeros((0, len(chain.labels))), []) == []


@pytest.mark.slow
def test_chain_finds_crfsuites_paths_on_the_camel_test_split() -> None:
    if not (ANERCORP / TEST).is_file():
        pytest.skip(f"ANERcorp is missing at {ANERCORP} (../shared/data, see benchmarks/ner.py)")
    _, test = split(ANERCORP / FULL, ANERCORP / TEST)
    document = [[w for w, _ in s] for s in test]
    tagger = Tagger()
    first, second = crfsuite_tags(tagger, document)
    assert tagger.tag(document, second=False) == first
    differ = sum(a != b for a, b in zip(tagger.tag(document), second, strict=True))
    assert differ == 0, f"{differ} of {len(second)} sentences decoded otherwise than CRFsuite"
