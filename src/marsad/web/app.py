"""The web application: the JSON API under ``/api`` and the pages, on one database.

``create_app(settings)`` builds it; ``marsad serve`` runs it with uvicorn. Every answer carries
a Content-Security-Policy that allows nothing but this server's own stylesheet (no script at
all), so text from an article that slipped past escaping still could not run. Errors are JSON
under ``/api`` (``{"error": ...}``) and a page elsewhere, with the status that says whose fault
it was: 400 for a bad value, 404 for an unknown id, 422 for a malformed request, 503 while the
database is locked by a long write.

How a server process takes its load (README, "Web pages and JSON API"): it works on
``READ_THREADS`` requests at once and the others wait their turn in order, it closes a
kept-alive connection after one answer in ``KEEPALIVE_REQUESTS`` (at random), so that the
clients of a busy process come back to whichever process takes them first, and it leaves what
it holds once started out of the garbage collector's full passes (``_lifespan``).
"""

from __future__ import annotations

import contextlib
import gc
import os
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Final
from urllib.parse import urlsplit

import anyio
import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad import __version__
from marsad.config import Settings, load_settings
from marsad.errors import InputError, MarsadError, NotFoundError, StoreLockedError
from marsad.store.changes import Changes
from marsad.web import api, docs, feeds, pages, writes
from marsad.web.paging import PageError

CSP: Final = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
READ_THREADS: Final = 2
"""Requests a server process works on at once; the others wait their turn, first come first
served. Python runs one thread at a time, so more threads only share the processor among more
requests: each takes longer, and a request whose threads give up the lock to SQLite waits for
every other to hand it back. Writes through the API have threads of their own
(``writes.WRITE_THREADS``)."""
KEEPALIVE_REQUESTS: Final = 10
"""A kept-alive connection is closed after one answer in this many, at random (``Connection:
close``; the client opens another). Each process of ``marsad serve --workers N`` takes the
connections it finds waiting, so one may hold most of them while another idles; closing now and
then spreads them again, as nginx's ``keepalive_requests`` does."""
HEADERS: Final = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def from_environment() -> FastAPI:
    """The application as ``marsad serve --workers N`` starts it in each worker process: the
    settings from the environment (``MARSAD_DB`` …) and the host from ``MARSAD_SERVE_HOST``."""
    return create_app(load_settings(), os.environ.get("MARSAD_SERVE_HOST", "127.0.0.1"))


def loopback_name(header: str) -> bool:
    """Whether a Host header names this machine's loopback («localhost:8000», «[::1]:8000»)."""
    try:
        name = urlsplit(f"//{header}").hostname
    except ValueError:
        return False
    return name is not None and name in writes.LOOPBACK


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """The server process's threads: ``READ_THREADS`` for the requests it answers, and
    ``writes.WRITE_THREADS`` of their own for writes. What the process holds once started
    (the modules, the application) is left out of the garbage collector's full passes
    (``gc.freeze``): a pass over it took tens of milliseconds, every request of the process
    waiting for it, and longer when an ingest shared the processor."""
    anyio.to_thread.current_default_thread_limiter().total_tokens = READ_THREADS
    app.state.writes = anyio.CapacityLimiter(writes.WRITE_THREADS)
    gc.collect()
    gc.freeze()
    yield


def create_app(settings: Settings, host: str = "127.0.0.1") -> FastAPI:
    """The application for the database of ``settings`` (which must exist), served on
    ``host`` (writes without a token are refused beyond loopback: ``writes.authorize``; a
    server on loopback answers only requests addressed to a loopback name)."""
    app = FastAPI(
        title="Marsad",
        version=__version__,
        summary="Arabic-first news story tracker: storylines, events, copies, search.",
        docs_url=None,  # served from this package, not a CDN (``web/docs.py``)
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.state.settings = settings
    app.state.changes = Changes(settings.db)  # what the kept pages are kept by (``state``)
    app.state.host = host
    docs.mount(app)  # before /static, which would take /static/docs
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    app.include_router(api.router)
    app.include_router(writes.router)
    app.include_router(feeds.router)  # before the pages: /stories/X.atom is not a storyline id
    app.include_router(pages.router)

    @app.middleware("http")
    async def secure(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        if host in writes.LOOPBACK and not loopback_name(request.headers.get("host", "")):
            # a page of another site whose name was pointed at 127.0.0.1 (DNS rebinding)
            # reaches a loopback server under its own name: refuse it before anything runs
            response = answer(request, 400, "this server answers to localhost and 127.0.0.1 only")
        elif request.method == "HEAD":  # HEAD is GET without the body (link checkers, feed readers)
            request.scope["method"] = "GET"
            got = await call_next(request)
            request.scope["method"] = "HEAD"
            async for _ in got.body_iterator:  # type: ignore[attr-defined]
                pass  # drained, so the page's work ends; its headers say its length
            response = Response(status_code=got.status_code, headers=dict(got.headers))
        else:
            response = await call_next(request)
        viewer = request.url.path in docs.PATHS  # the API's documentation runs scripts
        response.headers["Content-Security-Policy"] = docs.CSP if viewer else CSP
        response.headers.update(HEADERS)
        if random.random() < 1 / KEEPALIVE_REQUESTS:  # spreading load, not a secret
            response.headers["Connection"] = "close"
        return response

    def answer(request: Request, status: int, message: str) -> Response:
        if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
            return JSONResponse({"error": message}, status_code=status)
        return pages.templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message}, status_code=status
        )

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        return answer(request, 404, str(exc))  # the store never names its file in these

    @app.exception_handler(PageError)
    async def bad_page(request: Request, exc: PageError) -> Response:
        return answer(request, 400, str(exc))

    @app.exception_handler(StoreLockedError)
    async def locked(request: Request, exc: StoreLockedError) -> Response:
        response = answer(request, 503, str(exc))
        response.headers["Retry-After"] = "5"
        return response

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> Response:
        return answer(request, 400, str(exc))

    @app.exception_handler(MarsadError)
    async def failed(request: Request, exc: MarsadError) -> Response:
        return answer(request, 500, str(exc))

    @app.exception_handler(RequestValidationError)
    async def malformed(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}"
            for e in exc.errors()
        )
        return answer(request, 422, problems or "malformed request")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        response = answer(request, exc.status_code, str(exc.detail))
        response.headers.update(exc.headers or {})  # Allow on a 405, WWW-Authenticate on a 401
        return response

    return app
