"""Issuers' templates: a passage one outlet prints in many reports is kind ``template``, not a
copy; the same passage in two outlets' reports, or an outlet's report reprinted in full by
another, stays a copy; the batch and the incremental path agree."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from marsad import Marsad
from marsad.link.templates import is_template

LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"


def words(rng: random.Random, n: int) -> str:
    """``n`` made-up Arabic words, distinct enough that no two texts share a passage by
    chance."""
    return " ".join(
        "".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 6))) for _ in range(n)
    )


TEMPLATE = words(random.Random(7), 40)  # a ministry's contact paragraph
PASSAGE = words(random.Random(8), 45)  # a statement two outlets print once each


def record(title: str, body: str, outlet: str) -> dict[str, str]:
    return {"title": title, "content": body, "source": outlet, "published": "2015-07-24"}


def corpus() -> list[dict[str, str]]:
    rng = random.Random(1447)
    records = [
        record(
            f"بيان رقم {k}",
            f"{words(rng, 50)}.\n\n{TEMPLATE}.\n\n{words(rng, 30)}.",
            "spa",
        )
        for k in range(6)
    ]
    reprint = records[0]["content"] + "\n\n" + words(rng, 15) + "."
    records.append(record("إعادة نشر البيان", reprint, "sabq"))
    records.append(
        record("خبر أول", f"{words(rng, 60)}.\n\n{PASSAGE}.\n\n{words(rng, 60)}.", "okaz")
    )
    records.append(
        record("خبر ثان", f"{words(rng, 60)}.\n\n{PASSAGE}.\n\n{words(rng, 60)}.", "alwatan")
    )
    return records


def write(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    return path


def kinds(m: Marsad) -> dict[frozenset[str], str]:
    """Each link's kind, by the titles of its two articles."""
    title = {a.id: a.title or "" for a in m.articles()}
    return {frozenset((title[x.a], title[x.b])): x.kind for x in m.reuse_links()}


def test_link_templates_one_outlets_passage_is_a_template_not_a_copy(tmp_path: Path) -> None:
    with Marsad(tmp_path / "t.db") as m:
        m.ingest([write(tmp_path / "all.jsonl", corpus())])
        m.update_reuse()
        found = kinds(m)
        spa = [frozenset((f"بيان رقم {i}", f"بيان رقم {j}")) for i in range(6) for j in range(i)]
        assert all(found[pair] == "template" for pair in spa), found
        # the same passage in two outlets' reports, once each: still reuse
        assert found[frozenset(("خبر أول", "خبر ثان"))] == "partial"
        # an outlet's report reprinted in full by another: a copy, whatever its template
        assert found[frozenset(("بيان رقم 0", "إعادة نشر البيان"))] in ("near", "partial")
        groups = m.reuse_groups()
        (group,) = groups  # template links make no group: only the reprint and its original
        ids = {a.id: a.title for a in m.articles()}
        assert sorted(ids[x] or "" for x in group.articles) == ["إعادة نشر البيان", "بيان رقم 0"]
        # nor event copies
        candidates = m.store.reuse.copy_candidates(0.8)
        assert all(link.kind != "template" for link in candidates)
        # the 15 pairs of spa's reports, and the reprint with the five it does not reprint
        assert {x.link.kind for x in m.reuse_pairs("template")} == {"template"}
        assert m.reuse_count("template") == 15 + 5


@pytest.mark.parametrize(
    ("whole", "forget"), [(0.5, False), (0.0, False), (1.0, False), (0.5, True)]
)
def test_link_templates_batch_and_incremental_agree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, whole: float, forget: bool
) -> None:
    """Both ways of judging: the links the new articles can change (their own, and those
    sharing a fingerprint that just became a template), and every partial and template link
    of the store (``WHOLE_SHARE`` 0: every update; 1.0: never, not even the first); with the
    templates kept from update to update, or counted again each time (``forget``: as in a
    store from before they were kept). The kept templates are the store's."""
    monkeypatch.setattr("marsad.engine.templates.WHOLE_SHARE", whole)
    records = corpus()
    rewritten = light_rewrite(records[1]["content"], 6, random.Random(6))
    records.append(record("صياغة أخرى", rewritten, "alwatan"))
    with Marsad(tmp_path / "batch.db") as batch:
        batch.ingest([write(tmp_path / "all.jsonl", records)])
        batch.update_reuse()
        expected = kinds(batch)
    with Marsad(tmp_path / "steps.db") as steps:
        for k, r in enumerate(reversed(records)):  # the template counts grow one by one
            steps.ingest([write(tmp_path / f"r{k}.jsonl", [r])])
            steps.update_reuse()
            if forget:
                steps.store.db.execute("DELETE FROM reuse_template_state")
        assert kinds(steps) == expected
        counted = steps.store.reuse.template_fingerprints(5)
        counted.pop("", None)
        kept = steps.store.reuse_templates.known(5, counted)
        assert counted == kept and counted["spa"]
        (rows,) = steps.store.db.execute("SELECT count(*) FROM reuse_templates").fetchone()
        assert rows == sum(len(fps) for fps in counted.values())


def test_link_templates_judge_what_is_left_without_the_template() -> None:
    rng = np.random.default_rng(3)
    template = rng.integers(1, 2**63, 40, dtype=np.uint64)
    own_a, own_b = (rng.integers(1, 2**63, 60, dtype=np.uint64) for _ in range(2))
    a = np.concatenate([own_a, template])
    b = np.concatenate([own_b, template])
    assert is_template(a, b, template)  # only the template is shared
    assert not is_template(a, b, np.empty(0, dtype=np.uint64))  # no template known: reuse
    both = np.concatenate([own_a[:40], template])  # b's own text is a's too: a copy
    assert not is_template(a, both, template)


def light_rewrite(body: str, every: int, rng: random.Random) -> str:
    """``body`` with every ``every``-th word of its paragraphs other than ``TEMPLATE``
    swapped for another word, the template paragraph kept word for word."""
    paragraphs = []
    for paragraph in body.split("\n\n"):
        if paragraph.rstrip(".") == TEMPLATE:
            paragraphs.append(paragraph)
            continue
        tokens = paragraph.rstrip(".").split()
        for k in range(every - 1, len(tokens), every):
            tokens[k] = words(rng, 1)
        paragraphs.append(" ".join(tokens) + ".")
    return "\n\n".join(paragraphs)


@pytest.mark.parametrize("every", [6, 8])
def test_link_templates_a_light_rewrite_keeping_the_template_stays_a_copy(
    tmp_path: Path, every: int
) -> None:
    """Another outlet rewrites one of spa's reports lightly (one word in ``every`` changed)
    and keeps spa's template paragraph: what it shares outside the template is the rewrite,
    so the link is the rewrite stage's copy, not template text; spa's own reports still share
    only the template."""
    records = corpus()
    rewritten = light_rewrite(records[1]["content"], every, random.Random(every))
    records.append(record("صياغة أخرى", rewritten, "alwatan"))
    with Marsad(tmp_path / "t.db") as m:
        m.ingest([write(tmp_path / "all.jsonl", records)])
        m.update_reuse()
        found = kinds(m)
        assert found[frozenset(("بيان رقم 1", "صياغة أخرى"))] in ("near", "partial")
        spa = [frozenset((f"بيان رقم {i}", f"بيان رقم {j}")) for i in range(6) for j in range(i)]
        assert all(found[pair] == "template" for pair in spa), found
        # with spa's other reports the rewrite shares the template only
        others = [frozenset((f"بيان رقم {i}", "صياغة أخرى")) for i in (0, 2, 3, 4, 5)]
        assert all(found[pair] == "template" for pair in others), found
