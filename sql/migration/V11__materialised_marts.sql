-- Materialised marts: `lagesbild marts` writes each catalogued mart view into a table
-- mat_<view> and records here the newest batch it was built from. The indicator engine reads the
-- table only while it is current (built from the newest batch, and no snapshot in use);
-- otherwise it reads the view, so a stale or as-of query never reads the wrong data.
CREATE TABLE mart_refresh (
    mart_view    VARCHAR PRIMARY KEY,
    table_name   VARCHAR NOT NULL,
    max_batch_id BIGINT,
    rows_written BIGINT NOT NULL,
    seconds      DOUBLE NOT NULL,
    refreshed_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
