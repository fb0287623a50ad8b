"""The web application: a JSON API under /api and server-rendered pages, over one store.

The app only reads the store. ``allow_extract`` turns on POST /api/extract, which runs
the pipeline on a posted text and stores nothing. Every page is self-contained: its CSS
and JS are served from /static, and /docs renders the OpenAPI description on the server,
so the app works with no internet.
"""

from __future__ import annotations

import gc
import json
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsgraph import __version__
from newsgraph.api import DEFAULT_MAX_BODY, routes_api, routes_counts, routes_pages
from newsgraph.api.templating import templates
from newsgraph.errors import ArticleNotFound, EntityNotFound, StoreError

if TYPE_CHECKING:
    from newsgraph.store import Store

HERE = Path(__file__).resolve().parent

# Pages load nothing from elsewhere and run no inline script: a stray tag in an article cannot act.
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    """Adds the security headers to every response (pure ASGI: no buffering of bodies)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = False

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        try:
            await self.app(scope, receive, with_headers)
        except Exception:
            # A bug: answered here, inside this middleware, so that the answer has the headers too
            # and the connection is closed cleanly rather than dropped.
            logger.exception("internal error answering %s", scope.get("path"))
            if started:
                raise
            body = b'{"detail": "[E067] internal error: the server could not answer this request", "status": 500}'
            await send_internal_error(with_headers, body)


logger = logging.getLogger("newsgraph.api")


async def send_internal_error(send: Send, body: bytes) -> None:
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 500, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error(request: Request, status: int, message: str, code: str | None = None) -> Response:
    """A JSON error under /api, an HTML page elsewhere; both say what went wrong."""
    if _wants_json(request):
        body: dict[str, object] = {"detail": message, "status": status}
        if code:
            body["code"] = code
        return JSONResponse(body, status_code=status)
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message}, status_code=status)


def create_app(store: Store, allow_extract: bool = False, max_body: int = DEFAULT_MAX_BODY) -> FastAPI:
    """The app over ``store``; POST /api/extract only when ``allow_extract``; bodies over ``max_body`` bytes get 413."""
    app = FastAPI(
        dependencies=[Depends(routes_api.plain_parameters)],
        title="newsgraph",
        version=__version__,
        description="Who said what, about whom, when, and with which numbers, in news articles: "
        "articles, quotes, entities, figures and events from the store, read-only.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    # Facets count in memory once the store's counted columns are read (in the background; the database meanwhile).
    store.tallies.start()
    app.state.allow_extract = allow_extract
    app.state.max_body = max_body
    app.state.home_summary = None
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    # Counts first: /api/articles/facets is not an article id.
    app.include_router(routes_counts.router)
    app.include_router(routes_api.router)
    app.include_router(routes_pages.router)
    app.add_middleware(SecurityHeaders)

    @app.exception_handler(ArticleNotFound)
    @app.exception_handler(EntityNotFound)
    async def not_found(request: Request, error: StoreError) -> Response:
        return _error(request, 404, str(error), error.code)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        response = _error(request, error.status_code, str(error.detail))
        for name, value in (error.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:]) or 'request'}: {e['msg']}" for e in error.errors()
        )
        if _wants_json(request):
            return JSONResponse({"detail": problems, "status": 422, "errors": _plain(error.errors())}, status_code=422)
        return _error(request, 422, problems)

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request) -> Response:
        return templates.TemplateResponse(request, "docs.html", {"spec": app.openapi()})

    return app


# What a worker process of `newsgraph serve --workers N` serves: JSON of the store's URL and the app's options.
SERVE_OPTIONS = "NEWSGRAPH_SERVE"


def from_environment() -> FastAPI:
    """The app of one worker process of `newsgraph serve --workers N`, over its own connections to the store."""
    from newsgraph.store import Store

    options = json.loads(os.environ[SERVE_OPTIONS])
    app = create_app(Store(options["db"]), allow_extract=options["allow_extract"], max_body=options["max_body"])
    keep_start_up_objects()
    return app


def keep_start_up_objects() -> None:
    """Take what a server process made to start (its 140,000 objects of modules, routes and templates)
    out of the garbage collector's full passes, which otherwise walk them all about once every 400 pages:
    60-90 ms in which the process answers nothing (over 200 ms when the cores are shared), a stall that
    every request then queued waits out. Frozen objects are still freed once nothing refers to them.
    For a serving process only: tests and commands keep the collector as it is.
    """
    gc.collect()
    gc.freeze()


def _plain(errors: object) -> object:
    """Validation errors with their context reduced to strings, so they always serialize."""
    if isinstance(errors, list):
        return [
            {k: (v if k != "ctx" else {ck: str(cv) for ck, cv in v.items()}) for k, v in e.items() if k != "input"}
            for e in errors
            if isinstance(e, dict)
        ]
    return errors
