-- region-reports: the regions' yearly SVF report on the agreement's template.

-- @typed
SELECT *,
       lb_region(raw_region_code)                AS region_code,
       lb_int32(raw_report_year)          AS report_year,
       lb_date(raw_submitted_date)               AS submitted_date,
       lb_bool(raw_prem_used)                    AS prem_used,
       lb_int(raw_inclusion_numerator_h1)        AS inclusion_numerator_h1,
       lb_int(raw_inclusion_denominator_h1)      AS inclusion_denominator_h1,
       lb_text(raw_actions_sv)                   AS actions_sv
FROM staging

-- @rule unknown_region
SELECT line_no, 'region_code', raw_region_code, 'not one of the 21 region codes (01–25)'
FROM typed WHERE region_code IS NOT NULL AND NOT lb_is_region(region_code)

-- @rule unknown_year
SELECT line_no, 'report_year', raw_report_year, 'year must be between 2015 and 2035'
FROM typed WHERE report_year IS NOT NULL AND NOT lb_is_year(report_year)

-- @rule date_in_future
SELECT line_no, 'submitted_date', raw_submitted_date, 'date is in the future (after ' || (SELECT today FROM delivery) || ')'
FROM typed WHERE submitted_date > (SELECT today FROM delivery)

-- @rule numerator_above_denominator
SELECT line_no, 'inclusion_numerator_h1', raw_inclusion_numerator_h1,
       'more cases included in SVF (' || inclusion_numerator_h1 || ') than new cancer cases (' || inclusion_denominator_h1
       || '); check the two columns are not swapped'
FROM typed WHERE inclusion_numerator_h1 > inclusion_denominator_h1

-- @rule negative_count
SELECT line_no, 'inclusion_numerator_h1', raw_inclusion_numerator_h1, 'a count cannot be negative' FROM typed WHERE inclusion_numerator_h1 < 0
UNION ALL
SELECT line_no, 'inclusion_denominator_h1', raw_inclusion_denominator_h1, 'a count cannot be negative' FROM typed WHERE inclusion_denominator_h1 < 0

-- @period
SELECT make_date(min(report_year), 1, 1), make_date(max(report_year), 12, 31) FROM loaded
