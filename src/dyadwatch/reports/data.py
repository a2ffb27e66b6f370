"""The profile as the report formats read it: every optional field present, names resolved, months in order.

`dyad_profile` grows over time; a report of an older or smaller profile shows what is there and says what is not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import format as fmt


def country_name(code: str) -> str:
    from ..kb import load as load_kb

    try:
        c = load_kb().countries.get(code)
    except Exception:  # the report still renders with codes if the knowledge base cannot be read
        c = None
    return c.name if c else code


@dataclass
class Month:
    """One calendar month of the dyad (zeros where nothing happened)."""

    month: str
    events: int = 0
    cooperation: float = 0.0
    conflict: float = 0.0
    sources: int = 0
    a_to_b: int | None = None
    b_to_a: int | None = None
    tone: float | None = None

    @property
    def net(self) -> float:
        return round(self.cooperation - self.conflict, 2)


@dataclass
class View:
    a: str
    b: str
    names: dict[str, str]
    period: tuple[str | None, str | None]
    events: int
    sources: int
    months: list[Month]  # every month from the first dated one to the last, gaps filled with zeros
    undated: list[Month]  # rows dated only to the year, or not at all
    directed_available: bool
    profile: dict[str, Any] = field(repr=False)

    @property
    def ab(self) -> str:
        return f"{self.a}->{self.b}"

    @property
    def ba(self) -> str:
        return f"{self.b}->{self.a}"

    def name(self, code: str) -> str:
        return self.names.get(code) or code

    def get(self, key: str, default: Any = None) -> Any:
        value = self.profile.get(key)
        return default if value is None else value


def _month(row: dict[str, Any]) -> Month:
    def opt_int(key: str) -> int | None:
        return int(row[key]) if row.get(key) is not None else None

    return Month(month=str(row.get("month") or "unknown"), events=int(row.get("events") or 0),
                 cooperation=float(row.get("cooperation") or 0.0), conflict=float(row.get("conflict") or 0.0),
                 sources=int(row.get("sources") or 0), a_to_b=opt_int("a_to_b"), b_to_a=opt_int("b_to_a"),
                 tone=float(row["tone"]) if row.get("tone") is not None else None)


def prepare(profile: dict[str, Any]) -> View:
    a, b = (list(profile.get("pair") or ["?", "?"]) + ["?", "?"])[:2]
    names = {a: country_name(a), b: country_name(b)} | {k: v for k, v in (profile.get("names") or {}).items() if v}
    rows = [_month(r) for r in profile.get("monthly") or []]
    dated = {m.month: m for m in rows if fmt.month_key(m.month)}
    undated = [m for m in rows if not fmt.month_key(m.month)]
    months: list[Month] = []
    if dated:
        keys = sorted(fmt.month_key(k) for k in dated)  # type: ignore[type-var]
        months = [dated.get(k) or Month(month=k) for k in fmt.month_range(keys[0], keys[-1])]
    period = profile.get("period") or {}
    first = period.get("first") or (months[0].month if months else None)
    last = period.get("last") or (months[-1].month if months else None)
    directed_available = any(m.a_to_b is not None or m.b_to_a is not None for m in rows)
    return View(a=a, b=b, names=names, period=(first, last), events=int(profile.get("events") or 0),
                sources=int(profile.get("sources") or 0), months=months, undated=undated,
                directed_available=directed_available, profile=profile)
