"""Sharded ingest, for any engine: the input cut into shards of files, each analysed on its own into Parquet
files (one per table, rows as the store inserts them), then loaded into the store in input order.

    shards = make_shards(paths, size=8)
    result = analyse_shard(shards[0], out_dir)    # anywhere: a worker process, another machine sharing out_dir
    load_shard(store, out_dir / shards[0].name)   # in the process holding the store

`analyse_shard` is deterministic and idempotent: it writes into a temporary folder renamed to `shard-XXXX` when
complete, with a `_SUCCESS` marker naming the shard's key (its files, their sizes and times, the options), so a
finished shard is skipped and a half-written one (a temporary folder left behind) is redone. What needs the
whole store, exact and near-duplicates, is decided by `load_shard`, from each document's content hash and
MinHash signature; the shard's key is recorded in the store (`ingest_shards`), so a shard is loaded once.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from . import __version__
from .errors import DyadwatchError, UsageError
from .readers import Rejection, iter_documents
from .readers.jsonl import line_offsets, read_jsonl_range
from .store import QUEUED_TABLES, AddResult, Store, analysis_rows
from .store.bulk import insert_many
from .store.schema import MIGRATIONS

__all__ = ["Shard", "ShardResult", "LoadResult", "input_files", "count_documents", "make_shards", "analyse_shard", "shard_done", "load_shard",
           "loaded_keys"]

MARKER = "_SUCCESS"
ROW_TABLES = ("documents", "doc_signatures", *QUEUED_TABLES)


@dataclass(frozen=True)
class Shard:
    index: int
    files: tuple[str, ...]
    key: str  # what the shard's analysis depends on: its files (size, mtime), the options, the version
    fmt: str | None = None
    published: str | None = None
    names: tuple[str, ...] | None = None  # the pipeline's stages; None: the default pipeline
    # per file, None (the whole file) or the slice of a big JSONL file: (start byte, end byte, first line)
    ranges: tuple[tuple[int, int, int] | None, ...] = ()

    def parts(self) -> list[tuple[str, tuple[int, int, int] | None]]:
        return list(zip(self.files, self.ranges or (None,) * len(self.files)))

    @property
    def name(self) -> str:
        return f"shard-{self.index:04d}"


@dataclass
class ShardResult:
    index: int
    path: str
    documents: int = 0
    rejections: int = 0
    seconds: float = 0.0
    reused: bool = False  # already analysed: nothing recomputed


@dataclass
class LoadResult:
    stored: int = 0
    near_duplicates: int = 0
    duplicates: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    skipped: bool = False  # the shard was loaded before


def input_files(paths: Iterable[str]) -> list[str]:
    """Every input file under `paths`, in the order the readers walk them; a missing path is kept (its
    shard rejects it, as a local ingest would)."""
    out = []
    for raw in paths:
        if raw == "-":
            raise UsageError("standard input cannot be sharded", hint="use --engine local to read standard input")
        path = Path(raw)
        if path.is_dir():
            out += [str(child) for child in sorted(path.rglob("*"))
                    if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts)]
        else:
            out.append(raw)
    return out


def count_documents(paths: Iterable[str]) -> int:
    """About how many documents the input holds: a line per document in JSONL files, one per other file (a feed
    or a Telegram export counts once). For the time left of a long ingest; read from disk, nothing parsed."""
    total = 0
    for f in input_files(paths):
        if Path(f).suffix.lower() in {".jsonl", ".ndjson"}:
            try:
                with open(f, "rb") as fh:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
            except OSError:
                total += 1
        else:
            total += 1
    return total


def _key(files: Iterable[str], fmt: str | None, published: str | None, names: tuple[str, ...] | None,
         ranges: tuple = ()) -> str:
    stats: list = [list(r) if r else None for r in ranges]
    for f in files:
        try:
            st = os.stat(f)
            stats.append([os.path.abspath(f), st.st_size, st.st_mtime_ns])
        except OSError:
            stats.append([os.path.abspath(f), None, None])
    blob = json.dumps([__version__, fmt, published, names, stats])
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


def _splittable(path: str, fmt: str | None, size: int) -> list[tuple[int, int, int]] | None:
    """The slices of a JSONL file of more than `size` lines (a shard each), else None."""
    if fmt not in (None, "jsonl") or Path(path).suffix.lower() not in {".jsonl", ".ndjson"}:
        return None
    try:
        if os.path.getsize(path) < size * 64:  # cannot hold more than `size` documents worth cutting
            return None
        slices = line_offsets(path, size)
    except OSError:
        return None
    return slices if len(slices) > 1 else None


def make_shards(paths: Iterable[str], size: int = 8, *, fmt: str | None = None, published: str | None = None,
                names: Iterable[str] | None = None) -> list[Shard]:
    """The input cut into shards of `size` files, in input order; a JSONL file of more than `size` lines is cut
    into shards of `size` lines."""
    names_t = tuple(names) if names is not None else None
    size = max(1, size)
    shards: list[Shard] = []
    chunk: list[str] = []

    def close() -> None:
        if chunk:
            shards.append(Shard(len(shards), tuple(chunk), _key(chunk, fmt, published, names_t), fmt, published,
                                names_t))
            chunk.clear()

    for f in input_files(paths):
        slices = _splittable(f, fmt, size)
        if slices is None:
            chunk.append(f)
            if len(chunk) == size:
                close()
            continue
        close()
        for piece in slices:
            shards.append(Shard(len(shards), (f,), _key([f], fmt, published, names_t, (piece,)), fmt, published,
                                names_t, (piece,)))
    close()
    return shards


# -- analysis (in any process) ----------------------------------------------------------------------------
def _pipeline_ready(names: tuple[str, ...] | None) -> None:
    """Load the pipeline once per process (workers._PIPELINE), rebuilt only if the stages differ."""
    from . import workers
    from .pipeline import Pipeline

    wanted = list(names) if names is not None else Pipeline.default().names
    if workers._PIPELINE is None or list(workers._PIPELINE.names) != wanted:
        workers._init(wanted)


def shard_done(shard: Shard, out_dir: Path) -> bool:
    """True when the shard's Parquet files are complete and made from the same inputs."""
    marker = Path(out_dir) / shard.name / MARKER
    try:
        return json.loads(marker.read_text())["key"] == shard.key
    except (OSError, ValueError, KeyError):
        return False


