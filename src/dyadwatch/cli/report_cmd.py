"""`dyadwatch report A B --out FILE`: the profile of a dyad as a self-contained HTML page or as Markdown."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_parser(sub) -> None:
    """Add the `report` subcommand to the subparsers object of `dyadwatch.cli.build_parser`."""
    from . import _add_db

    p = sub.add_parser("report", help="write the profile of two countries as an HTML page or Markdown",
                       description="Write the relationship profile of two countries to FILE: one self-contained "
                       "HTML page (charts included, works offline) or the same content as Markdown.")
    p.add_argument("a", metavar="A", help="ISO 3166-1 alpha-3 code")
    p.add_argument("b", metavar="B", help="ISO 3166-1 alpha-3 code")
    p.add_argument("--out", "-o", metavar="FILE", required=True, help="where to write the report")
    p.add_argument("--format", dest="report_format", choices=["html", "md"],
                   help="html or md (default: md for a .md FILE, html otherwise)")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    _add_db(p)
    p.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    from ..errors import UsageError
    from ..reports import check_target, format_for, write_report
    from ..store import queries
    from . import EXIT_OK, _open_store, _parse_dyad

    a, b = _parse_dyad(f"{args.a}-{args.b}")
    if a == b:
        raise UsageError("a dyad needs two different countries", hint="")
    out = Path(args.out).expanduser()
    fmt = format_for(out, args.report_format)
    check_target(out, args.force)  # before the store is opened: a refusal costs nothing
    with _open_store(args) as store:
        profile = queries.dyad_profile(store, a, b)
    write_report(profile, out, fmt=fmt, force=args.force)
    print(f"wrote {out} ({fmt}): {profile.get('events', 0)} events from {profile.get('sources', 0)} documents")
    return EXIT_OK
