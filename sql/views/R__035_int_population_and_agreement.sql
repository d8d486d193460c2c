-- Population as the marts and the agreement use it, and the agreement rules as loaded.

-- Grain: region × year × sex × age interval. The population a year's rates use: the figures of
-- 31 December when they are loaded, else of the latest date in the year that has them by sex and
-- age (SCB's monthly figures). Figures of other dates of the year are kept but not counted twice.
CREATE OR REPLACE VIEW int_population_year AS
WITH detailed AS (
    SELECT * FROM stg_population WHERE sex_code IN (1, 2) AND age_from IS NOT NULL
),
chosen AS (
    SELECT region_code, year(reference_date) AS year, max(reference_date) AS reference_date
    FROM detailed GROUP BY ALL
),
final AS (
    SELECT d.region_code, c.year, d.sex_code, d.age_from, d.age_to, d.population, d.reference_date
    FROM detailed d JOIN chosen c USING (region_code, reference_date)
)
SELECT * FROM final;

-- Grain: region × year × sex × age interval × dimension × group. The population by education or
-- country of birth a year's rates by group use, chosen as int_population_year chooses: 31 December
-- when loaded, else the latest date of the year.
CREATE OR REPLACE VIEW int_population_group_year AS
WITH chosen AS (
    SELECT region_code, dimension_code, year(reference_date) AS year, max(reference_date) AS reference_date
    FROM stg_population_group GROUP BY ALL
),
final AS (
    SELECT g.region_code, c.year, g.sex_code, g.age_from, g.age_to, g.dimension_code, g.group_code, g.population, g.reference_date
    FROM stg_population_group g JOIN chosen c USING (region_code, dimension_code, reference_date)
)
SELECT * FROM final;

-- Grain: region × reference date. A region's whole population on a date: its total row when SCB's
-- total (sex 3, all ages) was delivered, else the sum of its rows by sex and age.
CREATE OR REPLACE VIEW int_population_total AS
WITH totals AS (
    SELECT region_code, reference_date, sum(population)::BIGINT AS population, 'total' AS delivered_as
    FROM stg_population WHERE sex_code = 3 AND age_from IS NULL GROUP BY ALL
),
detailed AS (
    SELECT region_code, reference_date, sum(population)::BIGINT AS population, 'by sex and age' AS delivered_as
    FROM stg_population WHERE sex_code IN (1, 2) AND age_from IS NOT NULL GROUP BY ALL
),
final AS (
    SELECT * FROM totals
    UNION ALL
    SELECT d.* FROM detailed d ANTI JOIN totals t USING (region_code, reference_date)
)
SELECT * FROM final;

-- The agreement rules as loaded (stg_agreement_rule), in their three levels.
-- Grain: agreement year.
CREATE OR REPLACE VIEW int_agreement AS
SELECT agreement_year, any_value(title_sv) AS title_sv, any_value(svf_total_sek) AS svf_total_sek,
       any_value(report_deadline) AS report_deadline, any_value(population_date) AS population_reference_date,
       any_value(population_note) AS population_reference_note, any_value(source_sv) AS source_sv, any_value(batch_id) AS batch_id
FROM stg_agreement_rule GROUP BY agreement_year;

-- Grain: agreement year × payment part.
CREATE OR REPLACE VIEW int_agreement_payment AS
SELECT agreement_year, payment_code, any_value(payment_no) AS payment_no, any_value(part_no) AS part_no,
       any_value(amount_sek) AS amount_sek, any_value(shared_among) AS shared_among, any_value(payment_name_sv) AS name_sv
FROM stg_agreement_rule GROUP BY agreement_year, payment_code;

-- Grain: agreement year × payment part × condition (parts without conditions have none).
CREATE OR REPLACE VIEW int_agreement_condition AS
SELECT agreement_year, payment_code, condition_code, metric, svf_scope, icd10_scope, period_code, threshold, comparison,
       description_sv, note_sv
FROM stg_agreement_rule WHERE condition_code <> '-';

-- The follow-up structure as served (issue 25): one row per sub-goal × indicator of the current
-- vintage (or the snapshot's), in the file's order within each sub-goal. indicator_code '-' is a
-- sub-goal without an indicator yet.
CREATE OR REPLACE VIEW int_followup_structure AS
SELECT goal_code, goal_title_sv, goal_title_en, subgoal_code, subgoal_title_sv, subgoal_title_en, subgoal_placeholder,
       subgoal_order, indicator_code, direction, target_value, target_year, min_base, data_source, note_sv, batch_id, source_line
FROM stg_followup_structure;
