"""Reports of a dyad profile (`dyadwatch.store.queries.dyad_profile`) that people read: HTML and Markdown.

    from dyadwatch.reports import render_html, render_markdown, write_report
    write_report(profile, Path("rus-syr.html"))            # one self-contained page, works offline
    write_report(profile, Path("rus-syr.md"), fmt="md")    # the same content as Markdown tables
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from ..errors import OutputExists, UsageError
from .html import render_html
from .markdown import render_markdown

FORMATS = {"html": render_html, "md": render_markdown}

__all__ = ["FORMATS", "check_target", "format_for", "render_html", "render_markdown", "write_report"]


def format_for(out: Path, fmt: str | None = None) -> str:
    """The format asked for, else the one the file name suggests (.md, .markdown → md), else html."""
    if fmt:
        if fmt not in FORMATS:
            raise UsageError(f"unknown report format {fmt!r}", hint="use --format html or --format md")
        return fmt
    return "md" if out.suffix.lower() in {".md", ".markdown"} else "html"


def check_target(out: Path, force: bool = False) -> None:
    """Refuse to replace an existing file unless forced, and never write over a folder."""
    if out.is_dir():
        raise UsageError(f"{out} is a folder", hint="give a file name, e.g. --out report.html")
    if out.exists() and not force:
        raise OutputExists(f"{out} already exists")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_report(profile: dict[str, Any], out: Path, fmt: str | None = "html", force: bool = False) -> Path:
    """Render `profile` as `fmt` ("html" or "md"; None: from the file name) and write it to `out` atomically (a
    reader never sees half a file). An existing `out` is replaced only when `force`. Returns `out`."""
    out = Path(out)
    fmt = format_for(out, fmt)
    check_target(out, force)
    text = FORMATS[fmt](profile)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes the file private; a report is an ordinary file
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out