def _shard_db() -> duckdb.DuckDBPyConnection:
    """An in-memory database with the store's tables (the same column types) and one shard table per row
    table: `seq` (the document's position in the shard) then the store's columns."""
    con = duckdb.connect()
    for _, sql in MIGRATIONS:
        con.execute(sql)
    for table in ROW_TABLES:
        exclude = " EXCLUDE (ingested_at)" if table == "documents" else ""
        con.execute(f"CREATE TABLE s_{table} AS SELECT 0::INTEGER AS seq, *{exclude} FROM {table} LIMIT 0")
    con.execute("CREATE TABLE s_rejections (seq INTEGER, origin VARCHAR, code VARCHAR, message VARCHAR, hint VARCHAR)")
    return con


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _write(con: duckdb.DuckDBPyConnection, table: str, rows: list[list]) -> None:
    insert_many(con, f"s_{table}", rows)


def _analyses(shard: Shard):
    """(seq, Analysis or Rejection) for every input of the shard, in order."""
    from .workers import _analyze_chunk

    seq = 0
    batch: list = []

    def flush():
        nonlocal batch
        docs = [d for _, d in batch]
        outcomes = _analyze_chunk(docs) if docs else []
        for (n, doc), outcome in zip(batch, outcomes):
            if isinstance(outcome, DyadwatchError):
                yield n, Rejection(doc.origin or doc.id or "?", outcome)
            else:
                yield n, outcome
        batch = []

    def items():
        for f, piece in shard.parts():
            yield from iter_documents([f], shard.fmt) if piece is None else read_jsonl_range(f, *piece)

    for item in items():
        if isinstance(item, Rejection):
            yield seq, item
        else:
            if shard.published:
                item.published = shard.published
            batch.append((seq, item))
            if len(batch) >= 32:
                yield from flush()
        seq += 1
    yield from flush()


