-- Staging views: the current vintage of every fact. A delivery covers cells (a region and a
-- period: a month for pathways, a year for population, …). For each cell the newest batch that
-- delivered it wins; older vintages stay in the fact tables, so a published figure can be
-- recomputed from the batches that were current then. Unloading a batch makes the previous
-- vintage current again. Grain of each view: as its fact table.
-- As of a snapshot: with the session variable lagesbild_max_batch set (SET VARIABLE, done by
-- Snapshots.asOf), only batches up to it count, so every view above these answers as the
-- warehouse stood when the snapshot was taken.

-- One row per current SVF pathway; cell = reporting region × month of well-founded suspicion.
CREATE OR REPLACE VIEW stg_svf_pathway AS
WITH cells AS (
    SELECT reporting_region_code, date_trunc('month', suspicion_date) AS month, max(batch_id) AS batch_id
    FROM fact_svf_pathway
    WHERE batch_id <= coalesce(getvariable('lagesbild_max_batch'), 9223372036854775807)
    GROUP BY ALL
),
final AS (
    SELECT f.*
    FROM fact_svf_pathway f
    JOIN cells c ON c.batch_id = f.batch_id
                AND c.reporting_region_code = f.reporting_region_code
                AND c.month = date_trunc('month', f.suspicion_date)
)
SELECT * FROM final;

-- cell = region × period
CREATE OR REPLACE VIEW stg_svf_aggregate AS
WITH cells AS (SELECT region_code, period_code, max(batch_id) AS batch_id FROM fact_svf_aggregate
               WHERE batch_id <= coalesce(getvariable('lagesbild_max_batch'), 9223372036854775807) GROUP BY ALL),
final AS (SELECT f.* FROM fact_svf_aggregate f JOIN cells c USING (batch_id, region_code, period_code))
SELECT * FROM final;

-- cell = region × year
CREATE OR REPLACE VIEW stg_new_cases AS
WITH cells AS (SELECT region_code, year, max(batch_id) AS batch_id FROM fact_new_cases
               WHERE batch_id <= coalesce(getvariable('lagesbild_max_batch'), 9223372036854775807) GROUP BY ALL),
final AS (SELECT f.* FROM fact_new_cases f JOIN cells c USING (batch_id, region_code, year))
SELECT * FROM final;

-- cell = region × reference date (several dates of a region coexist: 31 December, the end of a month)
CREATE OR REPLACE VIEW stg_population AS
WITH cells AS (SELECT region_code, reference_date, max(batch_id) AS batch_id FROM fact_population
               WHERE batch_id <= coalesce(getvariable('lagesbild_max_batch'), 9223372036854775807) GROUP BY ALL),
final AS (SELECT f.* FROM fact_population f JOIN cells c USING (batch_id, region_code, reference_date))
SELECT * FROM final;

-- cell = region × reference date × dimension (a table by education does not replace one by country of birth)
CREATE OR REPLACE VIEW stg_population_group AS
WITH cells AS (SELECT region_code, reference_date, dimension_code, max(batch_id) AS batch_id FROM fact_population_group
               WHERE batch_id <= coalesce(getvariable('lagesbild_max_batch'), 9223372036854775807) GROUP BY ALL),
final AS (SELECT f.* FROM fact_population_group f JOIN cells c USING (batch_id, region_code, reference_date, dimension_code))
SELECT * FROM final;

