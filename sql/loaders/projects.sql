-- projects: projects granted special-investment money by an RCC.

-- @typed
SELECT *,
       upper(lb_text(raw_rcc))         AS healthcare_region_code,
       upper(lb_text(raw_area_code))   AS area_code,
       lb_int32(raw_year)       AS year,
       lb_text(raw_project_id)         AS project_id,
       lb_text(raw_title_sv)           AS title_sv,
       CASE WHEN lb_amount(raw_amount_sek) = round(lb_amount(raw_amount_sek)) THEN lb_amount(raw_amount_sek)::BIGINT END AS amount_sek,
       lower(lb_text(raw_status))      AS status
FROM staging

-- @rule unknown_rcc
SELECT line_no, 'rcc', raw_rcc, 'not an RCC code (NORR, MELLAN, STHLM, SYDOST, VAST, SYD)'
FROM typed WHERE healthcare_region_code IS NOT NULL AND NOT lb_is_rcc(healthcare_region_code)

-- @rule unknown_area
SELECT line_no, 'area_code', raw_area_code, 'not a special-investment area for that year (see ref_special_investment)'
FROM typed WHERE area_code IS NOT NULL AND year IS NOT NULL AND NOT lb_is_investment_area(area_code, year)

-- @rule negative_count
SELECT line_no, 'amount_sek', raw_amount_sek, 'an amount cannot be negative' FROM typed WHERE amount_sek < 0

-- @rule unknown_status
SELECT line_no, 'status', raw_status, 'status must be beviljad, pågående, avslutad or återkallad'
FROM typed WHERE status IS NOT NULL AND status NOT IN ('beviljad', 'pågående', 'avslutad', 'återkallad')

-- @period
SELECT make_date(min(year), 1, 1), make_date(max(year), 12, 31) FROM loaded
