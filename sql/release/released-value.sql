-- A release file's rows: one per released cell of one PxWebApi 2 table, nothing finer.
-- Hidden cells carry no numbers (NULL), only suppressed = true and the public reason.
CREATE TABLE released_value (
    table_id             VARCHAR NOT NULL,  -- the PxWebApi 2 table (an indicator's code, or CODE_by_DIMENSION)
    indicator            VARCHAR NOT NULL,  -- the indicator's code (catalogue in the file's lagesbild.catalog metadata)
    population_dimension VARCHAR,           -- education, birth_country or income for a group table, else NULL
    period               VARCHAR NOT NULL,  -- 2026, 2026H1, 2026Q1, 2026-01
    geo_level            VARCHAR NOT NULL,  -- country, healthcare_region or region
    geo                  VARCHAR NOT NULL,  -- 00 Riket, 01–25 regions, healthcare regions
    diagnosis            VARCHAR NOT NULL,  -- ALL, an SVF pathway or a site group
    sex                  INTEGER NOT NULL,  -- 1 men, 2 women, 3 both
    age_group            VARCHAR NOT NULL,  -- an age group, or DIMENSION:GROUP in a group table
    numerator            DOUBLE,
    denominator          DOUBLE,
    estimate             DOUBLE,            -- shares as proportions (0–1), rates in their unit
    lower_95             DOUBLE,
    upper_95             DOUBLE,
    method               VARCHAR,           -- the interval's method, and notes on it
    standard_error       DOUBLE,
    lower_998            DOUBLE,            -- funnel-style 99.8 % limits
    upper_998            DOUBLE,
    method_998           VARCHAR,
    comparison           VARCHAR,           -- against Riket: higher, lower, not significant, not compared, suppressed
    suppressed           BOOLEAN NOT NULL,  -- hidden for confidentiality
    reason               VARCHAR            -- why hidden, or why no value or interval (public wording)
);
