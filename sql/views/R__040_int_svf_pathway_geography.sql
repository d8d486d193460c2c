-- Grain: one row per current SVF pathway × geography unit it counts in (region, healthcare region, Riket),
-- with the weight it counts with there. A pathway counts in the region that reported (closed) it;
-- for Halland, the patient's municipality decides the healthcare region when it is one of
-- Halland's own, else the population weights split it.
CREATE OR REPLACE VIEW int_svf_pathway_geography AS
WITH pathways AS (
    SELECT f.*,
           coalesce(mm.municipality_code, '-') AS split_municipality_code
    FROM stg_svf_pathway f
    LEFT JOIN map_municipality_healthcare_region mm
           ON mm.municipality_code = f.patient_municipality_code
          AND mm.region_code = f.reporting_region_code
),
final AS (
    SELECT p.*, g.geo_level, g.geo_code, g.weight
    FROM pathways p
    JOIN int_geography_bridge g
      ON g.region_code = p.reporting_region_code
     AND g.split_municipality_code = p.split_municipality_code
)
SELECT * FROM final;
