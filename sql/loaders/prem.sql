-- prem: PREM survey results per region × SVF group × period × sex × question.
-- svf_group is an SVF code or ALL (all SVFs together).

-- @typed
SELECT *,
       lb_region(raw_region_code)       AS region_code,
       upper(lb_text(raw_svf_group))    AS svf_group,
       upper(lb_text(raw_period_code))  AS period_code,
       lb_sex(raw_sex_code)             AS sex_code,
       lb_text(raw_question_code)       AS question_code,
       lb_int(raw_respondents)          AS respondents,
       lb_int(raw_positive_answers)     AS positive_answers
FROM staging

-- @rule unknown_region
SELECT line_no, 'region_code', raw_region_code, 'not one of the 21 region codes (01–25)'
FROM typed WHERE region_code IS NOT NULL AND NOT lb_is_region(region_code)

-- @rule unknown_svf
SELECT line_no, 'svf_group', raw_svf_group, 'not an SVF code in dim_diagnosis, nor ALL'
FROM typed WHERE svf_group IS NOT NULL AND svf_group <> 'ALL'
  AND svf_group NOT IN (SELECT diagnosis_code FROM dim_diagnosis WHERE diagnosis_kind = 'svf')

-- @rule unknown_period
SELECT line_no, 'period_code', raw_period_code, 'not a period 2015–2035 written as 2026, 2026H1, 2026Q3 or 2026-09'
FROM typed WHERE period_code IS NOT NULL AND period_code NOT IN (SELECT period_code FROM dim_period)

-- @rule negative_count
SELECT line_no, 'respondents', raw_respondents, 'a count cannot be negative' FROM typed WHERE respondents < 0
UNION ALL
SELECT line_no, 'positive_answers', raw_positive_answers, 'a count cannot be negative' FROM typed WHERE positive_answers < 0

-- @rule positive_exceeds_respondents
SELECT line_no, 'positive_answers', raw_positive_answers, 'more positive answers than respondents (' || respondents || ')'
FROM typed WHERE positive_answers > respondents

-- @period
SELECT min(p.start_date), max(p.end_date) FROM loaded t JOIN dim_period p USING (period_code)
