"""The dask engine: shards of files analysed on a dask.distributed LocalCluster into Parquet, loaded in input
order, give the store a local ingest gives; a re-run stores nothing twice; a finished shard is reused and a
half-written one redone; a shard's analysis is deterministic; a shard that fails is retried once, then reported."""

from __future__ import annotations

import logging
import os
import shutil
import time
from pathlib import Path

import duckdb
import pytest

from dyadwatch.engines import run_dask, shards_dir
from dyadwatch.ingest import ingest
from dyadwatch.shards import ROW_TABLES, analyse_shard, load_shard, make_shards, shard_done
from dyadwatch.store import Store

from .conftest import DEMO

TABLES = ("documents", "events", "event_actors", "actors", "mentions", "quantities", "dates", "quotes", "dyad_facts",
          "event_dyads", "dyad_months", "dyad_totals", "dyad_actors")
# An actor's attributes may differ between the documents naming it (a person's country inferred per document);
# the store keeps the row of the first document naming it, whatever the batches or shards: compared whole.
ACTOR_COLUMNS = "id, name, kind, country, sector"


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as local:
        yield local.scheduler_address


@pytest.fixture
def corpus(tmp_path) -> Path:
    """15 documents (10 text files, 5 JSONL lines) and one empty file (a rejection)."""
    root = tmp_path / "corpus"
    shutil.copytree(DEMO / "text", root / "text")
    shutil.copytree(DEMO / "jsonl", root / "jsonl")
    (root / "text" / "empty.txt").write_text("")
    return root


def _content(path: Path) -> dict[str, list]:
    with Store.open(path, read_only=True) as store:
        out = {}
        for table in TABLES:
            cols = ACTOR_COLUMNS if table == "actors" else ", ".join(c for (c,) in store.con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND column_name NOT IN "
                "('ingested_at')", [table]).fetchall())
            out[table] = store.con.execute(f"SELECT {cols} FROM {table} ORDER BY ALL").fetchall()
        out["rejections"] = store.con.execute("SELECT origin, code, message FROM rejections ORDER BY ALL").fetchall()
        return out


def _count(path: Path, sql: str) -> int:
    with Store.open(path, read_only=True) as store:
        return store.con.execute(sql).fetchone()[0]


def test_dask_stores_what_local_stores_once_reusing_finished_shards(pipeline, corpus, tmp_path, cluster):
    local, sharded = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    with Store.open(local) as store:
        r1 = ingest([str(corpus)], store, pipeline=pipeline, workers=1)
    assert r1.stored + r1.near_duplicates == 15 and len(r1.failed) == 1

    # shard 0 finished by an earlier run that died, shard 1 half-written by it; the JSONL file of 5 lines is
    # cut into shards of 3 and 2 lines, the 11 text files into shards of 3, 3, 3 and 2
    shards = make_shards([str(corpus)], 3)
    assert [len(s.files) for s in shards] == [1, 1, 3, 3, 3, 2]
    assert [s.ranges[0][2] for s in shards[:2]] == [1, 4]
    out = shards_dir(sharded)
    analyse_shard(shards[0], out)
    (out / ".shard-0001.tmp-1-dead").mkdir()
    (out / ".shard-0001.tmp-1-dead" / "documents.parquet").write_text("half")

    seen = []
    with Store.open(sharded) as store:
        r2 = run_dask([str(corpus)], store, scheduler=cluster, shard_size=3, progress=seen.append)
    assert (r2.stored, r2.near_duplicates, len(r2.failed)) == (r1.stored, r1.near_duplicates, len(r1.failed))
    assert (r2.shards_total, r2.shards_done, r2.shards_reused, r2.shards_failed) == (6, 6, 1, 0)
    assert seen and seen[-1].shards_done == 6
    assert not out.exists(), "the shards folder is removed once all are loaded"
    assert _content(sharded) == _content(local)

    # a second run analyses and stores nothing
    with Store.open(sharded) as store:
        r3 = run_dask([str(corpus)], store, scheduler=cluster, shard_size=3)
    assert (r3.stored, r3.near_duplicates, len(r3.failed), r3.duplicates) == (0, 0, 0, 15)
    assert _content(sharded) == _content(local)
    assert _count(sharded, "SELECT count(*) FROM ingest_shards") == 6


def test_a_shard_that_fails_is_retried_once_then_reported(corpus, tmp_path, cluster):
    class Broken:
        names = ["no-such-stage"]

    db = tmp_path / "broken.duckdb"
    with Store.open(db) as store:
        report = run_dask([str(corpus / "jsonl")], store, scheduler=cluster, pipeline=Broken())
    assert (report.shards_failed, report.stored, len(report.failed)) == (1, 0, 1)
    assert report.failed[0].error.code == "DW202" and "failed 2 times" in report.failed[0].error.message
    assert "no-such-stage" in report.failed[0].error.message
    assert _count(db, "SELECT count(*) FROM documents") == 0


def _rows(shard_dir: Path) -> dict[str, list]:
    con = duckdb.connect()
    return {t: con.execute(f"SELECT * FROM read_parquet('{shard_dir / (t + '.parquet')}')").fetchall()
            for t in (*ROW_TABLES, "rejections")}


