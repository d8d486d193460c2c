-- life-tables: expected mortality as SCB publishes it (BE0101I), by calendar year, sex and single
-- year of age (0 to the table's last age, which holds for all older ages), for Riket (region 00)
-- and optionally per region: the probability of dying within the year of age (q, per 1 or per
-- 1 000), or the death rate (hazard) m, stored as q = 1 − exp(−m). See docs/formats/life-tables.md.

-- @typed
SELECT *,
       coalesce(lb_region(raw_region_code), CASE WHEN lb_text(raw_region_code) IS NULL THEN '00' END) AS region_code,
       lb_int32(raw_year)                          AS year,
       lb_sex(raw_sex_code)                        AS sex_code,
       lb_age_from(raw_age)                        AS age,
       CASE WHEN lb_text(raw_death_probability) IS NOT NULL
            THEN TRY_CAST(replace(trim(raw_death_probability), ',', '.') AS DOUBLE)
                 / CASE WHEN lower(coalesce(lb_text(raw_per), '1')) IN ('1000', '1 000', 'promille', '‰') THEN 1000 ELSE 1 END
            ELSE 1 - exp(-TRY_CAST(replace(trim(raw_hazard), ',', '.') AS DOUBLE)
                 / CASE WHEN lower(coalesce(lb_text(raw_per), '1')) IN ('1000', '1 000', 'promille', '‰') THEN 1000 ELSE 1 END) END
                                                   AS death_probability
FROM staging

-- @rule value_missing
SELECT line_no, 'death_probability', raw_death_probability, 'give the probability of dying (q) or the death rate (hazard)'
FROM typed WHERE lb_text(raw_death_probability) IS NULL AND lb_text(raw_hazard) IS NULL

-- @rule invalid_value
SELECT line_no, CASE WHEN lb_text(raw_death_probability) IS NOT NULL THEN 'death_probability' ELSE 'hazard' END,
       coalesce(raw_death_probability, raw_hazard),
       'q must be at least 0 and below 1 (per 1), or below 1 000 (per 1 000); a hazard must be a number of at least 0'
FROM typed WHERE (lb_text(raw_death_probability) IS NOT NULL OR lb_text(raw_hazard) IS NOT NULL)
  AND (death_probability IS NULL OR NOT (death_probability >= 0 AND death_probability < 1))

-- @rule unknown_region
SELECT line_no, 'region_code', raw_region_code, 'Riket (00 or empty) or one of the 21 region codes (01–25)'
FROM typed WHERE region_code IS NOT NULL AND region_code <> '00' AND NOT lb_is_region(region_code)
UNION ALL
SELECT line_no, 'region_code', raw_region_code, 'a region code such as 01, or 00 for Riket'
FROM typed WHERE lb_text(raw_region_code) IS NOT NULL AND region_code IS NULL

-- @rule invalid_sex
SELECT line_no, 'sex_code', raw_sex_code, 'a life table is by sex: 1 (men) or 2 (women)'
FROM typed WHERE sex_code = 3

-- @rule invalid_age
SELECT line_no, 'age', raw_age, 'a single year of age 0–120 (the last age may be written 100+)'
FROM typed WHERE lb_text(raw_age) IS NOT NULL AND (age IS NULL OR age > 120
      OR (regexp_full_match(lb_age_text(raw_age), '[0-9]{1,3}\s*[-–]\s*[0-9]{1,3}')))

-- @rule unknown_year
SELECT line_no, 'year', raw_year, 'a calendar year from 1900 to 2100'
FROM typed WHERE year IS NOT NULL AND year NOT BETWEEN 1900 AND 2100

-- @rule incomplete_table
SELECT min(line_no), 'age', NULL, 'the table for ' || CASE WHEN region_code = '00' THEN 'Riket' ELSE 'region ' || region_code END
       || ' ' || year || ' ' || CASE sex_code WHEN 1 THEN 'men' ELSE 'women' END || ' has ' || count(DISTINCT age)
       || ' ages; it needs every age from 0 to ' || max(age) || ' (the last holds for all older ages)'
FROM typed WHERE region_code IS NOT NULL AND year IS NOT NULL AND sex_code IN (1, 2) AND age IS NOT NULL
GROUP BY region_code, year, sex_code HAVING count(DISTINCT age) <> max(age) + 1 OR min(age) <> 0
UNION ALL
SELECT min(line_no), 'sex_code', NULL, 'the table for ' || CASE WHEN region_code = '00' THEN 'Riket' ELSE 'region ' || region_code END
       || ' ' || year || ' has only ' || CASE max(sex_code) WHEN 1 THEN 'men' ELSE 'women' END || ': deliver both sexes'
FROM typed WHERE region_code IS NOT NULL AND year IS NOT NULL AND sex_code IN (1, 2)
GROUP BY region_code, year HAVING count(DISTINCT sex_code) = 1

-- @rule missing_years
-- A year missing between two a region's tables would be guessed from its neighbours: refused,
-- counting the years the warehouse already holds with those in the file.
WITH years AS (
    SELECT region_code, year, min(line_no) AS line_no FROM typed
    WHERE region_code IS NOT NULL AND year BETWEEN 1900 AND 2100 GROUP BY ALL
    UNION ALL
    SELECT DISTINCT region_code, year, NULL FROM stg_life_table
),
spans AS (
    SELECT region_code, min(year) AS first_year, max(year) AS last_year FROM years GROUP BY ALL
),
missing AS (
    SELECT s.region_code, y.year FROM spans s, range(s.first_year, s.last_year + 1) y(year)
    WHERE NOT EXISTS (SELECT 1 FROM years x WHERE x.region_code = s.region_code AND x.year = y.year)
)
SELECT (SELECT min(line_no) FROM years x WHERE x.region_code = m.region_code AND x.line_no IS NOT NULL), 'year',
       NULL, 'the life tables for ' || CASE WHEN m.region_code = '00' THEN 'Riket' ELSE 'region ' || m.region_code END
       || ' would have no year ' || string_agg(m.year::VARCHAR, ', ' ORDER BY m.year)
       || ' between their first and last year (with those already loaded): deliver every year in between'
FROM missing m
WHERE EXISTS (SELECT 1 FROM years x WHERE x.region_code = m.region_code AND x.line_no IS NOT NULL)
GROUP BY m.region_code

-- @period
SELECT make_date(min(year), 1, 1), make_date(max(year), 12, 31) FROM loaded
