"""Benchmark: pages/s of the HTML path (extraction, then cleaning) next to trafilatura alone.

    python benchmarks/html_speed.py [--pages 300] [--rounds 5] [--data DIR]

The pages are generated, the same every run: SaudiNewsNet reports (../shared/data/saudinewsnet,
CC BY-NC-SA 4.0, from https://github.com/parallelfold/SaudiNewsNet) wrapped in the chrome of a
real Arabic news page — menus, a breaking-news ticker, breadcrumbs, share bars, an inline
«اقرأ أيضاً» teaser and an advert in some reports, tags, related and most-read lists, a comment
form, a footer, inline scripts and styles (about 65 KB a page). Rows, each the best of
``--rounds`` passes in CPU time, all passes interleaved so a busy machine slows every row alike:

- ``trafilatura.extract()``: trafilatura with its defaults (no metadata);
- ``bare_extraction, no metadata`` / ``metadata``: what reading the page's title, date, author
  and site name costs (Marsad stores all four);
- ``bare_extraction (Marsad's settings)``: precision mode, metadata, no comments;
- ``extract_html``: Marsad's extractor (decoding, trafilatura, paragraph lines, title line);
- ``extract_html + split_segments``: the HTML path up to clean reports;
- ``process_document``: the whole per-document pipeline (normalization, language too).

Prints a table and writes benchmarks/results/html_speed.json.
"""

from __future__ import annotations

import argparse
import gc
import html
import json
import platform
import random
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import trafilatura

from marsad.clean import split_segments
from marsad.engine.process import process_document
from marsad.ingest.html import _DATE_PARAMS, extract_html, read_html
from marsad.ingest.options import ReadOptions
from marsad.models import RawDocument

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = (ROOT / ".." / "shared" / "data" / "saudinewsnet").resolve()
SECTIONS = ("الرئيسية", "محليات", "سياسة", "اقتصاد", "رياضة", "ثقافة", "تقنية", "صحة", "فيديو")


