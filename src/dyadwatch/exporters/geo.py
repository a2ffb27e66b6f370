"""Places on the map: the event locations resolved to coordinates, and the GeoJSON export.

A stored event names its location by the place's name (`events.location`); the place's country is that of the
location actor of the same name. The name is looked up as the pipeline found it: first among the curated
places (`kb.curated_places()`: regions, landmarks, bodies of water), then in the city gazetteer
(`kb.city_gazetteer()`), taking the largest city of that name in the place's country, or the largest of all
when the country is unknown. A name found nowhere, or only without coordinates (e.g. "northern Syria"), or
only in other countries, cannot be placed.

geojson: an RFC 7946 FeatureCollection of Point features, coordinates [longitude, latitude] (WGS 84), one per
event whose location can be placed, with the feature id = the event id and as properties the columns of the
event table (see tables.py) other than latitude and longitude. Events without a location, and events whose
location cannot be placed, are left out and counted in the result.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import kb
from . import FROM_EVENTS, ExportResult, Selection, register

if TYPE_CHECKING:
    from ..store import Store


def locate(name: str, country: str | None = None) -> kb.Place | None:
    """The place `name` (in `country`, when known) with its coordinates, or None when it cannot be placed."""
    curated = kb.curated_places().get(name)
    if curated is not None and curated.lat is not None and curated.lon is not None:
        return curated
    country = country or (curated.country if curated else None)
    cities = [c for c in kb.city_gazetteer().get(name, []) if c.lat is not None and c.lon is not None]
    if country:
        cities = [c for c in cities if c.country == country]
    return cities[0] if cities else None


def resolve_locations(store: Store, selection: Selection) -> list[tuple[str, str | None, float | None, float | None]]:
    """(name, country, lat, lon) of every location the selected events name; lat and lon None when unplaced."""
    where, params = selection.where()
    rows = store.con.execute(f"""
        SELECT DISTINCT e.location,
               (SELECT min(a.country) FROM actors a WHERE a.kind = 'location' AND a.name = e.location)
        FROM {FROM_EVENTS} WHERE {where} AND e.location IS NOT NULL ORDER BY 1""", params).fetchall()
    out = []
    for name, country in rows:
        place = locate(name, country)
        if place is None:
            out.append((name, country, None, None))
        else:
            out.append((name, country or place.country, place.lat, place.lon))
    return out


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


@register("geojson", extension=".geojson",
          description="events with a placeable location as GeoJSON points (QGIS, kepler.gl, geojson.io)")
def write_geojson(store: Store, path: Path, selection: Selection) -> ExportResult:
    from .tables import event_rows

    rows = event_rows(store, selection)
    features = []
    without_location, unplaced, unplaced_names = 0, 0, set()
    for row in rows:
        if not row["location"]:
            without_location += 1
        elif row["latitude"] is None or row["longitude"] is None:
            unplaced += 1
            unplaced_names.add(row["location"])
        else:
            properties = {k: _json_value(v) for k, v in row.items() if k not in {"latitude", "longitude"}}
            features.append({"type": "Feature", "id": row["event_id"],
                             "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
                             "properties": properties})
    with path.open("w", encoding="utf-8") as fh:
        json.dump({"type": "FeatureCollection", "features": features}, fh, ensure_ascii=False)
        fh.write("\n")
    return ExportResult(events=len(rows), features=len(features), without_location=without_location,
                        unplaced=unplaced, unplaced_names=sorted(unplaced_names))
