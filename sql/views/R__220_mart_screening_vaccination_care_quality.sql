-- The indicators of screening, HPV vaccination, care quality and quality of life (issue 25).
-- Every source counts per region and year by sex (women and men); geography rolls up through the
-- bridge like every other region figure, and both sexes (3), all programmes and all ages (ALL)
-- are sums here.

-- Grain: one row per indicator × year × region × diagnosis × sex × age group, sexes 1 and 2,
-- as delivered: a count and its base. The screening programme is the diagnosis it looks for.
-- A screening delivery may split a cell by country of birth or education (NULL when it does not).
CREATE OR REPLACE VIEW int_goal_share_counts AS
SELECT 'screening_participation' AS indicator_code, year::VARCHAR AS period_code, region_code, programme_code AS diagnosis_code,
       sex_code, age_group_code, screened AS numerator, invited AS denominator, birth_country_code, education_code
FROM stg_screening WHERE invited IS NOT NULL
UNION ALL
SELECT 'screening_coverage', year::VARCHAR, region_code, programme_code, sex_code, age_group_code, covered, target_population,
       birth_country_code, education_code
FROM stg_screening WHERE target_population IS NOT NULL
UNION ALL
SELECT 'hpv_vaccination_one_dose', (birth_year + 13)::VARCHAR, region_code, 'ALL', sex_code, 'ALL', one_dose, cohort_size, NULL, NULL
FROM stg_hpv_vaccination
UNION ALL
SELECT 'hpv_vaccination_full', (birth_year + 13)::VARCHAR, region_code, 'ALL', sex_code, 'ALL', full_doses, cohort_size, NULL, NULL
FROM stg_hpv_vaccination
UNION ALL
SELECT m.indicator_code, q.year::VARCHAR, q.region_code, 'ALL', q.sex_code, 'ALL', q.met, q.eligible, NULL, NULL
FROM stg_care_quality q JOIN ref_care_quality_measure m USING (measure_code);

-- Grain: one row per indicator × period × geography × diagnosis × sex × age group, with both
-- sexes (3), all programmes and all ages (ALL) summed; the common contract of a share's mart.
CREATE OR REPLACE VIEW int_goal_shares AS
WITH weighted AS (
    SELECT c.indicator_code, c.period_code, b.geo_level, b.geo_code, c.diagnosis_code, c.sex_code, c.age_group_code,
           c.numerator * b.weight AS numerator, c.denominator * b.weight AS denominator
    FROM int_goal_share_counts c
    JOIN int_geography_bridge b ON b.region_code = c.region_code AND b.split_municipality_code = '-'
),
grouped AS (
    SELECT indicator_code, period_code, geo_level, geo_code, diagnosis_code, sex_code, age_group_code,
           grouping(diagnosis_code) AS all_diagnoses, grouping(age_group_code) AS all_ages,
           sum(numerator) AS numerator, sum(denominator) AS denominator
    FROM weighted
    GROUP BY indicator_code, period_code, geo_level, geo_code, CUBE (diagnosis_code, sex_code, age_group_code)
),
final AS (
    SELECT indicator_code, period_code, geo_level, geo_code,
           CASE WHEN all_diagnoses = 1 THEN 'ALL' ELSE diagnosis_code END AS diagnosis_code, coalesce(sex_code, 3) AS sex_code,
           CASE WHEN all_ages = 1 THEN 'ALL' ELSE age_group_code END AS age_group_code, numerator, denominator
    FROM grouped
    -- a source without programmes or age bands delivers ALL: its rolled-up row is the one kept
    WHERE (all_diagnoses = 1 OR diagnosis_code <> 'ALL') AND (all_ages = 1 OR age_group_code <> 'ALL')
)
SELECT * FROM final WHERE denominator > 0;

CREATE OR REPLACE VIEW mart_screening_participation AS
SELECT * EXCLUDE (indicator_code) FROM int_goal_shares WHERE indicator_code = 'screening_participation';
CREATE OR REPLACE VIEW mart_screening_coverage AS
SELECT * EXCLUDE (indicator_code) FROM int_goal_shares WHERE indicator_code = 'screening_coverage';
CREATE OR REPLACE VIEW mart_hpv_vaccination_one_dose AS
SELECT * EXCLUDE (indicator_code) FROM int_goal_shares WHERE indicator_code = 'hpv_vaccination_one_dose';
CREATE OR REPLACE VIEW mart_hpv_vaccination_full AS
SELECT * EXCLUDE (indicator_code) FROM int_goal_shares WHERE indicator_code = 'hpv_vaccination_full';
CREATE OR REPLACE VIEW mart_eol_conversation AS
SELECT * EXCLUDE (indicator_code) FROM int_goal_shares WHERE indicator_code = 'eol_conversation';
CREATE OR REPLACE VIEW mart_eol_pain_assessed AS
SELECT * EXCLUDE (indicator_code) FROM int_goal_shares WHERE indicator_code = 'eol_pain_assessed';
CREATE OR REPLACE VIEW mart_eol_mouth_assessed AS
SELECT * EXCLUDE (indicator_code) FROM int_goal_shares WHERE indicator_code = 'eol_mouth_assessed';
CREATE OR REPLACE VIEW mart_eol_preferred_place AS
SELECT * EXCLUDE (indicator_code) FROM int_goal_shares WHERE indicator_code = 'eol_preferred_place';
CREATE OR REPLACE VIEW mart_rehab_need_assessed AS
SELECT * EXCLUDE (indicator_code) FROM int_goal_shares WHERE indicator_code = 'rehab_need_assessed';
CREATE OR REPLACE VIEW mart_late_effects_followup AS
SELECT * EXCLUDE (indicator_code) FROM int_goal_shares WHERE indicator_code = 'late_effects_followup';

-- Grain: one row per year × geography × sex (diagnosis and age ALL): quality of life on the
-- global health scale (QL2) as a mean's sums, from each delivered cell's respondents n, mean m
-- and standard deviation s: Σx = n·m, Σx² = (n − 1)·s² + n·m² (the sample variance's identity).
-- Each cell's sums are rounded to 1e-6 and added as decimals: a sum of doubles depends on the order
-- DuckDB's threads add them in, and the yearly report must come out the same byte for byte.
CREATE OR REPLACE VIEW mart_qol_global_health AS
WITH weighted AS (
    SELECT q.year::VARCHAR AS period_code, b.geo_level, b.geo_code, q.sex_code,
           q.respondents * b.weight AS n,
           round(q.respondents * q.mean_score * b.weight, 6)::DECIMAL(38, 6) AS total,
           round(((q.respondents - 1) * q.sd_score * q.sd_score + q.respondents * q.mean_score * q.mean_score) * b.weight, 6)::DECIMAL(38, 6)
               AS squares
    FROM stg_quality_of_life q
    JOIN int_geography_bridge b ON b.region_code = q.region_code AND b.split_municipality_code = '-'
    WHERE q.scale_code = 'QL2'
),
final AS (
    SELECT period_code, geo_level, geo_code, 'ALL' AS diagnosis_code, coalesce(sex_code, 3) AS sex_code, 'ALL' AS age_group_code,
           sum(n)::DOUBLE AS observation_count, sum(total)::DOUBLE AS observation_sum, sum(squares)::DOUBLE AS observation_sum_squares
    FROM weighted
    GROUP BY period_code, geo_level, geo_code, ROLLUP (sex_code)
)
SELECT * FROM final WHERE observation_count > 0;
