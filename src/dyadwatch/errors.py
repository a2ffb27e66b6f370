"""Every error dyadwatch raises on purpose, with a stable code, the cause and the next step.

    DyadwatchError                 DW000
    ├── InputError                 DW1xx  a file or document cannot be read
    │   ├── NotFound               DW101
    │   ├── EmptyInput             DW102
    │   ├── BinaryInput            DW103
    │   ├── TooLarge               DW104
    │   ├── DecodeFailed           DW105
    │   ├── Malformed              DW106
    │   ├── NoEntries              DW107
    │   ├── WrongShape             DW108
    │   ├── UnknownFormat          DW109
    │   └── NoText                 DW110
    ├── ModelError                 DW2xx  the spaCy pipeline
    │   ├── ModelNotFound          DW201
    │   └── WorkerDied             DW202
    ├── StoreError                 DW3xx  the DuckDB store
    │   ├── NotAStore              DW301
    │   ├── StoreLocked            DW302
    │   ├── StoreTooNew            DW303
    │   ├── NoStore                DW304
    │   └── StoreOutdated          DW305
    ├── UsageError                 DW4xx  a command was called wrongly
    │   ├── OutputExists           DW401
    │   └── UnknownExportFormat    DW402
    └── DataError                  DW5xx  a data file shipped with dyadwatch is broken

The command line prints ``str(error)`` and exits with a non-zero status; it never shows a traceback
for these.
"""

from __future__ import annotations


class DyadwatchError(Exception):
    """Base class: ``code`` is stable, ``hint`` says what to do next."""

    code = "DW000"
    hint = ""

    def __init__(self, message: str, *, hint: str | None = None, origin: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.origin = origin
        if hint is not None:
            self.hint = hint

    def __str__(self) -> str:
        where = f"{self.origin}: " if self.origin else ""
        text = f"[{self.code}] {where}{self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text

    def as_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "origin": self.origin, "message": self.message, "hint": self.hint or None}


class InputError(DyadwatchError):
    code = "DW100"


class NotFound(InputError):
    code = "DW101"
    hint = "check the path; folders are read recursively"


class EmptyInput(InputError):
    code = "DW102"
    hint = "the file has no text to analyse"


class BinaryInput(InputError):
    code = "DW103"
    hint = "dyadwatch reads text, HTML, RSS/Atom, JSONL and Telegram JSON exports"


class TooLarge(InputError):
    code = "DW104"
    hint = "split the file, or raise max_file_mb in the settings"


class DecodeFailed(InputError):
    code = "DW105"
    hint = "convert the file to UTF-8, e.g. iconv -f LATIN1 -t UTF-8"


class Malformed(InputError):
    code = "DW106"


class NoEntries(InputError):
    code = "DW107"
    hint = "the feed or export holds no articles"


class WrongShape(InputError):
    code = "DW108"


class UnknownFormat(InputError):
    code = "DW109"
    hint = "use --format to name the reader"


class NoText(InputError):
    code = "DW110"
    hint = "no article text could be extracted"


class ModelError(DyadwatchError):
    code = "DW200"


class ModelNotFound(ModelError):
    code = "DW201"
    hint = "run `make install` (it installs the pinned English pipeline) or set DYADWATCH_MODEL"


class WorkerDied(ModelError):
    code = "DW202"
    hint = "run the same command again: what was stored is kept and skipped"


class StoreError(DyadwatchError):
    code = "DW300"


class NotAStore(StoreError):
    code = "DW301"
    hint = "point --db at a DuckDB file made by dyadwatch, or at a path that does not exist yet"


class StoreLocked(StoreError):
    code = "DW302"
    hint = "another process is writing to this store; wait for it to finish or use another --db"


class StoreTooNew(StoreError):
    code = "DW303"
    hint = "upgrade dyadwatch to read this store"


class NoStore(StoreError):
    code = "DW304"
    hint = "run `dyadwatch ingest PATH` first, or name the store with --db or DYADWATCH_DB"


class StoreOutdated(StoreError):
    code = "DW305"
    hint = "run any writing command (dyadwatch ingest) once to upgrade it, or wait for the process writing to it"


class UsageError(DyadwatchError):
    code = "DW400"


class DataError(DyadwatchError):
    code = "DW500"
    hint = "the installed data files are damaged; reinstall dyadwatch"


class OutputExists(UsageError):
    code = "DW401"
    hint = "pass --force to replace it, or name another OUT file"


class UnknownExportFormat(UsageError):
    code = "DW402"
    hint = "name one with --format, or give OUT a known extension"
