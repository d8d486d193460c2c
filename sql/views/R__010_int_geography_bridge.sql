-- Grain: one row per (region, split municipality) key × geography unit it rolls up to.
-- The one place where Halland's split between two healthcare regions is applied. Every roll-up
-- from region to healthcare region or Riket joins through this bridge and sums value × weight:
--   * geo_level 'region':            the region itself, weight 1;
--   * geo_level 'healthcare_region': weight 1 for an unsplit region; for a split region (Halland)
--     weight 1 to the municipality's own healthcare region when the fact names one of the
--     region's split municipalities, else the region's population weight (weights sum to 1);
--   * geo_level 'country':           Riket (00), weight 1.
-- Weights are DECIMAL(6, 4), so every weighted count is exact: a numerator and its denominator
-- summed over the same rows in another order still satisfy numerator <= denominator, which
-- floating-point weights broke (17.918000000000003 against 17.918).
-- split_municipality_code is '-' when the fact has no municipality, or one that does not decide
-- the split (a fact joins with coalesce(<its split municipality>, '-'), see int_svf_pathway_geography).
CREATE OR REPLACE VIEW int_geography_bridge AS
WITH fact_keys AS (
    SELECT region_code, '-' AS split_municipality_code
    FROM dim_region
    WHERE region_level = 'region'
    UNION ALL
    SELECT region_code, municipality_code
    FROM map_municipality_healthcare_region
),
region_rows AS (
    SELECT region_code, split_municipality_code, 'region' AS geo_level, region_code AS geo_code, 1::DECIMAL(6, 4) AS weight
    FROM fact_keys
),
healthcare_region_rows AS (
    SELECT k.region_code, k.split_municipality_code, 'healthcare_region' AS geo_level,
           m.healthcare_region_code AS geo_code,
           CASE WHEN mm.municipality_code IS NULL THEN m.population_weight
                WHEN mm.healthcare_region_code = m.healthcare_region_code THEN 1::DECIMAL(6, 4)
                ELSE 0::DECIMAL(6, 4) END AS weight
    FROM fact_keys k
    JOIN map_region_healthcare_region m ON m.region_code = k.region_code
    LEFT JOIN map_municipality_healthcare_region mm ON mm.municipality_code = k.split_municipality_code
),
country_rows AS (
    SELECT region_code, split_municipality_code, 'country' AS geo_level, '00' AS geo_code, 1::DECIMAL(6, 4) AS weight
    FROM fact_keys
),
final AS (
    SELECT * FROM region_rows
    UNION ALL
    SELECT * FROM healthcare_region_rows WHERE weight > 0
    UNION ALL
    SELECT * FROM country_rows
)
SELECT * FROM final;
