-- new-cases: new cancer cases (the cancer register) per region × sex × age × year × ICD-10 code.
-- Accepts Socialstyrelsen's statistics-database shape (regionId, konId, alderId, ar, diagnos,
-- varde; alderId 1–18 = 0–4 … 85+) and a plain shape (region_code, sex_code, age, year,
-- icd10_code, cases).

-- alderId n (1–18) is the band 5(n−1) … 5n−1 years; 18 is 85+ (as dim_age_group.socstyr_alder_id).
-- @typed
SELECT *,
       lb_region(raw_region_code)                  AS region_code,
       lb_sex(raw_sex_code)                        AS sex_code,
       CASE WHEN raw_alder_id IS NULL THEN lb_age_from(raw_age)
            WHEN lb_int(raw_alder_id) BETWEEN 1 AND 18 THEN (lb_int32(raw_alder_id) - 1) * 5 END AS age_from,
       CASE WHEN raw_alder_id IS NULL THEN lb_age_to(raw_age)
            WHEN lb_int(raw_alder_id) BETWEEN 1 AND 17 THEN lb_int32(raw_alder_id) * 5 - 1 END AS age_to,
       lb_int32(raw_year)                   AS year,
       upper(lb_text(raw_icd10_code))              AS icd10_code,
       lb_int(raw_cases)                           AS cases
FROM staging

-- @rule age_missing
SELECT line_no, 'age', coalesce(raw_alder_id, raw_age),
       CASE WHEN raw_alder_id IS NOT NULL THEN 'alderId must be 1–18 (0–4 … 85+ years)'
            ELSE 'give the age as a year (45), a band (85-89) or an open band (85+); or alderId 1–18' END
FROM typed WHERE age_from IS NULL

-- @rule total_row
SELECT line_no, 'region_code', raw_region_code, 'Riket (0) is a total: deliver regions only, Lägesbild computes Riket'
FROM typed WHERE region_code = '00'
UNION ALL
SELECT line_no, 'sex_code', raw_sex_code, 'both sexes (3) is a total: deliver men (1) and women (2) only'
FROM typed WHERE sex_code = 3

-- @rule unknown_region
SELECT line_no, 'region_code', raw_region_code, 'not one of the 21 region codes (01–25)'
FROM typed WHERE region_code IS NOT NULL AND region_code <> '00' AND NOT lb_is_region(region_code)

-- @rule unknown_year
SELECT line_no, 'year', raw_year, 'year must be between 2015 and 2035'
FROM typed WHERE year IS NOT NULL AND NOT lb_is_year(year)

-- @rule invalid_icd10
SELECT line_no, 'icd10_code', raw_icd10_code, 'an ICD-10 code looks like C50 or C92.0'
FROM typed WHERE icd10_code IS NOT NULL AND NOT regexp_full_match(icd10_code, '[A-Z][0-9]{2}(\.[0-9]{1,2})?')

-- @rule negative_count
SELECT line_no, 'cases', raw_cases, 'a count cannot be negative'
FROM typed WHERE cases < 0

-- @period
SELECT make_date(min(year), 1, 1), make_date(max(year), 12, 31) FROM loaded
