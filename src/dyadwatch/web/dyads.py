"""Dyads for the dashboard: the most active pairs (from the monthly sums of store.aggregates), a pair's events with the
filters of the dyad page, and the recent changes across the busiest pairs.

An event counts for every pair of a source country and a different target country it names, once per pair, as
in `dyadwatch.store.queries.events(dyad=...)`; near-duplicate documents do not count.
"""

from __future__ import annotations

import re
from typing import Any

from ..reports import format as fmt
from ..store import Store
from ..store.queries import EVENT_LISTING, _period_and_type, _rows, by_ids

CODE = re.compile(r"^[A-Z]{3}$")
PAIR = re.compile(r"^([A-Za-z]{3})-([A-Za-z]{3})$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

def parse_pair(value: str) -> tuple[str, str] | None:
    """("CHN", "USA") from "chn-usa"; None when it is not two three-letter codes of different countries."""
    m = PAIR.match(value or "")
    if not m:
        return None
    a, b = m.group(1).upper(), m.group(2).upper()
    return None if a == b else (a, b)


def top_dyads(store: Store, limit: int = 12, country: str | None = None) -> list[dict[str, Any]]:
    """The pairs with the most events: events, documents, mean score, cooperative and conflictual events, the
    last month, the events and summed score per month (for sparklines) and `pairs_total`, the number of pairs
    (of the country's, with `country`). Read from the monthly sums (`dyad_months`); documents are counted for
    the pairs shown only."""
    where, params = ("WHERE a = $country OR b = $country", {"country": country}) if country else ("", {})
    rows = _rows(store, f"""
        WITH grouped AS (
            SELECT a, b, sum(events) AS events, round(sum(score_sum) / sum(events), 2) AS mean_score,
                   sum(n_cooperation) AS cooperative, sum(n_conflict) AS conflictual,
                   max(month) FILTER (WHERE month <> 'unknown') AS last_month
            FROM dyad_months {where} GROUP BY a, b),
        top AS (SELECT *, count(*) OVER () AS pairs_total FROM grouped ORDER BY events DESC, a, b LIMIT {int(limit)})
        SELECT top.*,
               (SELECT count(DISTINCT x.doc_id) FROM event_dyads x WHERE x.a = top.a AND x.b = top.b) AS documents,
               (SELECT list({{'month': m.month, 'events': m.events, 'tone': round(m.score_sum, 2)}} ORDER BY m.month)
                FROM dyad_months m WHERE m.a = top.a AND m.b = top.b AND m.month <> 'unknown') AS monthly
        FROM top ORDER BY events DESC, a, b""", params)  # type: ignore[arg-type]
    from .. import kb

    countries = kb.load().countries
    for r in rows:
        r["events"], r["cooperative"], r["conflictual"] = int(r["events"]), int(r["cooperative"]), int(r["conflictual"])
        r["mean_score"] = float(r["mean_score"])
        r["monthly"] = [{**m, "tone": float(m["tone"])} for m in r["monthly"] or []]
        r["names"] = {c: countries[c].name if c in countries else c for c in (r["a"], r["b"])}
    return rows


def busiest_pairs(store: Store, limit: int) -> list[tuple[str, str]]:
    """The `limit` pairs with the most events, in the order of `top_dyads` (without its figures)."""
    return [(a, b) for a, b in store.con.execute(
        "SELECT a, b FROM dyad_months GROUP BY a, b ORDER BY sum(events) DESC, a, b LIMIT ?", [limit]).fetchall()]


def spark_values(monthly: list[dict[str, Any]], months: list[str]) -> list[tuple[int, float]]:
    by = {m["month"]: m for m in monthly}
    return [(by[m]["events"], by[m]["tone"]) if m in by else (0, 0.0) for m in months]


def dyad_events(store: Store, a: str, b: str, *, type_: str | None = None, status: str | None = None,
                since: str | None = None, until: str | None = None, doc: str | None = None,
                limit: int = 200, facets: bool = False) -> dict[str, Any]:
    """The pair's events, newest first, filtered as the dyad page asks: `total` counts every match, `events`
    holds at most `limit`. The pair and period filters are those of `store.queries.events` (a period compares
    the event's date, else its document's publication date); the pair's rows of `event_dyads` are filtered and
    sorted, and only the rows shown are read in full."""
    a, b = sorted((a, b))
    where, params = _period_and_type("day", "type", since, until, type_)
    if status:
        where.append("coalesce(status, 'asserted') = ?")
        params.append(status)
    if doc:
        where.append("doc_id = ?")
        params.append(doc)
    found = store.con.execute(f"""
        SELECT event_id, doc_id, count(*) OVER () FROM event_dyads WHERE {' AND '.join(["a = ?", "b = ?", *where])}
        ORDER BY coalesce(day, '') DESC, event_id DESC LIMIT {int(limit)}""", [a, b, *params]).fetchall()
    total = found[0][2] if found else 0
    rows = by_ids(store, [(e, d) for e, d, _ in found], EVENT_LISTING, "d.published")
    out: dict[str, Any] = {"pair": [a, b], "total": total, "events": rows}
    if facets:
        types, statuses, docs, months = store.con.execute("""
            SELECT list(DISTINCT type ORDER BY type), list(DISTINCT coalesce(status, 'asserted')
                   ORDER BY coalesce(status, 'asserted')), list(DISTINCT doc_id ORDER BY doc_id),
                   list(DISTINCT left(day, 7) ORDER BY left(day, 7))
            FROM event_dyads WHERE a = $a AND b = $b""", {"a": a, "b": b}).fetchone()
        out["facets"] = {"types": types or [], "statuses": statuses or [], "documents": docs or [],
                         "months": [m for m in months or [] if fmt.month_key(m)]}
    return out


def recent_changes(store: Store, pairs: list[tuple[str, str]], limit: int = 10) -> list[dict[str, Any]]:
    """The latest changes (tone turns, first events of a kind, leader changes) of the given pairs, by the
    profile's own rules (`store.profile.changes_of`, over the monthly sums; a profile also weighs dimensions and
    quantities, which the overview does not show)."""
    from .. import kb
    from ..store.profile import changes_of, monthly_series

    countries = kb.load().countries
    changes = []
    for a, b in sorted({tuple(sorted(p)) for p in pairs}):
        names = {c: countries[c].name if c in countries else c for c in (a, b)}
        changes += [{**c, "pair": [a, b], "names": names}
                    for c in changes_of(store, a, b, monthly_series(store, a, b))]
    changes.sort(key=lambda c: (c["month"], c["kind"] != "tone_turn"), reverse=True)
    return changes[:limit]
