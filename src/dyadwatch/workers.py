"""Analysis on every core: worker processes, each loading the spaCy pipeline once, fed a bounded window of
documents so that memory does not grow with the corpus, and answering in input order.

    with WorkerPool(2) as pool:
        for document, outcome in pool.analyze(documents):
            ...  # outcome is an Analysis, or the DyadwatchError that rejected this one document

Workers are started with "spawn" (no inherited DuckDB handles or threads) and build the pipeline from its
stage names, so a user's own stage must be registered at import time of a module the worker imports
(`DYADWATCH_PLUGINS`, comma-separated module names, is imported by each worker before the pipeline is built).
What comes back is the analysis without spaCy's Doc: everything the store and the JSON output need.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from . import config
from .errors import DyadwatchError, InputError, WorkerDied
from .model import Analysis, Document
from .pipeline import Pipeline

_PIPELINE: Pipeline | None = None


def worker_count(requested: int | str | None = None) -> int:
    """Workers to use: a number, or "auto" (every core this process may run on)."""
    value = requested if requested not in (None, "") else config.get("ingest", "workers")
    if str(value) == "auto":
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # not on Linux
            return max(1, os.cpu_count() or 1)
    return max(1, int(value))


def _watch_parent(parent: int) -> None:
    """End this worker once the process that started it is gone (killed with SIGKILL, or by the OOM killer),
    instead of waiting forever for work that will not come."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)


def _init(names: list[str]) -> None:
    global _PIPELINE
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True, name="dyadwatch-parent-watch").start()
    for module in filter(None, os.environ.get("DYADWATCH_PLUGINS", "").split(",")):
        importlib.import_module(module.strip())
    _PIPELINE = Pipeline(names)
    _PIPELINE.nlp  # noqa: B018  load the model once, before the first document


def _slim(analysis: Analysis) -> Analysis:
    analysis.doc = None
    analysis.token_actor = {}
    analysis.token_actors = {}
    return analysis


def _analyze_chunk(docs: list[Document]) -> list[Analysis | DyadwatchError]:
    """Analyses of a chunk in order; a document whose analysis fails is rejected alone."""
    assert _PIPELINE is not None, "worker not initialised"
    try:
        return [_slim(a) for a in _PIPELINE.analyze_many(docs)]
    except DyadwatchError:
        raise
    except Exception:  # find the document at fault, one at a time
        pass
    out: list[Analysis | DyadwatchError] = []
    for doc in docs:
        try:
            out.append(_slim(_PIPELINE.analyze(doc)))
        except DyadwatchError:
            raise
        except Exception as exc:
            out.append(InputError(f"analysis failed: {type(exc).__name__}: {exc}", origin=doc.origin,
                                  hint="please report this document as a bug"))
    return out


class WorkerPool:
    def __init__(self, workers: int, pipeline: Pipeline | None = None) -> None:
        self.workers = workers
        self.names = (pipeline or Pipeline.default()).names
        self.chunk = int(config.get("ingest", "chunk"))
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> WorkerPool:
        self._executor = ProcessPoolExecutor(max_workers=self.workers, initializer=_init, initargs=(self.names,),
                                             mp_context=multiprocessing.get_context("spawn"))
        return self

    def __exit__(self, *_: object) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def analyze(self, documents: Iterable[Document]) -> Iterator[tuple[Document, Analysis | DyadwatchError]]:
        """(document, analysis or rejection) in input order, at most a few chunks per worker in flight."""
        assert self._executor is not None, "use WorkerPool as a context manager"
        window: deque[tuple[list[Document], Future]] = deque()
        it = iter(documents)
        limit = self.workers * 3
        chunk: list[Document] = []
        try:
            while True:
                while len(window) < limit and (chunk := list(islice(it, self.chunk))):
                    window.append((chunk, self._executor.submit(_analyze_chunk, chunk)))
                if not window:
                    return
                chunk, future = window.popleft()
                results = future.result()
                yield from zip(chunk, results)
        except BrokenProcessPool as exc:
            where = f" while analysing {chunk[0].origin or chunk[0].id}" if chunk else ""
            raise WorkerDied(f"a worker process died (killed, or out of memory){where}") from exc
