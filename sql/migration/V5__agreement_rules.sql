-- The yearly state–SKR agreement on SVF money, as rows (seeds 001 and 003; domain reference).
-- One row per agreement year. population_reference_date: the SCB population used to apportion
-- money; the agreements only say "by population", so the date is a convention (year-end before
-- the agreement year) recorded here, not a fact of the text.
CREATE TABLE ref_agreement (
    agreement_year            INTEGER PRIMARY KEY,
    title_sv                  VARCHAR NOT NULL,
    svf_total_sek             BIGINT NOT NULL CHECK (svf_total_sek > 0),
    report_deadline           DATE NOT NULL,
    population_reference_date DATE NOT NULL,
    population_reference_note VARCHAR,
    source_sv                 VARCHAR NOT NULL
);

INSERT INTO ref_agreement VALUES
    (2025, 'Överenskommelse om en jämlik och effektiv cancervård med kortare väntetider 2025', 365000000,
     DATE '2025-09-30', DATE '2024-12-31', 'Antagande: befolkning 31 december året före (ej angivet i överenskommelsen)',
     'Överenskommelsen 2025, avsnitt 5.3 och 6 (seed 003)'),
    (2026, 'Överenskommelse om en jämlik och effektiv cancervård med kortare väntetider 2026', 500000000,
     DATE '2026-09-30', DATE '2025-12-31', 'Antagande: befolkning 31 december året före (ej angivet i överenskommelsen)',
     'Regeringsuppdrag till Socialstyrelsen 2026 (seed 001)');

-- One row per payment or payment part. shared_among: 'all_regions' (by population share) or
-- 'qualifying_regions' (by population share among the regions that meet every condition of
-- the part). Amounts in whole kronor.
CREATE TABLE ref_agreement_payment (
    agreement_year INTEGER NOT NULL REFERENCES ref_agreement (agreement_year),
    payment_code   VARCHAR NOT NULL,
    payment_no     INTEGER NOT NULL CHECK (payment_no IN (1, 2)),
    part_no        INTEGER NOT NULL DEFAULT 1,
    amount_sek     BIGINT NOT NULL CHECK (amount_sek > 0),
    shared_among   VARCHAR NOT NULL CHECK (shared_among IN ('all_regions', 'qualifying_regions')),
    name_sv        VARCHAR NOT NULL,
    PRIMARY KEY (agreement_year, payment_code)
);

INSERT INTO ref_agreement_payment VALUES
    (2025, 'P1',  1, 1, 182500000, 'all_regions',        'Första utbetalningen'),
    (2025, 'P2',  2, 1, 182500000, 'qualifying_regions', 'Andra utbetalningen'),
    (2026, 'P1',  1, 1, 250000000, 'all_regions',        'Första utbetalningen'),
    (2026, 'P2A', 2, 1, 125000000, 'qualifying_regions', 'Andra utbetalningen, del 1'),
    (2026, 'P2B', 2, 2, 125000000, 'qualifying_regions', 'Andra utbetalningen, del 2');

-- One row per condition of a payment part.
--   metric: svf_inclusion (share of new cancer cases investigated in SVF), prem_used (region uses
--           PREM to follow up SVF), report_submitted (report on the template by the deadline),
--           lead_time_within_max (share starting treatment within the maximum lead time).
--   svf_scope: 'introduced_before_year' (all SVFs introduced before the agreement year) or one
--           SVF code; icd10_scope narrows an SVF further (colon vs rectum).
--   threshold NULL: the condition exists but its threshold is not set yet; evaluation must say
--           "threshold not set", never guess.
CREATE TABLE ref_agreement_condition (
    agreement_year INTEGER NOT NULL,
    payment_code   VARCHAR NOT NULL,
    condition_code VARCHAR NOT NULL,
    metric         VARCHAR NOT NULL CHECK (metric IN ('svf_inclusion', 'prem_used', 'report_submitted', 'lead_time_within_max')),
    svf_scope      VARCHAR,
    icd10_scope    VARCHAR,
    period_code    VARCHAR REFERENCES dim_period (period_code),
    threshold      DECIMAL(6, 4),
    comparison     VARCHAR NOT NULL CHECK (comparison IN ('>=', '<=', 'is_true', 'on_or_before_deadline')),
    description_sv VARCHAR NOT NULL,
    note_sv        VARCHAR,
    PRIMARY KEY (agreement_year, payment_code, condition_code),
    FOREIGN KEY (agreement_year, payment_code) REFERENCES ref_agreement_payment (agreement_year, payment_code)
);

