-- Completeness of the regions' reporting, for the feedback Socialstyrelsen gives a region whose
-- reporting is incomplete.

-- Grain: one row per region × month (2015–2035): current pathway records reported for the month
-- (by date of well-founded suspicion); 0 when none.
CREATE OR REPLACE VIEW mart_reporting_month AS
WITH months AS (
    SELECT r.region_code, p.period_code, p.year, p.start_date, p.end_date
    FROM dim_region r CROSS JOIN dim_period p
    WHERE r.region_level = 'region' AND p.period_type = 'month'
),
records AS (
    SELECT reporting_region_code AS region_code, strftime(suspicion_date, '%Y-%m') AS period_code, count(*) AS records
    FROM stg_svf_pathway
    GROUP BY ALL
),
final AS (
    SELECT m.region_code, m.period_code, m.year, m.start_date, m.end_date, coalesce(r.records, 0) AS records
    FROM months m LEFT JOIN records r USING (region_code, period_code)
)
SELECT * FROM final;

-- Grain: one row per region × year × SVF introduced in or before that year: current pathway
-- records for the year; 0 when none.
CREATE OR REPLACE VIEW mart_reporting_svf AS
WITH cells AS (
    SELECT r.region_code, y.year, d.diagnosis_code AS svf_code, d.name_sv AS svf_name_sv
    FROM dim_region r
    CROSS JOIN (SELECT year FROM dim_period WHERE period_type = 'year') y
    JOIN dim_diagnosis d ON d.diagnosis_kind = 'svf' AND d.introduced_year <= y.year
    WHERE r.region_level = 'region'
),
records AS (
    SELECT reporting_region_code AS region_code, year(suspicion_date) AS year, svf_code, count(*) AS records
    FROM stg_svf_pathway
    GROUP BY ALL
),
final AS (
    SELECT c.region_code, c.year, c.svf_code, c.svf_name_sv, coalesce(r.records, 0) AS records
    FROM cells c LEFT JOIN records r USING (region_code, year, svf_code)
)
SELECT * FROM final;
