"""The dashboard end to end in headless Chromium, against a real uvicorn server on 127.0.0.1.

The server runs in a background thread on a free port (started within a bounded wait, stopped at the end of the
module). Pages are opened with tests/browser.py's Chromium and a log like its `open_page`, except that requests
to the server itself are let through: any other request is aborted and listed, so a test proves that nothing
leaves 127.0.0.1. Screenshots go to build/screenshots/web-*.png.
"""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

import httpx
import pytest
from playwright.sync_api import expect

from dyadwatch.web import create_app
from dyadwatch.web.urls import doc_url

from .browser import PageLog, needs_chromium, open_page, screenshot
from .conftest import ROOT
from .test_web import HOSTILE_ID, NEW_ARTICLE, XSS, build_store

pytestmark = needs_chromium
SHOTS = ROOT / "build" / "screenshots"
START_WAIT = 15.0


class Server:
    """uvicorn serving `app` on a free port of 127.0.0.1 in a daemon thread."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                                    lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, name="dashboard", daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + START_WAIT
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError(f"the dashboard did not start on port {self.port} within {START_WAIT} s")
            time.sleep(0.05)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)

    def api(self, path: str) -> Any:
        return httpx.get(self.base + path, timeout=30).json()


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, pipeline) -> Path:
    return build_store(tmp_path_factory.mktemp("web-browser"), pipeline)


@pytest.fixture(scope="module")
def server(store_path) -> Iterator[Server]:
    with Server(create_app(store_path)) as s:
        yield s


@contextmanager
def open_local(base: str, path: str, *, width: int = 1280, height: int = 900) -> Iterator[tuple[Any, PageLog]]:
    """browser.open_page with the dashboard's own origin allowed; every other request is aborted and logged."""
    with open_page(base + path, width=width, height=height, allow=base) as opened:
        yield opened


def healthy(log: PageLog, base: str) -> None:
    """No console or page error, no dialog, nothing requested elsewhere, no local request failed (a load that the
    next navigation cut short, such as the icon's, is not a failure)."""
    problems = [p for p in log.problems if not (p.startswith(f"failed request: {base}/") and "ERR_ABORTED" in p)]
    assert problems == [], problems
    assert log.requests and all(u.startswith(base + "/") for u in log.requests), log.requests


def test_click_from_the_overview_to_an_event_and_its_evidence(server):
    with open_local(server.base, "/") as (page, log):
        assert page.locator("h1").inner_text() == "The corpus"
        assert page.locator("table.dyads tbody tr").count() >= 3
        screenshot(page, SHOTS / "web-overview.png")
        page.locator('table.dyads a.dyadlink[href="/dyad/CHN-USA"]').click()
        page.wait_for_url(f"{server.base}/dyad/CHN-USA")
        assert "China" in page.locator("h1").inner_text()
        assert page.locator("figure.brushable svg.tone-chart").is_visible()
        screenshot(page, SHOTS / "web-dyad.png")
        link = page.locator("#events-table tbody tr[data-href] a.evidence-link").first
        href = link.get_attribute("href")
        event_id = parse_qs(urlparse(href).query)["event"][0]
        link.click()
        page.wait_for_url("**/doc/**")
        focus = page.locator("#focus")
        focus.wait_for()
        doc_id = unquote(urlparse(page.url).path[len("/doc/"):])
        event = next(e for e in server.api("/api" + doc_url(doc_id))["events"] if e["id"] == event_id)
        assert focus.text_content() == event["evidence"], "the highlighted span is the event's evidence"
        assert "focus" in (focus.get_attribute("class") or "") and page.locator("#focus-note").is_visible()
        top = page.evaluate("document.getElementById('focus').getBoundingClientRect().top")
        assert 0 <= top < page.viewport_size["height"], "scrolled to the evidence"
        screenshot(page, SHOTS / "web-document.png", full_page=False)
        # highlights link on: an actor mention goes to its actor page
        actor = page.locator(".article-text a.hl-actor").first
        actor_href = actor.get_attribute("href")
        actor.click()
        page.wait_for_url(server.base + actor_href)
        assert page.locator(".eyebrow").first.inner_text().startswith("ACTOR")
        healthy(log, server.base)


