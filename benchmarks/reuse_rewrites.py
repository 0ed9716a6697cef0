"""Benchmark: light rewrites (every k-th word changed) found through the path a user runs.

    python benchmarks/reuse_rewrites.py [--data DIR] [--per-k N] [--seed S] [--held-out]
                                        [--context N] [--speed [--repeat R] [--datasketch]]

Takes the articles of the two crawl days of SaudiNewsNet the gold events label (7-8 August
2015), picks ``--per-k`` gold-labelled originals (at least 120 words) for each k in 4, 5, 6,
8, 10 and plants one rewrite of each:
every k-th word (from a random offset) loses its «ال», loses or gains a «و», is swapped for
another frequent word of the corpus, or is deleted (one of those at random). The days and the
rewrites go into a fresh database with ``Marsad.ingest`` and are linked with ``update_reuse``:
the days first, then the rewrites (the stored, incremental path), and, in another database,
all at once (the batch path). Reported: recall per k (the rewrite is linked to its original)
on both paths, and every link the rewrite stage adds on the stored path (the links a run with
the stage off does not make), judged: true when it joins a rewrite (or its original) to its
original or to an article that shares text with it without the stage; false when its two
articles (for a rewrite: its original) belong to different gold events; otherwise left to
read (a sample is printed); links that judge does not call true are looked up among the
links read by hand (``gold/reuse_rewrites_read.jsonl``), and the precision with those
labels is printed beside. The stage's thresholds were chosen on these days;
``--held-out`` runs the same on the held-out crawl day instead (25 July 2015, every article
of it labelled in ``saudinewsnet_events_july.jsonl``; writes reuse_rewrites_heldout.json).
``--context N`` first stores and links the N crawl days before the first gold day, as a
user's store would hold them (which word pairs are too common to seek a rewrite by is counted
over what is stored), then goes on as above; only links between articles of the gold days and
the rewrites are judged (writes ``..._contextN.json``).
``--speed`` also times ``find_reuse`` on all of SaudiNewsNet with the stage on and off (and
``--datasketch``: datasketch MinHash-LSH in the same run). Writes
benchmarks/results/reuse_rewrites.json.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = (ROOT / ".." / "shared" / "data" / "saudinewsnet").resolve()
RESULTS = ROOT / "benchmarks" / "results"
KS = (4, 5, 6, 8, 10)
_ARABIC_WORD = re.compile(r"^[\u0621-\u064a]+$")


def day_records(path: Path) -> list[dict[str, Any]]:
    """The records of one daily zip that have a body."""
    with zipfile.ZipFile(path) as archive:
        records: list[dict[str, Any]] = []
        for name in archive.namelist():
            records += json.loads(archive.read(name))
    return [r for r in records if (r.get("content") or "").strip()]


def frequent_words(records: list[dict[str, Any]], count: int = 300) -> list[str]:
    """The most frequent Arabic words of the records: what a swapped word is replaced by."""
    counts = Counter(
        w for r in records for w in r["content"].split() if _ARABIC_WORD.match(w) and len(w) > 2
    )
    return [w for w, _ in counts.most_common(count)]


def rewrite(text: str, k: int, rng: random.Random, vocab: list[str]) -> str:
    """``text`` with every k-th word (from a random offset) changed as an editor would."""
    lines = text.split("\n")
    out_lines = []
    counter = rng.randrange(k)
    for line in lines:
        words = line.split(" ")
        out: list[str] = []
        for word in words:
            if not word:
                out.append(word)
                continue
            counter += 1
            if counter % k:
                out.append(word)
                continue
            changed = _change(word, rng, vocab)
            if changed:
                out.append(changed)
        out_lines.append(" ".join(out))
    return "\n".join(out_lines)


def _change(word: str, rng: random.Random, vocab: list[str]) -> str:
    """One editor's change of ``word``; an empty string deletes it."""
    options = ["swap", "delete", "waw"]
    if word.startswith(("ال", "وال")) and len(word) > 4:
        options.append("al")
    choice = rng.choice(options)
    if choice == "al":
        return word.replace("ال", "", 1)
    if choice == "waw":
        return word[1:] if word.startswith("و") and len(word) > 3 else "و" + word
    if choice == "swap":
        other = rng.choice(vocab)
        return other if other != word else rng.choice(vocab)
    return ""


