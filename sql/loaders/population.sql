-- population: SCB table BE0101N1 (population on 31 December) per region × sex × age × year,
-- in SCB's long export shape. Region may be written "01" or "01 Stockholms län"; sex 1/2 or
-- "män"/"kvinnor"; age as a single year ("45", "100+") or a band ("85-89", "90+").

-- @typed
SELECT *,
       lb_region(raw_region)      AS region_code,
       lb_sex(raw_sex)            AS sex_code,
       lb_age_from(raw_age)       AS age_from,
       lb_age_to(raw_age)         AS age_to,
       lb_int32(raw_year)  AS year,
       lb_int(raw_population)     AS population
FROM staging

-- @rule unknown_region
SELECT line_no, 'region', raw_region, 'not one of the 21 region codes (01–25); Riket is computed by Lägesbild'
FROM typed WHERE region_code IS NOT NULL AND NOT lb_is_region(region_code)

-- @rule invalid_sex
SELECT line_no, 'sex', raw_sex, 'deliver men (1) and women (2) separately; the total is computed by Lägesbild'
FROM typed WHERE sex_code = 3

-- @rule unknown_year
SELECT line_no, 'year', raw_year, 'year must be between 2015 and 2035'
FROM typed WHERE year IS NOT NULL AND NOT lb_is_year(year)

-- @rule negative_count
SELECT line_no, 'population', raw_population, 'a population cannot be negative'
FROM typed WHERE population < 0

-- @rule age_out_of_range
SELECT line_no, 'age', raw_age, 'age must be between 0 and 120 years, with the band''s first year not after its last'
FROM typed WHERE age_from > 120 OR age_to < age_from

-- @rule overlapping_ages
SELECT a.line_no, 'age', a.raw_age, 'ages ' || a.raw_age || ' overlap ' || any_value(b.raw_age) || ' on line ' || min(b.line_no)
       || ' for the same region, sex and year, so those people would be counted twice and the region''s total would be wrong;'
       || ' deliver single years or bands that do not overlap'
FROM typed a JOIN typed b
  ON a.region_code = b.region_code AND a.sex_code = b.sex_code AND a.year = b.year AND b.line_no < a.line_no
 AND a.age_from <> b.age_from
 AND a.age_from <= coalesce(b.age_to, 200) AND b.age_from <= coalesce(a.age_to, 200)
GROUP BY a.line_no, a.raw_age

-- @period
SELECT make_date(min(year), 1, 1), make_date(max(year), 12, 31) FROM loaded
