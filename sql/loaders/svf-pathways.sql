-- svf-pathways: one row per SVF pathway (pseudonymised), as regions report them.
-- Sections: @typed turns the delivered text (staging.raw_*) into typed values (NULL when
-- unreadable); each @rule selects (line_no, column_name, value, message) for the rows that break
-- it; @period gives the dates the delivery covers. The loader adds the generic rules (required
-- value missing, value unreadable) from the format's column list, and the duplicate rule.

-- @typed
SELECT *,
       lb_text(raw_pathway_id)                AS pathway_id,
       lb_text(raw_patient_pseudonym)         AS patient_pseudonym,
       lb_region(raw_reporting_region_code)   AS reporting_region_code,
       CASE WHEN regexp_full_match(trim(raw_patient_municipality_code), '[0-9]{4}')
            THEN trim(raw_patient_municipality_code) END AS patient_municipality_code,
       upper(lb_text(raw_svf_code))           AS svf_code,
       upper(lb_text(raw_icd10_code))         AS icd10_code,
       lb_sex(raw_sex_code)                   AS sex_code,
       lb_int32(raw_age_years)         AS age_years,
       lb_date(raw_suspicion_date)            AS suspicion_date,
       lb_date(raw_closed_date)               AS closed_date,
       lower(lb_text(raw_close_reason_code))  AS close_reason_code,
       upper(lb_text(raw_first_treatment_type_code)) AS first_treatment_type_code,
       lb_text(raw_reporting_unit)            AS reporting_unit,
       lb_education(raw_education_level, lb_has_education_level) AS education_code,
       lb_birth_country(raw_birth_country, lb_has_birth_country) AS birth_country_code
FROM staging

-- @rule unknown_region
SELECT line_no, 'reporting_region_code', raw_reporting_region_code,
       'not one of the 21 region codes (01–25); report per region, Riket is computed by Lägesbild'
FROM typed WHERE reporting_region_code IS NOT NULL AND NOT lb_is_region(reporting_region_code)

-- @rule unknown_svf
SELECT line_no, 'svf_code', raw_svf_code, 'not an SVF code in dim_diagnosis (e.g. BREAST, PROST, CRC; see docs/formats/svf-pathways.md)'
FROM typed WHERE svf_code IS NOT NULL AND svf_code NOT IN (SELECT diagnosis_code FROM dim_diagnosis WHERE diagnosis_kind = 'svf')

-- @rule invalid_sex
SELECT line_no, 'sex_code', raw_sex_code, 'a pathway is for one patient: sex must be 1 (man) or 2 (woman)'
FROM typed WHERE sex_code = 3

-- @rule sex_not_possible_for_svf
SELECT t.line_no, 'sex_code', t.raw_sex_code, 'the SVF ' || t.svf_code || ' exists only for ' || CASE d.sex_restriction WHEN 1 THEN 'men (1)' ELSE 'women (2)' END
FROM typed t JOIN dim_diagnosis d ON d.diagnosis_code = t.svf_code
WHERE d.sex_restriction IS NOT NULL AND t.sex_code IN (1, 2) AND t.sex_code <> d.sex_restriction

-- @rule age_out_of_range
SELECT line_no, 'age_years', raw_age_years, 'age must be between 0 and 120 years'
FROM typed WHERE age_years NOT BETWEEN 0 AND 120

-- @rule closed_before_suspicion
SELECT line_no, 'closed_date', raw_closed_date, 'the pathway closes before its well-founded suspicion (' || suspicion_date || ')'
FROM typed WHERE closed_date < suspicion_date

-- @rule date_in_future
SELECT line_no, 'suspicion_date', raw_suspicion_date, 'date is in the future (after ' || (SELECT today FROM delivery) || ')'
FROM typed WHERE suspicion_date > (SELECT today FROM delivery)
UNION ALL
SELECT line_no, 'closed_date', raw_closed_date, 'date is in the future (after ' || (SELECT today FROM delivery) || ')'
FROM typed WHERE closed_date > (SELECT today FROM delivery)

-- @rule outside_delivery_period
SELECT line_no, 'suspicion_date', raw_suspicion_date,
       'outside the delivery''s period ' || (SELECT period_code FROM delivery) || ' (' || (SELECT period_from FROM delivery) || ' – ' || (SELECT period_to FROM delivery) || ')'
FROM typed
WHERE (SELECT period_from FROM delivery) IS NOT NULL
  AND suspicion_date NOT BETWEEN (SELECT period_from FROM delivery) AND (SELECT period_to FROM delivery)

-- @rule unknown_close_reason
SELECT line_no, 'close_reason_code', raw_close_reason_code, 'close reason must be treatment, dropped (KVÅ VP878) or other'
FROM typed WHERE close_reason_code IS NOT NULL AND close_reason_code NOT IN (SELECT close_reason_code FROM ref_close_reason)

-- @rule close_reason_without_date
SELECT line_no, 'closed_date', raw_closed_date, 'a close reason (' || close_reason_code || ') is given but no closing date'
FROM typed WHERE close_reason_code IS NOT NULL AND closed_date IS NULL AND lb_text(raw_closed_date) IS NULL
UNION ALL
SELECT line_no, 'close_reason_code', raw_close_reason_code, 'a closing date is given but no close reason (treatment, dropped or other)'
FROM typed WHERE closed_date IS NOT NULL AND lb_text(raw_close_reason_code) IS NULL

-- @rule unknown_treatment_type
SELECT line_no, 'first_treatment_type_code', raw_first_treatment_type_code,
       'treatment type must be one of SURG, RAD, DRUG, RADDRUG, PALL, EXP, NONE, OTHER'
FROM typed WHERE first_treatment_type_code IS NOT NULL
  AND first_treatment_type_code NOT IN (SELECT treatment_type_code FROM ref_treatment_type WHERE treatment_type_code <> 'ALL')

-- @rule treatment_type_missing
SELECT line_no, 'first_treatment_type_code', raw_first_treatment_type_code,
       'a pathway closed by treatment must say which first treatment started'
FROM typed WHERE close_reason_code = 'treatment' AND lb_text(raw_first_treatment_type_code) IS NULL

-- @rule invalid_municipality
SELECT line_no, 'patient_municipality_code', raw_patient_municipality_code, 'a municipality code has four digits (e.g. 1380)'
FROM typed WHERE lb_text(raw_patient_municipality_code) IS NOT NULL AND patient_municipality_code IS NULL

-- @period
SELECT min(suspicion_date), max(suspicion_date) FROM loaded
