"""The Arabic NER tagger: its reading of ANERcorp, its scorer, its spans, and its shipped score.

The floor below is the shipped model's measured entity-level F1 on ANERcorp's CAMeL Lab test
split (``make bench-ner`` prints it; ``src/marsad/data/ner/score.json`` records it), rounded
down: a change to the features, the clusters or the model that costs more than a point fails.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.analyze.ner.corpus import read, score, sentences, spans, split
from marsad.analyze.ner.features import bare
from marsad.analyze.ner.tagger import MODEL_DIR, default_tagger, document_votes, tokens_of
from marsad.analyze.ner.train import ANERCORP, FULL, TEST

FLOOR = 0.68


def test_ner_read_skips_tokenless_lines_and_reads_unknown_tags_as_o(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.txt"
    corpus.write_text(
        "أعلن O\nاتحاد B-ORG\n O\nالأمن\u200f1706 \u200f I-ORG\nفي B-XYZ\n\nألمانيا B-LOC\n",
        encoding="utf-8",
    )
    assert read(corpus) == [
        [("أعلن", "O"), ("اتحاد", "B-ORG"), ("الأمن1706", "I-ORG"), ("في", "O")],
        [("ألمانيا", "B-LOC")],
    ]


def test_ner_split_holds_out_the_last_tokens(tmp_path: Path) -> None:
    full, test = tmp_path / "full.txt", tmp_path / "test.txt"
    full.write_text("قال O\nعمرو B-PERS\n. O\nفي O\nعمان B-LOC\n. O\n", encoding="utf-8")
    test.write_text("في O\nعمان B-LOC\n. O\n", encoding="utf-8")
    train, held = split(full, test)
    assert train == [[("قال", "O"), ("عمرو", "B-PERS"), (".", "O")]]
    assert held == [[("في", "O"), ("عمان", "B-LOC"), (".", "O")]]
    with pytest.raises(ValueError, match="no fewer"):
        split(test, full)


def test_ner_sentences_end_after_final_marks() -> None:
    pairs = [("نعم", "O"), ("؟", "O"), ("لا", "O")]
    assert sentences(pairs) == [[("نعم", "O"), ("؟", "O")], [("لا", "O")]]


def test_ner_score_needs_exact_span_and_type() -> None:
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"]]
    assert spans(gold[0]) == {(0, 2, "PERS"), (3, 4, "LOC")}
    wrong_span = score(gold, [["B-PERS", "O", "O", "B-LOC"]])
    assert (wrong_span.right, wrong_span.found, wrong_span.gold) == (1, 2, 2)
    wrong_type = score(gold, [["B-ORG", "I-ORG", "O", "B-LOC"]])
    assert wrong_type.f1 == pytest.approx(0.5)
    assert score(gold, gold, "PERS").f1 == 1.0
    assert score([["O"]], [["O"]]).f1 == 0.0


def test_ner_bare_strips_proclitics_but_keeps_short_words() -> None:
    assert bare("وبالعراق") == "عراق"
    assert bare("للامم") == "امم"
    assert bare("ولد") == "ولد"  # و + two letters would leave a one-letter guess


def test_ner_tokens_keep_offsets_and_break_sentences() -> None:
    text = "قال مصطفى الكاظمي، أمس: «نعم».\nبغداد"
    found = tokens_of(text)
    assert [[t for t, _, _ in s] for s in found] == [
        ["قال", "مصطفى", "الكاظمي", "،", "أمس", ":", "«", "نعم", "»", "."],
        ["بغداد"],
    ]
    assert all(text[start:end] == token for s in found for token, start, end in s)


def test_ner_tokens_keep_harakat_and_tatweel_inside_words() -> None:
    assert [t for s in tokens_of("الرَّئيسُ العـراقي") for t, _, _ in s] == ["الرَّئيسُ", "العـراقي"]


def test_ner_document_votes_come_from_other_sentences_only() -> None:
    sentences_ = [["اللواء", "قاسم", "الأعرجي"], ["قال", "الأعرجي"]]
    tags = [["O", "B-PERS", "I-PERS"], ["O", "O"]]
    votes = document_votes(sentences_, tags)
    assert votes[1][1] == {"doc=PERS": 1.0}
    assert votes[0][2] == {}  # its own tag does not vote for itself
    assert document_votes(sentences_, tags, window=0)[1][1] == {}


def test_ner_mentions_are_spans_of_the_original_text() -> None:
    text = (
        "التقى رئيس الوزراء العراقي مصطفى الكاظمي في بغداد، اليوم الاثنين، وزير الخارجية الأمريكي."
    )
    found = default_tagger().mentions(text)
    assert all(text[m.start : m.end] == m.text for m in found)
    kinds = {m.text: m.kind for m in found}
    assert kinds.get("مصطفى الكاظمي") == "PER"
    assert kinds.get("بغداد") == "LOC"


def test_ner_mentions_of_text_without_names_or_words() -> None:
    tagger = default_tagger()
    assert tagger.mentions("") == []
    assert tagger.mentions("... !!! ؟ «»") == []
    assert tagger.tag([[], ["نعم"]])[0] == []


def test_ner_shipped_score_matches_its_floor() -> None:
    recorded = json.loads((MODEL_DIR / "score.json").read_text(encoding="utf-8"))
    assert recorded["all"]["f1"] >= FLOOR


@pytest.mark.slow
def test_ner_camel_test_split_f1_floor() -> None:
    if not (ANERCORP / TEST).is_file():
        pytest.skip(f"ANERcorp is missing at {ANERCORP} (../shared/data, see benchmarks/ner.py)")
    _, test = split(ANERCORP / FULL, ANERCORP / TEST)
    tagged = default_tagger().tag([[w for w, _ in s] for s in test])
    result = score([[t for _, t in s] for s in test], tagged)
    assert result.f1 >= FLOOR, f"F1 {result.f1:.3f} < {FLOOR} on the CAMeL Lab test split"
