"""One actor: who it is (and, for a person, the offices the knowledge base records), the roles the articles give
it on each date, its events, and its partners (the actors on the other side of its events) as a small network.
"""

from __future__ import annotations

from typing import Any

from .. import kb
from ..store import Store
from ..store.queries import _rows
from . import dyads

EVENT_LIMIT = 200
PARTNERS = 12


def actor(store: Store, actor_id: str) -> dict[str, Any] | None:
    rows = _rows(store, "SELECT id, name, kind, country, sector FROM actors WHERE id = ?", [actor_id])
    if not rows:
        return None
    a = rows[0]
    a["mentions"], a["documents"] = store.con.execute("""
        SELECT count(*), count(DISTINCT m.doc_id) FROM mentions m JOIN documents d ON d.id = m.doc_id
        WHERE m.actor_id = ? AND d.duplicate_of IS NULL""", [actor_id]).fetchone()
    a["roles"] = _rows(store, """
        SELECT m.role, d.published, m.doc_id, d.title, count(*) AS mentions
        FROM mentions m JOIN documents d ON d.id = m.doc_id
        WHERE m.actor_id = ? AND m.role IS NOT NULL AND d.duplicate_of IS NULL
        GROUP BY ALL ORDER BY d.published NULLS LAST, m.doc_id, m.role""", [actor_id])
    a["offices"] = _offices(actor_id)
    a["country_name"] = _country_name(a["country"])
    # the latest events first, chosen before their text is read
    a["events"] = _rows(store, """
        WITH mine AS (SELECT event_id, string_agg(DISTINCT side, '+' ORDER BY side) AS side FROM event_actors
                      WHERE actor_id = ? GROUP BY event_id),
        latest AS (SELECT m.event_id, m.side, coalesce(e.date, CAST(d.published AS VARCHAR)) AS sort_key_,
                          count(*) OVER () AS total_
                   FROM mine m JOIN events e ON e.id = m.event_id JOIN documents d ON d.id = e.doc_id
                   WHERE d.duplicate_of IS NULL ORDER BY sort_key_ DESC NULLS LAST, m.event_id DESC LIMIT ?)
        SELECT e.id, e.date, d.published, e.type, e.score, latest.side,
               array_to_string(e.source_countries, '+') AS source, array_to_string(e.target_countries, '+') AS target,
               e.status, e.doc_id, e.evidence, latest.total_
        FROM latest JOIN events e ON e.id = latest.event_id JOIN documents d ON d.id = e.doc_id
        ORDER BY latest.sort_key_ DESC NULLS LAST, e.id DESC""", [actor_id, EVENT_LIMIT])
    a["event_count"] = a["events"][0]["total_"] if a["events"] else 0
    for e in a["events"]:
        del e["total_"]
    a["partners"], a["links"] = _partners(store, actor_id)
    a["dyads"] = dyads.top_dyads(store, 12, country=a["id"]) if a["kind"] == "country" else []
    return a


def _country_name(code: str | None) -> str | None:
    if not code:
        return None
    countries = kb.load().countries
    return countries[code].name if code in countries else code


def _offices(actor_id: str) -> list[dict[str, Any]]:
    if not actor_id.startswith("person:"):
        return []
    terms = kb.load().terms_for(actor_id.removeprefix("person:"))
    return [{"role": t.role, "country": t.country, "country_name": _country_name(t.country), "start": t.start,
             "end": t.end} for t in sorted(terms, key=lambda t: t.start, reverse=True)]


def _partners(store: Store, actor_id: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The actors most often on the other side of this actor's events, and the events among them."""
    partners = _rows(store, """
        SELECT o.actor_id AS id, a.name, a.kind, a.country, count(DISTINCT e.id) AS events,
               round(avg(e.score), 2) AS mean_score
        FROM event_actors me JOIN event_actors o ON o.event_id = me.event_id AND o.side <> me.side
        JOIN events e ON e.id = me.event_id JOIN documents d ON d.id = e.doc_id JOIN actors a ON a.id = o.actor_id
        WHERE me.actor_id = ? AND o.actor_id <> ? AND d.duplicate_of IS NULL
        GROUP BY ALL ORDER BY events DESC, a.name LIMIT ?""", [actor_id, actor_id, PARTNERS])
    ids = [p["id"] for p in partners]
    if len(ids) < 2:
        return partners, []
    marks = ", ".join("?" * len(ids))
    links = _rows(store, f"""
        SELECT least(x.actor_id, y.actor_id) AS a, greatest(x.actor_id, y.actor_id) AS b,
               count(DISTINCT x.event_id) AS events
        FROM event_actors x JOIN event_actors y ON y.event_id = x.event_id AND y.side <> x.side
        WHERE x.actor_id IN ({marks}) AND y.actor_id IN ({marks}) AND x.actor_id < y.actor_id
        GROUP BY ALL""", ids + ids)
    return partners, links
