"""Exporters write the stored events to files that other tools open. Each is an entry in EXPORTERS,
registered with `register`, the same door a user's own exporter goes through:

    from dyadwatch.exporters import ExportResult, register
    from dyadwatch.exporters.tables import event_rows

    @register("tsv", extension=".tsv", description="the event table, tab-separated")
    def write_tsv(store, path, selection):
        rows = event_rows(store, selection)
        path.write_text("".join("\\t".join(str(v) for v in r.values()) + "\\n" for r in rows), "utf-8")
        return ExportResult(events=len(rows), rows=len(rows))

An exporter is called with the open Store, the Path to write and the Selection of events. The path is a
temporary file beside OUT that `export` moves onto OUT once the exporter returns, so a failed export never
leaves half a file (nor harms the file --force would replace). `selection.where()` is the SQL condition over
`events e JOIN documents d` (FROM_EVENTS) with its parameters. The exporter returns an ExportResult with its
counts; `export` fills in the format and the final path.

Selection semantics are those of `dyadwatch events`: originals only (events of near-duplicate documents are
left out), --dyad keeps events with one country among the sources and the other among the targets (either
direction), --since/--until compare the event date, else the publication date, as text (a partial date such
as "2025-05" is compared as a prefix by --until).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import OutputExists, UnknownExportFormat, UsageError

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["EXPORTERS", "FROM_EVENTS", "ExportResult", "Exporter", "Selection", "check_output", "export",
           "get_exporter", "register"]

FROM_EVENTS = "events e JOIN documents d ON d.id = e.doc_id"


@dataclass(frozen=True)
class Selection:
    """Which events to export (see the module docstring for the semantics)."""

    dyad: tuple[str, str] | None = None
    since: str | None = None
    until: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The condition over FROM_EVENTS (aliases e and d) and its parameters."""
        where, params = ["d.duplicate_of IS NULL"], []
        if self.dyad:
            a, b = (c.upper() for c in self.dyad)
            where.append("((list_contains(e.source_countries, ?) AND list_contains(e.target_countries, ?)) OR "
                         "(list_contains(e.source_countries, ?) AND list_contains(e.target_countries, ?)))")
            params += [a, b, b, a]
        if self.since:
            where.append("coalesce(e.date, CAST(d.published AS VARCHAR)) >= ?")
            params.append(self.since)
        if self.until:
            where.append("left(coalesce(e.date, CAST(d.published AS VARCHAR)), ?) <= ?")
            params += [len(self.until), self.until]
        return " AND ".join(where), params


@dataclass
class ExportResult:
    """What an export wrote. A count is None when it does not apply to the format."""

    events: int = 0  # events selected
    rows: int | None = None  # table rows or JSON lines written (one per event)
    features: int | None = None  # GeoJSON features written
    nodes: int | None = None
    edges: int | None = None
    without_location: int | None = None  # events left out of a map: no location named
    unplaced: int | None = None  # events left out of a map: the location named could not be placed
    unplaced_names: list[str] = field(default_factory=list)
    format: str = ""
    path: Path | None = None

    def as_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in vars(self).items() if v is not None}
        out["path"] = str(self.path) if self.path else None
        return out

    def summary(self) -> str:
        """One line for the command line."""
        if self.nodes is not None or self.edges is not None:
            what = f"{self.nodes or 0} nodes and {self.edges or 0} edges from {self.events} events"
        elif self.features is not None:
            what = f"{self.features} map features"
        else:
            what = f"{self.rows if self.rows is not None else self.events} events"
        text = f"exported {what} to {self.path} ({self.format})"
        left_out = (self.without_location or 0) + (self.unplaced or 0)
        if self.features is not None and left_out:
            why = []
            if self.without_location:
                why.append(f"{self.without_location} name no location")
            if self.unplaced:
                names = self.unplaced_names[:5] + (["…"] if len(self.unplaced_names) > 5 else [])
                why.append(f"{self.unplaced} name a place that could not be placed ({', '.join(names)})")
            text += f"; {left_out} of {self.events} events left out: {', '.join(why)}"
        return text


WriteFn = Callable[["Store", Path, Selection], ExportResult]


@dataclass
class Exporter:
    name: str
    write: WriteFn
    extension: str = ""
    description: str = ""


EXPORTERS: dict[str, Exporter] = {}


def register(name: str, *, extension: str = "", description: str = "") -> Callable[[WriteFn], WriteFn]:
    """Add an exporter under `name`; `extension` (".csv") lets OUT's suffix choose it when no format is named."""
    def decorate(func: WriteFn) -> WriteFn:
        ext = extension.lower()
        EXPORTERS[name] = Exporter(name, func, ext if not ext or ext.startswith(".") else f".{ext}", description)
        return func
    return decorate


def get_exporter(fmt: str | None, out: str | Path | None = None) -> Exporter:
    """The exporter named `fmt`, else the one whose extension OUT has."""
    known = ", ".join(sorted(EXPORTERS))
    if fmt:
        exporter = EXPORTERS.get(fmt) or EXPORTERS.get(fmt.lower())
        if exporter is not None:
            return exporter
        raise UnknownExportFormat(f"no export format named {fmt!r}; available: {known}")
    suffix = Path(out).suffix.lower() if out else ""
    for exporter in EXPORTERS.values():
        if suffix and exporter.extension == suffix:
            return exporter
    raise UnknownExportFormat(f"cannot tell the export format from {str(out)!r}; available: {known}")


def check_output(out: str | Path, force: bool = False) -> Path:
    """OUT as a Path, after refusing a folder, and an existing file unless `force`."""
    out = Path(out).expanduser()
    if out.is_dir():
        raise OutputExists("the output is a folder", origin=str(out), hint="name a file to write")
    if out.exists() and not force:
        raise OutputExists("the output file exists already", origin=str(out))
    return out


def export(store: Store, fmt: str | None, out: str | Path, *, dyad: tuple[str, str] | None = None,
           since: str | None = None, until: str | None = None, force: bool = False) -> ExportResult:
    """Write the selected events of `store` to `out` in format `fmt` (None: from OUT's extension)."""
    import duckdb

    exporter = get_exporter(fmt, out)
    out = check_output(out, force)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        result = exporter.write(store, tmp, Selection(dyad, since, until))
        os.replace(tmp, out)
    except (OSError, duckdb.IOException) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc).splitlines()[0]
        raise UsageError(f"cannot write the output: {reason}", origin=str(out),
                         hint="check that the folder can be written to") from None
    finally:
        with suppress(OSError):
            tmp.unlink(missing_ok=True)
    result.format, result.path = exporter.name, out
    return result


from . import tables, geo, network  # noqa: E402,F401,I001  (registers the built-in exporters, in this order)
