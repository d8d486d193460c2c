-- Grain: one row per year × geography × diagnosis group × sex × age group. New cancer cases
-- (all malignant tumours except non-melanoma skin: site group MALIGNANT) per population, for
-- the crude rate per 100 000; children (0–17) and adults (18+) separately and together (ALL).
CREATE OR REPLACE VIEW mart_new_cases_rate AS
WITH cases AS (
    SELECT c.year::VARCHAR AS period_code, b.geo_level, b.geo_code, c.sex_code,
           CASE WHEN c.age_to IS NOT NULL AND c.age_to <= 17 THEN '0-17' WHEN c.age_from >= 18 THEN '18+' END AS age_group_code,
           c.cases * b.weight AS cases
    FROM stg_new_cases c
    JOIN dim_diagnosis_icd10 r ON r.diagnosis_code = 'MALIGNANT'
     AND substr(c.icd10_code, 1, length(r.icd10_from)) BETWEEN r.icd10_from AND r.icd10_to
    JOIN int_geography_bridge b ON b.region_code = c.region_code AND b.split_municipality_code = '-'
),
people AS (
    SELECT p.year::VARCHAR AS period_code, b.geo_level, b.geo_code, p.sex_code,
           CASE WHEN p.age_to IS NOT NULL AND p.age_to <= 17 THEN '0-17' WHEN p.age_from >= 18 THEN '18+' END AS age_group_code,
           p.population * b.weight AS population
    FROM int_population_year p
    JOIN int_geography_bridge b ON b.region_code = p.region_code AND b.split_municipality_code = '-'
),
numerators_grouped AS (
    SELECT period_code, geo_level, geo_code, sex_code, age_group_code, sum(cases) AS numerator, grouping(age_group_code) AS all_ages
    FROM cases GROUP BY GROUPING SETS ((period_code, geo_level, geo_code, sex_code, age_group_code), (period_code, geo_level, geo_code, sex_code),
                                       (period_code, geo_level, geo_code, age_group_code), (period_code, geo_level, geo_code))
),
numerators AS (
    SELECT period_code, geo_level, geo_code, coalesce(sex_code, 3) AS sex_code,
           CASE WHEN all_ages = 1 THEN 'ALL' ELSE age_group_code END AS age_group_code, numerator
    FROM numerators_grouped
),
denominators_grouped AS (
    SELECT period_code, geo_level, geo_code, sex_code, age_group_code, sum(population) AS denominator, grouping(age_group_code) AS all_ages
    FROM people GROUP BY GROUPING SETS ((period_code, geo_level, geo_code, sex_code, age_group_code), (period_code, geo_level, geo_code, sex_code),
                                        (period_code, geo_level, geo_code, age_group_code), (period_code, geo_level, geo_code))
),
denominators AS (
    SELECT period_code, geo_level, geo_code, coalesce(sex_code, 3) AS sex_code,
           CASE WHEN all_ages = 1 THEN 'ALL' ELSE age_group_code END AS age_group_code, denominator
    FROM denominators_grouped
),
final AS (
    SELECT d.period_code, d.geo_level, d.geo_code, 'MALIGNANT' AS diagnosis_code, d.sex_code, d.age_group_code,
           coalesce(n.numerator, 0) AS numerator, d.denominator
    FROM denominators d LEFT JOIN numerators n USING (period_code, geo_level, geo_code, sex_code, age_group_code)
    WHERE d.age_group_code IS NOT NULL
)
SELECT * FROM final WHERE denominator > 0;

-- Grain: one row per period × geography × SVF group × sex: PREM positive answers over
-- respondents, all questions together (PREM is reported per region, so geography rolls up
-- through the bridge like every other region figure; a delivered period also counts in the
-- longer periods that contain it: a half-year in its year).
CREATE OR REPLACE VIEW mart_prem_positive AS
WITH periods AS (
    SELECT period_code AS delivered, unnest(list_distinct(list_filter([period_code, quarter_code, half_code, year_code], lambda x: x IS NOT NULL)))
           AS period_code
    FROM dim_period
),
answers AS (
    SELECT d.period_code, b.geo_level, b.geo_code, p.svf_group, p.sex_code,
           p.positive_answers * b.weight AS positive, p.respondents * b.weight AS respondents
    FROM stg_prem p
    JOIN periods d ON d.delivered = p.period_code
    JOIN int_geography_bridge b ON b.region_code = p.region_code AND b.split_municipality_code = '-'
),
grouped AS (
    SELECT period_code, geo_level, geo_code, svf_group, sex_code, sum(positive) AS numerator, sum(respondents) AS denominator
    FROM answers
    WHERE sex_code IN (1, 2)
    GROUP BY GROUPING SETS ((period_code, geo_level, geo_code, svf_group, sex_code), (period_code, geo_level, geo_code, svf_group))
    UNION ALL
    SELECT period_code, geo_level, geo_code, svf_group, 3, sum(positive), sum(respondents)
    FROM answers WHERE sex_code = 3
    GROUP BY period_code, geo_level, geo_code, svf_group
),
final AS (
    SELECT period_code, geo_level, geo_code, svf_group AS diagnosis_code, coalesce(sex_code, 3) AS sex_code, 'ALL' AS age_group_code,
           numerator, denominator
    FROM grouped
)
SELECT * FROM final WHERE denominator > 0;
