-- investments: special-investment money per RCC (healthcare region) × area × year: allocated to
-- the RCC and passed on by it, in kronor, and the criteria it used to allocate.

-- @typed
SELECT *,
       upper(lb_text(raw_rcc))              AS healthcare_region_code,
       upper(lb_text(raw_area_code))        AS area_code,
       lb_int32(raw_year)            AS year,
       CASE WHEN lb_amount(raw_allocated_sek) = round(lb_amount(raw_allocated_sek)) THEN lb_amount(raw_allocated_sek)::BIGINT END AS allocated_sek,
       CASE WHEN lb_amount(raw_passed_on_sek) = round(lb_amount(raw_passed_on_sek)) THEN lb_amount(raw_passed_on_sek)::BIGINT END AS passed_on_sek,
       lb_text(raw_allocation_criteria_sv)  AS allocation_criteria_sv
FROM staging

-- @rule unknown_rcc
SELECT line_no, 'rcc', raw_rcc, 'not an RCC code (NORR, MELLAN, STHLM, SYDOST, VAST, SYD)'
FROM typed WHERE healthcare_region_code IS NOT NULL AND NOT lb_is_rcc(healthcare_region_code)

-- @rule unknown_area
SELECT line_no, 'area_code', raw_area_code, 'not a special-investment area for that year (see ref_special_investment)'
FROM typed WHERE area_code IS NOT NULL AND year IS NOT NULL AND NOT lb_is_investment_area(area_code, year)

-- @rule negative_count
SELECT line_no, 'allocated_sek', raw_allocated_sek, 'an amount cannot be negative' FROM typed WHERE allocated_sek < 0
UNION ALL
SELECT line_no, 'passed_on_sek', raw_passed_on_sek, 'an amount cannot be negative' FROM typed WHERE passed_on_sek < 0

-- @rule passed_on_exceeds_allocated
SELECT line_no, 'passed_on_sek', raw_passed_on_sek, 'more passed on than allocated (' || allocated_sek || ' kr)'
FROM typed WHERE passed_on_sek > allocated_sek

-- @period
SELECT make_date(min(year), 1, 1), make_date(max(year), 12, 31) FROM loaded
