-- cancer-register: one row per tumour, as Socialstyrelsen's cancer register delivers it
-- (pseudonymised person id, sex, date of birth or its year and month, date of diagnosis, ICD-10,
-- ICD-O-3 topography, morphology and behaviour, stage group, TNM, region and municipality at
-- diagnosis, basis of diagnosis). See docs/formats/cancer-register.md.

-- @typed
SELECT *,
       lb_text(raw_person_id)                      AS person_id,
       lb_sex(raw_sex_code)                        AS sex_code,
       lb_birth_date(raw_birth_date)               AS birth_date,
       lb_date(raw_diagnosis_date)                 AS diagnosis_date,
       -- a birth month read as its 15th can fall after a diagnosis in the same month: age 0 days then
       CASE WHEN regexp_full_match(trim(raw_birth_date), '[0-9]{4}-?[0-9]{2}')
             AND CAST(lb_date(raw_diagnosis_date) - lb_birth_date(raw_birth_date) AS INTEGER) BETWEEN -15 AND -1 THEN 0
            ELSE CAST(lb_date(raw_diagnosis_date) - lb_birth_date(raw_birth_date) AS INTEGER) END AS age_days,
       upper(replace(lb_text(raw_icd10_code), ' ', '')) AS icd10_code,
       upper(lb_text(raw_topography))              AS topography,
       lb_text(raw_morphology)                     AS morphology,
       coalesce(lb_int32(raw_behaviour), CASE WHEN lb_text(raw_behaviour) IS NULL THEN 3 END) AS behaviour,
       CASE upper(replace(coalesce(lb_text(raw_stage), ''), ' ', ''))
            WHEN '0' THEN '0' WHEN 'I' THEN 'I' WHEN '1' THEN 'I' WHEN 'II' THEN 'II' WHEN '2' THEN 'II'
            WHEN 'III' THEN 'III' WHEN '3' THEN 'III' WHEN 'IV' THEN 'IV' WHEN '4' THEN 'IV'
            WHEN 'UNKNOWN' THEN 'unknown' WHEN 'OKÄNT' THEN 'unknown' WHEN 'OKANT' THEN 'unknown' WHEN 'X' THEN 'unknown'
            WHEN '9' THEN 'unknown' END          AS stage,
       upper(lb_text(raw_tnm))                     AS tnm,
       lb_region(raw_region_code)                  AS region_code,
       CASE WHEN regexp_full_match(trim(raw_municipality_code), '[0-9]{4}') THEN trim(raw_municipality_code) END AS municipality_code,
       lb_int32(raw_basis_of_diagnosis)            AS basis_of_diagnosis,
       lb_date(raw_lost_to_follow_up_date)         AS lost_to_follow_up_date,
       lb_education(raw_education_level, lb_has_education_level)    AS education_code,
       lb_birth_country(raw_birth_country, lb_has_birth_country)    AS birth_country_code,
       lb_income(raw_income_quintile, lb_has_income_quintile)       AS income_code
FROM staging

-- @rule unknown_region
SELECT line_no, 'region_code', raw_region_code, 'not one of the 21 region codes (01–25): the region of residence at diagnosis'
FROM typed WHERE region_code IS NOT NULL AND NOT lb_is_region(region_code)

-- @rule invalid_sex
SELECT line_no, 'sex_code', raw_sex_code, 'a tumour is one person''s: sex must be 1 (man) or 2 (woman)'
FROM typed WHERE sex_code = 3

-- @rule invalid_icd10
SELECT line_no, 'icd10_code', raw_icd10_code, 'an ICD-10 code looks like C50 or C50.9'
FROM typed WHERE icd10_code IS NOT NULL AND NOT regexp_full_match(icd10_code, '[A-Z][0-9]{2}(\.?[0-9]{1,2})?')

-- @rule sex_not_possible_for_site
SELECT t.line_no, 'sex_code', t.raw_sex_code, t.icd10_code || ' (' || d.name_en || ') exists only for '
       || CASE d.sex_restriction WHEN 1 THEN 'men (1)' ELSE 'women (2)' END
FROM typed t
JOIN dim_diagnosis_icd10 r ON substr(t.icd10_code, 1, length(r.icd10_from)) BETWEEN r.icd10_from AND r.icd10_to
JOIN dim_diagnosis d ON d.diagnosis_code = r.diagnosis_code
WHERE d.sex_restriction IS NOT NULL AND t.sex_code IN (1, 2) AND t.sex_code <> d.sex_restriction

