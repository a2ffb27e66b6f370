"""Ingest at scale, measured in one run on the same synthetic corpus: one process, worker processes, Dask.

    .venv/bin/python bench/ingest_scale.py [--articles 600] [--format txt|jsonl] [--workers 2] [--no-dask]

Writes the corpus with bench/corpus.py, then runs `dyadwatch ingest` into a fresh store for each engine:
`--workers 1` (in-process), `--workers N` (worker processes) and `--engine dask` (a LocalCluster of N worker
processes). For each it reports the wall time with start-up, documents/second, the ratio to the one-process run,
the peak resident memory of the main process and of the largest worker (the process tree sampled every 0.1 s),
the store's size per thousand documents and the events stored, which must be the same for every engine.
Writes bench/results/ingest_scale.json.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "ingest_scale.json"
DYADWATCH = str(Path(sys.executable).with_name("dyadwatch"))


def _watch(proc: subprocess.Popen, peaks: dict[str, float], stop: threading.Event) -> None:
    """Peak RSS (MB) of the main process and of the largest of its descendants."""
    main = psutil.Process(proc.pid)
    while not stop.is_set():
        try:
            peaks["main"] = max(peaks["main"], main.memory_info().rss / 1048576)
            for child in main.children(recursive=True):
                try:
                    peaks["worker"] = max(peaks["worker"], child.memory_info().rss / 1048576)
                except psutil.Error:
                    pass
        except psutil.Error:
            pass
        stop.wait(0.1)


def run(label: str, args: list[str], db: Path) -> dict:
    peaks = {"main": 0.0, "worker": 0.0}
    stop = threading.Event()
    t0 = time.perf_counter()
    proc = subprocess.Popen([DYADWATCH, "ingest", *args, "--db", str(db), "--json"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    watcher = threading.Thread(target=_watch, args=(proc, peaks, stop), daemon=True)
    watcher.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - t0
    stop.set()
    watcher.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{label}: exit {proc.returncode}: {err[-2000:]}")
    report = json.loads(out)
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    documents, events = con.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events)").fetchone()
    con.close()
    return {"engine": label, "seconds": round(seconds, 1), "documents": documents, "events": events,
            "docs_per_second": round((report["stored"] + report["near_duplicates"] + report["duplicates"]) / seconds, 1),
            "peak_main_mb": round(peaks["main"]), "peak_worker_mb": round(peaks["worker"]) or None,
            "store_mb_per_1000_docs": round(db.stat().st_size / 1048576 / documents * 1000, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--format", choices=["txt", "jsonl"], default="txt")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py"), str(corpus), "--articles",
                        str(args.articles), "--format", args.format, "--quiet"], check=True)
        runs = [("one process", ["--workers", "1"]), (f"{args.workers} workers", ["--workers", str(args.workers)])]
        if not args.no_dask:
            runs.append((f"dask, {args.workers} workers", ["--engine", "dask", "--workers", str(args.workers)]))
        rows = []
        for label, extra in runs:
            row = run(label, [str(corpus), *extra], Path(tmp) / f"{len(rows)}.duckdb")
            rows.append(row)
            print(f"{label}: {row}", file=sys.stderr, flush=True)
    base = rows[0]["seconds"]
    for r in rows:
        r["speedup"] = round(base / r["seconds"], 2)
    same = len({r["events"] for r in rows}) == 1
    print(f"\n{args.articles} synthetic articles ({args.format}); same events stored by every engine: {same}")
    print(f"{'engine':<18} {'seconds':>8} {'docs/s':>7} {'× one':>6} {'main MB':>8} {'worker MB':>10} {'MB/1k docs':>10}")
    for r in rows:
        print(f"{r['engine']:<18} {r['seconds']:>8.1f} {r['docs_per_second']:>7.1f} {r['speedup']:>6.2f} "
              f"{r['peak_main_mb']:>8} {r['peak_worker_mb'] or '-':>10} {r['store_mb_per_1000_docs']:>10.1f}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"articles": args.articles, "format": args.format, "same_events": same,
                                   "runs": rows}, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {RESULTS.relative_to(ROOT)}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
