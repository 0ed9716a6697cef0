"""Light rewrites: a copy with every 6th word swapped, stripped of «ال»/«و» or dropped is linked;
two reports on one topic are not; the stored index finds a rewrite of a stored article."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from marsad import Marsad
from marsad.arabic import normalize
from marsad.link.reuse import ReuseParams, find_reuse, tabulate
from marsad.link.rewrites import (
    RewriteParams,
    compare,
    pair_samples,
    pairs_outside,
    stem_pairs,
    text_stems,
)
from marsad.link.shingles import TokenChunk

ORIGINAL = """\
الرياض - واس
أعلنت وزارة الصحة اليوم الاثنين عن تسجيل ثلاث حالات إصابة جديدة بفيروس كورونا المسبب لمتلازمة \
الشرق الأوسط التنفسية في مدينة الرياض، مشيرة إلى أن الحالات الجديدة لمواطنين تتراوح أعمارهم بين \
خمسة وثلاثين وستين عاما، وأن اثنتين منها لمخالطين لحالات سابقة في أحد المستشفيات الحكومية.
وأوضحت الوزارة في بيان صحفي أن فرق الرقابة الوبائية باشرت على الفور فحص جميع المخالطين في \
المنازل والمنشآت الصحية، وأخذت العينات اللازمة منهم وأرسلتها إلى المختبر المرجعي للتحقق من \
خلوها من الفيروس، كما جرى عزل المصابين في غرف مجهزة بضغط سلبي وفق الإجراءات المعتمدة.
وأكدت الوزارة أن الوضع الصحي في المملكة مطمئن، وأن مراكز القيادة والتحكم تتابع الحالات على مدار \
الساعة بالتنسيق مع منظمة الصحة العالمية، داعية المواطنين والمقيمين إلى الالتزام بالإرشادات \
الوقائية وغسل اليدين بالماء والصابون وتجنب المخالطة المباشرة للإبل وعدم شرب حليبها دون غليه.
وبلغ إجمالي عدد الحالات المسجلة في المملكة منذ ظهور الفيروس ألفا وتسعة وخمسين حالة، شفي منها \
خمسمئة وتسع وثمانون حالة، فيما توفيت أربعمئة وخمس وستون حالة، ولا تزال خمس حالات تتلقى العلاج \
في العناية المركزة بحسب آخر إحصاءات الوزارة التي تنشرها على موقعها الإلكتروني بشكل يومي.
"""

OTHER_EVENT = """\
الرياض - واس
افتتح وزير الصحة اليوم الأربعاء مركزا جديدا للأبحاث الطبية في مدينة الرياض بتكلفة بلغت مئتي \
مليون ريال، يضم مختبرات متقدمة لدراسة الأمراض المعدية ومنها فيروس كورونا، ويعمل فيه أكثر من \
مئة وعشرين باحثا من المملكة ومن خارجها في مجالات علم الأوبئة والمناعة والوراثة.
وقال الوزير في كلمة ألقاها خلال حفل الافتتاح إن المركز سيكون مرجعا إقليميا للبحوث، وإن الوزارة \
وقعت اتفاقيات تعاون مع جامعات عالمية ومع منظمة الصحة العالمية لتبادل الخبرات وتدريب الكوادر \
الوطنية الشابة على أحدث التقنيات في تحليل العينات وتطوير اللقاحات والأدوية.
وتجول الوزير في أقسام المركز واطلع على الأجهزة الحديثة التي زود بها، واستمع إلى شرح من مديره \
عن خطط العمل للسنوات الخمس المقبلة، والتي تشمل إنشاء قاعدة بيانات وطنية للأمراض الوراثية \
وإطلاق برنامج للمنح البحثية يستهدف طلاب الدراسات العليا في الجامعات السعودية.
وأشار مدير المركز إلى أن المرحلة الأولى من التشغيل ستبدأ مطلع العام المقبل، على أن تكتمل \
جميع المراحل خلال ثلاث سنوات، مؤكدا أن المركز يسعى إلى نشر نتائج أبحاثه في المجلات العلمية \
المحكمة وإتاحة بياناته للباحثين في المملكة وفق ضوابط تحفظ خصوصية المرضى.
"""

SWAPS = ("كما", "التي", "حيث", "وذلك", "أيضا", "خلال")


def rewrite_every(text: str, k: int) -> str:
    """``text`` with every k-th word changed as an editor would: «ال» dropped, «و» dropped or
    added, swapped for a frequent word or deleted, in turn."""
    out_lines = []
    count = 0
    for line in text.split("\n"):
        words = []
        for word in line.split(" "):
            count += 1
            if count % k or not word:
                words.append(word)
                continue
            change = (count // k) % 4
            if change == 0 and word.startswith("ال") and len(word) > 4:
                words.append(word[2:])
            elif change in (0, 1):
                words.append(word[1:] if word.startswith("و") and len(word) > 3 else "و" + word)
            elif change == 2:
                words.append(SWAPS[count % len(SWAPS)])
        out_lines.append(" ".join(words))
    return "\n".join(out_lines)


def test_link_rewrites_light_stems_ignore_conjunction_and_article() -> None:
    forms = "والوزير الوزير وزير فالوزير بالمستشفى المستشفى"
    chunk = TokenChunk.of([normalize(forms)])
    hashes, owner = stem_pairs(chunk)
    assert owner.tolist() == [0] * len(hashes)
    (stems,) = pair_samples(["الوزير والمستشفى", "وزير بالمستشفى"], 0)[:1]
    (again,) = pair_samples(["وزير بالمستشفى"], 0)
    assert stems.tolist() == again.tolist()


def test_link_rewrites_every_sixth_word_is_linked() -> None:
    copy = rewrite_every(ORIGINAL, 6)
    assert copy != ORIGINAL
    pairs = find_reuse({"copy": normalize(copy), "orig": normalize(ORIGINAL)})
    (pair,) = pairs
    assert (pair.a, pair.b) == ("copy", "orig")
    assert pair.rewrite and pair.kind == "partial"  # near needs Jaccard >= 0.8, as for shingles
    assert min(pair.contain_a, pair.contain_b) >= 0.65
    assert not find_reuse(
        {"copy": normalize(copy), "orig": normalize(ORIGINAL)}, ReuseParams(rewrites=None)
    ), "five-word shingles alone should miss it: the stage is what finds it"


@pytest.mark.parametrize("k", [4, 5, 8])
def test_link_rewrites_other_rates_are_linked(k: int) -> None:
    pairs = find_reuse({"a": normalize(rewrite_every(ORIGINAL, k)), "b": normalize(ORIGINAL)})
    assert [(p.a, p.b) for p in pairs] == [("a", "b")]


def test_link_rewrites_one_topic_two_events_not_linked() -> None:
    docs = {"a": normalize(ORIGINAL), "b": normalize(OTHER_EVENT)}
    samples = pair_samples(list(docs.values()), 2)
    _, contain_a, contain_b, _ = compare(*samples)
    assert max(contain_a, contain_b) < 0.2
    assert find_reuse(docs) == []


def test_link_rewrites_batch_samples_are_each_texts_own() -> None:
    # the stored-rewrite lookup takes the samples the batch made: they must be each text's own
    docs = {"c": OTHER_EVENT, "a": ORIGINAL, "b": rewrite_every(ORIGINAL, 6), "d": ""}
    docs = {k: normalize(v) for k, v in docs.items()}
    params = ReuseParams()
    assert params.rewrites is not None
    found = tabulate(docs, params).verify_samples()
    assert list(found) == ["a", "b", "c", "d"]
    for key, text in docs.items():
        (own,) = pair_samples([text], params.rewrites.verify_bits)
        assert found[key].tolist() == own.tolist()
    assert len(found["a"]) > 0 and len(found["d"]) == 0


def test_link_rewrites_params_checked() -> None:
    with pytest.raises(ValueError, match="verify_bits"):
        RewriteParams(verify_bits=5, sample_bits=4)
    with pytest.raises(ValueError, match="threshold"):
        RewriteParams(threshold=0.0)


def test_link_rewrites_found_through_the_stored_index(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "original.txt").write_text(ORIGINAL, encoding="utf-8")
    (tmp_path / "one" / "other.txt").write_text(OTHER_EVENT, encoding="utf-8")
    (tmp_path / "two" / "copy.txt").write_text(rewrite_every(ORIGINAL, 6), encoding="utf-8")
    with Marsad(tmp_path / "m.db") as m:
        m.ingest([tmp_path / "one"])
        m.update_reuse()
        assert m.reuse_links() == []
        m.ingest([tmp_path / "two"])
        report = m.update_reuse()
        assert report.articles == 1
        (link,) = m.reuse_links()
        names = {Path(m.document(m.article(i).document_id).origin).name for i in (link.a, link.b)}
        assert names == {"original.txt", "copy.txt"}
        assert link.kind == "partial"
        assert min(link.contain_a, link.contain_b) >= 0.65
        words = len(m.article(link.a).body.split())
        assert link.longest >= 30  # aligned across the changed words
        assert sum(p[4] for p in link.passages) >= 0.8 * words
        for a_start, a_end, b_start, b_end, _ in link.passages:
            shown_a = m.article(link.a).body[a_start:a_end]
            shown_b = m.article(link.b).body[b_start:b_end]
            assert shown_a.split()[-1].strip("،.") and shown_b.split()[0]


def test_link_rewrites_batch_and_stored_paths_agree(tmp_path: Path) -> None:
    files = []
    for name, text in (("a", ORIGINAL), ("b", rewrite_every(ORIGINAL, 5)), ("c", OTHER_EVENT)):
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    with Marsad(tmp_path / "once.db") as once:
        once.ingest(files)
        once.update_reuse()
        expected = [(x.a, x.b, x.kind, x.contain_a, x.contain_b) for x in once.reuse_links()]
    with Marsad(tmp_path / "steps.db") as steps:
        for path in files:
            steps.ingest([path])
            steps.update_reuse()
        got = [(x.a, x.b, x.kind, x.contain_a, x.contain_b) for x in steps.reuse_links()]
    assert got == expected and len(got) == 1


def test_link_rewrites_stored_lookup_skips_pairs_in_more_than_max_df_articles(
    tmp_path: Path,
) -> None:
    from marsad.store import SQLiteStore
    from marsad.store.records import StemPairs

    store = SQLiteStore(tmp_path / "pairs.db")
    common, rare, alone = 11, 22, 33
    store.reuse.save_stem_pairs(
        [StemPairs(f"a{k}", [common]) for k in range(6)]
        + [StemPairs("a0", [rare]), StemPairs("a1", [rare, alone])]
    )
    # the common pair is in 6 articles: over max_df 5, it says nothing
    assert store.reuse.stem_pair_matches([common, rare, alone], max_df=5) == {"a0": 1, "a1": 2}
    assert store.reuse.stem_pair_matches([common], max_df=6) == {f"a{k}": 1 for k in range(6)}
    store.close()


def test_link_rewrites_pairs_outside_leave_out_the_marked_words() -> None:
    text = normalize(
        "قال وزير الخارجية إن المباحثات تناولت العلاقات الثنائية وسبل تعزيزها في المجالات كافة"
    )
    words = text.split()
    for bits in (0, 2):
        nothing = np.zeros(len(words), dtype=np.bool_)
        assert (
            pairs_outside(text_stems(text), nothing, bits).tolist()
            == pair_samples([text], bits)[0].tolist()
        )
    skip = np.zeros(len(words), dtype=np.bool_)
    skip[4:8] = True  # «تناولت العلاقات الثنائية وسبل» taken out
    kept = " ".join(words[:4]), " ".join(words[8:])
    expected = np.union1d(*pair_samples(list(kept), 0))
    assert pairs_outside(text_stems(text), skip, 0).tolist() == expected.tolist()
