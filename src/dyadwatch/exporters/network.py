"""The actor network of the selected events, as GEXF (Gephi) or GraphML (Cytoscape, yEd, igraph, networkx).

A directed graph. Nodes are the actors that take part in a selected event, on either side; node id = actor id:

    label    str    the actor's name (GEXF shows it as the node label)
    name     str    the actor's name
    kind     str    country, government, person, organization, group or location
    country  str    ISO 3166-1 alpha-3, '' when unknown
    sector   str    GOV, MIL, ..., '' when unknown
    events   int    selected events the actor takes part in

Edges run from each source actor of an event to each of its target actors (an actor on both sides of the same
event, as in "A and B held talks", is no edge to itself):

    weight       int    events with this source and target (the thickness Gephi draws)
    events       int    the same
    score_sum    float  sum of the events' Goldstein-style scores
    score_mean   float  their mean
    cooperation  int    events of quad class 1 or 2 (verbal or material cooperation)
    conflict     int    events of quad class 3 or 4 (verbal or material conflict)
    first_date   str    earliest event date (else publication date), YYYY[-MM[-DD]]; '' when none
    last_date    str    latest one
    types        str    PLOVER event types seen, sorted, joined with ';'

Every attribute value is a plain str, int or float, as both formats require.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import FROM_EVENTS, ExportResult, Selection, register

if TYPE_CHECKING:
    import networkx as nx

    from ..store import Store


@dataclass
class _Edge:
    events: int = 0
    scores: list[float] = field(default_factory=list)
    cooperation: int = 0
    conflict: int = 0
    dates: list[str] = field(default_factory=list)
    types: set[str] = field(default_factory=set)

    def attributes(self) -> dict[str, Any]:
        total = float(sum(self.scores))
        return {"weight": self.events, "events": self.events, "score_sum": round(total, 3),
                "score_mean": round(total / len(self.scores), 3) if self.scores else 0.0,
                "cooperation": self.cooperation, "conflict": self.conflict,
                "first_date": min(self.dates, default=""), "last_date": max(self.dates, default=""),
                "types": ";".join(sorted(self.types))}


def actor_network(store: Store, selection: Selection) -> tuple[nx.DiGraph, int]:
    """(the actor network of the selected events, the number of events selected)."""
    import networkx as nx

    where, params = selection.where()
    events = {row[0]: row[1:] for row in store.con.execute(f"""
        SELECT e.id, e.type, e.score, e.quad_class, coalesce(e.date, CAST(d.published AS VARCHAR))
        FROM {FROM_EVENTS} WHERE {where}""", params).fetchall()}
    sides: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"source": [], "target": []})
    nodes: dict[str, dict[str, Any]] = {}
    node_events: dict[str, set[str]] = defaultdict(set)
    for event_id, side, actor_id, name, kind, country, sector in store.con.execute(f"""
            SELECT ea.event_id, ea.side, ea.actor_id, a.name, a.kind, coalesce(a.country, ea.country), a.sector
            FROM event_actors ea LEFT JOIN actors a ON a.id = ea.actor_id
            WHERE ea.event_id IN (SELECT e.id FROM {FROM_EVENTS} WHERE {where})
            ORDER BY ea.rowid""", params).fetchall():
        if actor_id not in sides[event_id][side]:
            sides[event_id][side].append(actor_id)
        node_events[actor_id].add(event_id)
        nodes.setdefault(actor_id, {"label": name or actor_id, "name": name or actor_id, "kind": kind or "",
                                    "country": country or "", "sector": sector or ""})
    edges: dict[tuple[str, str], _Edge] = defaultdict(_Edge)
    for event_id, actors in sides.items():
        type_, score, quad, day = events[event_id]
        for s in actors["source"]:
            for t in actors["target"]:
                if s == t:
                    continue
                edge = edges[s, t]
                edge.events += 1
                if score is not None:
                    edge.scores.append(score)
                edge.cooperation += quad in (1, 2)
                edge.conflict += quad in (3, 4)
                if day:
                    edge.dates.append(day)
                edge.types.add(type_)
    graph = nx.DiGraph()
    for actor_id in sorted(nodes):
        graph.add_node(actor_id, **nodes[actor_id], events=len(node_events[actor_id]))
    for (s, t) in sorted(edges):
        graph.add_edge(s, t, **edges[s, t].attributes())
    return graph, len(events)


@register("gexf", extension=".gexf", description="the actor network as GEXF 1.2 (Gephi)")
def write_gexf(store: Store, path: Path, selection: Selection) -> ExportResult:
    import networkx as nx

    graph, n = actor_network(store, selection)
    nx.write_gexf(graph, path)
    return ExportResult(events=n, nodes=graph.number_of_nodes(), edges=graph.number_of_edges())


@register("graphml", extension=".graphml", description="the actor network as GraphML (Cytoscape, yEd, igraph)")
def write_graphml(store: Store, path: Path, selection: Selection) -> ExportResult:
    import networkx as nx

    graph, n = actor_network(store, selection)
    nx.write_graphml(graph, path)
    return ExportResult(events=n, nodes=graph.number_of_nodes(), edges=graph.number_of_edges())