# -- the run -------------------------------------------------------------------------------

GOLD = ROOT / "benchmarks" / "gold" / "saudinewsnet_events.jsonl"
GOLD_DAYS = ("2015-08-07", "2015-08-08")  # the crawl days the gold events label
HELD_OUT = ROOT / "benchmarks" / "gold" / "saudinewsnet_events_july.jsonl"
HELD_OUT_DAYS = ("2015-07-25",)  # never tuned on: every article of the day is labelled
READ = ROOT / "benchmarks" / "gold" / "reuse_rewrites_read.jsonl"  # links read (README_reuse_read)


def read_labels(path: Path = READ) -> dict[frozenset[str], bool]:
    """Links read by hand, by their two urls: True when the two texts share a reused passage,
    False when what they share is an issuer's template with other names in it."""
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return {frozenset((r["a"], r["b"])): r["verdict"] == "reuse" for r in rows}


def gold_events(path: Path = GOLD) -> dict[str, str]:
    """Event label by url, from a hand-labelled gold partition."""
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return {r["url"]: r["event"] for r in rows}


def plant(
    records: list[dict[str, Any]], gold: dict[str, str], per_k: int, seed: int
) -> list[dict[str, Any]]:
    """``per_k`` rewrites for each k, of distinct gold-labelled originals of 120+ words."""
    rng = random.Random(seed)
    vocab = frequent_words(records)
    originals = sorted(
        (r for r in records if r["url"] in gold and len(r["content"].split()) >= 120),
        key=lambda r: r["url"],
    )
    picks = rng.sample(originals, min(len(originals), per_k * len(KS)))
    planted = []
    for n, original in enumerate(picks):
        k = KS[n % len(KS)]
        planted.append(
            {
                "source": "planted",
                "url": f"planted://{k}/{n}",
                "date_extracted": original["date_extracted"],
                "title": f"{original['title']} ({n})",
                "content": rewrite(original["content"], k, rng, vocab),
                "original": original["url"],
                "k": k,
            }
        )
    return planted


def run_path(
    folder: Path,
    days: Path,
    rewrites: Path,
    on: bool,
    together: bool = False,
    context: Path | None = None,
) -> tuple[dict[str, str], set[tuple[str, str, str]]]:
    """Ingest the days, link, ingest the rewrites, link again (the stored path; ``together``:
    ingest both, then link once, the batch path): the first article id of each url and the
    links, as ``(a, b, kind)``. ``context``: crawl days ingested and linked first, as the
    store a user adds the days to holds them (in the batch path, ingested with the rest)."""
    from marsad import Marsad
    from marsad.link.reuse import ReuseParams

    params = ReuseParams() if on else ReuseParams(rewrites=None)
    name = f"{'on' if on else 'off'}-{'batch' if together else 'stored'}.db"
    with Marsad(folder / name) as m:
        if context is not None:
            m.ingest([context])
            if not together:
                m.update_reuse(params)
        m.ingest([days])
        if not together:
            m.update_reuse(params)
        m.ingest([rewrites])
        m.update_reuse(params)
        by_url: dict[str, str] = {}
        for article in sorted(m.articles(), key=lambda a: a.id):
            if article.url and article.parent_id is None:
                by_url.setdefault(article.url, article.id)
        links = {(x.a, x.b, x.kind) for x in m.reuse_links()}
    return by_url, links


def recall(
    planted: list[dict[str, Any]], by_url: dict[str, str], links: set[tuple[str, str, str]]
) -> dict[str, float]:
    """The share of each k's rewrites linked to their original."""
    linked = {(a, b) for a, b, _ in links}
    out = {}
    for k in KS:
        mine = [p for p in planted if p["k"] == k]
        hits = 0
        for p in mine:
            a, b = by_url.get(p["url"]), by_url.get(p["original"])
            hits += bool(a and b and (min(a, b), max(a, b)) in linked)
        out[f"k{k}"] = round(hits / max(len(mine), 1), 3)
    return out


