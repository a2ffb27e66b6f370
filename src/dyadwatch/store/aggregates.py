"""What the store keeps so that queries over a pair of countries stay fast at tens of millions of events.

- `event_dyads`: one narrow row per (pair, event) of the original (not near-duplicate) documents, with what the
  profile and the listings filter, group and sort on: the pair sorted (a < b), the month the event counts in, its
  own date and the date it is listed under, which way it goes, type, score, quad class, status, dimension. A
  compound event ("Brazil and Argentina condemned Chile") has one row per pair it joins.
- `dyad_months`: per pair and month, the sums of those rows (events, documents, cooperation, conflict, quad
  classes, each way), which the monthly series, the totals and the dashboard's overview read.
- `dyad_totals`: per pair, the documents with its events (each way) and with anything about it (events or
  facts); `dyad_actors`: per pair and actor, the events the actor takes part in.

All are written with the documents they come from: `document_rows` makes a document's rows in Python when it is
stored, `add` writes a batch of them (in the store's transaction; a document is never split between batches, so
its documents count once), and `rebuild` recomputes everything from the events with SQL (when an older store is
upgraded). A test holds the two ways equal.
"""

from __future__ import annotations

from typing import Any

import duckdb

from ..stages.dyads import event_dimension
from .bulk import insert_many

__all__ = ["EVENT_COLUMNS", "month_of", "dyad_rows", "document_rows", "add", "rebuild", "backfill"]

# the events table's columns, in order (migrations 001, 003, 004)
EVENT_COLUMNS = ("id", "doc_id", "type", "mode", "context", "cameo", "score", "quad_class", "date", "month",
                 "location", "status", "confidence", "evidence", "start_char", "end_char", "source_countries",
                 "target_countries", "act", "dimension")
_AT = {name: i for i, name in enumerate(EVENT_COLUMNS)}

# the month an event counts in: its own date's month, else its document's; a date of a year or a decade only
# has none ("unknown"), nor has an undated event of an undated document
MONTH_SQL = """CASE WHEN e.date IS NOT NULL AND e.date <> ''
                    THEN CASE WHEN length(e.date) >= 7 THEN left(e.date, 7) ELSE 'unknown' END
                    WHEN d.published IS NOT NULL THEN strftime(d.published, '%Y-%m') ELSE 'unknown' END"""


def month_of(date: str | None, published: str | None) -> str:
    if date:
        return date[:7] if len(date) >= 7 else "unknown"
    return published[:7] if published else "unknown"


def _day(published: Any) -> str | None:
    """The publication date as the store casts it to text (YYYY-MM-DD), from a str or a datetime.date."""
    if published is None or published == "":
        return None
    return published.isoformat()[:10] if hasattr(published, "isoformat") else str(published)[:10]


def dyad_rows(events: list[list], published: Any) -> list[list]:
    """The `event_dyads` rows of one original document's event rows (as `analysis_rows` makes them)."""
    day = _day(published)
    out = []
    for r in events:
        sources, targets = set(r[_AT["source_countries"]] or ()), set(r[_AT["target_countries"]] or ())
        pairs = sorted({(min(x, y), max(x, y)) for x in sources for y in targets if x != y})
        if not pairs:
            continue
        date = r[_AT["date"]] or None
        dimension = r[_AT["dimension"]]
        if dimension is None:  # a row made before migration 004
            dimension = event_dimension(r[_AT["context"]], r[_AT["evidence"]] or "") or ""
        for a, b in pairs:
            out.append([a, b, r[_AT["id"]], r[_AT["doc_id"]], month_of(date, day), date, date or day,
                        a in sources and b in targets, b in sources and a in targets, r[_AT["type"]],
                        r[_AT["score"]], r[_AT["quad_class"]], r[_AT["status"]], dimension])
    return out


def _sums(prefix: str, where: str) -> str:
    cond = f" AND {where}" if where else ""
    only = f" FILTER (WHERE {where})" if where else ""
    score = "CAST(score AS DECIMAL(18, 3))"  # exact: a sum does not depend on the order rows are added in
    return (f"count(*){only} AS {prefix}events, "
            f"coalesce(sum({score}) FILTER (WHERE score > 0{cond}), 0) AS {prefix}cooperation, "
            f"coalesce(-sum({score}) FILTER (WHERE score < 0{cond}), 0) AS {prefix}conflict, "
            f"coalesce(sum({score}){only}, 0) AS {prefix}score_sum")


