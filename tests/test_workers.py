"""Ingest on both cores: worker processes give exactly what the in-process run gives, in the same order, and a
worker that dies mid-run loses nothing that was stored; the next run stores the rest, each document once."""

from __future__ import annotations

import os
import signal

import pytest

from dyadwatch import config
from dyadwatch.errors import WorkerDied
from dyadwatch.ingest import ingest
from dyadwatch.store import Store
from dyadwatch.workers import WorkerPool, worker_count

from .conftest import DEMO

TABLES = ("documents", "events", "event_actors", "actors", "mentions", "quantities", "dates", "quotes", "dyad_facts",
          "event_dyads", "dyad_months", "dyad_totals", "dyad_actors")


@pytest.fixture
def small_jobs_use_workers(monkeypatch):
    settings = config.settings()
    monkeypatch.setitem(settings["ingest"], "min_documents_for_workers", 4)
    monkeypatch.setitem(settings["ingest"], "chunk", 2)


def _content(path) -> dict[str, list]:
    with Store.open(path, read_only=True) as store:
        out = {}
        for table in TABLES:
            cols = [c for (c,) in store.con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND column_name NOT IN "
                "('ingested_at')", [table]).fetchall()]
            out[table] = store.con.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY ALL").fetchall()
        return out


def test_worker_count():
    assert worker_count(3) == 3
    assert worker_count("1") == 1
    assert worker_count("auto") >= 1


def test_two_workers_store_exactly_what_one_process_stores(pipeline, tmp_path, small_jobs_use_workers):
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    with Store.open(one) as store:
        r1 = ingest([str(DEMO)], store, pipeline=pipeline, workers=1)
    with Store.open(two) as store:
        r2 = ingest([str(DEMO)], store, pipeline=pipeline, workers=2)
    assert (r1.stored, r1.near_duplicates, len(r1.failed)) == (r2.stored, r2.near_duplicates, len(r2.failed))
    assert r2.stored >= 25
    assert _content(one) == _content(two)


def test_a_killed_worker_loses_nothing_stored_and_the_rerun_completes(pipeline, tmp_path, small_jobs_use_workers,
                                                                      monkeypatch):
    path = tmp_path / "killed.duckdb"
    original = WorkerPool.analyze

    def analyze_then_kill(self, documents):
        for n, item in enumerate(original(self, documents)):
            if n == 6:  # mid-run: kill one worker outright, as the OOM killer would
                os.kill(next(iter(self._executor._processes)), signal.SIGKILL)
            yield item

    monkeypatch.setattr(WorkerPool, "analyze", analyze_then_kill)
    with Store.open(path) as store, pytest.raises(WorkerDied) as info:
        ingest([str(DEMO)], store, pipeline=pipeline, workers=2)
    assert info.value.code == "DW202" and "again" in str(info.value)
    with Store.open(path, read_only=True) as store:
        kept = store.con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 0 < kept < 32

    monkeypatch.setattr(WorkerPool, "analyze", original)
    with Store.open(path) as store:
        report = ingest([str(DEMO)], store, pipeline=pipeline, workers=2)
    assert report.duplicates == kept
    with Store.open(path, read_only=True) as store:
        total, distinct = store.con.execute("SELECT count(*), count(DISTINCT content_hash) FROM documents").fetchone()
        orphans = store.con.execute("SELECT count(*) FROM events WHERE doc_id NOT IN (SELECT id FROM documents)"
                                    ).fetchone()[0]
    assert total == distinct == 32 and orphans == 0


def test_the_input_is_counted_for_the_time_left(tmp_path):
    from dyadwatch.cli import _duration
    from dyadwatch.shards import count_documents

    (tmp_path / "a.txt").write_text("One article.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "wire.jsonl").write_text('{"text": "a"}\n{"text": "b"}\n{"text": "c"}\n')
    (tmp_path / ".hidden").write_text("not read")
    assert count_documents([str(tmp_path)]) == 4
    assert count_documents([str(tmp_path / "a.txt"), str(tmp_path / "missing.txt")]) == 2
    assert [_duration(x) for x in (35, 760, 11100)] == ["35 s", "12 min 40 s", "3 h 05 min"]


def test_progress_reports_the_rate_and_the_time_left(pipeline, tmp_path):
    seen = []
    with Store.open(tmp_path / "p.duckdb") as store:
        report = ingest([str(DEMO / "text")], store, pipeline=pipeline, workers=1,
                        progress=lambda r: seen.append((r.seen, r.expected, r.seconds_left)))
    files = len([f for f in (DEMO / "text").iterdir() if f.is_file()])
    assert report.expected == files and seen[-1] == (report.seen, files, 0.0)
    assert all(left is None or left >= 0 for _, _, left in seen)
