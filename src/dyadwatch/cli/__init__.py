"""The command line: a thin layer over plain functions. Errors print as `[DWnnn] ...`, never a traceback."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .. import __version__, config
from ..errors import DyadwatchError, UsageError
from .output import add_output_flags, dumps, print_rows

EXIT_OK, EXIT_FAILED, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


def db_path(args: argparse.Namespace) -> Path:
    raw = getattr(args, "db", None) or os.environ.get("DYADWATCH_DB")
    return Path(raw).expanduser() if raw else config.default_db_path()


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="FILE", help="the DuckDB store (default: $DYADWATCH_DB or "
                        f"{config.get('store', 'path')})")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dyadwatch", description="Who did what to whom in international news, "
                                     "with the evidence for every row.")
    parser.add_argument("--version", action="version", version=f"dyadwatch {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("analyze", help="analyse documents without storing them")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders; - reads standard input")
    p.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD) overriding the document's")
    p.add_argument("--format", dest="fmt", metavar="READER", help="reader to use instead of detection")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--json", dest="output", action="store_const", const="json", help="one JSON object (one PATH)")
    g.add_argument("--jsonl", dest="output", action="store_const", const="jsonl", help="one object per line")
    p.set_defaults(output="report", func=cmd_analyze)

    p = sub.add_parser("ingest", help="analyse and store documents")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders; - reads standard input")
    p.add_argument("--format", dest="fmt", metavar="READER", help="reader to use instead of detection")
    p.add_argument("--published", metavar="DATE", help="publication date overriding the documents'")
    p.add_argument("--json", dest="output", action="store_const", const="json", help="print the summary as JSON")
    p.add_argument("--workers", metavar="N", help="worker processes analysing documents: a number, or auto for "
                   "every core (default: $DYADWATCH_WORKERS, else auto; small jobs run in-process)")
    # engines (dyadwatch.engines): local streams in this process and its workers; dask analyses shards of files
    # on a dask.distributed cluster (a local one with --workers processes, or --scheduler ADDRESS)
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local (default) or dask: shards analysed on a dask cluster, then stored in input order")
    p.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: the scheduler of a running cluster "
                   "(e.g. tcp://host:8786; its workers must reach the folder beside the store); default: a "
                   "local cluster")
    _add_db(p)
    p.set_defaults(output="text", func=cmd_ingest)

    p = sub.add_parser("documents", help="list stored documents")
    p.add_argument("--limit", type=int)
    _add_db(p)
    add_output_flags(p)
    p.set_defaults(func=cmd_documents)

    p = sub.add_parser("actors", help="list stored actors")
    p.add_argument("--country", metavar="ISO3", help="only actors of this country")
    _add_db(p)
    add_output_flags(p)
    p.set_defaults(func=cmd_actors)

    p = sub.add_parser("events", help="list stored events")
    p.add_argument("--dyad", metavar="A-B", help="only events between two countries, e.g. RUS-SYR")
    p.add_argument("--since", metavar="DATE", help="events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="events on or before DATE")
    p.add_argument("--type", dest="type_", metavar="TYPE", help="PLOVER type, e.g. CONSULT")
    p.add_argument("--include-duplicates", action="store_true", help="also events of near-duplicate documents")
    p.add_argument("--limit", type=int)
    _add_db(p)
    add_output_flags(p)
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("dyad", help="the relationship profile of two countries")
    p.add_argument("a", metavar="A", help="ISO 3166-1 alpha-3 code")
    p.add_argument("b", metavar="B", help="ISO 3166-1 alpha-3 code")
    _add_db(p)
    add_output_flags(p)
    p.set_defaults(func=cmd_dyad)

    p = sub.add_parser("eval", help="score the analysis against gold expectation files or a public benchmark")
    p.add_argument("gold", metavar="FOLDER", nargs="?",
                   help="a folder of NAME.txt articles with NAME.expected.json beside them")
    p.add_argument("--benchmark", choices=["plover", "petrarch"],
                   help="score event coding on the PLOVER gold records or the PETRARCH-2 validation records")
    p.add_argument("--path", metavar="FILE", help="the benchmark file (default: $DYADWATCH_BENCHMARKS, "
                   "else ../shared/benchmarks beside the checkout)")
    p.add_argument("--json", dest="output", action="store_const", const="json", help="print JSON")
    p.add_argument("--verbose", action="store_true", help="list every expected item that was missed")
    p.set_defaults(output="text", func=cmd_eval)

    p = sub.add_parser("info", help="version, spaCy pipeline, store path and counts")
    _add_db(p)
    p.add_argument("--json", dest="output", action="store_const", const="json", help="print JSON")
    p.set_defaults(output="text", func=cmd_info)
    from .export_cmd import add_parser as add_export_parser
    from .report_cmd import add_parser as add_report_parser
    from .serve_cmd import add_parser as add_serve_parser

    add_report_parser(sub)
    add_export_parser(sub)
    add_serve_parser(sub)
    return parser


def _open_store(args: argparse.Namespace, read_only: bool = True):
    from ..store import Store

    return Store.open(db_path(args), read_only=read_only)


def cmd_analyze(args: argparse.Namespace) -> int:
    from ..pipeline import Pipeline
    from ..readers import Rejection, iter_documents
    from .report import analysis_report

    if args.output == "json" and (len(args.paths) > 1 or Path(args.paths[0]).is_dir()):
        raise UsageError("--json prints one document; use --jsonl for several", hint="")
    published = _check_date(args.published) if args.published else None
    pipeline = Pipeline.default()
    failed = 0
    printed = 0
    for item in iter_documents(args.paths, args.fmt):
        if isinstance(item, Rejection):
            failed += 1
            print(f"dyadwatch: {item.error}", file=sys.stderr)
            continue
        if published:
            item.published = published
        result = pipeline.analyze(item).as_json()
        if args.output == "json":
            if printed:
                break
            sys.stdout.write(dumps(result, indent=2) + "\n")
        elif args.output == "jsonl":
            sys.stdout.write(dumps(result) + "\n")
        else:
            sys.stdout.write(("\n" if printed else "") + analysis_report(result))
        printed += 1
    return EXIT_FAILED if failed else EXIT_OK


def _check_date(value: str) -> str:
    import re

    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise UsageError(f"not a date: {value!r}", hint="write YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _duration(seconds: float) -> str:
    """3 h 05 min, 12 min 40 s, 35 s."""
    s = int(round(seconds))
    if s >= 3600:
        return f"{s // 3600} h {s % 3600 // 60:02d} min"
    return f"{s // 60} min {s % 60:02d} s" if s >= 60 else f"{s} s"


def cmd_ingest(args: argparse.Namespace) -> int:
    from ..ingest import ingest
    from ..pipeline import Pipeline
    from ..workers import worker_count

    published = _check_date(args.published) if args.published else None
    show = sys.stderr.isatty()

    def progress(report) -> None:
        if show:
            rate = report.seen / report.seconds if report.seconds else 0.0
            shards = f"{report.shards_done}/{report.shards_total} shards · " if hasattr(report, "shards_done") else ""
            of = f" of ~{report.expected:,}" if report.expected else ""
            left = report.seconds_left
            eta = f" · ~{_duration(left)} left" if left is not None else ""
            sys.stderr.write(f"\r  {shards}{report.seen:,}{of} documents · {rate:.1f} docs/s · {len(report.failed)} "
                             f"failed{eta}   ")
            sys.stderr.flush()

    if args.workers is not None and args.workers != "auto" and not (args.workers.isdigit() and int(args.workers)):
        raise UsageError(f"--workers takes a positive number or auto, not {args.workers!r}")
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    pipeline = Pipeline.default()
    if args.engine == "dask":
        from ..engines import run_dask

        with _open_store(args, read_only=False) as store:
            report = run_dask(args.paths, store, scheduler=args.scheduler, fmt=args.fmt, published=published,
                              pipeline=pipeline, progress=progress,
                              n_workers=worker_count(args.workers) if args.workers else None)
    else:
        if worker_count(args.workers) == 1:
            pipeline.nlp  # load the model before opening the store: no lock is held while it loads  # noqa: B018
        with _open_store(args, read_only=False) as store:
            report = ingest(args.paths, store, pipeline=pipeline, fmt=args.fmt, published=published,
                            progress=progress, workers=args.workers)
    if show:
        sys.stderr.write("\n")
    for rejection in report.failed:
        print(f"dyadwatch: {rejection.error}", file=sys.stderr)
    if args.output == "json":
        print(dumps(report.as_dict(), indent=2))
    else:
        rate = report.seen / report.seconds if report.seconds else 0.0
        print(f"ingested into {db_path(args)}: {report.stored} stored, {report.near_duplicates} near-duplicates "
              f"linked, {report.duplicates} already stored, {len(report.failed)} failed "
              f"({report.seconds:.1f} s, {rate:.1f} docs/s)")
    return EXIT_FAILED if report.failed else EXIT_OK


def cmd_documents(args: argparse.Namespace) -> int:
    from ..store import queries

    with _open_store(args) as store:
        print_rows(queries.documents(store, args.limit), args.output, wide={"title"},
                   columns=None if args.output != "table" else ["id", "published", "title", "source", "events",
                                                                  "duplicate_of"])
    return EXIT_OK


def cmd_actors(args: argparse.Namespace) -> int:
    from ..store import queries

    with _open_store(args) as store:
        print_rows(queries.actors(store, args.country.upper() if args.country else None), args.output,
                   wide={"name"})
    return EXIT_OK


def _parse_dyad(value: str) -> tuple[str, str]:
    parts = [p.strip().upper() for p in value.replace("–", "-").split("-")]
    if len(parts) != 2 or not all(len(p) == 3 and p.isalpha() for p in parts):
        raise UsageError(f"not a dyad: {value!r}", hint="write two ISO3 codes joined by '-', e.g. RUS-SYR")
    return parts[0], parts[1]


def cmd_events(args: argparse.Namespace) -> int:
    from ..store import queries

    dyad = _parse_dyad(args.dyad) if args.dyad else None
    since = _check_date(args.since) if args.since else None
    until = _check_date(args.until) if args.until else None
    with _open_store(args) as store:
        rows = queries.events(store, dyad=dyad, since=since, until=until, type_=args.type_,
                              include_duplicates=args.include_duplicates, limit=args.limit)
    columns = None if args.output != "table" else ["date", "type", "cameo", "score", "source", "target", "status",
                                                     "doc_id", "evidence"]
    print_rows(rows, args.output, columns=columns, wide={"evidence"})
    return EXIT_OK


def cmd_dyad(args: argparse.Namespace) -> int:
    from ..store import queries
    from .report import dyad_report

    a, b = _parse_dyad(f"{args.a}-{args.b}")
    if a == b:
        raise UsageError("a dyad needs two different countries", hint="")
    with _open_store(args) as store:
        profile = queries.dyad_profile(store, a, b)
    if args.output == "json":
        print(dumps(profile, indent=2))
    elif args.output in {"csv", "jsonl"}:
        print_rows(profile["monthly"], args.output, columns=["month", "events", "cooperation", "conflict", "sources"])
    else:
        sys.stdout.write(dyad_report(profile))
    return EXIT_OK


def _print_scores(scores: dict, misses) -> int:
    """An evaluation as JSON, with the missed items when they were asked for."""
    print(dumps(scores | ({"misses": misses} if misses is not None else {}), indent=2))
    return EXIT_OK


def cmd_benchmark(args: argparse.Namespace) -> int:
    from .. import benchmarks

    path = Path(args.path) if args.path else benchmarks.default_path(args.benchmark)
    if not path.exists():
        raise UsageError(f"benchmark file {path} does not exist",
                         hint="pass --path FILE or set DYADWATCH_BENCHMARKS to the folder that holds it")
    result = benchmarks.run(args.benchmark, path)
    summary = result.as_json()
    if args.output == "json":
        return _print_scores(summary, result.misses if args.verbose else None)
    print(f"{args.benchmark}: {summary['records']} gold codings from {path}")
    print(f"found (type and both countries) {summary['found']:>5}  {summary['found_share']:.3f}")
    print(f"coverage (an event coded)             {summary['coverage']:.3f}")
    print(f"source country right (where coded)    {summary['source_accuracy']:.3f}")
    print(f"target country right (where coded)    {summary['target_accuracy']:.3f}")
    if "no_event_records" in summary:
        print(f"no-event records kept clean           {summary['no_event_kept_clean']:.3f} "
              f"of {summary['no_event_records']}")
    print(f"\n{'type':<10} {'gold':>5} {'coded':>6} {'precision':>10} {'recall':>7} {'F1':>6}")
    for label, row in summary["per_type"].items():
        print(f"{label:<10} {row['gold']:>5} {row['predicted']:>6} {row['precision']:>10.3f} {row['recall']:>7.3f} "
              f"{row['f1']:>6.3f}")
    if args.verbose:
        for miss in result.misses:
            print(f"  missed {miss['id']}: want {dumps(miss['want'])} got {miss['got']} | {miss['text'][:120]}")
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from ..evaluate import CATEGORIES, evaluate_folder, gold_pairs

    if args.benchmark:
        return cmd_benchmark(args)
    if not args.gold:
        raise UsageError("give a gold FOLDER or --benchmark plover|petrarch", hint="")
    folder = Path(args.gold)
    if not folder.is_dir() or not gold_pairs(folder):
        raise UsageError(f"no NAME.txt + NAME.expected.json pairs in {folder}", hint="")
    total, per_article = evaluate_folder(folder)
    if args.output == "json":
        return _print_scores(total.as_json() | {"articles": {k: v.as_json() for k, v in per_article.items()}},
                             total.misses if args.verbose else None)
    print(f"{len(per_article)} articles in {folder}")
    print(f"{'category':<16} {'found':>6} {'expected':>9} {'recall':>7}")
    for cat in CATEGORIES:
        if cat in total.total:
            print(f"{cat:<16} {total.found[cat]:>6} {total.total[cat]:>9} {total.recall(cat):>7.3f}")
    print(f"{'stray events':<16} {total.stray_events:>6} {total.events:>9}   (events naming a country the gold does not)")
    print(f"mean recall {total.mean:.3f}")
    if args.verbose:
        for cat, misses in total.misses.items():
            for miss in misses:
                print(f"  missed {cat:<14} {miss['article']}: {dumps(miss['item'])}")
    return EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    import spacy

    from ..nlp import installed_model
    from ..store import Store

    path = db_path(args)
    info = {"version": __version__, "spacy_version": spacy.__version__, "spacy_model": installed_model(),
            "store": str(path), "store_exists": path.exists(), "counts": None, "migrations": None}
    if path.exists():
        with Store.open(path, read_only=True) as store:
            info["counts"] = store.counts()
            info["migrations"] = store.migrations()
    if args.output == "json":
        print(dumps(info, indent=2))
    else:
        print(f"dyadwatch {info['version']} · spaCy {info['spacy_version']} · pipeline {info['spacy_model'] or 'NONE'}")
        print(f"store {info['store']}" + ("" if info["store_exists"] else " (not created yet)"))
        for key, value in (info["counts"] or {}).items():
            print(f"  {key:<16} {value}")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except DyadwatchError as exc:
        print(f"dyadwatch: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("dyadwatch: interrupted; what was committed is kept, run the command again to go on",
              file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:  # a bug: say so plainly; DYADWATCH_DEBUG=1 shows the traceback
        if os.environ.get("DYADWATCH_DEBUG"):
            raise
        print(f"dyadwatch: [DW000] internal error: {type(exc).__name__}: {exc} (please report it; "
              "set DYADWATCH_DEBUG=1 to see the traceback)", file=sys.stderr)
        return EXIT_ERROR