def generate(data: Path, count: int) -> list[bytes]:
    """``count`` news pages built from SaudiNewsNet reports of more than 120 words."""
    records = []
    for path in sorted(data.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                records.extend(
                    r for r in json.loads(archive.read(name)) if len(r["content"].split()) > 120
                )
    rng = random.Random(7)
    rng.shuffle(records)
    titles = [r["title"] for r in records[:2000]]
    return [_page(r, n, titles, rng).encode() for n, r in enumerate(records[:count])]


def _links(titles: list[str], rng: random.Random, count: int) -> str:
    return "".join(
        f'<li><a href="/news/{rng.randint(1, 10**6)}"><img src="/i/{rng.randint(1, 999)}.jpg" '
        f'alt=""><span>{html.escape(t)}</span></a><time>2015-07-{rng.randint(10, 30)}</time></li>'
        for t in rng.sample(titles, count)
    )


def _page(record: dict[str, str], n: int, titles: list[str], rng: random.Random) -> str:
    paragraphs = [p.strip() for p in record["content"].split("\n") if p.strip()]
    body = []
    for k, text in enumerate(paragraphs):
        body.append(f"<p>{html.escape(text)}</p>")
        if k == 1 and n % 3 == 0:
            teaser = html.escape(rng.choice(titles))
            body.append(f'<div><strong>اقرأ أيضاً:</strong> <a href="/x">{teaser}</a></div>')
        if k == 2 and n % 5 == 0:
            body.append('<div class="ad"><span>إعلان</span><ins class="adsbygoogle"></ins></div>')
    title, source = html.escape(record["title"]), record["source"]
    date = record["date_extracted"].replace(" ", "T") + "+03:00"
    menu = "".join(
        f'<li><a href="/{s}">{s}</a><ul>{_links(titles, rng, 4)}</ul></li>' for s in SECTIONS
    )
    tags = "".join(f'<a href="/tag/{w}">{w}</a>' for w in record["title"].split()[:5])
    script = ";".join(f"var a{i}=function(x){{return x*{i}}}" for i in range(300))
    style = "".join(f".c{i}{{margin:{i}px;color:#{i:06x}}}" for i in range(400))
    parts = (
        '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">',
        f'<title>{title} | {source}</title><meta property="og:title" content="{title}">',
        f'<meta property="og:site_name" content="{source}">',
        f'<meta property="article:published_time" content="{date}">',
        f'<link rel="canonical" href="{html.escape(record["url"])}">',
        f"<style>{style}</style><script>{script}</script></head><body>",
        f"<header><nav><ul>{menu}</ul></nav>",
        f'<div class="ticker"><span>عاجل</span><ul>{_links(titles, rng, 8)}</ul></div></header>',
        '<div class="breadcrumbs"><a href="/">الرئيسية</a> » <a href="/local">محليات</a> »',
        f"<span>{title}</span></div><main><article><h1>{title}</h1>",
        f'<div class="meta"><time datetime="{date}">{date}</time></div>',
        '<div class="share"><a href="#">شارك</a><a href="#">تويتر</a><a href="#">فيسبوك</a></div>',
        f'<div class="entry-content">{"".join(body)}</div>',
        f'<div class="tags"><span>الوسوم:</span>{tags}</div></article>',
        f'<section class="related"><h3>أخبار ذات صلة</h3><ul>{_links(titles, rng, 6)}</ul>',
        '</section><section id="comments"><h3>التعليقات</h3><form><textarea></textarea>',
        "<button>إرسال التعليق</button></form></section></main>",
        f"<aside><h3>الأكثر قراءة</h3><ol>{_links(titles, rng, 10)}</ol>",
        f"<h3>آخر الأخبار</h3><ul>{_links(titles, rng, 10)}</ul></aside>",
        f"<footer><p>جميع الحقوق محفوظة © {source} 2015</p>",
        '<a href="/privacy">سياسة الخصوصية</a></footer></body></html>',
    )
    return "\n".join(parts)


def rows(pages: list[bytes]) -> dict[str, Callable[[], object]]:
    """One callable per row, each over all pages."""
    texts = [page.decode() for page in pages]
    docs: list[RawDocument] = []
    for page in pages:
        (doc,) = read_html(page, "page.html", ReadOptions())
        assert isinstance(doc, RawDocument)
        docs.append(doc)

    def marsad_path() -> None:
        for doc in docs:
            found = extract_html(doc)
            assert not isinstance(found, Exception) and hasattr(found, "text")
            split_segments(found.text, known_title=found.title)  # type: ignore[union-attr]

    def bare(**settings: object) -> Callable[[], object]:
        return lambda: [
            trafilatura.bare_extraction(
                t,
                include_comments=False,
                include_tables=True,
                include_images=False,
                include_links=False,
                **settings,  # type: ignore[arg-type]
            )
            for t in texts
        ]

    return {
        "trafilatura.extract()": lambda: [trafilatura.extract(t) for t in texts],
        "bare_extraction, no metadata": bare(with_metadata=False),
        "bare_extraction, metadata": bare(with_metadata=True, date_extraction_params=_DATE_PARAMS),
        "bare_extraction (Marsad's settings)": bare(
            favor_precision=True, with_metadata=True, date_extraction_params=_DATE_PARAMS
        ),
        "extract_html": lambda: [extract_html(doc) for doc in docs],
        "extract_html + split_segments": marsad_path,
        "process_document": lambda: [process_document("0" * 64, doc) for doc in docs],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    pages = generate(args.data, args.pages)
    runs = rows(pages)
    seconds: dict[str, list[float]] = {name: [] for name in runs}
    for run in runs.values():  # a warm-up pass: imports, caches, compiled patterns
        run()
    for _ in range(args.rounds):
        for name, run in runs.items():
            gc.collect()
            start = time.process_time()
            run()
            seconds[name].append(time.process_time() - start)
    results = {
        name: {
            "pages_per_s": round(len(pages) / min(s), 1),
            "ms_per_page": round(1000 * min(s) / len(pages), 2),
        }
        for name, s in seconds.items()
    }
    print(f"{len(pages)} pages, {sum(map(len, pages)) / len(pages) / 1024:.0f} KB each on average")
    for name, row in results.items():
        print(f"{name:38s} {row['pages_per_s']:7.1f} pages/s {row['ms_per_page']:7.2f} ms/page")
    out = ROOT / "benchmarks" / "results" / "html_speed.json"
    out.write_text(
        json.dumps(
            {
                "pages": len(pages),
                "rounds": args.rounds,
                "machine": platform.machine(),
                "rows": results,
            },
            indent=2,
        )
        + "\n"
    )


if __name__ == "__main__":
    main()
