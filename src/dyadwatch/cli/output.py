"""One set of output flags for every query command: --table (default), --csv, --json, --jsonl."""

from __future__ import annotations

import csv
import json
import shutil
import sys
from datetime import date, datetime
from typing import Any, TextIO

FORMATS = ("table", "csv", "json", "jsonl")


def add_output_flags(parser) -> None:
    group = parser.add_mutually_exclusive_group()
    for fmt in FORMATS:
        group.add_argument(f"--{fmt}", dest="output", action="store_const", const=fmt,
                           help=f"print {fmt.upper() if fmt in ('csv', 'json') else fmt} output"
                           + (" (default)" if fmt == "table" else ""))
    parser.set_defaults(output="table")


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, (list, tuple)):
        return "+".join(str(v) for v in value)
    return value


def _default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, set):
        return sorted(value)
    return str(value)


def dumps(obj: Any, **kw: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, default=_default, **kw)


def print_rows(rows: list[dict[str, Any]], fmt: str, out: TextIO | None = None, *,
               columns: list[str] | None = None, wide: set[str] | None = None) -> None:
    out = out or sys.stdout
    columns = columns or (list(rows[0]) if rows else [])
    if fmt == "json":
        out.write(dumps(rows, indent=2) + "\n")
    elif fmt == "jsonl":
        for row in rows:
            out.write(dumps(row) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_plain(row.get(c)) for c in columns])
    else:
        print_table(rows, columns, out, wide=wide or set())


def print_table(rows: list[dict[str, Any]], columns: list[str], out: TextIO, *, wide: set[str]) -> None:
    if not rows:
        out.write("(no rows)\n")
        return
    width = shutil.get_terminal_size((160, 20)).columns
    cells = [[("" if _plain(r.get(c)) is None else str(_plain(r.get(c)))).replace("\n", " ") for c in columns]
             for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    fixed = sum(w + 2 for c, w in zip(columns, widths) if c not in wide)
    for i, c in enumerate(columns):
        if c in wide:
            widths[i] = max(20, min(widths[i], width - fixed - 2))
        else:
            widths[i] = min(widths[i], 40)
    line = "  ".join(c.ljust(w) for c, w in zip(columns, widths))
    out.write(line.rstrip() + "\n" + "  ".join("-" * w for w in widths) + "\n")
    for row in cells:
        parts = [(v if len(v) <= w else v[: w - 1] + "…").ljust(w) for v, w in zip(row, widths)]
        out.write("  ".join(parts).rstrip() + "\n")
