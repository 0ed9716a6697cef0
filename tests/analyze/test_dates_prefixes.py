"""The rules tried at a start are chosen by its first characters (``temporal/prefixes.py``):
that choice must never leave out a rule that matches there."""

from __future__ import annotations

import json
import re

import pytest

from marsad.analyze import dates
from marsad.analyze.temporal.fold import fold
from marsad.analyze.temporal.grammar import RULES
from marsad.analyze.temporal.patterns import PATTERN, compile_rules
from marsad.analyze.temporal.prefixes import Dispatch, beginnings
from tests.conftest import DATA

_TEXTS = sorted(
    {
        json.loads(line)["text"]
        for path in sorted(DATA.glob("temporal_*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
)
_START: re.Pattern[str] = re.compile(r"(?<!\S)\S|(?<=[\u0621-\u064a])\d|(?<=[(«\"“'])\w")


def test_the_labelled_texts_are_read() -> None:
    assert len(_TEXTS) > 2_000


def test_the_rules_tried_at_every_start_match_as_the_whole_grammar_does() -> None:
    dispatch = Dispatch(RULES, compile_rules, PATTERN)
    starts = 0
    for raw in _TEXTS:
        text = fold(raw).text
        for start in (found.start() for found in _START.finditer(text)):
            starts += 1
            whole = PATTERN.match(text, start)
            chosen = dispatch.pattern_at(text, start)
            found = None if chosen is None else chosen.match(text, start)
            if whole is None:
                assert found is None, (raw, start)
            else:
                assert found is not None, (raw, start, whole.group())
                assert (found.span(), found.lastgroup) == (whole.span(), whole.lastgroup)
    assert starts > 50_000


def test_find_temporal_gives_the_same_with_every_rule_tried(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def read() -> list[list[tuple[int, int, str | None, str | None]]]:
        return [
            [(e.start, e.end, e.value, e.granularity) for e in dates.find_temporal(t, None)]
            for t in _TEXTS
        ]

    chosen = read()

    class Whole:
        def pattern_at(self, text: str, start: int) -> re.Pattern[str]:
            return PATTERN

    monkeypatch.setattr(dates, "_DISPATCH", Whole())
    assert read() == chosen


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"abc", {"abc"}),
        (r"ab(?:c|de)", {"abc", "abde"}),
        (r"(?:x)?ab", {"xab", "ab"}),
        (r"\d+ب", {"\x00ب", "\x00\x00ب", "\x00\x00\x00ب", "\x00\x00\x00\x00"}),
        (r"[وف]?قال", {"وقال", "فقال", "قال"}),
        (r"(?<!\w)في\w+", {"في"}),
        (r"a{2,3}b", {"aab", "aaab"}),
        (r"a+", {"a", "aa", "aaa", "aaaa"}),
        (r"(?=x)ab", {"ab"}),
    ],
)
def test_beginnings_of_a_pattern(pattern: str, expected: set[str]) -> None:
    assert beginnings(pattern) == expected


def test_every_rule_has_beginnings() -> None:
    for name, body in RULES:
        found = beginnings(compile_rules(((name, body),)).pattern)
        assert found and "" not in found, name


def test_no_rule_refers_to_a_group_by_number_or_holds_the_digit_mark() -> None:
    # a sub-alternation renumbers groups, and "\x00" stands for any digit in a beginning
    for name, body in RULES:
        assert "\x00" not in body, name
        assert re.search(r"\\[1-9]|\(\?\(\d", body) is None, name