def analyse_shard(shard: Shard, out_dir: Path | str) -> ShardResult:
    """Analyse the shard's documents into `out_dir/shard-XXXX/<table>.parquet` (plus rejections.parquet), unless
    it is done already. Safe to run twice, at once or after a crash: the folder appears complete or not at all."""
    out_dir = Path(out_dir)
    final = out_dir / shard.name
    if shard_done(shard, out_dir):
        meta = json.loads((final / MARKER).read_text())
        return ShardResult(shard.index, str(final), meta["documents"], meta["rejections"], 0.0, reused=True)
    started = time.monotonic()
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob(f".{shard.name}.tmp-*"):  # half-written by a run that died
        shutil.rmtree(stale, ignore_errors=True)
    _pipeline_ready(shard.names)
    con = _shard_db()
    documents = rejections = 0
    for seq, outcome in _analyses(shard):
        if isinstance(outcome, Rejection):
            rejections += 1
            _write(con, "rejections", [[seq, outcome.origin, outcome.error.code, outcome.error.message,
                                         outcome.error.hint or None]])
            continue
        documents += 1
        for table, rows in analysis_rows(outcome).items():
            _write(con, table, [[seq, *r] for r in rows])
    tmp = out_dir / f".{shard.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    for table in (*ROW_TABLES, "rejections"):
        con.execute(f"COPY (SELECT * FROM s_{table}) TO {_quote(tmp / (table + '.parquet'))} (FORMAT parquet)")
    con.close()
    (tmp / MARKER).write_text(json.dumps({"key": shard.key, "files": list(shard.files), "documents": documents,
                                          "rejections": rejections}))
    if final.exists():  # left by other inputs (another key), or finished meanwhile by a second attempt
        if shard_done(shard, out_dir):
            shutil.rmtree(tmp, ignore_errors=True)
            return ShardResult(shard.index, str(final), documents, rejections, time.monotonic() - started)
        shutil.rmtree(final)
    try:
        os.rename(tmp, final)
    except OSError:  # a concurrent attempt renamed first
        shutil.rmtree(tmp, ignore_errors=True)
        if not shard_done(shard, out_dir):
            raise
    return ShardResult(shard.index, str(final), documents, rejections, time.monotonic() - started)


# -- loading (in the process holding the store) -------------------------------------------------------------
def loaded_keys(store: Store) -> dict[str, int]:
    """The keys of the shards loaded into the store (table of migration 005), with their documents."""
    return dict(store.con.execute("SELECT key, documents FROM ingest_shards").fetchall())


def _read(store: Store, path: Path) -> dict[int, list[list]]:
    rows = store.con.execute(f"SELECT * FROM read_parquet({_quote(path)}, file_row_number = true) "
                             "ORDER BY seq, file_row_number").fetchall()
    out: dict[int, list[list]] = {}
    for r in rows:
        out.setdefault(r[0], []).append(list(r[1:-1]))
    return out


def load_shard(store: Store, shard_dir: Path | str) -> LoadResult:
    """Load a finished shard into the store in input order, in one transaction: documents whose content hash is
    stored are skipped, the others linked to their near-duplicates, the rejections recorded, and the shard's key
    recorded so that loading it again does nothing."""
    shard_dir = Path(shard_dir)
    meta = json.loads((shard_dir / MARKER).read_text())
    result = LoadResult()
    if meta["key"] in loaded_keys(store):
        result.skipped = True
        return result
    store.commit()
    tables = {t: _read(store, shard_dir / f"{t}.parquet") for t in (*ROW_TABLES, "rejections")}
    seqs = sorted(set(tables["documents"]) | set(tables["rejections"]))
    store.con.execute("BEGIN")
    try:
        for seq in seqs:
            for origin, code, message, hint in tables["rejections"].get(seq, []):
                store.con.execute("INSERT INTO rejections (origin, code, message) VALUES (?, ?, ?)",
                                  [origin, code, message])
                error = DyadwatchError(message, origin=origin, hint=hint or "")
                error.code = code
                result.rejections.append(Rejection(origin, error))
            if seq not in tables["documents"]:
                continue
            rows = {t: tables[t].get(seq, []) for t in ROW_TABLES}
            if store.has_hash(rows["documents"][0][1]):
                result.duplicates += 1
                continue
            added: AddResult = store.insert_rows(rows)
            if added.status == "near_duplicate":
                result.near_duplicates += 1
            else:
                result.stored += 1
        store._flush()
        store.con.execute("INSERT INTO ingest_shards (key, files, documents) VALUES (?, ?, ?)",
                          [meta["key"], len(meta["files"]), meta["documents"]])
        store.con.execute("COMMIT")
    except BaseException:
        store._rollback()
        raise
    return result

