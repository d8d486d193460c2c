-- Results that take long to compute and depend only on the batches they read (survival cells,
-- disclosure patterns), computed once by `lagesbild marts` and read by every later process (the
-- report, the release, the server) instead of being computed again in each. A result is found by
-- its key: what was computed, the exact batches of the sources it read, the thresholds and the
-- fingerprint of the code that computed it, so a load, an unload, another threshold or another
-- version of Lägesbild never finds an old one. A large result is stored in parts (part 0, 1, ...).
CREATE TABLE kept_result (
    kind        VARCHAR NOT NULL,
    result_key  VARCHAR NOT NULL,
    part        INTEGER NOT NULL CHECK (part >= 0),
    parts       INTEGER NOT NULL CHECK (parts > part),
    payload     BLOB NOT NULL,
    written_at  TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (kind, result_key, part)
);
