-- agreement-rules: one year's state–SKR agreement on SVF money, as the agreement text gives it:
-- one row per condition of a payment part (a part without conditions is one row with empty
-- condition columns); the agreement's and the part's columns repeat on every row. See
-- docs/formats/agreement-rules.md. A later file for the same year is a new vintage of it.

-- @typed
SELECT *,
       lb_int32(raw_agreement_year)                 AS agreement_year,
       lb_text(raw_title)                           AS title_sv,
       lb_int(raw_svf_total_sek)                    AS svf_total_sek,
       lb_date(raw_report_deadline)                 AS report_deadline,
       lb_reference_date(raw_population_date)       AS population_date,
       lb_text(raw_population_note)                 AS population_note,
       lb_text(raw_source)                          AS source_sv,
       upper(lb_text(raw_payment_code))             AS payment_code,
       lb_int32(raw_payment_no)                     AS payment_no,
       coalesce(lb_int32(raw_part_no), CASE WHEN lb_text(raw_part_no) IS NULL THEN 1 END) AS part_no,
       lb_int(raw_amount_sek)                       AS amount_sek,
       lower(lb_text(raw_shared_among))             AS shared_among,
       lb_text(raw_payment_name)                    AS payment_name_sv,
       coalesce(upper(lb_text(raw_condition_code)), '-') AS condition_code,
       lower(lb_text(raw_metric))                   AS metric,
       CASE WHEN upper(lb_text(raw_svf_scope)) = 'INTRODUCED_BEFORE_YEAR' THEN 'introduced_before_year'
            ELSE upper(lb_text(raw_svf_scope)) END  AS svf_scope,
       upper(lb_text(raw_icd10_scope))              AS icd10_scope,
       upper(lb_text(raw_period))                   AS period_code,
       CAST(lb_share(raw_threshold) AS DECIMAL(6, 4)) AS threshold,
       lower(lb_text(raw_comparison))               AS comparison,
       lb_text(raw_description)                     AS description_sv,
       lb_text(raw_note)                            AS note_sv
FROM staging

-- @rule unknown_year
SELECT line_no, 'agreement_year', raw_agreement_year, 'the agreement year must be between 2015 and 2035'
FROM typed WHERE agreement_year IS NOT NULL AND NOT lb_is_year(agreement_year)

-- @rule unknown_shared_among
SELECT line_no, 'shared_among', raw_shared_among, 'all_regions (by population among all 21) or qualifying_regions (among those that meet every condition of the part)'
FROM typed WHERE shared_among IS NOT NULL AND shared_among NOT IN ('all_regions', 'qualifying_regions')

-- @rule unknown_payment_no
SELECT line_no, 'payment_no', raw_payment_no, 'the payment is 1 (first) or 2 (second)'
FROM typed WHERE payment_no IS NOT NULL AND payment_no NOT IN (1, 2)

-- @rule unknown_metric
SELECT line_no, 'metric', raw_metric, 'svf_inclusion, prem_used, report_submitted or lead_time_within_max'
FROM typed WHERE condition_code <> '-' AND (metric IS NULL OR metric NOT IN ('svf_inclusion', 'prem_used', 'report_submitted', 'lead_time_within_max'))

-- @rule unknown_comparison
SELECT line_no, 'comparison', raw_comparison, CASE metric
       WHEN 'prem_used' THEN 'prem_used is judged is_true'
       WHEN 'report_submitted' THEN 'report_submitted is judged on_or_before_deadline'
       ELSE 'a share is judged >= or <= its threshold' END
FROM typed WHERE condition_code <> '-' AND metric IN ('svf_inclusion', 'prem_used', 'report_submitted', 'lead_time_within_max')
 AND NOT ((metric = 'prem_used' AND comparison = 'is_true') OR (metric = 'report_submitted' AND comparison = 'on_or_before_deadline')
       OR (metric IN ('svf_inclusion', 'lead_time_within_max') AND comparison IN ('>=', '<=')))

-- @rule threshold_out_of_range
SELECT line_no, 'threshold', raw_threshold, 'a share between 0 and 1 (0.70, 0,70 or 70 %), or empty when not yet set'
FROM typed WHERE threshold < 0 OR threshold > 1

-- @rule unknown_period
SELECT line_no, 'period', raw_period, 'a period such as 2026H1 (see /api/v1/periods)'
FROM typed WHERE period_code IS NOT NULL AND period_code NOT IN (SELECT period_code FROM dim_period)