def test_analyse_shard_is_deterministic_and_reuses_or_redoes(pipeline, corpus, tmp_path):
    shard = make_shards([str(corpus / "jsonl"), str(corpus / "text" / "empty.txt")], 8)[0]
    one, two = tmp_path / "one", tmp_path / "two"
    r1 = analyse_shard(shard, one)
    analyse_shard(shard, two)
    assert (r1.documents, r1.rejections, r1.reused) == (5, 1, False)
    assert _rows(one / shard.name) == _rows(two / shard.name)
    assert len(_rows(one / shard.name)["documents"]) == 5

    # finished: not recomputed
    stamps = {p.name: p.stat().st_mtime_ns for p in (one / shard.name).iterdir()}
    again = analyse_shard(shard, one)
    assert again.reused and (again.documents, again.rejections) == (5, 1)
    assert {p.name: p.stat().st_mtime_ns for p in (one / shard.name).iterdir()} == stamps

    # half-written (a temporary folder left by a worker that died, no finished folder): redone
    shutil.rmtree(two / shard.name)
    (two / f".{shard.name}.tmp-1-dead").mkdir()
    assert not shard_done(shard, two)
    assert not analyse_shard(shard, two).reused
    assert [p.name for p in two.iterdir()] == [shard.name]
    assert _rows(two / shard.name) == _rows(one / shard.name)

    # a finished folder made from other inputs (another key) is redone
    changed = tmp_path / "changed.jsonl"
    changed.write_text((corpus / "jsonl" / "wire.jsonl").read_text().splitlines()[0] + "\n")
    other = make_shards([str(changed)], 8)[0]
    assert other.name == shard.name and other.key != shard.key
    assert analyse_shard(other, two).documents == 1

    # loading a shard twice stores it once
    db = tmp_path / "store.duckdb"
    with Store.open(db) as store:
        first = load_shard(store, one / shard.name)
        second = load_shard(store, one / shard.name)
    assert (first.stored + first.near_duplicates, len(first.rejections), second.skipped) == (5, 1, True)
    assert _count(db, "SELECT count(*) FROM documents") == 5
    assert _count(db, "SELECT count(*) FROM rejections") == 1
    assert os.path.exists(one / shard.name)


def test_a_big_jsonl_file_is_cut_into_shards_of_lines_read_as_the_whole_file_reads(tmp_path):
    from dyadwatch.readers import iter_documents
    from dyadwatch.readers.jsonl import read_jsonl_range

    path = tmp_path / "big.jsonl"
    lines = [f'{{"id": "n{i}", "text": "Line {i} of a long wire file, with enough words to be an article."}}'
             for i in range(7)]
    lines.insert(3, "")  # a blank line keeps its number
    lines.insert(5, "{not json")
    path.write_text("\n".join(lines) + "\n")
    shards = make_shards([str(path)], 3)
    assert [s.ranges[0][2] for s in shards] == [1, 4, 7]
    assert shards[0].key != shards[1].key
    pieces = [item for s in shards for item in read_jsonl_range(str(path), *s.ranges[0])]
    whole = list(iter_documents([str(path)]))

    def view(item):
        return (item.origin, getattr(item, "text", None), getattr(getattr(item, "error", None), "code", None))
    assert [view(i) for i in pieces] == [view(i) for i in whole]
    assert [i.origin.rsplit(":", 1)[1] for i in whole] == ["1", "2", "3", "5", "6", "7", "8", "9"]


POLLER = """
import sys, time
from pathlib import Path
from dyadwatch.errors import StoreLocked
from dyadwatch.store import Store
db, start, stop = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
Path(sys.argv[4]).touch()  # imported: ready to poll
deadline = time.monotonic() + 120
while not start.exists() and time.monotonic() < deadline:
    time.sleep(0.02)
opened = 0
while not stop.exists() and time.monotonic() < deadline:
    try:
        Store.open(db, read_only=True, lock_wait=0).close()
        opened += 1
    except StoreLocked:
        pass
    time.sleep(0.02)
print(opened)
"""


def test_the_store_is_free_for_readers_while_the_cluster_works(corpus, tmp_path, cluster):
    import subprocess
    import sys

    db, start, stop = tmp_path / "shared.duckdb", tmp_path / "start", tmp_path / "stop"
    Store.open(db).close()
    ready = tmp_path / "ready"
    poller = subprocess.Popen([sys.executable, "-c", POLLER, str(db), str(start), str(stop), str(ready)],
                              stdout=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not ready.exists() and time.monotonic() < deadline:  # its imports may outlast a short run otherwise
        time.sleep(0.05)
    try:
        with Store.open(db) as store:
            # a reader polls from the moment this writer holds the store to the end of the run: it can open the
            # store only where the run lets go of it (the whole time the cluster works, not just between two
            # shards' loads, which a fast run or a busy machine may leave too short to catch)
            start.touch()
            report = run_dask([str(corpus / "text")], store, scheduler=cluster, shard_size=2)
            stop.touch()
            assert store.counts()["documents"] == report.stored + report.near_duplicates  # open again at the end
    finally:
        stop.touch()
        out, _ = poller.communicate(timeout=120)
    assert report.shards_done == 6
    assert int(out.strip()) > 0, "a reader opened the store while the shards were analysed"


def test_a_shard_whose_worker_is_killed_is_run_again(pipeline, corpus, tmp_path, cluster):
    import os
    import signal

    from distributed import Client

    with Client(cluster) as client:
        pids = sorted(client.run(os.getpid).values())
    killed: list[int] = []

    def kill_once(report) -> None:  # after the first shard is loaded, while the others are being analysed
        if not killed:
            os.kill(pids[0], signal.SIGKILL)
            killed.append(pids[0])

    local, sharded = tmp_path / "local.duckdb", tmp_path / "killed.duckdb"
    with Store.open(local) as store:
        ingest([str(corpus / "text")], store, pipeline=pipeline, workers=1)
    with Store.open(sharded) as store:
        report = run_dask([str(corpus / "text")], store, scheduler=cluster, shard_size=1, progress=kill_once)
    assert killed and report.shards_failed == 0 and report.shards_done == report.shards_total == 11
    assert _content(sharded) == _content(local), "every document stored exactly once"
