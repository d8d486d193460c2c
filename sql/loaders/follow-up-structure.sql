-- follow-up-structure: Vårdanalys' structure for following up cancer strategy 2.0: goals, sub-goals
-- and the indicators that serve each, with targets. One row per sub-goal × indicator (a sub-goal
-- without indicators yet is one row with an empty indicator); the goal's and sub-goal's columns
-- repeat and must agree. See docs/formats/follow-up-structure.md. A later file replaces the whole
-- structure (its earlier vintage stays for snapshots).

-- @typed
SELECT *,
       lb_int32(raw_goal_code)                      AS goal_code,
       lb_text(raw_goal_title_sv)                   AS goal_title_sv,
       lb_text(raw_goal_title_en)                   AS goal_title_en,
       upper(lb_text(raw_subgoal_code))             AS subgoal_code,
       lb_text(raw_subgoal_title_sv)                AS subgoal_title_sv,
       lb_text(raw_subgoal_title_en)                AS subgoal_title_en,
       coalesce(lb_bool(raw_placeholder), CASE WHEN lb_text(raw_placeholder) IS NULL THEN false END) AS subgoal_placeholder,
       lb_int32(raw_subgoal_order)                  AS subgoal_order,
       coalesce(lower(lb_text(raw_indicator_code)), '-') AS indicator_code,
       lower(lb_text(raw_direction))                AS direction,
       lb_share(raw_target_value)                   AS target_value,
       lb_int32(raw_target_year)                    AS target_year,
       lb_int32(raw_min_base)                       AS min_base,
       lb_text(raw_data_source)                     AS data_source,
       lb_text(raw_note)                            AS note_sv
FROM staging

-- @rule unknown_goal
SELECT line_no, 'goal_code', raw_goal_code, 'one of the strategy''s three goals: 1, 2 or 3'
FROM typed WHERE goal_code IS NOT NULL AND goal_code NOT IN (SELECT goal_code FROM catalogue_goal)

-- @rule invalid_subgoal_code
SELECT line_no, 'subgoal_code', raw_subgoal_code, 'a code of letters, digits, dots and hyphens such as 1.1 or M1-A (at most 20)'
FROM typed WHERE subgoal_code IS NOT NULL AND NOT regexp_full_match(subgoal_code, '[A-Z0-9][A-Z0-9.\-]{0,19}')

-- @rule unknown_indicator
SELECT line_no, 'indicator_code', raw_indicator_code, 'an indicator of the catalogue (GET /api/v1/indicators lists them), or empty for a'
       || ' sub-goal without an indicator yet'
FROM typed WHERE indicator_code <> '-' AND indicator_code NOT IN (SELECT indicator_code FROM catalogue_indicator)

-- @rule unknown_direction
SELECT line_no, 'direction', raw_direction, 'higher_is_better, lower_is_better or neither (empty: as the catalogue defines the indicator)'
FROM typed WHERE direction IS NOT NULL AND direction NOT IN ('higher_is_better', 'lower_is_better', 'neither')

-- @rule target_year_out_of_range
SELECT line_no, 'target_year', raw_target_year, 'a year from 2026 to 2040 (the strategy is followed up to 2030)'
FROM typed WHERE target_year IS NOT NULL AND (target_year < 2026 OR target_year > 2040)

-- @rule target_without_year
SELECT line_no, CASE WHEN target_value IS NULL THEN 'target_value' ELSE 'target_year' END,
       CASE WHEN target_value IS NULL THEN raw_target_value ELSE raw_target_year END,
       'a target needs both its value and the year it is to be reached (or neither)'
FROM typed WHERE lb_text(raw_target_value) IS NULL <> (lb_text(raw_target_year) IS NULL)

-- @rule target_out_of_range
SELECT t.line_no, 'target_value', t.raw_target_value, 'the indicator ' || t.indicator_code || ' is a share: a target between 0 and 1 (0.80)'
FROM typed t JOIN catalogue_indicator c USING (indicator_code)
WHERE c.method = 'proportion' AND (t.target_value < 0 OR t.target_value > 1)

-- @rule target_on_nothing
SELECT line_no, 'target_value', raw_target_value, 'a sub-goal row without an indicator has no target; give the indicator or leave the target out'
FROM typed WHERE indicator_code = '-' AND (target_value IS NOT NULL OR target_year IS NOT NULL)

-- @rule min_base_out_of_range
SELECT line_no, 'min_base', raw_min_base, 'the smallest denominator (patients, cases) a judgement needs: a whole number from 1'
FROM typed WHERE min_base IS NOT NULL AND min_base < 1

-- @rule inconsistent_goal
SELECT t.line_no, 'goal_title_sv', t.raw_goal_title_sv, 'the goal''s titles differ from line ' || f.line_no || '; every row of a goal repeats the same'
FROM typed t JOIN (SELECT DISTINCT ON (goal_code) * FROM typed ORDER BY goal_code, line_no) f USING (goal_code)
WHERE t.line_no > f.line_no AND (t.goal_title_sv IS DISTINCT FROM f.goal_title_sv OR t.goal_title_en IS DISTINCT FROM f.goal_title_en)

-- @rule inconsistent_subgoal
SELECT t.line_no, 'subgoal_code', t.raw_subgoal_code, 'the sub-goal''s goal, titles, order or placeholder mark differ from line ' || f.line_no
       || '; every row of a sub-goal repeats the same'
FROM typed t JOIN (SELECT DISTINCT ON (subgoal_code) * FROM typed ORDER BY subgoal_code, line_no) f USING (subgoal_code)
WHERE t.line_no > f.line_no AND (t.goal_code IS DISTINCT FROM f.goal_code OR t.subgoal_title_sv IS DISTINCT FROM f.subgoal_title_sv
   OR t.subgoal_title_en IS DISTINCT FROM f.subgoal_title_en OR t.subgoal_order IS DISTINCT FROM f.subgoal_order
   OR t.subgoal_placeholder IS DISTINCT FROM f.subgoal_placeholder)

-- @rule inconsistent_target
-- An indicator that serves several sub-goals is still one indicator: one target, one direction.
SELECT t.line_no, 'indicator_code', t.raw_indicator_code, 'the indicator ' || t.indicator_code || ' has another target, target year, direction'
       || ' or smallest base on line ' || f.line_no || '; an indicator serving several sub-goals has one of each'
FROM typed t JOIN (SELECT DISTINCT ON (indicator_code) * FROM typed WHERE indicator_code <> '-' ORDER BY indicator_code, line_no) f
  USING (indicator_code)
WHERE t.line_no > f.line_no AND (t.target_value IS DISTINCT FROM f.target_value OR t.target_year IS DISTINCT FROM f.target_year
   OR t.direction IS DISTINCT FROM f.direction OR t.min_base IS DISTINCT FROM f.min_base)

-- @period
SELECT DATE '2026-01-01', make_date(greatest(2030, coalesce(max(target_year), 2030)), 12, 31) FROM loaded
