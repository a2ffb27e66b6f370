"""The event table (csv, parquet) and PLOVER-style JSON lines (jsonl): one row or record per selected event,
ordered by event date (undated last), then event id.

Table columns (csv and parquet; CSV writes an empty cell for a missing value, Parquet a null):

    event_id        VARCHAR   the event's stable id
    doc_id          VARCHAR   the document it was coded from
    date            VARCHAR   the event date: YYYY, YYYY-MM or YYYY-MM-DD; empty when the text gives none
    published       DATE      the document's publication date
    event_type      VARCHAR   PLOVER event type (CONSULT, AGREE, ASSAULT, ...)
    mode, context   VARCHAR   PLOVER mode and context
    cameo           VARCHAR   CAMEO code
    score           DOUBLE    Goldstein-style score, -10 (conflict) .. +10 (cooperation)
    quad_class      TINYINT   1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
    source_ids      VARCHAR   the source actors' ids joined with ';'
    source_names    VARCHAR   their names, same order
    source_countries VARCHAR  their ISO 3166-1 alpha-3 countries, same order ('' where unknown)
    source_sectors  VARCHAR   their sectors (GOV, MIL, ...), same order ('' where unknown)
    target_ids, target_names, target_countries, target_sectors    likewise for the targets
    status          VARCHAR   asserted, negated, intended, hypothetical, reported or historical
    act             VARCHAR   the PLOVER type of the act an event promises, threatens or refuses (AID of an
                              AGREE to give aid), else empty
    location        VARCHAR   the place named for the event
    location_country VARCHAR  its country
    latitude, longitude DOUBLE its coordinates (WGS 84) when the place can be placed, else empty
    confidence      DOUBLE    0..1
    evidence        VARCHAR   the sentence the event was coded from
    start_char, end_char INTEGER  its offsets in the document text: text[start_char:end_char] == evidence
    doc_title, doc_url, doc_source  VARCHAR  the document's title, address and publisher
    act_cameo       VARCHAR   the CAMEO code of that act (072 of "will supply arms", coded 0332), else empty

JSON lines (jsonl), one object per event:

    {"id", "date", "event_type", "mode", "context", "cameo", "score", "quad_class",
     "actor1": main source actor or null, "actor2": main target actor or null,
     "source": [actor, ...], "target": [actor, ...],        actor = {"id", "name", "kind", "country", "sector"}
     "source_countries": [...], "target_countries": [...],  sorted, distinct
     "status", "act", "act_cameo", "confidence",
     "location": {"name", "country", "lat", "lon"} or null,
     "evidence": {"doc_id", "text", "start", "end"},
     "document": {"id", "title", "url", "source", "published"}}
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import FROM_EVENTS, ExportResult, Selection, register

if TYPE_CHECKING:
    from ..store import Store

COLUMNS = ["event_id", "doc_id", "date", "published", "event_type", "mode", "context", "cameo", "score", "quad_class",
           "source_ids", "source_names", "source_countries", "source_sectors",
           "target_ids", "target_names", "target_countries", "target_sectors",
           "status", "act", "location", "location_country", "latitude", "longitude", "confidence", "evidence",
           "start_char", "end_char", "doc_title", "doc_url", "doc_source", "act_cameo"]


def _side(alias: str, side: str) -> str:
    return f"""LEFT JOIN (
        SELECT ea.event_id,
               string_agg(ea.actor_id, ';' ORDER BY ea.rowid) AS ids,
               string_agg(coalesce(a.name, ea.actor_id), ';' ORDER BY ea.rowid) AS names,
               string_agg(coalesce(ea.country, ''), ';' ORDER BY ea.rowid) AS countries,
               string_agg(coalesce(a.sector, ''), ';' ORDER BY ea.rowid) AS sectors
        FROM event_actors ea LEFT JOIN actors a ON a.id = ea.actor_id
        WHERE ea.side = '{side}' AND ea.event_id IN (SELECT id FROM sel)
        GROUP BY ea.event_id) {alias} ON {alias}.event_id = e.id"""


def table_query(store: Store, selection: Selection) -> tuple[str, list[Any]]:
    """The SQL (and parameters) of the event table, with the selection's places resolved to coordinates."""
    from .geo import resolve_locations

    where, params = selection.where()
    places = resolve_locations(store, selection)
    if places:
        values = ", ".join("(?::VARCHAR, ?::VARCHAR, ?::DOUBLE, ?::DOUBLE)" for _ in places)
        places_sql = f"SELECT * FROM (VALUES {values}) v(name, country, lat, lon)"
    else:
        places_sql = "SELECT NULL::VARCHAR AS name, NULL::VARCHAR AS country, NULL::DOUBLE AS lat, " \
                     "NULL::DOUBLE AS lon WHERE false"
    sql = f"""
        WITH sel AS (SELECT e.*, d.published, d.title AS doc_title, d.url AS doc_url, d.source AS doc_source
                     FROM {FROM_EVENTS} WHERE {where}),
             places AS ({places_sql})
        SELECT e.id AS event_id, e.doc_id, e.date, e.published, e.type AS event_type, e.mode, e.context, e.cameo,
               e.score, e.quad_class,
               s.ids AS source_ids, s.names AS source_names, s.countries AS source_countries,
               s.sectors AS source_sectors,
               t.ids AS target_ids, t.names AS target_names, t.countries AS target_countries,
               t.sectors AS target_sectors,
               e.status, e.act, e.location, p.country AS location_country, p.lat AS latitude, p.lon AS longitude,
               e.confidence, e.evidence, e.start_char, e.end_char, e.doc_title, e.doc_url, e.doc_source,
               e.act_cameo
        FROM sel e {_side('s', 'source')} {_side('t', 'target')}
        LEFT JOIN places p ON p.name = e.location
        ORDER BY e.date NULLS LAST, e.id"""
    return sql, params + [v for place in places for v in place]


