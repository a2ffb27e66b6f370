"""`dyadwatch export`: every format reads back in the tool it is meant for, with the events the filters select."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import duckdb
import geojson
import networkx as nx
import pytest

import dyadwatch.cli as cli
from dyadwatch.errors import OutputExists, UnknownExportFormat, UsageError
from dyadwatch.exporters import EXPORTERS, ExportResult, export, register
from dyadwatch.exporters.geo import locate
from dyadwatch.exporters.tables import COLUMNS
from dyadwatch.ingest import ingest
from dyadwatch.store import Store, queries

from .conftest import DEMO

FORMATS = ["csv", "parquet", "jsonl", "geojson", "gexf", "graphml"]
ORIGINALS = "FROM events e JOIN documents d ON d.id = e.doc_id WHERE d.duplicate_of IS NULL"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, pipeline) -> Path:
    """The plain-text articles (one is a near duplicate of a wire story), the wire stories and an Atom feed."""
    path = tmp_path_factory.mktemp("export") / "export.duckdb"
    with Store.open(path) as store:
        report = ingest([str(DEMO / "text"), str(DEMO / "jsonl"), str(DEMO / "feeds" / "asia.atom")], store,
                        pipeline=pipeline)
    assert report.failed == [] and report.near_duplicates == 1
    return path


@pytest.fixture(scope="module")
def store(store_path):
    with Store.open(store_path, read_only=True) as opened:
        yield opened


def ids(store: Store, **filters) -> list[str]:
    return [r["id"] for r in queries.events(store, **filters)]


def test_csv_has_one_row_per_event_with_the_stored_values(store, tmp_path):
    result = export(store, "csv", tmp_path / "events.csv")
    with (tmp_path / "events.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    assert reader.fieldnames == COLUMNS
    expected = ids(store)
    assert [r["event_id"] for r in rows] == expected
    assert result.rows == result.events == len(expected) > 20
    stored = {r[0]: r[1:] for r in store.con.execute(
        f"SELECT e.id, e.type, e.score, e.quad_class, e.start_char, e.evidence, d.published {ORIGINALS}").fetchall()}
    actors = store.con.execute("SELECT event_id, side, actor_id FROM event_actors ORDER BY rowid").fetchall()
    for row in rows:
        type_, score, quad, start, evidence, published = stored[row["event_id"]]
        assert (row["event_type"], float(row["score"]), int(row["quad_class"])) == (type_, score, quad)
        assert (int(row["start_char"]), row["evidence"]) == (start, evidence)
        assert row["published"] == (published.isoformat() if published else "")
        for side in ("source", "target"):
            mine = [a for e, s, a in actors if e == row["event_id"] and s == side]
            assert (row[f"{side}_ids"].split(";") if row[f"{side}_ids"] else []) == mine
            assert len(row[f"{side}_names"].split(";")) == len(row[f"{side}_countries"].split(";")) \
                == len(row[f"{side}_sectors"].split(";")) == max(len(mine), 1)
    geneva = next(r for r in rows if r["location"] == "Geneva")
    assert geneva["location_country"] == "CHE" and 46 < float(geneva["latitude"]) < 47


def test_parquet_reads_back_in_duckdb_with_the_same_rows_and_types(store, tmp_path):
    out = tmp_path / "events.parquet"
    result = export(store, "parquet", out)
    types = dict(duckdb.sql("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(?))",
                            params=[str(out)]).fetchall())
    assert list(types) == COLUMNS
    assert {c: types[c] for c in ("event_id", "date", "published", "score", "quad_class", "start_char", "latitude",
                                  "confidence", "source_ids")} == {
        "event_id": "VARCHAR", "date": "VARCHAR", "published": "DATE", "score": "DOUBLE", "quad_class": "TINYINT",
        "start_char": "INTEGER", "latitude": "DOUBLE", "confidence": "DOUBLE", "source_ids": "VARCHAR"}
    got = duckdb.sql("SELECT event_id, doc_id, date, published, event_type, cameo, score, quad_class, status, "
                     "start_char, end_char, evidence FROM read_parquet(?)", params=[str(out)]).fetchall()
    want = store.con.execute(f"""SELECT e.id, e.doc_id, e.date, d.published, e.type, e.cameo, e.score,
                                 e.quad_class, e.status, e.start_char, e.end_char, e.evidence {ORIGINALS}
                                 ORDER BY e.date NULLS LAST, e.id""").fetchall()
    assert got == want and result.rows == len(want)


def test_jsonl_records_parse_and_their_evidence_points_into_the_document(store, tmp_path):
    out = tmp_path / "events.jsonl"
    export(store, "jsonl", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(ids(store))
    texts = dict(store.con.execute("SELECT id, text FROM documents").fetchall())
    countries = {r[0]: (r[1], r[2]) for r in store.con.execute(
        "SELECT id, source_countries, target_countries FROM events").fetchall()}
    for line in lines:
        record = json.loads(line)
        assert {"id", "date", "event_type", "mode", "context", "cameo", "score", "quad_class", "actor1", "actor2",
                "source", "target", "status", "location", "evidence", "document"} <= set(record)
        ev = record["evidence"]
        assert texts[ev["doc_id"]][ev["start"]:ev["end"]] == ev["text"]
        assert record["document"]["id"] == ev["doc_id"]
        assert (record["source_countries"], record["target_countries"]) == countries[record["id"]]
        assert record["actor1"] == (record["source"][0] if record["source"] else None)
        assert record["actor2"] == (record["target"][0] if record["target"] else None)
        for actor in record["source"] + record["target"]:
            assert set(actor) == {"id", "name", "kind", "country", "sector"} and actor["name"]


def test_geojson_is_valid_in_lon_lat_order_and_counts_what_it_leaves_out(store, tmp_path):
    out = tmp_path / "events.geojson"
    result = export(store, "geojson", out)
    text = out.read_text(encoding="utf-8")
    collection = geojson.loads(text)
    assert collection.is_valid, collection.errors()
    features = json.loads(text)["features"]
    assert len(features) == result.features > 0
    without = store.con.execute(f"SELECT count(*) {ORIGINALS} AND e.location IS NULL").fetchone()[0]
    assert result.without_location == without
    assert result.features + result.without_location + result.unplaced == result.events == len(ids(store))
    for feature in features:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["id"] == feature["properties"]["event_id"] and feature["properties"]["evidence"]
    by_place = {f["properties"]["location"]: f["geometry"]["coordinates"] for f in features}
    lon, lat = by_place["Geneva"]
    assert math.isclose(lon, 6.15, abs_tol=0.1) and math.isclose(lat, 46.2, abs_tol=0.1)
    # Islamabad is also an alternative name of Chittagong, a bigger city: the location's country decides.
    lon, lat = by_place["Islamabad"]
    assert math.isclose(lon, 73.05, abs_tol=0.1) and math.isclose(lat, 33.7, abs_tol=0.1)


def test_places_are_found_in_their_country_or_not_at_all():
    assert locate("Litani River").lat is not None  # curated
    assert locate("Geneva", "CHE").country == "CHE" and locate("Geneva", "USA").country == "USA"
    assert locate("Islamabad", "PAK").country == "PAK"
    assert locate("Geneva", "BRA") is None
    assert locate("Nowhere-on-any-map") is None


def _network_counts(store: Store, dyad: tuple[str, str] | None = None) -> tuple[int, int]:
    selected = {r["id"] for r in queries.events(store, dyad=dyad)}
    rows = [r for r in store.con.execute("SELECT event_id, side, actor_id FROM event_actors").fetchall()
            if r[0] in selected]
    nodes = {a for _, _, a in rows}
    edges = {(s, t) for e, side, s in rows if side == "source"
             for e2, side2, t in rows if e2 == e and side2 == "target" and s != t}
    return len(nodes), len(edges)


@pytest.mark.parametrize("fmt,read", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
@pytest.mark.parametrize("dyad", [None, ("CHN", "USA")])
def test_the_actor_network_reads_back_in_networkx(store, tmp_path, fmt, read, dyad):
    out = tmp_path / f"net.{fmt}"
    result = export(store, fmt, out, dyad=dyad)
    graph = read(out)
    nodes, edges = _network_counts(store, dyad)
    assert graph.is_directed()
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (result.nodes, result.edges) == (nodes, edges)
    assert edges > 0 and result.events == len(ids(store, dyad=dyad))
    for _, data in graph.nodes(data=True):
        assert {"name", "kind", "country", "sector", "events"} <= set(data)
        assert all(isinstance(v, str | int | float) for v in data.values())
    for _, _, data in graph.edges(data=True):
        assert {"events", "score_sum", "score_mean", "cooperation", "conflict", "first_date", "last_date",
                "types"} <= set(data)
        assert data["cooperation"] + data["conflict"] == data["events"] >= 1
        assert data["first_date"] <= data["last_date"]


@pytest.mark.parametrize("filters", [{"dyad": ("USA", "CHN")}, {"since": "2025-05"}, {"until": "2024"},
                                     {"since": "2025-04", "until": "2025-05-12"},
                                     {"dyad": ("IND", "PAK"), "until": "2024-10"}])
def test_filters_select_the_events_of_the_events_command(store, tmp_path, filters):
    expected = ids(store, **filters)
    assert 0 < len(expected) < len(ids(store))
    export(store, "csv", tmp_path / "f.csv", **filters)
    with (tmp_path / "f.csv").open(encoding="utf-8", newline="") as fh:
        assert [r["event_id"] for r in csv.DictReader(fh)] == expected
    export(store, "jsonl", tmp_path / "f.jsonl", **filters)
    assert [json.loads(line)["id"] for line in (tmp_path / "f.jsonl").read_text("utf-8").splitlines()] == expected


def test_events_of_near_duplicates_are_left_out(store, tmp_path):
    dup = store.con.execute("SELECT id FROM documents WHERE duplicate_of IS NOT NULL").fetchone()[0]
    export(store, "jsonl", tmp_path / "e.jsonl")
    docs = {json.loads(line)["evidence"]["doc_id"] for line in (tmp_path / "e.jsonl").read_text("utf-8").splitlines()}
    assert dup not in docs and store.con.execute("SELECT count(*) FROM events WHERE doc_id = ?", [dup]).fetchone()[0]


def test_an_existing_file_is_kept_unless_forced(store, tmp_path):
    out = tmp_path / "keep.csv"
    out.write_text("mine\n", encoding="utf-8")
    with pytest.raises(OutputExists) as info:
        export(store, "csv", out)
    assert info.value.code == "DW401" and "--force" in str(info.value)
    assert out.read_text(encoding="utf-8") == "mine\n"
    export(store, "csv", out, force=True)
    assert out.read_text(encoding="utf-8").startswith("event_id,")
    with pytest.raises(OutputExists):
        export(store, "csv", tmp_path, force=True)  # a folder is never replaced
    with pytest.raises(UsageError, match="cannot write the output"):
        export(store, "parquet", out / "under-a-file.parquet")


def test_an_unknown_format_names_the_available_ones(store, tmp_path):
    with pytest.raises(UnknownExportFormat) as info:
        export(store, "xlsx", tmp_path / "x.xlsx")
    assert info.value.code == "DW402" and all(fmt in str(info.value) for fmt in FORMATS)
    with pytest.raises(UnknownExportFormat):
        export(store, None, tmp_path / "x.unknown")
    assert not (tmp_path / "x.xlsx").exists()


def test_a_user_exporter_goes_through_the_same_registry(store, tmp_path):
    @register("ids", extension=".ids", description="event ids, one per line")
    def write_ids(store_, path, selection):
        where, params = selection.where()
        rows = store_.con.execute(f"SELECT e.id FROM events e JOIN documents d ON d.id = e.doc_id WHERE {where} "
                                  "ORDER BY e.date NULLS LAST, e.id", params).fetchall()
        path.write_text("".join(f"{r[0]}\n" for r in rows), encoding="utf-8")
        return ExportResult(events=len(rows), rows=len(rows))

    @register("broken", extension=".broken")
    def write_broken(store_, path, selection):
        path.write_text("half", encoding="utf-8")
        raise RuntimeError("disk full")

    try:
        result = export(store, None, tmp_path / "sel.ids", dyad=("CHN", "USA"))  # chosen by the extension
        assert (tmp_path / "sel.ids").read_text(encoding="utf-8").split() == ids(store, dyad=("CHN", "USA"))
        assert result.format == "ids" and result.path == tmp_path / "sel.ids"
        with pytest.raises(UnknownExportFormat, match="ids"):
            export(store, "nope", tmp_path / "n.txt")
        with pytest.raises(RuntimeError):
            export(store, "broken", tmp_path / "b.broken")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["sel.ids"]  # no half-written file is left
    finally:
        EXPORTERS.pop("ids", None)
        EXPORTERS.pop("broken", None)


def test_the_network_of_a_hand_made_store(tmp_path):
    """Exact edge attributes: self-pairs are no edges, near duplicates do not count."""
    text = "The US met China in Geneva. The US struck China in Atlantis. The US and China talked."
    with Store.open(tmp_path / "tiny.duckdb") as store:
        con = store.con
        for doc_id, dup in (("d1", None), ("d2", "d1")):
            con.execute("INSERT INTO documents (id, content_hash, published, text, duplicate_of) VALUES "
                        "(?, ?, DATE '2025-05-12', ?, ?)", [doc_id, doc_id, text, dup])
        con.executemany("INSERT INTO actors VALUES (?, ?, ?, ?, ?)", [
            ["USA", "United States", "country", "USA", None], ["CHN", "China", "country", "CHN", None],
            ["person:x", "X", "person", "USA", "MIL"], ["place:geneva", "Geneva", "location", "CHE", None],
            # There are towns named Atlantis, none of them in Greece: the place cannot be put on the map.
            ["place:atlantis", "Atlantis", "location", "GRC", None]])
        events = [("e1", "d1", "CONSULT", 1.0, 1, "2025-05-10", "Geneva", 0, 27, ["USA"], ["CHN"]),
                  ("e2", "d1", "ASSAULT", -9.0, 4, "2025-05-11", "Atlantis", 28, 60, ["USA"], ["CHN"]),
                  ("e3", "d1", "CONSULT", 1.0, 1, None, None, 61, 86, ["CHN", "USA"], ["CHN", "USA"]),
                  ("e4", "d2", "ASSAULT", -9.0, 4, "2025-05-11", None, 28, 60, ["USA"], ["CHN"])]
        for eid, doc, type_, score, quad, day, place, start, end, src, tgt in events:
            con.execute("INSERT INTO events (id, doc_id, type, score, quad_class, date, location, evidence, "
                        "start_char, end_char, source_countries, target_countries) VALUES "
                        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [eid, doc, type_, score, quad, day, place, text[start:end], start, end, src, tgt])
        con.executemany("INSERT INTO event_actors VALUES (?, ?, ?, ?)", [
            ["e1", "source", "USA", "USA"], ["e1", "target", "CHN", "CHN"],
            ["e2", "source", "USA", "USA"], ["e2", "source", "person:x", "USA"], ["e2", "target", "CHN", "CHN"],
            ["e3", "source", "USA", "USA"], ["e3", "source", "CHN", "CHN"],
            ["e3", "target", "USA", "USA"], ["e3", "target", "CHN", "CHN"],
            ["e4", "source", "USA", "USA"], ["e4", "target", "CHN", "CHN"]])
        net = export(store, "graphml", tmp_path / "tiny.graphml")
        geo = export(store, "geojson", tmp_path / "tiny.geojson")
    graph = nx.read_graphml(tmp_path / "tiny.graphml")
    assert (net.events, net.nodes, net.edges) == (3, 3, 3)
    assert sorted(graph.edges) == [("CHN", "USA"), ("USA", "CHN"), ("person:x", "CHN")]
    assert graph.edges["USA", "CHN"] == {
        "weight": 3, "events": 3, "score_sum": -7.0, "score_mean": -2.333, "cooperation": 2, "conflict": 1,
        "first_date": "2025-05-10", "last_date": "2025-05-12", "types": "ASSAULT;CONSULT"}
    assert graph.nodes["person:x"] == {"label": "X", "name": "X", "kind": "person", "country": "USA",
                                       "sector": "MIL", "events": 1}
    assert graph.nodes["USA"]["events"] == 3 and graph.nodes["USA"]["sector"] == ""
    assert (geo.features, geo.without_location, geo.unplaced, geo.unplaced_names) == (1, 1, 1, ["Atlantis"])
    assert "Atlantis" in geo.summary()


@pytest.fixture
def run(monkeypatch, capsys):
    """The command line with `export` wired in (whether or not build_parser adds it itself)."""
    from dyadwatch.cli.export_cmd import add_parser

    build = cli.build_parser

    def build_with_export():
        parser = build()
        sub = next(a for a in parser._subparsers._group_actions if a.dest == "command")
        if "export" not in sub.choices:
            add_parser(sub)
        return parser

    monkeypatch.setattr(cli, "build_parser", build_with_export)

    def invoke(*args) -> tuple[int, str, str]:
        code = cli.main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err
    return invoke


def test_the_export_command(store_path, tmp_path, run):
    code, out, err = run("export", "--format", "geojson", tmp_path / "map.geojson", "--db", store_path)
    assert code == 0, err
    assert out.startswith("exported ") and "map features" in out and "left out" in out
    assert geojson.loads((tmp_path / "map.geojson").read_text("utf-8")).is_valid
    code, out, err = run("export", tmp_path / "net.gexf", "--dyad", "usa-chn", "--since", "2025", "--db", store_path)
    assert code == 0 and "nodes and" in out and nx.read_gexf(tmp_path / "net.gexf").number_of_edges() > 0
    code, _, err = run("export", tmp_path / "net.gexf", "--db", store_path)
    assert code == 2 and "[DW401]" in err
    code, _, err = run("export", "--format", "xlsx", tmp_path / "x.xlsx", "--db", store_path)
    assert code == 2 and "[DW402]" in err and "graphml" in err
    code, _, err = run("export", tmp_path / "y.csv", "--since", "May 2025", "--db", store_path)
    assert code == 2 and "[DW400]" in err and not (tmp_path / "y.csv").exists()
    code, _, err = run("export", tmp_path / "z.csv", "--db", tmp_path / "missing.duckdb")
    assert code == 2 and "[DW304]" in err


def test_the_cameo_code_of_a_promised_act_is_kept_through_store_and_export(tmp_path):
    from dyadwatch.exporters import Selection, get_exporter
    from dyadwatch.model import Document
    from dyadwatch.pipeline import Pipeline
    from dyadwatch.store import Store

    analysis = Pipeline.default().analyze(Document(text="Spain will supply arms to Morocco.", id="act-1",
                                                   published="2025-03-01"))
    promised = [e for e in analysis.events if e.act]
    assert promised and promised[0].act_cameo and promised[0].act_cameo.startswith("07"), \
        [(e.cameo, e.act, e.act_cameo) for e in analysis.events]
    assert promised[0].as_json()["act_cameo"] == promised[0].act_cameo
    with Store.open(tmp_path / "s.duckdb") as store:
        store.add(analysis)
        store.commit()
        path = tmp_path / "events.jsonl"
        get_exporter("jsonl").write(store, path, Selection())
    import json
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    assert [r["act_cameo"] for r in rows if r["act"]] == [promised[0].act_cameo]
