"""The dashboard application: `create_app(db_path, allow_ingest=False)` builds it, `dyadwatch serve` runs it.

Pages are rendered on the server (Jinja2, autoescaped) with inline SVG charts and one small script; the JSON API
under /api/ serves the same data and is described at /openapi.json (no Swagger UI: it would load from a CDN).
Every response carries a Content-Security-Policy that allows only the app's own files, so nothing a page shows
can load or run anything from elsewhere. Requests must name the host the server is reached by (127.0.0.1,
localhost), which stops other sites from reaching it through DNS rebinding.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import DyadwatchError, NoStore
from ..store import Store
from . import render
from .db import ResultCache, StoreBusy, open_store
from .ingest_jobs import MAX_FILE_MB, MAX_FILES, JobManager

T = TypeVar("T")
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY"),
                    (b"cross-origin-opener-policy", b"same-origin")]


@dataclass
class Settings:
    db_path: Path
    allow_ingest: bool
    lock_wait: float
    max_file_mb: float
    max_files: int

    @property
    def read_only(self) -> bool:
        return not self.allow_ingest


class StoreAccess:
    """Short-lived store connections (see `db`) and results cached while the store is unchanged."""

    def __init__(self, settings: Settings, cache_size: int) -> None:
        self.settings = settings
        self.cache = ResultCache(settings.db_path, cache_size) if cache_size else None

    @contextmanager
    def open(self) -> Iterator[Store]:
        if not self.settings.db_path.exists():
            raise NoStore("the store is gone", origin=str(self.settings.db_path))
        with open_store(self.settings.db_path, read_only=self.settings.read_only,
                        wait=self.settings.lock_wait) as store:
            yield store

    def run(self, build: Callable[[Store], T]) -> T:
        with self.open() as store:
            return build(store)

    def cached(self, key: tuple[Any, ...], build: Callable[[Store], T]) -> T:
        if self.cache is None:
            return self.run(build)
        return self.cache.get(key, lambda: self.run(build))


class SecurityHeaders:
    """Adds the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in present]
            await send(message)

        await self.app(scope, receive, with_headers)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def error_response(request: Request, status: int, message: str, headers: dict[str, str] | None = None):
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    titles = {400: "Bad request", 403: "Not allowed", 404: "Not found", 413: "Too large",
              415: "Unsupported file type", 503: "Busy"}
    templates = request.app.state.templates
    html = templates.get_template("error.html").render(render.page_context(
        request, status=status, title=titles.get(status, "Error"), message=message))
    return HTMLResponse(html, status_code=status, headers=headers)


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(StoreBusy)
    async def busy(request: Request, exc: StoreBusy):
        return error_response(request, 503, exc.message, {"Retry-After": "2"})

    @app.exception_handler(NoStore)
    async def no_store(request: Request, exc: NoStore):
        return error_response(request, 503, f"{exc.message}: {exc.origin}", {"Retry-After": "5"})

    @app.exception_handler(DyadwatchError)
    async def store_error(request: Request, exc: DyadwatchError):
        return error_response(request, 500, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return error_response(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception):
        import logging

        logging.getLogger("dyadwatch.web").exception("internal error on %s", request.url.path)
        return error_response(request, 500, f"internal error: {type(exc).__name__} (see the server's log)")

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        if _wants_json(request):
            from fastapi.encoders import jsonable_encoder

            return JSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)
        where = ", ".join(str(e.get("loc", ["?"])[-1]) for e in exc.errors())
        return error_response(request, 400, f"invalid value for {where}")


def create_app(db_path: str | Path, *, allow_ingest: bool = False, pipeline: Any = None,
               allowed_hosts: tuple[str, ...] | list[str] = LOCAL_HOSTS, max_file_mb: float | None = None,
               max_files: int | None = None, lock_wait: float = 1.0, cache_size: int = 64) -> FastAPI:
    """The dashboard over the store at `db_path`. The store is read through read-only connections unless
    `allow_ingest`, which also enables uploads (`pipeline`: the analysis pipeline to use, default
    Pipeline.default(), loaded at the first upload). `allowed_hosts`: the Host header values accepted ("*" for
    any). `lock_wait`: seconds to retry while another process writes the store before answering 503.
    `max_file_mb`, `max_files`: upload limits, by default the settings' [web] max_file_mb and max_files (20 MB
    and 50 files when the settings do not name them)."""
    from .. import config
    from . import api, pages

    web = config.settings().get("web", {})
    settings = Settings(Path(db_path).expanduser(), allow_ingest, lock_wait,
                        float(max_file_mb if max_file_mb is not None else web.get("max_file_mb", MAX_FILE_MB)),
                        int(max_files if max_files is not None else web.get("max_files", MAX_FILES)))
    app = FastAPI(title="dyadwatch", version=__version__, docs_url=None, redoc_url=None, openapi_url="/openapi.json",
                  description="The stored events, dyads, documents and actors of a dyadwatch store, as JSON. "
                              "Every figure counts original documents only (near-duplicates are linked, not counted).")
    app.state.settings = settings
    app.state.store = StoreAccess(settings, cache_size)
    app.state.templates = render.environment()
    app.state.jobs = None
    if allow_ingest:
        def factory() -> Any:
            if pipeline is not None:
                return pipeline
            from ..pipeline import Pipeline

            return Pipeline.default()
        app.state.jobs = JobManager(settings.db_path, factory)
    _install_handlers(app)
    app.mount("/static", StaticFiles(directory=str(render.STATIC)), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.add_middleware(SecurityHeaders)  # outermost: on every response, a refused host's too
    return app
