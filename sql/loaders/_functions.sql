-- Parsing functions shared by every loader, created as temporary macros for one load.
-- Each returns NULL when the text cannot be read; the rules then report the raw value.

-- Text with surrounding blanks removed; empty text is NULL. (trim only where there is a blank to
-- remove: trimming every value cost 1 s per 10 million rows of eight text columns; checking the ends
-- costs a third of that.)
CREATE OR REPLACE TEMP MACRO lb_text(v) AS
    nullif(CASE WHEN prefix(v, ' ') OR suffix(v, ' ') THEN trim(v) ELSE v END, '');

-- A whole number; spaces and non-breaking spaces between digit groups are accepted ("1 234").
-- The plain case is tried first: most values are plain digits and need no clean-up.
CREATE OR REPLACE TEMP MACRO lb_int(v) AS
    CASE WHEN TRY_CAST(v AS BIGINT) IS NOT NULL THEN TRY_CAST(v AS BIGINT)
         ELSE TRY_CAST(replace(replace(replace(trim(v), ' ', ''), chr(160), ''), chr(8239), '') AS BIGINT) END;

-- A whole number that fits a 32-bit INTEGER (years, ages, codes); NULL when it cannot be read or is
-- out of range, so an absurd value is a problem on its line, never a conversion error of the file.
CREATE OR REPLACE TEMP MACRO lb_int32(v) AS
    TRY_CAST(lb_int(v) AS INTEGER);

-- An amount in kronor: digit groups may be separated by spaces, decimals by comma or point.
CREATE OR REPLACE TEMP MACRO lb_amount(v) AS
    TRY_CAST(replace(replace(replace(replace(trim(v), ' ', ''), chr(160), ''), chr(8239), ''), ',', '.') AS DECIMAL(18, 2));

-- An ISO date (YYYY-MM-DD): ten characters that DuckDB reads as a date.
CREATE OR REPLACE TEMP MACRO lb_date(v) AS
    CASE WHEN length(v) = 10 AND substr(v, 5, 1) = '-' THEN TRY_CAST(v AS DATE)
         WHEN length(trim(v)) = 10 AND substr(trim(v), 5, 1) = '-' THEN TRY_CAST(trim(v) AS DATE) END;

-- A date of birth: an ISO date, or a year and month (YYYY-MM or YYYYMM, as registers deliver it
-- when the day is withheld), read as the month's 15th.
CREATE OR REPLACE TEMP MACRO lb_birth_date(v) AS
    CASE WHEN regexp_full_match(trim(v), '[0-9]{4}-(0[1-9]|1[0-2])') OR regexp_full_match(trim(v), '[0-9]{4}(0[1-9]|1[0-2])')
         THEN make_date(CAST(left(trim(v), 4) AS INTEGER), CAST(right(trim(v), 2) AS INTEGER), 15)
         ELSE lb_date(v) END;

-- The date a population figure describes, from SCB's period codes: a year ("2024": 31 December), a
-- month ("2025M09": its last day), a quarter ("2025K3", "2025Q3": its last day), or an ISO date.
CREATE OR REPLACE TEMP MACRO lb_reference_date(v) AS
    CASE WHEN regexp_full_match(trim(v), '[0-9]{4}') THEN make_date(CAST(trim(v) AS INTEGER), 12, 31)
         WHEN regexp_full_match(upper(trim(v)), '[0-9]{4}M(0[1-9]|1[0-2])')
         THEN last_day(make_date(CAST(left(trim(v), 4) AS INTEGER), CAST(right(trim(v), 2) AS INTEGER), 1))
         WHEN regexp_full_match(upper(trim(v)), '[0-9]{4}[KQ][1-4]')
         THEN last_day(make_date(CAST(left(trim(v), 4) AS INTEGER), 3 * CAST(right(trim(v), 1) AS INTEGER), 1))
         ELSE lb_date(v) END;

