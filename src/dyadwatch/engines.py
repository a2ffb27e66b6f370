"""Ingest engines: `local` (the streaming ingest, in-process or worker processes) and `dask` (shards of files
analysed on a dask.distributed cluster into Parquet, loaded into the store in input order by this process).

    report = run_dask(["corpus/"], store)                          # a LocalCluster, one worker per core
    report = run_dask(["corpus/"], store, scheduler="tcp://host:8786")

The shards' Parquet files live next to the store (`<store>.shards/`, which the workers must be able to reach:
a shared file system for a remote cluster) and are removed once every shard is loaded. A run that stops half
way keeps the shards finished so far; the next run reuses them, and loads nothing twice.
"""

from __future__ import annotations

import logging
import shutil
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import WorkerDied
from .ingest import IngestReport, count_into, ingest
from .pipeline import Pipeline
from .readers import Rejection
from .shards import Shard, ShardResult, analyse_shard, load_shard, loaded_keys, make_shards, shard_done
from .store import Store
from .workers import worker_count

__all__ = ["ENGINES", "ShardedReport", "run_local", "run_dask", "shards_dir"]

ENGINES = ("local", "dask")
SHARD_SIZE = 32  # files per shard


@dataclass
class ShardedReport(IngestReport):
    shards_total: int = 0
    shards_done: int = 0  # loaded into the store (now or by an earlier run)
    shards_reused: int = 0  # analysed by an earlier run, not recomputed
    shards_failed: int = 0

    def as_dict(self) -> dict:
        return super().as_dict() | {"shards": {"total": self.shards_total, "done": self.shards_done,
                                               "reused": self.shards_reused, "failed": self.shards_failed}}


def run_local(paths: Iterable[str], store: Store, **options) -> IngestReport:
    """Today's path: the streaming ingest (see dyadwatch.ingest.ingest for the options)."""
    return ingest(paths, store, **options)


def shards_dir(store_path: Path | str) -> Path:
    path = Path(store_path)
    return path.with_name(path.name + ".shards")


def _client(scheduler: str | None, n_workers: int | None):
    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=n_workers or worker_count(None), threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), cluster


def run_dask(paths: Iterable[str], store: Store, *, scheduler: str | None = None, shard_size: int = SHARD_SIZE,
             fmt: str | None = None, published: str | None = None, pipeline: Pipeline | None = None,
             progress: Callable[[IngestReport], None] | None = None, n_workers: int | None = None,
             attempts: int = 2) -> ShardedReport:
    """Analyse every shard not yet loaded on a dask cluster (a LocalCluster of `n_workers` processes unless a
    scheduler address is given), load the finished ones into the store in shard order as they come, retry a
    failed shard once (`attempts` in all), report it after that; remove the shards folder when all loaded."""
    started = time.monotonic()
    paths = list(paths)
    names = tuple(pipeline.names) if pipeline is not None else None
    shards = make_shards(paths, shard_size, fmt=fmt, published=published, names=names)
    out_dir = shards_dir(store.path)
    report = ShardedReport(shards_total=len(shards))
    if progress:
        threading.Thread(target=count_into, args=(report, list(paths)), daemon=True).start()
    done = loaded_keys(store)
    todo = [s for s in shards if s.key not in done]
    report.shards_done = len(shards) - len(todo)
    report.duplicates = sum(done[s.key] for s in shards if s.key in done)  # stored by an earlier run
    finished: dict[int, ShardResult | None] = {}  # None: failed for good
    for shard in todo:
        if shard_done(shard, out_dir):
            finished[shard.index] = analyse_shard(shard, out_dir)  # only reads its marker
            report.shards_reused += 1
    position = 0

    def load_ready() -> None:
        nonlocal position
        while position < len(todo) and todo[position].index in finished:
            result = finished[todo[position].index]
            position += 1
            if result is None:
                continue
            store.reacquire()
            loaded = load_shard(store, result.path)
            report.stored += loaded.stored
            report.near_duplicates += loaded.near_duplicates
            report.duplicates += loaded.duplicates
            report.failed += loaded.rejections
            report.shards_done += 1
            report.seconds = time.monotonic() - started
            if progress:
                progress(report)

    load_ready()
    submit = [s for s in todo if s.index not in finished]
    if submit:
        store.release()  # no lock while the cluster works: the dashboard reads the store between loads

        def load_and_release() -> None:
            load_ready()
            store.release()

        try:
            _analyse_on_cluster(submit, out_dir, scheduler, n_workers, attempts, finished, report, load_and_release)
        finally:
            store.reacquire()
    load_ready()
    store.commit()
    if report.shards_failed == 0 and out_dir.exists():
        shutil.rmtree(out_dir, ignore_errors=True)
    report.seconds = time.monotonic() - started
    if progress:
        progress(report)
    return report


def _analyse_on_cluster(submit: list[Shard], out_dir: Path, scheduler: str | None, n_workers: int | None,
                        attempts: int, finished: dict[int, ShardResult | None], report: ShardedReport,
                        load_ready: Callable[[], None]) -> None:
    from distributed import as_completed

    client, cluster = _client(scheduler, n_workers)
    try:
        tries = {s.index: 0 for s in submit}
        owner = {}

        def send(shard: Shard):
            tries[shard.index] += 1
            future = client.submit(analyse_shard, shard, str(out_dir),
                                   key=f"analyse-shard-{shard.index:04d}-{shard.key[:12]}-{tries[shard.index]}")
            owner[future.key] = shard
            return future

        queue = as_completed([send(s) for s in submit])
        for future in queue:
            shard = owner[future.key]
            if future.status == "finished":
                finished[shard.index] = future.result()
            elif tries[shard.index] < attempts:
                queue.add(send(shard))
                continue
            else:
                exc = future.exception()
                error = WorkerDied(f"shard {shard.index} failed {attempts} times: {type(exc).__name__}: {exc}",
                                   origin=", ".join(shard.files), hint="run the same command again: what was "
                                   "stored is kept and the shard is redone")
                report.failed.append(Rejection(error.origin or "?", error))
                report.shards_failed += 1
                finished[shard.index] = None
            future.release()
            load_ready()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
