-- New cancer cases by population group (issue 26): the cancer register's malignant tumours (site
-- group MALIGNANT, death-certificate-only ones included, as the register counts incidence) by the
-- person's education or country of birth, over SCB's population by the same group
-- (population-groups). Only the ages the population is given for count, band by band, so that the
-- numerator and the denominator cover the same people (education: from 25 years). Contract as
-- R__230: the group in the age-group column as 'dimension:group', at all (covered) ages.

-- Grain: period × geography × sex (1, 2, 3) × dimension × group × ESP2013 age band, where the band
-- has a population for the group.
CREATE OR REPLACE VIEW int_new_cases_group_bands AS
WITH bands AS (
    SELECT age_group_code AS band, min_age, coalesce(max_age, 200) AS max_age
    FROM dim_age_group WHERE age_group_kind = 'band'
),
tumours AS (
    SELECT year(t.diagnosis_date)::VARCHAR AS period_code, t.region_code, t.sex_code, b.band,
           'education' AS dimension_code, t.education_code AS group_code
    FROM stg_tumour t
    JOIN dim_diagnosis_icd10 r ON r.diagnosis_code = 'MALIGNANT'
     AND substr(t.icd10_code, 1, length(r.icd10_from)) BETWEEN r.icd10_from AND r.icd10_to
    JOIN bands b ON floor(t.age_days / 365.241) BETWEEN b.min_age AND b.max_age
    WHERE t.behaviour = 3 AND t.education_code IS NOT NULL
    UNION ALL
    SELECT year(t.diagnosis_date)::VARCHAR, t.region_code, t.sex_code, b.band, 'birth_country', t.birth_country_code
    FROM stg_tumour t
    JOIN dim_diagnosis_icd10 r ON r.diagnosis_code = 'MALIGNANT'
     AND substr(t.icd10_code, 1, length(r.icd10_from)) BETWEEN r.icd10_from AND r.icd10_to
    JOIN bands b ON floor(t.age_days / 365.241) BETWEEN b.min_age AND b.max_age
    WHERE t.behaviour = 3 AND t.birth_country_code IS NOT NULL
),
events AS (
    SELECT period_code, region_code, sex_code, band, dimension_code, group_code, count(*) AS events
    FROM tumours GROUP BY ALL
),
people AS (
    SELECT p.year::VARCHAR AS period_code, p.region_code, p.sex_code, b.band, p.dimension_code, p.group_code, sum(p.population) AS population
    FROM int_population_group_year p
    JOIN bands b ON p.age_from BETWEEN b.min_age AND b.max_age
    GROUP BY ALL
),
joined AS (
    SELECT p.period_code, g.geo_level, g.geo_code, p.sex_code, p.band, p.dimension_code, p.group_code,
           coalesce(e.events, 0) * g.weight AS events, p.population * g.weight AS population
    FROM people p
    LEFT JOIN events e USING (period_code, region_code, sex_code, band, dimension_code, group_code)
    JOIN int_geography_bridge g ON g.region_code = p.region_code AND g.split_municipality_code = '-'
),
by_sex AS (
    SELECT period_code, geo_level, geo_code, sex_code, band, dimension_code, group_code, sum(events) AS events, sum(population) AS population
    FROM joined GROUP BY ALL
    UNION ALL
    SELECT period_code, geo_level, geo_code, 3, band, dimension_code, group_code, sum(events), sum(population)
    FROM joined GROUP BY period_code, geo_level, geo_code, band, dimension_code, group_code
)
SELECT period_code, geo_level, geo_code, 'MALIGNANT' AS diagnosis_code, sex_code, dimension_code || ':' || group_code AS age_group_code,
       band, events, population
FROM by_sex
WHERE population > 0;

CREATE OR REPLACE VIEW mart_new_cases_rate_groups AS
SELECT period_code, geo_level, geo_code, diagnosis_code, sex_code, age_group_code, sum(events) AS numerator, sum(population) AS denominator
FROM int_new_cases_group_bands
GROUP BY ALL;

CREATE OR REPLACE VIEW mart_new_cases_dsr_esp2013_groups AS
SELECT a.*, s.weight AS standard_weight
FROM int_new_cases_group_bands a
JOIN ref_standard_population s ON s.standard_code = 'ESP2013' AND s.age_group_code = a.band;

-- Sweden's own population of the year as the standard, as mart_new_cases_dsr_sweden.
CREATE OR REPLACE VIEW mart_new_cases_dsr_sweden_groups AS
SELECT a.*, r.population AS standard_weight
FROM int_new_cases_group_bands a
JOIN int_new_cases_age_bands r ON r.period_code = a.period_code AND r.band = a.band AND r.geo_level = 'country' AND r.sex_code = 3;