def evaluate(
    per_k: int, seed: int, data: Path, held_out: bool = False, context: int = 0
) -> dict[str, Any]:
    """Recall per k, precision and the links to read, through ingest and update_reuse
    (``context``: that many crawl days before the first gold day in the store first; only
    links between articles of the gold days and the rewrites are judged)."""
    crawl_days, gold_path = (HELD_OUT_DAYS, HELD_OUT) if held_out else (GOLD_DAYS, GOLD)
    records = [r for day in crawl_days for r in day_records(data / f"{day}.zip")]
    before = sorted(p.stem for p in data.glob("*.zip") if p.stem < min(crawl_days))
    context_days = before[len(before) - context :] if context else []
    earlier = [r for day in context_days for r in day_records(data / f"{day}.zip")]
    gold = gold_events(gold_path)
    planted = plant(records, gold, per_k, seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        days, rewrites = folder / "days.json", folder / "rewrites.json"
        days.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        rewrites.write_text(json.dumps(planted, ensure_ascii=False), encoding="utf-8")
        held: Path | None = None
        if earlier:
            held = folder / "context.json"
            held.write_text(json.dumps(earlier, ensure_ascii=False), encoding="utf-8")
        start = time.perf_counter()
        _, off = run_path(folder, days, rewrites, on=False, context=held)
        seconds_off = time.perf_counter() - start
        start = time.perf_counter()
        by_url, on = run_path(folder, days, rewrites, on=True, context=held)
        seconds_on = time.perf_counter() - start
        by_url_batch, on_batch = run_path(
            folder, days, rewrites, on=True, together=True, context=held
        )
    url_of = {article_id: url for url, article_id in by_url.items()}
    pairs_off = {(a, b) for a, b, _ in off}
    judged_urls = {r["url"] for r in records + planted}
    added = sorted(
        x
        for x in on
        if (x[0], x[1]) not in pairs_off
        and (not earlier or {url_of.get(x[0]), url_of.get(x[1])} <= judged_urls)
    )
    family = _families(off, url_of)  # an original and its copies found without the stage
    result: dict[str, Any] = {
        "days": list(crawl_days),
        "context_days": context_days,
        "context_articles": len(earlier),
        "gold": gold_path.name,
        "thresholds_chosen_on_these_days": not held_out,
        "articles": len(records),
        "planted": len(planted),
    }
    result["recall_stored"] = recall(planted, by_url, on)
    result["recall_batch"] = recall(planted, by_url_batch, on_batch)
    true = false = unjudged = 0
    read = read_labels()
    read_true = read_false = unread = 0
    texts = {r["url"]: r["content"] for r in records + planted}
    samples: list[tuple[str, str, str]] = []
    false_kinds: Counter[str] = Counter()
    for a, b, kind in added:
        ua, ub = url_of.get(a, ""), url_of.get(b, "")
        verdict = _judge(ua, ub, planted, gold, family)
        if verdict is not True:  # what reading said of it, where it was read
            label = read.get(frozenset((ua, ub)))
            read_true += label is True
            read_false += label is False
            unread += label is None
        if verdict is True:
            true += 1
        elif verdict is False:
            false += 1
            false_kinds[kind] += 1
            samples.append((f"FALSE ({kind})", ua, ub))
            if sum(v.startswith("FALSE") for v, _, _ in samples) <= 5:
                print(
                    f"FALSE {ua}\n  {texts.get(ua, '')[:300]}\n  {ub}\n  {texts.get(ub, '')[:300]}"
                )
        else:
            unjudged += 1
            if len(samples) < 20:
                samples.append(("same event or unlabelled", ua, ub))
    result.update(
        added_links=len(added),
        added_true=true,
        added_false=false,
        added_false_by_kind=dict(false_kinds),
        added_unjudged=unjudged,
        precision_judged=round(true / max(true + false, 1), 4),
        read_reuse=read_true,
        read_template=read_false,
        unread=unread,
        precision_read=(  # only when every link the judge left was read
            None if unread else round((true + read_true) / max(true + read_true + read_false, 1), 4)
        ),
        existing_links_changed=len({(a, b) for a, b, _ in off} - {(a, b) for a, b, _ in on}),
        seconds_stage_off=round(seconds_off, 1),
        seconds_stage_on=round(seconds_on, 1),
        to_read=samples,
    )
    return result


def _families(links: set[tuple[str, str, str]], url_of: dict[str, str]) -> dict[str, set[str]]:
    """Each url's set of urls that share text with it without the stage (any kind)."""
    family: dict[str, set[str]] = {}
    for a, b, _ in links:
        ua, ub = url_of.get(a, a), url_of.get(b, b)
        family.setdefault(ua, {ua}).add(ub)
        family.setdefault(ub, {ub}).add(ua)
    return family


def _judge(
    ua: str,
    ub: str,
    planted: list[dict[str, Any]],
    gold: dict[str, str],
    family: dict[str, set[str]],
) -> bool | None:
    """True: a planted rewrite and its original or an article sharing text with it; False:
    two articles (for a rewrite: its original) of different gold events; None: to read (same
    gold event, or unlabelled: it may be a real rewrite of the same wire copy)."""
    origin = {p["url"]: p["original"] for p in planted}
    ua, ub = origin.get(ua, ua), origin.get(ub, ub)
    if ua == ub or ub in family.get(ua, set()):
        return True
    if ua in gold and ub in gold and gold[ua] != gold[ub]:
        return False
    return None


def speed(data: Path, repeat: int, datasketch: bool = False) -> dict[str, Any]:
    """``find_reuse`` on all of SaudiNewsNet (2 threads), the rewrite stage on and off,
    interleaved, best of ``repeat``; CPU seconds too (the machine may be shared); and
    (``datasketch``) datasketch MinHash-LSH once, as ``reuse_methods.py`` runs it."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from reuse_data import load_bodies, normalize_all

    from marsad.link.reuse import ReuseParams, find_reuse

    docs = normalize_all(load_bodies(data))
    best: dict[str, tuple[float, float, int]] = {}
    for _ in range(repeat):
        for name, params in (("off", ReuseParams(rewrites=None)), ("on", ReuseParams())):
            wall, cpu = time.perf_counter(), time.process_time()
            pairs = find_reuse(docs, params, workers=2)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            if name not in best or wall < best[name][0]:
                best[name] = (wall, cpu, len(pairs))
    if datasketch:
        from reuse_methods import datasketch_lsh

        wall = time.perf_counter()
        datasketch_lsh(docs)
        best["datasketch"] = (time.perf_counter() - wall, 0.0, 0)
    return {
        "articles": len(docs),
        **{
            f"stage_{name}": {
                "seconds": round(wall, 2),
                "cpu_seconds": round(cpu, 2),
                "articles_per_s": round(len(docs) / wall),
                "pairs": pairs,
            }
            for name, (wall, cpu, pairs) in best.items()
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--per-k", type=int, default=40)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--datasketch", action="store_true", help="time datasketch too")
    parser.add_argument("--held-out", action="store_true", help="the held-out day (25 July)")
    parser.add_argument(
        "--context", type=int, default=0, help="crawl days before the gold days stored first"
    )
    args = parser.parse_args()
    quality = evaluate(args.per_k, args.seed, args.data, args.held_out, args.context)
    result: dict[str, Any] = {"quality": quality}
    if args.speed:
        result["speed"] = speed(args.data, args.repeat, args.datasketch)
    for path in ("stored", "batch"):
        found = quality[f"recall_{path}"]
        print(f"recall per k, {path} path: " + ", ".join(f"k={k} {found[f'k{k}']}" for k in KS))
    print(
        f"links the stage added: {quality['added_links']} (true {quality['added_true']}, "
        f"false {quality['added_false']} {quality['added_false_by_kind']}, "
        f"to read {quality['added_unjudged']}); "
        f"precision of the judged {quality['precision_judged']}; existing links changed "
        f"{quality['existing_links_changed']}"
    )
    print(
        f"the others, read (gold/README_reuse_read.md): reuse {quality['read_reuse']}, "
        f"template {quality['read_template']}, unread {quality['unread']}; precision with "
        f"them {quality['precision_read'] if quality['precision_read'] is not None else '-'}"
    )
    for verdict, ua, ub in quality["to_read"]:
        print(f"  {verdict}: {ua}  {ub}")
    if "speed" in result:
        for name in [n[6:] for n in result["speed"] if n.startswith("stage_")]:
            s = result["speed"][f"stage_{name}"]
            print(
                f"find_reuse, all SaudiNewsNet, stage {name}: {s['seconds']} s "
                f"({s['articles_per_s']} art/s, {s['cpu_seconds']} CPU s, {s['pairs']} pairs)"
            )
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = "reuse_rewrites_heldout" if args.held_out else "reuse_rewrites"
    name += f"_context{args.context}.json" if args.context else ".json"
    (RESULTS / name).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
