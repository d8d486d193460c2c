-- Indicators by population group (issue 26): education, country of birth and income, where the
-- indicator's source carries them. Contract: an indicator's mart MART has beside it MART_groups,
-- the same columns and grain, with age_group_code = 'dimension:group' (e.g. 'education:FGY')
-- instead of an age group, at all ages. The engine, disclosure control (one pattern with the
-- indicator's other cells: the groups add up to the all-ages cell, along every other hierarchy)
-- and the API read it as cells of the group's own. A delivery without the dimension (NULL)
-- contributes to no group, so the groups then add up to less than the total.

-- Grain: one row per staged-tumour cell × dimension × group, both sexes and ALL summed.
CREATE OR REPLACE VIEW int_stage_group_counts AS
WITH long AS (
    SELECT period_code, geo_level, geo_code, diagnosis_code, sex_code, weight, early, staged,
           'education' AS dimension_code, education_code AS group_code
    FROM int_staged_tumour WHERE education_code IS NOT NULL
    UNION ALL
    SELECT period_code, geo_level, geo_code, diagnosis_code, sex_code, weight, early, staged, 'birth_country', birth_country_code
    FROM int_staged_tumour WHERE birth_country_code IS NOT NULL
    UNION ALL
    SELECT period_code, geo_level, geo_code, diagnosis_code, sex_code, weight, early, staged, 'income', income_code
    FROM int_staged_tumour WHERE income_code IS NOT NULL
)
SELECT period_code, geo_level, geo_code, coalesce(diagnosis_code, 'ALL') AS diagnosis_code, coalesce(sex_code, 3) AS sex_code,
       dimension_code || ':' || group_code AS age_group_code,
       sum(CASE WHEN early THEN weight ELSE 0 END) AS early, sum(CASE WHEN staged THEN weight ELSE 0 END) AS staged,
       sum(weight) AS tumours
FROM long
GROUP BY GROUPING SETS ((period_code, geo_level, geo_code, dimension_code, group_code, diagnosis_code, sex_code),
                        (period_code, geo_level, geo_code, dimension_code, group_code, diagnosis_code),
                        (period_code, geo_level, geo_code, dimension_code, group_code, sex_code),
                        (period_code, geo_level, geo_code, dimension_code, group_code));

CREATE OR REPLACE VIEW mart_early_stage_share_groups AS
SELECT period_code, geo_level, geo_code, diagnosis_code, sex_code, age_group_code, early AS numerator, staged AS denominator
FROM int_stage_group_counts WHERE staged > 0;

CREATE OR REPLACE VIEW mart_unknown_stage_share_groups AS
SELECT period_code, geo_level, geo_code, diagnosis_code, sex_code, age_group_code, tumours - staged AS numerator, tumours AS denominator
FROM int_stage_group_counts WHERE tumours > 0;

-- Screening by country of birth and education (issue 26), from the screening deliveries that split
-- their cells so. Grain as int_goal_shares, the group where the age group stands, programmes (the
-- diagnosis) and both sexes summed.
CREATE OR REPLACE VIEW int_goal_share_groups AS
WITH long AS (
    SELECT indicator_code, period_code, region_code, diagnosis_code, sex_code, numerator, denominator,
           'birth_country' AS dimension_code, birth_country_code AS group_code
    FROM int_goal_share_counts WHERE birth_country_code IS NOT NULL
    UNION ALL
    SELECT indicator_code, period_code, region_code, diagnosis_code, sex_code, numerator, denominator, 'education', education_code
    FROM int_goal_share_counts WHERE education_code IS NOT NULL
),
weighted AS (
    SELECT l.indicator_code, l.period_code, b.geo_level, b.geo_code, l.diagnosis_code, l.sex_code, l.dimension_code, l.group_code,
           l.numerator * b.weight AS numerator, l.denominator * b.weight AS denominator
    FROM long l
    JOIN int_geography_bridge b ON b.region_code = l.region_code AND b.split_municipality_code = '-'
),
grouped AS (
    SELECT indicator_code, period_code, geo_level, geo_code, dimension_code, group_code, diagnosis_code, sex_code,
           grouping(diagnosis_code) AS all_diagnoses, sum(numerator) AS numerator, sum(denominator) AS denominator
    FROM weighted
    GROUP BY indicator_code, period_code, geo_level, geo_code, dimension_code, group_code, CUBE (diagnosis_code, sex_code)
)
SELECT indicator_code, period_code, geo_level, geo_code, CASE WHEN all_diagnoses = 1 THEN 'ALL' ELSE diagnosis_code END AS diagnosis_code,
       coalesce(sex_code, 3) AS sex_code, dimension_code || ':' || group_code AS age_group_code, numerator, denominator
FROM grouped
WHERE denominator > 0;

CREATE OR REPLACE VIEW mart_screening_participation_groups AS
SELECT * EXCLUDE (indicator_code) FROM int_goal_share_groups WHERE indicator_code = 'screening_participation';

CREATE OR REPLACE VIEW mart_screening_coverage_groups AS
SELECT * EXCLUDE (indicator_code) FROM int_goal_share_groups WHERE indicator_code = 'screening_coverage';

-- Lead times by education and country of birth (issue 26), from the pathway deliveries that carry
-- them. Grain as int_svf_lead_time_counts at all ages, the group where the age group stands, by
-- year only: months, quarters and half-years by group would be small cells that add nothing to
-- the comparison of groups and would cost disclosure control complements in the yearly cells.
CREATE OR REPLACE VIEW int_svf_lead_time_group_counts AS
WITH long AS (
    SELECT period_code, geo_level, geo_code, svf_code, sex_code, weight, within_max, exceeds_max_by_half,
           'education' AS dimension_code, education_code AS group_code
    FROM int_svf_lead_time_cells WHERE education_code IS NOT NULL AND length(period_code) = 4
    UNION ALL
    SELECT period_code, geo_level, geo_code, svf_code, sex_code, weight, within_max, exceeds_max_by_half, 'birth_country', birth_country_code
    FROM int_svf_lead_time_cells WHERE birth_country_code IS NOT NULL AND length(period_code) = 4
),
grouped AS (
    SELECT period_code, geo_level, geo_code, dimension_code, group_code, svf_code, sex_code,
           coalesce(sum(weight) FILTER (WHERE within_max), 0) AS within,
           coalesce(sum(weight) FILTER (WHERE exceeds_max_by_half), 0) AS exceeding,
           coalesce(sum(weight) FILTER (WHERE within_max IS NOT NULL), 0) AS evaluable
    FROM long
    GROUP BY period_code, geo_level, geo_code, dimension_code, group_code, CUBE (svf_code, sex_code)
)
SELECT period_code, geo_level, geo_code, coalesce(svf_code, 'ALL') AS diagnosis_code, coalesce(sex_code, 3) AS sex_code,
       dimension_code || ':' || group_code AS age_group_code, within, exceeding, evaluable
FROM grouped
WHERE evaluable > 0;

CREATE OR REPLACE VIEW mart_svf_within_lead_time_groups AS
SELECT period_code, geo_level, geo_code, diagnosis_code, sex_code, age_group_code, within AS numerator, evaluable AS denominator
FROM int_svf_lead_time_group_counts;

CREATE OR REPLACE VIEW mart_svf_exceeding_max_by_half_groups AS
SELECT period_code, geo_level, geo_code, diagnosis_code, sex_code, age_group_code, exceeding AS numerator, evaluable AS denominator
FROM int_svf_lead_time_group_counts;

-- Lead times in days by education and country of birth (the percentiles and the mean), as
-- mart_svf_lead_time_observations: one row per treated pathway × unit × year × dimension.
CREATE OR REPLACE VIEW mart_svf_lead_time_observations_groups AS
SELECT period_code, geo_level, geo_code, svf_code AS diagnosis_code, sex_code, 'education:' || education_code AS age_group_code,
       lead_time_days AS observation
FROM int_svf_lead_time_cells WHERE weight > 0 AND education_code IS NOT NULL AND length(period_code) = 4
UNION ALL
SELECT period_code, geo_level, geo_code, svf_code, sex_code, 'birth_country:' || birth_country_code, lead_time_days
FROM int_svf_lead_time_cells WHERE weight > 0 AND birth_country_code IS NOT NULL AND length(period_code) = 4;