-- @rule invalid_stage
SELECT line_no, 'stage', raw_stage, 'the stage group must be 0, I, II, III, IV or unknown (also 1–4, 9 or X for unknown)'
FROM typed WHERE lb_text(raw_stage) IS NOT NULL AND stage IS NULL

-- @rule invalid_basis
SELECT line_no, 'basis_of_diagnosis', raw_basis_of_diagnosis,
       'basis of diagnosis (ENCR) must be 0 (death certificate only), 1, 2, 4, 5, 6, 7 or 9'
FROM typed WHERE basis_of_diagnosis IS NOT NULL AND basis_of_diagnosis NOT IN (0, 1, 2, 4, 5, 6, 7, 9)
UNION ALL
SELECT line_no, 'basis_of_diagnosis', raw_basis_of_diagnosis, 'basis of diagnosis must be a number (ENCR code 0–9)'
FROM typed WHERE lb_text(raw_basis_of_diagnosis) IS NOT NULL AND basis_of_diagnosis IS NULL

-- @rule invalid_behaviour
SELECT line_no, 'behaviour', raw_behaviour, 'ICD-O-3 behaviour must be 0, 1, 2, 3, 6 or 9 (empty: 3, malignant)'
FROM typed WHERE behaviour IS NULL OR behaviour NOT IN (0, 1, 2, 3, 6, 9)

-- @rule invalid_topography
SELECT line_no, 'topography', raw_topography, 'an ICD-O-3 topography code looks like C50.4 (C, two digits, a subsite digit)'
FROM typed WHERE topography IS NOT NULL AND NOT regexp_full_match(topography, 'C[0-9]{2}(\.?[0-9])?')

-- @rule invalid_morphology
SELECT line_no, 'morphology', raw_morphology, 'an ICD-O-3 morphology code has four digits (e.g. 8500), optionally /behaviour'
FROM typed WHERE morphology IS NOT NULL AND NOT regexp_full_match(morphology, '[0-9]{4}(/[0-9])?')

-- @rule invalid_birth_date
SELECT line_no, 'birth_date', raw_birth_date, 'a date of birth is YYYY-MM-DD, or YYYY-MM when the day is withheld'
FROM typed WHERE lb_text(raw_birth_date) IS NOT NULL AND birth_date IS NULL

-- @rule born_after_diagnosis
SELECT line_no, 'birth_date', raw_birth_date, 'born after the diagnosis (' || diagnosis_date || ')'
FROM typed WHERE age_days < 0

-- @rule age_out_of_range
SELECT line_no, 'birth_date', raw_birth_date, 'age at diagnosis above 120 years'
FROM typed WHERE age_days > 120 * 366

-- @rule date_in_future
SELECT line_no, 'diagnosis_date', raw_diagnosis_date, 'date is in the future (after ' || (SELECT today FROM delivery) || ')'
FROM typed WHERE diagnosis_date > (SELECT today FROM delivery)

-- @rule invalid_lost_date
SELECT line_no, 'lost_to_follow_up_date', raw_lost_to_follow_up_date, 'the day follow-up was lost is a date YYYY-MM-DD (empty: followed to the closing date)'
FROM typed WHERE lb_text(raw_lost_to_follow_up_date) IS NOT NULL AND lost_to_follow_up_date IS NULL

-- @rule lost_before_diagnosis
SELECT line_no, 'lost_to_follow_up_date', raw_lost_to_follow_up_date, 'follow-up cannot be lost before the diagnosis (' || diagnosis_date || ')'
FROM typed WHERE lost_to_follow_up_date < diagnosis_date

-- @rule lost_in_future
SELECT line_no, 'lost_to_follow_up_date', raw_lost_to_follow_up_date, 'date is in the future (after ' || (SELECT today FROM delivery) || ')'
FROM typed WHERE lost_to_follow_up_date > (SELECT today FROM delivery)

-- @rule invalid_municipality
SELECT line_no, 'municipality_code', raw_municipality_code, 'a municipality code has four digits (e.g. 1380)'
FROM typed WHERE lb_text(raw_municipality_code) IS NOT NULL AND municipality_code IS NULL

-- @period
SELECT min(diagnosis_date), max(diagnosis_date) FROM loaded
