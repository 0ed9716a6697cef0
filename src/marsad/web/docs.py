"""The API's documentation page, ``/docs`` (Swagger UI), served offline.

FastAPI's own page loads its viewer from a CDN, which a machine without internet (a
newsroom's closed network, this project's CI) cannot reach: the page stays blank. The viewer
ships in the ``fastapi-offline`` package (Swagger UI 5, which reads the OpenAPI 3.1 schema
FastAPI writes); its files are served from ``/static/docs`` and named in the page instead, so
the page's policy allows scripts from this server only. FastAPI's second viewer, Redoc, is
left out: it fetches its logo from its maker's site whatever it is given.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Final

from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.docs import (
    get_swagger_ui_html,
    get_swagger_ui_oauth2_redirect_html,
)
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS: Final = "/static/docs"
PATHS: Final = frozenset({"/docs", "/docs/oauth2-redirect"})
# The viewer runs scripts (its own, and the inline one that starts it): none from elsewhere.
CSP: Final = (
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'"
)

router = APIRouter(include_in_schema=False)


def mount(app: FastAPI) -> None:
    """Serve the viewer's files and its page (the app is made with ``docs_url=None``)."""
    folder = Path(str(files("fastapi_offline") / "static"))
    app.mount(ASSETS, StaticFiles(directory=folder), name="docs-assets")
    app.include_router(router)


@router.get("/docs")
def swagger(request: Request) -> HTMLResponse:
    root = request.scope.get("root_path", "")
    return get_swagger_ui_html(
        openapi_url=f"{root}/openapi.json",
        title="Marsad API",
        oauth2_redirect_url=f"{root}/docs/oauth2-redirect",
        swagger_js_url=f"{root}{ASSETS}/swagger-ui-bundle.js",
        swagger_css_url=f"{root}{ASSETS}/swagger-ui.css",
        swagger_favicon_url=f"{root}{ASSETS}/favicon.png",
    )


@router.get("/docs/oauth2-redirect")
def swagger_redirect() -> HTMLResponse:
    return get_swagger_ui_oauth2_redirect_html()
