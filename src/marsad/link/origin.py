"""Who published first: the likely origin of a pair of reusing articles, and whether the copy
kept the credit.

Evidence, in order; the first rule that picks one side (and not both) decides, and the later
rules that agree are added to its reasons:

1. credits (``link/credits.py``):
   a. one report credits the other's outlet («نقلاً عن سبق», «المصدر: الوطن»);
   b. one report is an agency's own (an article of واس): a wire is republished, it does not
      republish;
   c. one report credits an agency or outlet the other does not (both carry its text): the
      origin is that agency — "واس, not in the corpus" — recorded as ``origin_credit``; the
      report that keeps the credit stands for it and the one that dropped it is the copy;
2. publication times, when both are known and differ;
3. text: one report names the other's outlet somewhere in its text.

Containment is not evidence: a lead rewrite or a cut copy stands inside its original, so the
shorter text is not taken to be the first. Nor is a report's own dateline («عين اليوم –
الرياض») that the other lacks: outlets put theirs on the press releases they all print.
When nothing decides, the pair says so.

"Reuse without credit" flags a copy that carries the origin's text and names neither the
origin's outlet nor the agency it credits (the dropped credits are listed); never a copy of
the same outlet as its origin, never a copy that is that agency.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from marsad.arabic import normalize, tokens
from marsad.clean.outlets import Outlet, by_id
from marsad.link.credits import article_credits, mentions, own_outlet
from marsad.models import Article, CreditSpan


@dataclass(frozen=True, slots=True)
class Origin:
    """The origin of a reuse pair, the reasons, and whether the copy credits it.

    ``origin_credit`` is the outlet or agency the text comes from when a credit names it (it
    may have no article in the corpus); ``dropped`` the credits the copy left out.
    """

    origin: str | None
    copy: str | None
    reasons: tuple[str, ...]
    uncredited: bool
    dropped: tuple[str, ...]
    origin_credit: str | None = None


@dataclass(frozen=True, slots=True)
class Side:
    """What the rules need to know of one article of a pair (``Side.of`` it once when the
    article takes part in many pairs)."""

    article: Article
    outlet: Outlet | None
    key: str | None
    """What makes two articles one outlet's: the known outlet's id, else the raw name."""
    label: str | None
    credits: frozenset[str]
    """Ids of the outlets it credits, its own included."""
    named: frozenset[str]
    """Ids of the outlets it names anywhere (credits and mentions)."""
    spans: tuple[CreditSpan, ...] = ()
    """Its credits, where they stand."""
    words: str = " "
    """Its normalized words, space-joined and padded with a space on each side."""
    attached: frozenset[str] = frozenset()
    """Ids of the outlets it credits for the text it shares with the other report: a credit
    line or dateline (it heads the whole report), or a credit in the body next to shared
    words. A credit in text the other does not carry (an added intro, another report around
    the shared passage) says nothing of the shared text."""

    @classmethod
    def of(cls, article: Article) -> Side:
        outlet = own_outlet(article)
        raw = article.outlet or article.source
        key = outlet.id if outlet else (normalize(raw) if raw else None)
        label = outlet.name if outlet else raw
        spans = tuple(article_credits(article))
        credits = frozenset(span.outlet for span in spans)
        words = f" {' '.join(tokens(article.norm_body))} "
        return cls(article, outlet, key, label, credits, credits | mentions(article), spans, words)

    def facing(self, other: Side) -> Side:
        """This side with ``attached`` computed against the other report's text."""
        theirs = other.words
        body = self.article.body
        attached = set()
        for span in self.spans:
            if span.place != "body" or span.cue == "dateline":
                attached.add(span.outlet)
                continue
            before, after = _around(body, span.start, span.end)
            windows = [before[-_NEXT_TO:], *(after[k : k + _NEXT_TO] for k in range(3))]
            if any(len(w) == _NEXT_TO and f" {' '.join(w)} " in theirs for w in windows):
                attached.add(span.outlet)
        return replace(self, attached=frozenset(attached))

    def same_outlet(self, other: Side) -> bool:
        return self.key is not None and self.key == other.key

    def names_raw(self, name: str) -> bool:
        """Whether its text holds ``name`` as whole words (an outlet not in the table)."""
        text = f" {normalize(' '.join((self.article.title or '', self.article.body)))} "
        return f" {normalize(name)} " in text


_KIND_ORDER = ("agency", "outlet", "generic")
_NEXT_TO = 5
"""Words a body credit shares with the other report on one side of it to count as its."""


