"""The JSON API (/api/...): the data behind every page, and the upload endpoint of the ingest page."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse

from . import actors, corpus, documents, dyads, ingest_jobs
from . import search as search_mod
from .ingest_jobs import EXTENSIONS, UploadRefused

router = APIRouter(prefix="/api", tags=["api"])

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MONTH = r"^(\d{4}-\d{2}|undated)$"
TYPE = r"^[A-Za-z_]{2,24}$"
STATUS = r"^[a-z_ ]{1,24}$"
TEXT = 300  # longest id or query accepted


def access(request: Request):
    return request.app.state.store


def pair_or_400(value: str) -> tuple[str, str]:
    pair = dyads.parse_pair(value)
    if pair is None:
        raise HTTPException(400, "not a dyad: write two different ISO 3166-1 alpha-3 codes joined by '-', "
                                 "e.g. CHN-USA")
    return tuple(sorted(pair))  # type: ignore[return-value]


@router.get("/status", summary="The store and what the dashboard may do")
def status(request: Request) -> dict[str, Any]:
    settings = request.app.state.settings
    return {"store": str(settings.db_path), "read_only": settings.read_only, "allow_ingest": settings.allow_ingest,
            "search_engine": search_mod.engine(), "max_file_mb": settings.max_file_mb,
            "extensions": list(EXTENSIONS)}


@router.get("/overview", summary="Counts, documents by month and source, most active dyads, recent changes")
def overview(request: Request) -> dict[str, Any]:
    return access(request).cached(("overview",), corpus.overview)


@router.get("/documents", summary="Stored documents, newest first (near-duplicates included and marked)")
def document_list(request: Request, month: Annotated[str | None, Query(pattern=MONTH)] = None,
                  source: Annotated[str | None, Query(max_length=TEXT)] = None,
                  page: Annotated[int, Query(ge=1, le=100000)] = 1) -> dict[str, Any]:
    return access(request).cached(("documents", month, source, page),
                                  lambda s: corpus.documents(s, month=month, source=source, page=page))


@router.get("/dyads", summary="The most active dyads (optionally those of one country)")
def dyad_list(request: Request, limit: Annotated[int, Query(ge=1, le=500)] = 50,
              country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None) -> list[dict[str, Any]]:
    code = country.upper() if country else None
    return access(request).cached(("dyads", limit, code), lambda s: dyads.top_dyads(s, limit, country=code))


def profile_or_404(request: Request, a: str, b: str) -> dict[str, Any]:
    from ..store import queries

    profile = access(request).cached(("profile", a, b), lambda s: queries.dyad_profile(s, a, b))
    if not profile["events"] and not profile["sources"]:
        raise HTTPException(404, f"nothing is stored about {a} and {b}")
    return profile


@router.get("/dyad/{pair}", summary="The relationship profile of a dyad, e.g. CHN-USA")
def dyad_profile(request: Request, pair: str) -> dict[str, Any]:
    a, b = pair_or_400(pair)
    return profile_or_404(request, a, b)


@router.get("/dyad/{pair}/events", summary="A dyad's events, newest first, filtered")
def dyad_events(request: Request, pair: str, type: Annotated[str | None, Query(pattern=TYPE)] = None,  # noqa: A002
                status: Annotated[str | None, Query(pattern=STATUS)] = None,
                since: Annotated[str | None, Query(pattern=DATE)] = None,
                until: Annotated[str | None, Query(pattern=DATE)] = None,
                doc: Annotated[str | None, Query(max_length=TEXT)] = None,
                limit: Annotated[int, Query(ge=1, le=5000)] = 200) -> dict[str, Any]:
    a, b = pair_or_400(pair)
    return access(request).cached(
        ("events", a, b, type, status, since, until, doc, limit),
        lambda s: dyads.dyad_events(s, a, b, type_=type, status=status, since=since, until=until, doc=doc,
                                    limit=limit))


def _found_or_404(request: Request, kind: str, key: str, load) -> dict[str, Any]:
    """The stored item `key` of `kind` ("document", "actor") loaded by `load(store, key)`, else a 404."""
    if not key or len(key) > TEXT:
        raise HTTPException(404, f"no such {kind}")
    found = access(request).cached((kind, key), lambda s: load(s, key))
    if found is None:
        raise HTTPException(404, f"no such {kind} in the store")
    return found


def document_or_404(request: Request, doc_id: str) -> dict[str, Any]:
    return _found_or_404(request, "document", doc_id, documents.document)


@router.get("/doc/{doc_id:path}", summary="A document with its actors, events, dates, quantities and quotes")
def document(request: Request, doc_id: str) -> dict[str, Any]:
    return documents.public(document_or_404(request, doc_id))


def actor_or_404(request: Request, actor_id: str) -> dict[str, Any]:
    return _found_or_404(request, "actor", actor_id, actors.actor)


@router.get("/actor/{actor_id:path}", summary="An actor: roles, offices, events, partners")
def actor(request: Request, actor_id: str) -> dict[str, Any]:
    return actor_or_404(request, actor_id)


def run_search(request: Request, q: str) -> dict[str, Any]:
    from .db import store_version

    version = store_version(request.app.state.settings.db_path)
    return access(request).cached(("search", q), lambda s: search_mod.search(s, q, version=version))


@router.get("/search", summary="Full-text search over the documents (the answer names the engine used)")
def search(request: Request, q: Annotated[str, Query(max_length=TEXT)] = "") -> dict[str, Any]:
    found = run_search(request, q)
    return {**found, "results": [{k: v for k, v in r.items() if k != "snippet_html"} for r in found["results"]]}


# --- ingest -------------------------------------------------------------------------------------------------

UPLOAD_DOC = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["files"],
    "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}}}}}}}}


def jobs_or_403(request: Request):
    jobs = request.app.state.jobs
    if jobs is None:
        raise HTTPException(403, "ingest is disabled: start the dashboard with `dyadwatch serve --allow-ingest`")
    return jobs


def _same_origin(request: Request) -> bool:
    """Browsers send Origin (and Sec-Fetch-Site) with every POST: refuse another site's page posting here."""
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    return origin is None or origin.split("://", 1)[-1] == request.headers.get("host", "")


