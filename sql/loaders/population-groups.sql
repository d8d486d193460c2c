-- population-groups: SCB's population by education level (UF0506, from 25 years) or by country of
-- birth (BE0101) per region × sex × age at a reference date, the denominators of rates by population
-- group (issue 26; docs/formats/population-groups.md). A file gives one dimension: the column
-- education_level or birth_country. Region, sex, age and date are read as in population.

-- @typed
SELECT *,
       lb_region(raw_region)                                     AS region_code,
       lb_sex(raw_sex)                                           AS sex_code,
       lb_age_from(raw_age)                                      AS age_from,
       lb_age_to(raw_age)                                        AS age_to,
       year(lb_reference_date(raw_year))                         AS year,
       lb_reference_date(raw_year)                               AS reference_date,
       lb_int(raw_population)                                    AS population,
       CASE WHEN lb_has_education_level AND lb_has_birth_country THEN 'both'
            WHEN lb_has_education_level THEN 'education' WHEN lb_has_birth_country THEN 'birth_country' END AS dimension_code,
       coalesce(lb_education(raw_education_level, lb_has_education_level),
                lb_birth_country(raw_birth_country, lb_has_birth_country)) AS group_code
FROM staging

-- @rule one_dimension
SELECT line_no, CASE WHEN dimension_code = 'both' THEN 'birth_country' ELSE 'education_level' END, NULL,
       CASE WHEN dimension_code = 'both'
            THEN 'a file gives the population by one dimension: education_level or birth_country, not both (load them as two files)'
            ELSE 'the population by group needs the column education_level (SCB''s UF0506) or birth_country (BE0101)' END
FROM typed WHERE (dimension_code IS NULL OR dimension_code = 'both') AND line_no = (SELECT min(line_no) FROM typed)

-- @rule unknown_region
SELECT line_no, 'region', raw_region, 'not one of the 21 region codes (01–25); Riket is computed by Lägesbild'
FROM typed WHERE region_code IS NOT NULL AND NOT lb_is_region(region_code)

-- @rule invalid_sex
SELECT line_no, 'sex', raw_sex, 'the population by group is delivered by sex: 1 (män) or 2 (kvinnor)'
FROM typed WHERE sex_code = 3

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
       || ' for the same region, sex, date and group, so those people would be counted twice; deliver single years or bands that do not overlap'
FROM typed a JOIN typed b
  ON a.region_code = b.region_code AND a.sex_code = b.sex_code AND a.reference_date = b.reference_date AND b.line_no < a.line_no
 AND a.group_code = b.group_code AND a.age_from <> b.age_from
 AND a.age_from <= coalesce(b.age_to, 200) AND b.age_from <= coalesce(a.age_to, 200)
GROUP BY a.line_no, a.raw_age

-- @period
SELECT min(reference_date), max(reference_date) FROM loaded
