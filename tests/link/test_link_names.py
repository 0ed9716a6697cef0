"""States a text names: a light rewrite keeps them, an issuer's template with its names changed
does not; such a pair is proposed by the rewrite stage and dropped when it is aligned."""

from __future__ import annotations

import difflib
from pathlib import Path

from marsad import Marsad
from marsad.arabic import normalize, stem_tokens, tokens
from marsad.link.names import state_of, swaps_states
from marsad.link.reuse import ReuseParams, find_reuse
from tests.link.test_link_rewrites import rewrite_every

CABLE = """\
بعث خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود برقية تهنئة لفخامة الرئيس {head} \
رئيس {state} بمناسبة ذكرى استقلال بلاده.
وأعرب الملك المفدى باسمه واسم شعب وحكومة المملكة العربية السعودية عن أصدق التهاني وأطيب \
التمنيات بالصحة والسعادة لفخامته ولحكومة وشعب {state} الشقيق المزيد من التقدم والازدهار، \
مؤكدا حرص المملكة على تعزيز العلاقات الأخوية التي تربط البلدين والشعبين في جميع المجالات.
كما بعث صاحب السمو الملكي الأمير محمد بن نايف بن عبدالعزيز ولي العهد نائب رئيس مجلس الوزراء \
وزير الداخلية برقية تهنئة مماثلة لفخامة الرئيس {head} رئيس {state} بمناسبة ذكرى استقلال بلاده، \
عبر فيها سموه عن أصدق التهاني وأطيب التمنيات بموفور الصحة والسعادة لفخامته ولحكومة وشعب \
{state} الشقيق المزيد من التقدم والازدهار في ظل قيادته الحكيمة.
وبعث صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد النائب الثاني لرئيس \
مجلس الوزراء وزير الدفاع برقية تهنئة مماثلة لفخامة الرئيس {head} رئيس {state} بمناسبة ذكرى \
استقلال بلاده، متمنيا لفخامته موفور الصحة والسعادة ولحكومة وشعب {state} الشقيق المزيد من \
التقدم والازدهار.
"""
TUNISIA = CABLE.format(head="الباجي قائد السبسي", state="الجمهورية التونسية")
MALDIVES = CABLE.format(head="عبدالله يامين", state="جمهورية المالديف")


def _words(text: str) -> list[str]:
    return tokens(normalize(text))


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    matcher = difflib.SequenceMatcher(None, stem_tokens(a), stem_tokens(b), autojunk=False)
    return matcher.get_opcodes()


def test_link_names_a_state_by_its_name_adjective_and_clitics() -> None:
    tunisia = state_of("تونس")
    assert tunisia is not None
    for word in ("التونسية", "التونسي", "للتونسيين", "وللتونسيين", "وتونس", "بتونس"):
        assert state_of(normalize(word)) == tunisia, word
    syria = state_of("سوريا")
    for word in ("سورية", "السوري", "السوريين", "السوريون"):
        assert state_of(normalize(word)) == syria, word
    assert state_of(normalize("الأميركية")) == state_of(normalize("أمريكا"))
    assert state_of(normalize("ليبيريا")) != state_of(normalize("الليبي"))
    for word in ("الإمارة", "كوب", "بيروت", "الهندسة", "المصرف", "اليمين", "البحر"):
        assert state_of(normalize(word)) is None, word


def test_link_names_template_with_another_state_swaps_states() -> None:
    a, b = _words(TUNISIA), _words(MALDIVES)
    assert swaps_states(a, b, _opcodes(a, b))


def test_link_names_rewrites_keep_their_states() -> None:
    a = _words(TUNISIA)
    reworded = _words(rewrite_every(TUNISIA, 5))
    assert not swaps_states(a, reworded, _opcodes(a, reworded))
    # a state named in other words on one side only is no swap («الولايات المتحدة» is no
    # one-word name of a state), nor one the other text names elsewhere
    us = _words("قال إن طائرات الولايات المتحدة والتحالف نفذت 27 غارة في سوريا والعراق")
    america = _words("قال إن طائرات أمريكا والتحالف نفذت 27 غارة في سورية والعراق")
    assert not swaps_states(us, america, _opcodes(us, america))
    both = _words("وصل الوفد التونسي إلى القاهرة ثم غادر مصر عائدا إلى تونس")
    other = _words("وصل الوفد المصري إلى القاهرة ثم غادر مصر عائدا إلى تونس")
    assert not swaps_states(both, other, _opcodes(both, other))


def test_link_names_template_pair_proposed_then_dropped_in_both_paths(tmp_path: Path) -> None:
    texts = {
        "tunisia.txt": TUNISIA,
        "maldives.txt": rewrite_every(MALDIVES, 5),  # shingles broken: only pairs join them
        "tunisia-reworded.txt": rewrite_every(TUNISIA, 5),
    }
    files = []
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        files.append(tmp_path / name)
    # the rewrite stage proposes both pairs with Tunisia; aligning them tells them apart
    proposed = find_reuse({k: normalize(v) for k, v in texts.items()}, ReuseParams())
    assert {(p.a, p.b) for p in proposed if p.rewrite} >= {
        ("maldives.txt", "tunisia.txt"),
        ("tunisia-reworded.txt", "tunisia.txt"),
    }
    for name, batches in (("once", [files]), ("steps", [[f] for f in files])):
        with Marsad(tmp_path / f"{name}.db") as m:
            for batch in batches:
                m.ingest(batch)
                m.update_reuse()
            linked = {
                frozenset(Path(m.document(m.article(i).document_id).origin).name for i in pair)
                for pair in ((x.a, x.b) for x in m.reuse_links())
            }
        assert linked == {frozenset({"tunisia.txt", "tunisia-reworded.txt"})}, name
