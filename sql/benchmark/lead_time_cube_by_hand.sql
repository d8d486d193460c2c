-- The engine benchmark's baseline: the two lead-time marts (within the maximum; over it by more
-- than 50 %) at every grain, written by hand as one statement straight from the fact table, for
-- a warehouse with one vintage per cell (as the benchmark loads it). Same numbers as
-- int_svf_lead_time_counts.
CREATE OR REPLACE TEMP TABLE bench_lead_time_cube AS
WITH treated AS (
    SELECT p.batch_id, p.pathway_id, p.reporting_region_code, p.patient_municipality_code, p.svf_code, p.sex_code,
           CASE WHEN p.age_years >= 90 THEN '90+'
                ELSE (p.age_years // 5 * 5)::VARCHAR || '-' || (p.age_years // 5 * 5 + 4)::VARCHAR END AS age_band,
           p.closed_date, p.closed_date - p.suspicion_date AS days, p.suspicion_date, p.first_treatment_type_code
    FROM fact_svf_pathway p
    WHERE p.close_reason_code = 'treatment' AND p.closed_date IS NOT NULL
),
chosen AS (
    SELECT t.batch_id, t.pathway_id, d.max_days
    FROM treated t
    JOIN ref_svf_lead_time d ON d.svf_code = t.svf_code AND d.treatment_type_code IN (t.first_treatment_type_code, 'ALL')
     AND t.suspicion_date BETWEEN d.valid_from AND coalesce(d.valid_to, DATE '9999-12-31')
    QUALIFY row_number() OVER (PARTITION BY t.batch_id, t.pathway_id
        ORDER BY (d.treatment_type_code = t.first_treatment_type_code) DESC, (d.investigation IS DISTINCT FROM 'extended') DESC,
                 (d.variant IS NULL) DESC, d.lead_time_id) = 1
),
flagged AS (
    SELECT t.*, CASE WHEN c.max_days IS NOT NULL THEN t.days <= c.max_days END AS within_max,
           CASE WHEN c.max_days IS NOT NULL THEN t.days > 1.5 * c.max_days END AS exceeds_max_by_half,
           coalesce(mm.municipality_code, '-') AS split
    FROM treated t
    LEFT JOIN chosen c USING (batch_id, pathway_id)
    LEFT JOIN map_municipality_healthcare_region mm ON mm.municipality_code = t.patient_municipality_code AND mm.region_code = t.reporting_region_code
),
placed AS (
    SELECT f.*, g.geo_level, g.geo_code, g.weight,
           unnest([strftime(f.closed_date, '%Y'), strftime(f.closed_date, '%Y') || 'H' || CASE WHEN month(f.closed_date) <= 6 THEN '1' ELSE '2' END,
                   strftime(f.closed_date, '%Y') || 'Q' || quarter(f.closed_date), strftime(f.closed_date, '%Y-%m')]) AS period_code
    FROM flagged f
    JOIN int_geography_bridge g ON g.region_code = f.reporting_region_code AND g.split_municipality_code = f.split
)
SELECT period_code, geo_level, geo_code, coalesce(svf_code, 'ALL') AS diagnosis_code, coalesce(sex, 3) AS sex_code,
       coalesce(age_band, 'ALL') AS age_group_code,
       coalesce(sum(weight) FILTER (WHERE within_max), 0) AS within,
       coalesce(sum(weight) FILTER (WHERE exceeds_max_by_half), 0) AS exceeding,
       coalesce(sum(weight) FILTER (WHERE within_max IS NOT NULL), 0) AS evaluable
FROM (SELECT placed.*, sex_code AS sex FROM placed)
GROUP BY GROUPING SETS ((period_code, geo_level, geo_code, svf_code, sex), (period_code, geo_level, geo_code, svf_code),
                        (period_code, geo_level, geo_code, sex), (period_code, geo_level, geo_code),
                        (period_code, geo_level, geo_code, sex, age_band), (period_code, geo_level, geo_code, age_band))
HAVING coalesce(sum(weight) FILTER (WHERE within_max IS NOT NULL), 0) > 0
