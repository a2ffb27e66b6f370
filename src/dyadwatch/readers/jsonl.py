"""JSONL: one document a line, `text` required; `id`, `title`, `published`, `url`, `source` optional.

The file is streamed, so its size is limited per line, not as a whole; a bad line is rejected with its line
number and the rest of the file is still read."""

from __future__ import annotations

import json
from pathlib import Path

from .. import config
from ..errors import EmptyInput, InputError, Malformed, TooLarge, WrongShape
from ..model import Document
from . import Source, register
from ._base import Rejection, clean_text, decode, iso_date


def _sniff(source: Source) -> bool:
    first = source.head(4096).lstrip()
    if not first.startswith(b"{"):
        return False
    line = first.split(b"\n", 1)[0].strip()
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def _lines(source: Source):
    if source.path is None:
        yield from enumerate(source.data().splitlines(), 1)
        return
    with source.path.open("rb") as fh:
        yield from enumerate(fh, 1)


def document_from_record(record: object, origin: str) -> Document:
    """A document from one JSON object, with clear errors for missing or wrong fields."""
    if not isinstance(record, dict):
        raise WrongShape(f"expected a JSON object, found {type(record).__name__}", origin=origin)
    text = record.get("text")
    if not isinstance(text, str):
        raise WrongShape("missing the required string field `text`", origin=origin)
    text = clean_text(text)
    if not text:
        raise EmptyInput("`text` is empty", origin=origin)
    title = record.get("title")
    doc_id = record.get("id")
    published = iso_date(record.get("published"))
    if published is None and record.get("published") not in (None, ""):
        raise Malformed(f"`published` is not a date: {str(record['published'])[:40]!r}", origin=origin,
                        hint="write an ISO date such as 2025-06-01, or leave the field out")
    return Document(text=text, id=str(doc_id) if doc_id not in (None, "") else None,
                    title=str(title).strip() if title else None, published=published,
                    url=record.get("url") or None, source=record.get("source") or None, origin=origin)


@register("jsonl", extensions=(".jsonl", ".ndjson", ".json"), sniff=_sniff, priority=20)
def read_jsonl(source: Source):
    seen_any = False
    for item in _records(_lines(source), source.origin):
        seen_any = True
        yield item
    if not seen_any:
        raise EmptyInput("file is empty", origin=source.origin)


def read_jsonl_range(path: str, start: int, end: int, first_line: int):
    """The documents of the lines in bytes [start, end) of a JSONL file, the first being line `first_line`: one
    slice of a big file, as a shard of a sharded ingest reads it (origins and errors as `read_jsonl` gives)."""
    with open(path, "rb") as fh:
        fh.seek(start)
        data = fh.read(end - start)
    yield from _records(enumerate(data.splitlines(keepends=True), first_line), str(Path(path)))


def line_offsets(path: str, every: int) -> list[tuple[int, int, int]]:
    """The file cut into slices of `every` lines: (start byte, end byte, first line number) for each."""
    slices, start, line, count, pos = [], 0, 1, 0, 0
    with open(path, "rb") as fh:
        for raw in fh:
            pos += len(raw)
            count += 1
            if count == every:
                slices.append((start, pos, line))
                start, line, count = pos, line + every, 0
    if count:
        slices.append((start, pos, line))
    return slices


def _records(lines, origin_base: str):
    limit = config.get("input", "max_line_mb") * 1048576
    for number, raw in lines:
        origin = f"{origin_base}:{number}"
        if not raw.strip():
            continue
        if len(raw) > limit:
            yield Rejection(origin, TooLarge(f"line {number} is {len(raw) / 1048576:.0f} MB", origin=origin))
            continue
        try:
            record = json.loads(decode(raw, origin).rstrip("\r\n"), strict=False)
            yield document_from_record(record, origin)
        except json.JSONDecodeError as exc:
            yield Rejection(origin, Malformed(f"line {number} is not valid JSON ({exc.msg}, column {exc.colno})",
                                              origin=origin))
        except InputError as exc:
            yield Rejection(origin, exc)