-- @rule missing_period
SELECT line_no, 'period', raw_period, 'an inclusion or lead-time condition needs the period it is measured over (e.g. 2026H1)'
FROM typed WHERE metric IN ('svf_inclusion', 'lead_time_within_max') AND period_code IS NULL

-- @rule unknown_svf_scope
SELECT line_no, 'svf_scope', raw_svf_scope, 'introduced_before_year, or one SVF code (BREAST, CRC, PROST …)'
FROM typed WHERE condition_code <> '-' AND (
      (metric = 'lead_time_within_max' AND (svf_scope IS NULL OR svf_scope NOT IN (SELECT diagnosis_code FROM dim_diagnosis WHERE diagnosis_kind = 'svf')))
   OR (metric = 'svf_inclusion' AND coalesce(svf_scope, '') <> 'introduced_before_year'))

-- @rule invalid_icd10_scope
SELECT line_no, 'icd10_scope', raw_icd10_scope, 'an ICD-10 code or range narrowing the SVF, such as C18 or C19-C20'
FROM typed WHERE icd10_scope IS NOT NULL AND NOT regexp_full_match(icd10_scope, '[A-Z][0-9]{2}(-[A-Z][0-9]{2})?')

-- @rule condition_on_all_regions
SELECT line_no, 'condition_code', raw_condition_code, 'a part shared among all regions has no conditions; make it qualifying_regions or leave the condition out'
FROM typed WHERE condition_code <> '-' AND shared_among = 'all_regions'

-- @rule part_without_conditions
-- A part shared among the qualifying regions with no condition would pay nobody (no region could
-- meet a condition that is not there): refused, naming the part.
SELECT min(line_no), 'condition_code', NULL, 'the part ' || payment_code || ' of ' || agreement_year
       || ' is shared among the qualifying regions but has no condition, so no region could qualify and it would pay nothing:'
       || ' give its conditions (condition_code, metric, threshold) or share it among all_regions'
FROM typed WHERE shared_among = 'qualifying_regions' AND agreement_year IS NOT NULL AND payment_code IS NOT NULL
GROUP BY agreement_year, payment_code HAVING count(*) FILTER (WHERE condition_code <> '-') = 0

-- @rule inconsistent_agreement
SELECT t.line_no, 'agreement_year', t.raw_agreement_year, 'the agreement''s title, total, deadline or population date differ from line '
       || f.line_no || '; every row of a year repeats the same'
FROM typed t JOIN (SELECT DISTINCT ON (agreement_year) * FROM typed ORDER BY agreement_year, line_no) f USING (agreement_year)
WHERE t.line_no > f.line_no AND (t.title_sv IS DISTINCT FROM f.title_sv OR t.svf_total_sek IS DISTINCT FROM f.svf_total_sek
   OR t.report_deadline IS DISTINCT FROM f.report_deadline OR t.population_date IS DISTINCT FROM f.population_date)

-- @rule inconsistent_payment
SELECT t.line_no, 'payment_code', t.raw_payment_code, 'the part''s number, amount, sharing or name differ from line ' || f.line_no
       || '; every row of a part repeats the same'
FROM typed t JOIN (SELECT DISTINCT ON (agreement_year, payment_code) * FROM typed ORDER BY agreement_year, payment_code, line_no) f
  USING (agreement_year, payment_code)
WHERE t.line_no > f.line_no AND (t.payment_no IS DISTINCT FROM f.payment_no OR t.part_no IS DISTINCT FROM f.part_no
   OR t.amount_sek IS DISTINCT FROM f.amount_sek OR t.shared_among IS DISTINCT FROM f.shared_among
   OR t.payment_name_sv IS DISTINCT FROM f.payment_name_sv)

-- @rule amounts_do_not_add_up
SELECT min(line_no), 'amount_sek', any_value(raw_amount_sek), 'the parts add up to ' || sum(amount_sek) || ' kr, the agreement''s total is '
       || any_value(svf_total_sek) || ' kr'
FROM (SELECT DISTINCT ON (agreement_year, payment_code) * FROM typed ORDER BY agreement_year, payment_code, line_no)
GROUP BY agreement_year HAVING sum(amount_sek) <> any_value(svf_total_sek)

-- @period
SELECT make_date(min(agreement_year), 1, 1), make_date(max(agreement_year), 12, 31) FROM loaded
