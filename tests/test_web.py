"""`dyadwatch serve`: the dashboard's pages and JSON API through FastAPI's TestClient.

A store is built once for the module from a few demo articles (with one near-duplicate pair) and one hostile
article whose title, text, source, URL and id carry markup. The tests check what each page and route answers
against the store's own queries, the escaping of article text, path traversal, the 503 while another process
holds the write lock, and the upload limits of the ingest endpoint.
"""

from __future__ import annotations

import asyncio
import html
import json
import re
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dyadwatch.web import create_app
from dyadwatch.web.highlight import Span, markup
from dyadwatch.web.urls import doc_url

from .conftest import DEMO

BASE = "http://127.0.0.1"
XSS = "<script>alert(1)</script>"
HOSTILE_ID = "xss-<script>alert(3)</script>/wire?x=1&y=2"
HOSTILE = {
    "id": HOSTILE_ID, "title": f"Russia and Syria {XSS} sign grain deal", "published": "2025-03-03",
    "source": "Test <b>Wire</b>", "url": "javascript:alert(4)",
    "text": f"MOSCOW, March 3, 2025 — Russia agreed on Monday to supply Syria with 200,000 tonnes of wheat {XSS} over "
            "the next year, Russian Foreign Minister Sergei Lavrov said after talks with Syrian Foreign Minister Asaad "
            f"al-Shaibani in Moscow.\n\n\"We {XSS} stand with our Syrian friends,\" Lavrov told reporters. Syria will "
            "pay for the grain over five years, and the two governments signed a trade agreement worth $500 million."
            "\n\nSyria accused Israel of violating its airspace on Sunday."}
ARTICLES = ["text/us-china-geneva-tariff-truce.txt", "text/china-bans-gallium-germanium-exports-to-us.txt",
            "html/trump-xi-busan-meeting.html", "html/blinken-warns-china-over-russia-support.html",
            "html/russia-syria-tartus-base-talks.html", "jsonl/wire.jsonl"]
NEW_ARTICLE = """Japan and India agree to deepen defence ties

TOKYO, 2 September 2025 — Japan and India agreed on Tuesday to expand joint military exercises, Japanese Prime Minister
Shigeru Ishiba said after talks with Indian Prime Minister Narendra Modi in Tokyo. Japan will invest 10 trillion yen in
India over the next decade, Ishiba told reporters.
"""


def hostile_file(folder: Path) -> Path:
    path = folder / "hostile.jsonl"
    path.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    return path


def build_store(folder: Path, pipeline) -> Path:
    """The dashboard tests' store: a few demo articles (one a near-duplicate) and the hostile article."""
    from dyadwatch.ingest import ingest
    from dyadwatch.store import Store

    path = folder / "web.duckdb"
    with Store.open(path) as store:
        report = ingest([str(DEMO / a) for a in ARTICLES] + [str(hostile_file(folder))], store, pipeline=pipeline,
                        workers=1)
    assert report.failed == [] and report.near_duplicates == 1
    return path


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, pipeline) -> Path:
    return build_store(tmp_path_factory.mktemp("web"), pipeline)


@pytest.fixture(scope="module")
def client(store_path) -> TestClient:
    return TestClient(create_app(store_path), base_url=BASE)


@pytest.fixture(scope="module")
def store(store_path):
    from dyadwatch.store import Store

    with Store.open(store_path, read_only=True) as s:
        yield s


