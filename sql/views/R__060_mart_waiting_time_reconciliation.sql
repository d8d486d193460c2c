-- Grain: one row per cell of SKR/RCC's current waiting-time extract (region × SVF × period × sex),
-- with SKR's counts beside the same counts computed from our pathway records:
--   started             pathways whose well-founded suspicion falls in the period;
--   closed_by_treatment pathways whose first treatment started in the period;
--   within_lead_time    of those, within the maximum lead time (int_svf_pathway_lead_time).
-- Sex 3 is both sexes. Differences are SKR minus ours.
CREATE OR REPLACE VIEW mart_waiting_time_reconciliation AS
WITH skr AS (
    SELECT s.region_code, s.svf_code, s.period_code, s.sex_code, s.started, s.closed_by_treatment,
           s.within_lead_time, s.batch_id, p.year, p.start_date, p.end_date
    FROM stg_external_waiting_time s
    JOIN dim_period p USING (period_code)
),
ours_started AS (
    SELECT s.region_code, s.svf_code, s.period_code, s.sex_code, count(f.pathway_id) AS started
    FROM skr s
    LEFT JOIN stg_svf_pathway f
           ON f.reporting_region_code = s.region_code AND f.svf_code = s.svf_code
          AND (s.sex_code = 3 OR f.sex_code = s.sex_code)
          AND f.suspicion_date BETWEEN s.start_date AND s.end_date
    GROUP BY ALL
),
ours_treated AS (
    SELECT s.region_code, s.svf_code, s.period_code, s.sex_code,
           count(l.pathway_id) AS closed_by_treatment,
           count(l.pathway_id) FILTER (WHERE l.within_max) AS within_lead_time
    FROM skr s
    LEFT JOIN int_svf_pathway_lead_time l
           ON l.reporting_region_code = s.region_code AND l.svf_code = s.svf_code
          AND (s.sex_code = 3 OR l.sex_code = s.sex_code)
          AND l.closed_date BETWEEN s.start_date AND s.end_date
    GROUP BY ALL
),
final AS (
    SELECT s.year, s.region_code, s.svf_code, s.period_code, s.sex_code, s.batch_id AS skr_batch_id,
           s.started AS skr_started, o.started AS our_started, s.started - o.started AS started_difference,
           s.closed_by_treatment AS skr_closed_by_treatment, t.closed_by_treatment AS our_closed_by_treatment,
           s.closed_by_treatment - t.closed_by_treatment AS closed_by_treatment_difference,
           s.within_lead_time AS skr_within_lead_time, t.within_lead_time AS our_within_lead_time,
           s.within_lead_time - t.within_lead_time AS within_lead_time_difference
    FROM skr s
    JOIN ours_started o USING (region_code, svf_code, period_code, sex_code)
    JOIN ours_treated t USING (region_code, svf_code, period_code, sex_code)
)
SELECT * FROM final;
