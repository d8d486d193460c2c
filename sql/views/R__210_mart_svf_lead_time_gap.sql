-- Lead times not met. Grain: period × geography (region, Riket) × SVF (or ALL) × sex (1, 2, 3),
-- age groups together. Against the national lead-time target valid at the period's end (80 %):
--   gap_pp:       target − share within the maximum, in percentage points (0 when met);
--   gap_patients: how many more patients would have had to start treatment within the maximum
--                 for the cell to reach the target, ceil(target·n − within) (0 when met);
--   exceeding_share: share whose lead time exceeded the maximum by more than 50 %.
-- Counts are the lead-time marts' own (int_svf_lead_time_counts), so the figures agree with them.
CREATE OR REPLACE VIEW mart_svf_lead_time_gap AS
WITH cells AS (
    SELECT c.period_code, c.geo_level, c.geo_code, c.diagnosis_code AS svf_code, c.sex_code,
           c.evaluable AS patients, c.within, c.exceeding, p.end_date
    FROM int_svf_lead_time_counts c
    JOIN dim_period p ON p.period_code = c.period_code
    WHERE c.geo_level IN ('region', 'country') AND c.age_group_code = 'ALL'
),
final AS (
    SELECT c.period_code, c.geo_level, c.geo_code, r.name_sv AS geo_name_sv, c.svf_code, c.sex_code, c.patients, c.within,
           c.exceeding, c.within / c.patients AS within_share, t.threshold::DOUBLE AS target,
           greatest(0, t.threshold::DOUBLE - c.within / c.patients) * 100 AS gap_pp,
           greatest(0, ceil(round(t.threshold::DOUBLE * c.patients - c.within, 9)))::BIGINT AS gap_patients,
           c.exceeding / c.patients AS exceeding_share
    FROM cells c
    JOIN dim_region r ON r.region_code = c.geo_code
    JOIN ref_national_target t
      ON t.target_code = 'SVF_LEAD_TIME' AND c.end_date BETWEEN t.valid_from AND coalesce(t.valid_to, DATE '9999-12-31')
)
SELECT * FROM final;
