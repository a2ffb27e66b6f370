"""Query latency against store size: the dyad profile and the events listing over stores of 1k to 10M events.

    .venv/bin/python bench/query_scale.py [--sizes 1000,100000,10000000] [--repeat 5] [--dir DIR]

Each store is generated with SQL by `web_latency.build` (documents, events over many dyads with a few much busier
than the rest, actors, facts, quantities; the aggregates rebuilt from them as an upgrade does, rows in the order
of ingest). For the busiest pair and a middling one it times, in the same run and on the same store:
`dyad_profile` (what `dyadwatch dyad A B` prints), `events(dyad=..., limit=100)` (a page of
`dyadwatch events --dyad A-B`), the dashboard's page of a pair's events (`web.dyads.dyad_events`, newest 200
with the total) and a page of all events. Prints the median and max milliseconds and the store's size on disk,
and writes bench/results/query_scale.json. A store of 10M events takes about 3 minutes and 5 GB of disk to build.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
RESULTS = ROOT / "bench" / "results" / "query_scale.json"
BUDGET_MS = 1000


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def measure(path: Path, ids: dict, repeat: int) -> list[dict]:
    from dyadwatch.store import Store, queries
    from dyadwatch.web.dyads import dyad_events

    rows = []
    with Store.open(path, read_only=True) as store:
        for label, (a, b, n) in (("busiest pair", ids["top"]), ("middling pair", ids["middle"])):
            calls = {"dyad profile": lambda a=a, b=b: queries.dyad_profile(store, a, b),
                     "events of the pair, first 100": lambda a=a, b=b: queries.events(store, dyad=(a, b), limit=100),
                     "dashboard: pair's newest 200 + total": lambda a=a, b=b: dyad_events(store, a, b),
                     "events, first 100": lambda: queries.events(store, limit=100)}
            for query, fn in calls.items():
                times = timed(fn, repeat)
                rows.append({"pair": f"{a}-{b}", "pair_events": n, "which": label, "query": query,
                             "median_ms": round(statistics.median(times), 1), "max_ms": round(max(times), 1)})
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,100000,1000000",
                        help="numbers of events, comma-separated (default 1000,100000,1000000; add 10000000)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--dir", help="build the stores here and keep them (default: a temporary folder)")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    from web_latency import build

    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.dir) if args.dir else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for n in sizes:
            path = folder / f"scale-{n}.duckdb"
            if path.exists():
                path.unlink()
            t0 = time.perf_counter()
            ids = build(path, n)
            built = time.perf_counter() - t0
            size_mb = path.stat().st_size / 1048576
            print(f"{n:>10,} events: built in {built:.0f} s, {size_mb:,.0f} MB; busiest pair {ids['top'][0]}-"
                  f"{ids['top'][1]} ({ids['top'][2]:,} events)", file=sys.stderr, flush=True)
            rows = measure(path, ids, args.repeat)
            results.append({"events": n, "documents": ids["counts"]["documents"], "store_mb": round(size_mb, 1),
                            "build_seconds": round(built, 1), "queries": rows})
            if not args.dir:
                path.unlink()
    print(f"\n{'events':>11} {'store MB':>9}  {'pair (events)':<22} {'query':<38} {'median ms':>9} {'max ms':>8}")
    for r in results:
        for q in r["queries"]:
            flag = "  over budget" if q["median_ms"] > BUDGET_MS else ""
            print(f"{r['events']:>11,} {r['store_mb']:>9,.0f}  {q['pair'] + ' (' + format(q['pair_events'], ',') + ')':<22} "
                  f"{q['query']:<38} {q['median_ms']:>9.1f} {q['max_ms']:>8.1f}{flag}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"budget_ms": BUDGET_MS, "repeat": args.repeat, "stores": results}, indent=2) + "\n",
                       encoding="utf-8")
    print(f"\nwrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
