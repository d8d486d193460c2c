-- Goal 2 (survival) and goal 1's stage at diagnosis, from the national registers (issue 14).

-- 1. The cancer register: one row per tumour (Socialstyrelsen's cancerregister). Stage is the
--    stage group 0, I–IV or unknown; TNM as delivered. basis_of_diagnosis follows ENCR/IARC:
--    0 death certificate only (DCO: excluded from survival and counted), 1 clinical, 2 clinical
--    investigation, 4 tumour markers, 5 cytology, 6 histology of a metastasis, 7 histology of the
--    primary, 9 unknown. age_days is the age at diagnosis in days (a birth date given as a month
--    is read as its 15th).
CREATE TABLE fact_tumour (
    batch_id           BIGINT NOT NULL,
    source_line        BIGINT NOT NULL,
    person_id          VARCHAR NOT NULL,
    sex_code           INTEGER NOT NULL,
    birth_date         DATE NOT NULL,
    diagnosis_date     DATE NOT NULL,
    age_days           INTEGER NOT NULL,
    icd10_code         VARCHAR NOT NULL,
    topography         VARCHAR,
    morphology         VARCHAR,
    behaviour          INTEGER,
    stage              VARCHAR NOT NULL,
    tnm                VARCHAR,
    region_code        VARCHAR NOT NULL,
    municipality_code  VARCHAR,
    basis_of_diagnosis INTEGER NOT NULL
);

-- 2. The cause-of-death register: one row per person who died. Vital status is known up to the
--    delivery's closing date, stored on its batch (load_batch.follow_up_until, given with
--    `lagesbild load deaths --follow-up-until DATE`).
CREATE TABLE fact_death (
    batch_id          BIGINT NOT NULL,
    source_line       BIGINT NOT NULL,
    person_id         VARCHAR NOT NULL,
    sex_code          INTEGER NOT NULL,
    birth_date        DATE,
    age_years         INTEGER NOT NULL,
    death_date        DATE NOT NULL,
    underlying_cause  VARCHAR NOT NULL,
    region_code       VARCHAR NOT NULL,
    municipality_code VARCHAR
);
ALTER TABLE load_batch ADD COLUMN follow_up_until DATE;

-- 3. Life tables (SCB): the probability of dying within the year of age, by calendar year, sex and
--    single year of age (the last age holds for all older ages), for Riket ('00') and optionally
--    per region. A delivered hazard (death rate) m is stored as q = 1 − exp(−m).
CREATE TABLE fact_life_table (
    batch_id          BIGINT NOT NULL,
    source_line       BIGINT NOT NULL,
    region_code       VARCHAR NOT NULL,
    year              INTEGER NOT NULL,
    sex_code          INTEGER NOT NULL,
    age               INTEGER NOT NULL,
    death_probability DOUBLE NOT NULL
);

-- 4. Which International Cancer Survival Standard ages each site (Corazziari, Quinn, Capocaccia
--    2004, table 2): ICSS 2 for sites with incidence broadly constant with age, ICSS 3 for those
--    mainly of young adults, ICSS 1 for the rest and for all sites together.
ALTER TABLE dim_diagnosis ADD COLUMN icss_standard VARCHAR;
UPDATE dim_diagnosis SET icss_standard = CASE
    WHEN diagnosis_code IN ('MEL', 'CERV', 'BRAIN', 'THYR', 'SARC', 'CNS') THEN 'ICSS2'
    WHEN diagnosis_code IN ('TEST', 'ALLEUK') THEN 'ICSS3'
    ELSE 'ICSS1' END;

-- 5. The catalogue's methods gain survival: net survival (Pohar Perme, age-standardised with
--    Brenner's weights; method_param = years after diagnosis) and observed survival (Kaplan–Meier).
--    DuckDB cannot change a CHECK, so the table is copied into one with the new list.
CREATE TABLE catalogue_indicator_copy AS SELECT * FROM catalogue_indicator;
DROP TABLE catalogue_indicator;
CREATE TABLE catalogue_indicator (
    indicator_code    VARCHAR PRIMARY KEY CHECK (regexp_full_match(indicator_code, '[a-z][a-z0-9_]{1,63}')),
    goal_code         INTEGER NOT NULL REFERENCES catalogue_goal (goal_code),
    subgoal_code      VARCHAR REFERENCES catalogue_subgoal (subgoal_code),
    title_sv          VARCHAR NOT NULL,
    title_en          VARCHAR NOT NULL,
    description_sv    VARCHAR NOT NULL,
    description_en    VARCHAR NOT NULL,
    unit              VARCHAR NOT NULL,
    direction         VARCHAR NOT NULL CHECK (direction IN ('higher_is_better', 'lower_is_better', 'neither')),
    target_value      DOUBLE,
    method            VARCHAR NOT NULL CHECK (method IN ('proportion', 'rate', 'dsr', 'percentile', 'mean', 'net_survival',
                                                         'observed_survival')),
    method_param      DOUBLE,
    scope             VARCHAR NOT NULL CHECK (scope IN ('adult', 'child', 'both')),
    data_source       VARCHAR NOT NULL,
    mart_view         VARCHAR NOT NULL,
    sort_order        INTEGER NOT NULL DEFAULT 100,
    disclosure_family VARCHAR
);
INSERT INTO catalogue_indicator SELECT * FROM catalogue_indicator_copy;
DROP TABLE catalogue_indicator_copy;

