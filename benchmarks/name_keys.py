"""Benchmark: ``name_key`` — which spellings of transliterated names it joins, and how many wrongly.

    python benchmarks/name_keys.py [--data DIR] [--ant ZIP] [--draw]

Vocabulary: every distinct token of the title and the first 200 words of each SaudiNewsNet article
(31,030 articles, 14 outlets, CC BY-NC-SA 4.0, from https://github.com/parallelfold/SaudiNewsNet —
the daily zips under data/ — expected in ../shared/data/saudinewsnet/), as
``tokens(normalize(text))`` gives them, kept when seen at least 3 times. Over it: how many tokens
``name_key`` keys, how many keys it gives, and how many keys join two or more distinct spellings.

Precision: the joining keys are sampled (a seeded hash ranks them, so that a change to the rules
changes the sample only by the keys it adds or removes), one pair of spellings is drawn per key
the same way, and each pair is labelled by reading in benchmarks/gold/name_key_pairs.jsonl:
``same`` is true when the two are one name or word (spelled differently, or with other clitics),
false when they are different words or names (benchmarks/gold/README_name_keys.md). Precision is
right / labelled. Samples, by ``kind`` in that file:

- ``sample``: joining keys of ``name_key`` on SaudiNewsNet, where its rules were developed;
- ``baseline``: joining keys of the plain skeleton (the same key, no "looks foreign" test, on every
  Arabic token), on SaudiNewsNet;
- ``heldout``: joining keys of ``name_key`` on ANT (Jawhara FM, Tunisia; ../shared/data/ant/),
  labelled after the rules were frozen;
- ``keyed``: tokens ``name_key`` keys, labelled ``foreign`` (a transliterated name or loanword) or
  not (an Arabic word or name);
- ``variant``: spelling variants of one name collected by reading; recall is the share joined.

``--draw`` appends the drawn pairs and tokens that have no label yet to the gold file, with a null
label, for a reader to label; without it they are counted and listed as unlabelled. Prints a table
and writes benchmarks/results/name_keys.json.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import platform
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.arabic import name_key, normalize, tokens
from marsad.arabic.translit import skeleton

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared" / "data").resolve()
GOLD = ROOT / "benchmarks" / "gold" / "name_key_pairs.jsonl"
OUT = ROOT / "benchmarks" / "results" / "name_keys.json"
SNN_URL = "https://github.com/parallelfold/SaudiNewsNet"
ANT_URL = "https://github.com/antcorpus/antcorpus.data"
LEAD_WORDS = 200
MIN_COUNT = 3
SIZES = {"sample": 240, "baseline": 120, "heldout": 240, "keyed": 100}
SALT = "marsad-name-keys-1"

KeyFn = Callable[[str], "str | None"]
Article = tuple[str, str]  # title, content


@dataclass(frozen=True)
class Pair:
    """Two distinct spellings that one key joins, in sorted order."""

    a: str
    b: str


def saudinewsnet(data: Path) -> Iterator[Article]:
    """(title, content) of every record of every daily zip, in file order."""
    for path in sorted(data.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                for record in json.loads(archive.read(name)):
                    yield record.get("title") or "", record.get("content") or ""


def ant(path: Path) -> Iterator[Article]:
    """(title, content) of every line of the zipped ANT JSON Lines file."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            for line in archive.read(name).decode("utf-8").splitlines():
                if line.strip():
                    record = json.loads(line)
                    yield record.get("title") or "", record.get("content") or ""


def lead_tokens(article: Article) -> list[str]:
    """The tokens of the title and of the first ``LEAD_WORDS`` words of the content."""
    title, content = article
    return tokens(normalize(title)) + tokens(normalize(content))[:LEAD_WORDS]


