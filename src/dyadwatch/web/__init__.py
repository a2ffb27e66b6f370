"""The local web dashboard (`dyadwatch serve`): overview, dyads, documents with highlighted evidence, actors,
search and, when allowed, ingest from the browser. See `app.create_app`."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