-- 6. The new indicators. Survival is by period analysis (Brenner): period_code YYYY is the
--    patients at risk during that calendar year, diagnosed in the five years before it or in it.
INSERT INTO catalogue_indicator (indicator_code, goal_code, subgoal_code, title_sv, title_en, description_sv, description_en,
    unit, direction, target_value, method, method_param, scope, data_source, mart_view, sort_order, disclosure_family) VALUES
    ('net_survival_1y', 2, NULL, 'Nettoöverlevnad 1 år, åldersstandardiserad', 'One-year net survival, age-standardised',
     'Andel som överlever ett år efter diagnos, justerat för den förväntade dödligheten i befolkningen (Pohar Perme), åldersstandardiserat med ICSS (periodanalys).',
     'Share surviving one year after diagnosis, corrected for expected mortality in the population (Pohar Perme), age-standardised with the ICSS (period analysis).',
     'proportion', 'higher_is_better', NULL, 'net_survival', 1, 'adult', 'cancer-register, deaths, life-tables', 'mart_survival_adults', 71,
     'survival-adults'),
    ('net_survival_5y', 2, NULL, 'Nettoöverlevnad 5 år, åldersstandardiserad', 'Five-year net survival, age-standardised',
     'Andel som överlever fem år efter diagnos, justerat för den förväntade dödligheten i befolkningen (Pohar Perme), åldersstandardiserat med ICSS (periodanalys).',
     'Share surviving five years after diagnosis, corrected for expected mortality in the population (Pohar Perme), age-standardised with the ICSS (period analysis).',
     'proportion', 'higher_is_better', NULL, 'net_survival', 5, 'adult', 'cancer-register, deaths, life-tables', 'mart_survival_adults', 72,
     'survival-adults'),
    ('child_observed_survival_5y', 2, NULL, 'Överlevnad 5 år, barn', 'Five-year observed survival, children',
     'Andel barn (0–17 år vid diagnos) som lever fem år efter diagnos (Kaplan–Meier, periodanalys).',
     'Share of children (aged 0–17 at diagnosis) alive five years after diagnosis (Kaplan–Meier, period analysis).',
     'proportion', 'higher_is_better', NULL, 'observed_survival', 5, 'child', 'cancer-register, deaths', 'mart_survival_children', 73,
     'survival-children'),
    ('cancer_mortality_rate', 2, NULL, 'Dödlighet i cancer per 100 000', 'Cancer mortality per 100 000',
     'Dödsfall med cancer som underliggande dödsorsak (C00–C97) per 100 000 invånare.',
     'Deaths with cancer as the underlying cause (C00–C97) per 100 000 inhabitants.',
     'per 100 000', 'lower_is_better', NULL, 'rate', 100000, 'both', 'deaths, population', 'mart_cancer_mortality_rate', 74, 'deaths'),
    ('cancer_mortality_dsr_esp2013', 2, NULL, 'Dödlighet i cancer, åldersstandardiserad (ESP2013)', 'Cancer mortality, age-standardised (ESP2013)',
     'Dödsfall i cancer per 100 000, direkt åldersstandardiserat till Europas standardbefolkning 2013.',
     'Cancer deaths per 100 000, directly age-standardised to the 2013 European Standard Population.',
     'per 100 000', 'lower_is_better', NULL, 'dsr', 100000, 'both', 'deaths, population', 'mart_cancer_mortality_dsr_esp2013', 75, 'deaths'),
    ('cancer_mortality_dsr_sweden', 2, NULL, 'Dödlighet i cancer, åldersstandardiserad (Sverige)', 'Cancer mortality, age-standardised (Sweden)',
     'Dödsfall i cancer per 100 000, direkt åldersstandardiserat till Sveriges befolkning samma år.',
     'Cancer deaths per 100 000, directly age-standardised to Sweden''s population of the same year.',
     'per 100 000', 'lower_is_better', NULL, 'dsr', 100000, 'both', 'deaths, population', 'mart_cancer_mortality_dsr_sweden', 76, 'deaths'),
    ('early_stage_share', 1, NULL, 'Andel diagnostiserade i stadium I–II', 'Share diagnosed at stage I–II',
     'Andel tumörer i stadium I–II bland tumörer med känt stadium (bröst, tjock- och ändtarm, lunga, melanom, prostata).',
     'Share of tumours at stage I–II among those with a known stage (breast, colorectal, lung, melanoma, prostate).',
     'proportion', 'higher_is_better', NULL, 'proportion', NULL, 'adult', 'cancer-register', 'mart_early_stage_share', 45, 'stage'),
    ('unknown_stage_share', 1, NULL, 'Andel med okänt stadium', 'Share with unknown stage',
     'Andel tumörer utan känt stadium (bröst, tjock- och ändtarm, lunga, melanom, prostata): visar hur säker andelen i stadium I–II är.',
     'Share of tumours without a known stage (breast, colorectal, lung, melanoma, prostate): how firm the stage I–II share is.',
     'proportion', 'lower_is_better', NULL, 'proportion', NULL, 'adult', 'cancer-register', 'mart_unknown_stage_share', 46, 'stage');
