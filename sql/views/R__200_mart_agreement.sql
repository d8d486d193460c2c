-- Agreement follow-up: every condition of every payment part, for each of the 21 regions.
-- Rules come from the loaded agreement rules (int_agreement*, lagesbild load agreement-rules); observations from the regions' reports and the pathways.

-- Lead-time conditions: treated pathways of the condition's SVF (and ICD-10 range, e.g. 'C18' or
-- 'C19-C20') whose treatment started in the condition's period, per reporting region.
CREATE OR REPLACE VIEW int_agreement_lead_time AS
WITH conditions AS (
    SELECT c.agreement_year, c.payment_code, c.condition_code, c.svf_scope, p.start_date, p.end_date,
           split_part(c.icd10_scope, '-', 1) AS icd10_from,
           coalesce(nullif(split_part(c.icd10_scope, '-', 2), ''), split_part(c.icd10_scope, '-', 1)) AS icd10_to
    FROM int_agreement_condition c
    JOIN dim_period p ON p.period_code = c.period_code
    WHERE c.metric = 'lead_time_within_max'
),
final AS (
    SELECT c.agreement_year, c.payment_code, c.condition_code, l.reporting_region_code AS region_code,
           count(*) FILTER (WHERE l.within_max) AS within,
           count(*) FILTER (WHERE l.within_max IS NOT NULL) AS evaluable
    FROM conditions c
    JOIN int_svf_pathway_lead_time l
      ON l.svf_code = c.svf_scope
     AND l.closed_date BETWEEN c.start_date AND c.end_date
     AND (c.icd10_from IS NULL OR left(l.icd10_code, 3) BETWEEN c.icd10_from AND c.icd10_to)
    GROUP BY ALL
)
SELECT * FROM final;

-- The regions' yearly reports as measures. Grain: region × report year. The one definition of
-- inclusion share and PREM use that both the conditions and their trends over earlier years use.
CREATE OR REPLACE VIEW int_region_report_metric AS
SELECT region_code, report_year, submitted_date, actions_sv, inclusion_numerator_h1, inclusion_denominator_h1,
       inclusion_numerator_h1::DOUBLE / nullif(inclusion_denominator_h1, 0) AS inclusion_share,
       CASE WHEN prem_used THEN 1.0 WHEN NOT prem_used THEN 0.0 END AS prem_used_value
FROM stg_region_report;