SUMMED = ("events", "documents", "cooperation", "conflict", "score_sum", "n_cooperation", "n_conflict",
          "q1", "q2", "q3", "q4", "ab_events", "ab_cooperation", "ab_conflict", "ab_score_sum",
          "ba_events", "ba_cooperation", "ba_conflict", "ba_score_sum")


def _months_select(source: str) -> str:
    return f"""
        SELECT a, b, month, {_sums('', '')}, count(DISTINCT doc_id) AS documents,
               count(*) FILTER (WHERE score > 0) AS n_cooperation, count(*) FILTER (WHERE score < 0) AS n_conflict,
               count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
               count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4,
               {_sums('ab_', 'a_to_b')}, {_sums('ba_', 'b_to_a')}
        FROM {source} GROUP BY a, b, month"""


def document_rows(rows: dict[str, list[list]]) -> dict[str, list[list]]:
    """The aggregate rows of one original document, from its rows as `analysis_rows` makes them."""
    dyads = dyad_rows(rows.get("events", []), rows["documents"][0][3])
    actors: dict[str, set[str]] = {}
    for event_id, _side, actor_id, _country in rows.get("event_actors", []):
        actors.setdefault(event_id, set()).add(actor_id)
    pairs: dict[tuple[str, str], list[bool]] = {}  # (a, b) -> [has events, a to b, b to a]
    taking: dict[tuple[str, str, str], int] = {}
    for r in dyads:
        seen = pairs.setdefault((r[0], r[1]), [True, False, False])
        seen[1] |= r[7]
        seen[2] |= r[8]
        for actor_id in actors.get(r[2], ()):
            taking[(r[0], r[1], actor_id)] = taking.get((r[0], r[1], actor_id), 0) + 1
    for fact in rows.get("dyad_facts", []):
        pairs.setdefault((fact[1], fact[2]), [False, False, False])
    return {"event_dyads": dyads,
            "dyad_totals": [[a, b, int(e), int(ab), int(ba), 1] for (a, b), (e, ab, ba) in pairs.items()],
            "dyad_actors": [[a, b, actor, n] for (a, b, actor), n in taking.items()]}


# the key and count columns of the tables `_upsert` adds to, in order (migration 006)
COLUMNS = {"dyad_totals": ["a", "b", "documents", "ab_documents", "ba_documents", "sources"],
           "dyad_actors": ["a", "b", "actor_id", "events"]}


def _upsert(con: duckdb.DuckDBPyConnection, table: str, keys: int, rows: list[list]) -> None:
    """Add rows (key columns first, then counts) to `table`: summed per key here, then added to what is stored."""
    summed: dict[tuple, list[int]] = {}
    for r in rows:
        key = tuple(r[:keys])
        if key in summed:
            summed[key] = [x + y for x, y in zip(summed[key], r[keys:])]
        else:
            summed[key] = list(r[keys:])
    if not summed:
        return
    columns = COLUMNS[table]
    updates = ", ".join(f"{c} = {table}.{c} + EXCLUDED.{c}" for c in columns[keys:])
    insert_many(con, table, [[*k, *v] for k, v in summed.items()],
                f"ON CONFLICT ({', '.join(columns[:keys])}) DO UPDATE SET {updates}")


def add(con: duckdb.DuckDBPyConnection, batch: dict[str, list[list]]) -> None:
    """Write a batch of documents' aggregate rows (`document_rows`, concatenated per table)."""
    rows = batch.get("event_dyads", [])
    if rows:
        con.execute("CREATE TEMP TABLE IF NOT EXISTS batch_dyads AS SELECT * FROM event_dyads LIMIT 0")
        insert_many(con, "batch_dyads", rows)
        con.execute("INSERT INTO event_dyads SELECT * FROM batch_dyads")
        updates = ", ".join(f"{c} = dyad_months.{c} + EXCLUDED.{c}" for c in SUMMED)
        con.execute(f"INSERT INTO dyad_months BY NAME {_months_select('batch_dyads')} "
                    f"ON CONFLICT (a, b, month) DO UPDATE SET {updates}")
        con.execute("DELETE FROM batch_dyads")
    _upsert(con, "dyad_totals", 2, batch.get("dyad_totals", []))
    _upsert(con, "dyad_actors", 3, batch.get("dyad_actors", []))


