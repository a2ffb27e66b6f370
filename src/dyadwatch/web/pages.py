"""The HTML pages. Each reads the same data as its /api/ route and renders a template; charts are inline SVG."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from ..reports import charts
from ..reports import format as fmt
from ..reports.data import prepare
from . import corpus, dyads, svg
from . import documents as docs
from .api import (
    DATE,
    MONTH,
    STATUS,
    TEXT,
    TYPE,
    access,
    actor_or_404,
    document_or_404,
    pair_or_400,
    profile_or_404,
    run_search,
)
from .highlight import markup
from .ingest_jobs import EXTENSIONS
from .render import page_context
from .urls import actor_url

router = APIRouter(include_in_schema=False)


def page(request: Request, template: str, **values: Any) -> HTMLResponse:
    html = request.app.state.templates.get_template(template).render(page_context(request, **values))
    return HTMLResponse(html)


def _month_span(first: str | None, last: str | None, limit: int = 36) -> list[str]:
    a, b = fmt.month_key(first), fmt.month_key(last)
    if not a or not b:
        return []
    return fmt.month_range(a, b)[-limit:]


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    data = access(request).cached(("overview",), corpus.overview)
    by_month = data["documents_by_month"]
    # the sparklines span the publication months (an event may be dated years before or after its article)
    months = _month_span(data["counts"]["first_month"], data["counts"]["last_month"])
    for d in data["dyads"]:
        d["spark"] = svg.sparkline(dyads.spark_values(d["monthly"], months),
                                   label=f"events by month, {fmt.month_label(months[0]) if months else ''} on")
    top_source = max([s["documents"] for s in data["documents_by_source"]] + [1])
    return page(request, "overview.html", data=data, counts=data["counts"],
                chart=svg.month_bars({k: v for k, v in by_month.items() if k != "undated"},
                                     href="/documents?month="),
                undated=by_month.get("undated", 0), top_source=top_source, hbar=svg.hbar,
                spark_months=months)


@router.get("/documents", response_class=HTMLResponse)
def document_list(request: Request, month: Annotated[str | None, Query(pattern=MONTH)] = None,
                  source: Annotated[str | None, Query(max_length=TEXT)] = None,
                  page_no: Annotated[int, Query(alias="page", ge=1, le=100000)] = 1) -> HTMLResponse:
    data = access(request).cached(("documents", month, source, page_no),
                                  lambda s: corpus.documents(s, month=month, source=source, page=page_no))
    return page(request, "documents.html", data=data)


@router.get("/dyad/{pair}", response_class=HTMLResponse)
def dyad(request: Request, pair: str, type_: Annotated[str | None, Query(alias="type", pattern=TYPE)] = None,
         status: Annotated[str | None, Query(pattern=STATUS)] = None,
         since: Annotated[str | None, Query(pattern=DATE)] = None,
         until: Annotated[str | None, Query(pattern=DATE)] = None,
         doc: Annotated[str | None, Query(max_length=TEXT)] = None) -> Response:
    a, b = pair_or_400(pair)
    if pair != f"{a}-{b}":
        target = f"/dyad/{a}-{b}" + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(target, status_code=308)
    filters = {"type": type_ or "", "status": status or "", "since": since or "", "until": until or "",
               "doc": doc or ""}
    # the events table's query runs in a second thread while the profile (mostly Python) is worked out
    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(access(request).cached, ("events-page", a, b, type_, status, since, until, doc),
                              lambda s: dyads.dyad_events(s, a, b, type_=type_, status=status, since=since,
                                                          until=until, doc=doc, facets=True))
        try:
            profile = profile_or_404(request, a, b)
        finally:
            events = pending.result()
    view = prepare(profile)
    chart = Markup(charts.tone_chart(view)) if view.months else Markup("")
    return page(request, "dyad.html", p=profile, view=view, a=a, b=b, chart=chart, events=events,
                filters=filters, quad=Markup(charts.quad_bar(profile["quad_shares"])), hbar=svg.hbar)


@router.get("/doc/{doc_id:path}", response_class=HTMLResponse)
def document(request: Request, doc_id: str, event: Annotated[str | None, Query(max_length=TEXT)] = None,
             span: Annotated[str | None, Query(pattern=r"^\d{1,9}-\d{1,9}$")] = None) -> HTMLResponse:
    doc = document_or_404(request, doc_id)
    focus_event = next((e for e in doc["events"] if e["id"] == event), None) if event else None
    focus_span = tuple(int(x) for x in span.split("-")) if span else None
    text = markup(doc["text"], docs.spans(doc, focus_event=focus_event["id"] if focus_event else None,
                                          focus_span=focus_span))  # type: ignore[arg-type]
    return page(request, "doc.html", doc=doc, text=text, legend=docs.legend(doc), focus_event=focus_event,
                missing_event=bool(event and not focus_event), focus_span=focus_span)


@router.get("/actor/{actor_id:path}", response_class=HTMLResponse)
def actor(request: Request, actor_id: str) -> HTMLResponse:
    a = actor_or_404(request, actor_id)
    network = svg.network({"id": a["id"], "name": a["name"]}, a["partners"], a["links"], href=actor_url)
    return page(request, "actor.html", a=a, network=network)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: Annotated[str, Query(max_length=TEXT)] = "") -> HTMLResponse:
    from .search import ENGINES, engine

    found = run_search(request, q) if q.strip() else None
    return page(request, "search.html", q=q, found=found, engine=engine(), engine_label=ENGINES[engine()])


@router.get("/ingest", response_class=HTMLResponse)
def ingest(request: Request) -> HTMLResponse:
    settings = request.app.state.settings
    jobs = request.app.state.jobs
    return page(request, "ingest.html", jobs=[j.as_dict() for j in jobs.jobs()] if jobs else [],
                extensions=EXTENSIONS, max_file_mb=settings.max_file_mb, max_files=settings.max_files)


@router.get("/favicon.ico")
def favicon() -> Response:
    return RedirectResponse("/static/favicon.svg", status_code=308)


@router.get("/dyad", response_class=HTMLResponse)
def dyad_query(request: Request, a: str = "", b: str = "") -> Response:
    """The dyad picker's form: /dyad?a=CHN&b=USA → /dyad/CHN-USA."""
    pair = dyads.parse_pair(f"{a.strip()}-{b.strip()}")
    if pair is None:
        raise HTTPException(400, "pick two different countries by their ISO3 codes, e.g. CHN and USA")
    x, y = sorted(pair)
    return RedirectResponse(f"/dyad/{x}-{y}", status_code=303)