def _around(body: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """The words of its paragraph before and after a credit; none after it when a sentence
    ends right after it («… حي النسيم (واس).» credits what comes before)."""
    head = body.rfind("\n", 0, start) + 1
    tail = body.find("\n", end)
    before = body[max(head, start - 200) : start]
    after = body[end : min(end + 200, len(body) if tail < 0 else tail)]
    if after.lstrip(' )»"”').startswith((".", "!", "?", "؟")):
        after = ""
    return tokens(normalize(before)), tokens(normalize(after))


Rule = Callable[[Side, Side], str | None]
"""A rule for the pair (x, y): the reason x is the origin, or None."""


def _credited_by_other(x: Side, y: Side) -> str | None:
    if x.outlet and not x.same_outlet(y) and x.outlet.id in y.credits:
        return f"the other report credits {x.outlet.name}"
    return None


def _agency_report(x: Side, y: Side) -> str | None:
    if x.outlet and x.outlet.kind == "agency" and not x.same_outlet(y):
        return f"a report of the agency {x.outlet.name}, whose text the other carries"
    return None


def _keeps_agency_credit(x: Side, y: Side) -> str | None:
    kept = _kept_outlets(x, y)
    if kept:
        return f"credits {kept[0].name} for the text, which the other carries without the credit"
    return None


def _mentioned_by_other(x: Side, y: Side) -> str | None:
    if x.outlet and not x.same_outlet(y) and x.outlet.id in y.named:
        return f"the other report names {x.outlet.name} in its text"
    return None


def _kept_outlets(x: Side, y: Side) -> list[Outlet]:
    """What x credits for the shared text (not its own outlet, not y's) that y does not
    name: agencies first, then outlets. The generic «وكالات» names no source, so it never
    decides an origin nor is a credit the copy owes."""
    return _ranked(x.attached - y.named - {x.key, y.key})


def _ranked(ids: Iterable[str]) -> list[Outlet]:
    """The known, non-generic outlets of ``ids``: agencies first, then outlets, by id."""
    found = [by_id(outlet_id) for outlet_id in ids]
    known = [o for o in found if o is not None and o.kind != "generic"]
    return sorted(known, key=lambda o: (_KIND_ORDER.index(o.kind), o.id))


_CREDIT_RULES: tuple[Rule, ...] = (
    _credited_by_other,
    _agency_report,
    _keeps_agency_credit,
)


def _earlier(x: Side, y: Side) -> str | None:
    dx, dy = x.article.published.value, y.article.published.value
    if not dx or not dy:
        return None
    if dx[:10] != dy[:10]:
        return f"published earlier ({dx[:10]} before {dy[:10]})" if dx < dy else None
    # The same day: hours decide when both reports have one. Midnight is how many feeds write
    # a date without a time, so it is no hour. Stored times are wall-clock times without their
    # zone (ingest keeps "09:00+03:00" as 09:00), so outlets in different zones may be misordered
    # by their difference: within the region, a few hours at most.
    if _has_hour(dx) and _has_hour(dy) and dx < dy:
        return f"published earlier ({dx} before {dy})"
    return None


def _has_hour(stamp: str) -> bool:
    return len(stamp) > 10 and stamp[11:19] != "00:00:00"


_RULES: tuple[Rule, ...] = (*_CREDIT_RULES, _earlier, _mentioned_by_other)


def decide(a: Article, b: Article, contain_a: float = 0.0, contain_b: float = 0.0) -> Origin:
    """The likely origin of two reusing articles, with its reasons (see the module).

    ``contain_a``/``contain_b`` (the share of each inside the other) are accepted for the
    callers' sake and not used: containment does not tell which text came first.
    """
    return decide_sides(Side.of(a), Side.of(b))


def decide_sides(a: Side, b: Side) -> Origin:
    """``decide`` on sides prepared once per article."""
    x, y = a.facing(b), b.facing(a)
    common = _common_credit(x, y)
    for rule in _RULES:
        for_x, for_y = rule(x, y), rule(y, x)
        if (for_x is None) == (for_y is None):
            continue
        origin, copy = (x, y) if for_x is not None else (y, x)
        reasons = [r for r in (rule(origin, copy) for rule in _RULES) if r is not None]
        kept = _kept_outlets(origin, copy)
        source = kept[0] if rule is _keeps_agency_credit and kept else None
        return _decided(origin, copy, tuple(dict.fromkeys(reasons)), source or common)
    why = "no evidence decides the order (no credit, no publication times that differ)"
    if common:
        why = f"both credit {common.name}, whose report is not one of the two; {why}"
    return Origin(None, None, (why,), False, (), common.name if common else None)


def _common_credit(x: Side, y: Side) -> Outlet | None:
    """An agency or outlet both credit, neither being it: where their text comes from."""
    known = _ranked((x.attached & y.attached) - {x.key, y.key})
    return known[0] if known else None


def _decided(origin: Side, copy: Side, reasons: tuple[str, ...], source: Outlet | None) -> Origin:
    dropped = _dropped(origin, copy, source)
    name = source.name if source else None
    return Origin(origin.article.id, copy.article.id, reasons, bool(dropped), tuple(dropped), name)


def _dropped(origin: Side, copy: Side, source: Outlet | None) -> list[str]:
    """The credits the copy should give and gives none of; empty when it names one of them,
    when both are one outlet's, or when the copy is the outlet it would credit. Outlets of the
    table are compared by id (so the city «الرياض» in a copy is not a credit to the paper);
    only an outlet outside the table is looked for by its name."""
    if origin.same_outlet(copy):
        return []
    expected: list[tuple[str | None, str]] = []  # (outlet id or None, display name)
    if source is not None:
        expected.append((source.id, source.name))
    else:
        if origin.label:
            expected.append((origin.outlet.id if origin.outlet else None, origin.label))
        expected += [(o.id, o.name) for o in _kept_outlets(origin, copy)]
    due = []
    for outlet_id, name in expected:
        if outlet_id is not None and (outlet_id == copy.key or outlet_id in copy.named):
            return []  # the copy names one of them: it credits its source
        if outlet_id is None and copy.names_raw(name):
            return []
        due.append(name)
    return list(dict.fromkeys(due))
