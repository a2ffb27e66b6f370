"""`dyadwatch report`: the HTML page and the Markdown of a dyad profile.

Unit tests render a hand-built profile with every field (and hostile article text); the end-to-end tests
ingest a few demo articles, render the real profile, and open the page in headless Chromium.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dyadwatch import cli
from dyadwatch.cli.report_cmd import add_parser
from dyadwatch.errors import OutputExists, UsageError
from dyadwatch.reports import format as fmt
from dyadwatch.reports import render_html, render_markdown, write_report
from dyadwatch.reports.charts import sparkline, tone_chart
from dyadwatch.reports.data import prepare

from .browser import needs_chromium, open_page, screenshot
from .conftest import DEMO, ROOT

XSS = "<script>alert(1)</script>"
WHEN = datetime(2025, 11, 2, 9, 30, tzinfo=UTC)
SECTIONS = ["tone", "balance", "dimensions", "dependencies", "changes", "events", "actors"]
MD_HEADINGS = ["## Tone over time", "## Balance", "## Dimensions of the relationship", "## Dependency ledger",
               "## Changes that matter", "## Key events", "## Actors involved"]


def ev(text: str, doc: str = "3f2a9c1e5b7d4a60", start: int = 120, end: int = 245) -> dict:
    return {"doc_id": doc, "text": text, "start": start, "end": end}


@pytest.fixture
def profile() -> dict:
    """A profile with every field the report reads; article text carries markup that must stay text."""
    hostile = f"Moscow said {XSS} the base stays & talks go on."
    return {
        "pair": ["RUS", "SYR"], "names": {"RUS": "Russia", "SYR": "Syria"},
        "period": {"first": "2025-01", "last": "2025-04"}, "events": 6, "sources": 3,
        "cooperation": {"sum": 14.0, "mean": 3.5}, "conflict": {"sum": 9.0, "mean": 4.5}, "mean_score": 0.83,
        "quad_shares": {"1": 0.5, "2": 0.167, "3": 0.167, "4": 0.166},
        "directed": {"RUS->SYR": 4, "SYR->RUS": 2},
        "directed_tone": {"RUS->SYR": {"events": 4, "mean_score": 2.0, "cooperation": 11.0, "conflict": 3.0,
                                       "sources": 2},
                          "SYR->RUS": {"events": 2, "mean_score": -1.5, "cooperation": 3.0, "conflict": 6.0,
                                       "sources": 1}},
        "monthly": [
            {"month": "2025-01", "events": 3, "cooperation": 8.0, "conflict": 2.0, "tone": 6.0, "sources": 2,
             "a_to_b": 2, "b_to_a": 1},
            {"month": "2025-04", "events": 2, "cooperation": 6.0, "conflict": 7.0, "tone": -1.0, "sources": 1,
             "a_to_b": 1, "b_to_a": 1},
            {"month": "unknown", "events": 1, "cooperation": 0.0, "conflict": 0.0, "tone": 0.0, "sources": 1,
             "a_to_b": 1, "b_to_a": 0}],
        "dimensions": [
            {"dimension": "military", "mentions": 4, "documents": 2, "evidence": [ev(hostile), ev("Second.", start=9)],
             "events": [{"id": "e1", "date": "2025-01-29", "type": "CONSULT", "score": 1.0, "source": "RUS",
                         "target": "SYR", "evidence": ev("Bogdanov met al-Sharaa.")}],
             "quantities": [{"value": 20_000_000_000, "unit": "USD", "qualifier": None, "object": "investment",
                             "evidence": ev("US$ 20 billion investment", start=300, end=325)}]},
            {"dimension": "education", "mentions": 1, "documents": 1,
             "evidence": [ev("Graduates return.", doc='x" onmouseover="alert(2)')],
             "events": [], "quantities": [{"value": 35000, "unit": None, "qualifier": "about",
                                           "object": "graduates", "evidence": ev("about 35,000 graduates")}]}],
        "dependencies": [{"dependent": "SYR", "provider": "RUS", "dimension": "economic", "documents": 2,
                          "evidence": [ev(f"Syria relies on Russian wheat {XSS}.")]}],
        "balance": "one-sided: SYR relies on RUS for economic",
        "changes": [
            {"month": "2025-04", "kind": "tone_turn", "description": "tone turned towards conflict",
             "evidence": ev("Damascus demanded compensation.")},
            {"month": "2025-01", "kind": "leader_change", "description": f"new leader {XSS}", "evidence": None}],
        "key_events": [{"id": "e9", "date": "2025-04-02", "type": "AID", "cameo": "070", "score": 7.0,
                        "source": "RUS", "target": "SYR", "status": "asserted", "act": None, "context": "economic",
                        "confidence": 0.8, "doc_id": "3f2a9c1e5b7d4a60", "start_char": 120, "end_char": 245,
                        "evidence": f"A Russian wheat cargo {XSS} reached Latakia."},
                       {"id": "e10", "date": "2025-01", "type": "THREATEN", "cameo": "138", "score": -7.0,
                        "source": "SYR", "target": "RUS", "status": "intended", "act": None, "context": None,
                        "confidence": 0.5, "doc_id": "slug-doc", "start_char": 0, "end_char": 30,
                        "evidence": "Syria threatened to close the base."}],
        "actors": [{"id": "a1", "name": f"Ahmed {XSS}", "kind": "person", "country": "SYR", "sector": "GOV",
                    "events": 3},
                   {"id": "a2", "name": "Russia", "kind": "country", "country": "RUS", "sector": None, "events": 4}],
    }


class Balanced(HTMLParser):
    """Checks that every opened element is closed in order (void elements excepted)."""

    VOID = {"meta", "br", "hr", "img", "input", "link", "rect", "line", "circle", "polyline", "path"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else '-'}>")
        else:
            self.stack.pop()


# --- formatting ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "unit", "want"), [
    (20_000_000_000, "USD", "US$ 20 billion"), (18e9, "USD", "US$ 18 billion"), (12.6e9, "USD", "US$ 12.6 billion"),
    (300_000_000, "TRY", "TRY 300 million"), (2_500_000, "EUR", "€ 2.5 million"), (1_200_000_000_000, "USD",
                                                                                   "US$ 1.2 trillion"),
    (35000, None, "35,000"), (1000, None, "1,000"), (7, None, "7"), (1234.5, None, "1,234.5"),
    (125, "percent", "125%"), (0.5, "percent", "0.5%"), (6600, "t", "6,600 tonnes"), (3.4e9, "m3", "3.4 billion m³"),
    (1000, "km2", "1,000 km²"), (None, "USD", "–"),
])
def test_amounts_read_as_people_write_them(value, unit, want):
    assert fmt.amount(value, unit) == want


def test_quantities_scores_dates_and_references():
    assert fmt.quantity({"value": 2e10, "unit": "USD", "object": "investment"}) == "US$ 20 billion investment"
    assert fmt.quantity({"value": 35000, "unit": None, "qualifier": "about", "object": "graduates"}) == \
        "about 35,000 graduates"
    assert fmt.quantity({"value": 6600, "unit": "t", "object": "wheat"}) == "6,600 tonnes of wheat"
    assert (fmt.score(7), fmt.score(-8), fmt.score(0.01), fmt.score(None)) == ("+7.0", "−8.0", "0.0", "–")
    assert fmt.share(0.552) == "55%"
    assert fmt.month_label("2025-03") == "Mar 2025" and fmt.month_label("unknown") == "undated"
    assert fmt.day_label("2025-04-11") == "11 Apr 2025" and fmt.day_label("2025") == "2025"
    assert fmt.month_range((2024, 11), (2025, 2)) == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert fmt.reference(ev("x")) == "doc 3f2a9c1e… [120:245]"
    assert fmt.reference(ev("x", doc="russia-syria-tartus-base-talks", start=0, end=9)) == \
        "doc russia-syria-tartus-base-talks [0:9]"
    assert fmt.reference(ev("x"), full=True) == "doc 3f2a9c1e5b7d4a60 [120:245]"
    assert sparkline([0, 1, 4, 8]) == "·▂▅█"


# --- HTML from a hand-built profile -------------------------------------------------------------------------

def test_article_text_is_escaped_everywhere(profile):
    page = render_html(profile, generated_at=WHEN)
    assert XSS not in page and "<script>alert" not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 5  # evidence ×2, key event, change, actor
    assert page.count("<script>") == 1  # the page's own print helper, allowed by hash in the CSP
    assert "Content-Security-Policy" in page and "default-src 'none'" in html.unescape(page)
    assert "&amp; talks go on" in page
    assert 'onmouseover="alert' not in page and "doc x&quot; onmouseover=&quot;alert(2) [120:245]" in page


def test_page_is_self_contained_and_well_formed(profile):
    page = render_html(profile, generated_at=WHEN)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page), "no external resource"
    assert "@import" not in page and "url(" not in page
    checker = Balanced()
    checker.feed(page)
    assert checker.errors == [] and checker.stack == []


def test_page_has_every_section_with_its_content(profile):
    page = render_html(profile, generated_at=WHEN)
    for key in SECTIONS:
        assert f'<section id="{key}"' in page
    assert "<h1>Russia" in page and "Syria</h1>" in page and ">RUS<" in page and ">SYR<" in page
    assert "Jan 2025 – Apr 2025" in page and "2025-11-02" in page and "09:30 UTC" in page
    assert "US$ 20 billion investment" in page and "about 35,000 graduates" in page
    assert "doc 3f2a9c1e… [120:245]" in page and "doc slug-doc [0:30]" in page
    assert "One-sided" in page and "SYR relies on RUS for economic" in page
    assert "Tone turn" in page and "Leader change" in page
    assert "RUS → SYR" in page and "SYR → RUS" in page
    assert "intended" in page and "CAMEO 070" in page  # status badge, CAMEO name on hover
    assert "Ahmed &lt;script&gt;" in page
    assert 'Verbal cooperation<span class="num">50%</span>' in page  # quad shares are the profile's


def test_tone_chart_has_a_group_per_calendar_month_and_describes_itself(profile):
    view = prepare(profile)
    svg = tone_chart(view)
    root = ET.fromstring(svg)  # well-formed XML
    ns = {"s": "http://www.w3.org/2000/svg"}
    months = root.findall(".//s:g[@class='month']", ns)
    assert [g.get("data-month") for g in months] == ["2025-01", "2025-02", "2025-03", "2025-04"]
    assert [g.get("data-events") for g in months] == ["3", "0", "0", "2"]
    assert root.get("role") == "img" and root.get("aria-labelledby") == "tone-title tone-desc"
    assert "Russia and Syria" in root.find("s:title", ns).text
    assert "Most conflict in Apr 2025" in root.find("s:desc", ns).text
    tooltip = months[0].find("s:title", ns).text
    assert "3 events from 2 documents" in tooltip and "RUS→SYR 2" in tooltip
    assert len(root.findall(".//s:rect[@class='coop']", ns)) == 2
    assert len(root.findall(".//s:rect[@class='conflict']", ns)) == 2
    page = render_html(profile, generated_at=WHEN)
    assert "1 event dated only to the year, or not at all, is counted in the totals but not plotted" in page


def test_an_older_or_empty_profile_still_renders():
    page = render_html({"pair": ["CHN", "USA"], "events": 0, "sources": 0, "quad_shares": {}, "directed": {},
                        "monthly": [], "dimensions": [], "dependencies": [], "balance": "no dependency found",
                        "key_events": []})
    assert "China" in page and "United States" in page  # names from the knowledge base
    assert "No dated events" in page and "This profile has no change analysis" in page
    assert "<svg class=\"chart tone-chart\"" not in page
    assert "## Tone over time" in render_markdown({"pair": ["CHN", "USA"], "monthly": []})


# --- Markdown -----------------------------------------------------------------------------------------------

def test_markdown_has_the_same_sections_and_escapes_markup(profile):
    text = render_markdown(profile, generated_at=WHEN)
    assert text.startswith("# Russia – Syria (RUS–SYR)")
    for heading in MD_HEADINGS:
        assert f"\n{heading}\n" in text
    assert "### Military" in text and "### Education" in text
    assert "US$ 20 billion investment" in text and "`doc 3f2a9c1e5b7d4a60 [120:245]`" in text
    assert "Events per month, Jan 2025 – Apr 2025: `" in text
    assert XSS not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "**Balance:** one-sided: SYR relies on RUS for economic" in text
    table_rows = [line for line in text.splitlines() if line.startswith("| ")]
    widths = {}
    for line in table_rows:  # every row of a table has as many cells as its header (no stray pipe)
        cells = len(re.findall(r"(?<!\\)\|", line))
        widths.setdefault(cells, 0)
        widths[cells] += 1
    assert all(n >= 2 for n in widths.values())


# --- writing files ------------------------------------------------------------------------------------------

def test_write_report_refuses_to_overwrite_without_force(profile, tmp_path):
    out = tmp_path / "r.html"
    out.write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputExists) as err:
        write_report(profile, out)
    assert "--force" in str(err.value) and out.read_text(encoding="utf-8") == "keep me"
    write_report(profile, out, force=True)
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
    md = write_report(profile, tmp_path / "sub" / "r.md", fmt=None)
    assert md.read_text(encoding="utf-8").startswith("# Russia")
    assert not list(tmp_path.glob(".*.tmp")) and not list((tmp_path / "sub").glob(".*.tmp"))
    with pytest.raises(UsageError):
        write_report(profile, tmp_path / "x.html", fmt="pdf")


# --- end to end ---------------------------------------------------------------------------------------------

CHN_USA = ["text/us-china-geneva-tariff-truce.txt", "text/china-bans-gallium-germanium-exports-to-us.txt",
           "html/trump-xi-busan-meeting.html", "html/blinken-warns-china-over-russia-support.html"]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, pipeline) -> Path:
    from dyadwatch.ingest import ingest
    from dyadwatch.store import Store

    path = tmp_path_factory.mktemp("report") / "report.duckdb"
    with Store.open(path) as store:
        report = ingest([str(DEMO / f) for f in CHN_USA], store, pipeline=pipeline)
    assert report.failed == [] and report.stored == len(CHN_USA)
    return path


@pytest.fixture(scope="module")
def real_profile(store_path) -> dict:
    from dyadwatch.store import Store, queries

    with Store.open(store_path, read_only=True) as store:
        return queries.dyad_profile(store, "USA", "CHN")


@pytest.fixture
def run_cli(monkeypatch, capsys):
    """`dyadwatch ...` with the report subcommand, whether or not cli/__init__ wires it in yet."""
    build = cli.build_parser

    def with_report():
        parser = build()
        sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
        if "report" not in sub.choices:
            add_parser(sub)
        return parser

    monkeypatch.setattr(cli, "build_parser", with_report)

    def run(*args) -> tuple[int, str, str]:
        code = cli.main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err
    return run


def _months_between(first: str, last: str) -> int:
    (y1, m1), (y2, m2) = (map(int, first.split("-")), map(int, last.split("-")))
    return (y2 - y1) * 12 + m2 - m1 + 1


def test_cli_writes_html_and_markdown_and_refuses_to_overwrite(run_cli, store_path, tmp_path):
    out = tmp_path / "chn-usa.html"
    code, stdout, err = run_cli("report", "usa", "chn", "--out", out, "--db", store_path)
    assert code == 0, err
    assert "wrote" in stdout and out.read_text(encoding="utf-8").startswith("<!doctype html>")
    before = out.read_bytes()
    code, _, err = run_cli("report", "CHN", "USA", "--out", out, "--db", store_path)
    assert code == 2 and "[DW401]" in err and "--force" in err and out.read_bytes() == before
    code, _, err = run_cli("report", "CHN", "USA", "--out", out, "--db", store_path, "--force", "--format", "md")
    assert code == 0, err
    assert out.read_text(encoding="utf-8").startswith("# China – United States")
    code, _, err = run_cli("report", "CHN", "CHN", "--out", tmp_path / "x.html", "--db", store_path)
    assert code == 2 and "two different countries" in err
    code, _, err = run_cli("report", "CHN", "USA", "--out", tmp_path / "y.md", "--db", store_path)
    assert code == 0 and (tmp_path / "y.md").read_text(encoding="utf-8").startswith("# China")


def test_markdown_of_the_real_profile(real_profile):
    text = render_markdown(real_profile)
    for heading in MD_HEADINGS:
        assert heading in text
    assert real_profile["dimensions"] and real_profile["dependencies"]
    for d in real_profile["dimensions"]:
        assert f"### {fmt.dimension_label(d['dimension'])}" in text
    assert re.search(r"`doc [\w-]+ \[\d+:\d+\]`", text)


@needs_chromium
def test_the_page_opens_offline_in_chromium_with_its_chart(real_profile, tmp_path):
    out = write_report(real_profile, tmp_path / "chn-usa.html")
    url = out.resolve().as_uri()
    dated = [m["month"] for m in real_profile["monthly"] if re.fullmatch(r"\d{4}-\d{2}", m["month"])]
    with open_page(url, width=1200, height=900) as (page, log):
        assert log.problems == []
        assert log.requests == [url], "the page requests nothing but itself"
        chart = page.locator("svg.tone-chart")
        box = chart.bounding_box()
        assert box and box["width"] > 600 and box["height"] > 200
        groups = page.locator("svg.tone-chart g.month")
        assert groups.count() == _months_between(min(dated), max(dated))
        with_events = {m["month"] for m in real_profile["monthly"] if m["month"] in dated and m["events"]}
        assert set(page.eval_on_selector_all("svg.tone-chart g.month:not([data-events='0'])",
                                             "els => els.map(e => e.dataset.month)")) == with_events
        assert page.locator("#dimensions article.dim").count() == len(real_profile["dimensions"]) > 0
        assert page.locator("#dependencies table.deps tbody tr").count() == len(real_profile["dependencies"]) > 0
        assert page.locator("#events table.key-events tbody tr").count() == len(real_profile["key_events"])
        assert page.locator("h1").inner_text() == "China–United States"
        refs = page.eval_on_selector_all(".evidence .ref", "els => els.map(e => e.textContent)")  # folded ones too
        assert refs and all(re.fullmatch(r"doc \S+ \[\d+:\d+\]", r) for r in refs)
        screenshot(page, ROOT / "build" / "screenshots" / "report.png")
        page.set_viewport_size({"width": 900, "height": 900})  # readable at 900px: nothing spills sideways
        assert page.evaluate("document.documentElement.scrollWidth") <= 900
        assert chart.bounding_box()["width"] > 780


@needs_chromium
def test_hostile_article_text_shows_as_text_in_the_browser(profile, tmp_path):
    out = write_report(profile, tmp_path / "hostile.html")
    with open_page(out.resolve().as_uri()) as (page, log):
        page.wait_for_timeout(100)
        assert log.problems == [] and log.dialogs == []
        assert XSS in page.locator("#dimensions").inner_text()
        assert XSS in page.locator("#events").inner_text()
        assert page.evaluate("document.scripts.length") == 1
