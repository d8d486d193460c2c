-- Diagnoses: the 32 standardised care pathways (SVF; seed 003, appendix 3) and cancer-site groups
-- for incidence that are not SVFs. Introduction years: 2015 (first five), 2016 (thirteen more),
-- 2018 (thirteen more) as RCC describes the roll-out; MPN is required from 2023 (domain
-- reference). The year of each SVF is reference data (introduced_year_verified says how sure).
-- scope: which population the pathway or group covers. SVF statistics exclude children, except
-- that 16–17-year-olds can enter the acute leukaemia pathways ('adult' with min_age 16 there).
-- sex_restriction: 1 or 2 when the diagnosis only exists for men or women.
-- Codes never equal ALL: that word means "all SVFs" in every mart (acute lymphoblastic
-- leukaemia is ALLEUK).
CREATE TABLE dim_diagnosis (
    diagnosis_code           VARCHAR PRIMARY KEY CHECK (regexp_full_match(diagnosis_code, '[A-Z_]{2,16}')),
    diagnosis_kind           VARCHAR NOT NULL CHECK (diagnosis_kind IN ('svf', 'site_group')),
    name_sv                  VARCHAR NOT NULL,
    name_en                  VARCHAR NOT NULL,
    introduced_year          INTEGER,
    introduced_year_verified BOOLEAN NOT NULL DEFAULT false,
    scope                    VARCHAR NOT NULL CHECK (scope IN ('adult', 'child', 'both')),
    min_age                  INTEGER NOT NULL DEFAULT 18,
    sex_restriction          INTEGER CHECK (sex_restriction IN (1, 2)),
    icd10_ranges             VARCHAR,
    sort_order               INTEGER NOT NULL
);

