-- Grain: one row per current SVF pathway closed by start of treatment.
-- lead_time_days: calendar days from well-founded suspicion to start of the first treatment.
-- The maximum that applies is the SVF's definition valid on the day of suspicion for the
-- pathway's treatment type, else the SVF's "all treatment types" definition; among several,
-- the basic investigation and the unqualified variant come first. A definition without days
-- (not known) or none at all makes within_max and exceeds_max_by_half NULL: not evaluable,
-- never "not within".
CREATE OR REPLACE VIEW int_svf_pathway_lead_time AS
WITH treated AS (
    SELECT p.*, (p.closed_date - p.suspicion_date) AS lead_time_days
    FROM stg_svf_pathway p
    WHERE p.close_reason_code = 'treatment' AND p.closed_date IS NOT NULL
),
candidates AS (
    SELECT t.batch_id, t.pathway_id, d.lead_time_id, d.max_days,
           row_number() OVER (
               PARTITION BY t.batch_id, t.pathway_id
               ORDER BY (d.treatment_type_code = t.first_treatment_type_code) DESC,
                        (d.investigation IS DISTINCT FROM 'extended') DESC,
                        (d.variant IS NULL) DESC,
                        d.lead_time_id) AS preference
    FROM treated t
    JOIN ref_svf_lead_time d
      ON d.svf_code = t.svf_code
     AND d.treatment_type_code IN (t.first_treatment_type_code, 'ALL')
     AND t.suspicion_date BETWEEN d.valid_from AND coalesce(d.valid_to, DATE '9999-12-31')
),
final AS (
    SELECT t.*, c.lead_time_id, c.max_days,
           CASE WHEN c.max_days IS NOT NULL THEN t.lead_time_days <= c.max_days END AS within_max,
           CASE WHEN c.max_days IS NOT NULL THEN t.lead_time_days > 1.5 * c.max_days END AS exceeds_max_by_half
    FROM treated t
    LEFT JOIN candidates c ON c.batch_id = t.batch_id AND c.pathway_id = t.pathway_id AND c.preference = 1
)
SELECT * FROM final;
