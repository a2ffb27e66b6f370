"""Full-text search over the original documents (near-duplicates are left out), ranked by BM25.

Two engines; the page and the API say which one answered.

* DuckDB's `fts` extension, when `LOAD fts` works, i.e. when it is already installed in DuckDB's extension
  directory. The dashboard never runs `INSTALL fts`: that downloads from extensions.duckdb.org, and the dashboard
  makes no external request (offline, as here, the download fails anyway). The index is not built in the store:
  `PRAGMA create_fts_index` writes its tables into the database it indexes, while the dashboard opens the store
  read-only and must not hold a write lock that would stop `dyadwatch ingest`. So the documents' id, title and
  text are copied into an in-memory DuckDB database and indexed there, and the index is rebuilt when the store's
  files change. It costs memory of the order of the corpus text and a rebuild after each ingest.
* Otherwise a ranking in plain SQL and Python (the usual case offline): each query term matches words that start
  with it, case-insensitive (RE2 regular expressions); documents holding every term are ranked by BM25
  (k1 = 1.2, b = 0.75) over the terms' counts, title words counting three times.
"""

from __future__ import annotations

import math
import re
import threading
from functools import lru_cache
from typing import Any

import duckdb

from ..store import Store
from ..store.queries import _rows
from .highlight import markup, snippet_spans

MAX_TERMS = 8
LIMIT = 50
K1, B, TITLE_WEIGHT = 1.2, 0.75, 3
ENGINES = {"fts": "DuckDB full-text search (fts extension, BM25)",
           "fallback": "built-in ranking (BM25 over word-prefix matches; DuckDB's fts extension is not installed)"}


def terms_of(query: str) -> list[str]:
    """The query's words, lower-cased, without repeats; one-letter words are dropped."""
    out: list[str] = []
    for word in re.findall(r"\w+", query.lower()):
        if len(word) > 1 and word not in out:
            out.append(word)
    return out[:MAX_TERMS]


@lru_cache(maxsize=1)
def fts_available() -> bool:
    try:
        con = duckdb.connect(":memory:", config={"autoinstall_known_extensions": False})
        try:
            con.execute("LOAD fts")
        finally:
            con.close()
        return True
    except duckdb.Error:
        return False


def engine() -> str:
    return "fts" if fts_available() else "fallback"


class FtsIndex:
    """An in-memory copy of the documents with an fts index, for one version of the store."""

    def __init__(self, store: Store) -> None:
        self.con = duckdb.connect(":memory:", config={"autoinstall_known_extensions": False})
        self.con.execute("LOAD fts")
        self.con.execute("CREATE TABLE documents (id VARCHAR PRIMARY KEY, title VARCHAR, text VARCHAR)")
        cur = store.con.execute("SELECT id, coalesce(title, ''), text FROM documents WHERE duplicate_of IS NULL")
        while rows := cur.fetchmany(256):
            self.con.execute("INSERT INTO documents VALUES " + ", ".join(["(?, ?, ?)"] * len(rows)),
                             [v for r in rows for v in r])
        self.con.execute("PRAGMA create_fts_index('documents', 'id', 'title', 'text')")
        self.lock = threading.Lock()

    def query(self, text: str, limit: int) -> tuple[list[tuple[str, float]], int]:
        with self.lock:
            cur = self.con.cursor()
            try:
                rows = cur.execute("""
                    SELECT id, score FROM (SELECT id, fts_main_documents.match_bm25(id, ?, conjunctive := 1) AS score
                                           FROM documents) WHERE score IS NOT NULL ORDER BY score DESC""",
                                   [text]).fetchall()
            finally:
                cur.close()
        return [(r[0], float(r[1])) for r in rows[:limit]], len(rows)


