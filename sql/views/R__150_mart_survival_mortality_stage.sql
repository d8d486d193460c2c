-- Goal 2 and goal 1's stage at diagnosis, from the cancer register, the cause-of-death register
-- and the population (issue 14).

-- The follow-up's closing date: the latest closing date of the current death deliveries (each
-- delivery holds every death up to its --follow-up-until). NULL while no deaths are loaded.
CREATE OR REPLACE VIEW int_follow_up AS
SELECT max(follow_up_until) AS follow_up_until FROM stg_death;

-- Grain: one row per current malignant tumour (behaviour 3) of a register delivery. Its survival:
-- days from diagnosis to death (the person's death, from the cause-of-death register, up to the
-- closing date), to the day the tumour's follow-up was lost (emigration: lost_to_follow_up_date),
-- or to the closing date (alive), whichever comes first. excluded says why a tumour is not in
-- survival, by one rule applied before any estimator (as NORDCAN and strs do): death certificate
-- only (no survival time), no deaths loaded, diagnosed after the closing date, a death dated before
-- the diagnosis (a register disagreement, counted, not guessed), and no follow-up at all (0 days:
-- a death, an emigration or the closing date on the day of diagnosis).
CREATE OR REPLACE VIEW int_survival_tumour AS
WITH deaths AS (
    SELECT person_id, min(death_date) AS death_date FROM stg_death GROUP BY person_id
),
tumours AS (
    SELECT t.*, d.death_date, f.follow_up_until,
           coalesce(mm.municipality_code, '-') AS split_municipality_code
    FROM stg_tumour t
    CROSS JOIN int_follow_up f
    LEFT JOIN deaths d USING (person_id)
    LEFT JOIN map_municipality_healthcare_region mm ON mm.municipality_code = t.municipality_code AND mm.region_code = t.region_code
    WHERE t.behaviour = 3
),
timed AS (
    SELECT *,
           death_date IS NOT NULL AND death_date <= follow_up_until
               AND (lost_to_follow_up_date IS NULL OR death_date <= lost_to_follow_up_date) AS died,
           least(follow_up_until, coalesce(lost_to_follow_up_date, follow_up_until)) AS censor_date
    FROM tumours
),
final AS (
    SELECT person_id, sex_code, age_days, diagnosis_date, icd10_code, stage, region_code, split_municipality_code,
           education_code, birth_country_code, income_code,
           follow_up_until, death_date, lost_to_follow_up_date, died,
           CASE WHEN died THEN death_date - diagnosis_date ELSE censor_date - diagnosis_date END AS exit_days,
           CASE WHEN basis_of_diagnosis = 0 THEN 'death certificate only'
                WHEN follow_up_until IS NULL THEN 'no deaths loaded (no follow-up)'
                WHEN diagnosis_date > follow_up_until THEN 'diagnosed after the closing date'
                WHEN death_date < diagnosis_date THEN 'death dated before the diagnosis'
                WHEN (CASE WHEN died THEN death_date ELSE censor_date END) = diagnosis_date THEN 'no follow-up (0 days)' END AS excluded
    FROM timed
)
SELECT * FROM final;

-- Every malignant tumour of a survival diagnosis group (the SVF diagnoses and all sites,
-- MALIGNANT), and whether it is the person's survival tumour in the group: their first tumour in
-- it that no rule excludes (multiple primaries counted once per group, as NORDCAN counts a person
-- once per site); a later one is excluded as such.
CREATE OR REPLACE VIEW int_survival_grouped AS
WITH grouped AS (
    SELECT t.*, d.diagnosis_code, d.icss_standard,
           CASE WHEN t.excluded IS NULL
                THEN row_number() OVER (PARTITION BY t.person_id, d.diagnosis_code, t.excluded IS NULL ORDER BY t.diagnosis_date, t.icd10_code)
                END AS nth
    FROM int_survival_tumour t
    JOIN dim_diagnosis_icd10 r ON substr(t.icd10_code, 1, length(r.icd10_from)) BETWEEN r.icd10_from AND r.icd10_to
    JOIN dim_diagnosis d ON d.diagnosis_code = r.diagnosis_code
    WHERE d.diagnosis_code = 'MALIGNANT' OR (d.diagnosis_kind = 'svf' AND d.diagnosis_code <> 'MPN')
)
SELECT * EXCLUDE (excluded), coalesce(excluded, CASE WHEN nth > 1 THEN 'a later tumour in the same group' END) AS excluded
FROM grouped;

