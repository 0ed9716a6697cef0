"""Numpy's huge-page advice is off inside the batch stages only where the kernel stalls on it,
never against the user's own setting, and always restored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from marsad.link import pages, reuse
from marsad.link.pages import advice_stalls, small_pages

advised = np._core.multiarray._get_madvise_hugepage


@pytest.mark.parametrize(
    ("setting", "stalls"),
    [
        ("always defer defer+madvise [madvise] never\n", True),
        ("always defer [defer+madvise] madvise never\n", True),
        ("[always] defer defer+madvise madvise never\n", True),
        ("always [defer] defer+madvise madvise never\n", False),
        ("always defer defer+madvise madvise [never]\n", False),
        ("", False),
    ],
)
def test_advice_stalls_reads_the_chosen_defrag_mode(
    tmp_path: Path, setting: str, stalls: bool
) -> None:
    defrag = tmp_path / "defrag"
    defrag.write_text(setting)
    assert advice_stalls(defrag) is stalls


def test_advice_stalls_is_false_without_the_kernel_file(tmp_path: Path) -> None:
    assert advice_stalls(tmp_path / "missing") is False


@pytest.fixture
def stalling(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("NUMPY_MADVISE_HUGEPAGE", raising=False)
    monkeypatch.setattr(pages, "advice_stalls", lambda: True)
    before = np._core.multiarray._set_madvise_hugepage(True)
    yield
    np._core.multiarray._set_madvise_hugepage(before)


@pytest.mark.usefixtures("stalling")
def test_small_pages_turns_the_advice_off_and_restores_it() -> None:
    with small_pages():
        assert advised() is False
        with small_pages():
            assert advised() is False
        assert advised() is False
    assert advised() is True


@pytest.mark.usefixtures("stalling")
def test_small_pages_restores_the_advice_after_an_error() -> None:
    with pytest.raises(RuntimeError), small_pages():
        raise RuntimeError("stage failed")
    assert advised() is True


@pytest.mark.usefixtures("stalling")
def test_the_users_setting_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NUMPY_MADVISE_HUGEPAGE", "1")
    with small_pages():
        assert advised() is True


@pytest.mark.usefixtures("stalling")
def test_find_reuse_runs_without_the_advice(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    real = reuse.overlaps

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(advised())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reuse, "overlaps", spy)
    text = " ".join(f"كلمة{k}" for k in range(40))
    pairs = reuse.find_reuse({"a": text, "b": text})
    assert [p.kind for p in pairs] == ["exact"]
    assert seen == [False]
    assert advised() is True  # restored after the call