-- Grain: agreement year × payment part × condition × region.
--   observed_value: inclusion share, 1/0 for PREM used, days after the deadline for the report
--                   (negative = early), lead-time share; NULL when there is nothing to observe.
--   status: 'met', 'not_met' or 'not_evaluable'; reason says why whenever it is not 'met'.
-- A region without a report for the year has every condition not evaluable ("no report"), as has a
-- lead-time condition whose period has months without any pathway record from the region; a
-- threshold not yet set is "threshold not set", never a guess.
CREATE OR REPLACE VIEW mart_agreement_condition AS
WITH grid AS (
    SELECT c.agreement_year, c.payment_code, c.condition_code, c.metric, c.svf_scope, c.icd10_scope, c.period_code,
           c.threshold, c.comparison, c.description_sv, a.report_deadline,
           r.region_code, r.name_sv AS region_name_sv, r.sort_order
    FROM int_agreement_condition c
    JOIN int_agreement a USING (agreement_year)
    CROSS JOIN dim_region r
    WHERE r.region_level = 'region'
),
observed AS (
    SELECT g.*, rr.submitted_date, rr.actions_sv, rr.inclusion_numerator_h1, rr.inclusion_denominator_h1,
           lt.within AS lead_time_within, lt.evaluable AS lead_time_evaluable,
           CASE g.metric
               WHEN 'svf_inclusion' THEN rr.inclusion_share
               WHEN 'prem_used' THEN rr.prem_used_value
               WHEN 'report_submitted' THEN (rr.submitted_date - g.report_deadline)::DOUBLE
               WHEN 'lead_time_within_max' THEN lt.within::DOUBLE / nullif(lt.evaluable, 0)
           END AS observed_value
    FROM grid g
    LEFT JOIN int_region_report_metric rr ON rr.region_code = g.region_code AND rr.report_year = g.agreement_year
    LEFT JOIN int_agreement_lead_time lt
           ON lt.agreement_year = g.agreement_year AND lt.payment_code = g.payment_code
          AND lt.condition_code = g.condition_code AND lt.region_code = g.region_code
),
gaps AS (
    -- months of a lead-time condition's period without a single pathway record from the region:
    -- a share computed over them would pass or fail on missing data
    SELECT o.*, (SELECT string_agg(m.period_code, ', ' ORDER BY m.period_code)
                 FROM mart_reporting_month m JOIN dim_period p ON p.period_code = o.period_code
                 WHERE o.metric = 'lead_time_within_max' AND m.region_code = o.region_code AND m.records = 0
                   AND m.start_date BETWEEN p.start_date AND p.end_date) AS months_without_records
    FROM observed o
),
judged AS (
    SELECT o.*,
           CASE
               WHEN o.submitted_date IS NULL THEN 'not_evaluable'
               WHEN o.comparison IN ('>=', '<=') AND o.threshold IS NULL THEN 'not_evaluable'
               WHEN o.months_without_records IS NOT NULL THEN 'not_evaluable'
               WHEN o.observed_value IS NULL THEN 'not_evaluable'
               WHEN o.comparison = '>=' THEN CASE WHEN o.observed_value >= o.threshold THEN 'met' ELSE 'not_met' END
               WHEN o.comparison = '<=' THEN CASE WHEN o.observed_value <= o.threshold THEN 'met' ELSE 'not_met' END
               WHEN o.comparison = 'is_true' THEN CASE WHEN o.observed_value = 1 THEN 'met' ELSE 'not_met' END
               WHEN o.comparison = 'on_or_before_deadline' THEN CASE WHEN o.observed_value <= 0 THEN 'met' ELSE 'not_met' END
           END AS status,
           CASE
               WHEN o.submitted_date IS NULL THEN 'no report for ' || o.agreement_year || ' received'
               WHEN o.comparison IN ('>=', '<=') AND o.threshold IS NULL THEN 'threshold not set'
               WHEN o.months_without_records IS NOT NULL
                   THEN 'missing data: no pathway records from the region for ' || o.months_without_records
               WHEN o.observed_value IS NULL AND o.metric = 'svf_inclusion' THEN 'missing first-half-year inclusion data in the report'
               WHEN o.observed_value IS NULL THEN 'missing data: no treated pathways in ' || o.period_code
               WHEN o.comparison = '>=' AND o.observed_value < o.threshold
                   THEN printf('%.1f %% is %.1f percentage points below %.0f %%', 100 * o.observed_value,
                               100 * (o.threshold - o.observed_value), 100 * o.threshold)
               WHEN o.comparison = '<=' AND o.observed_value > o.threshold
                   THEN printf('%.1f %% is %.1f percentage points above %.0f %%', 100 * o.observed_value,
                               100 * (o.observed_value - o.threshold), 100 * o.threshold)
               WHEN o.comparison = 'is_true' AND o.observed_value <> 1 THEN 'the report says PREM is not used'
               WHEN o.comparison = 'on_or_before_deadline' AND o.observed_value > 0
                   THEN 'late report: submitted ' || o.submitted_date || ', ' || o.observed_value::BIGINT
                        || ' days after the deadline ' || o.report_deadline
           END AS reason
    FROM gaps o
),
final AS (
    SELECT agreement_year, payment_code, condition_code, region_code, region_name_sv, sort_order, metric, svf_scope,
           icd10_scope, period_code, threshold::DOUBLE AS threshold, comparison, description_sv, report_deadline,
           submitted_date, observed_value, inclusion_numerator_h1, inclusion_denominator_h1, lead_time_within,
           lead_time_evaluable, status, reason, actions_sv,
           CASE metric WHEN 'svf_inclusion' THEN 'region report (inclusion, first half-year)'
                       WHEN 'prem_used' THEN 'region report (PREM)'
                       WHEN 'report_submitted' THEN 'region report (date received)'
                       WHEN 'lead_time_within_max' THEN 'svf-pathways (lead times)' END AS source
    FROM judged
)
SELECT * FROM final;

-- One decision per region × payment part: met when every condition is met, not met when any
-- condition is not met, otherwise not evaluable.
CREATE OR REPLACE VIEW mart_agreement_decision AS
WITH final AS (
    SELECT agreement_year, payment_code, region_code, any_value(region_name_sv) AS region_name_sv,
           any_value(sort_order) AS sort_order,
           CASE WHEN bool_and(status = 'met') THEN 'met'
                WHEN bool_or(status = 'not_met') THEN 'not_met'
                ELSE 'not_evaluable' END AS decision,
           coalesce(string_agg(condition_code || ': ' || reason, '; ' ORDER BY condition_code)
                    FILTER (WHERE status <> 'met'), '') AS reasons
    FROM mart_agreement_condition
    GROUP BY agreement_year, payment_code, region_code
)
SELECT * FROM final;
