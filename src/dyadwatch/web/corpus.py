"""The corpus as the overview and the document list show it: counts, documents by month and by source.

Near-duplicate documents are stored and linked to their original; they are listed but not counted in figures.
"""

from __future__ import annotations

from typing import Any

from ..reports import format as fmt
from ..store import Store
from ..store.queries import _rows
from . import dyads

PAGE_SIZE = 50


def counts(store: Store) -> dict[str, Any]:
    row = store.con.execute("""
        SELECT count(*) FILTER (WHERE duplicate_of IS NULL), count(*) FILTER (WHERE duplicate_of IS NOT NULL),
               strftime(min(published), '%Y-%m'), strftime(max(published), '%Y-%m')
        FROM documents""").fetchone()
    events = store.con.execute("""
        SELECT count(*) FROM events e JOIN documents d ON d.id = e.doc_id WHERE d.duplicate_of IS NULL""").fetchone()
    actors = store.con.execute("SELECT count(*) FROM actors").fetchone()
    return {"documents": row[0], "near_duplicates": row[1], "first_month": row[2], "last_month": row[3],
            "events": events[0], "actors": actors[0]}


def by_month(store: Store) -> dict[str, int]:
    """Original documents per publication month; undated documents under "undated"."""
    rows = store.con.execute("""
        SELECT coalesce(strftime(published, '%Y-%m'), 'undated') AS m, count(*) FROM documents
        WHERE duplicate_of IS NULL GROUP BY m ORDER BY m""").fetchall()
    return {m: n for m, n in rows}


def by_source(store: Store, limit: int = 10) -> list[dict[str, Any]]:
    return _rows(store, """
        SELECT source, count(*) AS documents FROM documents WHERE duplicate_of IS NULL
        GROUP BY source ORDER BY documents DESC, source NULLS LAST LIMIT ?""", [limit])


def overview(store: Store, *, dyad_limit: int = 12, change_pairs: int = 6) -> dict[str, Any]:
    """Everything the overview shows. The recent changes of the busiest pairs (mostly Python over their events)
    are worked out in a second thread on a second cursor while this one runs the aggregate queries, which DuckDB
    runs without holding the interpreter: about 15% off a first visit to a large store."""
    from concurrent.futures import ThreadPoolExecutor
    from types import SimpleNamespace

    other = SimpleNamespace(con=store.con.cursor())
    try:
        with ThreadPoolExecutor(1) as pool:
            changes = pool.submit(lambda: dyads.recent_changes(other, dyads.busiest_pairs(other, change_pairs)))
            top = dyads.top_dyads(store, dyad_limit)
            figures = counts(store) | {"dyads": top[0]["pairs_total"] if top else 0}
            months, sources = by_month(store), by_source(store)
            recent = changes.result()
    finally:
        other.con.close()
    return {"counts": figures, "documents_by_month": months, "documents_by_source": sources, "dyads": top,
            "changes": recent}


def documents(store: Store, *, month: str | None = None, source: str | None = None, page: int = 1,
              page_size: int = PAGE_SIZE) -> dict[str, Any]:
    """A page of documents, newest first, with their event counts; near-duplicates included and marked."""
    where, params = ["1=1"], []
    if month == "undated":
        where.append("d.published IS NULL")
    elif month:
        where.append("strftime(d.published, '%Y-%m') = ?")
        params.append(month)
    if source == "":
        where.append("d.source IS NULL")
    elif source:
        where.append("d.source = ?")
        params.append(source)
    clause = " AND ".join(where)
    total = store.con.execute(f"SELECT count(*) FROM documents d WHERE {clause}", params).fetchone()[0]
    page = max(1, page)
    rows = _rows(store, f"""
        SELECT d.id, d.published, d.title, d.source, d.duplicate_of,
               (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events,
               left(d.text, 400) AS opening
        FROM documents d WHERE {clause}
        ORDER BY d.published DESC NULLS LAST, d.id LIMIT ? OFFSET ?""",
                 params + [page_size, (page - 1) * page_size])
    for r in rows:
        r["opening"] = " ".join((r["opening"] or "").split())[:180]
    return {"total": total, "page": page, "pages": max(1, -(-total // page_size)), "documents": rows,
            "filters": {"month": month, "source": source},
            "month_label": fmt.month_label(month) if month else None}