def event_rows(store: Store, selection: Selection) -> list[dict[str, Any]]:
    """The event table as dicts keyed by COLUMNS (Python values: `published` is a date, missing values None)."""
    sql, params = table_query(store, selection)
    cur = store.con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


@register("csv", extension=".csv", description="the event table, one row per event (spreadsheets, pandas, R)")
def write_csv(store: Store, path: Path, selection: Selection) -> ExportResult:
    rows = event_rows(store, selection)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow(["" if row[c] is None else row[c].isoformat() if isinstance(row[c], date) else row[c]
                             for c in COLUMNS])
    return ExportResult(events=len(rows), rows=len(rows))


@register("parquet", extension=".parquet", description="the event table as typed Parquet (DuckDB, pandas, Arrow)")
def write_parquet(store: Store, path: Path, selection: Selection) -> ExportResult:
    sql, params = table_query(store, selection)
    store.con.execute(f"COPY ({sql}) TO '{_quote(path)}' (FORMAT parquet)", params)
    n = store.con.execute("SELECT count(*) FROM read_parquet(?)", [str(path)]).fetchone()[0]
    return ExportResult(events=n, rows=n)


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


def _actor(row: tuple) -> dict[str, Any]:
    actor_id, name, kind, country, sector = row
    return {"id": actor_id, "name": name or actor_id, "kind": kind, "country": country, "sector": sector}


def event_actors(store: Store, selection: Selection) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """(event id, side) -> the actors of that side, in the order the event names them."""
    where, params = selection.where()
    out: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for event_id, side, *actor in store.con.execute(f"""
            SELECT ea.event_id, ea.side, ea.actor_id, a.name, a.kind, ea.country, a.sector
            FROM event_actors ea LEFT JOIN actors a ON a.id = ea.actor_id
            WHERE ea.event_id IN (SELECT e.id FROM {FROM_EVENTS} WHERE {where})
            ORDER BY ea.rowid""", params).fetchall():
        out.setdefault((event_id, side), []).append(_actor(tuple(actor)))
    return out


def plover_record(row: dict[str, Any], actors: dict[tuple[str, str], list[dict[str, Any]]]) -> dict[str, Any]:
    """One event as a PLOVER-style JSON object (see the module docstring)."""
    source = actors.get((row["event_id"], "source"), [])
    target = actors.get((row["event_id"], "target"), [])
    published = row["published"].isoformat() if row["published"] else None
    location = None
    if row["location"]:
        location = {"name": row["location"], "country": row["location_country"], "lat": row["latitude"],
                    "lon": row["longitude"]}
    return {
        "id": row["event_id"], "date": row["date"], "event_type": row["event_type"], "mode": row["mode"],
        "context": row["context"], "cameo": row["cameo"], "score": row["score"], "quad_class": row["quad_class"],
        "actor1": source[0] if source else None, "actor2": target[0] if target else None,
        "source": source, "target": target,
        "source_countries": sorted({a["country"] for a in source if a["country"]}),
        "target_countries": sorted({a["country"] for a in target if a["country"]}),
        "status": row["status"], "act": row["act"], "act_cameo": row["act_cameo"], "confidence": row["confidence"],
        "location": location,
        "evidence": {"doc_id": row["doc_id"], "text": row["evidence"], "start": row["start_char"],
                     "end": row["end_char"]},
        "document": {"id": row["doc_id"], "title": row["doc_title"], "url": row["doc_url"],
                     "source": row["doc_source"], "published": published},
    }


@register("jsonl", extension=".jsonl", description="one PLOVER-style JSON record per event")
def write_jsonl(store: Store, path: Path, selection: Selection) -> ExportResult:
    rows = event_rows(store, selection)
    actors = event_actors(store, selection)
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(plover_record(row, actors), ensure_ascii=False) + "\n")
    return ExportResult(events=len(rows), rows=len(rows))
