"""Who published first: the likely origin of a pair of reusing articles, and whether the copy
kept the credit.

Evidence, strongest first: a credit line or in-text credit in one article naming the other's
outlet ("المصدر: سبوتنيك", "لمراسلة سبوتنيك"); an earlier known publication date; an article
that names its own outlet as the reporter while the other does not (the copy dropped the
credit); containment (the other adds paragraphs around it). "Reuse without credit" flags a
copy that names neither the origin's outlet nor its source line.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.arabic import normalize
from marsad.clean.outlets import OUTLETS
from marsad.models import Article


@dataclass(frozen=True, slots=True)
class Origin:
    """The origin of a reuse pair, the reasons, and whether the copy credits it."""

    origin: str | None
    copy: str | None
    reasons: tuple[str, ...]
    uncredited: bool
    dropped: tuple[str, ...]  # credit lines or names of the origin absent from the copy


def _names(outlet: str | None) -> list[str]:
    if not outlet:
        return []
    spellings = OUTLETS.get(outlet, ())
    return [normalize(n) for n in (outlet, *spellings) if len(normalize(n)) >= 3]


def _text(a: Article) -> str:
    return normalize(" ".join((a.title or "", a.body, *a.attributions)))


def names(article: Article, outlet: str | None) -> bool:
    """Whether ``article`` names ``outlet`` anywhere (credit lines, title or body)."""
    text = _text(article)
    return any(name in text for name in _names(outlet))


def decide(a: Article, b: Article, contain_a: float, contain_b: float) -> Origin:
    """The likely origin of two reusing articles (``contain_a``: share of a found in b)."""
    votes = {a.id: 0.0, b.id: 0.0}
    reasons: dict[str, list[str]] = {a.id: [], b.id: []}
    for x, y in ((a, b), (b, a)):
        if y.outlet and x.outlet != y.outlet and names(x, y.outlet):
            votes[y.id] += 3
            reasons[y.id].append(f"the other report credits {y.outlet}")
        if x.outlet and names(x, x.outlet) and not names(y, x.outlet):
            votes[x.id] += 2
            reasons[x.id].append(f"names its own outlet ({x.outlet}) as the reporter")
    da, db = a.published.value, b.published.value
    if da and db and da[:10] != db[:10]:
        first = a if da < db else b
        votes[first.id] += 2.5
        reasons[first.id].append(f"published earlier ({min(da, db)[:10]})")
    if abs(contain_a - contain_b) >= 0.2:
        inner = a if contain_a > contain_b else b
        votes[inner.id] += 1
        share = max(contain_a, contain_b)
        reasons[inner.id].append(f"{share:.0%} of it stands inside the other, which adds text")
    if votes[a.id] == votes[b.id]:
        return Origin(None, None, ("no evidence decides the order",), False, ())
    origin, copy = (a, b) if votes[a.id] > votes[b.id] else (b, a)
    missing = [line for line in origin.attributions if normalize(line) not in _text(copy)]
    if origin.outlet and not names(copy, origin.outlet):
        missing.append(origin.outlet)
    dropped = tuple(dict.fromkeys(missing))
    uncredited = bool(origin.outlet) and not names(copy, origin.outlet)
    return Origin(origin.id, copy.id, tuple(reasons[origin.id]), uncredited, dropped)
