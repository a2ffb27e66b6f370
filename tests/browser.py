"""Headless Chromium for tests of the pages dyadwatch writes (reports now, a dashboard later).

Debian's Chromium (/usr/bin/chromium, `make browser` installs it; DYADWATCH_CHROMIUM overrides the path) is
driven through Playwright, which must never download a browser of its own. Every page is opened with a log of
console errors, page errors and requests; any request that is not for a file:// or data: URL is blocked (and
logged), so a test proves a page works offline instead of trusting the network to be absent.

    from .browser import needs_chromium, open_page

    @needs_chromium
    def test_page(tmp_path):
        with open_page(path.as_uri()) as (page, log):
            assert log.console_errors == [] and log.external_requests == []
            screenshot(page, ROOT / "build" / "screenshots" / "page.png")
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

DEFAULT_CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", "--disable-quic"]
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")


def chromium_path() -> Path | None:
    """The Chromium executable to use, or None when there is none."""
    raw = os.environ.get("DYADWATCH_CHROMIUM") or DEFAULT_CHROMIUM
    path = Path(raw) if os.sep in raw else Path(shutil.which(raw) or raw)
    return path if path.is_file() and os.access(path, os.X_OK) else None


def _skip_reason() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed: run `make install` (it is a dev dependency)"
    if chromium_path() is None:
        where = os.environ.get("DYADWATCH_CHROMIUM") or DEFAULT_CHROMIUM
        return (f"no Chromium at {where}: run `make browser` to install Debian's chromium, "
                "or point DYADWATCH_CHROMIUM at a Chromium executable")
    return None


needs_chromium = pytest.mark.skipif(_skip_reason() is not None, reason=_skip_reason() or "")


@dataclass
class PageLog:
    """What happened while a page was open."""

    console_errors: list[str] = field(default_factory=list)
    console_warnings: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)  # alert/confirm/prompt: dismissed, and a problem

    @property
    def problems(self) -> list[str]:
        """Everything a test of a healthy page expects to be empty, labelled."""
        return ([f"console error: {m}" for m in self.console_errors] + [f"page error: {m}" for m in self.page_errors]
                + [f"failed request: {m}" for m in self.failed_requests]
                + [f"external request: {m}" for m in self.external_requests]
                + [f"dialog: {m}" for m in self.dialogs])


@contextmanager
def browser(**launch: Any) -> Iterator[Any]:
    """A headless Chromium (Playwright Browser), closed afterwards."""
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if path is None:
        pytest.skip(_skip_reason() or "no Chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(path), headless=True, args=LAUNCH_ARGS, **launch)
        try:
            yield b
        finally:
            b.close()


@contextmanager
def open_page(url: str, *, width: int = 1200, height: int = 900, scale: float = 1,
              wait_until: str = "load", allow: str | None = None) -> Iterator[tuple[Any, PageLog]]:
    """Open `url` in a fresh context; yields (page, log). Requests other than file:, data:, about: and blob: (and
    the origin `allow`, e.g. a local server's "http://127.0.0.1:PORT") are aborted and listed in
    `log.external_requests`."""
    log = PageLog()
    with browser() as b:
        context = b.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale,
                                service_workers="block")

        def route(r: Any) -> None:
            url = r.request.url
            if url.startswith(LOCAL_SCHEMES) or (allow and (url == allow or url.startswith(allow + "/"))):
                r.continue_()
            else:
                log.external_requests.append(r.request.url)
                r.abort("blockedbyclient")

        context.route("**/*", route)
        page = context.new_page()

        def on_console(msg: Any) -> None:
            if msg.type == "error":
                log.console_errors.append(msg.text)
            elif msg.type == "warning":
                log.console_warnings.append(msg.text)

        page.on("console", on_console)
        page.on("pageerror", lambda exc: log.page_errors.append(str(exc)))
        page.on("request", lambda req: log.requests.append(req.url))
        page.on("requestfailed", lambda req: log.failed_requests.append(f"{req.url} ({req.failure})"))

        def on_dialog(dialog: Any) -> None:
            log.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)
        try:
            page.goto(url, wait_until=wait_until)
            yield page, log
        finally:
            context.close()


def screenshot(page: Any, path: Path, *, full_page: bool = True) -> Path:
    """Save a PNG of the page (the whole scrollable page by default), creating the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=full_page)
    return path
