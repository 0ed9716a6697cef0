"""Which rules can match where: the first characters each rule's matches can start with.

``marsad.analyze.dates`` tries the grammar at a few word starts before each core word, and at
most of them nothing matches: the one alternation of every rule (``patterns.PATTERN``) fails
there rule by rule. The first ``DEPTH`` characters of a start tell most rules apart: «في 7»
can start a date, but not a weekday or a holiday. So each rule's pattern is read once (by
the parser of ``re``) for the strings of up to ``DEPTH`` characters its matches can begin
with, and at a start only the rules whose beginnings fit the text there are tried, in their
order, as one alternation compiled for that set of rules (a few dozen sets occur).

The beginnings are a superset: what the parser cannot enumerate (a class such as ``\\w``, a
look-around, a back-reference) ends a beginning there, and a beginning that ends early fits
any text that starts with it. A rule that can match at a start is therefore always tried
there, and the alternation of the rules tried finds what ``PATTERN`` finds: the same rule
(the first in order that matches) and the same span. ``tests/analyze/test_dates_prefixes.py``
checks this on every labelled text. If ``re``'s parser is not there (it is not a public
module), every rule is tried at every start, as before.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from typing import Any, Final

__all__ = ["DEPTH", "Dispatch", "beginnings"]

DEPTH: Final = 4
"""How many characters of a start tell the rules apart (5 or 6 tell few more)."""

_DIGIT: Final = "\x00"  # stands for any character ``\d`` matches
_CLASS_LIMIT: Final = 60  # a larger class of characters is not enumerated
_State = tuple[str, bool]  # (beginning, open: the pattern may go on after it)


def beginnings(pattern: str, depth: int = DEPTH) -> frozenset[str] | None:
    """The strings of at most ``depth`` characters (``_DIGIT`` for any digit) every match of
    ``pattern`` starts with one of; None when ``re``'s parser is not available."""
    try:
        constants = importlib.import_module("re._constants")
        parser = importlib.import_module("re._parser")
    except ImportError:  # pragma: no cover - a Python without them
        return None
    if re.compile(pattern).flags & re.IGNORECASE:
        return None  # the beginnings would have to be read in every case
    reader = _Reader(constants, depth)
    return frozenset(text for text, _ in reader.sequence(list(parser.parse(pattern)), {("", True)}))


class _Reader:
    """Walks ``re``'s parse tree of a pattern, keeping the beginnings of its matches."""

    def __init__(self, constants: Any, depth: int) -> None:
        self.c = constants
        self.depth = depth

    def sequence(self, items: Sequence[tuple[Any, Any]], states: set[_State]) -> set[_State]:
        for op, value in items:
            growing = [(text, True) for text, open_ in states if open_ and len(text) < self.depth]
            states = {(t, o) for t, o in states if not (o and len(t) < self.depth)}
            if not growing:
                continue
            ends = self.element(op, value)
            for text, _ in growing:
                for more, open_ in ends:
                    joined = text + more
                    states.add(
                        (joined[: self.depth], False)
                        if len(joined) >= self.depth
                        else (joined, open_)
                    )
        return states

    def element(self, op: Any, value: Any) -> set[_State]:
        c = self.c
        if op is c.LITERAL:
            return {(chr(value), True)}
        if op is c.IN:
            chars = self._class(value)
            return {("", False)} if chars is None else {(ch, True) for ch in chars}
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero-width: read as if absent (a superset)
            return {("", True)}
        if op is c.SUBPATTERN:
            if value[1] & c.SRE_FLAG_IGNORECASE:  # "(?i:...)": not enumerated
                return {("", False)}
            return self.sequence(value[-1], {("", True)})
        if op is c.BRANCH:
            return {end for branch in value[1] for end in self.sequence(branch, {("", True)})}
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            return self._repeat(*value)
        return {("", False)}  # any character, a category, a back-reference: not enumerated

    def _repeat(self, low: int, high: int, item: Any) -> set[_State]:
        found: set[_State] = {("", True)} if low == 0 else set()
        states: set[_State] = {("", True)}
        for count in range(1, self.depth + 2):
            states = self.sequence(item, states)
            if count >= low or not any(o and len(t) < self.depth for t, o in states):
                found |= states
            if not any(o and len(t) < self.depth for t, o in states):
                break
            if high != self.c.MAXREPEAT and count >= high:
                break
        else:
            found |= {(t, False) for t, _ in states}  # longer runs: cut where they stand
        return found

    def _class(self, value: Sequence[tuple[Any, Any]]) -> set[str] | None:
        c = self.c
        chars: set[str] = set()
        for op, item in value:
            if op is c.LITERAL:
                chars.add(chr(item))
            elif op is c.RANGE and item[1] - item[0] <= _CLASS_LIMIT:
                chars.update(chr(n) for n in range(item[0], item[1] + 1))
            elif op is c.CATEGORY and item is c.CATEGORY_DIGIT:
                chars.add(_DIGIT)
            else:
                return None  # a negated class, \w, \s, a wide range
        return chars if len(chars) <= _CLASS_LIMIT else None


def _trie(texts: frozenset[str]) -> str:
    """An alternation matching any text that starts with one of ``texts``, as a trie."""
    tree: dict[str, Any] = {}
    for text in texts:
        node = tree
        for ch in text:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict[str, Any]) -> str:
        branches = [
            (r"\d" if ch == _DIGIT else re.escape(ch)) + walk(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if "" in node:  # a beginning ends here: whatever follows fits
            return ""
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return walk(tree)


class Dispatch:
    """The alternation of the rules that can match at a start (None: none can)."""

    def __init__(
        self,
        rules: Sequence[tuple[str, str]],
        compile_rules: Callable[[tuple[tuple[str, str], ...]], re.Pattern[str]],
        whole: re.Pattern[str],
    ) -> None:
        self._rules = tuple(rules)
        self._compile = compile_rules
        self._whole = whole
        self._starts: list[re.Pattern[str] | None] | None = None  # read at the first use
        self._sets: dict[str, tuple[int, ...]] = {}  # the first DEPTH characters -> rules
        self._patterns: dict[tuple[int, ...], re.Pattern[str] | None] = {(): None}

    def _beginnings(self) -> list[re.Pattern[str] | None]:
        """Each rule's beginnings as a pattern (None: any start), read once (a quarter of a
        second: not at import, so that commands that read no dates do not pay it)."""
        if self._starts is None:
            starts: list[re.Pattern[str] | None] = []
            for rule in self._rules:
                found = beginnings(self._compile((rule,)).pattern)
                starts.append(None if found is None else re.compile(_trie(found)))
            self._starts = starts
        return self._starts

    def pattern_at(self, text: str, start: int) -> re.Pattern[str] | None:
        window = text[start : start + DEPTH]
        chosen = self._sets.get(window)
        if chosen is None:
            chosen = tuple(
                i
                for i, fits in enumerate(self._beginnings())
                if fits is None or fits.match(window) is not None
            )
            if len(self._sets) > 200_000:
                self._sets.clear()
            self._sets[window] = chosen
        if chosen not in self._patterns:
            every = len(chosen) == len(self._rules)
            self._patterns[chosen] = (
                self._whole if every else self._compile(tuple(self._rules[i] for i in chosen))
            )
        return self._patterns[chosen]
