-- Lead-time indicators. Common grain of every proportion mart: one row per period × geography
-- (region, healthcare region, Riket) × diagnosis (an SVF, or ALL) × sex (1 men, 2 women, 3 both)
-- × age group (ALL; and five-year bands for all SVFs together), with numerator and denominator
-- (weighted counts: Halland's split makes them fractional at healthcare-region level).

-- Both lead-time proportions at the common grain, counted once. Denominators: pathways whose
-- maximum is known (the others are not evaluable, never "not within").
-- (Grouping happens on the source columns in one step and the totals are named in the next.)
CREATE OR REPLACE VIEW int_svf_lead_time_counts AS
WITH grouped AS (
    SELECT period_code, geo_level, geo_code, svf_code, sex_code, age_band,
           coalesce(sum(weight) FILTER (WHERE within_max), 0) AS within,
           coalesce(sum(weight) FILTER (WHERE exceeds_max_by_half), 0) AS exceeding,
           coalesce(sum(weight) FILTER (WHERE within_max IS NOT NULL), 0) AS evaluable
    FROM int_svf_lead_time_cells
    GROUP BY GROUPING SETS ((period_code, geo_level, geo_code, svf_code, sex_code),
                            (period_code, geo_level, geo_code, svf_code),
                            (period_code, geo_level, geo_code, sex_code),
                            (period_code, geo_level, geo_code),
                            -- age bands for all SVFs together, by sex and for both
                            (period_code, geo_level, geo_code, sex_code, age_band),
                            (period_code, geo_level, geo_code, age_band))
),
final AS (
    SELECT period_code, geo_level, geo_code, coalesce(svf_code, 'ALL') AS diagnosis_code, coalesce(sex_code, 3) AS sex_code,
           coalesce(age_band, 'ALL') AS age_group_code, within, exceeding, evaluable
    FROM grouped
    WHERE evaluable > 0
)
SELECT * FROM final;

-- Share of treated pathways that started treatment within the maximum lead time.
CREATE OR REPLACE VIEW mart_svf_within_lead_time AS
SELECT period_code, geo_level, geo_code, diagnosis_code, sex_code, age_group_code, within AS numerator, evaluable AS denominator
FROM int_svf_lead_time_counts;

-- Share of treated pathways whose lead time exceeded the maximum by more than 50 %.
CREATE OR REPLACE VIEW mart_svf_exceeding_max_by_half AS
SELECT period_code, geo_level, geo_code, diagnosis_code, sex_code, age_group_code, exceeding AS numerator, evaluable AS denominator
FROM int_svf_lead_time_counts;

-- Observations for percentile indicators: one row per treated pathway × geography × period with
-- its lead time in days (weight as above; percentiles use whole pathways, weight > 0).
CREATE OR REPLACE VIEW mart_svf_lead_time_days AS
WITH final AS (
    SELECT period_code, geo_level, geo_code, svf_code AS diagnosis_code, sex_code, 'ALL' AS age_group_code,
           lead_time_days AS observation, weight
    FROM int_svf_lead_time_cells
)
SELECT * FROM final;
