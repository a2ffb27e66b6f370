"""Latency of the dashboard's pages and API routes over a synthetic store of 100,000 events.

    .venv/bin/python bench/web_latency.py [--events N] [--repeat N] [--keep FILE]

The store is generated directly with SQL (no analysis): documents with sentence-sized evidence at exact offsets,
events (with the relationship dimension decided at ingest, as migration 004 stores it) over many dyads and months
(a few pairs much busier than the rest, as in real news), actors, mentions, event_actors, dates, quantities,
quotes and dyad_facts, consistent with the schema, then the aggregates of store/aggregates.py rebuilt from them;
2% of the documents are near-duplicates. Each route is requested `--repeat` times through FastAPI's TestClient, once with the result
cache off (every request queries the store: the cost of a first visit, or of a visit after the store changed)
and once with it on (a repeated visit to an unchanged store). Prints median and max milliseconds per route and
writes bench/results/web_latency.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "web_latency.json"
BUDGET_MS = 300

TYPES = ["CONSULT", "AGREE", "AID", "COOPERATE", "REQUEST", "ACCUSE", "THREATEN", "SANCTION", "PROTEST", "ASSAULT",
         "REJECT", "RETREAT", "MOBILIZE", "COERCE", "SUPPORT", "CONCEDE"]
DIMENSIONS = ["economic", "military", "diplomatic", "energy", "humanitarian", "technology", "security", "culture"]
WORDS = ["tariffs", "energy", "grain", "troops", "ceasefire", "border", "talks", "minister", "summit", "sanctions",
         "pipeline", "treaty", "exports", "missiles", "aid", "investment", "delegation", "agreement", "drones", "gas",
         "wheat", "loans", "debt", "navy", "trade", "embassy", "visit", "election", "refugees", "ports"]
SENTENCE = 200  # characters per sentence: event k of a document is its sentence k


def build(path: Path, n_events: int) -> dict:
    """Write the synthetic store; returns ids to request."""
    from dyadwatch import kb
    from dyadwatch.store import Store

    countries = sorted(kb.load().countries)[:80]
    n_docs = n_events // 5
    Store.open(path).close()  # the schema, by the store's own migrations
    import duckdb

    con = duckdb.connect(str(path))
    lst = lambda xs: "[" + ", ".join(f"'{x}'" for x in xs) + "]"  # noqa: E731
    con.execute(f"CREATE TEMP TABLE c AS SELECT unnest({lst(countries)}) AS code, "
                f"generate_subscripts({lst(countries)}, 1) - 1 AS i")
    # documents: 5 sentences of exactly SENTENCE characters, words drawn by hash
    words = lst(WORDS)
    sentence = ("rpad(printf('The %s of %s said on %s that %s and %s would follow the %s over %s. ', "
                + ", ".join(f"{words}[1 + CAST(hash(d.i * 7 + k * 13 + {j}) % {len(WORDS)} AS BIGINT)]" for j in range(7))
                + f"), {SENTENCE}, ' ')")
    con.execute(f"""
        INSERT INTO documents (id, content_hash, title, published, source, url, language, origin, text, duplicate_of,
                               similarity)
        SELECT 'doc-' || d.i, md5('doc-' || d.i),
               'Report ' || d.i || ': ' || {words}[1 + CAST(hash(d.i) % {len(WORDS)} AS BIGINT)] || ' and '
                   || {words}[1 + CAST(hash(d.i + 1) % {len(WORDS)} AS BIGINT)],
               DATE '2019-01-01' + CAST(d.i * 2555 // {n_docs} AS INTEGER),
               'Source ' || (d.i % 12), 'https://news.example/' || d.i, 'en', 'bench',
               (SELECT string_agg({sentence}, '' ORDER BY k) FROM range(5) AS s(k)),
               CASE WHEN d.i % 50 = 49 THEN 'doc-' || (d.i - 1) END,
               CASE WHEN d.i % 50 = 49 THEN 0.9 END
        FROM range({n_docs}) AS d(i)""")
    # events: pair (a, b) skewed so that a few dyads are busy; 20% undated (they fall back on publication)
    con.execute(f"""
        CREATE TEMP TABLE ev AS
        SELECT e.i, e.i // 5 AS doc, e.i % 5 AS k,
               CAST(floor(pow(CAST(hash(e.i) % 1000000 AS BIGINT) / 1000000.0, 3) * 80) AS INTEGER) AS a,
               CAST(floor(pow(CAST(hash(e.i * 31) % 1000000 AS BIGINT) / 1000000.0, 4) * 79) AS INTEGER) AS off,
               (CAST(hash(e.i * 17) % 201 AS BIGINT) - 100) / 10.0 AS score
        FROM range({n_events}) AS e(i)""")
    con.execute(f"""
        INSERT INTO events (id, doc_id, type, mode, context, cameo, score, quad_class, date, month, location, status,
                            confidence, evidence, start_char, end_char, source_countries, target_countries, act,
                            dimension)
        SELECT 'doc-' || ev.doc || '-e' || ev.k, 'doc-' || ev.doc, {lst(TYPES)}[1 + ev.i % {len(TYPES)}], NULL,
               CASE WHEN ev.i % 3 = 0 THEN {lst(DIMENSIONS)}[1 + ev.i % {len(DIMENSIONS)}] END, '040', ev.score,
               CASE WHEN ev.score >= 5 THEN 2 WHEN ev.score >= 0 THEN 1 WHEN ev.score > -5 THEN 3 ELSE 4 END,
               CASE WHEN ev.i % 5 <> 4 THEN CAST(d.published AS VARCHAR) END,
               CASE WHEN ev.i % 5 <> 4 THEN strftime(d.published, '%Y-%m') END, NULL,
               ['asserted', 'asserted', 'asserted', 'intended', 'negated', 'hypothetical'][1 + ev.i % 6], 0.8,
               substr(d.text, ev.k * {SENTENCE} + 1, {SENTENCE - 1}), ev.k * {SENTENCE}, ev.k * {SENTENCE} + {SENTENCE - 1},
               [ca.code], [cb.code], NULL,
               CASE WHEN ev.i % 3 = 0 THEN {lst(DIMENSIONS)}[1 + ev.i % {len(DIMENSIONS)}]
                    WHEN ev.i % 3 = 1 THEN {lst(DIMENSIONS)}[1 + (ev.i // 3) % {len(DIMENSIONS)}] ELSE '' END
        FROM ev JOIN documents d ON d.id = 'doc-' || ev.doc JOIN c AS ca ON ca.i = ev.a
        JOIN c AS cb ON cb.i = (ev.a + 1 + ev.off) % 80""")
    # actors: the countries and 600 people; mentions, event_actors
    con.execute("INSERT INTO actors SELECT code, code, 'country', code, NULL FROM c")
    con.execute(f"""INSERT INTO actors SELECT 'person:bench-' || p.i, 'Person ' || p.i, 'person',
                    {lst(countries)}[1 + p.i % 80], 'GOV' FROM range(600) AS p(i)""")
    con.execute(f"""
        INSERT INTO mentions
        SELECT 'doc-' || ev.doc, 'person:bench-' || (ev.a * 7 + ev.i % 7), 'name', ev.k * {SENTENCE} + 4,
               ev.k * {SENTENCE} + 8, 'foreign_minister' FROM ev
        UNION ALL
        SELECT 'doc-' || ev.doc, c.code, 'name', ev.k * {SENTENCE} + 30, ev.k * {SENTENCE} + 34, NULL
        FROM ev JOIN c ON c.i = ev.a""")
    con.execute("""
        INSERT INTO event_actors
        SELECT e.id, 'source', 'person:bench-' || (ev.a * 7 + ev.i % 7), e.source_countries[1]
        FROM events e JOIN ev ON e.id = 'doc-' || ev.doc || '-e' || ev.k
        UNION ALL SELECT id, 'source', source_countries[1], source_countries[1] FROM events
        UNION ALL SELECT id, 'target', target_countries[1], target_countries[1] FROM events""")
    con.execute("""INSERT INTO dates SELECT id, 'on Monday', CAST(published AS VARCHAR), 20, 29 FROM documents""")
    con.execute(f"""INSERT INTO quantities SELECT id, 20000000000, 'USD', 'about', 'investment', 'sum',
                    {SENTENCE} + 40, {SENTENCE} + 43 FROM documents""")
    con.execute(f"""INSERT INTO quotes SELECT id, substr(text, {2 * SENTENCE + 1}, 60), NULL, {2 * SENTENCE},
                    {2 * SENTENCE} + 60 FROM documents""")
    con.execute(f"""
        INSERT INTO dyad_facts
        SELECT e.doc_id, least(e.source_countries[1], e.target_countries[1]),
               greatest(e.source_countries[1], e.target_countries[1]), 'dimension',
               {lst(DIMENSIONS)}[1 + CAST(hash(e.id) % {len(DIMENSIONS)} AS BIGINT)], NULL, NULL, e.evidence, e.start_char, e.end_char
        FROM events e WHERE e.id LIKE '%-e0'""")
    # the near-duplicate index: 20 band keys a document
    con.execute(f"""INSERT INTO doc_bands SELECT (i % 20)::SMALLINT, hash(i * 7919)::UBIGINT, 'doc-' || (i // 20)
                    FROM range({n_docs * 20}) AS t(i)""")
    # the quantities stated in dimension sentences, as the dyads stage records them
    con.execute("""
        INSERT INTO dyad_facts
        SELECT f.doc_id, f.a, f.b, 'quantity', f.dimension, NULL, NULL, q.evidence, q.start_char, q.end_char
        FROM dyad_facts f JOIN quantities q ON q.doc_id = f.doc_id WHERE f.kind = 'dimension'""")
    from dyadwatch.store import aggregates

    con.execute("BEGIN")
    aggregates.rebuild(con)  # the aggregates, as upgrading a store builds them (rows in the order of ingest)
    con.execute("COMMIT")
    top = con.execute("""
        SELECT least(source_countries[1], target_countries[1]) a, greatest(source_countries[1], target_countries[1]) b,
               count(*) n FROM events GROUP BY 1, 2 ORDER BY n DESC""").fetchall()
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("documents", "events", "actors", "mentions", "event_actors", "dyad_facts", "event_dyads")}
    con.execute("CHECKPOINT")
    con.close()
    return {"top": top[0], "middle": top[len(top) // 2], "dyads": len(top), "counts": counts,
            "country": top[0][0], "person": "person:bench-7", "doc": f"doc-{n_docs // 2}"}


def routes(ids: dict) -> list[str]:
    (a, b, _), (c, d, _) = ids["top"], ids["middle"]
    doc = ids["doc"]
    return ["/", "/documents", "/documents?month=2022-03", f"/dyad/{a}-{b}", f"/dyad/{a}-{b}?type=AGREE&since=2021",
            f"/dyad/{c}-{d}", f"/doc/{doc}", f"/doc/{doc}?event={doc}-e2", f"/actor/{ids['country']}",
            f"/actor/{ids['person']}", "/search?q=tariffs+grain", "/search?q=ceasefire", "/ingest",
            "/api/overview", "/api/dyads?limit=50", f"/api/dyad/{a}-{b}", f"/api/dyad/{a}-{b}/events?type=AGREE",
            f"/api/doc/{doc}", f"/api/actor/{ids['country']}", "/api/search?q=pipeline+treaty"]


def measure(path: Path, urls: list[str], repeat: int, cache: bool) -> dict[str, list[float]]:
    from fastapi.testclient import TestClient

    from dyadwatch.web import create_app

    client = TestClient(create_app(path, cache_size=64 if cache else 0), base_url="http://127.0.0.1")
    out: dict[str, list[float]] = {}
    for url in urls:
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            r = client.get(url)
            times.append((time.perf_counter() - t0) * 1000)
            if r.status_code != 200:
                raise SystemExit(f"{url}: HTTP {r.status_code}: {r.text[:300]}")
        out[url] = times
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", metavar="FILE", help="write the store here and keep it (default: a temp file)")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.keep) if args.keep else Path(tmp) / "bench.duckdb"
        if path.exists():
            path.unlink()
        t0 = time.perf_counter()
        ids = build(path, args.events)
        print(f"synthetic store: {ids['counts']} ({ids['dyads']} dyads, busiest {ids['top'][0]}-{ids['top'][1]} "
              f"with {ids['top'][2]} events) built in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        urls = routes(ids)
        cold = measure(path, urls, args.repeat, cache=False)
        warm = measure(path, urls, args.repeat, cache=True)
    rows = []
    print(f"\n{'route':<48} {'median ms':>10} {'max ms':>8} {'cached median':>14} {'cached max':>11}")
    for url in urls:
        row = {"route": url, "median_ms": round(statistics.median(cold[url]), 1), "max_ms": round(max(cold[url]), 1),
               "cached_median_ms": round(statistics.median(warm[url]), 1), "cached_max_ms": round(max(warm[url]), 1)}
        rows.append(row)
        flag = "  over budget" if row["median_ms"] > BUDGET_MS else ""
        print(f"{url:<48} {row['median_ms']:>10.1f} {row['max_ms']:>8.1f} {row['cached_median_ms']:>14.1f} "
              f"{row['cached_max_ms']:>11.1f}{flag}")
    over = [r["route"] for r in rows if r["median_ms"] > BUDGET_MS]
    result = {"events": args.events, "repeat": args.repeat, "budget_ms": BUDGET_MS, "store": ids["counts"],
              "dyads": ids["dyads"], "busiest_dyad": ids["top"], "routes": rows, "over_budget_uncached": over}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"\n{len(over)} of {len(rows)} routes over {BUDGET_MS} ms uncached; wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
