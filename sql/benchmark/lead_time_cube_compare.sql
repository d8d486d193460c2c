-- Cells where the hand-written statement and the written marts disagree (either missing, or a
-- count different by more than rounding). The benchmark expects 0.
SELECT count(*)
FROM bench_lead_time_cube b
FULL JOIN mat_mart_svf_within_lead_time w USING (period_code, geo_level, geo_code, diagnosis_code, sex_code, age_group_code)
FULL JOIN mat_mart_svf_exceeding_max_by_half x USING (period_code, geo_level, geo_code, diagnosis_code, sex_code, age_group_code)
WHERE b.within IS NULL OR w.numerator IS NULL OR x.numerator IS NULL
   OR abs(b.within - w.numerator) > 1e-9 OR abs(b.evaluable - w.denominator) > 1e-9 OR abs(b.exceeding - x.numerator) > 1e-9
