"""What a change to the date rules does to text nobody labelled: every expression found with it
and not without it, and the other way round, in context.

    python benchmarks/dates_rule_adds.py named_year [--every 10]   # one rule left out
    python benchmarks/dates_rule_adds.py --against HEAD~1            # the code of another commit

Reads every ``--every``-th SaudiNewsNet article (all outlets, in file order) and finds its
temporal expressions twice: with all of ``grammar.RULES`` and without the named rule, or with
this checkout's code and with another commit's (checked out in a temporary git worktree and
run in a subprocess). Prints each expression one side gives and the other does not (value,
45 characters around it), then the counts. A rule is read this way before it is kept: what it
finds in text nobody labelled, not only on the rows it was written for. Data:
https://github.com/parallelfold/SaudiNewsNet, under ../shared/data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from dates import DEFAULT_DATA, articles, leave_out

from marsad.analyze import dates as dates_module

ROOT = Path(__file__).resolve().parents[1]
Found = set[tuple[int, int, int, str | None]]


def found(sample: list[tuple[str, dt.date]]) -> Found:
    out: Found = set()
    for k, (text, reference) in enumerate(sample):
        for e in dates_module.find_temporal(text, reference):
            out.add((k, e.start, e.end, e.value))
    return out


def found_at(revision: str, data: Path, every: int) -> Found:
    """``found`` as the code of ``revision`` gives it (a git worktree, a subprocess)."""
    with tempfile.TemporaryDirectory() as scratch:
        tree = Path(scratch) / "tree"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), revision],
            check=True,
        )
        try:
            out = Path(scratch) / "found.json"
            env = {**os.environ, "PYTHONPATH": str(tree / "src")}
            command = [sys.executable, __file__, "--dump", str(out), "--every", str(every)]
            subprocess.run([*command, "--data", str(data)], check=True, env=env)
            return {tuple(row) for row in json.loads(out.read_text())}  # type: ignore[misc]
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)])


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("rule", nargs="?", help="a rule of grammar.RULES (e.g. named_year)")
    parser.add_argument("--against", help="a git revision whose code to compare with")
    parser.add_argument("--every", type=int, default=10, help="read every N-th article")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)  # used by --against
    args = parser.parse_args()
    if not args.data.exists():
        raise SystemExit(f"{args.data} not found: get SaudiNewsNet's daily zips (see the top)")
    sample = list(articles(args.data))[:: args.every]
    if args.dump:
        args.dump.write_text(json.dumps(sorted(found(sample), key=str)))
        return
    if (args.rule is None) == (args.against is None):
        raise SystemExit("name a rule to leave out, or --against REVISION")
    mine = found(sample)
    if args.against:
        other, label = found_at(args.against, args.data, args.every), f"against {args.against}"
    else:
        leave_out([args.rule])
        other, label = found(sample), f"without {args.rule}"
    for sign, rows in (("gives", mine - other), ("drops", other - mine)):
        for k, start, end, value in sorted(rows, key=str):
            context = sample[k][0][max(0, start - 45) : end + 25].replace("\n", " ")
            print(f"{sign} | {value} | {context}")
    print(
        f"{len(sample):,} articles, this code {label}: gives {len(mine - other)} expressions "
        f"the other does not, drops {len(other - mine)}"
    )


if __name__ == "__main__":
    main()
