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
    where, params = ["1=1"], []
    if not include_duplicates:
        where.append("d.duplicate_of IS NULL")
    if dyad:
        a, b = dyad
        where.append("((list_contains(e.source_countries, ?) AND list_contains(e.target_countries, ?)) OR "
                     "(list_contains(e.source_countries, ?) AND list_contains(e.target_countries, ?)))")
        params += [a, b, b, a]
    if since:
        where.append("coalesce(e.date, CAST(d.published AS VARCHAR)) >= ?")
        params.append(since)
    if until:
        where.append("left(coalesce(e.date, CAST(d.published AS VARCHAR)), ?) <= ?")
        params += [len(until), until]
    if type_:
        where.append("e.type = ?")
        params.append(type_.upper())
    sql = f"""
        SELECT e.id, e.date, e.type, e.cameo, e.score,
               array_to_string(e.source_countries, '+') AS source,
               array_to_string(e.target_countries, '+') AS target,
               e.status, e.act, e.context, round(e.confidence, 2) AS confidence, e.doc_id, e.start_char, e.end_char,
               e.evidence{", d.published, e.quad_class, e.dimension" if with_published else ""}
        FROM events e JOIN documents d ON d.id = e.doc_id
        WHERE {' AND '.join(where)}
        ORDER BY e.date NULLS LAST, e.id"""
    return _rows(store, sql + (f" LIMIT {int(limit)}" if limit else ""), params)


def dyad_profile(store: Store, a: str, b: str) -> dict[str, Any]:
    """The relationship profile of the pair over everything stored (see `store.profile`)."""
    from .profile import dyad_profile as build

    return build(store, a, b)