INSERT INTO ref_agreement_condition VALUES
    (2025, 'P2',  'INCLUSION', 'svf_inclusion', 'introduced_before_year', NULL, '2025H1', 0.70, '>=',
     'Inklusionsmålet om 70 % uppnått för första halvåret 2025, sammantaget för alla SVF som införts före 2025', NULL),
    (2025, 'P2',  'PREM',      'prem_used',        NULL, NULL, NULL, NULL, 'is_true',
     'Regionen använder PREM-enkäter för uppföljning av SVF', NULL),
    (2025, 'P2',  'REPORT',    'report_submitted', NULL, NULL, NULL, NULL, 'on_or_before_deadline',
     'Redovisning enligt mallen inkommen senast 30 september 2025', NULL),
    (2026, 'P2A', 'INCLUSION', 'svf_inclusion', 'introduced_before_year', NULL, '2026H1', 0.70, '>=',
     'Inklusionsmålet om 70 % uppnått för första halvåret 2026, sammantaget för alla SVF som införts före 2026', NULL),
    (2026, 'P2A', 'PREM',      'prem_used',        NULL, NULL, NULL, NULL, 'is_true',
     'Regionen använder PREM-enkäter för uppföljning av SVF', NULL),
    (2026, 'P2A', 'REPORT',    'report_submitted', NULL, NULL, NULL, NULL, 'on_or_before_deadline',
     'Redovisning enligt mallen (inkl. särskild redovisning om tjock- och ändtarmscancer samt myelom) inkommen senast 30 september 2026', NULL),
    (2026, 'P2B', 'INCLUSION', 'svf_inclusion', 'introduced_before_year', NULL, '2026H1', 0.70, '>=',
     'Inklusionsmålet om 70 % uppnått för första halvåret 2026', NULL),
    (2026, 'P2B', 'LEAD_TIME_BREAST',   'lead_time_within_max', 'BREAST', NULL,      '2026H1', NULL, '>=',
     'Krav på ledtid för bröstcancer', 'Tröskel ej fastställd i källorna; fylls i med en ny migration'),
    (2026, 'P2B', 'LEAD_TIME_COLON',    'lead_time_within_max', 'CRC',    'C18',     '2026H1', NULL, '>=',
     'Krav på ledtid för tjocktarmscancer', 'Tröskel ej fastställd i källorna; fylls i med en ny migration'),
    (2026, 'P2B', 'LEAD_TIME_RECTUM',   'lead_time_within_max', 'CRC',    'C19-C20', '2026H1', NULL, '>=',
     'Krav på ledtid för ändtarmscancer', 'Tröskel ej fastställd i källorna; fylls i med en ny migration'),
    (2026, 'P2B', 'LEAD_TIME_PROSTATE', 'lead_time_within_max', 'PROST',  NULL,      '2026H1', NULL, '>=',
     'Krav på ledtid för prostatacancer', 'Tröskel ej fastställd i källorna; fylls i med en ny migration');

-- Special investments (särskilda satsningar): money per area and year, split between the six
-- RCCs by population (seed 003 sections 5.3.1 and 5.6; seed 001 for 2026's total).
CREATE TABLE ref_special_investment (
    investment_year INTEGER NOT NULL,
    area_code       VARCHAR NOT NULL,
    name_sv         VARCHAR NOT NULL,
    amount_sek      BIGINT,
    split_rule      VARCHAR NOT NULL CHECK (split_rule IN ('rcc_population', 'rcc_equal')),
    note_sv         VARCHAR,
    PRIMARY KEY (investment_year, area_code)
);

INSERT INTO ref_special_investment VALUES
    (2025, 'PATHOLOGY', 'Särskild satsning på patologi', 60000000, 'rcc_population', NULL),
    (2025, 'IMAGING',   'Särskild satsning på bild- och funktionsmedicin', 60000000, 'rcc_population', NULL),
    (2025, 'REHAB',     'Särskild satsning på rehabilitering, palliativ vård, seneffekter och aktiva överlämningar', 100000000, 'rcc_population', NULL),
    (2026, 'PATHOLOGY', 'Särskild satsning på patologi', NULL, 'rcc_population', '2026: 280 mnkr totalt för de fyra områdena; fördelningen per område ej angiven i källorna'),
    (2026, 'IMAGING',   'Särskild satsning på bild- och funktionsmedicin', NULL, 'rcc_population', '2026: 280 mnkr totalt för de fyra områdena'),
    (2026, 'REHAB',     'Särskild satsning på rehabilitering, palliativ vård, seneffekter och aktiva överlämningar', NULL, 'rcc_population', '2026: 280 mnkr totalt för de fyra områdena'),
    (2026, 'PRIMARY_CARE', 'Särskild satsning på primärvården', NULL, 'rcc_population', 'Ny 2026; 280 mnkr totalt för de fyra områdena');
