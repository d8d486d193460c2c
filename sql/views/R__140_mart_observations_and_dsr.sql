-- Observation marts for percentile indicators: one row per observation × period × geography
-- (with the sex and diagnosis it belongs to). Contract: period_code, geo_level, geo_code,
-- diagnosis_code, sex_code, age_group_code, observation (days). Percentiles count each pathway
-- once in each unit it counts in (Halland's pathways without a municipality in both halves).

-- Days from well-founded suspicion to closure for pathways closed without treatment (suspicion
-- dropped or another reason), by the period of closure.
CREATE OR REPLACE VIEW mart_svf_days_to_close_untreated AS
WITH closed AS (
    SELECT g.*, (g.closed_date - g.suspicion_date) AS days
    FROM int_svf_pathway_geography g
    WHERE g.close_reason_code IN ('dropped', 'other') AND g.closed_date IS NOT NULL AND g.weight > 0
),
final AS (
    SELECT unnest([strftime(closed_date, '%Y'),
                   strftime(closed_date, '%Y') || 'H' || CASE WHEN month(closed_date) <= 6 THEN '1' ELSE '2' END,
                   strftime(closed_date, '%Y') || 'Q' || quarter(closed_date),
                   strftime(closed_date, '%Y-%m')]) AS period_code,
           geo_level, geo_code, svf_code AS diagnosis_code, sex_code, 'ALL' AS age_group_code, days AS observation
    FROM closed
)
SELECT * FROM final;

-- Lead times in days of treated pathways (see int_svf_lead_time_cells).
CREATE OR REPLACE VIEW mart_svf_lead_time_observations AS
WITH final AS (
    SELECT period_code, geo_level, geo_code, svf_code AS diagnosis_code, sex_code, 'ALL' AS age_group_code,
           lead_time_days AS observation
    FROM int_svf_lead_time_cells
    WHERE weight > 0
)
SELECT * FROM final;

-- Age bands for direct standardisation. Contract: period_code, geo_level, geo_code,
-- diagnosis_code, sex_code, age_group_code ('ALL'), band, events, population, standard_weight.
-- A fact's ages fall in the ESP2013 band that holds its first year (an open 85+ band goes to
-- 85-89). Two standards: the 2013 European Standard Population, and Sweden's own population of
-- the same year (Socialstyrelsen's practice).
CREATE OR REPLACE VIEW int_new_cases_age_bands AS
WITH bands AS (
    SELECT age_group_code AS band, min_age, coalesce(max_age, 200) AS max_age
    FROM dim_age_group WHERE age_group_kind = 'band'
),
cases AS (
    SELECT c.year::VARCHAR AS period_code, g.geo_level, g.geo_code, c.sex_code, b.band, c.cases * g.weight AS events
    FROM stg_new_cases c
    JOIN dim_diagnosis_icd10 r ON r.diagnosis_code = 'MALIGNANT'
     AND substr(c.icd10_code, 1, length(r.icd10_from)) BETWEEN r.icd10_from AND r.icd10_to
    JOIN bands b ON c.age_from BETWEEN b.min_age AND b.max_age
    JOIN int_geography_bridge g ON g.region_code = c.region_code AND g.split_municipality_code = '-'
),
people AS (
    SELECT p.year::VARCHAR AS period_code, g.geo_level, g.geo_code, p.sex_code, b.band, p.population * g.weight AS population
    FROM int_population_year p
    JOIN bands b ON p.age_from BETWEEN b.min_age AND b.max_age
    JOIN int_geography_bridge g ON g.region_code = p.region_code AND g.split_municipality_code = '-'
),
events_by_sex AS (
    SELECT period_code, geo_level, geo_code, sex_code, band, sum(events) AS events FROM cases GROUP BY ALL
    UNION ALL
    SELECT period_code, geo_level, geo_code, 3, band, sum(events) FROM cases GROUP BY period_code, geo_level, geo_code, band
),
population_by_sex AS (
    SELECT period_code, geo_level, geo_code, sex_code, band, sum(population) AS population FROM people GROUP BY ALL
    UNION ALL
    SELECT period_code, geo_level, geo_code, 3, band, sum(population) FROM people GROUP BY period_code, geo_level, geo_code, band
),
final AS (
    SELECT p.period_code, p.geo_level, p.geo_code, 'MALIGNANT' AS diagnosis_code, p.sex_code, 'ALL' AS age_group_code, p.band,
           coalesce(e.events, 0) AS events, p.population
    FROM population_by_sex p
    LEFT JOIN events_by_sex e USING (period_code, geo_level, geo_code, sex_code, band)
)
SELECT * FROM final;

CREATE OR REPLACE VIEW mart_new_cases_dsr_esp2013 AS
WITH final AS (
    SELECT a.*, s.weight AS standard_weight
    FROM int_new_cases_age_bands a
    JOIN ref_standard_population s ON s.standard_code = 'ESP2013' AND s.age_group_code = a.band
)
SELECT * FROM final;

CREATE OR REPLACE VIEW mart_new_cases_dsr_sweden AS
WITH riket AS (
    SELECT period_code, band, population AS standard_weight
    FROM int_new_cases_age_bands WHERE geo_level = 'country' AND sex_code = 3
),
final AS (
    SELECT a.*, r.standard_weight
    FROM int_new_cases_age_bands a JOIN riket r USING (period_code, band)
)
SELECT * FROM final;

-- Children's cancer incidence: new malignant tumours in 0–17-year-olds per 100 000 children.
CREATE OR REPLACE VIEW mart_child_cancer_rate AS
SELECT * FROM mart_new_cases_rate WHERE age_group_code = '0-17';
