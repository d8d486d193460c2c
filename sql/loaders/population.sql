-- population: SCB's population per region × sex × age at a reference date, in SCB's long export
-- shape: BE0101N1 (31 December: period "2024"), the monthly table (period "2025M09": the last day of
-- the month), or a date. Region may be written "01" or "01 Stockholms län"; sex 1/2 or "män"/"kvinnor";
-- age as a single year ("45", "100+") or a band ("85-89", "90+"). A region's total may be delivered
-- alone, as SCB's tables give it: sex 3 ("totalt") and all ages ("totalt").

-- @typed
SELECT *,
       lb_region(raw_region)             AS region_code,
       lb_sex(raw_sex)                   AS sex_code,
       lb_age_from(raw_age)              AS age_from,
       lb_age_to(raw_age)                AS age_to,
       year(lb_reference_date(raw_year)) AS year,
       lb_int(raw_population)            AS population,
       lb_reference_date(raw_year)       AS reference_date
FROM staging

-- @rule unknown_region
SELECT line_no, 'region', raw_region, 'not one of the 21 region codes (01–25); Riket is computed by Lägesbild'
FROM typed WHERE region_code IS NOT NULL AND NOT lb_is_region(region_code)

-- @rule invalid_age
SELECT line_no, 'age', raw_age, 'an age (45), a band (85-89), an open band (100+), or "totalt" for a region''s total'
FROM typed WHERE lb_text(raw_age) IS NOT NULL AND age_from IS NULL AND NOT lb_all_ages(raw_age)

-- @rule invalid_sex
SELECT line_no, 'sex', raw_sex, CASE WHEN sex_code = 3
       THEN 'both sexes (3, totalt) is a region''s total: give it for all ages ("totalt"), or deliver men and women by age'
       ELSE 'a region''s total for all ages is delivered for both sexes (3, totalt); by sex, give the ages' END
FROM typed WHERE (sex_code = 3 AND age_from IS NOT NULL) OR (sex_code IN (1, 2) AND lb_all_ages(raw_age))

-- @rule unknown_year
SELECT line_no, 'year', raw_year, 'the period''s year must be between 2015 and 2035'
FROM typed WHERE reference_date IS NOT NULL AND NOT lb_is_year(year)

-- @rule negative_count
SELECT line_no, 'population', raw_population, 'a population cannot be negative'
FROM typed WHERE population < 0

-- @rule age_out_of_range
SELECT line_no, 'age', raw_age, 'age must be between 0 and 120 years, with the band''s first year not after its last'
FROM typed WHERE age_from > 120 OR age_to < age_from

-- @rule overlapping_ages
SELECT a.line_no, 'age', a.raw_age, 'ages ' || a.raw_age || ' overlap ' || any_value(b.raw_age) || ' on line ' || min(b.line_no)
       || ' for the same region, sex and date, so those people would be counted twice and the region''s total would be wrong;'
       || ' deliver single years or bands that do not overlap'
FROM typed a JOIN typed b
  ON a.region_code = b.region_code AND a.sex_code = b.sex_code AND a.reference_date = b.reference_date AND b.line_no < a.line_no
 AND a.age_from <> b.age_from
 AND a.age_from <= coalesce(b.age_to, 200) AND b.age_from <= coalesce(a.age_to, 200)
GROUP BY a.line_no, a.raw_age

-- @rule duplicate_total
SELECT a.line_no, 'region', a.raw_region, 'the region''s total for ' || a.reference_date || ' is given again (first on line '
       || min(b.line_no) || ')'
FROM typed a JOIN typed b
  ON a.region_code = b.region_code AND a.reference_date = b.reference_date AND b.line_no < a.line_no
 AND a.sex_code = 3 AND b.sex_code = 3 AND a.age_from IS NULL AND b.age_from IS NULL
GROUP BY a.line_no, a.raw_region, a.reference_date

-- @rule total_disagrees
SELECT t.line_no, 'population', t.raw_population, 'the region''s total ' || t.population || ' on ' || t.reference_date
       || ' differs from ' || sum(d.population) || ', the sum of its lines by sex and age in the same file; deliver one or make them agree'
FROM typed t JOIN typed d
  ON d.region_code = t.region_code AND d.reference_date = t.reference_date AND d.sex_code IN (1, 2) AND d.age_from IS NOT NULL
WHERE t.sex_code = 3 AND t.age_from IS NULL
GROUP BY t.line_no, t.raw_population, t.population, t.reference_date
HAVING sum(d.population) <> t.population

-- @period
SELECT min(reference_date), max(reference_date) FROM loaded
