-- Disclosure control over every hierarchy at once (issue 15).
-- 1. Thresholds for each kind of figure: patients (proportions' denominators, percentiles, means,
--    survival) as before; cases (the count behind a rate or an age-standardised rate: new cases,
--    deaths), which until now were not protected at all (the population was).
UPDATE ref_disclosure_threshold
   SET applies_to = 'patients',
       description_sv = 'Ett värde som bygger på färre än 5 patienter (andelar, percentiler, medelvärden, överlevnad) visas inte',
       description_en = 'A figure built on fewer than 5 patients (proportions, percentiles, means, survival) is suppressed'
 WHERE rule_code = 'LEAD_TIME_PATIENTS';
INSERT INTO ref_disclosure_threshold VALUES
    ('CASES', 'cases', 5, 'En kvot eller åldersstandardiserad kvot som bygger på färre än 5 fall (nya fall, dödsfall) visas inte',
     'A rate or age-standardised rate built on fewer than 5 cases (new cases, deaths) is suppressed'),
    ('PROTECTION_INTERVAL', 'secondary', 5,
     'Ett dolt antal får inte kunna räknas fram, eller ringas in till färre än 5 möjliga värden, ur de värden som visas',
     'A hidden count must not be recoverable, or narrowed to fewer than 5 possible values, from the values shown (1: only exact recovery is prevented)');

-- 2. Indicators that count the same people share one suppression pattern, so a cell hidden in one
--    cannot be read off another (the share within the lead time and the median lead time count the
--    same treated pathways). NULL: the indicator's own data source.
ALTER TABLE catalogue_indicator ADD COLUMN disclosure_family VARCHAR;
UPDATE catalogue_indicator SET disclosure_family = CASE
    WHEN indicator_code IN ('svf_within_lead_time', 'svf_exceeding_max_by_half', 'svf_lead_time_median', 'svf_lead_time_p80',
                            'svf_lead_time_p90', 'svf_lead_time_mean') THEN 'svf-treated'
    WHEN indicator_code = 'svf_days_to_close_untreated' THEN 'svf-untreated'
    WHEN indicator_code = 'svf_inclusion' THEN 'svf-inclusion'
    WHEN indicator_code IN ('new_cancer_cases_rate', 'new_cancer_cases_dsr_esp2013', 'new_cancer_cases_dsr_sweden',
                            'child_cancer_cases_rate') THEN 'new-cases'
    WHEN indicator_code = 'prem_positive_share' THEN 'prem'
END;
