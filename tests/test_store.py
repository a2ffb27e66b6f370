"""The store: idempotent, atomic per document, near duplicates linked, migrations named."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from dyadwatch.ingest import ingest
from dyadwatch.store import Store

from .conftest import DEMO, ROOT


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory, pipeline):
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with Store.open(path) as store:
        first = ingest([str(DEMO)], store, pipeline=pipeline)
    with Store.open(path) as store:
        second = ingest([str(DEMO)], store, pipeline=pipeline)
    return path, first, second


def test_demo_corpus_is_stored_once_when_ingested_twice(demo_store):
    path, first, second = demo_store
    assert first.failed == []
    assert first.stored >= 25
    assert second.stored == 0 and second.near_duplicates == 0
    assert second.duplicates == first.stored + first.near_duplicates
    with Store.open(path, read_only=True) as store:
        n_docs = store.con.execute("SELECT count(*) FROM documents").fetchone()[0]
        n_hashes = store.con.execute("SELECT count(DISTINCT content_hash) FROM documents").fetchone()[0]
    assert n_docs == n_hashes == first.stored + first.near_duplicates


def test_the_wire_story_on_two_sites_is_linked_not_counted_twice(demo_store):
    path, first, _ = demo_store
    assert first.near_duplicates == 1
    with Store.open(path, read_only=True) as store:
        dup, original, sim = store.con.execute(
            "SELECT id, duplicate_of, similarity FROM documents WHERE duplicate_of IS NOT NULL").fetchone()
        origins = dict(store.con.execute("SELECT id, origin FROM documents WHERE id IN (?, ?)", [dup, original]).fetchall())
    assert sim >= 0.7
    assert {o.rsplit(".", 1)[-1].split(":")[0] for o in origins.values()} == {"txt", "jsonl"}


def test_every_stored_row_belongs_to_a_stored_document(demo_store):
    path, _, _ = demo_store
    with Store.open(path, read_only=True) as store:
        for table in ("mentions", "events", "quantities", "dates", "quotes", "dyad_facts"):
            orphans = store.con.execute(
                f"SELECT count(*) FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = t.doc_id)"
            ).fetchone()[0]
            assert orphans == 0, table


def test_evidence_offsets_point_at_the_stored_text(demo_store):
    path, _, _ = demo_store
    with Store.open(path, read_only=True) as store:
        rows = store.con.execute("""SELECT e.evidence, d.text, e.start_char, e.end_char FROM events e
                                    JOIN documents d ON d.id = e.doc_id""").fetchall()
    assert rows
    for evidence, text, start, end in rows:
        assert text[start:end] == evidence


MIGRATIONS = ["001_initial", "002_indexes", "003_event_act", "004_event_dimension", "005_ingest_shards",
              "006_dyad_aggregates", "007_band_key_index", "008_event_act_cameo"]


def test_schema_migrations_are_named_and_recorded(db):
    with Store.open(db) as store:
        assert store.migrations() == MIGRATIONS
    with Store.open(db, read_only=True) as store:  # reopening applies nothing new
        assert store.migrations() == MIGRATIONS


def test_a_store_made_before_a_migration_is_brought_up_to_date_with_its_data(db, monkeypatch):
    import dyadwatch.store as store_module

    with monkeypatch.context() as patch:  # a store as the previous version made it
        patch.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS[:2])
        with Store.open(db) as store:
            store.con.execute("INSERT INTO events (id, doc_id, type) VALUES ('e1', 'd1', 'CONSULT')")
            assert store.migrations() == MIGRATIONS[:2]
    before = 1
    with Store.open(db) as store:
        assert store.migrations() == MIGRATIONS
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == before > 0
        assert store.con.execute("SELECT count(*) FROM events WHERE act IS NULL").fetchone()[0] == before


def test_a_store_made_before_a_migration_is_upgraded_when_opened_for_reading(db, monkeypatch):
    import dyadwatch.store as store_module

    with monkeypatch.context() as patch:
        patch.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS[:3])
        Store.open(db).close()
    with Store.open(db, read_only=True) as store:  # `dyadwatch dyad` or the dashboard on an older store
        assert store.read_only and store.migrations() == MIGRATIONS


def test_a_store_from_a_newer_version_is_refused(db):
    from dyadwatch.errors import StoreTooNew

    with Store.open(db) as store:
        store.con.execute("INSERT INTO schema_migrations (name) VALUES ('999_future')")
    with pytest.raises(StoreTooNew):
        Store.open(db)


def test_a_duckdb_file_of_another_application_is_refused(db):
    import duckdb

    from dyadwatch.errors import NotAStore

    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE accounts (id INTEGER)")
    con.close()
    with pytest.raises(NotAStore):
        Store.open(db)


N_DOCS = 150


def test_a_killed_ingest_leaves_no_half_stored_document_and_a_rerun_completes(tmp_path):
    """Kill an ingest mid-run (SIGKILL), then run it again: every document exactly once, no orphans."""
    db = tmp_path / "killed.duckdb"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(N_DOCS):
        (corpus / f"a{n:03d}.txt").write_text(
            f"Report {n}\n\nThe foreign ministers of Japan and South Korea met in Tokyo on Monday to discuss "
            f"trade item {n}. Japan offered South Korea {n + 2} million dollars in aid for flood relief.\n",
            encoding="utf-8")
    env = dict(os.environ, DYADWATCH_CONFIG=str(tmp_path / "small.toml"))
    (tmp_path / "small.toml").write_text("[store]\ncommit_every = 4\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "dyadwatch", "ingest", str(corpus), "--db", str(db)]
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wal = db.with_name(db.name + ".wal")
    deadline = time.monotonic() + 120
    # The writer holds the store's lock, so watch its write-ahead log: it grows with each commit.
    sizes: set[int] = set()
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists():
            sizes.add(wal.stat().st_size)
        if len(sizes - {0}) >= 3:  # the schema, then at least two batches of documents
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the ingest ended before it could be killed; make the corpus larger"
    import psutil

    workers = psutil.Process(proc.pid).children(recursive=True)
    assert workers, "the ingest runs its analysis in worker processes"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    # its worker processes notice and end instead of waiting for work forever
    gone, alive = psutil.wait_procs(workers, timeout=15)
    assert not alive, f"worker processes left behind: {[p.pid for p in alive]}"
    with Store.open(db) as store:  # recovery from the write-ahead log happens here
        partial = store.counts()["documents"]
        orphans = store.con.execute("SELECT count(*) FROM events e WHERE e.doc_id NOT IN (SELECT id FROM documents)"
                                    ).fetchone()[0]
    assert orphans == 0
    assert 0 < partial < N_DOCS
    rerun = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    with Store.open(db, read_only=True) as store:
        assert store.counts()["documents"] == N_DOCS
        assert store.con.execute("SELECT count(DISTINCT content_hash) FROM documents").fetchone()[0] == N_DOCS
        per_doc = store.con.execute("SELECT count(*) FROM (SELECT doc_id FROM events GROUP BY doc_id HAVING "
                                    "count(DISTINCT id) <> count(*))").fetchone()[0]
        assert per_doc == 0


def test_a_writer_waits_for_a_short_lock_of_another_process(db):
    import subprocess
    import sys
    import time

    Store.open(db).close()
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time, duckdb; con = duckdb.connect(sys.argv[1]); "
                               "print('ready', flush=True); time.sleep(1.5); con.close()", str(db)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "ready"
    started = time.monotonic()
    with Store.open(db, lock_wait=20) as store:  # the dashboard's reads hold the file this briefly
        assert store.migrations() == MIGRATIONS
    assert 0.5 < time.monotonic() - started < 20
    holder.wait(timeout=20)
