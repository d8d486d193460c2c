-- Special investments (särskilda satsningar). Grain: year × area × RCC (healthcare region).
--   passed_on_share:   passed_on_sek / allocated_sek, what the RCC passed on of the money it got;
--   projects:          number of granted projects (and their sum and list);
--   population_share:  the RCC's share of Sweden's population (Halland split by its weights) in the
--                      year of the agreement's population reference date, else the year before;
--   reported_share:    the RCC's share of what all RCCs reported as allocated to the area;
--   area_amount_sek:   the area's amount in the agreement (NULL where the sources give none).
CREATE OR REPLACE VIEW mart_special_investment AS
WITH projects AS (
    SELECT healthcare_region_code, area_code, year, count(*) AS projects, sum(amount_sek)::BIGINT AS projects_sek,
           string_agg(project_id || ' ' || title_sv || ' (' || amount_sek || ' kr, ' || status || ')', '; ' ORDER BY project_id) AS project_list
    FROM stg_investment_project
    GROUP BY ALL
),
population_years AS (
    SELECT f.year, coalesce(year(a.population_reference_date), f.year - 1) AS population_year
    FROM (SELECT DISTINCT year FROM stg_investment_fund) f
    LEFT JOIN int_agreement a ON a.agreement_year = f.year
),
rcc_population AS (
    SELECT y.year, y.population_year, m.healthcare_region_code, sum(p.population * m.population_weight::DOUBLE) AS population
    FROM population_years y
    JOIN int_population_year p ON p.year = y.population_year
    JOIN map_region_healthcare_region m ON m.region_code = p.region_code
    GROUP BY ALL
),
funds AS (
    SELECT f.*, sum(f.allocated_sek) OVER (PARTITION BY f.year, f.area_code)::BIGINT AS area_reported_sek
    FROM stg_investment_fund f
),
final AS (
    SELECT f.year, f.area_code, f.healthcare_region_code, h.rcc_name_sv, h.sort_order, f.allocated_sek, f.passed_on_sek,
           f.passed_on_sek / nullif(f.allocated_sek, 0) AS passed_on_share, f.allocation_criteria_sv,
           coalesce(pr.projects, 0) AS projects, coalesce(pr.projects_sek, 0) AS projects_sek, coalesce(pr.project_list, '') AS project_list,
           r.amount_sek AS area_amount_sek, f.area_reported_sek, rp.population_year, rp.population AS rcc_population,
           rp.population / sum(rp.population) OVER (PARTITION BY f.year, f.area_code) AS population_share,
           f.allocated_sek / nullif(f.area_reported_sek, 0) AS reported_share
    FROM funds f
    JOIN dim_healthcare_region h USING (healthcare_region_code)
    LEFT JOIN projects pr USING (healthcare_region_code, area_code, year)
    LEFT JOIN ref_special_investment r ON r.investment_year = f.year AND r.area_code = f.area_code
    LEFT JOIN rcc_population rp ON rp.year = f.year AND rp.healthcare_region_code = f.healthcare_region_code
)
SELECT * FROM final;
