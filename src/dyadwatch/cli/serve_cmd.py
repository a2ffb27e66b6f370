"""`dyadwatch serve`: the local web dashboard over a store (see dyadwatch.web)."""

from __future__ import annotations

import argparse


def add_parser(sub) -> None:
    """Add the `serve` subcommand to the subparsers object of `dyadwatch.cli.build_parser`."""
    from . import _add_db

    p = sub.add_parser("serve", help="browse the store in a local web dashboard",
                       description="Serve a web dashboard over the store: the corpus, dyads with their tone and "
                       "events, documents with their evidence highlighted, actors, full-text search. The store is "
                       "opened read-only, one short connection per request, so `dyadwatch ingest` can write to it "
                       "meanwhile; --allow-ingest also lets you drop files in the browser to ingest them.")
    p.add_argument("--port", type=int, default=8765, metavar="N", help="port to listen on (default: 8765)")
    p.add_argument("--host", default="127.0.0.1", metavar="H",
                   help="address to listen on (default: 127.0.0.1, this computer only)")
    p.add_argument("--allow-ingest", action="store_true",
                   help="accept uploads on the ingest page (the store is then opened for writing; a missing "
                   "store is created)")
    _add_db(p)
    p.set_defaults(func=cmd_serve)


def _allowed_hosts(host: str) -> list[str]:
    if host in {"0.0.0.0", "::", ""}:
        return ["*"]  # listening everywhere: the user means to be reached by any name
    return sorted({host, "127.0.0.1", "localhost", "::1"})


def cmd_serve(args: argparse.Namespace) -> int:
    import sys

    import uvicorn

    from ..errors import NoStore, UsageError
    from ..store import Store
    from ..web import create_app
    from . import EXIT_OK, db_path

    if not 0 < args.port < 65536:
        raise UsageError(f"not a port: {args.port}", hint="give a number from 1 to 65535")
    path = db_path(args)
    if not path.exists() and not args.allow_ingest:
        raise NoStore("no store here yet", origin=str(path))
    with Store.open(path, read_only=not args.allow_ingest):  # checks it is a store (and creates one if allowed)
        pass
    app = create_app(path, allow_ingest=args.allow_ingest, allowed_hosts=_allowed_hosts(args.host))
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(f"dyadwatch dashboard for {path} at http://{shown}:{args.port}/ "
          f"({'ingest allowed' if args.allow_ingest else 'read-only'}; Ctrl-C stops it)", flush=True)
    if args.host not in {"127.0.0.1", "localhost", "::1"}:
        print("dyadwatch: note: the dashboard has no login; anyone who can reach this address can read the store",
              file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return EXIT_OK
