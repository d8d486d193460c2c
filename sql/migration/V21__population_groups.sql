-- Population by education and by country of birth (issue 26), the denominators of rates by group:
-- SCB's tables (UF0506: population by region, education level, age and sex; BE0101: population by
-- region, country of birth, age and sex) at a reference date. One dimension per row; the groups of a
-- dimension add up to the population of the ages SCB gives it for (education: from 25 years, as
-- education is then mostly completed; country of birth: every age). A separate table from
-- fact_population, so that loading a table by education never replaces a region's totals.
CREATE TABLE fact_population_group (
    batch_id       BIGINT NOT NULL,
    source_line    BIGINT NOT NULL,
    region_code    VARCHAR NOT NULL,
    sex_code       INTEGER NOT NULL,
    age_from       INTEGER NOT NULL,
    age_to         INTEGER,
    year           INTEGER NOT NULL,
    reference_date DATE NOT NULL,
    dimension_code VARCHAR NOT NULL,
    group_code     VARCHAR NOT NULL,
    population     BIGINT NOT NULL
);
