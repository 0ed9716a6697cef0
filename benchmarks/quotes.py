"""Benchmark: who said what, against quotes labelled by reading (issue 14).

    make bench-quotes     # or: python benchmarks/quotes.py

Each document of ``benchmarks/gold/quotes.jsonl`` (the five seeds, and the first 300 words of
138 SaudiNewsNet articles; ``benchmarks/gold/README_quotes.md``) is read as the entities stage
reads an article (``analyze.entities.article_entities`` then ``analyze.quotes.find_quotes``),
and its quotes are matched one to one with the labelled ones, greedily by overlap:

- **span**: the characters of the found quote and the labelled one overlap by at least half of
  their union;
- **speaker**: the speaker found and the labelled one, folded as search folds (and «لل» read as
  «ال»), are equal or one holds the other («الخفاجي» / «تحسين الخفاجي»); a quote whose speaker
  was not found never matches.

Precision and recall of span alone and of speaker + span, on the development split (the
seeds and 16 SaudiNewsNet articles: the extractor was written and tuned reading them), on the
second to sixth development rounds (24, 20, 21, 20 and 21 SaudiNewsNet articles of other
days, each corrected on after a first look) and on the test split (16 other SaudiNewsNet
articles, read by nobody who worked on the extractor and never tuned on), and the time taken.
Prints a table and writes benchmarks/results/quotes.json.

Data: SaudiNewsNet (https://github.com/parallelfold/SaudiNewsNet) and the seeds, under
../shared/data.
"""

from __future__ import annotations

import argparse
import json
import time
import zipfile
from pathlib import Path
from typing import Any

from marsad.analyze.entities import article_entities
from marsad.analyze.quotes import Quote, find_quotes
from marsad.arabic.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared" / "data").resolve()
GOLD = ROOT / "benchmarks" / "gold" / "quotes.jsonl"
RESULTS = ROOT / "benchmarks" / "results"
MIN_OVERLAP = 0.5


def document(row: dict[str, Any]) -> str:
    """The text a gold line was labelled on."""
    if row["source"] == "seeds":
        return (SHARED / "seeds" / f"{row['doc']}.txt").read_text(encoding="utf-8")
    with zipfile.ZipFile(SHARED / "saudinewsnet" / f"{row['day']}.zip") as archive:
        record = json.loads(archive.read(archive.namelist()[0]))[int(row["index"])]
    words = (record.get("content") or "").split()[: int(row["words"])]
    return f"{record.get('title') or ''}\n{' '.join(words)}"


def gold_spans(text: str, quotes: list[dict[str, Any]], doc: str) -> list[tuple[int, int, str]]:
    """Each labelled quote's span in ``text`` (found after the one before) and its speaker."""
    found = []
    cursor = 0
    for quote in quotes:
        at = text.find(quote["text"], cursor)
        if at == -1:
            at = text.find(quote["text"])  # a quote labelled out of order
        if at == -1:
            raise SystemExit(f"{doc}: the labelled text {quote['text'][:40]!r} is not in it")
        found.append((at, at + len(quote["text"]), quote["speaker"]))
        cursor = at + 1
    return found


def _fold(name: str) -> str:
    words = [("ال" + w[2:]) if w.startswith("لل") else w for w in normalize(name).split()]
    return " ".join(words)


def same_speaker(found: str | None, gold: str) -> bool:
    if not found:
        return False
    a, b = _fold(found), _fold(gold)
    return a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} "


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def score(found: list[Quote], gold: list[tuple[int, int, str]]) -> tuple[int, int]:
    """How many found quotes match a labelled one by span, and by span and speaker."""
    pairs = sorted(
        (
            (overlap((q.start, q.end), (g[0], g[1])), i, j)
            for i, q in enumerate(found)
            for j, g in enumerate(gold)
        ),
        reverse=True,
    )
    used_found: set[int] = set()
    used_gold: set[int] = set()
    spans = speakers = 0
    for value, i, j in pairs:
        if value < MIN_OVERLAP:
            break
        if i in used_found or j in used_gold:
            continue
        used_found.add(i)
        used_gold.add(j)
        spans += 1
        speakers += same_speaker(found[i].speaker, gold[j][2])
    return spans, speakers


def evaluate(show: bool = False) -> tuple[dict[str, dict[str, float]], int, float]:
    """Scores of every split (and split and source): gold and found counts, span and speaker
    + span precision and recall; with the number of documents and the seconds taken
    (``show``: print the development documents' misses)."""
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    totals: dict[str, list[int]] = {}
    seconds = 0.0
    for row in rows:
        text = document(row)
        gold = gold_spans(text, row["quotes"], row["doc"])
        started = time.perf_counter()
        found = find_quotes(text, article_entities(text))
        seconds += time.perf_counter() - started
        spans, speakers = score(found, gold)
        for name in (f"{row['split']} {row['source']}", row["split"]):
            counts = totals.setdefault(name, [0, 0, 0, 0])
            counts[0] += len(gold)
            counts[1] += len(found)
            counts[2] += spans
            counts[3] += speakers
        if (
            show
            and row["split"].startswith("development")
            and (spans < len(gold) or spans < len(found) or speakers < spans)
        ):
            doc = row["doc"]
            print(f"\n== {doc}: gold {len(gold)}, found {len(found)}, {spans}, {speakers}")
            for q in found:
                print(f"  found [{q.verb}] {q.speaker}: {q.text[:60]}")
            for g in row["quotes"]:
                print(f"  gold  [{g['verb']}] {g['speaker']}: {g['text'][:60]}")
    result = {
        name: {
            "gold": gold_n,
            "found": found_n,
            "span_precision": round(spans / found_n, 4) if found_n else 0.0,
            "span_recall": round(spans / gold_n, 4) if gold_n else 0.0,
            "precision": round(both / found_n, 4) if found_n else 0.0,
            "recall": round(both / gold_n, 4) if gold_n else 0.0,
        }
        for name, (gold_n, found_n, spans, both) in totals.items()
    }
    return result, len(rows), seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--out", type=Path, default=RESULTS / "quotes.json")
    parser.add_argument("--show", action="store_true", help="print each document's misses")
    args = parser.parse_args()
    scores, documents, seconds = evaluate(args.show)
    print(f"{'set':<34} {'gold':>5} {'found':>6} {'span P':>7} {'span R':>7} {'P':>6} {'R':>6}")
    for name, row in scores.items():
        print(
            f"{name:<34} {row['gold']:>5} {row['found']:>6} {row['span_precision']:>7.3f} "
            f"{row['span_recall']:>7.3f} {row['precision']:>6.3f} {row['recall']:>6.3f}"
        )
    print(f"entities and quotes of {documents} documents in {seconds:.1f} s (one core)")
    result: dict[str, Any] = {**scores, "seconds": round(seconds, 2)}
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
