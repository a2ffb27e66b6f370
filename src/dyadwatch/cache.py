"""A small on-disk cache for derived tables that are slow to build (tokenised knowledge-base phrases, the city
gazetteer). Entries are keyed by everything they are derived from, written atomically, and simply rebuilt
when missing, stale or unreadable; a read-only disk only costs the build."""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    base = os.environ.get("DYADWATCH_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "dyadwatch")
    return Path(base)


def data_fingerprint(*parts: str) -> str:
    """A key from the package version, the data files' contents and any extra parts (model, library versions)."""
    from . import __version__

    digest = hashlib.sha256(__version__.encode())
    for entry in sorted(resources.files("dyadwatch").joinpath("data").iterdir(), key=lambda p: p.name):
        if entry.is_file():
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    for part in parts:
        digest.update(part.encode())
    return digest.hexdigest()[:20]


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    path = cache_dir() / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as tmp:
            pickle.dump(value, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)
        for old in path.parent.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return value


def clear() -> None:
    for entry in cache_dir().glob("*.pickle"):
        entry.unlink(missing_ok=True)


