"""Rendering for the command line: JSON shapes and rich tables. No logic beyond presentation."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console
from rich.table import Table

from marsad.models import Article, Rejection

console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False)


def article_dict(a: Article, full: bool = False) -> dict[str, Any]:
    """The JSON shape of an article; ``full`` adds the body, credits and removed lines."""
    out: dict[str, Any] = {
        "id": a.id,
        "title": a.title,
        "source": a.source,
        "outlet": a.outlet,
        "outlet_provenance": a.outlet_provenance,
        "published": a.published.value,
        "date_provenance": a.published.provenance,
        "crawled": a.crawled,
        "lang": a.lang,
        "url": a.url,
        "words": len(a.body.split()),
        "parent_id": a.parent_id,
    }
    if full:
        out.update(
            {
                "document_id": a.document_id,
                "seq": a.seq,
                "author": a.author,
                "date_confidence": a.published.confidence,
                "date_evidence": a.published.evidence,
                "lang_score": a.lang_score,
                "attributions": list(a.attributions),
                "paragraphs": [list(p) for p in a.paragraphs],
                "body": a.body,
                "removed": [
                    {"line": r.line, "reason": r.reason, "text": r.text} for r in a.removed
                ],
            }
        )
    return out


def rejection_dict(r: Rejection) -> dict[str, Any]:
    return {"origin": r.origin, "reason": str(r.reason), "detail": r.detail, "size": r.size}


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def articles_table(articles: list[Article]) -> Table:
    table = Table(show_lines=False, header_style="bold")
    for name in ("id", "date", "outlet / source", "lang", "words"):
        table.add_column(name, no_wrap=True)
    table.add_column("title", overflow="fold", ratio=1)
    for a in articles:
        date = a.published.value or "—"
        if a.published.provenance != "unknown":
            date += f" ({a.published.provenance})"
        where = " / ".join(x for x in (a.outlet, a.source) if x) or "—"
        table.add_row(a.id, date, where, a.lang, str(len(a.body.split())), a.title or "—")
    return table


def rejections_table(rejections: list[Rejection]) -> Table:
    table = Table(header_style="bold")
    for name in ("input", "reason", "detail"):
        table.add_column(name, overflow="fold")
    for r in rejections:
        table.add_row(r.origin, str(r.reason), r.detail)
    return table
