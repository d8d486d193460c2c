-- Results that take long to compute and depend only on the batches they read (survival cells,
-- disclosure patterns, PxWebApi 2's released values), computed once by `lagesbild marts` and read by
-- every later process (the report, the release, the server) instead of being computed again in each.
-- A result is found by its key: what was computed, the exact batches of the sources it read, the
-- thresholds and the fingerprint of the code that computed it, so a load, an unload, another
-- threshold or another version of Lägesbild never finds an old one.
--
-- Each result's bytes are in a table of their own, kept_blob_<kept_id>, one row per part (of at most
-- 16 MB): DuckDB reads a column a vector of rows at a time, so with every result in one column each
-- read of one result read them all (0.19 s for one of the demo's 94 tables instead of 0.006 s).
CREATE SEQUENCE seq_kept_result;
CREATE TABLE kept_result (
    kept_id     BIGINT PRIMARY KEY DEFAULT nextval('seq_kept_result'),
    kind        VARCHAR NOT NULL,
    result_key  VARCHAR NOT NULL,
    bytes       BIGINT NOT NULL CHECK (bytes >= 0),
    written_at  TIMESTAMP NOT NULL DEFAULT current_timestamp,
    UNIQUE (kind, result_key)
);