@router.post("/ingest", status_code=202, openapi_extra=UPLOAD_DOC,
             summary="Upload files to ingest (only with --allow-ingest); answers a job to poll",
             responses={403: {"description": "ingest is disabled"}, 413: {"description": "a file is too large"},
                        415: {"description": "a file is of a type the readers do not take"}})
async def upload(request: Request) -> JSONResponse:
    jobs = jobs_or_403(request)
    if not _same_origin(request):
        raise HTTPException(403, "uploads are accepted from the dashboard's own pages only")
    settings = request.app.state.settings
    max_bytes = int(settings.max_file_mb * (1 << 20))
    length = request.headers.get("content-length")
    if length is None or not length.isdigit():
        raise HTTPException(411, "the upload needs a Content-Length")
    if int(length) > max_bytes * settings.max_files + (1 << 20):
        raise HTTPException(413, f"the upload is too large: at most {settings.max_files} files of "
                                 f"{settings.max_file_mb:g} MB each")
    form = await request.form(max_files=settings.max_files, max_fields=8)
    files = [f for f in form.getlist("files") if hasattr(f, "filename")]
    if not files:
        raise HTTPException(400, "no file in the upload (send them as multipart field 'files')")
    for f in files:
        ext = ingest_jobs.extension_of(f.filename or "")
        if ext not in EXTENSIONS:
            raise HTTPException(415, f"{ingest_jobs.display_name(f.filename or '?')}: not a file type dyadwatch "
                                     f"reads (it takes {', '.join(EXTENSIONS)})")
    folder = ingest_jobs.new_folder()
    saved = []
    try:
        for i, f in enumerate(files):
            name = f.filename or "upload"
            path, size = ingest_jobs.save_upload(f.file, folder, i, name, ingest_jobs.extension_of(name), max_bytes)
            saved.append((ingest_jobs.display_name(name), path, size))
    except UploadRefused as exc:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
        name = ingest_jobs.display_name(files[len(saved)].filename or "?")
        raise HTTPException(exc.status, f"{name}: {exc.message}") from None
    finally:
        await form.close()
    job = jobs.submit(folder, saved)
    return JSONResponse(job.as_dict() | {"url": f"/api/ingest/{job.id}"}, status_code=202)


@router.get("/ingest", summary="The ingest jobs of this session, newest first")
def ingest_jobs_list(request: Request) -> list[dict[str, Any]]:
    return [j.as_dict() for j in jobs_or_403(request).jobs()]


@router.get("/ingest/{job_id}", summary="One ingest job's progress")
def ingest_job(request: Request, job_id: str) -> dict[str, Any]:
    job = jobs_or_403(request).get(job_id)
    if job is None:
        raise HTTPException(404, "no such ingest job")
    return job.as_dict()