def vocabulary(articles: Iterator[Article]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for article in articles:
        counts.update(lead_tokens(article))
    return counts


def plain_skeleton(token: str) -> str | None:
    """The baseline: ``name_key``'s skeleton of every Arabic token, with no "looks foreign" test."""
    word = token.lstrip("و")
    if len(word) < 2 or not all("\u0621" <= letter <= "\u06ff" for letter in word):
        return None
    return skeleton(word)


def groups(words: list[str], key: KeyFn) -> dict[str, list[str]]:
    """The words each key gathers; words without a key are left out."""
    found: dict[str, list[str]] = {}
    for word in words:
        value = key(word)
        if value is not None:
            found.setdefault(value, []).append(word)
    return found


def _rank(*parts: str) -> str:
    """A seeded, stable pseudo-random rank: the sample does not depend on dict or set order."""
    return hashlib.sha256("\0".join((SALT, *parts)).encode()).hexdigest()


def draw_pairs(found: dict[str, list[str]], size: int) -> list[Pair]:
    """``size`` joining keys ranked by hash (uniform over keys), one hash-drawn pair per key.

    Keys are ranked by their spellings, not by the key string, so that a change in how keys are
    written leaves the sample alone; a change in which spellings a key joins changes only the
    keys concerned.
    """
    joining = [sorted(words) for words in found.values() if len(words) > 1]
    joining.sort(key=lambda words: _rank(*words))
    pairs = []
    for words in joining[:size]:
        a, b = min(itertools.combinations(words, 2), key=lambda pair: _rank(*pair))
        pairs.append(Pair(a, b))
    return pairs


def summary(found: dict[str, list[str]]) -> dict[str, int]:
    return {
        "keyed_tokens": sum(len(words) for words in found.values()),
        "keys": len(found),
        "joining_keys": sum(len(words) > 1 for words in found.values()),
        "tokens_in_joining_keys": sum(len(words) for words in found.values() if len(words) > 1),
    }


def precision(pairs: list[Pair], labels: dict[tuple[str, str], Any]) -> dict[str, Any]:
    """Right and wrong among the drawn pairs that carry a label; the ones that do not, listed."""
    right = [p for p in pairs if labels.get((p.a, p.b)) is True]
    wrong = [p for p in pairs if labels.get((p.a, p.b)) is False]
    unlabelled = [p for p in pairs if labels.get((p.a, p.b)) is None]
    labelled = len(right) + len(wrong)
    conjunction_only = sum(p.b.lstrip("و") == p.a.lstrip("و") for p in right)
    return {
        "drawn": len(pairs),
        "labelled": labelled,
        "right": len(right),
        "right_spelling_or_clitic": len(right) - conjunction_only,
        "right_conjunction_only": conjunction_only,
        "wrong": len(wrong),
        "precision": round(len(right) / labelled, 4) if labelled else None,
        # the same, leaving out the pairs that differ only by a leading و (ليفربول / وليفربول)
        "precision_spellings": (
            round((len(right) - conjunction_only) / (labelled - conjunction_only), 4)
            if labelled > conjunction_only
            else None
        ),
        "wrong_pairs": [f"{p.a} / {p.b}" for p in wrong],
        "unlabelled": [f"{p.a} / {p.b}" for p in unlabelled],
    }


def recall(variants: list[dict[str, Any]], key: KeyFn) -> dict[str, Any]:
    """The share of known variant pairs that ``key`` joins (both keyed, one key), by source."""

    def joined(row: dict[str, Any]) -> bool:
        return key(row["a"]) is not None and key(row["a"]) == key(row["b"])

    by_source: dict[str, list[int]] = {}
    for row in variants:
        tally = by_source.setdefault(row["found"], [0, 0])
        tally[0] += joined(row)
        tally[1] += 1
    hits = sum(joined(row) for row in variants)
    return {
        "pairs": len(variants),
        "joined": hits,
        "recall": round(hits / len(variants), 4) if variants else None,
        "by_source": {source: f"{hit}/{total}" for source, (hit, total) in by_source.items()},
        "missed": [f"{row['a']} / {row['b']}" for row in variants if not joined(row)],
    }


def keyed_precision(words: list[str], labels: dict[str, Any]) -> dict[str, Any]:
    foreign = [w for w in words if labels.get(w) is True]
    arabic = [w for w in words if labels.get(w) is False]
    labelled = len(foreign) + len(arabic)
    return {
        "drawn": len(words),
        "labelled": labelled,
        "foreign": len(foreign),
        "arabic": len(arabic),
        "foreign_share": round(len(foreign) / labelled, 4) if labelled else None,
        "arabic_tokens": arabic,
        "unlabelled": [w for w in words if labels.get(w) is None],
    }


def speed(words: list[str], stream: list[str]) -> dict[str, Any]:
    """Tokens per second: uncached over distinct tokens, and cached over running text."""
    name_key.cache_clear()
    start = time.perf_counter()
    for word in words:
        name_key(word)
    uncached = time.perf_counter() - start
    start = time.perf_counter()
    for word in stream:
        name_key(word)
    cached = time.perf_counter() - start
    return {
        "distinct_tokens": len(words),
        "uncached_tokens_per_s": round(len(words) / uncached),
        "running_tokens": len(stream),
        "running_tokens_per_s": round(len(stream) / cached),
    }


def append_unlabelled(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("a", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def evaluate(snn: Path, ant_zip: Path | None, gold_path: Path, draw: bool) -> dict[str, Any]:
    """Every figure of the benchmark; with ``draw``, unlabelled drawn items go to the gold file."""
    counts = vocabulary(saudinewsnet(snn))
    words = sorted(word for word, count in counts.items() if count >= MIN_COUNT)
    found, baseline = groups(words, name_key), groups(words, plain_skeleton)
    drawn = {"sample": draw_pairs(found, SIZES["sample"])}
    drawn["baseline"] = draw_pairs(baseline, SIZES["baseline"])
    ant_counts: Counter[str] = Counter()
    ant_words: list[str] = []
    if ant_zip is not None:
        ant_counts = vocabulary(ant(ant_zip))
        ant_words = sorted(word for word, count in ant_counts.items() if count >= MIN_COUNT)
        drawn["heldout"] = draw_pairs(groups(ant_words, name_key), SIZES["heldout"])
    keyed = sorted((w for ws in found.values() for w in ws), key=_rank)[: SIZES["keyed"]]

    gold = [json.loads(line) for line in gold_path.read_text("utf-8").splitlines() if line]
    labels = {
        kind: {(row["a"], row["b"]): row["same"] for row in gold if row["kind"] == kind}
        for kind in drawn
    }
    keyed_labels = {row["a"]: row["foreign"] for row in gold if row["kind"] == "keyed"}
    if draw:
        new = [
            {"kind": kind, "a": p.a, "b": p.b, "same": None, "note": ""}
            for kind, pairs in drawn.items()
            for p in pairs
            if (p.a, p.b) not in labels[kind]
        ]
        new += [{"kind": "keyed", "a": w, "foreign": None, "note": ""} for w in keyed]
        new = [row for row in new if row["kind"] != "keyed" or row["a"] not in keyed_labels]
        append_unlabelled(gold_path, new)
        print(f"{len(new)} unlabelled rows appended to {gold_path}")
    variants = [row for row in gold if row["kind"] == "variant"]

    stream = [
        w for article in itertools.islice(saudinewsnet(snn), 3000) for w in lead_tokens(article)
    ]
    result: dict[str, Any] = {
        "benchmark": "name-keys",
        "machine": {"python": platform.python_version()},
        "vocabulary": {"distinct_tokens": len(counts), f"seen_{MIN_COUNT}_times": len(words)},
        "name_key": {
            **summary(found),
            "sample": precision(drawn["sample"], labels["sample"]),
            "keyed_sample": keyed_precision(keyed, keyed_labels),
            "variants": recall(variants, name_key),
        },
        "plain_skeleton": {
            **summary(baseline),
            "sample": precision(drawn["baseline"], labels["baseline"]),
            "variants": recall(variants, plain_skeleton),
        },
    }
    if ant_zip is not None:
        result["heldout_ant"] = {
            "vocabulary": {
                "distinct_tokens": len(ant_counts),
                f"seen_{MIN_COUNT}_times": len(ant_words),
            },
            **summary(groups(ant_words, name_key)),
            "sample": precision(drawn["heldout"], labels["heldout"]),
        }
    result["speed"] = speed(words, stream)
    return result


def print_report(result: dict[str, Any]) -> None:
    parts = [("name_key, SaudiNewsNet", result["name_key"])]
    if "heldout_ant" in result:
        parts.append(("name_key, ANT (held out)", result["heldout_ant"]))
    parts.append(("plain skeleton, SaudiNewsNet", result["plain_skeleton"]))
    rows = [
        {
            "key": name,
            "keyed tokens": part["keyed_tokens"],
            "keys": part["keys"],
            "joining keys": part["joining_keys"],
            "labelled pairs": part["sample"]["labelled"],
            "wrong": part["sample"]["wrong"],
            "precision": part["sample"]["precision"],
            "without و-only pairs": part["sample"]["precision_spellings"],
            "variant recall": (
                f"{part['variants']['joined']}/{part['variants']['pairs']}"
                if "variants" in part
                else ""
            ),
        }
        for name, part in parts
    ]
    columns = list(rows[0])
    widths = [max(len(c), *(len(str(row[c])) for row in rows)) for c in columns]
    print(" | ".join(f"{c:>{w}}" for c, w in zip(columns, widths, strict=True)))
    for row in rows:
        print(" | ".join(f"{row[c]!s:>{w}}" for c, w in zip(columns, widths, strict=True)))
    keyed = result["name_key"]["keyed_sample"]
    print(
        f"keyed tokens that are foreign names or loanwords: {keyed['foreign']}/{keyed['labelled']}"
    )
    print("speed:", result["speed"])
    for name, part in parts:
        if part["sample"]["unlabelled"]:
            print(f"{name}: {len(part['sample']['unlabelled'])} drawn pairs not labelled yet")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--data", type=Path, default=SHARED / "saudinewsnet")
    parser.add_argument("--ant", type=Path, default=SHARED / "ant" / "ant_v1.1.jsonl.zip")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--draw", action="store_true", help="append unlabelled drawn items")
    args = parser.parse_args()
    if not args.data.exists() or not any(args.data.glob("*.zip")):
        print(
            f"no SaudiNewsNet zips in {args.data}: skipping. Get the daily zips (data/*.zip) from "
            f"{SNN_URL} and pass --data DIR."
        )
        return
    ant_zip: Path | None = args.ant
    if not args.ant.exists():
        print(f"{args.ant} not found: skipping the held-out ANT sample (from {ANT_URL}).")
        ant_zip = None
    result = evaluate(args.data, ant_zip, args.gold, args.draw)
    print_report(result)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
