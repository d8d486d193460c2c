-- Named, immutable snapshots of the warehouse: what was current when a figure was published.
-- Batches are numbered in load order, so a snapshot is the highest batch id it includes: "as of
-- the snapshot" means the vintages current among batches up to max_batch_id. A batch a snapshot
-- includes cannot be unloaded; a correction is loaded as a new vintage instead.
CREATE TABLE snapshot (
    snapshot_name  VARCHAR PRIMARY KEY CHECK (regexp_full_match(snapshot_name, '[A-Za-z0-9][A-Za-z0-9._-]{0,63}')),
    description    VARCHAR,
    max_batch_id   BIGINT NOT NULL,
    created_at     TIMESTAMP NOT NULL DEFAULT current_timestamp
);