def rebuild(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute the aggregates from the stored events and facts (inside the caller's transaction); the rows of
    `event_dyads` in the order the documents were stored, as ingesting them would have written them."""
    for table in ("event_dyads", "dyad_months", "dyad_totals", "dyad_actors"):
        con.execute(f"DELETE FROM {table}")
    con.execute(f"""
        INSERT INTO event_dyads
        WITH pairs AS (
            SELECT e.id, e.doc_id, e.date, e.type, e.score, e.quad_class, e.status, e.dimension,
                   e.source_countries AS s, e.target_countries AS t, {MONTH_SQL} AS month,
                   CAST(d.published AS VARCHAR) AS day, unnest(e.source_countries) AS x
            FROM events e JOIN documents d ON d.id = e.doc_id WHERE d.duplicate_of IS NULL),
        crossed AS (SELECT *, unnest(t) AS y FROM pairs)
        SELECT DISTINCT least(x, y) AS a, greatest(x, y) AS b, id, doc_id, month, nullif(date, ''),
               coalesce(nullif(date, ''), day), list_contains(s, least(x, y)) AND list_contains(t, greatest(x, y)),
               list_contains(s, greatest(x, y)) AND list_contains(t, least(x, y)), type, score, quad_class, status,
               coalesce(dimension, '')
        FROM crossed WHERE x <> y ORDER BY doc_id, id, a, b""")
    con.execute(f"INSERT INTO dyad_months BY NAME {_months_select('event_dyads')}")
    con.execute("""
        INSERT INTO dyad_totals
        WITH ev AS (SELECT a, b, doc_id, bool_or(a_to_b) AS ab, bool_or(b_to_a) AS ba FROM event_dyads
                    GROUP BY a, b, doc_id),
             fa AS (SELECT DISTINCT f.a, f.b, f.doc_id FROM dyad_facts f JOIN documents d ON d.id = f.doc_id
                    WHERE d.duplicate_of IS NULL),
             u AS (SELECT coalesce(ev.a, fa.a) AS a, coalesce(ev.b, fa.b) AS b, ev.doc_id IS NOT NULL AS has_events,
                          coalesce(ev.ab, false) AS ab, coalesce(ev.ba, false) AS ba
                   FROM ev FULL OUTER JOIN fa ON ev.a = fa.a AND ev.b = fa.b AND ev.doc_id = fa.doc_id)
        SELECT a, b, count(*) FILTER (WHERE has_events), count(*) FILTER (WHERE ab), count(*) FILTER (WHERE ba),
               count(*) FROM u GROUP BY a, b""")
    con.execute("""
        INSERT INTO dyad_actors
        SELECT x.a, x.b, ea.actor_id, count(DISTINCT ea.event_id) FROM event_dyads x
        JOIN event_actors ea ON ea.event_id = x.event_id GROUP BY ALL""")


def backfill(con: duckdb.DuckDBPyConnection) -> None:
    """Upgrade a store made before migration 006: the dimension of events stored before migration 004, the
    dimension of each quantity stated in a pair's dimension sentences (which documents stored since record as
    `dyad_facts` of kind 'quantity'), then the aggregates."""
    from ..stages.dyads import quantity_dimension

    missing = con.execute("SELECT id, context, evidence FROM events WHERE dimension IS NULL").fetchall()
    for event_id, context, evidence in missing:
        con.execute("UPDATE events SET dimension = ? WHERE id = ?",
                    [event_dimension(context, evidence or "") or "", event_id])
    spans: dict[tuple[str, str, str, int, int], tuple[str, list[str]]] = {}
    for doc_id, a, b, dimension, text, start, end in con.execute("""
            SELECT doc_id, a, b, dimension, evidence, start_char, end_char FROM dyad_facts
            WHERE kind = 'dimension' ORDER BY doc_id, a, b, start_char""").fetchall():
        spans.setdefault((doc_id, a, b, start, end), (text or "", []))[1].append(dimension)
    by_doc: dict[str, list[tuple[str, str, int, int, str, list[str]]]] = {}
    for (doc_id, a, b, start, end), (text, names) in spans.items():
        by_doc.setdefault(doc_id, []).append((a, b, start, end, text, names))
    facts = []
    if by_doc:
        for doc_id, text, start, end in con.execute(
                "SELECT doc_id, evidence, start_char, end_char FROM quantities ORDER BY doc_id, start_char").fetchall():
            done: set[tuple[str, str]] = set()
            for a, b, s, e, sentence, names in by_doc.get(doc_id, []):
                if (a, b) not in done and s <= start and end <= e:
                    done.add((a, b))
                    name = quantity_dimension(sentence, start - s, end - s, names) or names[0]
                    facts.append([doc_id, a, b, "quantity", name, None, None, text, start, end])
    insert_many(con, "dyad_facts", facts)
    rebuild(con)