-- Whether an age text means all ages (SCB's "totalt"), as a delivered total has it.
-- SCB's tables write the total of ages as "totalt ålder" (and "totalt, ålder", "ålder totalt").
CREATE OR REPLACE TEMP MACRO lb_all_ages(v) AS
    regexp_replace(lower(trim(coalesce(v, ''))), '[,\s]+', ' ', 'g') IN ('totalt', 'total', 'tot', 'alla', 'alla åldrar', 'all ages',
        'all', 'totalt ålder', 'ålder totalt', 'totalt alla åldrar', 'samtliga åldrar', 'age total', 'total age', 'total ages');

-- A share as a fraction: "0.70", "0,70", "70 %" or "70%".
CREATE OR REPLACE TEMP MACRO lb_share(v) AS
    CASE WHEN suffix(replace(trim(v), ' ', ''), '%')
         THEN TRY_CAST(replace(rtrim(replace(trim(v), ' ', ''), '%'), ',', '.') AS DOUBLE) / 100
         ELSE TRY_CAST(replace(trim(v), ',', '.') AS DOUBLE) END;

-- Yes/no in Swedish or English, or 1/0.
-- (A simple CASE, not IN or list_contains: DuckDB turns those lists into joins, which cost more
-- and keep a read-and-type pass from running in the file's order.)
CREATE OR REPLACE TEMP MACRO lb_bool(v) AS
    CASE lower(trim(v))
        WHEN 'ja' THEN true WHEN 'j' THEN true WHEN 'yes' THEN true WHEN 'y' THEN true WHEN 'true' THEN true
        WHEN 'sant' THEN true WHEN '1' THEN true
        WHEN 'nej' THEN false WHEN 'n' THEN false WHEN 'no' THEN false WHEN 'false' THEN false WHEN 'falskt' THEN false
        WHEN '0' THEN false END;

-- A region code: "1", "01" or SCB's "01 Stockholms län" all give '01'; Socialstyrelsen's 0 gives '00'.
CREATE OR REPLACE TEMP MACRO lb_region(v) AS
    CASE WHEN length(v) = 2 AND TRY_CAST(v AS UTINYINT) IS NOT NULL THEN v
         WHEN regexp_matches(trim(v), '^[0-9]{1,2}(\s|$)')
         THEN lpad(regexp_extract(trim(v), '^([0-9]{1,2})', 1), 2, '0') END;

-- Sex: 1 men, 2 women, 3 both; the Swedish and English words are accepted too (a simple CASE, as lb_bool).
CREATE OR REPLACE TEMP MACRO lb_sex(v) AS
    CASE WHEN v = '1' THEN 1 WHEN v = '2' THEN 2 WHEN v = '3' THEN 3
         ELSE CASE lower(trim(v))
             WHEN '1' THEN 1 WHEN 'män' THEN 1 WHEN 'man' THEN 1 WHEN 'men' THEN 1 WHEN 'male' THEN 1 WHEN 'm' THEN 1
             WHEN '2' THEN 2 WHEN 'kvinnor' THEN 2 WHEN 'kvinna' THEN 2 WHEN 'women' THEN 2 WHEN 'female' THEN 2 WHEN 'k' THEN 2
             WHEN 'f' THEN 2
             WHEN '3' THEN 3 WHEN 'totalt' THEN 3 WHEN 'båda könen' THEN 3 WHEN 'both' THEN 3 WHEN 'total' THEN 3 END END;

-- Ages: "45", "45 år", "100+", "85-89", "85–89 år", "90+ år" → first and last year of age
-- (last NULL for an open top band).
CREATE OR REPLACE TEMP MACRO lb_age_text(v) AS
    regexp_replace(lower(trim(coalesce(v, ''))), '\s*(år|years?)$', '');
CREATE OR REPLACE TEMP MACRO lb_age_from(v) AS
    CASE WHEN regexp_full_match(lb_age_text(v), '[0-9]{1,3}(\s*[-–]\s*[0-9]{1,3}|\+)?')
         THEN TRY_CAST(regexp_extract(lb_age_text(v), '^([0-9]{1,3})', 1) AS INTEGER) END;
CREATE OR REPLACE TEMP MACRO lb_age_to(v) AS
    CASE WHEN regexp_full_match(lb_age_text(v), '[0-9]{1,3}') THEN TRY_CAST(lb_age_text(v) AS INTEGER)
         WHEN regexp_full_match(lb_age_text(v), '[0-9]{1,3}\s*[-–]\s*[0-9]{1,3}')
         THEN TRY_CAST(regexp_extract(lb_age_text(v), '([0-9]{1,3})$', 1) AS INTEGER) END;

-- Is this one of the 21 regions (not Riket)?
CREATE OR REPLACE TEMP MACRO lb_is_region(code) AS
    code IN (SELECT region_code FROM dim_region WHERE region_level = 'region');

-- Is this a year the warehouse has periods for?
CREATE OR REPLACE TEMP MACRO lb_is_year(y) AS
    y IN (SELECT year FROM dim_period WHERE period_type = 'year');

-- Is this one of the six RCCs (healthcare regions)?
CREATE OR REPLACE TEMP MACRO lb_is_rcc(code) AS
    code IN (SELECT healthcare_region_code FROM dim_healthcare_region);

-- Is this a special-investment area of that year?
CREATE OR REPLACE TEMP MACRO lb_is_investment_area(area, y) AS
    (area || '/' || y) IN (SELECT area_code || '/' || investment_year FROM ref_special_investment);

-- A population group (dim_equity_group) from our code, SCB's code or SCB's Swedish label, in any
-- case. delivered: whether the file has the column at all (lb_has_NAME, set by the loader). A
-- file without it does not carry the dimension (NULL); in a file with it an empty value is
-- "uppgift saknas" (US), and a code that is no group is NULL for the generic rule to report.
-- (A CASE, not a lookup in a table: a lookup would stop DuckDB typing the file in the read's pass.)
CREATE OR REPLACE TEMP MACRO lb_equity_code(v, delivered, code) AS
    CASE WHEN delivered THEN CASE WHEN lb_text(v) IS NULL THEN 'US' ELSE code END END;

-- Education, SUN 2020 grouped as LISA: SCB's levels 1–2 förgymnasial, 3–4 gymnasial, 5
-- eftergymnasial < 3 år, 6 eftergymnasial ≥ 3 år, 7 forskarutbildning.
CREATE OR REPLACE TEMP MACRO lb_education(v, delivered) AS
    lb_equity_code(v, delivered, CASE lower(trim(v))
        WHEN 'fgy' THEN 'FGY' WHEN '1' THEN 'FGY' WHEN '2' THEN 'FGY' WHEN 'förgymnasial utbildning' THEN 'FGY'
        WHEN 'gy' THEN 'GY' WHEN '3' THEN 'GY' WHEN '4' THEN 'GY' WHEN 'gymnasial utbildning' THEN 'GY'
        WHEN 'egk' THEN 'EGK' WHEN '5' THEN 'EGK' WHEN 'eftergymnasial utbildning, kortare än 3 år' THEN 'EGK'
        WHEN 'egl' THEN 'EGL' WHEN '6' THEN 'EGL' WHEN '7' THEN 'EGL' WHEN 'eftergymnasial utbildning, 3 år eller längre' THEN 'EGL'
        WHEN 'us' THEN 'US' WHEN '*' THEN 'US' WHEN 'uppgift saknas' THEN 'US' END);

-- Country of birth grouped as SCB's total population register (RTB) publishes it.
CREATE OR REPLACE TEMP MACRO lb_birth_country(v, delivered) AS
    lb_equity_code(v, delivered, CASE lower(trim(v))
        WHEN 'se' THEN 'SE' WHEN 'sverige' THEN 'SE'
        WHEN 'norden' THEN 'NORDEN' WHEN 'övriga norden' THEN 'NORDEN' WHEN 'norden utom sverige' THEN 'NORDEN'
        WHEN 'europa' THEN 'EUROPA' WHEN 'övriga europa' THEN 'EUROPA' WHEN 'europa utom norden' THEN 'EUROPA'
        WHEN 'utom_europa' THEN 'UTOM_EUROPA' WHEN 'utanför europa' THEN 'UTOM_EUROPA'
        WHEN 'us' THEN 'US' WHEN 'uppgift saknas' THEN 'US' END);

-- Disposable-income quintile within age and sex (derived by SCB): Q1 the lowest.
CREATE OR REPLACE TEMP MACRO lb_income(v, delivered) AS
    lb_equity_code(v, delivered, CASE lower(trim(v))
        WHEN 'q1' THEN 'Q1' WHEN '1' THEN 'Q1' WHEN 'q2' THEN 'Q2' WHEN '2' THEN 'Q2' WHEN 'q3' THEN 'Q3' WHEN '3' THEN 'Q3'
        WHEN 'q4' THEN 'Q4' WHEN '4' THEN 'Q4' WHEN 'q5' THEN 'Q5' WHEN '5' THEN 'Q5' WHEN 'us' THEN 'US' WHEN 'uppgift saknas' THEN 'US' END);
