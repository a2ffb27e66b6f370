"""The aggregates kept for large stores (store/aggregates.py): written with each document, equal to a rebuild
from the events, built when an older store is upgraded, and giving the figures the events themselves give."""

from __future__ import annotations

from collections import Counter

import pytest

from dyadwatch.store import Store, aggregates, queries
from dyadwatch.store.profile import dyad_profile

from .conftest import store_of

ARTICLES = [
    ("2023-11-02", "Brazil and Argentina condemned Chile on Thursday over the closure of the border crossing."),
    ("2023-11-20", "Chile and Argentina held talks in Santiago on Monday on the reopening of the border. Argentina "
                   "holds about US$ 300 million in investments in Chilean mining and energy."),
    ("2023-12-04", "Argentina accused Chile on Monday of stalling the talks. Santiago rejected the accusation."),
    (None, "Chile signed a trade agreement with Brazil. Brazil pledged to invest US$ 2 billion in Chilean ports."),
    ("2024-01-15", "In 2019 Argentina imposed tariffs on Chilean wine, a dispute the two settled a year later."),
    ("2024-02-01", "Chile and Argentina held talks in Santiago on Monday on the reopening of the border. Argentina "
                   "holds about US$ 300 million in investments in Chilean mining and energy, officials said."),  # near-dup
    ("2024-02-09", "Brazil expelled the Chilean ambassador on Friday. Chile recalled its ambassador to Brazil."),
]


@pytest.fixture(scope="module")
def path(pipeline, tmp_path_factory):
    # two batches: the sums of the second are added to those of the first
    return store_of(pipeline, tmp_path_factory.mktemp("aggregates") / "a.duckdb", ARTICLES, commit_after=3)


def _tables(store: Store) -> dict[str, list]:
    return {t: store.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in ("event_dyads", "dyad_months", "dyad_totals", "dyad_actors")}


def test_aggregates_written_at_ingest_equal_a_rebuild_from_the_events(path):
    with Store.open(path) as store:
        written = _tables(store)
        assert written["event_dyads"] and written["dyad_months"]
        store.con.execute("BEGIN")
        aggregates.rebuild(store.con)
        rebuilt = _tables(store)
        store.con.execute("ROLLBACK")
    assert written == rebuilt


def _originals(store: Store, a: str, b: str) -> list[dict]:
    """The pair's events of original documents, found the slow way (every event's country lists)."""
    dups = {r[0] for r in store.con.execute("SELECT id FROM documents WHERE duplicate_of IS NOT NULL").fetchall()}
    return [r for r in queries.events(store, dyad=(a, b), include_duplicates=True, with_published=True)
            if r["doc_id"] not in dups]


def test_profile_figures_are_those_of_the_events_themselves(path):
    with Store.open(path, read_only=True) as store:
        pairs = store.con.execute("SELECT DISTINCT a, b FROM event_dyads ORDER BY ALL").fetchall()
        assert ("ARG", "CHL") in pairs and ("BRA", "CHL") in pairs  # the compound source joins two pairs
        for a, b in pairs:
            rows = _originals(store, a, b)
            p = dyad_profile(store, a, b)
            assert p["events"] == len(rows)
            months = Counter(aggregates.month_of(r["date"], str(r["published"]) if r["published"] else None)
                             for r in rows)
            assert {m["month"]: m["events"] for m in p["monthly"]} == dict(months)
            forward = [r for r in rows if a in r["source"].split("+") and b in r["target"].split("+")]
            assert p["directed"][f"{a}->{b}"] == len(forward)
            assert p["directed_tone"][f"{a}->{b}"]["sources"] == len({r["doc_id"] for r in forward})
            assert p["cooperation"]["sum"] == round(sum(r["score"] for r in rows if r["score"] > 0), 2)
            assert p["mean_score"] == round(sum(r["score"] for r in rows) / len(rows), 2)
            strongest = max(abs(r["score"]) for r in rows)
            assert abs(p["key_events"][0]["score"]) == strongest
            listed = queries.events(store, dyad=(b, a))  # through event_dyads, either order of the pair
            assert [r["id"] for r in listed] == [r["id"] for r in rows]
            assert queries.events(store, dyad=(a, b), limit=1) == listed[:1]


def test_near_duplicates_and_undated_events_count_as_the_profile_says(path):
    with Store.open(path, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM event_dyads WHERE doc_id = 'a5'").fetchone()[0] == 0
        months = dict(store.con.execute("SELECT month, sum(events) FROM dyad_months GROUP BY month").fetchall())
        assert "unknown" in months, "the undated document's events have no month"
        assert "2019" not in "".join(months), "a year alone is not a month"
        p = dyad_profile(store, "ARG", "CHL")
        economic = next(d for d in p["dimensions"] if d["dimension"] == "economic")
        assert [(q["value"], q["documents"]) for q in economic["quantities"] if q["unit"] == "USD"] == \
            [(300_000_000, 1)], "the near-duplicate's sum is not a second document"


def test_a_store_from_before_the_aggregates_is_upgraded_and_profiles_the_same(path, tmp_path):
    with Store.open(path, read_only=True) as store:
        pairs = store.con.execute("SELECT DISTINCT a, b FROM event_dyads ORDER BY ALL").fetchall()
        before = {pair: dyad_profile(store, *pair) for pair in pairs}
    old = tmp_path / "old.duckdb"
    old.write_bytes(path.read_bytes())
    import duckdb

    con = duckdb.connect(str(old))  # as version 005 left it: no aggregates, no quantity facts, old dimensions
    con.execute("DROP TABLE event_dyads; DROP TABLE dyad_months; DROP TABLE dyad_totals; DROP TABLE dyad_actors")
    con.execute("DELETE FROM dyad_facts WHERE kind = 'quantity'")
    con.execute("UPDATE events SET dimension = NULL WHERE id IN (SELECT id FROM events LIMIT 3)")
    con.execute("DELETE FROM schema_migrations WHERE name = '006_dyad_aggregates'")
    con.close()
    with Store.open(old, read_only=True) as store:  # a read-only open upgrades it once
        assert "006_dyad_aggregates" in store.migrations()
        assert store.con.execute("SELECT count(*) FROM events WHERE dimension IS NULL").fetchone()[0] == 0
        after = {pair: dyad_profile(store, *pair) for pair in pairs}
    assert after == before


def test_the_summed_tables_columns_are_those_of_the_schema(path):
    with Store.open(path, read_only=True) as store:
        for table, columns in aggregates.COLUMNS.items():
            stored = [c for (c,) in store.con.execute("SELECT column_name FROM information_schema.columns WHERE "
                                                      "table_name = ? ORDER BY ordinal_position", [table]).fetchall()]
            assert stored == columns, table
