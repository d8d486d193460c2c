-- screening: participation and coverage per programme × region × year × age band × sex, as the
-- national quality registers for screening count them (docs/formats/screening.md). The programme
-- is the diagnosis it looks for: BREAST (mammography), CERV (cervical), CRC (colorectal). A
-- delivery may split each cell by country of birth or education (optional columns; issue 26).

-- @typed
SELECT *,
       upper(lb_text(raw_programme_code))  AS programme_code,
       lb_region(raw_region_code)          AS region_code,
       lb_int32(raw_year)                  AS year,
       CASE WHEN lb_age_to(raw_age_group_code) IS NOT NULL
            THEN lb_age_from(raw_age_group_code) || '-' || lb_age_to(raw_age_group_code) END AS age_group_code,
       lb_sex(raw_sex_code)                AS sex_code,
       lb_int(raw_invited)                 AS invited,
       lb_int(raw_screened)                AS screened,
       lb_int(raw_target_population)       AS target_population,
       lb_int(raw_covered)                 AS covered,
       lb_birth_country(raw_birth_country, lb_has_birth_country)   AS birth_country_code,
       lb_education(raw_education_level, lb_has_education_level)   AS education_code
FROM staging

-- @rule unknown_programme
SELECT line_no, 'programme_code', raw_programme_code, 'not a screening programme: BREAST (mammography), CERV (cervical) or CRC (colorectal)'
FROM typed WHERE programme_code IS NOT NULL AND programme_code NOT IN ('BREAST', 'CERV', 'CRC')

-- @rule unknown_region
SELECT line_no, 'region_code', raw_region_code, 'not one of the 21 region codes (01–25)'
FROM typed WHERE region_code IS NOT NULL AND NOT lb_is_region(region_code)

-- @rule unknown_year
SELECT line_no, 'year', raw_year, 'a calendar year from 1950 to 2100'
FROM typed WHERE year IS NOT NULL AND NOT lb_is_year(year)

-- @rule unknown_age_band
SELECT line_no, 'age_group_code', raw_age_group_code, 'not a five-year age band such as 50-54'
FROM typed WHERE lb_text(raw_age_group_code) IS NOT NULL
  AND (age_group_code IS NULL OR age_group_code NOT IN (SELECT age_group_code FROM dim_age_group WHERE age_group_kind = 'band'))

-- @rule invalid_sex
SELECT line_no, 'sex_code', raw_sex_code, 'screening is counted by sex: 1 (men) or 2 (women); ' || programme_code || ' screens '
       || CASE WHEN programme_code = 'CRC' THEN 'both sexes' ELSE 'women only' END
FROM typed WHERE sex_code = 3 OR (sex_code = 1 AND programme_code IN ('BREAST', 'CERV'))

-- @rule pair_incomplete
SELECT line_no, CASE WHEN invited IS NULL THEN 'invited' ELSE 'screened' END, NULL,
       'participation needs both invited and screened (or leave both empty)'
FROM typed WHERE (lb_text(raw_invited) IS NULL) <> (lb_text(raw_screened) IS NULL)
UNION ALL
SELECT line_no, CASE WHEN target_population IS NULL THEN 'target_population' ELSE 'covered' END, NULL,
       'coverage needs both target_population and covered (or leave both empty)'
FROM typed WHERE (lb_text(raw_target_population) IS NULL) <> (lb_text(raw_covered) IS NULL)
UNION ALL
SELECT line_no, 'invited', NULL, 'give participation (invited, screened), coverage (target_population, covered) or both'
FROM typed WHERE lb_text(raw_invited) IS NULL AND lb_text(raw_screened) IS NULL
  AND lb_text(raw_target_population) IS NULL AND lb_text(raw_covered) IS NULL

-- @rule negative_count
SELECT line_no, 'invited', raw_invited, 'a count cannot be negative' FROM typed WHERE invited < 0
UNION ALL
SELECT line_no, 'screened', raw_screened, 'a count cannot be negative' FROM typed WHERE screened < 0
UNION ALL
SELECT line_no, 'target_population', raw_target_population, 'a count cannot be negative' FROM typed WHERE target_population < 0
UNION ALL
SELECT line_no, 'covered', raw_covered, 'a count cannot be negative' FROM typed WHERE covered < 0

-- @rule count_exceeds_base
SELECT line_no, 'screened', raw_screened, 'more screened than invited (' || invited || ')' FROM typed WHERE screened > invited
UNION ALL
SELECT line_no, 'covered', raw_covered, 'more covered than the target population (' || target_population || ')'
FROM typed WHERE covered > target_population

-- @period
SELECT make_date(min(year), 1, 1), make_date(max(year), 12, 31) FROM loaded
