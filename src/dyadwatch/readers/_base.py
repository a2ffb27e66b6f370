"""What every reader shares: raw bytes to text safely, published dates, the rejection record."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from .. import config
from ..errors import BinaryInput, DecodeFailed, DyadwatchError, EmptyInput, TooLarge


@dataclass
class Rejection:
    """An input that could not become a document, and why. Stored in the store's rejections table."""

    origin: str
    error: DyadwatchError


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def read_bytes(path: Path, *, limit_mb: float | None = None) -> bytes:
    """The file's bytes, refused when empty or larger than the limit (checked before reading)."""
    limit = (limit_mb if limit_mb is not None else config.get("input", "max_file_mb")) * 1024 * 1024
    size = path.stat().st_size
    if size > limit:
        raise TooLarge(f"file is {size / 1048576:.0f} MB, above the limit of {limit / 1048576:.0f} MB",
                       origin=str(path))
    data = path.read_bytes()
    if not data.strip():
        raise EmptyInput("file is empty", origin=str(path))
    return data


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF8)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.1


def decode(data: bytes, origin: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else a confident detection."""
    if looks_binary(data):
        raise BinaryInput("file is binary, not text", origin=origin)
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _plausible(data.decode(codec, errors="replace"), origin)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding in {"utf_8", "ascii"}:
        raise DecodeFailed(f"not valid UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and the "
                           "encoding could not be recognised", origin=origin)
    encoding = best.encoding
    if encoding in LATIN_FAMILY:
        # The single-byte Latin code pages are hard to tell apart by statistics; Western news is
        # overwhelmingly cp1252 (a superset of Latin-1's printable range), so read it as that.
        encoding = "cp1252"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode("latin-1" if encoding == "cp1252" else encoding, errors="replace")
    return _plausible(text, origin)


LATIN_FAMILY = {"cp1250", "cp1252", "cp1257", "cp775", "cp850", "cp437", "latin_1", "iso8859_2", "iso8859_4",
                "iso8859_9", "iso8859_13", "iso8859_15", "mac_latin2", "mac_roman", "cp1254", "cp858"}


def _plausible(text: str, origin: str) -> str:
    """Refuse a decoding that produced mostly unassigned or control characters (binary in disguise)."""
    sample = text[:20000]
    if not sample:
        return text
    odd = sum(1 for ch in sample if unicodedata.category(ch) in {"Cn", "Co", "Cs", "Cc"} and ch not in "\n\r\t")
    if odd > len(sample) * 0.05:
        raise BinaryInput("file is binary, not text", origin=origin)
    return text


def clean_text(text: str) -> str:
    """NFC, unified newlines, no control characters, no trailing spaces, no leading/trailing blank lines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text).replace("\u00a0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n").strip()


def iso_date(value: object, *, order: str | None = None) -> str | None:
    """A publication date as YYYY-MM-DD from ISO strings, RFC 822, unix times or free text; None if unknown."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)) or (isinstance(value, str) and value.strip().isdigit()
                                           and len(value.strip()) >= 9):
        return _from_timestamp(float(value))
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    m = re.fullmatch(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})", text)
    if m:
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        day_first = (order or config.get("input", "date_order")) == "DMY"
        if a > 12 or (day_first and b <= 12):
            day, month = a, b
        else:
            month, day = a, b
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return None
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={
        "DATE_ORDER": order or config.get("input", "date_order"), "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["year"]})
    return parsed.date().isoformat() if parsed else None


def _from_timestamp(value: float) -> str | None:
    """A unix time (seconds) as a date; None when it is not a plausible one (e.g. a bare year)."""
    if value < 1e8:
        return None
    try:
        return datetime.fromtimestamp(value, tz=UTC).date().isoformat()
    except (OverflowError, ValueError, OSError):
        return None


def word_count(text: str) -> int:
    return len(text.split())
