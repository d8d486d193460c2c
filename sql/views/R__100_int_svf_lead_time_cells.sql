-- Grain: one row per treated pathway (current vintage) × geography unit × period (month, quarter,
-- half-year, year) of its start of treatment, with the weight it counts with there (Halland's
-- split). Lead-time statistics follow the month treatment started, as RCC reports them.
CREATE OR REPLACE VIEW int_svf_lead_time_cells AS
WITH treated AS (
    SELECT l.batch_id, l.pathway_id, l.reporting_region_code, l.svf_code, l.sex_code, l.age_years,
           -- the patient's five-year age band (dim_age_group's bands; 90+ at the top)
           CASE WHEN l.age_years >= 90 THEN '90+'
                ELSE (l.age_years // 5 * 5)::VARCHAR || '-' || (l.age_years // 5 * 5 + 4)::VARCHAR END AS age_band,
           l.closed_date,
           l.lead_time_days, l.max_days, l.within_max, l.exceeds_max_by_half, l.education_code, l.birth_country_code,
           coalesce(mm.municipality_code, '-') AS split_municipality_code
    FROM int_svf_pathway_lead_time l
    LEFT JOIN map_municipality_healthcare_region mm
           ON mm.municipality_code = l.patient_municipality_code AND mm.region_code = l.reporting_region_code
),
placed AS (
    -- placed through the bridge as int_svf_pathway_geography places every pathway
    SELECT t.*, g.geo_level, g.geo_code, g.weight
    FROM treated t
    JOIN int_geography_bridge g ON g.region_code = t.reporting_region_code AND g.split_municipality_code = t.split_municipality_code
),
final AS (
    SELECT p.*, unnest([strftime(p.closed_date, '%Y'),
                        strftime(p.closed_date, '%Y') || 'H' || CASE WHEN month(p.closed_date) <= 6 THEN '1' ELSE '2' END,
                        strftime(p.closed_date, '%Y') || 'Q' || quarter(p.closed_date),
                        strftime(p.closed_date, '%Y-%m')]) AS period_code
    FROM placed p
)
SELECT * FROM final;
