"""Ingest: read inputs, analyse documents in batches, store them; every rejected input is recorded."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice

from . import config
from .errors import DyadwatchError
from .model import Analysis, Document
from .pipeline import Pipeline
from .readers import Rejection, iter_documents
from .store import Store
from .workers import WorkerPool, worker_count


@dataclass
class IngestReport:
    stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    failed: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0
    expected: int | None = None  # about how many documents the input holds, once counted (shards.count_documents)

    @property
    def seen(self) -> int:
        return self.stored + self.duplicates + self.near_duplicates + len(self.failed)

    @property
    def seconds_left(self) -> float | None:
        """The time left at the rate so far, once the input is counted."""
        if not self.expected or not self.seen or not self.seconds:
            return None
        return max(0.0, (self.expected - self.seen) * self.seconds / self.seen)

    def as_dict(self) -> dict:
        return {"stored": self.stored, "duplicates": self.duplicates, "near_duplicates": self.near_duplicates,
                "failed": len(self.failed), "seconds": round(self.seconds, 2), "expected": self.expected,
                "failures": [r.error.as_dict() | {"origin": r.origin} for r in self.failed]}


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def ingest(paths: Iterable[str], store: Store, *, pipeline: Pipeline | None = None, fmt: str | None = None,
           published: str | None = None, progress: Callable[[IngestReport], None] | None = None,
           workers: int | str | None = None) -> IngestReport:
    """Read, analyse and store every document under `paths`, streaming. Documents already stored are skipped
    before analysis; a rejected input is recorded in the store and reported, and the rest goes on. With more
    than one worker (default: every core) the analysis runs in worker processes, results stored in input
    order; a small job runs in-process, where starting workers would cost more than it saves."""
    pipeline = pipeline or Pipeline.default()
    report = IngestReport()
    started = last = time.monotonic()
    paths = list(paths)
    if progress and "-" not in paths:  # counted alongside: a folder of a million files takes a few seconds
        threading.Thread(target=count_into, args=(report, paths), daemon=True).start()

    def tick() -> None:
        nonlocal last
        now = time.monotonic()
        if progress and now - last >= 0.5:
            last = now
            report.seconds = now - started
            progress(report)

    def pending() -> Iterator[Document]:
        for item in iter_documents(paths, fmt):
            if isinstance(item, Rejection):
                report.failed.append(item)
                store.record_rejection(item.error, item.origin)
            elif store.has_hash(item.hash):
                report.duplicates += 1  # stored by an earlier run: a resumed ingest skips it
                tick()
            else:
                if published:
                    item.published = published
                yield item

    def keep(analysis: Analysis) -> None:
        result = store.add(analysis)
        if result.status == "stored":
            report.stored += 1
        elif result.status == "near_duplicate":
            report.near_duplicates += 1
        else:
            report.duplicates += 1
        tick()

    n = worker_count(workers)
    docs = pending()
    head = list(islice(docs, int(config.get("ingest", "min_documents_for_workers")))) if n > 1 else []
    if n > 1 and len(head) == int(config.get("ingest", "min_documents_for_workers")):
        with WorkerPool(n, pipeline) as pool:
            for doc, outcome in pool.analyze(chain(head, docs)):
                if isinstance(outcome, DyadwatchError):
                    origin = doc.origin or doc.id or "?"
                    report.failed.append(Rejection(origin, outcome))
                    store.record_rejection(outcome, origin)
                else:
                    keep(outcome)
    else:
        for batch in _batches(chain(head, docs), 32):
            for analysis in _analyze_safely(pipeline, batch, report, store):
                keep(analysis)
    store.commit()
    report.seconds = time.monotonic() - started
    if progress:
        progress(report)
    return report


def count_into(report: IngestReport, paths: list[str]) -> None:
    """Set `report.expected` (in a thread: the count must not hold the ingest up)."""
    from .shards import count_documents

    try:
        report.expected = count_documents(paths)
    except Exception:  # an estimate only: without it, progress shows no time left
        report.expected = None


def _analyze_safely(pipeline: Pipeline, docs: list[Document], report: IngestReport, store: Store):
    """Analyses of the batch; a document whose analysis fails is rejected alone, not the batch."""
    done = 0
    try:
        for analysis in pipeline.analyze_many(docs):
            done += 1
            yield analysis
        return
    except DyadwatchError:
        raise
    except Exception:  # fall back to one at a time to find the document at fault
        pass
    for doc in docs[done:]:
        try:
            yield pipeline.analyze(doc)
        except DyadwatchError:
            raise
        except Exception as exc:
            from .errors import InputError

            error = InputError(f"analysis failed: {type(exc).__name__}: {exc}", origin=doc.origin,
                               hint="please report this document as a bug")
            report.failed.append(Rejection(doc.origin or doc.id or "?", error))
            store.record_rejection(error, doc.origin or doc.id or "?")
