"""What one date rule adds: every expression found with it and not without it, in context.

    python benchmarks/dates_rule_adds.py named_year [--every 10]

Reads every ``--every``-th SaudiNewsNet article (all outlets, in file order), finds its
temporal expressions with all of ``grammar.RULES`` and again without the named rule, and prints
each expression the rule adds or removes with 45 characters around it, then the counts. A rule
is read this way before it is kept: what it finds in text nobody labelled, not only on the
rows it was written for. Data: https://github.com/parallelfold/SaudiNewsNet, under
../shared/data.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from dates import DEFAULT_DATA, articles, leave_out

from marsad.analyze import dates as dates_module

Found = set[tuple[int, int, int, str | None]]


def found(sample: list[tuple[str, dt.date]]) -> Found:
    out: Found = set()
    for k, (text, reference) in enumerate(sample):
        for e in dates_module.find_temporal(text, reference):
            out.add((k, e.start, e.end, e.value))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("rule", help="a rule of grammar.RULES (e.g. named_year)")
    parser.add_argument("--every", type=int, default=10, help="read every N-th article")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    if not args.data.exists():
        raise SystemExit(f"{args.data} not found: get SaudiNewsNet's daily zips (see the top)")
    sample = list(articles(args.data))[:: args.every]
    with_rule = found(sample)
    leave_out([args.rule])
    without = found(sample)
    for label, rows in (("added", with_rule - without), ("removed", without - with_rule)):
        for k, start, end, value in sorted(rows):
            text = sample[k][0]
            context = text[max(0, start - 45) : end + 25].replace("\n", " ")
            print(f"{label} | {value} | {context}")
    added, removed = len(with_rule - without), len(without - with_rule)
    print(f"{len(sample):,} articles: {args.rule} adds {added}, removes {removed}")


if __name__ == "__main__":
    main()
