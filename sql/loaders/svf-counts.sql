-- svf-aggregates and waiting-times-skr: counts per region × SVF × period × sex (pathways
-- started, closed by start of treatment, and of those within the maximum lead time). Used for
-- sources that deliver aggregates only, and for SKR/RCC's extract that is reconciled with ours.

-- @typed
SELECT *,
       lb_region(raw_region_code)        AS region_code,
       upper(lb_text(raw_svf_code))      AS svf_code,
       upper(lb_text(raw_period_code))   AS period_code,
       lb_sex(raw_sex_code)              AS sex_code,
       lb_int(raw_started)               AS started,
       lb_int(raw_closed_by_treatment)   AS closed_by_treatment,
       lb_int(raw_within_lead_time)      AS within_lead_time
FROM staging

-- @rule unknown_region
SELECT line_no, 'region_code', raw_region_code, 'not one of the 21 region codes (01–25)'
FROM typed WHERE region_code IS NOT NULL AND NOT lb_is_region(region_code)

-- @rule unknown_svf
SELECT line_no, 'svf_code', raw_svf_code, 'not an SVF code in dim_diagnosis (e.g. BREAST, PROST, CRC)'
FROM typed WHERE svf_code IS NOT NULL AND svf_code NOT IN (SELECT diagnosis_code FROM dim_diagnosis WHERE diagnosis_kind = 'svf')

-- @rule unknown_period
SELECT line_no, 'period_code', raw_period_code, 'not a period 2015–2035 written as 2026, 2026H1, 2026Q3 or 2026-09'
FROM typed WHERE period_code IS NOT NULL AND period_code NOT IN (SELECT period_code FROM dim_period)

-- @rule negative_count
SELECT line_no, 'started', raw_started, 'a count cannot be negative' FROM typed WHERE started < 0
UNION ALL
SELECT line_no, 'closed_by_treatment', raw_closed_by_treatment, 'a count cannot be negative' FROM typed WHERE closed_by_treatment < 0
UNION ALL
SELECT line_no, 'within_lead_time', raw_within_lead_time, 'a count cannot be negative' FROM typed WHERE within_lead_time < 0

-- @rule within_exceeds_closed
SELECT line_no, 'within_lead_time', raw_within_lead_time,
       'more within the lead time than closed by treatment (' || closed_by_treatment || ')'
FROM typed WHERE within_lead_time > closed_by_treatment

-- @period
SELECT min(p.start_date), max(p.end_date) FROM loaded t JOIN dim_period p USING (period_code)
