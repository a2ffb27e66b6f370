"""`dyadwatch export`: write the stored events to a file for another tool (see dyadwatch.exporters)."""

from __future__ import annotations

import argparse


def add_parser(sub) -> None:
    """Add the `export` subcommand to the subparsers object of `build_parser`."""
    from ..exporters import EXPORTERS
    from . import _add_db

    formats = "\n".join(f"  {e.name:<9} {e.extension:<9} {e.description}" for e in EXPORTERS.values())
    p = sub.add_parser("export", help="write the stored events to a file (table, map or actor network)",
                       description="Write the stored events (originals only) to OUT for another tool.",
                       epilog=f"formats:\n{formats}", formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out", metavar="OUT", help="the file to write")
    p.add_argument("--format", dest="fmt", metavar="FORMAT",
                   help=f"one of {', '.join(EXPORTERS)} (default: from OUT's extension)")
    p.add_argument("--dyad", metavar="A-B", help="only events between two countries, e.g. RUS-SYR")
    p.add_argument("--since", metavar="DATE", help="events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="events on or before DATE")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")
    _add_db(p)
    p.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    from ..exporters import check_output, export, get_exporter
    from . import EXIT_OK, _check_date, _open_store, _parse_dyad

    dyad = _parse_dyad(args.dyad) if args.dyad else None
    since = _check_date(args.since) if args.since else None
    until = _check_date(args.until) if args.until else None
    exporter = get_exporter(args.fmt, args.out)
    check_output(args.out, args.force)  # before the store is opened: a refusal costs nothing
    with _open_store(args) as store:
        result = export(store, exporter.name, args.out, dyad=dyad, since=since, until=until, force=args.force)
    print(result.summary())
    return EXIT_OK
