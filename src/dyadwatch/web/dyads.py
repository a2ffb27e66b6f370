"""Dyads for the dashboard: the most active pairs (SQL over the events' country lists), a pair's events with the
filters of the dyad page, and the recent changes across the busiest pairs.

An event counts for every pair of a source country and a different target country it names, once per pair, as
in `dyadwatch.store.queries.events(dyad=...)`; near-duplicate documents do not count.
"""

from __future__ import annotations

import re
from typing import Any

from ..reports import format as fmt
from ..store import Store
from ..store.queries import _rows

CODE = re.compile(r"^[A-Z]{3}$")
PAIR = re.compile(r"^([A-Za-z]{3})-([A-Za-z]{3})$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

# one row per (event, unordered country pair); month as the profile counts it (the event's date, else the
# document's publication date; a date known only to the year has no month)
PAIRS_SQL = """
WITH base AS (
    SELECT e.id, e.doc_id, e.score, e.source_countries, e.target_countries,
           CASE WHEN e.date IS NULL THEN strftime(d.published, '%Y-%m')
                WHEN length(e.date) >= 7 THEN left(e.date, 7) END AS month
    FROM events e JOIN documents d ON d.id = e.doc_id
    WHERE d.duplicate_of IS NULL AND len(e.source_countries) > 0 AND len(e.target_countries) > 0),
src AS (SELECT id, doc_id, score, month, unnest(source_countries) AS s, target_countries FROM base),
pairs AS (
    SELECT DISTINCT id, doc_id, score, month, least(s, t) AS a, greatest(s, t) AS b
    FROM (SELECT id, doc_id, score, month, s, unnest(target_countries) AS t FROM src) WHERE s <> t)
"""


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
    (of the country's, with `country`)."""
    sql, params = PAIRS_SQL.replace("pairs AS (", "pairs AS MATERIALIZED ("), []
    where = ""
    if country:
        # only the country's events are unnested
        sql = sql.replace("len(e.source_countries) > 0 AND len(e.target_countries) > 0",
                          "(list_contains(e.source_countries, $1) OR list_contains(e.target_countries, $1))")
        where, params = "WHERE a = $1 OR b = $1", [country]
    rows = _rows(store, f"""{sql},
        grouped AS (
            SELECT a, b, count(*) AS events, count(DISTINCT doc_id) AS documents, round(avg(score), 2) AS mean_score,
                   count(*) FILTER (WHERE score > 0) AS cooperative, count(*) FILTER (WHERE score < 0) AS conflictual,
                   max(month) AS last_month
            FROM pairs {where} GROUP BY a, b),
        top AS (SELECT *, count(*) OVER () AS pairs_total FROM grouped ORDER BY events DESC, a, b LIMIT {int(limit)}),
        monthly AS (
            SELECT p.a, p.b, p.month, count(*) AS n, round(sum(p.score), 2) AS tone
            FROM pairs p JOIN top t ON t.a = p.a AND t.b = p.b WHERE p.month IS NOT NULL GROUP BY ALL)
        SELECT top.*, (SELECT list({{'month': m.month, 'events': m.n, 'tone': m.tone}} ORDER BY m.month)
                       FROM monthly m WHERE m.a = top.a AND m.b = top.b) AS monthly
        FROM top ORDER BY events DESC, a, b""", params)
    from .. import kb

    countries = kb.load().countries
    for r in rows:
        r["monthly"] = r["monthly"] or []
        r["names"] = {c: countries[c].name if c in countries else c for c in (r["a"], r["b"])}
    return rows


def busiest_pairs(store: Store, limit: int) -> list[tuple[str, str]]:
    """The `limit` pairs with the most events, in the order of `top_dyads` (without its figures)."""
    return [(a, b) for a, b in store.con.execute(
        f"{PAIRS_SQL} SELECT a, b FROM pairs GROUP BY a, b ORDER BY count(*) DESC, a, b LIMIT ?", [limit]).fetchall()]


def spark_values(monthly: list[dict[str, Any]], months: list[str]) -> list[tuple[int, float]]:
    by = {m["month"]: m for m in monthly}
    return [(by[m]["events"], by[m]["tone"]) if m in by else (0, 0.0) for m in months]


EITHER_WAY = """((list_contains(e.source_countries, $a) AND list_contains(e.target_countries, $b))
                OR (list_contains(e.source_countries, $b) AND list_contains(e.target_countries, $a)))"""
WHEN = "coalesce(e.date, CAST(d.published AS VARCHAR))"


def dyad_events(store: Store, a: str, b: str, *, type_: str | None = None, status: str | None = None,
                since: str | None = None, until: str | None = None, doc: str | None = None,
                limit: int = 200, facets: bool = False) -> dict[str, Any]:
    """The pair's events, newest first, filtered as the dyad page asks: `total` counts every match, `events`
    holds at most `limit`. The pair and period filters are those of `store.queries.events` (a period compares
    the event's date, else its document's publication date); only the rows shown are read in full."""
    where, params = [f"d.duplicate_of IS NULL AND {EITHER_WAY}"], {"a": a, "b": b}
    if type_:
        where.append("e.type = $type")
        params["type"] = type_.upper()
    if status:
        where.append("coalesce(e.status, 'asserted') = $status")
        params["status"] = status
    if doc:
        where.append("e.doc_id = $doc")
        params["doc"] = doc
    if since:
        where.append(f"{WHEN} >= $since")
        params["since"] = since
    if until:
        where.append(f"left({WHEN}, {len(until)}) <= $until")
        params["until"] = until
    rows = _rows(store, f"""
        SELECT e.id, e.date, e.type, e.cameo, e.score, array_to_string(e.source_countries, '+') AS source,
               array_to_string(e.target_countries, '+') AS target, e.status, e.act, e.context,
               round(e.confidence, 2) AS confidence, e.doc_id, e.start_char, e.end_char, e.evidence, d.published,
               count(*) OVER () AS total_
        FROM events e JOIN documents d ON d.id = e.doc_id
        WHERE {' AND '.join(where)}
        ORDER BY coalesce({WHEN}, '') DESC, e.id DESC LIMIT {int(limit)}""", params)  # type: ignore[arg-type]
    total = rows[0]["total_"] if rows else 0
    for r in rows:
        del r["total_"]
    out: dict[str, Any] = {"pair": [a, b], "total": total, "events": rows}
    if facets:
        types, statuses, docs, months = store.con.execute(f"""
            SELECT list(DISTINCT e.type ORDER BY e.type), list(DISTINCT coalesce(e.status, 'asserted')
                   ORDER BY coalesce(e.status, 'asserted')), list(DISTINCT e.doc_id ORDER BY e.doc_id),
                   list(DISTINCT left({WHEN}, 7) ORDER BY left({WHEN}, 7))
            FROM events e JOIN documents d ON d.id = e.doc_id WHERE d.duplicate_of IS NULL AND {EITHER_WAY}""",
                                                          {"a": a, "b": b}).fetchone()
        out["facets"] = {"types": types or [], "statuses": statuses or [], "documents": docs or [],
                         "months": [m for m in months or [] if fmt.month_key(m)]}
    return out


def recent_changes(store: Store, pairs: list[tuple[str, str]], limit: int = 10) -> list[dict[str, Any]]:
    """The latest changes (tone turns, first events of a kind, leader changes) of the given pairs, by the
    profile's own rules (`store.profile`), computed from one query for all the pairs instead of one whole
    profile each (a profile also weighs dimensions and quantities, which the overview does not show)."""
    from .. import kb
    from ..store.profile import changes_of, monthly_series

    pairs = [tuple(sorted(p)) for p in pairs]
    if not pairs:
        return []
    either = " OR ".join("(list_contains(e.source_countries, ?) AND list_contains(e.target_countries, ?))"
                         for _ in range(2 * len(pairs)))
    # the evidence text is fetched afterwards, for the few events that a change cites
    rows = _rows(store, f"""
        SELECT e.id, e.date, e.type, e.score, array_to_string(e.source_countries, '+') AS source,
               array_to_string(e.target_countries, '+') AS target, e.status, e.doc_id, e.start_char, e.end_char,
               NULL AS evidence, d.published, e.source_countries AS sources_, e.target_countries AS targets_
        FROM events e JOIN documents d ON d.id = e.doc_id
        WHERE d.duplicate_of IS NULL AND ({either})
        ORDER BY e.date NULLS LAST, e.id""", [c for a, b in pairs for c in (a, b, b, a)])
    for r in rows:
        r["sources_"], r["targets_"] = set(r["sources_"]), set(r["targets_"])
    countries = kb.load().countries
    changes = []
    for a, b in pairs:
        sub = [r for r in rows if (a in r["sources_"] and b in r["targets_"]) or (b in r["sources_"] and a in r["targets_"])]
        names = {c: countries[c].name if c in countries else c for c in (a, b)}
        changes += [{**c, "pair": [a, b], "names": names} for c in changes_of(sub, monthly_series(sub, a, b), a, b)]
    changes.sort(key=lambda c: (c["month"], c["kind"] != "tone_turn"), reverse=True)
    changes = changes[:limit]
    cited = [c["evidence"] for c in changes if c.get("evidence")]
    if cited:
        spans = " OR ".join("(doc_id = ? AND start_char = ? AND end_char = ?)" for _ in cited)
        texts = {(d, s, e): t for d, s, e, t in store.con.execute(
            f"SELECT doc_id, start_char, end_char, evidence FROM events WHERE {spans}",
            [v for ev in cited for v in (ev["doc_id"], ev["start"], ev["end"])]).fetchall()}
        for ev in cited:
            ev["text"] = texts.get((ev["doc_id"], ev["start"], ev["end"]))
    return changes