INSERT INTO dim_diagnosis VALUES
    ('AML',     'svf', 'Akut myeloisk leukemi',                         'Acute myeloid leukaemia',                    2015, false, 'adult', 16, NULL, 'C92.0,C92.3-C92.8,C93.0,C94.0,C94.2', 1),
    ('HNC',     'svf', 'Huvud- och halscancer',                         'Head and neck cancer',                       2015, false, 'adult', 18, NULL, 'C00-C14,C30-C32', 2),
    ('OES',     'svf', 'Matstrupe- och magsäckscancer',                 'Oesophageal and gastric cancer',             2015, false, 'adult', 18, NULL, 'C15-C16', 3),
    ('PROST',   'svf', 'Prostatacancer',                                'Prostate cancer',                            2015, false, 'adult', 18, 1,    'C61', 4),
    ('BLAD',    'svf', 'Urinblåse- och urinvägscancer',                 'Bladder and urinary tract cancer',           2015, false, 'adult', 18, NULL, 'C65-C68', 5),
    ('BREAST',  'svf', 'Bröstcancer',                                   'Breast cancer',                              2016, false, 'adult', 18, NULL, 'C50', 6),
    ('PANC',    'svf', 'Bukspottkörtelcancer',                          'Pancreatic cancer',                          2016, false, 'adult', 18, NULL, 'C25', 7),
    ('BILE',    'svf', 'Cancer i galla och gallvägar',                  'Gallbladder and bile duct cancer',           2016, false, 'adult', 18, NULL, 'C23-C24', 8),
    ('CUP',     'svf', 'Cancer utan känd primärtumör (CUP)',            'Cancer of unknown primary (CUP)',            2016, false, 'adult', 18, NULL, 'C80', 9),
    ('ONS',     'svf', 'Cancermisstanke vid allvarliga, ospecifika symtom', 'Serious non-specific symptoms of cancer', 2016, false, 'adult', 18, NULL, NULL, 10),
    ('BRAIN',   'svf', 'Hjärntumörer',                                  'Brain tumours',                              2016, false, 'adult', 18, NULL, 'C71', 11),
    ('LIVER',   'svf', 'Levercancer',                                   'Liver cancer',                               2016, false, 'adult', 18, NULL, 'C22', 12),
    ('LUNG',    'svf', 'Lungcancer',                                    'Lung cancer',                                2016, false, 'adult', 18, NULL, 'C33-C34', 13),
    ('LYMPH',   'svf', 'Lymfom',                                        'Lymphoma',                                   2016, false, 'adult', 18, NULL, 'C81-C86,C88', 14),
    ('MYEL',    'svf', 'Myelom',                                        'Myeloma',                                    2016, false, 'adult', 18, NULL, 'C90', 15),
    ('CRC',     'svf', 'Tjock- och ändtarmscancer',                     'Colorectal cancer',                          2016, false, 'adult', 18, NULL, 'C18-C20', 16),
    ('OVAR',    'svf', 'Äggstockscancer',                               'Ovarian cancer',                             2016, false, 'adult', 18, 2,    'C56', 17),
    ('MEL',     'svf', 'Malignt melanom',                               'Malignant melanoma',                         2016, false, 'adult', 18, NULL, 'C43', 18),
    ('ANAL',    'svf', 'Analcancer',                                    'Anal cancer',                                2018, false, 'adult', 18, NULL, 'C21', 19),
    ('ALLEUK',  'svf', 'Akut lymfatisk leukemi',                        'Acute lymphoblastic leukaemia',              2018, false, 'adult', 16, NULL, 'C91.0', 20),
    ('CLL',     'svf', 'Kronisk lymfatisk leukemi',                     'Chronic lymphocytic leukaemia',              2018, false, 'adult', 18, NULL, 'C91.1', 21),
    ('CERV',    'svf', 'Livmoderhalscancer (cervix)',                   'Cervical cancer',                            2018, false, 'adult', 18, 2,    'C53', 22),
    ('ENDO',    'svf', 'Livmoderkroppscancer (endometrie)',             'Endometrial cancer',                         2018, false, 'adult', 18, 2,    'C54', 23),
    ('KIDN',    'svf', 'Njurcancer',                                    'Kidney cancer',                              2018, false, 'adult', 18, NULL, 'C64', 24),
    ('PENIS',   'svf', 'Peniscancer',                                   'Penile cancer',                              2018, false, 'adult', 18, 1,    'C60', 25),
    ('SARC',    'svf', 'Skelett- och mjukdelssarkom',                   'Bone and soft-tissue sarcoma',               2018, false, 'adult', 18, NULL, 'C40-C41,C49', 26),
    ('THYR',    'svf', 'Sköldkörtelcancer',                             'Thyroid cancer',                             2018, false, 'adult', 18, NULL, 'C73', 27),
    ('TEST',    'svf', 'Testikelcancer',                                'Testicular cancer',                          2018, false, 'adult', 18, 1,    'C62', 28),
    ('ABDSARC', 'svf', 'Buksarkom inkl. GIST och gynekologiska sarkom', 'Abdominal sarcoma incl. GIST',               2018, false, 'adult', 18, NULL, 'C48', 29),
    ('NET',     'svf', 'Neuroendokrina buktumörer inkl. binjurecancer', 'Neuroendocrine abdominal tumours',           2018, false, 'adult', 18, NULL, 'C74', 30),
    ('VULVA',   'svf', 'Vulvacancer',                                   'Vulvar cancer',                              2018, false, 'adult', 18, 2,    'C51', 31),
    ('MPN',     'svf', 'Myeloproliferativa neoplasier (MPN)',           'Myeloproliferative neoplasms (MPN)',         2023, true,  'adult', 18, NULL, 'C92.1,D45,D47.1,D47.3-D47.4', 32),
    ('MALIGNANT',   'site_group', 'Alla maligna tumörer (utom hudcancer av annan typ än melanom)', 'All malignant tumours (excl. non-melanoma skin)', NULL, false, 'both', 0, NULL, 'C00-C43,C45-C97', 40),
    ('SKIN_OTHER',  'site_group', 'Hudcancer, ej melanom',            'Non-melanoma skin cancer',                   NULL, false, 'both', 0, NULL, 'C44', 41),
    ('LEUKAEMIA',   'site_group', 'Leukemier',                        'Leukaemias',                                 NULL, false, 'both', 0, NULL, 'C91-C95', 42),
    ('CNS',         'site_group', 'Tumörer i centrala nervsystemet',  'Central nervous system tumours',             NULL, false, 'both', 0, NULL, 'C70-C72,D32-D33,D42-D43', 43);

-- The ICD-10 ranges of each diagnosis, one row per range (inclusive). A code belongs to a range
-- when its first length(icd10_from) characters lie between icd10_from and icd10_to.
CREATE TABLE dim_diagnosis_icd10 (
    diagnosis_code VARCHAR NOT NULL REFERENCES dim_diagnosis (diagnosis_code),
    icd10_from     VARCHAR NOT NULL,
    icd10_to       VARCHAR NOT NULL CHECK (icd10_to >= icd10_from),
    PRIMARY KEY (diagnosis_code, icd10_from)
);

INSERT INTO dim_diagnosis_icd10
WITH ranges AS (
    SELECT diagnosis_code, trim(unnest(string_split(icd10_ranges, ','))) AS icd_range
    FROM dim_diagnosis
    WHERE icd10_ranges IS NOT NULL
),
final AS (
    SELECT diagnosis_code,
           split_part(icd_range, '-', 1) AS icd10_from,
           coalesce(nullif(split_part(icd_range, '-', 2), ''), split_part(icd_range, '-', 1)) AS icd10_to
    FROM ranges
)
SELECT * FROM final;
