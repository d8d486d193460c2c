-- care-quality: shares from the quality registers per measure × region × year × sex: the patients
-- a measure applies to and those for whom it was done (docs/formats/care-quality.md lists the
-- measures: end of life, rehabilitation, late effects after childhood cancer).

-- @typed
SELECT *,
       upper(lb_text(raw_measure_code))  AS measure_code,
       lb_region(raw_region_code)        AS region_code,
       lb_int32(raw_year)                AS year,
       lb_sex(raw_sex_code)              AS sex_code,
       lb_int(raw_eligible)              AS eligible,
       lb_int(raw_met)                   AS met
FROM staging

-- @rule unknown_measure
SELECT line_no, 'measure_code', raw_measure_code,
       'not a measure: ' || (SELECT string_agg(measure_code, ', ' ORDER BY measure_code) FROM ref_care_quality_measure)
FROM typed WHERE measure_code IS NOT NULL AND measure_code NOT IN (SELECT measure_code FROM ref_care_quality_measure)

-- @rule unknown_region
SELECT line_no, 'region_code', raw_region_code, 'not one of the 21 region codes (01–25)'
FROM typed WHERE region_code IS NOT NULL AND NOT lb_is_region(region_code)

-- @rule unknown_year
SELECT line_no, 'year', raw_year, 'a calendar year from 1950 to 2100'
FROM typed WHERE year IS NOT NULL AND NOT lb_is_year(year)

-- @rule invalid_sex
SELECT line_no, 'sex_code', raw_sex_code, 'the measures are counted by sex: 1 (men) or 2 (women)'
FROM typed WHERE sex_code = 3

-- @rule negative_count
SELECT line_no, 'eligible', raw_eligible, 'a count cannot be negative' FROM typed WHERE eligible < 0
UNION ALL
SELECT line_no, 'met', raw_met, 'a count cannot be negative' FROM typed WHERE met < 0

-- @rule count_exceeds_base
SELECT line_no, 'met', raw_met, 'more patients met (' || met || ') than the measure applies to (' || eligible || ')'
FROM typed WHERE met > eligible

-- @period
SELECT make_date(min(year), 1, 1), make_date(max(year), 12, 31) FROM loaded
