-- Lineage and fact tables. Every fact row belongs to exactly one load batch: one delivered file,
-- identified by its SHA-256. A newer delivery for the same source and period is a new batch with
-- its own vintage label; older vintages stay, so a published figure can be recomputed exactly.
-- Every fact row also keeps its line in the delivered file (source_line; the data row number
-- for Parquet), so any figure can be traced back to the lines it was built from.
-- Facts carry no foreign keys: the loaders validate every code against the dimensions before a
-- row is written (and quarantine what fails), and bulk loads stay fast.

CREATE SEQUENCE seq_load_batch START 1;
CREATE TABLE load_batch (
    batch_id         BIGINT PRIMARY KEY DEFAULT nextval('seq_load_batch'),
    source           VARCHAR NOT NULL CHECK (source IN ('population', 'new-cases', 'svf-pathways', 'svf-aggregates',
                         'region-reports', 'prem', 'investments', 'projects', 'waiting-times-skr')),
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
    CHECK (rows_read = rows_loaded + rows_quarantined),
    UNIQUE (source, file_sha256)
);

-- One row per problem of a quarantined input row (policy "load the valid rows, quarantine the
-- rest"): the line, the raw record and the rule it broke, so nothing is silently dropped.
-- region_code is the row's region as delivered, when it could be read (for feedback letters).
CREATE TABLE load_quarantine (
    batch_id    BIGINT NOT NULL,
    line_no     BIGINT NOT NULL,
    region_code VARCHAR,
    column_name VARCHAR,
    value       VARCHAR,
    rule_code   VARCHAR NOT NULL,
    message     VARCHAR NOT NULL,
    raw_record  VARCHAR
);

-- One row per SVF pathway (pseudonymised), as regions report them to Socialstyrelsen.
-- closed_date NULL = still open. Lead-time statistics use only close_reason_code = 'treatment'.
CREATE TABLE fact_svf_pathway (
    batch_id                  BIGINT NOT NULL,
    source_line BIGINT NOT NULL,
    pathway_id                VARCHAR NOT NULL,
    patient_pseudonym         VARCHAR NOT NULL,
    reporting_region_code     VARCHAR NOT NULL,
    patient_municipality_code VARCHAR,
    svf_code                  VARCHAR NOT NULL,
    icd10_code                VARCHAR,
    sex_code                  INTEGER NOT NULL,
    age_years                 INTEGER NOT NULL,
    suspicion_date            DATE NOT NULL,
    closed_date               DATE,
    close_reason_code         VARCHAR,
    first_treatment_type_code VARCHAR,
    reporting_unit            VARCHAR
);

-- One row per region × SVF × period × sex, for sources that deliver aggregates only.
CREATE TABLE fact_svf_aggregate (
    batch_id            BIGINT NOT NULL,
    source_line BIGINT NOT NULL,
    region_code         VARCHAR NOT NULL,
    svf_code            VARCHAR NOT NULL,
    period_code         VARCHAR NOT NULL,
    sex_code            INTEGER NOT NULL,
    started             BIGINT NOT NULL,
    closed_by_treatment BIGINT NOT NULL,
    within_lead_time    BIGINT NOT NULL
);

-- New cancer cases (cancer register) per region × sex × age interval × year × ICD-10 code.
CREATE TABLE fact_new_cases (
    batch_id    BIGINT NOT NULL,
    source_line BIGINT NOT NULL,
    region_code VARCHAR NOT NULL,
    sex_code    INTEGER NOT NULL,
    age_from    INTEGER NOT NULL,
    age_to      INTEGER,
    year        INTEGER NOT NULL,
    icd10_code  VARCHAR NOT NULL,
    cases       BIGINT NOT NULL
);

-- Population (SCB BE0101N1) on 31 December of year, per region × sex × age interval.
CREATE TABLE fact_population (
    batch_id    BIGINT NOT NULL,
    source_line BIGINT NOT NULL,
    region_code VARCHAR NOT NULL,
    sex_code    INTEGER NOT NULL,
    age_from    INTEGER NOT NULL,
    age_to      INTEGER,
    year        INTEGER NOT NULL,
    population  BIGINT NOT NULL
);

-- The regions' yearly SVF report on the agreement's template.
CREATE TABLE fact_region_report (
    batch_id                 BIGINT NOT NULL,
    source_line BIGINT NOT NULL,
    region_code              VARCHAR NOT NULL,
    report_year              INTEGER NOT NULL,
    submitted_date           DATE NOT NULL,
    prem_used                BOOLEAN NOT NULL,
    inclusion_numerator_h1   BIGINT,
    inclusion_denominator_h1 BIGINT,
    actions_sv               VARCHAR
);

-- PREM survey results per region × SVF group × period × sex × question.
CREATE TABLE fact_prem (
    batch_id         BIGINT NOT NULL,
    source_line BIGINT NOT NULL,
    region_code      VARCHAR NOT NULL,
    svf_group        VARCHAR NOT NULL,
    period_code      VARCHAR NOT NULL,
    sex_code         INTEGER NOT NULL,
    question_code    VARCHAR NOT NULL,
    respondents      BIGINT NOT NULL,
    positive_answers BIGINT NOT NULL
);

-- Special-investment money per RCC (healthcare region) × area × year.
CREATE TABLE fact_investment_fund (
    batch_id               BIGINT NOT NULL,
    source_line BIGINT NOT NULL,
    healthcare_region_code VARCHAR NOT NULL,
    area_code              VARCHAR NOT NULL,
    year                   INTEGER NOT NULL,
    allocated_sek          BIGINT NOT NULL,
    passed_on_sek          BIGINT NOT NULL,
    allocation_criteria_sv VARCHAR
);

-- Projects granted special-investment money.
CREATE TABLE fact_investment_project (
    batch_id               BIGINT NOT NULL,
    source_line BIGINT NOT NULL,
    healthcare_region_code VARCHAR NOT NULL,
    area_code              VARCHAR NOT NULL,
    year                   INTEGER NOT NULL,
    project_id             VARCHAR NOT NULL,
    title_sv               VARCHAR NOT NULL,
    amount_sek             BIGINT NOT NULL,
    status                 VARCHAR NOT NULL
);

-- SKR/RCC's own aggregated waiting-time extract, kept for reconciliation with ours.
CREATE TABLE fact_external_waiting_time (
    batch_id            BIGINT NOT NULL,
    source_line BIGINT NOT NULL,
    region_code         VARCHAR NOT NULL,
    svf_code            VARCHAR NOT NULL,
    period_code         VARCHAR NOT NULL,
    sex_code            INTEGER NOT NULL,
    started             BIGINT NOT NULL,
    closed_by_treatment BIGINT NOT NULL,
    within_lead_time    BIGINT NOT NULL
);
