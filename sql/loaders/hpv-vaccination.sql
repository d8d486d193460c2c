-- hpv-vaccination: a birth cohort and those vaccinated against HPV with at least one dose and with
-- every dose, per region × birth year × sex, counted in the year the cohort turns 13
-- (docs/formats/hpv-vaccination.md).

-- @typed
SELECT *,
       lb_region(raw_region_code)   AS region_code,
       lb_int32(raw_birth_year)     AS birth_year,
       lb_sex(raw_sex_code)         AS sex_code,
       lb_int(raw_cohort_size)      AS cohort_size,
       lb_int(raw_one_dose)         AS one_dose,
       lb_int(raw_full_doses)       AS full_doses
FROM staging

-- @rule unknown_region
SELECT line_no, 'region_code', raw_region_code, 'not one of the 21 region codes (01–25)'
FROM typed WHERE region_code IS NOT NULL AND NOT lb_is_region(region_code)

-- @rule unknown_year
SELECT line_no, 'birth_year', raw_birth_year, 'a birth year from 1993 (the first cohorts offered HPV vaccination in Sweden) to 2087'
FROM typed WHERE birth_year IS NOT NULL AND (birth_year < 1993 OR NOT lb_is_year(birth_year + 13))

-- @rule invalid_sex
SELECT line_no, 'sex_code', raw_sex_code, 'vaccination is counted by sex: 1 (boys) or 2 (girls)'
FROM typed WHERE sex_code = 3

-- @rule negative_count
SELECT line_no, 'cohort_size', raw_cohort_size, 'a count cannot be negative' FROM typed WHERE cohort_size < 0
UNION ALL
SELECT line_no, 'one_dose', raw_one_dose, 'a count cannot be negative' FROM typed WHERE one_dose < 0
UNION ALL
SELECT line_no, 'full_doses', raw_full_doses, 'a count cannot be negative' FROM typed WHERE full_doses < 0

-- @rule count_exceeds_base
SELECT line_no, 'one_dose', raw_one_dose, 'more vaccinated than the cohort (' || cohort_size || ')' FROM typed WHERE one_dose > cohort_size
UNION ALL
SELECT line_no, 'full_doses', raw_full_doses, 'more fully vaccinated (' || full_doses || ') than vaccinated with at least one dose ('
       || one_dose || ')' FROM typed WHERE full_doses > one_dose

-- @period
SELECT make_date(min(birth_year) + 13, 1, 1), make_date(max(birth_year) + 13, 12, 31) FROM loaded