def _fallback(store: Store, terms: list[str], limit: int) -> tuple[list[tuple[str, float]], int]:
    """BM25 in SQL: document frequencies first (a substring test, cheap), then term counts (word-prefix regular
    expressions) only over the documents holding every term, ranked in the database."""
    likes = ["%" + t.replace("_", r"\_") + "%" for t in terms]
    has = [f"(text ILIKE ${i + 1} ESCAPE '\\' OR title ILIKE ${i + 1} ESCAPE '\\')" for i in range(len(terms))]
    row = store.con.execute(f"""
        SELECT count(*), coalesce(avg(length(text)), 1), {', '.join(f'count(*) FILTER (WHERE {h})' for h in has)}
        FROM documents WHERE duplicate_of IS NULL""", likes).fetchone()
    n, avglen, df = row[0], float(row[1]) or 1.0, row[2:]
    if not all(df):
        return [], 0
    idf = [math.log(1 + (n - d + 0.5) / (d + 0.5)) for d in df]
    k = len(terms)
    patterns = [r"(?i)\b" + re.escape(t) for t in terms]
    p = k + 1  # parameter numbers of the patterns follow those of the LIKE strings
    counts = ", ".join(f"len(regexp_extract_all(text, ${p + i})) + {TITLE_WEIGHT} * "
                       f"len(regexp_extract_all(coalesce(title, ''), ${p + i})) AS tf{i}" for i in range(k))
    norm = f"{K1} * (1 - {B} + {B} * len / {avglen})"
    score = " + ".join(f"{idf[i]} * tf{i} * {K1 + 1} / (tf{i} + {norm})" for i in range(k))
    rows = store.con.execute(f"""
        WITH c AS MATERIALIZED (SELECT id, length(text) AS len, {counts} FROM documents
                   WHERE duplicate_of IS NULL AND {' AND '.join(has)})
        SELECT id, {score} AS score, count(*) OVER () AS total FROM c
        WHERE {' AND '.join(f'tf{i} > 0' for i in range(k))}
        ORDER BY score DESC, id LIMIT {int(limit)}""", likes + patterns).fetchall()
    return [(r[0], float(r[1])) for r in rows], (rows[0][2] if rows else 0)


_indexes: dict[str, tuple[tuple[int, ...], FtsIndex]] = {}
_index_lock = threading.Lock()


def _fts(store: Store, version: tuple[int, ...], query: str, limit: int) -> tuple[list[tuple[str, float]], int]:
    key = str(store.path)
    with _index_lock:
        hit = _indexes.get(key)
        if hit is None or hit[0] != version:
            _indexes[key] = (version, FtsIndex(store))
        index = _indexes[key][1]
    return index.query(query, limit)


def search(store: Store, query: str, *, limit: int = LIMIT, version: tuple[int, ...] = ()) -> dict[str, Any]:
    """{engine, engine_label, query, terms, total, results: [{id, title, published, source, score, snippet}]}."""
    terms = terms_of(query)
    out: dict[str, Any] = {"engine": engine(), "engine_label": ENGINES[engine()], "query": query, "terms": terms,
                           "total": 0, "results": []}
    if not terms:
        return out
    if out["engine"] == "fts":
        hits, total = _fts(store, version, " ".join(terms), limit)
    else:
        hits, total = _fallback(store, terms, limit)
    out["total"] = total
    if not hits:
        return out
    ids = [h[0] for h in hits]
    meta = {r["id"]: r for r in _rows(store, f"""
        SELECT id, title, published, source, text FROM documents WHERE id IN ({', '.join('?' * len(ids))})""", ids)}
    for doc_id, score in hits:
        r = meta.get(doc_id)
        if r is None:
            continue
        window, spans, cut_start, cut_end = snippet_spans(" ".join(r.pop("text").split()), terms)
        r["snippet"] = ("… " if cut_start else "") + window + (" …" if cut_end else "")
        r["snippet_html"] = (("… " if cut_start else "") + markup(window, spans) + (" …" if cut_end else ""))
        r["score"] = round(score, 3)
        out["results"].append(r)
    return out
