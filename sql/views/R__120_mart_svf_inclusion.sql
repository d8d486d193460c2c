-- Grain: one row per year × geography × diagnosis (an SVF, or ALL = all SVFs introduced before
-- the year) × sex × age group ('18+'). Inclusion: SVF pathways closed by start of treatment (by
-- year of well-founded suspicion) over new cancer cases in the SVF's diagnoses, adults only
-- (SVF statistics exclude children). New cases come per year, so this indicator exists per year.
-- Inclusion can exceed 1 in a small unit: the numerator and the denominator come from different
-- registers.
CREATE OR REPLACE VIEW mart_svf_inclusion AS
WITH treated AS (
    -- allocated to healthcare regions by population weight, as the new cases are (they carry no
    -- municipality), so numerator and denominator are split by the same rule
    SELECT year(p.suspicion_date)::VARCHAR AS period_code, b.geo_level, b.geo_code, p.svf_code, p.sex_code, b.weight,
           d.introduced_year < year(p.suspicion_date) AS counts_in_all
    FROM stg_svf_pathway p
    JOIN dim_diagnosis d ON d.diagnosis_code = p.svf_code
    JOIN int_geography_bridge b ON b.region_code = p.reporting_region_code AND b.split_municipality_code = '-'
    WHERE p.close_reason_code = 'treatment' AND p.age_years >= 18 AND d.icd10_ranges IS NOT NULL
),
cases AS (
    SELECT c.year::VARCHAR AS period_code, b.geo_level, b.geo_code, r.diagnosis_code AS svf_code, c.sex_code,
           c.cases * b.weight AS cases, d.introduced_year < c.year AS counts_in_all
    FROM stg_new_cases c
    JOIN dim_diagnosis_icd10 r ON substr(c.icd10_code, 1, length(r.icd10_from)) BETWEEN r.icd10_from AND r.icd10_to
    JOIN dim_diagnosis d ON d.diagnosis_code = r.diagnosis_code AND d.diagnosis_kind = 'svf'
    JOIN int_geography_bridge b ON b.region_code = c.region_code AND b.split_municipality_code = '-'
    WHERE c.age_from >= 18
),
-- Per SVF (every SVF), and ALL (the SVFs introduced before the year); each for men, women and both.
-- (Grouped on the source columns first, renamed after: see mart_svf_within_lead_time.)
numerators_grouped AS (
    SELECT period_code, geo_level, geo_code, svf_code, sex_code, sum(weight) AS numerator
    FROM treated
    GROUP BY GROUPING SETS ((period_code, geo_level, geo_code, svf_code, sex_code), (period_code, geo_level, geo_code, svf_code))
    UNION ALL
    SELECT period_code, geo_level, geo_code, NULL, sex_code, sum(weight)
    FROM treated WHERE counts_in_all
    GROUP BY GROUPING SETS ((period_code, geo_level, geo_code, sex_code), (period_code, geo_level, geo_code))
),
numerators AS (
    SELECT period_code, geo_level, geo_code, coalesce(svf_code, 'ALL') AS diagnosis_code, coalesce(sex_code, 3) AS sex_code, numerator
    FROM numerators_grouped
),
denominators_grouped AS (
    SELECT period_code, geo_level, geo_code, svf_code, sex_code, sum(cases) AS denominator
    FROM cases
    GROUP BY GROUPING SETS ((period_code, geo_level, geo_code, svf_code, sex_code), (period_code, geo_level, geo_code, svf_code))
    UNION ALL
    SELECT period_code, geo_level, geo_code, NULL, sex_code, sum(cases)
    FROM cases WHERE counts_in_all
    GROUP BY GROUPING SETS ((period_code, geo_level, geo_code, sex_code), (period_code, geo_level, geo_code))
),
denominators AS (
    SELECT period_code, geo_level, geo_code, coalesce(svf_code, 'ALL') AS diagnosis_code, coalesce(sex_code, 3) AS sex_code, denominator
    FROM denominators_grouped
),
final AS (
    SELECT d.period_code, d.geo_level, d.geo_code, d.diagnosis_code, d.sex_code, '18+' AS age_group_code,
           coalesce(n.numerator, 0) AS numerator, d.denominator
    FROM denominators d
    LEFT JOIN numerators n USING (period_code, geo_level, geo_code, diagnosis_code, sex_code)
)
SELECT * FROM final WHERE denominator > 0;
