-- Dimensions of the star schema: regions, healthcare regions (with Halland's split), diagnoses,
-- sexes and age groups. Periods are in V2. Codes follow Socialstyrelsen's statistics database
-- (region 00 = Riket, county codes 01–25; sex 1 = men, 2 = women, 3 = both).

-- One row per region, plus Riket (00).
CREATE TABLE dim_region (
    region_code  VARCHAR PRIMARY KEY CHECK (regexp_full_match(region_code, '[0-9]{2}')),
    region_level VARCHAR NOT NULL CHECK (region_level IN ('country', 'region')),
    name_sv      VARCHAR NOT NULL,
    name_en      VARCHAR NOT NULL,
    sort_order   INTEGER NOT NULL
);

INSERT INTO dim_region VALUES
    ('00', 'country', 'Riket',               'Sweden',              0),
    ('01', 'region',  'Stockholm',           'Stockholm',           1),
    ('03', 'region',  'Uppsala',             'Uppsala',             2),
    ('04', 'region',  'Sörmland',            'Sörmland',            3),
    ('05', 'region',  'Östergötland',        'Östergötland',        4),
    ('06', 'region',  'Jönköping',           'Jönköping',           5),
    ('07', 'region',  'Kronoberg',           'Kronoberg',           6),
    ('08', 'region',  'Kalmar',              'Kalmar',              7),
    ('09', 'region',  'Gotland',             'Gotland',             8),
    ('10', 'region',  'Blekinge',            'Blekinge',            9),
    ('12', 'region',  'Skåne',               'Skåne',              10),
    ('13', 'region',  'Halland',             'Halland',            11),
    ('14', 'region',  'Västra Götaland',     'Västra Götaland',    12),
    ('17', 'region',  'Värmland',            'Värmland',           13),
    ('18', 'region',  'Örebro',              'Örebro',             14),
    ('19', 'region',  'Västmanland',         'Västmanland',        15),
    ('20', 'region',  'Dalarna',             'Dalarna',            16),
    ('21', 'region',  'Gävleborg',           'Gävleborg',          17),
    ('22', 'region',  'Västernorrland',      'Västernorrland',     18),
    ('23', 'region',  'Jämtland Härjedalen', 'Jämtland Härjedalen',19),
    ('24', 'region',  'Västerbotten',        'Västerbotten',       20),
    ('25', 'region',  'Norrbotten',          'Norrbotten',         21);

-- One row per healthcare region (sjukvårdsregion); each has one regional cancer centre (RCC).
CREATE TABLE dim_healthcare_region (
    healthcare_region_code VARCHAR PRIMARY KEY,
    name_sv                VARCHAR NOT NULL,
    name_en                VARCHAR NOT NULL,
    rcc_name_sv            VARCHAR NOT NULL,
    sort_order             INTEGER NOT NULL
);

INSERT INTO dim_healthcare_region VALUES
    ('NORR',   'Norra sjukvårdsregionen',          'Northern healthcare region',          'RCC Norr',              1),
    ('MELLAN', 'Sjukvårdsregion Mellansverige',    'Central Sweden healthcare region',    'RCC Mellansverige',     2),
    ('STHLM',  'Sjukvårdsregion Stockholm–Gotland','Stockholm–Gotland healthcare region', 'RCC Stockholm Gotland', 3),
    ('SYDOST', 'Sydöstra sjukvårdsregionen',       'South-eastern healthcare region',     'RCC Sydöst',            4),
    ('VAST',   'Västra sjukvårdsregionen',         'Western healthcare region',           'RCC Väst',              5),
    ('SYD',    'Södra sjukvårdsregionen',          'Southern healthcare region',          'RCC Syd',               6);

-- One row per region and healthcare region it belongs to. Halland (13) belongs to two.
-- population_weight is the region's share in that healthcare region, used only for data that
-- has no municipality; the weights of one region sum to 1, so a roll-up neither drops nor
-- double-counts. Halland's weights: municipal population (SCB, approximately 2023):
-- Halmstad, Hylte and Laholm ≈ 142 000 (Syd), Kungsbacka, Varberg and Falkenberg ≈ 199 000 (Väst).
-- They are reference data: replace them with a new migration when better figures are agreed.
CREATE TABLE map_region_healthcare_region (
    region_code            VARCHAR NOT NULL REFERENCES dim_region (region_code),
    healthcare_region_code VARCHAR NOT NULL REFERENCES dim_healthcare_region (healthcare_region_code),
    population_weight      DECIMAL(6, 4) NOT NULL CHECK (population_weight > 0 AND population_weight <= 1),
    note_sv                VARCHAR,
    PRIMARY KEY (region_code, healthcare_region_code)
);

INSERT INTO map_region_healthcare_region VALUES
    ('25', 'NORR',   1, NULL), ('24', 'NORR',   1, NULL), ('22', 'NORR',   1, NULL), ('23', 'NORR', 1, NULL),
    ('03', 'MELLAN', 1, NULL), ('04', 'MELLAN', 1, NULL), ('17', 'MELLAN', 1, NULL), ('18', 'MELLAN', 1, NULL),
    ('19', 'MELLAN', 1, NULL), ('20', 'MELLAN', 1, NULL), ('21', 'MELLAN', 1, NULL),
    ('01', 'STHLM',  1, NULL), ('09', 'STHLM',  1, NULL),
    ('05', 'SYDOST', 1, NULL), ('06', 'SYDOST', 1, NULL), ('08', 'SYDOST', 1, NULL),
    ('14', 'VAST',   1, NULL),
    ('13', 'VAST',   0.5836, 'Norra Halland: Kungsbacka, Varberg, Falkenberg (befolkningsandel, ca 2023)'),
    ('12', 'SYD',    1, NULL), ('10', 'SYD',    1, NULL), ('07', 'SYD',    1, NULL),
    ('13', 'SYD',    0.4164, 'Södra Halland: Halmstad, Hylte, Laholm (befolkningsandel, ca 2023)');

-- Municipalities of regions that are split between healthcare regions (today only Halland).
-- A fact with one of these municipality codes goes wholly to the healthcare region named here.
CREATE TABLE map_municipality_healthcare_region (
    municipality_code      VARCHAR PRIMARY KEY CHECK (regexp_full_match(municipality_code, '[0-9]{4}')),
    municipality_name      VARCHAR NOT NULL,
    region_code            VARCHAR NOT NULL REFERENCES dim_region (region_code),
    healthcare_region_code VARCHAR NOT NULL REFERENCES dim_healthcare_region (healthcare_region_code)
);

INSERT INTO map_municipality_healthcare_region VALUES
    ('1315', 'Hylte',      '13', 'SYD'),
    ('1380', 'Halmstad',   '13', 'SYD'),
    ('1381', 'Laholm',     '13', 'SYD'),
    ('1382', 'Falkenberg', '13', 'VAST'),
    ('1383', 'Varberg',    '13', 'VAST'),
    ('1384', 'Kungsbacka', '13', 'VAST');

-- Sex, as coded in Socialstyrelsen's statistics database.
CREATE TABLE dim_sex (
    sex_code INTEGER PRIMARY KEY CHECK (sex_code IN (1, 2, 3)),
    name_sv  VARCHAR NOT NULL,
    name_en  VARCHAR NOT NULL
);

INSERT INTO dim_sex VALUES (1, 'Män', 'Men'), (2, 'Kvinnor', 'Women'), (3, 'Båda könen', 'Both sexes');

-- Age groups as closed or open intervals of whole years. A fact row with ages [from, to] belongs
-- to a group when the interval lies inside the group's. Bands follow ESP2013 (19 bands, 90+);
-- '85+' is the top band of Socialstyrelsen's statistics database (alderId 18).
CREATE TABLE dim_age_group (
    age_group_code    VARCHAR PRIMARY KEY,
    age_group_kind    VARCHAR NOT NULL CHECK (age_group_kind IN ('band', 'open_top', 'broad', 'total')),
    min_age           INTEGER NOT NULL CHECK (min_age >= 0),
    max_age           INTEGER CHECK (max_age IS NULL OR max_age >= min_age),
    name_sv           VARCHAR NOT NULL,
    name_en           VARCHAR NOT NULL,
    socstyr_alder_id  INTEGER,
    sort_order        INTEGER NOT NULL
);

INSERT INTO dim_age_group
SELECT printf('%d-%d', b * 5, b * 5 + 4), 'band', b * 5, b * 5 + 4,
       printf('%d–%d år', b * 5, b * 5 + 4), printf('%d–%d years', b * 5, b * 5 + 4),
       b + 1, b + 1
FROM range(0, 18) t(b);

INSERT INTO dim_age_group VALUES
    ('90+',  'band',     90, NULL, '90 år och äldre', '90 years and older', NULL, 19),
    ('85+',  'open_top', 85, NULL, '85 år och äldre', '85 years and older', 18,   20),
    ('0-17', 'broad',     0,   17, 'Barn 0–17 år',    'Children 0–17 years', NULL, 21),
    ('18+',  'broad',    18, NULL, 'Vuxna 18 år och äldre', 'Adults 18 years and older', NULL, 22),
    ('ALL',  'total',     0, NULL, 'Alla åldrar',     'All ages',            NULL, 23);
-- The 85–89 band keeps its Socialstyrelsen id only through '85+'.
UPDATE dim_age_group SET socstyr_alder_id = NULL WHERE age_group_code = '85-89';
