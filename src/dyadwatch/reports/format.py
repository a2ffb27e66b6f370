"""Numbers, money, scores and evidence references as people write them ("US$ 4 billion", "12,500", "+7.0")."""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

# ISO 4217 codes with a widely read symbol; any other code is written as the code itself ("TRY 5 billion").
CURRENCY_SYMBOLS = {"USD": "US$", "EUR": "€", "GBP": "£", "JPY": "JP¥", "CNY": "CN¥", "INR": "₹", "KRW": "₩",
                    "RUB": "₽", "AUD": "A$", "CAD": "C$", "HKD": "HK$", "BRL": "R$", "CHF": "CHF"}
# Physical units emitted by the quantities stage (data/units.tsv), as they are printed.
UNIT_LABELS = {"m3": "m³", "km2": "km²", "t": "tonnes", "bbl": "barrels", "bbl/d": "barrels/day", "km": "km",
               "ha": "ha", "MW": "MW", "GW": "GW"}
SCALES = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")]
QUAD_LABELS = {"1": "Verbal cooperation", "2": "Material cooperation", "3": "Verbal conflict",
               "4": "Material conflict"}
KIND_LABELS = {"tone_turn": "Tone turn", "first_event": "First of its kind", "leader_change": "Leader change"}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


def _trim(x: float, digits: int = 2) -> str:
    text = f"{x:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def number(value: float | int | None, *, scale: bool = True) -> str:
    """12500 → "12,500"; 4000000000 → "4 billion"; 2.5 → "2.5"; None → "–"."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    sign = "−" if value < 0 else ""
    v = abs(value)
    if scale:
        for size, word in SCALES:
            if v >= size:
                return f"{sign}{_trim(v / size)} {word}"
    if float(v).is_integer():
        return f"{sign}{int(v):,}"
    return sign + _trim(v, 2 if v >= 1 else 3)


def money(value: float | int, currency: str) -> str:
    """4000000000, "USD" → "US$ 4 billion"."""
    symbol = CURRENCY_SYMBOLS.get(currency.upper(), currency.upper())
    return f"{symbol} {number(value)}"


def amount(value: float | int | None, unit: str | None) -> str:
    """A value with its unit: a currency code, "percent", a physical unit, or None for a plain count."""
    if value is None:
        return "–"
    if not unit:
        return number(value)
    if unit == "percent":
        return f"{number(value, scale=False)}%"
    if len(unit) == 3 and unit.isalpha() and unit.isupper():
        return money(value, unit)
    return f"{number(value)} {UNIT_LABELS.get(unit, unit)}"


def quantity(q: dict[str, Any]) -> str:
    """A quantity row as a phrase: "about US$ 4 billion investment"."""
    unit, obj = q.get("unit"), q.get("object") or ""
    if obj and unit in UNIT_LABELS and not obj.lower().startswith("of "):
        obj = f"of {obj}"  # "6,600 tonnes of wheat", but "US$ 4 billion investment", "12,500 students"
    parts = [q.get("qualifier") or "", amount(q.get("value"), unit), obj]
    return " ".join(p for p in parts if p).strip()


def score(value: float | None) -> str:
    """A tone score with its sign: +7.0, −8.0, 0.0."""
    if value is None:
        return "–"
    if abs(value) < 0.05:
        return "0.0"
    return f"{'+' if value > 0 else '−'}{abs(value):.1f}"


def share(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def month_key(month: str | None) -> tuple[int, int] | None:
    """(year, month) of "2025-03", None for "2025", "unknown" and the like."""
    m = _MONTH_RE.match(month or "")
    if not m or not 1 <= int(m.group(2)) <= 12:
        return None
    return int(m.group(1)), int(m.group(2))


def month_label(month: str | None, *, short: bool = False) -> str:
    """"2025-03" → "Mar 2025" ("Mar" when short); "2025" and "unknown" are kept as they are."""
    key = month_key(month)
    if not key:
        return "undated" if not month or month == "unknown" else month
    return MONTHS[key[1] - 1] if short else f"{MONTHS[key[1] - 1]} {key[0]}"


def month_range(first: tuple[int, int], last: tuple[int, int]) -> list[str]:
    """Every month from first to last inclusive, as "YYYY-MM"."""
    out, (y, m) = [], first
    while (y, m) <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def period_label(first: str | None, last: str | None) -> str:
    if not first and not last:
        return "no dated events"
    if first == last or not last:
        return month_label(first)
    return f"{month_label(first)} – {month_label(last)}"


def day_label(value: str | None) -> str:
    """"2025-04-11" → "11 Apr 2025"; partial dates are printed as given."""
    if not value:
        return "undated"
    try:
        d = date.fromisoformat(value[:10])
    except ValueError:
        return month_label(value) if month_key(value) else value
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def short_doc(doc_id: str | None) -> str:
    """A document id as shown: hash-like ids are cut to 8 characters ("3f2a9c1e…"), readable slugs are kept."""
    doc_id = str(doc_id or "?")
    if len(doc_id) > 12 and re.fullmatch(r"[0-9a-f]+", doc_id):
        return doc_id[:8] + "…"
    return doc_id


def evidence(ev: Any, row: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """An evidence dict {doc_id, text, start, end} from an EVID dict, or from an event row whose `evidence` is text
    and whose offsets are `doc_id`, `start_char`, `end_char`."""
    if isinstance(ev, dict):
        return {"doc_id": ev.get("doc_id"), "text": str(ev.get("text") or ""), "start": ev.get("start"),
                "end": ev.get("end")}
    if isinstance(ev, str) and ev:
        row = row or {}
        return {"doc_id": row.get("doc_id"), "text": ev, "start": row.get("start_char", row.get("start")),
                "end": row.get("end_char", row.get("end"))}
    return None


def reference(ev: dict[str, Any], *, full: bool = False) -> str:
    """"doc 3f2a9c1e… [120:245]" (the full id when `full`)."""
    doc = str(ev.get("doc_id") or "?") if full else short_doc(ev.get("doc_id"))
    start, end = ev.get("start"), ev.get("end")
    span = f" [{start}:{end}]" if start is not None and end is not None else ""
    return f"doc {doc}{span}"


def dimension_label(name: str | None) -> str:
    return (name or "other").replace("_", " ").capitalize()
