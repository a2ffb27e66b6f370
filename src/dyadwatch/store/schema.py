"""The store's schema, as named migrations applied in order and recorded in `schema_migrations`."""

from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    ("001_initial", """
CREATE TABLE documents (
    id VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL UNIQUE,
    title VARCHAR,
    published DATE,
    source VARCHAR,
    url VARCHAR,
    language VARCHAR,
    origin VARCHAR,
    text VARCHAR NOT NULL,
    duplicate_of VARCHAR,
    similarity DOUBLE,
    ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE TABLE doc_bands (band SMALLINT NOT NULL, key UBIGINT NOT NULL, doc_id VARCHAR NOT NULL);
CREATE TABLE doc_signatures (doc_id VARCHAR PRIMARY KEY, signature UBIGINT[] NOT NULL);
CREATE TABLE actors (
    id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, kind VARCHAR NOT NULL, country VARCHAR, sector VARCHAR
);
CREATE TABLE mentions (
    doc_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, text VARCHAR, start_char INTEGER, end_char INTEGER,
    role VARCHAR
);
CREATE TABLE events (
    id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, type VARCHAR NOT NULL, mode VARCHAR, context VARCHAR,
    cameo VARCHAR, score DOUBLE, quad_class TINYINT, date VARCHAR, month VARCHAR, location VARCHAR,
    status VARCHAR, confidence DOUBLE, evidence VARCHAR, start_char INTEGER, end_char INTEGER,
    source_countries VARCHAR[], target_countries VARCHAR[]
);
CREATE TABLE event_actors (event_id VARCHAR NOT NULL, side VARCHAR NOT NULL, actor_id VARCHAR NOT NULL,
    country VARCHAR);
CREATE TABLE quantities (
    doc_id VARCHAR NOT NULL, value DOUBLE, unit VARCHAR, qualifier VARCHAR, object VARCHAR, evidence VARCHAR,
    start_char INTEGER, end_char INTEGER
);
CREATE TABLE dates (doc_id VARCHAR NOT NULL, text VARCHAR, value VARCHAR, start_char INTEGER, end_char INTEGER);
CREATE TABLE quotes (doc_id VARCHAR NOT NULL, text VARCHAR, speaker_id VARCHAR, start_char INTEGER,
    end_char INTEGER);
CREATE TABLE dyad_facts (
    doc_id VARCHAR NOT NULL, a VARCHAR NOT NULL, b VARCHAR NOT NULL, kind VARCHAR NOT NULL,
    dimension VARCHAR, dependent VARCHAR, provider VARCHAR, evidence VARCHAR, start_char INTEGER,
    end_char INTEGER
);
CREATE TABLE rejections (
    origin VARCHAR NOT NULL, code VARCHAR NOT NULL, message VARCHAR NOT NULL,
    rejected_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
"""),
    ("002_indexes", """
CREATE INDEX idx_doc_bands ON doc_bands (band, key);
CREATE INDEX idx_events_doc ON events (doc_id);
CREATE INDEX idx_event_actors ON event_actors (event_id);
CREATE INDEX idx_mentions_doc ON mentions (doc_id);
CREATE INDEX idx_dyad_facts ON dyad_facts (a, b);
"""),
    ("003_event_act", """
ALTER TABLE events ADD COLUMN act VARCHAR;
"""),
    # the relationship dimension of an event (its PLOVER context, else the keywords of its sentence), decided
    # once at ingest instead of at every profile ('' for none); NULL in rows stored before it, which profiles still read
    ("004_event_dimension", """
ALTER TABLE events ADD COLUMN dimension VARCHAR;
"""),
    # the shards of a Dask ingest already loaded, so that a re-run loads nothing twice (IF NOT EXISTS: a store
    # loaded by the shard loader before this migration has it already)
    ("005_ingest_shards", """
CREATE TABLE IF NOT EXISTS ingest_shards (
    key VARCHAR PRIMARY KEY, files INTEGER NOT NULL, documents INTEGER NOT NULL,
    loaded_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
"""),
    # what queries over a pair read at scale (see store/aggregates.py): one narrow row per (pair, event) of the
    # original documents, and per pair and month the sums (exact decimals: the same whatever the order of adding) the series and totals need; filled from the events
    # when a store is upgraded (aggregates.backfill), and with each document stored since
    ("006_dyad_aggregates", """
CREATE TABLE event_dyads (
    a VARCHAR NOT NULL, b VARCHAR NOT NULL, event_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL,
    month VARCHAR NOT NULL, date VARCHAR, day VARCHAR, a_to_b BOOLEAN NOT NULL, b_to_a BOOLEAN NOT NULL,
    type VARCHAR NOT NULL, score DOUBLE, quad_class TINYINT, status VARCHAR, dimension VARCHAR NOT NULL
);
CREATE TABLE dyad_months (
    a VARCHAR NOT NULL, b VARCHAR NOT NULL, month VARCHAR NOT NULL,
    events BIGINT NOT NULL, documents BIGINT NOT NULL, cooperation DECIMAL(18, 3) NOT NULL, conflict DECIMAL(18, 3) NOT NULL,
    score_sum DECIMAL(18, 3) NOT NULL, n_cooperation BIGINT NOT NULL, n_conflict BIGINT NOT NULL,
    q1 BIGINT NOT NULL, q2 BIGINT NOT NULL, q3 BIGINT NOT NULL, q4 BIGINT NOT NULL,
    ab_events BIGINT NOT NULL, ab_cooperation DECIMAL(18, 3) NOT NULL, ab_conflict DECIMAL(18, 3) NOT NULL,
    ab_score_sum DECIMAL(18, 3) NOT NULL,
    ba_events BIGINT NOT NULL, ba_cooperation DECIMAL(18, 3) NOT NULL, ba_conflict DECIMAL(18, 3) NOT NULL,
    ba_score_sum DECIMAL(18, 3) NOT NULL,
    PRIMARY KEY (a, b, month)
);
CREATE TABLE dyad_totals (
    a VARCHAR NOT NULL, b VARCHAR NOT NULL, documents BIGINT NOT NULL, ab_documents BIGINT NOT NULL,
    ba_documents BIGINT NOT NULL, sources BIGINT NOT NULL, PRIMARY KEY (a, b)
);
CREATE TABLE dyad_actors (
    a VARCHAR NOT NULL, b VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, events BIGINT NOT NULL,
    PRIMARY KEY (a, b, actor_id)
);
"""),
    # near-duplicate lookups by band key: DuckDB uses a one-column index for a list of constant keys, and not the
    # (band, key) index, which only cost inserts
    ("007_band_key_index", """
DROP INDEX idx_doc_bands;
CREATE INDEX idx_doc_band_keys ON doc_bands (key);
"""),
    # the CAMEO code of the act an event promises, threatens or refuses ("will supply arms": 072 of a 0332);
    # NULL in rows stored before it
    ("008_event_act_cameo", """
ALTER TABLE events ADD COLUMN act_cameo VARCHAR;
"""),
]

