"""Ingest from the browser: uploaded files are checked, saved under generated names (a-z, 0-9 and dashes
made from the client's name, one numbered subfolder each) in a private temporary folder, and ingested by one background thread, one job at a time, one file after another so that the page can
show progress. Only when the app was started with ingest allowed.

Checks, in order: the extension must be one the readers take (415), each file at most `max_file_mb` (413; the
whole request is refused up front when its Content-Length exceeds what `max_files` such files could need), no
NUL byte in the first kilobytes (415: binary). The client's file name is kept for display only; it never
becomes a path.
"""

from __future__ import annotations

import re
import secrets
import shutil
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import DyadwatchError

EXTENSIONS = (".txt", ".html", ".htm", ".xml", ".rss", ".atom", ".json", ".jsonl")
MAX_FILE_MB = 20
MAX_FILES = 50
KEEP_JOBS = 20
CHUNK = 1 << 16


class UploadRefused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def extension_of(name: str) -> str:
    """The lower-cased extension of the client's file name ("" if none); the name itself is not used."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return ("." + base.rsplit(".", 1)[1].lower()) if "." in base.strip(".") else ""


def display_name(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1].strip() or "upload"
    return base[:120]


def safe_stem(name: str) -> str:
    """A file stem made of a-z, 0-9 and dashes from the client's name ("upload" if nothing is left): the readers
    take a text or HTML file's stem as its document id, so an upload keeps a readable id."""
    stem = display_name(name).rsplit(".", 1)[0] if "." in display_name(name) else display_name(name)
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:60] or "upload"


def save_upload(stream: BinaryIO, folder: Path, index: int, name: str, ext: str, max_bytes: int) -> tuple[Path, int]:
    """Copy an upload into its own numbered subfolder of `folder`, under a name generated from the client's name
    (a-z, 0-9, dashes); UploadRefused when too large, empty or binary."""
    sub = folder / f"{index:03d}"
    sub.mkdir()
    path = sub / f"{safe_stem(name)}{ext}"
    size = 0
    with path.open("xb") as out:
        while chunk := stream.read(CHUNK):
            if size == 0 and b"\x00" in chunk[:8192]:
                raise UploadRefused(415, "binary file: dyadwatch reads text, HTML, feeds, JSON and JSONL")
            size += len(chunk)
            if size > max_bytes:
                raise UploadRefused(413, f"file larger than {max_bytes // (1 << 20)} MB")
            out.write(chunk)
    if size == 0:
        raise UploadRefused(400, "empty file")
    return path, size


@dataclass
class FileState:
    name: str
    size: int
    status: str = "queued"  # queued, ingesting, done, failed
    stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class Job:
    id: str
    files: list[FileState]
    status: str = "queued"  # queued, loading, running, done, failed
    message: str = ""
    created: float = field(default_factory=time.time)
    finished: float | None = None
    documents: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        done = sum(1 for f in self.files if f.status in {"done", "failed"})
        totals = {k: sum(getattr(f, k) for f in self.files) for k in ("stored", "duplicates", "near_duplicates",
                                                                      "failed")}
        return {"id": self.id, "status": self.status, "message": self.message, "files_total": len(self.files),
                "files_done": done, **totals, "files": [asdict(f) for f in self.files],
                "documents": self.documents, "created": self.created, "finished": self.finished}


class JobManager:
    """Runs ingest jobs in one background thread, in the order they came."""

    def __init__(self, db_path: Path, pipeline_factory: Callable[[], Any]) -> None:
        self.db_path = db_path
        self.pipeline_factory = pipeline_factory
        self._pipeline: Any = None
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._folders: dict[str, tuple[Path, list[Path]]] = {}
        self._lock = threading.Lock()
        self._run_lock = threading.Lock()

    def submit(self, folder: Path, saved: list[tuple[str, Path, int]]) -> Job:
        job = Job(id=secrets.token_hex(8), files=[FileState(name, size) for name, _, size in saved])
        with self._lock:
            self._jobs[job.id] = job
            self._folders[job.id] = (folder, [p for _, p, _ in saved])
            while len(self._jobs) > KEEP_JOBS:
                old, old_job = next(iter(self._jobs.items()))
                if old_job.status not in {"done", "failed"}:
                    break
                self._jobs.pop(old)
        threading.Thread(target=self._run, args=(job,), name=f"ingest-{job.id}", daemon=True).start()
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def jobs(self) -> list[Job]:
        with self._lock:
            return list(reversed(self._jobs.values()))

    def _run(self, job: Job) -> None:
        folder, paths = self._folders.pop(job.id)
        try:
            with self._run_lock:  # one job at a time: DuckDB has one writer
                self._ingest(job, paths)
        except DyadwatchError as exc:
            job.status, job.message = "failed", str(exc)
        except Exception as exc:  # a bug: the job says so instead of hanging at "running"
            job.status, job.message = "failed", f"internal error: {type(exc).__name__}: {exc}"
        finally:
            job.finished = time.time()
            shutil.rmtree(folder, ignore_errors=True)

    def _ingest(self, job: Job, paths: list[Path]) -> None:
        from ..ingest import ingest
        from ..store import Store

        if self._pipeline is None:
            job.status, job.message = "loading", "loading the language model"
            self._pipeline = self.pipeline_factory()
            self._pipeline.nlp  # noqa: B018  (load it now, not inside the first file)
        job.status, job.message = "running", ""
        with Store.open(self.db_path) as store:
            for state, path in zip(job.files, paths):
                state.status = "ingesting"
                report = ingest([str(path)], store, pipeline=self._pipeline, workers=1)
                state.stored, state.duplicates = report.stored, report.duplicates
                state.near_duplicates, state.failed = report.near_duplicates, len(report.failed)
                state.errors = [f"[{r.error.code}] {r.error.message}" for r in report.failed]
                state.status = "failed" if report.failed and not (report.stored or report.near_duplicates
                                                                   or report.duplicates) else "done"
            job.documents = [{"id": r[0], "title": r[1]} for r in store.con.execute(
                "SELECT id, title FROM documents WHERE " + " OR ".join(["starts_with(origin, ?)"] * len(paths))
                + " ORDER BY published DESC NULLS LAST, id", [str(p) for p in paths]).fetchall()]
        job.status = "done"
        stored = sum(f.stored + f.near_duplicates for f in job.files)
        job.message = f"{stored} document{'s' if stored != 1 else ''} stored"


def new_folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="dyadwatch-upload-"))