def text_of(fragment: str) -> str:
    """The text a browser shows for an HTML fragment: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


class Elements(HTMLParser):
    """Start tags with their attributes, the text inside the element with id="focus", and nesting errors."""

    VOID = {"meta", "br", "hr", "img", "input", "link", "rect", "line", "circle", "polyline", "path"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.focus_depth: int | None = None
        self.focus_text: list[str] = []
        self.anchor_depth = 0
        self.nested_anchors = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag in self.VOID:
            return
        self.stack.append(tag)
        if tag == "a":
            self.anchor_depth += 1
            self.nested_anchors += self.anchor_depth > 1
        if a.get("id") == "focus" and self.focus_depth is None:
            self.focus_depth = len(self.stack)

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else '-'}>")
            return
        if self.focus_depth == len(self.stack):
            self.focus_depth = -1
        self.stack.pop()
        if tag == "a":
            self.anchor_depth -= 1

    def handle_data(self, data):
        if self.focus_depth is not None and self.focus_depth > 0:
            self.focus_text.append(data)


def parse(page: str) -> Elements:
    p = Elements()
    p.feed(page)
    return p


def article_html(page: str) -> str:
    m = re.search(r'<div class="article-text">(.*?)</div>\s*</article>', page, re.S)
    assert m, "no article text on the page"
    return m.group(1)


# --- the pages and the API ----------------------------------------------------------------------------------

def test_every_page_answers_with_security_headers(client, store):
    from dyadwatch.store import queries

    doc = queries.documents(store)[0]["id"]
    for url in ["/", "/documents", "/dyad/CHN-USA", doc_url(doc), "/actor/CHN", "/actor/person:xi-jinping",
                "/search?q=tariff", "/search", "/ingest"]:
        r = client.get(url)
        assert r.status_code == 200, (url, r.text[:300])
        assert r.headers["content-type"].startswith("text/html")
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
        page = r.text
        assert not parse(page).errors, url
        # nothing is loaded from elsewhere, and no script is inline
        assert not re.search(r'(src|href)="(https?:)?//', page.replace('href="https://', "")), url
        assert re.findall(r"<script[^>]*>", page) == [re.search(r'<script src="/static/app\.js\?v=[^"]+" defer>',
                                                                page).group(0)], url
    assert client.get("/static/app.js").headers["content-type"].startswith(("text/javascript",
                                                                             "application/javascript"))


def test_openapi_describes_the_api_without_a_docs_ui(client):
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/overview", "/api/dyad/{pair}", "/api/dyad/{pair}/events", "/api/doc/{doc_id}",
            "/api/actor/{actor_id}", "/api/search", "/api/ingest", "/api/ingest/{job_id}"} <= paths
    assert not any(p.startswith(("/dyad", "/doc/", "/actor/")) for p in paths), "pages are not API routes"
    assert "multipart/form-data" in spec["paths"]["/api/ingest"]["post"]["requestBody"]["content"]
    for ui in ("/docs", "/redoc", "/docs/oauth2-redirect"):
        assert client.get(ui).status_code == 404


def test_overview_counts_originals_only(client, store):
    from dyadwatch.store import queries

    data = client.get("/api/overview").json()
    docs = queries.documents(store)
    originals = [d for d in docs if d["duplicate_of"] is None]
    assert data["counts"]["documents"] == len(originals) and data["counts"]["near_duplicates"] == 1
    assert data["counts"]["events"] == len(queries.events(store))
    assert sum(data["documents_by_month"].values()) == len(originals)
    assert sum(s["documents"] for s in data["documents_by_source"]) <= len(originals)
    top = data["dyads"][0]
    assert (top["a"], top["b"]) == ("CHN", "USA")
    for d in data["dyads"]:
        rows = queries.events(store, dyad=(d["a"], d["b"]))
        assert d["events"] == len(rows) and d["documents"] == len({r["doc_id"] for r in rows})
        assert d["mean_score"] == pytest.approx(sum(r["score"] for r in rows) / len(rows), abs=0.006)
    # the changes are those of the profiles of the busiest pairs, latest first
    profile = queries.dyad_profile(store, "CHN", "USA")
    mine = [(c["month"], c["kind"], c["description"]) for c in data["changes"] if c["pair"] == ["CHN", "USA"]]
    theirs = {(c["month"], c["kind"], c["description"]) for c in profile["changes"]}
    assert mine and set(mine) <= theirs
    assert [c["month"] for c in data["changes"]] == sorted((c["month"] for c in data["changes"]), reverse=True)
    page = client.get("/").text
    assert "Most active dyads" in page and 'href="/dyad/CHN-USA"' in page and "Recent changes" in page
    assert 'class="chart month-bars"' in page and 'href="/documents?month=' in page


def test_documents_list_filters_by_month_and_source(client, store):
    data = client.get("/api/documents", params={"month": "2025-05"}).json()
    assert data["total"] >= 2 and all(str(d["published"]).startswith("2025-05") for d in data["documents"])
    assert any(d["duplicate_of"] for d in data["documents"]), "near-duplicates are listed, marked"
    page = client.get("/documents", params={"source": "Meridian Daily"}).text
    assert "near-duplicate" not in page or "Meridian" in page
    assert client.get("/documents", params={"month": "May 2025"}).status_code == 400


def test_dyad_page_and_events_filters(client, store):
    from dyadwatch.store import queries

    page = client.get("/dyad/CHN-USA").text
    assert "China" in page and "United States" in page and 'class="chart tone-chart' in page
    assert 'data-month="' in page and 'id="event-filters"' in page and "Dependency ledger" in page
    rows = queries.events(store, dyad=("CHN", "USA"), with_published=True)
    assert page.count('<tr data-href="/doc/') == min(len(rows), 200)
    api = client.get("/api/dyad/CHN-USA/events").json()
    assert api["total"] == len(rows) and {e["id"] for e in api["events"]} == {r["id"] for r in rows}
    keys = [e["date"] or e["published"] for e in api["events"]]
    assert keys == sorted(keys, reverse=True), "newest first"
    kind = rows[0]["type"]
    typed = client.get("/api/dyad/CHN-USA/events", params={"type": kind.lower()}).json()
    assert typed["total"] == sum(1 for r in rows if r["type"] == kind) and {e["type"] for e in typed["events"]} == {kind}
    doc = rows[0]["doc_id"]
    by_doc = client.get("/api/dyad/CHN-USA/events", params={"doc": doc}).json()
    assert by_doc["total"] == sum(1 for r in rows if r["doc_id"] == doc)
    month = (rows[0]["date"] or str(rows[0]["published"]))[:7]
    period = client.get("/api/dyad/CHN-USA/events", params={"since": month, "until": month}).json()
    assert period["total"] == len(queries.events(store, dyad=("CHN", "USA"), since=month, until=month)) > 0
    statuses = {r["status"] or "asserted" for r in rows}
    for status in statuses:
        n = client.get("/api/dyad/CHN-USA/events", params={"status": status}).json()["total"]
        assert n == sum(1 for r in rows if (r["status"] or "asserted") == status)
    filtered = client.get("/dyad/CHN-USA", params={"type": kind}).text
    assert filtered.count('<tr data-href="/doc/') == typed["total"] and f"<option selected>{kind}</option>" in filtered
    profile = client.get("/api/dyad/CHN-USA").json()
    assert profile == json.loads(json.dumps(queries.dyad_profile(store, "CHN", "USA"), default=str))


def test_dyad_codes_are_validated(client):
    r = client.get("/dyad/usa-chn?type=AGREE", follow_redirects=False)
    assert r.status_code == 308 and r.headers["location"] == "/dyad/CHN-USA?type=AGREE"
    for bad in ("/dyad/CHNUSA", "/dyad/CHN-CHN", "/dyad/CH1-USA", "/dyad/..%2F..%2Fetc", "/api/dyad/CHN-USAX"):
        assert client.get(bad).status_code in (400, 404), bad
    assert client.get("/dyad/AAA-BBB").status_code == 404
    assert client.get("/api/dyad/CHN-USA/events", params={"type": "<b>"}).status_code == 422
    assert client.get("/dyad?a=usa&b=chn", follow_redirects=False).headers["location"] == "/dyad/CHN-USA"


def test_document_page_highlights_at_offsets(client, store):
    from dyadwatch.store import queries

    event = next(r for r in queries.events(store, dyad=("CHN", "USA")) if r["doc_id"] == "trump-xi-busan-meeting")
    r = client.get(doc_url(event["doc_id"], event=event["id"]).split("#")[0])
    assert r.status_code == 200
    doc = client.get("/api" + doc_url(event["doc_id"])).json()
    body = article_html(r.text)
    assert text_of(body) == doc["text"], "the marked-up text is the document's text, character for character"
    p = parse(r.text)
    assert not p.errors and p.nested_anchors == 0
    assert "".join(p.focus_text) == event["evidence"], "the focused span is the event's evidence"
    classes = [a.get("class", "") for t, a in p.tags if t in {"mark", "a"} and "hl" in (a.get("class") or "")]
    for kind in ("hl-event", "hl-actor", "hl-date", "hl-quantity", "hl-quote"):
        assert any(kind in c for c in classes), kind
    links = [a.get("href") or a.get("data-href") for t, a in p.tags
             if t in {"mark", "a"} and "hl" in (a.get("class") or "").split()]
    assert all(link and link.startswith(("/actor/", "/dyad/")) for link in links), "every highlight links"
    mentions = len(doc["mentions"])
    assert sum(1 for t, a in p.tags if t in {"mark", "a"} and "hl-actor" in (a.get("class") or "")
               and "cont" not in a["class"]) == mentions
    # evidence of a dimension or a dependency: any span can be focused
    span = client.get(doc_url(event["doc_id"], span=(event["start_char"], event["end_char"])).split("#")[0]).text
    assert "".join(parse(span).focus_text) == event["evidence"]
    assert client.get(doc_url(event["doc_id"]) + "?event=nope").status_code == 200
    assert client.get(doc_url(event["doc_id"]) + "?span=5-x").status_code == 400


def test_highlighter_nests_crossing_spans_and_escapes_every_piece():
    text = "a <b>&c</b> d e"
    spans = [Span(0, 9, "event", href="/dyad/A-B", data=(("event", "e1"),), element_id="focus"),
             Span(2, 13, "quote", href="/actor/x"), Span(2, 5, "actor", href="/actor/y"),
             Span(3, 7, "date", href="/dyad/A-B"), Span(20, 30, "actor"), Span(4, 4, "date")]
    out = str(markup(text, spans))
    assert text_of(out) == text
    assert set(re.findall(r"</?(\w+)", out)) == {"mark", "a"}, "the text's own markup is escaped"
    assert "&amp;" in out and "&c" not in out.replace("&amp;", "")
    p = parse(f"<div>{out}</div>")
    assert not p.errors and p.nested_anchors == 0
    assert "".join(p.focus_text) == text[0:9]
    assert out.count('id="focus"') == 1 and out.count('data-event="e1"') == 1
    assert 'class="hl hl-quote cont"' in out, "the quote crossing the event's end is reopened after it"
    assert str(markup("x < y", [])) == "x &lt; y"


def test_hostile_article_is_shown_as_text(client, store):
    url = doc_url(HOSTILE_ID)
    assert "/" not in url[len("/doc/"):] and "<" not in url
    r = client.get(url)
    assert r.status_code == 200
    page = r.text
    assert "<script>alert" not in page and "<b>Wire</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "Test &lt;b&gt;Wire&lt;/b&gt;" in page
    assert 'href="javascript:' not in page and "javascript:alert(4)" in page
    assert XSS in text_of(article_html(page))
    events = client.get("/api" + url).json()["events"]
    hostile_event = next(e for e in events if XSS in e["evidence"])
    focused = client.get(doc_url(HOSTILE_ID, event=hostile_event["id"]).split("#")[0]).text
    assert "".join(parse(focused).focus_text) == hostile_event["evidence"]
    for other in ("/dyad/RUS-SYR", "/search?q=alert", "/actor/person:sergey-lavrov", "/documents",
                  f"/search?q={XSS}", "/"):
        text = client.get(other).text
        assert "<script>alert" not in text and "alert(3)</script>" not in text, other
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get("/dyad/RUS-SYR").text


def asgi_get(app, raw_path: str) -> tuple[int, bytes]:
    """Send a path to the app exactly as written (an HTTP client would resolve the dots first)."""
    path, _, query = raw_path.partition("?")
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": query.encode(), "root_path": "",
             "headers": [(b"host", b"127.0.0.1")], "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 80)}
    sent: list[dict] = []
    requested = False

    async def receive():
        nonlocal requested
        if not requested:
            requested = True
            return {"type": "http.request", "body": b"", "more_body": False}
        while not any(m["type"] == "http.response.body" and not m.get("more_body") for m in sent):
            await asyncio.sleep(0.01)
        return {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    asyncio.run(asyncio.wait_for(app(scope, receive, send), 20))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return status, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


def test_no_path_traversal(client):
    for url in ["/doc/..%2F..%2Fetc%2Fpasswd", "/doc/../../etc/passwd", "/api/doc/..%2F..%2Fetc%2Fpasswd",
                "/actor/..%2F..%2Fpyproject.toml", "/static/..%2F..%2Fpyproject.toml",
                "/static/%2e%2e/%2e%2e/pyproject.toml", "/static/app.css%00.py"]:
        r = client.get(url)
        assert r.status_code in (400, 404), url
        assert "root:" not in r.text and "[build-system]" not in r.text, url
    app = client.app
    for raw in ["/static/../../pyproject.toml", "/static/../web/app.py", "/static/../../../../etc/passwd",
                "/doc/../../etc/passwd", "/static/./../templates/base.html"]:
        status, body = asgi_get(app, raw)
        assert status in (400, 404), raw
        assert b"[build-system]" not in body and b"root:" not in body and b"create_app" not in body, raw
    assert asgi_get(app, "/static/app.css")[0] == 200


def test_other_hosts_are_refused(client):
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400
    assert client.get("/api/overview", headers={"host": "localhost:8765"}).status_code == 200


def test_actor_pages(client, store):
    xi = client.get("/api/actor/person:xi-jinping").json()
    assert xi["kind"] == "person" and xi["country"] == "CHN"
    assert any(o["role"] == "head_of_state" and o["country"] == "CHN" for o in xi["offices"]), "from the kb"
    roles = store.con.execute("SELECT DISTINCT role FROM mentions WHERE actor_id = 'person:xi-jinping' "
                              "AND role IS NOT NULL").fetchall()
    assert {r["role"] for r in xi["roles"]} == {r[0] for r in roles}
    page = client.get("/actor/person:xi-jinping").text
    assert "Offices" in page and "head of state" in page and "Roles in the articles" in page
    china = client.get("/api/actor/CHN").json()
    n = store.con.execute("""SELECT count(DISTINCT ea.event_id) FROM event_actors ea JOIN events e ON e.id = ea.event_id
        JOIN documents d ON d.id = e.doc_id WHERE ea.actor_id = 'CHN' AND d.duplicate_of IS NULL""").fetchone()[0]
    assert china["event_count"] == n and len(china["events"]) == min(n, 200)
    assert china["partners"] and china["partners"] == sorted(china["partners"], key=lambda p: (-p["events"], p["name"]))
    assert any(d["a"] == "CHN" and d["b"] == "USA" for d in china["dyads"])
    page = client.get("/actor/CHN").text
    assert 'class="chart network"' in page and 'href="/actor/USA"' in page
    assert client.get("/actor/nobody").status_code == 404


def test_search_ranks_and_names_its_engine(client):
    from dyadwatch.web.search import ENGINES, engine

    data = client.get("/api/search", params={"q": "gallium germanium"}).json()
    assert data["engine"] == engine() and data["results"]
    assert data["results"][0]["id"] == "china-bans-gallium-germanium-exports-to-us"
    assert "snippet_html" not in data["results"][0] and "gallium" in data["results"][0]["snippet"].lower()
    tariffs = client.get("/api/search", params={"q": "tariff"}).json()["results"]
    assert len(tariffs) >= 3 and [r["score"] for r in tariffs] == sorted((r["score"] for r in tariffs), reverse=True)
    page = client.get("/search", params={"q": "tariff truce"}).text
    assert ENGINES[engine()].split(" (")[0] in page and '<mark class="hl hl-hit">' in page
    assert "No document holds every word" in client.get("/search", params={"q": "zyxwv"}).text
    assert client.get("/api/search", params={"q": ""}).json()["results"] == []
    assert client.get("/api/search", params={"q": "%_"}).json()["results"] == []


# --- the store being written by another process ---------------------------------------------------------------

HOLD = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
con.execute("BEGIN"); con.execute("SELECT count(*) FROM documents").fetchall()
print("locked", flush=True)
sys.stdin.readline()
con.close()
"""


