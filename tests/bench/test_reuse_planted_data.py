"""The planted reuse suite (benchmarks/reuse_planted_data.py): its operators, its determinism
and the consistency of its labels with its own independent truth (never Marsad's code)."""

from __future__ import annotations

import doctest
import random
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import reuse_planted_data as rpd  # noqa: E402

SAUDINEWSNET = (ROOT / ".." / "shared" / "data" / "saudinewsnet").resolve()


def test_doctests() -> None:
    result = doctest.testmod(rpd)
    assert result.attempted > 0 and result.failed == 0


def test_truth_does_not_import_marsad() -> None:
    source = (ROOT / "benchmarks" / "reuse_planted_data.py").read_text(encoding="utf-8")
    assert "import marsad" not in source and "from marsad" not in source


def test_light_rewrite_changes_every_kth_word() -> None:
    text = " ".join(f"كلمة{i}" for i in range(60))
    for k in (4, 6, 8, 10):
        out = rpd.light_rewrite(text, k, random.Random(k), ["في", "المملكة"]).split()
        kept = {w for w in out if w.startswith("كلمة")}
        changed = [f"كلمة{i}" for i in range(60) if (i + 1) % k == 0]
        assert not kept & set(changed)  # every k-th word is substituted or dropped
        assert len(kept) == 60 - len(changed)  # and no other word is touched


def test_lead_and_halves_keep_the_text_in_order() -> None:
    paras = [" ".join(f"ف{p}ك{i}" for i in range(30)) for p in range(6)]
    text = "\n\n".join(paras)
    assert rpd.lead(text) == "\n\n".join(paras[:3])
    first, second = rpd.halves(text)
    assert first + "\n\n" + second == text


def test_strip_credit_finds_real_forms() -> None:
    body = " ".join(["نص"] * 40)
    for text, credit in [
        (f" بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n {body}\n 06:10 ت م", "واس"),
        (f"واس- جدة: {body}", "واس- جدة:"),
        (f"Next Previous عين اليوم – واس {body}", "عين اليوم – واس"),
        (f"{body}. (واس)", "(واس)"),
    ]:
        stripped = rpd.strip_credit(text)
        assert stripped is not None, text
        assert credit in stripped[1]
        assert stripped[0].split()[0] == "نص" and "واس" not in stripped[0]
    assert rpd.strip_credit(body) is None
    assert rpd.strip_credit(f"واس- جدة: {body} وقالت واس") is None  # still credits


@pytest.fixture(scope="module")
def suite() -> rpd.Suite:
    if not SAUDINEWSNET.exists():
        pytest.skip(
            f"{SAUDINEWSNET} is missing: the planted reuse suite is built from SaudiNewsNet's "
            f"daily zips ({rpd.DATA_URL}, data/*.zip) in ../shared/data/saudinewsnet"
        )
    return rpd.build_suite(SAUDINEWSNET)


@pytest.mark.slow
def test_suite_is_deterministic(suite: rpd.Suite, tmp_path: Path) -> None:
    again = rpd.build_suite(SAUDINEWSNET)
    first, _ = rpd.write_suite(suite, tmp_path / "one")
    second, _ = rpd.write_suite(again, tmp_path / "two")
    assert first.read_bytes() == second.read_bytes()
    assert suite.plants == again.plants and suite.truth == again.truth


@pytest.mark.slow
def test_suite_shape(suite: rpd.Suite) -> None:
    roles = Counter(a.role for a in suite.articles)
    assert roles == {"original": 250, "copy": 300, "negative": 50}
    assert len({a.id for a in suite.articles}) == len(suite.articles)
    assert len({a.url for a in suite.articles}) == len(suite.articles)
    ops = Counter(p.operator for p in suite.plants)
    assert {op: ops[op] // (2 if op == "mosaic" else 1) for op in ops} == rpd.PLAN
    assert all(len(rpd.words(a.content)) >= rpd.MIN_WORDS for a in suite.articles)


@pytest.mark.slow
def test_labels_agree_with_the_independent_truth(suite: rpd.Suite) -> None:
    by_id = {a.id: a for a in suite.articles}
    truth = {(t.a, t.b): t for t in suite.truth}

    def contained(copy: str, original: str) -> float:
        t = truth.get((min(copy, original), max(copy, original)))
        if t is None:
            return 0.0
        return t.contain_a if t.a == copy else t.contain_b

    for p in suite.plants:
        original, copy = by_id[p.original], by_id[p.copy]
        assert original.role == "original" and copy.role == "copy"
        if p.operator in ("exact", "near_digits_quotes", "lead_rewrite", "credit_removed"):
            assert contained(p.copy, p.original) == 1.0, p  # the copy lies inside the original
        if p.operator in ("exact", "near_digits_quotes"):
            assert truth[(min(p.copy, p.original), max(p.copy, p.original))].jaccard == 1.0
        if p.operator == "lead_rewrite":
            assert len(rpd.words(copy.content)) < 0.7 * len(rpd.words(original.content))
        if p.operator not in ("light_k4", "light_k6", "light_k8"):
            assert truth[(min(p.copy, p.original), max(p.copy, p.original))].copy, p
        if p.operator == "credit_removed":
            assert p.credit_removed and not p.same_outlet
            assert not rpd._AGENCY_WORDS & set(rpd.words(copy.content))
        assert p.same_outlet == (copy.source == original.source)
        assert not p.same_outlet or p.operator == "exact"
        if p.knowable:
            assert original.published and copy.published
            assert original.published < copy.published
        else:
            assert copy.published is None
    # negatives share no copy with anything; originals are distinct from one another
    copies = [t for t in suite.truth if t.copy]
    assert not [t for t in copies if t.a.startswith("n") or t.b.startswith("n")]
    assert not [t for t in copies if t.a.startswith("o") and t.b.startswith("o")]
