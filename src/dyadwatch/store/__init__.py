"""The store: one embedded DuckDB file holding documents, their analyses, near-duplicate links and rejections.

Writes are atomic per document (a document and all its rows are written in one transaction, committed in
batches), idempotent (a document whose content hash is stored is skipped) and never harm what is stored.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

from .. import config
from ..errors import DyadwatchError, NoStore, NotAStore, StoreLocked, StoreOutdated, StoreTooNew
from ..model import Analysis
from ..stages.dyads import event_dimension
from . import aggregates, dedup
from .bulk import insert_many
from .schema import MIGRATIONS

# run once in Python right after the migration of that name, in the same transaction
AFTER = {"006_dyad_aggregates": aggregates.backfill}

__all__ = ["Store", "AddResult", "analysis_rows", "rename_rows", "QUEUED_TABLES"]


@dataclass
class AddResult:
    status: str  # stored, duplicate (exact, skipped), near_duplicate (stored and linked)
    doc_id: str
    duplicate_of: str | None = None
    similarity: float | None = None


# tables whose rows are written at commit, one statement per table, in this order
QUEUED_TABLES = ("actors", "mentions", "events", "event_actors", "quantities", "dates", "quotes", "dyad_facts")


def analysis_rows(analysis: Analysis) -> dict[str, list[list]]:
    """One analysed document as rows per table, keyed to the document's own id, as the store inserts them:
    `documents` (duplicate_of and similarity still None: the near-duplicate decision needs the store),
    `doc_signatures` (its MinHash signature, from which the bands follow), and the QUEUED_TABLES."""
    doc = analysis.document
    doc_id = doc.id
    sig = dedup.signature(doc.text)
    rows: dict[str, list[list]] = {
        "documents": [[doc_id, doc.hash, doc.title, doc.published, doc.source, doc.url, doc.language, doc.origin,
                       doc.text, None, None]],
        "doc_signatures": [[doc_id, sig.tolist()]],
    }
    actors = {a.id: [a.id, a.name, a.kind, a.country, a.sector] for a in analysis.actors}
    rows["actors"] = list(actors.values())
    rows["mentions"] = [[doc_id, a.id, m.text, m.start, m.end, a.role] for a in analysis.actors for m in a.mentions]
    events, event_actors = [], []
    for event in analysis.events:
        events.append([event.id, doc_id, event.type, event.mode, event.context, event.cameo, event.score,
                       event.quad_class, event.date,
                       (event.date or "")[:7] if event.date and len(event.date) >= 7 else None,
                       event.location, event.status, event.confidence, event.evidence.text, event.evidence.start,
                       event.evidence.end, sorted(event.countries("source")), sorted(event.countries("target")),
                       event.act, event_dimension(event.context, event.evidence.text) or "", event.act_cameo])
        event_actors += [[event.id, side, a.id, a.country] for side in ("source", "target")
                         for a in getattr(event, side)]
    rows["events"] = events
    rows["event_actors"] = event_actors
    rows["quantities"] = [[doc_id, q.value, q.unit, q.qualifier, q.object, q.evidence.text, q.evidence.start,
                           q.evidence.end] for q in analysis.quantities]
    rows["dates"] = [[doc_id, d.text, d.value, d.start, d.end] for d in analysis.dates]
    rows["quotes"] = [[doc_id, q.text, q.speaker.id if q.speaker else None, q.start, q.end] for q in analysis.quotes]
    facts = []
    for dyad in analysis.dyads:
        a, b = dyad["pair"]
        for dimension, items in dyad["dimensions"].items():
            facts += [[doc_id, a, b, "dimension", dimension, None, None, e["text"], e["start"], e["end"]]
                      for e in items]
        for dep in dyad["dependencies"]:
            facts += [[doc_id, a, b, "dependency", dep["dimension"], dep["dependent"], dep["provider"],
                       e["text"], e["start"], e["end"]] for e in dep["evidence"]]
        # the quantities of the pair's dimension sentences, each under its dimension; the value is in `quantities`
        facts += [[doc_id, a, b, "quantity", q["dimension"], None, None, q["evidence"]["text"], q["evidence"]["start"],
                   q["evidence"]["end"]] for q in dyad.get("quantities", [])]
    rows["dyad_facts"] = facts
    return rows


def rename_rows(rows: dict[str, list[list]], old: str, new: str) -> dict[str, list[list]]:
    """The rows of a document stored under another id (its id was taken): doc ids, and event ids built on it."""
    out: dict[str, list[list]] = {}
    for table, items in rows.items():
        if table == "actors":
            out[table] = items
        elif table == "events":
            out[table] = [[r[0].replace(old, new, 1), new, *r[2:]] for r in items]
        elif table == "event_actors":
            out[table] = [[r[0].replace(old, new, 1), *r[1:]] for r in items]
        else:
            out[table] = [[new, *r[1:]] for r in items]
    return out


def _connect(path: Path, read_only: bool, lock_wait: float | None = None) -> duckdb.DuckDBPyConnection:
    """A connection; a lock held by another process (the dashboard's short reads, another writer) is waited
    for up to `lock_wait` seconds (default `store.lock_wait_seconds`) before DW302: DuckDB itself does not wait."""
    wait = float(config.get("store", "lock_wait_seconds")) if lock_wait is None else lock_wait
    deadline = time.monotonic() + wait
    pause = 0.05
    while True:
        try:
            return _connect_once(path, read_only)
        except StoreLocked:
            if time.monotonic() + pause > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


def _connect_once(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        text = str(exc)
        if "lock" in text.lower():
            raise StoreLocked("the store is locked by another process", origin=str(path)) from None
        if "not a valid duckdb" in text.lower() or "database file" in text.lower() or "magic" in text.lower():
            raise NotAStore("the file is not a DuckDB database", origin=str(path)) from None
        raise NotAStore(f"cannot open the store: {text.splitlines()[0]}", origin=str(path)) from None
    except duckdb.Error as exc:
        raise NotAStore(f"cannot open the store: {str(exc).splitlines()[0]}", origin=str(path)) from None


class Store:
    """A dyadwatch store. `Store.open(path)` for writing (created if missing), `read_only=True` for queries."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only
        self._pending = 0
        # rows of the documents added since the last commit, written in one statement per table at commit
        self._rows: dict[tuple[str, str], list[list]] = {}
        self._aggregates: dict[str, list[list]] = {}  # their rows of store.aggregates, written with them
        self._released = False  # the connection is closed (`release`, `close`)

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False, lock_wait: float | None = None) -> Store:
        path = Path(path).expanduser()
        if read_only and not path.exists():
            raise NoStore("no store here yet", origin=str(path))
        if path.exists() and path.is_dir():
            raise NotAStore("the path is a folder, not a DuckDB file", origin=str(path))
        if path.exists() and path.stat().st_size > 0:
            with path.open("rb") as fh:
                head = fh.read(16)
            if head[8:12] != b"DUCK":
                raise NotAStore("the file is not a DuckDB database", origin=str(path))
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        store = cls(_connect(path, read_only, lock_wait), path, read_only)
        try:
            store._migrate()
        except StoreOutdated:
            # a store made by an earlier version, opened for reading: upgrade it once (its migrations only add),
            # then read it; while another process writes to it, say so
            store.con.close()
            cls.open(path).close()
            store = cls(_connect(path, True), path, True)
            store._migrate()
        return store

    # -- schema ----------------------------------------------------------------------------------------
    def _applied(self) -> list[str]:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'").fetchone()[0]
        if not exists:
            return []
        return [r[0] for r in self.con.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()]

    def _migrate(self) -> None:
        applied = self._applied()
        known = [name for name, _ in MIGRATIONS]
        unknown = [name for name in applied if name not in known]
        if unknown:
            raise StoreTooNew(f"the store has migrations this version does not know: {', '.join(unknown)}",
                              origin=str(self.path))
        todo = [(name, sql) for name, sql in MIGRATIONS if name not in applied]
        if not todo:
            return
        if self.read_only:
            if not applied:
                raise NotAStore("the DuckDB file is not a dyadwatch store", origin=str(self.path))
            raise StoreOutdated("the store needs an upgrade", origin=str(self.path))
        if not applied and self.con.execute("SELECT count(*) FROM information_schema.tables").fetchone()[0]:
            raise NotAStore("the DuckDB file holds other tables; it is not a dyadwatch store",
                            origin=str(self.path))
        self.con.execute("BEGIN")
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR PRIMARY KEY, "
                         "applied_at TIMESTAMP DEFAULT current_timestamp)")
        for name, sql in todo:
            self.con.execute(sql)
            if name in AFTER:
                AFTER[name](self.con)
            self.con.execute("INSERT INTO schema_migrations (name) VALUES (?)", [name])
        self.con.execute("COMMIT")

    def migrations(self) -> list[str]:
        return self._applied()

    # -- writing ---------------------------------------------------------------------------------------
    def _begin(self) -> None:
        if self._pending == 0:
            self.con.execute("BEGIN")

    def commit(self) -> None:
        if self._pending:
            try:
                self._flush()
            except BaseException:
                self._rollback()
                raise
            self.con.execute("COMMIT")
            self._pending = 0

    def _rollback(self) -> None:
        self.con.execute("ROLLBACK")
        self._pending = 0
        self._rows.clear()
        self._aggregates.clear()

    def _flush(self) -> None:
        for (table, conflict), rows in self._rows.items():
            if table == "actors":  # the first document naming an actor fixes its row, whatever the batches
                first: dict[str, list] = {}
                for r in rows:
                    first.setdefault(r[0], r)
                rows = list(first.values())
            self._insert_rows(table, rows, conflict)
        aggregates.add(self.con, self._aggregates)
        self._aggregates.clear()
        self._rows.clear()

    def release(self) -> None:
        """Commit and close the connection, so that other processes (the dashboard) can open the store until
        `reacquire`: a long job that writes now and then, like the Dask engine between shards, holds no lock
        while it waits."""
        if self._released:
            return
        self.commit()
        self.con.close()
        self._released = True

    def reacquire(self) -> None:
        """Open the connection again after `release`, waiting for a reader to finish (up to a minute)."""
        if self._released:
            self.con = _connect(self.path, self.read_only, max(60.0, float(config.get("store", "lock_wait_seconds"))))
            self._released = False

    def close(self) -> None:
        if self._released:
            return
        try:
            self.commit()
        finally:
            self.con.close()
            self._released = True

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type, *_: object) -> None:
        if exc_type is not None and self._pending:
            self._rollback()
        self.close()

    def has_hash(self, content_hash: str) -> str | None:
        row = self.con.execute("SELECT id FROM documents WHERE content_hash = ?", [content_hash]).fetchone()
        return row[0] if row else None

    def record_rejection(self, error: DyadwatchError, origin: str) -> None:
        self._begin()
        self.con.execute("INSERT INTO rejections (origin, code, message) VALUES (?, ?, ?)",
                         [origin, error.code, error.message])
        self._pending += 1
        self._maybe_commit()

    def _maybe_commit(self) -> None:
        if self._pending >= int(config.get("store", "commit_every")):
            self.commit()

    def _near_duplicate(self, sig, keys) -> tuple[str | None, float | None]:
        threshold = float(config.get("dedup", "threshold"))
        # the keys written as literals (they are integers): DuckDB looks a list of constants up in the index on
        # `key` (4 ms in 20 million band rows), where a list of parameters or an OR of (band, key) pairs scans the
        # table (85-136 ms)
        wanted = {(int(band), int(key)) for band, key in keys}
        literals = ", ".join(f"{key}::UBIGINT" for _, key in sorted(wanted))
        rows = self.con.execute(f"SELECT doc_id, band, key FROM doc_bands WHERE key IN ({literals})").fetchall()
        best, best_sim = None, 0.0
        for doc_id in dict.fromkeys(d for d, band, key in rows if (band, key) in wanted):
            other = self.con.execute("SELECT signature FROM doc_signatures WHERE doc_id = ?", [doc_id]).fetchone()
            if other is None:
                continue
            import numpy as np

            sim = dedup.similarity(sig, np.array(other[0], dtype=np.uint64))
            if sim >= threshold and sim > best_sim:
                best, best_sim = doc_id, sim
        if best is None:
            return None, None
        root = self.con.execute("SELECT coalesce(duplicate_of, id) FROM documents WHERE id = ?", [best]).fetchone()
        return root[0], best_sim

    def add(self, analysis: Analysis) -> AddResult:
        """Store one analysed document with everything found in it, unless its text is already stored."""
        doc = analysis.document
        existing = self.has_hash(doc.hash)
        if existing:
            return AddResult("duplicate", existing, existing, 1.0)
        self._begin()
        try:
            result = self._insert(analysis)
        except BaseException:
            self._rollback()
            raise
        self._pending += 1
        self._maybe_commit()
        return result

    def _queue(self, table: str, rows: list[list], conflict: str = "") -> None:
        self._rows.setdefault((table, conflict), []).extend(rows)

    def _insert_rows(self, table: str, rows: list[list], conflict: str = "") -> None:
        insert_many(self.con, table, rows, conflict)

    def _insert(self, analysis: Analysis) -> AddResult:
        return self.insert_rows(analysis_rows(analysis))

    def insert_rows(self, rows: dict[str, list[list]]) -> AddResult:
        """Write one document's rows (from `analysis_rows`, possibly through a shard's Parquet files) inside the
        open transaction: its id made unique, its near-duplicate decided against what is stored. The caller has
        checked that its content hash is not stored and manages the transaction."""
        own_id, content = rows["documents"][0][0], rows["documents"][0][1]
        doc_id = own_id
        if self.con.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone():
            doc_id = f"{own_id}-{content[:8]}"
            rows = rename_rows(rows, own_id, doc_id)
        import numpy as np

        sig = np.asarray(rows["doc_signatures"][0][1], dtype=np.uint64)
        keys = dedup.bands(sig)
        dup_of, sim = self._near_duplicate(sig, keys)
        self.con.execute(
            "INSERT INTO documents (id, content_hash, title, published, source, url, language, origin, text, "
            "duplicate_of, similarity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            list(rows["documents"][0][:9]) + [dup_of, sim])
        self._insert_rows("doc_bands", [[b, k, doc_id] for b, k in keys])
        self.con.execute("INSERT INTO doc_signatures VALUES (?, ?)", [doc_id, sig.tolist()])
        for table in QUEUED_TABLES:
            self._queue(table, rows.get(table, []), conflict="ON CONFLICT DO NOTHING" if table == "actors" else "")
        if not dup_of:  # near-duplicates are not independent evidence: the aggregates count originals only
            for table, items in aggregates.document_rows(rows).items():
                self._aggregates.setdefault(table, []).extend(items)
        if dup_of:
            return AddResult("near_duplicate", doc_id, dup_of, sim)
        return AddResult("stored", doc_id)

    # -- reading ---------------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        q = self.con.execute
        return {
            "documents": q("SELECT count(*) FROM documents").fetchone()[0],
            "near_duplicates": q("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL").fetchone()[0],
            "actors": q("SELECT count(*) FROM actors").fetchone()[0],
            "events": q("SELECT count(*) FROM events").fetchone()[0],
            "quantities": q("SELECT count(*) FROM quantities").fetchone()[0],
            "quotes": q("SELECT count(*) FROM quotes").fetchone()[0],
            "rejections": q("SELECT count(*) FROM rejections").fetchone()[0],
        }