-- One row per current tumour; cell = region × year of diagnosis (a new delivery of a diagnosis year
-- replaces the register's earlier one: late registrations and corrections come with it). With each
-- tumour the day its follow-up was lost, if it was (V17).
CREATE OR REPLACE VIEW stg_tumour AS
WITH cells AS (SELECT region_code, year(diagnosis_date) AS year, max(batch_id) AS batch_id FROM fact_tumour
               WHERE batch_id <= coalesce(getvariable('lagesbild_max_batch'), 9223372036854775807) GROUP BY ALL),
final AS (SELECT f.* FROM fact_tumour f JOIN cells c ON c.batch_id = f.batch_id AND c.region_code = f.region_code
                                                     AND c.year = year(f.diagnosis_date))
SELECT * FROM final;

-- One row per current death; cell = region × year of death. With each death its delivery's closing date.
CREATE OR REPLACE VIEW stg_death AS
WITH cells AS (SELECT region_code, year(death_date) AS year, max(batch_id) AS batch_id FROM fact_death
               WHERE batch_id <= coalesce(getvariable('lagesbild_max_batch'), 9223372036854775807) GROUP BY ALL),
final AS (SELECT f.*, b.follow_up_until FROM fact_death f
          JOIN cells c ON c.batch_id = f.batch_id AND c.region_code = f.region_code AND c.year = year(f.death_date)
          JOIN load_batch b ON b.batch_id = f.batch_id)
SELECT * FROM final;

-- cell = table region (00 Riket) × year
CREATE OR REPLACE VIEW stg_life_table AS
WITH cells AS (SELECT region_code, year, max(batch_id) AS batch_id FROM fact_life_table
               WHERE batch_id <= coalesce(getvariable('lagesbild_max_batch'), 9223372036854775807) GROUP BY ALL),
final AS (SELECT f.* FROM fact_life_table f JOIN cells c USING (batch_id, region_code, year))
SELECT * FROM final;

-- cell = agreement year (a later rules file for the year replaces the earlier one)
CREATE OR REPLACE VIEW stg_agreement_rule AS
WITH cells AS (SELECT agreement_year, max(batch_id) AS batch_id FROM fact_agreement_rule
               WHERE batch_id <= coalesce(getvariable('lagesbild_max_batch'), 9223372036854775807) GROUP BY ALL),
final AS (SELECT f.* FROM fact_agreement_rule f JOIN cells c USING (batch_id, agreement_year))
SELECT * FROM final;

-- cell = the whole structure (a later follow-up-structure file replaces all of it)
CREATE OR REPLACE VIEW stg_followup_structure AS
WITH current_batch AS (SELECT max(batch_id) AS batch_id FROM fact_followup_structure
                       WHERE batch_id <= coalesce(getvariable('lagesbild_max_batch'), 9223372036854775807)),
final AS (SELECT f.* FROM fact_followup_structure f JOIN current_batch c USING (batch_id))
SELECT * FROM final;

-- cell = region × report year
CREATE OR REPLACE VIEW stg_region_report AS
WITH cells AS (SELECT region_code, report_year, max(batch_id) AS batch_id FROM fact_region_report
               WHERE batch_id <= coalesce(getvariable('lagesbild_max_batch'), 9223372036854775807) GROUP BY ALL),
final AS (SELECT f.* FROM fact_region_report f JOIN cells c USING (batch_id, region_code, report_year))
SELECT * FROM final;

-- cell = region × period
CREATE OR REPLACE VIEW stg_prem AS
WITH cells AS (SELECT region_code, period_code, max(batch_id) AS batch_id FROM fact_prem
               WHERE batch_id <= coalesce(getvariable('lagesbild_max_batch'), 9223372036854775807) GROUP BY ALL),
final AS (SELECT f.* FROM fact_prem f JOIN cells c USING (batch_id, region_code, period_code))
SELECT * FROM final;

-- cell = RCC × year
CREATE OR REPLACE VIEW stg_investment_fund AS
WITH cells AS (SELECT healthcare_region_code, year, max(batch_id) AS batch_id FROM fact_investment_fund
               WHERE batch_id <= coalesce(getvariable('lagesbild_max_batch'), 9223372036854775807) GROUP BY ALL),
final AS (SELECT f.* FROM fact_investment_fund f JOIN cells c USING (batch_id, healthcare_region_code, year))
SELECT * FROM final;

-- cell = RCC × year
CREATE OR REPLACE VIEW stg_investment_project AS
WITH cells AS (SELECT healthcare_region_code, year, max(batch_id) AS batch_id FROM fact_investment_project
               WHERE batch_id <= coalesce(getvariable('lagesbild_max_batch'), 9223372036854775807) GROUP BY ALL),
final AS (SELECT f.* FROM fact_investment_project f JOIN cells c USING (batch_id, healthcare_region_code, year))
SELECT * FROM final;

-- cell = region × period
CREATE OR REPLACE VIEW stg_external_waiting_time AS
WITH cells AS (SELECT region_code, period_code, max(batch_id) AS batch_id FROM fact_external_waiting_time
               WHERE batch_id <= coalesce(getvariable('lagesbild_max_batch'), 9223372036854775807) GROUP BY ALL),
final AS (SELECT f.* FROM fact_external_waiting_time f JOIN cells c USING (batch_id, region_code, period_code))
SELECT * FROM final;

-- cell = programme × region × year (a register delivers its programme)
CREATE OR REPLACE VIEW stg_screening AS
WITH cells AS (SELECT programme_code, region_code, year, max(batch_id) AS batch_id FROM fact_screening
               WHERE batch_id <= coalesce(getvariable('lagesbild_max_batch'), 9223372036854775807) GROUP BY ALL),
final AS (SELECT f.* FROM fact_screening f JOIN cells c USING (batch_id, programme_code, region_code, year))
SELECT * FROM final;

-- cell = region × birth year
CREATE OR REPLACE VIEW stg_hpv_vaccination AS
WITH cells AS (SELECT region_code, birth_year, max(batch_id) AS batch_id FROM fact_hpv_vaccination
               WHERE batch_id <= coalesce(getvariable('lagesbild_max_batch'), 9223372036854775807) GROUP BY ALL),
final AS (SELECT f.* FROM fact_hpv_vaccination f JOIN cells c USING (batch_id, region_code, birth_year))
SELECT * FROM final;

-- cell = measure × region × year (each register delivers its own measures)
CREATE OR REPLACE VIEW stg_care_quality AS
WITH cells AS (SELECT measure_code, region_code, year, max(batch_id) AS batch_id FROM fact_care_quality
               WHERE batch_id <= coalesce(getvariable('lagesbild_max_batch'), 9223372036854775807) GROUP BY ALL),
final AS (SELECT f.* FROM fact_care_quality f JOIN cells c USING (batch_id, measure_code, region_code, year))
SELECT * FROM final;

-- cell = scale × region × year
CREATE OR REPLACE VIEW stg_quality_of_life AS
WITH cells AS (SELECT scale_code, region_code, year, max(batch_id) AS batch_id FROM fact_quality_of_life
               WHERE batch_id <= coalesce(getvariable('lagesbild_max_batch'), 9223372036854775807) GROUP BY ALL),
final AS (SELECT f.* FROM fact_quality_of_life f JOIN cells c USING (batch_id, scale_code, region_code, year))
SELECT * FROM final;
