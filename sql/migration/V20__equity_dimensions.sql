-- Jämlikhet beyond geography (issue 26): population groups by education, country of birth and
-- income, as reference data with Swedish and English labels and the codes their sources use.
-- "Uppgift saknas" (US) is a group of its own: a row without the information is counted there,
-- never dropped.

-- The dimensions. ordered: the groups have a social order (rank_order 1 = the most disadvantaged),
-- which the slope and concentration indices need; otherwise differences are taken to the
-- reference group.
CREATE TABLE dim_equity_dimension (
    dimension_code VARCHAR PRIMARY KEY,
    name_sv        VARCHAR NOT NULL,
    name_en        VARCHAR NOT NULL,
    ordered        BOOLEAN NOT NULL,
    source_sv      VARCHAR NOT NULL,
    source_en      VARCHAR NOT NULL,
    sort_order     INTEGER NOT NULL
);

INSERT INTO dim_equity_dimension VALUES
    ('education', 'Utbildningsnivå', 'Education level', true,
     'SCB:s utbildningsregister (SUN 2020, grupperad som i LISA), högsta utbildning vid diagnosåret',
     'Statistics Sweden''s education register (SUN 2020, grouped as in LISA), highest level in the year of diagnosis', 1),
    ('birth_country', 'Födelseland', 'Country of birth', false,
     'SCB:s registret över totalbefolkningen (RTB), födelseland grupperat',
     'Statistics Sweden''s total population register (RTB), country of birth grouped', 2),
    ('income', 'Disponibel inkomst', 'Disposable income', true,
     'SCB:s LISA, individens andel av hushållets disponibla inkomst, kvintil inom ålder och kön (härledd av SCB)',
     'Statistics Sweden''s LISA, the person''s share of household disposable income, quintile within age and sex (derived by SCB)', 3);

-- The groups. rank_order: the place in the social order (NULL: no order, or not known);
-- reference: the group others are compared with in an unordered dimension.
CREATE TABLE dim_equity_group (
    dimension_code VARCHAR NOT NULL REFERENCES dim_equity_dimension (dimension_code),
    group_code     VARCHAR NOT NULL,
    name_sv        VARCHAR NOT NULL,
    name_en        VARCHAR NOT NULL,
    short_sv       VARCHAR NOT NULL,
    short_en       VARCHAR NOT NULL,
    rank_order     INTEGER,
    reference      BOOLEAN NOT NULL,
    sort_order     INTEGER NOT NULL,
    PRIMARY KEY (dimension_code, group_code)
);

INSERT INTO dim_equity_group VALUES
    ('education', 'FGY', 'Förgymnasial utbildning', 'Pre-upper secondary education', 'Förgymnasial', 'Pre-upper secondary', 1, false, 1),
    ('education', 'GY', 'Gymnasial utbildning', 'Upper secondary education', 'Gymnasial', 'Upper secondary', 2, false, 2),
    ('education', 'EGK', 'Eftergymnasial utbildning, kortare än 3 år', 'Post-secondary education, less than 3 years',
     'Eftergymnasial < 3 år', 'Post-secondary < 3 years', 3, false, 3),
    ('education', 'EGL', 'Eftergymnasial utbildning, 3 år eller längre', 'Post-secondary education, 3 years or more',
     'Eftergymnasial ≥ 3 år', 'Post-secondary ≥ 3 years', 4, true, 4),
    ('education', 'US', 'Uppgift saknas', 'Not known', 'Uppgift saknas', 'Not known', NULL, false, 5),
    ('birth_country', 'SE', 'Sverige', 'Sweden', 'Sverige', 'Sweden', NULL, true, 1),
    ('birth_country', 'NORDEN', 'Övriga Norden', 'Other Nordic countries', 'Övriga Norden', 'Other Nordic', NULL, false, 2),
    ('birth_country', 'EUROPA', 'Övriga Europa', 'Rest of Europe', 'Övriga Europa', 'Rest of Europe', NULL, false, 3),
    ('birth_country', 'UTOM_EUROPA', 'Utanför Europa', 'Outside Europe', 'Utanför Europa', 'Outside Europe', NULL, false, 4),
    ('birth_country', 'US', 'Uppgift saknas', 'Not known', 'Uppgift saknas', 'Not known', NULL, false, 5),
    ('income', 'Q1', 'Kvintil 1 (lägst)', 'Quintile 1 (lowest)', 'Q1 (lägst)', 'Q1 (lowest)', 1, false, 1),
    ('income', 'Q2', 'Kvintil 2', 'Quintile 2', 'Q2', 'Q2', 2, false, 2),
    ('income', 'Q3', 'Kvintil 3', 'Quintile 3', 'Q3', 'Q3', 3, false, 3),
    ('income', 'Q4', 'Kvintil 4', 'Quintile 4', 'Q4', 'Q4', 4, false, 4),
    ('income', 'Q5', 'Kvintil 5 (högst)', 'Quintile 5 (highest)', 'Q5 (högst)', 'Q5 (highest)', 5, true, 5),
    ('income', 'US', 'Uppgift saknas', 'Not known', 'Uppgift saknas', 'Not known', NULL, false, 6);

-- The codes a delivery may use for a group (ours, SCB's codes and SCB's Swedish labels) are read
-- by the loaders' lb_education, lb_birth_country and lb_income (sql/loaders/_functions.sql).

-- The cancer register may carry the three, screening country of birth and education (optional
-- columns; NULL when a delivery does not).
ALTER TABLE fact_tumour ADD COLUMN education_code VARCHAR;
ALTER TABLE fact_tumour ADD COLUMN birth_country_code VARCHAR;
ALTER TABLE fact_tumour ADD COLUMN income_code VARCHAR;
ALTER TABLE fact_screening ADD COLUMN birth_country_code VARCHAR;
ALTER TABLE fact_screening ADD COLUMN education_code VARCHAR;
