-- quality-of-life: patient-reported quality of life per scale × region × year × sex: respondents,
-- their mean score and its standard deviation, on a 0–100 scale (EORTC QLQ-C30;
-- docs/formats/quality-of-life.md).

-- @typed
SELECT *,
       upper(lb_text(raw_scale_code))                         AS scale_code,
       lb_region(raw_region_code)                             AS region_code,
       lb_int32(raw_year)                                     AS year,
       lb_sex(raw_sex_code)                                   AS sex_code,
       lb_int(raw_respondents)                                AS respondents,
       TRY_CAST(replace(trim(raw_mean_score), ',', '.') AS DOUBLE) AS mean_score,
       TRY_CAST(replace(trim(raw_sd_score), ',', '.') AS DOUBLE)   AS sd_score
FROM staging

-- @rule unknown_region
SELECT line_no, 'region_code', raw_region_code, 'not one of the 21 region codes (01–25)'
FROM typed WHERE region_code IS NOT NULL AND NOT lb_is_region(region_code)

-- @rule unknown_year
SELECT line_no, 'year', raw_year, 'a calendar year from 1950 to 2100'
FROM typed WHERE year IS NOT NULL AND NOT lb_is_year(year)

-- @rule invalid_sex
SELECT line_no, 'sex_code', raw_sex_code, 'quality of life is counted by sex: 1 (men) or 2 (women)'
FROM typed WHERE sex_code = 3

-- @rule invalid_scale
SELECT line_no, 'scale_code', raw_scale_code, 'a scale code of letters and digits such as QL2 (global health status)'
FROM typed WHERE scale_code IS NOT NULL AND NOT regexp_full_match(scale_code, '[A-Z][A-Z0-9_]{0,15}')

-- @rule negative_count
SELECT line_no, 'respondents', raw_respondents, 'a count cannot be negative' FROM typed WHERE respondents < 0

-- @rule score_out_of_range
SELECT line_no, 'mean_score', raw_mean_score, 'a mean score on the 0–100 scale' FROM typed
WHERE mean_score IS NOT NULL AND NOT (mean_score BETWEEN 0 AND 100)
UNION ALL
SELECT line_no, 'sd_score', raw_sd_score, 'a standard deviation from 0 to 50 on the 0–100 scale (0 with one respondent)' FROM typed
WHERE sd_score IS NOT NULL AND (NOT (sd_score BETWEEN 0 AND 50) OR (respondents = 1 AND sd_score <> 0))
UNION ALL
SELECT line_no, 'respondents', raw_respondents, 'a mean score with no respondents' FROM typed
WHERE respondents = 0

-- @period
SELECT make_date(min(year), 1, 1), make_date(max(year), 12, 31) FROM loaded
