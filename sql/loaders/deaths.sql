-- deaths: the cause-of-death register, one row per person who died (pseudonymised person id, the
-- same as the cancer register's, sex, date of birth or age, date of death, underlying cause as
-- ICD-10, region and municipality of residence). The delivery's closing date, up to which every
-- death is in it, is given on the command line (--follow-up-until) and kept on the batch.
-- See docs/formats/deaths.md.

-- @typed
SELECT *,
       lb_text(raw_person_id)                      AS person_id,
       lb_sex(raw_sex_code)                        AS sex_code,
       lb_birth_date(raw_birth_date)               AS birth_date,
       coalesce(lb_int32(raw_age_years),
                CAST(date_diff('year', lb_birth_date(raw_birth_date), lb_date(raw_death_date))
                     - CASE WHEN strftime(lb_date(raw_death_date), '%m%d') < strftime(lb_birth_date(raw_birth_date), '%m%d') THEN 1 ELSE 0 END
                     AS INTEGER)) AS age_years,
       lb_date(raw_death_date)                     AS death_date,
       upper(replace(lb_text(raw_underlying_cause), ' ', '')) AS underlying_cause,
       lb_region(raw_region_code)                  AS region_code,
       CASE WHEN regexp_full_match(trim(raw_municipality_code), '[0-9]{4}') THEN trim(raw_municipality_code) END AS municipality_code,
       lb_education(raw_education_level, lb_has_education_level)   AS education_code,
       lb_birth_country(raw_birth_country, lb_has_birth_country)   AS birth_country_code
FROM staging

-- @rule age_missing
SELECT line_no, 'age_years', raw_age_years, 'give the date of birth or the age at death in whole years'
FROM typed WHERE age_years IS NULL AND lb_text(raw_age_years) IS NULL AND lb_text(raw_birth_date) IS NULL

-- @rule invalid_birth_date
SELECT line_no, 'birth_date', raw_birth_date, 'a date of birth is YYYY-MM-DD, or YYYY-MM when the day is withheld'
FROM typed WHERE lb_text(raw_birth_date) IS NOT NULL AND birth_date IS NULL

-- @rule invalid_age
SELECT line_no, 'age_years', raw_age_years, 'the age at death is a whole number of years (0–120)'
FROM typed WHERE lb_text(raw_age_years) IS NOT NULL AND lb_int32(raw_age_years) IS NULL

-- @rule age_out_of_range
SELECT line_no, 'age_years', coalesce(raw_age_years, raw_birth_date), 'age at death must be between 0 and 120 years'
FROM typed WHERE age_years NOT BETWEEN 0 AND 120 AND NOT (lb_text(raw_age_years) IS NOT NULL AND lb_int32(raw_age_years) IS NULL)

-- @rule unknown_region
SELECT line_no, 'region_code', raw_region_code, 'not one of the 21 region codes (01–25): the region of residence at death'
FROM typed WHERE region_code IS NOT NULL AND NOT lb_is_region(region_code)

-- @rule invalid_sex
SELECT line_no, 'sex_code', raw_sex_code, 'a death is one person''s: sex must be 1 (man) or 2 (woman)'
FROM typed WHERE sex_code = 3

-- @rule invalid_icd10
SELECT line_no, 'underlying_cause', raw_underlying_cause, 'the underlying cause is an ICD-10 code such as C34 or I21.9'
FROM typed WHERE underlying_cause IS NOT NULL AND NOT regexp_full_match(underlying_cause, '[A-Z][0-9]{2}(\.?[0-9]{1,2})?')

-- @rule date_in_future
SELECT line_no, 'death_date', raw_death_date, 'date is in the future (after ' || (SELECT today FROM delivery) || ')'
FROM typed WHERE death_date > (SELECT today FROM delivery)

-- @rule after_follow_up
SELECT line_no, 'death_date', raw_death_date, 'after the delivery''s closing date ' || (SELECT follow_up_until FROM delivery)
       || ' (--follow-up-until): deaths up to that date are complete, later ones are not in this delivery'
FROM typed WHERE death_date > (SELECT follow_up_until FROM delivery)

-- @rule died_before_birth
SELECT line_no, 'death_date', raw_death_date, 'before the date of birth (' || birth_date || ')'
FROM typed WHERE death_date < birth_date AND NOT regexp_full_match(trim(raw_birth_date), '[0-9]{4}-?[0-9]{2}')

-- @rule invalid_municipality
SELECT line_no, 'municipality_code', raw_municipality_code, 'a municipality code has four digits (e.g. 1380)'
FROM typed WHERE lb_text(raw_municipality_code) IS NOT NULL AND municipality_code IS NULL

-- @period
SELECT min(death_date), max(death_date) FROM loaded