def test_brushing_the_tone_chart_filters_the_events(server):
    with open_local(server.base, "/dyad/CHN-USA") as (page, log):
        months = page.locator("svg.tone-chart g.month")
        busy = [i for i in range(months.count()) if int(months.nth(i).get_attribute("data-events") or 0)]
        first, last = months.nth(busy[0]), months.nth(busy[len(busy) // 2])
        lo, hi = first.get_attribute("data-month"), last.get_attribute("data-month")
        a, b = first.locator("rect.hit").bounding_box(), last.locator("rect.hit").bounding_box()
        page.mouse.move(a["x"] + a["width"] / 2, a["y"] + a["height"] / 2)
        page.mouse.down()
        page.mouse.move(b["x"] + b["width"] / 2, b["y"] + b["height"] / 2, steps=8)
        page.mouse.up()
        page.wait_for_url(lambda url: f"until={hi}" in url)
        want = server.api(f"/api/dyad/CHN-USA/events?since={lo}&until={hi}&limit=500")
        shown = page.locator("#events-table tbody tr[data-href]")
        expect(shown).to_have_count(len(want["events"]))
        hrefs = [unquote(parse_qs(urlparse(shown.nth(i).get_attribute("data-href")).query)["event"][0])
                 for i in range(shown.count())]
        assert hrefs == [e["id"] for e in want["events"]]
        selected = [months.nth(i).get_attribute("data-month") for i in range(months.count())
                    if "sel" in (months.nth(i).get_attribute("class") or "")]
        assert selected[0] == lo and selected[-1] == hi
        assert page.locator("select[name=since]").input_value() == lo
        kind = want["events"][0]["type"]
        page.select_option("select[name=type]", kind)
        page.wait_for_url(lambda url: "type=" in url)
        typed = server.api(f"/api/dyad/CHN-USA/events?since={lo}&until={hi}&type={kind}&limit=500")
        expect(shown).to_have_count(len(typed["events"]))
        badges = page.locator("#events-table tbody tr[data-href] .badge.type").all_inner_texts()
        assert badges and set(badges) == {kind}
        assert str(typed["total"]) in page.locator("#event-count").inner_text()
        screenshot(page, SHOTS / "web-dyad-filtered.png")
        page.keyboard.press("Escape")
        page.wait_for_url(lambda url: "since=" not in url)
        expect(page.locator("svg.tone-chart g.month.sel")).to_have_count(0)
        healthy(log, server.base)


def test_hostile_article_is_inert_text(server):
    with open_local(server.base, doc_url(HOSTILE_ID)) as (page, log):
        assert XSS in page.locator(".article-text").text_content()
        assert XSS in page.locator("h1").inner_text()
        assert page.evaluate("document.scripts.length") == 1, "only the app's own script"
        assert page.locator(".article-text script").count() == 0
        screenshot(page, SHOTS / "web-hostile.png")
        page.goto(server.base + "/search?q=alert+script")
        assert page.locator("ol.results li").count() >= 1
        page.goto(server.base + "/dyad/RUS-SYR")
        assert log.dialogs == [], "no injected script ran"
        healthy(log, server.base)


def test_actor_search_and_documents_pages(server):
    with open_local(server.base, "/actor/person:xi-jinping") as (page, log):
        assert page.locator("h1").inner_text() == "Xi Jinping"
        assert page.locator("svg.network").is_visible() and page.locator("svg.network a").count() >= 1
        assert "head of state" in page.locator("body").inner_text()
        screenshot(page, SHOTS / "web-actor.png")
        page.goto(server.base + "/actor/CHN")
        screenshot(page, SHOTS / "web-actor-country.png")
        page.fill("form.quick.search input[name=q]", "tariff truce")
        page.keyboard.press("Enter")
        page.wait_for_url("**/search?q=tariff+truce")
        assert page.locator("ol.results li").count() >= 2 and page.locator("mark.hl-hit").count() >= 2
        assert page.locator("#engine").get_attribute("data-engine") in {"fts", "fallback"}
        screenshot(page, SHOTS / "web-search.png")
        page.locator("ol.results a.rtitle").first.click()
        page.wait_for_url("**/doc/**")
        page.goto(server.base + "/documents")
        assert page.locator("table.doclist tbody tr").count() >= 8
        screenshot(page, SHOTS / "web-documents.png")
        page.goto(server.base + "/ingest")
        assert page.locator("#ingest-disabled").is_visible()
        screenshot(page, SHOTS / "web-ingest-disabled.png")
        healthy(log, server.base)


def raw_get(port: int, path: str) -> tuple[int, bytes]:
    """GET the path exactly as written (a browser or an HTTP library would resolve the dots first)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def test_no_file_outside_the_static_folder_is_served(server):
    for path in ["/static/../../pyproject.toml", "/static/..%2F..%2Fpyproject.toml", "/static/../web/app.py",
                 "/doc/..%2F..%2Fetc%2Fpasswd", "/doc/../../etc/passwd", "/static/%2e%2e/%2e%2e/pyproject.toml"]:
        status, body = raw_get(server.port, path)
        assert status in (400, 404), (path, status)
        assert b"[build-system]" not in body and b"root:" not in body and b"create_app" not in body, path
    assert raw_get(server.port, "/static/app.css")[0] == 200


def test_upload_and_ingest_in_the_browser(store_path, tmp_path, pipeline):
    path = tmp_path / "ingest.duckdb"
    shutil.copy(store_path, path)
    article = tmp_path / "japan-india-defence.txt"
    article.write_text(NEW_ARTICLE, encoding="utf-8")
    wrong = tmp_path / "notes.pdf"
    wrong.write_bytes(b"%PDF-1.4")
    with Server(create_app(path, allow_ingest=True, pipeline=pipeline)) as s, \
            open_local(s.base, "/ingest") as (page, log):
        page.set_input_files("#file-input", [str(wrong)])
        assert "skipped" in page.locator("#picked").inner_text() and page.locator("#upload-button").is_disabled()
        page.set_input_files("#file-input", [str(article)])
        assert page.locator("#upload-button").is_enabled()
        page.locator("#upload-button").click()
        page.locator("li.job.status-done").wait_for(timeout=120_000)
        job = page.locator("li.job.status-done").inner_text()
        assert "1 stored" in job and "Japan and India agree" in job
        screenshot(page, SHOTS / "web-ingest.png")
        page.goto(s.base + "/")
        body = page.locator("body").inner_text()
        assert "India – Japan" in body or "Japan – India" in body
        page.goto(s.base + "/documents")
        assert "Japan and India agree to deepen defence ties" in page.locator("body").inner_text()
        healthy(log, s.base)
        jobs = json.loads(httpx.get(s.base + "/api/ingest", timeout=10).text)
        assert jobs[0]["status"] == "done" and jobs[0]["stored"] == 1
