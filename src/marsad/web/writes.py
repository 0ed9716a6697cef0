"""Writes through the JSON API: ``POST /api/articles`` (one article or a batch, as JSON) and
``POST /api/ingest`` (a file's bytes: HTML, feed, WARC, JSON Lines, CSV, zip).

Both go through the command line's path (``Marsad.ingest``: reading, cleaning, storing, each
input's rejection recorded), then bring reuse links and events up to date unless asked not to,
and answer with the ingest report. A write needs ``Authorization: Bearer <api_token>`` when a
token is set; without one, writes are accepted only while the server listens on loopback.
Bodies past ``max_upload_bytes`` are refused (413) before they are read to the end.
"""

from __future__ import annotations

import hmac
import json
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Final, TypeVar
from urllib.parse import urlsplit

import anyio.to_thread
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse

from marsad.config import Settings
from marsad.shapes import ingest_report_dict
from marsad.web.state import writing

router = APIRouter(prefix="/api", tags=["api"])
LOOPBACK: Final = frozenset({"127.0.0.1", "::1", "localhost"})
Organize = Annotated[
    bool, Query(description="bring reuse links, events and storylines up to date after")
]


WRITE_THREADS: Final = 2
"""Writes through the API a server process runs at once, on threads of their own (the
application's ``state.writes``, made at its start): a long upload never takes the place of a
page (``app.READ_THREADS``)."""
_T = TypeVar("_T")

# What a page on another site can send without asking first (no CORS preflight): writes in
# these types are refused, so a web page the user visits cannot write to a local server.
SIMPLE_TYPES: Final = ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data")


def authorize(request: Request) -> None:
    """Refuse a write the server's settings do not allow (401 without the token, 403 when no
    token is set and the server listens beyond loopback), and any write another site's page
    could send: from another origin, or in a type a browser sends cross-site unasked (415)."""
    origin = request.headers.get("origin")
    if origin is not None and urlsplit(origin).netloc != request.headers.get("host", ""):
        raise HTTPException(403, f"writes from another origin ({origin}) are refused")
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if not kind or kind in SIMPLE_TYPES:
        raise HTTPException(
            415,
            "send writes as application/json (articles) or application/octet-stream (files), "
            f"not {kind or 'without a Content-Type'}",
        )
    settings: Settings = request.app.state.settings
    if settings.api_token:
        given = request.headers.get("authorization", "")
        wanted = f"Bearer {settings.api_token}"
        if not hmac.compare_digest(given.encode(), wanted.encode()):
            raise HTTPException(
                401,
                "writes need the header Authorization: Bearer <api_token>",
                headers={"WWW-Authenticate": 'Bearer realm="marsad"'},
            )
    elif request.app.state.host not in LOOPBACK:
        raise HTTPException(
            403,
            "this server listens beyond loopback and has no api_token: set MARSAD_API_TOKEN "
            "(or api_token in marsad.toml) to accept writes",
        )


async def read_body(request: Request) -> bytes:
    """The request's body, refused with 413 as soon as it passes ``max_upload_bytes``."""
    limit = request.app.state.settings.max_upload_bytes
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"the body is {int(declared):,} bytes; at most {limit:,} are read")
    found = bytearray()
    async for chunk in request.stream():
        found += chunk
        if len(found) > limit:
            raise HTTPException(413, f"the body passed {limit:,} bytes, the most that is read")
    if not found:
        raise HTTPException(400, "the body is empty")
    return bytes(found)


def _ingested(request: Request, path: Path, organize: bool) -> JSONResponse:
    with writing(request) as marsad:
        report = marsad.ingest([path])
        out: dict[str, Any] = ingest_report_dict(report, marsad.settings.db)
        del out["db"]  # the server's paths are not the client's business
        for rejection in out["rejected"]:
            rejection["origin"] = str(rejection["origin"]).replace(str(path.parent), "upload")
        if organize and report.articles:
            events = marsad.update_events()
            out["events"] = {"mode": events.mode, "seconds": round(events.seconds, 3)}
    status = 422 if report.rejected and not report.new_documents and not report.articles else 200
    return JSONResponse(out, status_code=status)


async def _in_write_thread(request: Request, work: Callable[..., _T], *args: Any) -> _T:
    limiter = getattr(request.app.state, "writes", None)  # None: the shared threads
    return await anyio.to_thread.run_sync(work, *args, limiter=limiter)


@router.post("/articles", summary="Store one article or a batch (JSON), as ingest does")
async def post_articles(request: Request, organize: Organize = True) -> JSONResponse:
    """The body is a JSON object or array of objects with the fields ``marsad ingest`` reads
    from JSON (``title``, ``content`` or ``body``, ``url``, ``source``, ``published`` or
    ``date``, …)."""
    authorize(request)
    raw = await read_body(request)
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise HTTPException(400, f"the body is not JSON: {exc}") from None
    except RecursionError:
        raise HTTPException(400, "the body is JSON nested too deeply to read") from None
    records = data if isinstance(data, list) else [data]
    if not records or not all(isinstance(r, dict) for r in records):
        raise HTTPException(422, "send one article as a JSON object, or a JSON array of them")
    with tempfile.TemporaryDirectory(prefix="marsad-post-") as folder:
        path = Path(folder) / "articles.json"
        path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        return await _in_write_thread(request, _ingested, request, path, organize)


@router.post("/ingest", summary="Store what an uploaded file holds, as ingest does")
async def post_file(
    request: Request,
    filename: Annotated[
        str,
        Query(
            min_length=1,
            max_length=200,
            pattern=r"^[^/\\]+$",
            description="the file's name; its extension tells its format (.html, .warc.gz, …)",
        ),
    ],
    organize: Organize = True,
) -> JSONResponse:
    """The body is the file's bytes (``curl --data-binary @news.jsonl``)."""
    authorize(request)
    raw = await read_body(request)
    # Only the extensions are kept (they tell the format): the name itself never reaches the
    # file system.
    suffix = "".join(Path(filename).suffixes[-2:]).lower()
    if not re.fullmatch(r"(?:\.[a-z0-9]{1,8}){0,2}", suffix):
        raise HTTPException(422, f"filename {filename!r} has no extension a format is known by")
    with tempfile.TemporaryDirectory(prefix="marsad-upload-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(raw)
        return await _in_write_thread(request, _ingested, request, path, organize)
