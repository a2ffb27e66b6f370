"""Queries over the store. Each returns plain rows (lists of dicts) that every output format can print.

Near-duplicate documents are stored and linked, but they are not independent evidence: events and profiles
count only originals.
"""

from __future__ import annotations

from typing import Any

from . import Store


def _rows(store: Store, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cur = store.con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def documents(store: Store, limit: int | None = None) -> list[dict[str, Any]]:
    sql = ("SELECT d.id, d.published, d.title, d.source, d.duplicate_of, "
           "(SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events, d.origin "
           "FROM documents d ORDER BY d.published NULLS LAST, d.id")
    return _rows(store, sql + (f" LIMIT {int(limit)}" if limit else ""))


def actors(store: Store, country: str | None = None) -> list[dict[str, Any]]:
    where = "WHERE a.country = ?" if country else ""
    return _rows(store, f"""
        SELECT a.id, a.name, a.kind, a.country, a.sector, count(m.doc_id) AS mentions,
               count(DISTINCT m.doc_id) AS documents
        FROM actors a LEFT JOIN mentions m ON m.actor_id = a.id
        {where}
        GROUP BY ALL ORDER BY mentions DESC, a.id""", [country] if country else [])


def events(store: Store, *, dyad: tuple[str, str] | None = None, since: str | None = None,
           until: str | None = None, type_: str | None = None, include_duplicates: bool = False,
           limit: int | None = None, with_published: bool = False) -> list[dict[str, Any]]:
    """Events, oldest first. `with_published` adds the document's publication date and the quad class."""
    if dyad and not include_duplicates:
        return _dyad_events(store, dyad, since=since, until=until, type_=type_, limit=limit,
                            with_published=with_published)
    where, params = ["1=1"], []
    if not include_duplicates:
        where.append("d.duplicate_of IS NULL")
    if dyad:
        a, b = dyad
        where.append("((list_contains(e.source_countries, ?) AND list_contains(e.target_countries, ?)) OR "
                     "(list_contains(e.source_countries, ?) AND list_contains(e.target_countries, ?)))")
        params += [a, b, b, a]
    more, values = _period_and_type("coalesce(e.date, CAST(d.published AS VARCHAR))", "e.type", since, until, type_)
    where, params = where + more, params + values
    sql = f"""
        SELECT {EVENT_LISTING}{", d.published, e.quad_class, e.dimension" if with_published else ""}
        FROM events e JOIN documents d ON d.id = e.doc_id
        WHERE {' AND '.join(where)}
        ORDER BY e.date NULLS LAST, e.id"""
    return _rows(store, sql + (f" LIMIT {int(limit)}" if limit else ""), params)


def _period_and_type(when: str, kind: str, since: str | None, until: str | None, type_: str | None
                     ) -> tuple[list[str], list[Any]]:
    """The conditions of a listing's period (on `when`, the date an event is listed under: its own, else its
    document's; `until` compares at its own precision) and PLOVER type (the column `kind`)."""
    where: list[str] = []
    params: list[Any] = []
    if since:
        where.append(f"{when} >= ?")
        params.append(since)
    if until:
        where.append(f"left({when}, ?) <= ?")
        params += [len(until), until]
    if type_:
        where.append(f"{kind} = ?")
        params.append(type_.upper())
    return where, params


def _dyad_events(store: Store, dyad: tuple[str, str], *, since: str | None, until: str | None, type_: str | None,
                 limit: int | None, with_published: bool) -> list[dict[str, Any]]:
    """`events` of one pair over the originals, found in `event_dyads` (see store.aggregates): the pair's rows
    are filtered, sorted and cut there, and only the events returned are read in full."""
    a, b = sorted(c.upper() for c in dyad)
    more, values = _period_and_type("day", "type", since, until, type_)
    where, params = ["a = ?", "b = ?", *more], [a, b, *values]
    found = store.con.execute(f"""
        SELECT event_id, doc_id FROM event_dyads WHERE {' AND '.join(where)}
        ORDER BY date NULLS LAST, event_id {f"LIMIT {int(limit)}" if limit else ""}""", params).fetchall()
    columns = EVENT_LISTING + (", e.quad_class, e.dimension" if with_published else "")
    rows = by_ids(store, found, columns, "d.published" if with_published else "")
    if with_published:  # in the order of the full listing
        order = [*rows[0]][:-3] + ["published", "quad_class", "dimension"] if rows else []
        rows = [{k: r[k] for k in order} for r in rows]
    return rows


EVENT_LISTING = """e.id, e.date, e.type, e.cameo, e.score, array_to_string(e.source_countries, '+') AS source,
                   array_to_string(e.target_countries, '+') AS target, e.status, e.act, e.context,
                   round(e.confidence, 2) AS confidence, e.doc_id, e.start_char, e.end_char, e.evidence"""


def by_ids(store: Store, found: list[tuple[str, str]], event_columns: str, doc_columns: str = "") -> list[dict[str, Any]]:
    """For the (event id, document id) pairs found, in their order: the `event_columns` of `events e`, then the
    `doc_columns` of `documents d`. Each table is read by its key, touching only those rows (a join of the two
    would scan the documents)."""
    if not found:
        return []

    def read(table: str, alias: str, columns: str, ids: list[str]) -> list[dict[str, Any]]:
        if len(ids) <= 2000:
            return _rows(store, f"SELECT {alias}.id AS key_, {columns} FROM {table} {alias} "
                                f"WHERE {alias}.id IN ({', '.join('?' * len(ids))})", ids)
        return _rows(store, f"SELECT {alias}.id AS key_, {columns} FROM {table} {alias} "
                            f"SEMI JOIN (SELECT unnest(?::VARCHAR[]) AS id) f ON f.id = {alias}.id", [ids])

    events = {r.pop("key_"): r for r in read("events", "e", event_columns, [e for e, _ in found])}
    docs = {r.pop("key_"): r for r in read("documents", "d", doc_columns, sorted({d for _, d in found}))} \
        if doc_columns else {}
    return [events[e] | docs.get(d, {}) for e, d in found]


def dyad_profile(store: Store, a: str, b: str) -> dict[str, Any]:
    """The relationship profile of the pair over everything stored (see `store.profile`)."""
    from .profile import dyad_profile as build

    return build(store, a, b)
