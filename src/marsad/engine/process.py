"""The per-document pipeline: extract → clean → normalize → language. Pure, so any engine runs it.

The local engine calls ``process_batch`` in worker processes; a Spark job can map it over
partitions. Same input, same output, wherever it runs.
"""

from __future__ import annotations

from marsad.arabic import normalize, stem_tokens, tokens
from marsad.clean.lang import identify
from marsad.clean.segment import Segment, split_segments
from marsad.ingest import extract
from marsad.ingest.sanitize import clean_name
from marsad.models import (
    Article,
    Extracted,
    PubDate,
    RawDocument,
    Rejection,
    RejectReason,
    article_id,
)
from marsad.store.records import StoredDocument
from marsad.store.rows import IndexText, Processed, article_row

Outcome = list[Article] | Rejection


def process_document(doc_id: str, doc: RawDocument) -> Outcome:
    """Turn one stored document into its articles, or say why it yields none."""
    extracted = extract(doc)
    if isinstance(extracted, Rejection):
        return extracted
    segments = split_segments(extracted.text, known_title=extracted.title)
    if not segments:
        return Rejection(
            doc.origin,
            RejectReason.NO_TEXT,
            "no report text was left after removing site chrome",
            len(doc.data),
        )
    articles: list[Article] = []
    for seq, segment in enumerate(segments):
        parent = articles[0].id if articles else None
        articles.append(_article(doc_id, doc, extracted, seq, segment, parent))
    return articles


def process_batch(batch: list[StoredDocument]) -> list[Processed]:
    """``process_document`` over a batch, as rows ready for the store with their index text."""
    out: list[Processed] = []
    for stored in batch:
        doc_id = stored.id
        outcome = process_document(doc_id, stored.document)
        if isinstance(outcome, Rejection):
            out.append(Processed(doc_id, rejection=outcome))
            continue
        index = []
        for a in outcome:
            title_tokens = tokens(a.norm_title)
            body_stems = stem_tokens(title_tokens + tokens(a.norm_body))
            index.append(IndexText(" ".join(title_tokens), " ".join(body_stems)))
        out.append(Processed(doc_id, [article_row(a) for a in outcome], index))
    return out


def _article(
    doc_id: str,
    doc: RawDocument,
    extracted: Extracted,
    seq: int,
    segment: Segment,
    parent: str | None,
) -> Article:
    body, spans = _join(segment.paragraphs)
    main = seq == 0
    published = segment.published
    if main and extracted.published:
        published = PubDate(extracted.published, "metadata", 0.95, "document metadata")
    outlet, provenance = segment.outlet, segment.outlet_provenance
    if main and extracted.site_name:
        outlet, provenance = extracted.site_name, "metadata"
    lang, score = identify(body)
    if main and extracted.lang and score < 0.5:
        lang, score = extracted.lang, 0.5
    return Article(
        id=article_id(doc_id, seq),
        document_id=doc_id,
        seq=seq,
        title=segment.title,
        body=body,
        paragraphs=spans,
        norm_title=normalize(segment.title or ""),
        norm_body=normalize(body),
        lang=lang,
        lang_score=round(score, 4),
        source=clean_name(doc.source),
        outlet=outlet,
        outlet_provenance=provenance,
        url=extracted.url if main else None,
        author=(extracted.author or segment.author) if main else segment.author,
        published=published,
        crawled=extracted.crawled,
        attributions=tuple(segment.attributions),
        removed=tuple(segment.removed),
        parent_id=parent,
        notes=extracted.notes,
    )


def _join(paragraphs: list[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for paragraph in paragraphs:
        spans.append((pos, pos + len(paragraph)))
        pos += len(paragraph) + 2
    return "\n\n".join(paragraphs), tuple(spans)
