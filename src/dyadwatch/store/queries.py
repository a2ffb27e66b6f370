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
           limit: int | None = None) -> list[dict[str, Any]]:
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
               e.evidence
        FROM events e JOIN documents d ON d.id = e.doc_id
        WHERE {' AND '.join(where)}
        ORDER BY e.date NULLS LAST, e.id"""
    return _rows(store, sql + (f" LIMIT {int(limit)}" if limit else ""), params)


def dyad_profile(store: Store, a: str, b: str) -> dict[str, Any]:
    """The relationship profile of the pair over everything stored (originals only)."""
    a, b = sorted((a.upper(), b.upper()))
    rows = events(store, dyad=(a, b))
    n = len(rows)
    coop = [r["score"] for r in rows if r["score"] > 0]
    conf = [-r["score"] for r in rows if r["score"] < 0]
    quad = {str(q): 0 for q in range(1, 5)}
    for r in _rows(store, """SELECT quad_class, count(*) AS n FROM events e JOIN documents d ON d.id = e.doc_id
                             WHERE d.duplicate_of IS NULL AND ((list_contains(source_countries, ?) AND
                             list_contains(target_countries, ?)) OR (list_contains(source_countries, ?) AND
                             list_contains(target_countries, ?))) GROUP BY 1""", [a, b, b, a]):
        quad[str(r["quad_class"])] = r["n"]
    directed = {f"{x}->{y}": sum(1 for r in rows if x in r["source"].split("+") and y in r["target"].split("+"))
                for x, y in ((a, b), (b, a))}
    monthly: dict[str, dict[str, Any]] = {}
    for r in rows:
        month = (r["date"] or "")[:7] if r["date"] and len(r["date"]) >= 7 else (r["date"] or "unknown")
        m = monthly.setdefault(month, {"month": month, "events": 0, "cooperation": 0.0, "conflict": 0.0,
                                       "sources": set()})
        m["events"] += 1
        m["cooperation" if r["score"] > 0 else "conflict"] += abs(r["score"])
        m["sources"].add(r["doc_id"])
    series = []
    for month in sorted(monthly):
        m = monthly[month]
        series.append({**m, "cooperation": round(m["cooperation"], 2), "conflict": round(m["conflict"], 2),
                       "sources": len(m["sources"])})
    facts = _rows(store, """
        SELECT f.kind, f.dimension, f.dependent, f.provider, f.evidence, f.doc_id, f.start_char, f.end_char
        FROM dyad_facts f JOIN documents d ON d.id = f.doc_id
        WHERE d.duplicate_of IS NULL AND f.a = ? AND f.b = ? ORDER BY d.published, f.doc_id, f.start_char""", [a, b])
    dimensions: dict[str, dict[str, Any]] = {}
    dependencies: dict[tuple[str, str, str], dict[str, Any]] = {}
    for f in facts:
        evidence = {"doc_id": f["doc_id"], "text": f["evidence"], "start": f["start_char"], "end": f["end_char"]}
        if f["kind"] == "dimension":
            d = dimensions.setdefault(f["dimension"], {"dimension": f["dimension"], "mentions": 0,
                                                       "documents": set(), "evidence": []})
            d["mentions"] += 1
            d["documents"].add(f["doc_id"])
            if len(d["evidence"]) < 5:
                d["evidence"].append(evidence)
        else:
            key = (f["dependent"], f["provider"], f["dimension"])
            d = dependencies.setdefault(key, {"dependent": key[0], "provider": key[1], "dimension": key[2],
                                              "documents": set(), "evidence": []})
            d["documents"].add(f["doc_id"])
            if len(d["evidence"]) < 5:
                d["evidence"].append(evidence)
    dims = sorted(({**d, "documents": len(d["documents"])} for d in dimensions.values()),
                  key=lambda d: (-d["documents"], -d["mentions"]))
    deps = sorted(({**d, "documents": len(d["documents"])} for d in dependencies.values()),
                  key=lambda d: (-d["documents"], d["dependent"], d["dimension"]))
    sides = {x: sorted({d["dimension"] for d in deps if d["dependent"] == x}) for x in (a, b)}
    if sides[a] and sides[b]:
        balance = f"mutual: {a} relies on {b} for {', '.join(sides[a])}; {b} relies on {a} for {', '.join(sides[b])}"
    elif sides[a] or sides[b]:
        x = a if sides[a] else b
        y = b if x == a else a
        balance = f"one-sided: {x} relies on {y} for {', '.join(sides[x])}"
    else:
        balance = "no dependency found"
    sources = len({r["doc_id"] for r in rows})
    return {
        "pair": [a, b], "events": n, "sources": sources,
        "cooperation": {"sum": round(sum(coop), 2), "mean": round(sum(coop) / len(coop), 2) if coop else 0.0},
        "conflict": {"sum": round(sum(conf), 2), "mean": round(sum(conf) / len(conf), 2) if conf else 0.0},
        "mean_score": round(sum(r["score"] for r in rows) / n, 2) if n else None,
        "quad_shares": {k: round(v / n, 3) if n else 0.0 for k, v in quad.items()},
        "directed": directed, "monthly": series, "dimensions": dims, "dependencies": deps, "balance": balance,
        "key_events": sorted(rows, key=lambda r: -abs(r["score"] or 0))[:10],
    }