def test_busy_store_answers_503_then_recovers(store_path, tmp_path):
    path = tmp_path / "busy.duckdb"  # a copy no connection of this process has open
    shutil.copy(store_path, path)
    app = TestClient(create_app(path, lock_wait=0.3, cache_size=0), base_url=BASE)
    assert app.get("/").status_code == 200
    writer = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "locked"
        started = time.monotonic()
        page = app.get("/dyad/CHN-USA")
        assert page.status_code == 503 and page.headers["retry-after"]
        assert "the store is being written by another process; try again in a moment" in html.unescape(page.text).lower()
        assert time.monotonic() - started < 5
        api = app.get("/api/overview")
        assert api.status_code == 503
        assert api.json()["detail"] == "the store is being written by another process; try again in a moment"
    finally:
        writer.communicate("done\n", timeout=20)
    assert app.get("/dyad/CHN-USA").status_code == 200
    assert app.get("/api/overview").status_code == 200


# --- ingest ---------------------------------------------------------------------------------------------------

def test_ingest_is_refused_without_allow_ingest(client):
    r = client.post("/api/ingest", files={"files": ("a.txt", b"Some text.", "text/plain")})
    assert r.status_code == 403 and "--allow-ingest" in r.json()["detail"]
    assert client.get("/api/ingest").status_code == 403
    page = client.get("/ingest").text
    assert 'id="ingest-disabled"' in page and 'id="upload"' not in page


