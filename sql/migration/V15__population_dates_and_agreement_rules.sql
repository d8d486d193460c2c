-- The agreement as data a user can change (issue 17).
--
-- 1. Population at a reference date. SCB publishes population on 31 December (BE0101N1) and at the
--    end of each month (BE0101A); a figure keeps the date it describes, several dates of one region
--    coexist, and a region's total may be delivered alone (sex 3, all ages: age_from NULL).
ALTER TABLE fact_population ADD COLUMN reference_date DATE;
UPDATE fact_population SET reference_date = make_date(year, 12, 31);
ALTER TABLE fact_population ALTER COLUMN age_from DROP NOT NULL;

-- 2. Agreement rules as a loaded source (lagesbild load agreement-rules FILE), vintaged per
--    agreement year like any delivery. One row per condition of a payment part (a part without
--    conditions, such as the first payment, is one row with empty condition columns); the
--    agreement's and the part's columns repeat on every row. The rules that migration V5 held as
--    rows are shipped as such files (sql/agreement-rules/), so a new
--    year, or a threshold that is set, needs no new migration.
CREATE TABLE fact_agreement_rule (
    batch_id                  BIGINT NOT NULL,
    source_line               BIGINT NOT NULL,
    agreement_year            INTEGER NOT NULL,
    title_sv                  VARCHAR NOT NULL,
    svf_total_sek             BIGINT NOT NULL,
    report_deadline           DATE NOT NULL,
    population_date           DATE NOT NULL,
    population_note           VARCHAR,
    source_sv                 VARCHAR,
    payment_code              VARCHAR NOT NULL,
    payment_no                INTEGER NOT NULL,
    part_no                   INTEGER NOT NULL,
    amount_sek                BIGINT NOT NULL,
    shared_among              VARCHAR NOT NULL,
    payment_name_sv           VARCHAR NOT NULL,
    condition_code            VARCHAR NOT NULL,
    metric                    VARCHAR,
    svf_scope                 VARCHAR,
    icd10_scope               VARCHAR,
    period_code               VARCHAR,
    threshold                 DECIMAL(6, 4),
    comparison                VARCHAR,
    description_sv            VARCHAR,
    note_sv                   VARCHAR
);

-- load_batch checked its source against a fixed list; the loaders name their sources, so the list
-- (which would need a migration for every new source) goes. DuckDB cannot drop a CHECK: the table is
-- copied into a new one without it.
CREATE TABLE load_batch_copy AS SELECT * FROM load_batch;
DROP TABLE load_batch;
CREATE TABLE load_batch (
    batch_id         BIGINT PRIMARY KEY DEFAULT nextval('seq_load_batch'),
    source           VARCHAR NOT NULL,
    file_name        VARCHAR NOT NULL,
    file_sha256      VARCHAR NOT NULL CHECK (regexp_full_match(file_sha256, '[0-9a-f]{64}')),
    file_bytes       BIGINT NOT NULL,
    file_format      VARCHAR NOT NULL CHECK (file_format IN ('csv', 'parquet')),
    declared_period  VARCHAR,
    rows_read        BIGINT NOT NULL CHECK (rows_read >= 0),
    rows_loaded      BIGINT NOT NULL CHECK (rows_loaded >= 0),
    rows_quarantined BIGINT NOT NULL CHECK (rows_quarantined >= 0),
    vintage_label    VARCHAR NOT NULL,
    period_from      DATE,
    period_to        DATE,
    loaded_at        TIMESTAMP NOT NULL DEFAULT current_timestamp,
    read_options     VARCHAR,
    CHECK (rows_read = rows_loaded + rows_quarantined),
    UNIQUE (source, file_sha256)
);
INSERT INTO load_batch SELECT * FROM load_batch_copy;
DROP TABLE load_batch_copy;

DROP TABLE ref_agreement_condition;
DROP TABLE ref_agreement_payment;
DROP TABLE ref_agreement;
