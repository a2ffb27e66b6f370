"""Readers turn files into documents. Each is an entry in READERS, registered with `register`, the same
door a user's own reader goes through:

    from dyadwatch.readers import register, Source
    from dyadwatch.model import Document

    @register("mylog", extensions=(".log",))
    def read_mylog(source: Source):
        yield Document(text=source.text(), origin=source.origin)

A reader yields Documents, or Rejections for the entries it cannot read; it raises an InputError when the
whole input is unreadable. Dispatch: an explicit format, else the file extension, else each reader's
`sniff` on the first bytes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DyadwatchError, NotFound, UnknownFormat
from ..model import Document
from ._base import Rejection, decode, read_bytes

__all__ = ["READERS", "Reader", "Rejection", "Source", "iter_documents", "register"]


@dataclass
class Source:
    """One input: a file or standard input, read lazily with the size limits."""

    origin: str
    path: Path | None = None
    _data: bytes | None = field(default=None, repr=False)

    def data(self) -> bytes:
        if self._data is None:
            assert self.path is not None
            self._data = read_bytes(self.path)
        return self._data

    def head(self, n: int = 4096) -> bytes:
        if self._data is not None:
            return self._data[:n]
        assert self.path is not None
        with self.path.open("rb") as fh:
            return fh.read(n)

    def text(self) -> str:
        return decode(self.data(), self.origin)


@dataclass
class Reader:
    name: str
    read: Callable[[Source], Iterable[Document | Rejection]]
    extensions: tuple[str, ...] = ()
    sniff: Callable[[Source], bool] | None = None
    priority: int = 50  # lower sniffs first


READERS: dict[str, Reader] = {}


def register(name: str, *, extensions: tuple[str, ...] = (), sniff: Callable[[Source], bool] | None = None,
             priority: int = 50) -> Callable:
    def decorate(func: Callable[[Source], Iterable[Document | Rejection]]) -> Callable:
        READERS[name] = Reader(name, func, tuple(e.lower() for e in extensions), sniff, priority)
        return func
    return decorate


def choose_reader(source: Source, fmt: str | None = None) -> Reader:
    if fmt:
        if fmt not in READERS:
            raise UnknownFormat(f"no reader named {fmt!r}; known: {', '.join(sorted(READERS))}",
                                origin=source.origin, hint="")
        return READERS[fmt]
    by_sniff = sorted(READERS.values(), key=lambda r: r.priority)
    suffix = source.path.suffix.lower() if source.path else ""
    by_ext = [r for r in by_sniff if suffix and suffix in r.extensions]
    # A known extension decides the family; sniffing only chooses within it (".json": Telegram or JSONL).
    candidates = by_ext or by_sniff
    for reader in candidates:
        if reader.sniff is not None and reader.sniff(source):
            return reader
    if by_ext:
        return by_ext[0]
    return READERS["text"]


def _walk(paths: Iterable[str]) -> Iterator[Source | Rejection]:
    for raw in paths:
        if raw == "-":
            yield Source("<stdin>", None, sys.stdin.buffer.read())
            continue
        path = Path(raw)
        if not path.exists():
            yield Rejection(raw, NotFound("no such file or folder", origin=raw))
        elif path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield Source(str(child), child)
        else:
            yield Source(str(path), path)


def iter_documents(paths: Iterable[str], fmt: str | None = None) -> Iterator[Document | Rejection]:
    """Every document in the given files and folders, in order; unreadable inputs become Rejections."""
    from . import feeds, html, jsonl, telegram, text  # noqa: F401  (registers the built-in readers)

    for item in _walk(paths):
        if isinstance(item, Rejection):
            yield item
            continue
        try:
            reader = choose_reader(item, fmt)
            yield from reader.read(item)
        except DyadwatchError as exc:
            exc.origin = exc.origin or item.origin
            yield Rejection(item.origin, exc)
        except OSError as exc:
            yield Rejection(item.origin, NotFound(f"cannot read: {exc.strerror or exc}", origin=item.origin))