@pytest.fixture
def ingest_client(store_path, tmp_path, pipeline):
    path = tmp_path / "ingest.duckdb"
    shutil.copy(store_path, path)
    app = create_app(path, allow_ingest=True, pipeline=pipeline, max_file_mb=0.05, max_files=3)
    return TestClient(app, base_url=BASE)


def wait_for(client: TestClient, job: dict, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/api/ingest/{job['id']}").json()
        if job["status"] in {"done", "failed"}:
            return job
        time.sleep(0.2)
    raise AssertionError(f"the ingest job did not finish: {job}")


def test_ingest_checks_size_type_and_origin_then_ingests(ingest_client):
    c = ingest_client
    big = b"word " * 12_000  # 60 kB against a limit of 0.05 MB
    r = c.post("/api/ingest", files={"files": ("big.txt", big, "text/plain")})
    assert r.status_code == 413 and "big.txt" in r.json()["detail"]
    r = c.post("/api/ingest", files={"files": ("tool.exe", b"MZ...", "application/octet-stream")})
    assert r.status_code == 415
    r = c.post("/api/ingest", files={"files": ("fake.txt", b"\x00\x01binary", "text/plain")})
    assert r.status_code == 415
    r = c.post("/api/ingest", files=[("files", (f"a{i}.txt", b"x", "text/plain")) for i in range(4)])
    assert r.status_code in (400, 413)
    r = c.post("/api/ingest", files={"files": ("a.txt", b"Some text.", "text/plain")},
               headers={"origin": "https://evil.example", "sec-fetch-site": "cross-site"})
    assert r.status_code == 403
    r = c.post("/api/ingest", files={"files": ("../../evil/Japan India <i>ties<i>.TXT", NEW_ARTICLE.encode(),
                                               "text/plain")})
    assert r.status_code == 202, r.text
    job = wait_for(c, r.json())
    assert job["status"] == "done" and job["stored"] == 1, job
    assert job["files"][0]["name"] == "Japan India <i>ties<i>.TXT", "the client's name, for display only"
    assert job["documents"] and job["documents"][0]["title"].startswith("Japan and India agree")
    doc = c.get("/api" + doc_url(job["documents"][0]["id"])).json()
    assert ".." not in doc["origin"] and "<" not in doc["origin"] and doc["origin"].endswith("/japan-india-i-ties-i.txt")
    assert not Path(doc["origin"]).exists(), "the upload folder is removed after the job"
    overview = c.get("/").text
    assert "Japan" in overview and "India" in overview
    assert c.get("/api/overview").json()["counts"]["documents"] >= 1
    assert "Japan and India agree to deepen defence ties" in c.get("/documents").text
    again = wait_for(c, c.post("/api/ingest", files={"files": ("same.txt", NEW_ARTICLE.encode(), "text/plain")}).json())
    assert again["status"] == "done" and again["duplicates"] == 1 and again["stored"] == 0
    assert [j["id"] for j in c.get("/api/ingest").json()][:2] == [again["id"], job["id"]]


# --- the command and the package --------------------------------------------------------------------------

def test_serve_command(tmp_path, store_path, capsys):
    import socket

    from dyadwatch import cli
    from dyadwatch.cli.serve_cmd import _allowed_hosts, add_parser

    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    if "serve" not in sub.choices:
        add_parser(sub)
    args = parser.parse_args(["serve", "--db", str(tmp_path / "none.duckdb")])
    assert (args.port, args.host, args.allow_ingest) == (8765, "127.0.0.1", False)
    from dyadwatch.errors import NoStore

    with pytest.raises(NoStore):
        args.func(args)
    assert _allowed_hosts("0.0.0.0") == ["*"] and "localhost" in _allowed_hosts("127.0.0.1")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    script = ("import sys; from dyadwatch import cli; from dyadwatch.cli.serve_cmd import add_parser\n"
              "build = cli.build_parser\n"
              "def parser():\n    p = build(); sub = next(a for a in p._actions if a.__class__.__name__ == "
              "'_SubParsersAction')\n    'serve' in sub.choices or add_parser(sub); return p\n"
              "cli.build_parser = parser; sys.exit(cli.main(sys.argv[1:]))")
    proc = subprocess.Popen([sys.executable, "-c", script, "serve", "--db", str(store_path), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in line and "read-only" in line
        import httpx

        deadline = time.monotonic() + 20
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/status", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, proc.stderr.read() if proc.poll() is not None else "no answer"
                time.sleep(0.1)
        assert r.status_code == 200 and r.json()["read_only"] is True
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_templates_and_static_files_ship_with_the_package():
    from importlib import resources

    web = resources.files("dyadwatch.web")
    for name in ("base.html", "overview.html", "dyad.html", "doc.html", "actor.html", "search.html", "ingest.html",
                 "documents.html", "error.html", "_macros.html"):
        assert web.joinpath("templates", name).is_file(), name
    for name in ("app.css", "app.js", "favicon.svg"):
        assert web.joinpath("static", name).is_file(), name
