"""Many rows into a table in one statement.

Each column is bound as one list and unnested: several times faster than a VALUES list of scalar parameters
(7× on 2,560 event rows), and far faster than DuckDB's `executemany`, which runs one statement per row.
"""

from __future__ import annotations

import duckdb

__all__ = ["insert_many"]


def insert_many(con: duckdb.DuckDBPyConnection, table: str, rows: list[list], suffix: str = "") -> None:
    """Insert `rows` (each with all the table's columns, in order) into `table`; `suffix` is appended to the
    statement (an ON CONFLICT clause)."""
    if not rows:
        return
    columns = [list(c) for c in zip(*rows)]
    select = ", ".join(f"unnest(${i + 1})" for i in range(len(columns)))
    con.execute(f"INSERT INTO {table} SELECT * FROM (SELECT {select}) {suffix}", columns)
