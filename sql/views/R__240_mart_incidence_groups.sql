-- New cancer cases and cancer deaths by population group (issue 26): the cancer register's
-- malignant tumours (site group MALIGNANT, death-certificate-only ones included, as the register
-- counts incidence) and the cause-of-death register's cancer deaths (C00–C97 as the underlying
-- cause, in years whose deaths are complete), by the person's education or country of birth, over
-- SCB's population by the same group (population-groups). Only the ages the population is given for
-- count, band by band, so that the numerator and the denominator cover the same people (education:
-- from 25 years). Contract as R__230: the group in the age-group column as 'dimension:group', at all
-- (covered) ages.

-- Grain: year × region × sex × dimension × group × ESP2013 age band: the population by group.
CREATE OR REPLACE VIEW int_population_group_bands AS
WITH bands AS (
    SELECT age_group_code AS band, min_age, coalesce(max_age, 200) AS max_age
    FROM dim_age_group WHERE age_group_kind = 'band'
)
SELECT p.year::VARCHAR AS period_code, p.region_code, p.sex_code, b.band, p.dimension_code, p.group_code, sum(p.population) AS population
FROM int_population_group_year p
JOIN bands b ON p.age_from BETWEEN b.min_age AND b.max_age
GROUP BY ALL;

-- Grain: event kind (new_cases, cancer_deaths) × year × region × sex × dimension × group × band.
CREATE OR REPLACE VIEW int_group_band_events AS
WITH bands AS (
    SELECT age_group_code AS band, min_age, coalesce(max_age, 200) AS max_age
    FROM dim_age_group WHERE age_group_kind = 'band'
),
tumours AS (
    SELECT year(t.diagnosis_date)::VARCHAR AS period_code, t.region_code, t.sex_code, floor(t.age_days / 365.241) AS age,
           t.education_code, t.birth_country_code
    FROM stg_tumour t
    JOIN dim_diagnosis_icd10 r ON r.diagnosis_code = 'MALIGNANT'
     AND substr(t.icd10_code, 1, length(r.icd10_from)) BETWEEN r.icd10_from AND r.icd10_to
    WHERE t.behaviour = 3
),
deaths AS (
    SELECT period_code, region_code, sex_code, age_years AS age, education_code, birth_country_code
    FROM int_cancer_death WHERE geo_level = 'country'
),
people AS (
    SELECT 'new_cases' AS kind, * FROM tumours
    UNION ALL
    SELECT 'cancer_deaths', * FROM deaths
),
long AS (
    SELECT kind, period_code, region_code, sex_code, age, 'education' AS dimension_code, education_code AS group_code
    FROM people WHERE education_code IS NOT NULL
    UNION ALL
    SELECT kind, period_code, region_code, sex_code, age, 'birth_country', birth_country_code
    FROM people WHERE birth_country_code IS NOT NULL
)
SELECT l.kind, l.period_code, l.region_code, l.sex_code, b.band, l.dimension_code, l.group_code, count(*) AS events
FROM long l JOIN bands b ON l.age BETWEEN b.min_age AND b.max_age
GROUP BY ALL;

-- Grain: event kind × period × geography × sex (1, 2, 3) × dimension × group × band, where the band
-- has a population for the group, in the years the kind has events (deaths: the complete years).
CREATE OR REPLACE VIEW int_group_band_rates AS
WITH years AS (
    SELECT DISTINCT kind, period_code FROM int_group_band_events
),
joined AS (
    SELECT y.kind, p.period_code, g.geo_level, g.geo_code, p.sex_code, p.band, p.dimension_code, p.group_code,
           coalesce(e.events, 0) * g.weight AS events, p.population * g.weight AS population
    FROM int_population_group_bands p
    JOIN years y ON y.period_code = p.period_code
    LEFT JOIN int_group_band_events e
           ON e.kind = y.kind AND e.period_code = p.period_code AND e.region_code = p.region_code AND e.sex_code = p.sex_code
          AND e.band = p.band AND e.dimension_code = p.dimension_code AND e.group_code = p.group_code
    JOIN int_geography_bridge g ON g.region_code = p.region_code AND g.split_municipality_code = '-'
),
by_sex AS (
    SELECT kind, period_code, geo_level, geo_code, sex_code, band, dimension_code, group_code, sum(events) AS events, sum(population) AS population
    FROM joined GROUP BY ALL
    UNION ALL
    SELECT kind, period_code, geo_level, geo_code, 3, band, dimension_code, group_code, sum(events), sum(population)
    FROM joined GROUP BY kind, period_code, geo_level, geo_code, band, dimension_code, group_code
)
SELECT kind, period_code, geo_level, geo_code, 'MALIGNANT' AS diagnosis_code, sex_code, dimension_code || ':' || group_code AS age_group_code,
       band, events, population
FROM by_sex
WHERE population > 0;

CREATE OR REPLACE VIEW mart_new_cases_rate_groups AS
SELECT period_code, geo_level, geo_code, diagnosis_code, sex_code, age_group_code, sum(events) AS numerator, sum(population) AS denominator
FROM int_group_band_rates WHERE kind = 'new_cases'
GROUP BY ALL;

CREATE OR REPLACE VIEW mart_new_cases_dsr_esp2013_groups AS
SELECT a.* EXCLUDE (kind), s.weight AS standard_weight
FROM int_group_band_rates a
JOIN ref_standard_population s ON s.standard_code = 'ESP2013' AND s.age_group_code = a.band
WHERE a.kind = 'new_cases';

-- Sweden's own population of the year as the standard, as mart_new_cases_dsr_sweden.
CREATE OR REPLACE VIEW mart_new_cases_dsr_sweden_groups AS
SELECT a.* EXCLUDE (kind), r.population AS standard_weight
FROM int_group_band_rates a
JOIN int_new_cases_age_bands r ON r.period_code = a.period_code AND r.band = a.band AND r.geo_level = 'country' AND r.sex_code = 3
WHERE a.kind = 'new_cases';

CREATE OR REPLACE VIEW mart_cancer_mortality_rate_groups AS
SELECT period_code, geo_level, geo_code, diagnosis_code, sex_code, age_group_code, sum(events) AS numerator, sum(population) AS denominator
FROM int_group_band_rates WHERE kind = 'cancer_deaths'
GROUP BY ALL;

CREATE OR REPLACE VIEW mart_cancer_mortality_dsr_esp2013_groups AS
SELECT a.* EXCLUDE (kind), s.weight AS standard_weight
FROM int_group_band_rates a
JOIN ref_standard_population s ON s.standard_code = 'ESP2013' AND s.age_group_code = a.band
WHERE a.kind = 'cancer_deaths';

CREATE OR REPLACE VIEW mart_cancer_mortality_dsr_sweden_groups AS
SELECT a.* EXCLUDE (kind), r.standard_weight
FROM int_group_band_rates a
JOIN (SELECT period_code, band, population AS standard_weight FROM int_cancer_death_age_bands WHERE geo_level = 'country' AND sex_code = 3) r
  USING (period_code, band)
WHERE a.kind = 'cancer_deaths';