-- Survival marts. Contract (methods net_survival and observed_survival): one row per patient and
-- diagnosis group with diagnosis_code, region_code, split_municipality_code (Halland's split, as
-- int_geography_bridge), sex_code, age_days, diagnosis_date, exit_days, died, icss_standard,
-- age_group_code and follow_up_until. The engine computes the analysis (period, cohort or hybrid
-- windows), the geography roll-up through the bridge, both sexes and the age standardisation; a
-- mart with education_code, birth_country_code and income_code also gives Riket by population
-- group (issue 26; NULL where a delivery does not carry the dimension). Beside
-- each mart, VIEW_exclusions lists the tumours of its population that no estimator sees, with why
-- (diagnosis_code, diagnosis_date, reason): the engine counts them in every answer.
CREATE OR REPLACE VIEW int_survival_patient AS
SELECT * EXCLUDE (nth) FROM int_survival_grouped WHERE excluded IS NULL;

-- Adults (18–99 at diagnosis: the ICSS's ages; 100+ are too few and too uncertain in age).
CREATE OR REPLACE VIEW mart_survival_adults AS
SELECT diagnosis_code, region_code, split_municipality_code, sex_code, age_days, diagnosis_date, exit_days, died, icss_standard,
       '18+' AS age_group_code, follow_up_until, education_code, birth_country_code, income_code
FROM int_survival_patient
WHERE age_days >= 18 * 365.241 AND age_days < 100 * 365.241;

CREATE OR REPLACE VIEW mart_survival_adults_exclusions AS
SELECT diagnosis_code, diagnosis_date,
       CASE WHEN excluded IS NOT NULL THEN excluded ELSE 'aged 100 or more at diagnosis' END AS reason
FROM int_survival_grouped
WHERE age_days >= 18 * 365.241 AND (excluded IS NOT NULL OR age_days >= 100 * 365.241);

-- Children (0–17 at diagnosis), all malignant tumours together.
CREATE OR REPLACE VIEW mart_survival_children AS
SELECT diagnosis_code, region_code, split_municipality_code, sex_code, age_days, diagnosis_date, exit_days, died, icss_standard,
       '0-17' AS age_group_code, follow_up_until
FROM int_survival_patient
WHERE age_days < 18 * 365.241 AND diagnosis_code = 'MALIGNANT';

CREATE OR REPLACE VIEW mart_survival_children_exclusions AS
SELECT diagnosis_code, diagnosis_date, excluded AS reason
FROM int_survival_grouped
WHERE age_days < 18 * 365.241 AND diagnosis_code = 'MALIGNANT' AND excluded IS NOT NULL;

-- Grain: one row per death with cancer (C00–C97) as the underlying cause in a year whose deaths
-- are complete (the closing date is on or after its 31 December), with the geography units it
-- counts in.
CREATE OR REPLACE VIEW int_cancer_death AS
WITH complete AS (
    SELECT d.*, coalesce(mm.municipality_code, '-') AS split_municipality_code
    FROM stg_death d
    CROSS JOIN int_follow_up f
    LEFT JOIN map_municipality_healthcare_region mm ON mm.municipality_code = d.municipality_code AND mm.region_code = d.region_code
    WHERE substr(d.underlying_cause, 1, 3) BETWEEN 'C00' AND 'C97'
      AND make_date(year(d.death_date), 12, 31) <= f.follow_up_until
),
final AS (
    SELECT c.*, year(c.death_date)::VARCHAR AS period_code, g.geo_level, g.geo_code, g.weight,
           CASE WHEN c.age_years <= 17 THEN '0-17' ELSE '18+' END AS broad_age
    FROM complete c
    JOIN int_geography_bridge g ON g.region_code = c.region_code AND g.split_municipality_code = c.split_municipality_code
)
SELECT * FROM final;

-- Grain: year × geography × sex (1, 2, 3) × age group (0-17, 18+, ALL): cancer deaths per population.
CREATE OR REPLACE VIEW mart_cancer_mortality_rate AS
WITH people AS (
    SELECT p.year::VARCHAR AS period_code, b.geo_level, b.geo_code, p.sex_code,
           CASE WHEN p.age_to IS NOT NULL AND p.age_to <= 17 THEN '0-17' WHEN p.age_from >= 18 THEN '18+' END AS broad_age,
           p.population * b.weight AS population
    FROM int_population_year p
    JOIN int_geography_bridge b ON b.region_code = p.region_code AND b.split_municipality_code = '-'
    WHERE p.year IN (SELECT DISTINCT year(death_date) FROM int_cancer_death)
),
denominators AS (
    SELECT period_code, geo_level, geo_code, coalesce(sex_code, 3) AS sex_code, coalesce(broad_age, 'ALL') AS age_group_code,
           sum(population) AS denominator
    FROM people
    GROUP BY GROUPING SETS ((period_code, geo_level, geo_code, sex_code, broad_age), (period_code, geo_level, geo_code, sex_code),
                            (period_code, geo_level, geo_code, broad_age), (period_code, geo_level, geo_code))
),
numerators AS (
    SELECT period_code, geo_level, geo_code, coalesce(sex_code, 3) AS sex_code, coalesce(broad_age, 'ALL') AS age_group_code,
           sum(weight) AS numerator
    FROM int_cancer_death
    GROUP BY GROUPING SETS ((period_code, geo_level, geo_code, sex_code, broad_age), (period_code, geo_level, geo_code, sex_code),
                            (period_code, geo_level, geo_code, broad_age), (period_code, geo_level, geo_code))
),
final AS (
    SELECT d.period_code, d.geo_level, d.geo_code, 'MALIGNANT' AS diagnosis_code, d.sex_code, d.age_group_code,
           coalesce(n.numerator, 0) AS numerator, d.denominator
    FROM denominators d LEFT JOIN numerators n USING (period_code, geo_level, geo_code, sex_code, age_group_code)
    WHERE d.age_group_code IS NOT NULL
)
SELECT * FROM final WHERE denominator > 0;

-- Age bands of cancer deaths and the population, for direct standardisation (the DSR contract).
CREATE OR REPLACE VIEW int_cancer_death_age_bands AS
WITH bands AS (
    SELECT age_group_code AS band, min_age, coalesce(max_age, 200) AS max_age
    FROM dim_age_group WHERE age_group_kind = 'band'
),
deaths AS (
    SELECT d.period_code, d.geo_level, d.geo_code, d.sex_code, b.band, sum(d.weight) AS events
    FROM int_cancer_death d JOIN bands b ON d.age_years BETWEEN b.min_age AND b.max_age
    GROUP BY ALL
),
people AS (
    SELECT p.year::VARCHAR AS period_code, g.geo_level, g.geo_code, p.sex_code, b.band, sum(p.population * g.weight) AS population
    FROM int_population_year p
    JOIN bands b ON p.age_from BETWEEN b.min_age AND b.max_age
    JOIN int_geography_bridge g ON g.region_code = p.region_code AND g.split_municipality_code = '-'
    WHERE p.year IN (SELECT DISTINCT year(death_date) FROM int_cancer_death)
    GROUP BY ALL
),
by_sex AS (
    SELECT p.period_code, p.geo_level, p.geo_code, p.sex_code, p.band, coalesce(d.events, 0) AS events, p.population
    FROM people p LEFT JOIN deaths d USING (period_code, geo_level, geo_code, sex_code, band)
),
final AS (
    SELECT period_code, geo_level, geo_code, 'MALIGNANT' AS diagnosis_code, sex_code, 'ALL' AS age_group_code, band, events, population
    FROM by_sex
    UNION ALL
    SELECT period_code, geo_level, geo_code, 'MALIGNANT', 3, 'ALL', band, sum(events), sum(population)
    FROM by_sex GROUP BY period_code, geo_level, geo_code, band
)
SELECT * FROM final;

CREATE OR REPLACE VIEW mart_cancer_mortality_dsr_esp2013 AS
SELECT a.*, s.weight AS standard_weight
FROM int_cancer_death_age_bands a
JOIN ref_standard_population s ON s.standard_code = 'ESP2013' AND s.age_group_code = a.band;

CREATE OR REPLACE VIEW mart_cancer_mortality_dsr_sweden AS
WITH riket AS (
    SELECT period_code, band, population AS standard_weight
    FROM int_cancer_death_age_bands WHERE geo_level = 'country' AND sex_code = 3
)
SELECT a.*, r.standard_weight
FROM int_cancer_death_age_bands a JOIN riket r USING (period_code, band);

-- Stage at diagnosis for the five sites where early detection is followed (breast, colorectal, lung,
-- melanoma, prostate), adults, by year of diagnosis. Death-certificate-only tumours have no stage
-- and are left out. ALL is the five sites together.
CREATE OR REPLACE VIEW int_staged_tumour AS
WITH tumours AS (
    SELECT t.*, r.diagnosis_code, coalesce(mm.municipality_code, '-') AS split_municipality_code
    FROM stg_tumour t
    JOIN dim_diagnosis_icd10 r ON r.diagnosis_code IN ('BREAST', 'CRC', 'LUNG', 'MEL', 'PROST')
     AND substr(t.icd10_code, 1, length(r.icd10_from)) BETWEEN r.icd10_from AND r.icd10_to
    LEFT JOIN map_municipality_healthcare_region mm ON mm.municipality_code = t.municipality_code AND mm.region_code = t.region_code
    WHERE t.behaviour = 3 AND t.basis_of_diagnosis <> 0 AND t.age_days >= 18 * 365.241
),
final AS (
    SELECT year(t.diagnosis_date)::VARCHAR AS period_code, g.geo_level, g.geo_code, t.diagnosis_code, t.sex_code, g.weight,
           t.stage IN ('I', 'II') AS early, t.stage <> 'unknown' AS staged,
           t.education_code, t.birth_country_code, t.income_code
    FROM tumours t
    JOIN int_geography_bridge g ON g.region_code = t.region_code AND g.split_municipality_code = t.split_municipality_code
)
SELECT * FROM final;

CREATE OR REPLACE VIEW int_stage_counts AS
SELECT period_code, geo_level, geo_code, coalesce(diagnosis_code, 'ALL') AS diagnosis_code, coalesce(sex_code, 3) AS sex_code,
       'ALL' AS age_group_code,
       sum(CASE WHEN early THEN weight ELSE 0 END) AS early, sum(CASE WHEN staged THEN weight ELSE 0 END) AS staged,
       sum(weight) AS tumours
FROM int_staged_tumour
GROUP BY GROUPING SETS ((period_code, geo_level, geo_code, diagnosis_code, sex_code), (period_code, geo_level, geo_code, diagnosis_code),
                        (period_code, geo_level, geo_code, sex_code), (period_code, geo_level, geo_code));

CREATE OR REPLACE VIEW mart_early_stage_share AS
SELECT period_code, geo_level, geo_code, diagnosis_code, sex_code, age_group_code, early AS numerator, staged AS denominator
FROM int_stage_counts WHERE staged > 0;

CREATE OR REPLACE VIEW mart_unknown_stage_share AS
SELECT period_code, geo_level, geo_code, diagnosis_code, sex_code, age_group_code, tumours - staged AS numerator, tumours AS denominator
FROM int_stage_counts WHERE tumours > 0;
