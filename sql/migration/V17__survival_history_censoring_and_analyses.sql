-- Survival on a register's whole history, with individual censoring (issue 24).

-- 1. Periods from 1950 to 2100 at every grain: the period dimension is reference data, not a limit
--    on history (the cancer register starts in 1958; five-year survival of a diagnosis year needs
--    the years before it, and trends need decades). The rows are made as V2 made 2015–2035.
INSERT INTO dim_period
WITH years AS (
    SELECT y::INTEGER AS y FROM range(1950, 2101) t(y) WHERE y < 2015 OR y > 2035
),
months AS (
    SELECT y, m::INTEGER AS m, make_date(y, m::INTEGER, 1) AS start_date FROM years, range(1, 13) t(m)
),
final AS (
    SELECT y::VARCHAR, 'year', y, make_date(y, 1, 1), make_date(y, 12, 31), y::VARCHAR, NULL, NULL,
           y::VARCHAR, y::VARCHAR
    FROM years
    UNION ALL
    SELECT y || 'H' || h, 'half', y, make_date(y, (h - 1) * 6 + 1, 1),
           CASE h WHEN 1 THEN make_date(y, 6, 30) ELSE make_date(y, 12, 31) END,
           y::VARCHAR, NULL, NULL,
           y || CASE h WHEN 1 THEN ' första halvåret' ELSE ' andra halvåret' END,
           y || CASE h WHEN 1 THEN ' first half-year' ELSE ' second half-year' END
    FROM years, range(1, 3) t(h)
    UNION ALL
    SELECT y || 'Q' || q, 'quarter', y, make_date(y, (q - 1) * 3 + 1, 1),
           last_day(make_date(y, q * 3, 1)),
           y::VARCHAR, y || 'H' || CASE WHEN q <= 2 THEN 1 ELSE 2 END, NULL,
           y || ' kvartal ' || q, y || ' quarter ' || q
    FROM years, range(1, 5) t(q)
    UNION ALL
    SELECT strftime(start_date, '%Y-%m'), 'month', y, start_date, last_day(start_date),
           y::VARCHAR, y || 'H' || CASE WHEN m <= 6 THEN 1 ELSE 2 END, y || 'Q' || ((m - 1) // 3 + 1),
           ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti',
            'september', 'oktober', 'november', 'december'][m] || ' ' || y,
           strftime(start_date, '%B %Y')
    FROM months
)
SELECT * FROM final;

-- 2. Individual censoring: the day a person emigrated or was otherwise lost to follow-up (from the
--    population register), delivered with the cancer register. Follow-up ends there unless the
--    person died first; NULL: followed to the closing date.
ALTER TABLE fact_tumour ADD COLUMN lost_to_follow_up_date DATE;

-- 3. Survival indicators choose their analysis (see SurvivalAnalysis): period (the patients at risk
--    during the period, Brenner's period analysis; the default), cohort (the patients diagnosed in
--    the period, followed from diagnosis) or hybrid (the patients at risk during the period who
--    were diagnosed before it, Brenner & Rachet 2004). Written as key=value pairs separated by ';'.
ALTER TABLE catalogue_indicator ADD COLUMN method_options VARCHAR;

INSERT INTO catalogue_indicator (indicator_code, goal_code, subgoal_code, title_sv, title_en, description_sv, description_en,
    unit, direction, target_value, method, method_param, scope, data_source, mart_view, sort_order, disclosure_family, method_options) VALUES
    ('net_survival_5y_cohort', 2, NULL, 'Nettoöverlevnad 5 år efter diagnosår, åldersstandardiserad',
     'Five-year net survival by year of diagnosis, age-standardised',
     'Andel av dem som diagnostiserades under perioden som överlever fem år, justerat för den förväntade dödligheten i befolkningen (Pohar Perme), åldersstandardiserat med ICSS (kohortanalys).',
     'Share of those diagnosed in the period surviving five years, corrected for expected mortality in the population (Pohar Perme), age-standardised with the ICSS (cohort analysis).',
     'proportion', 'higher_is_better', NULL, 'net_survival', 5, 'adult', 'cancer-register, deaths, life-tables', 'mart_survival_adults', 77,
     'survival-adults-cohort', 'analysis=cohort'),
    ('net_survival_5y_hybrid', 2, NULL, 'Nettoöverlevnad 5 år, hybridanalys, åldersstandardiserad',
     'Five-year net survival, hybrid analysis, age-standardised',
     'Nettoöverlevnad fem år för dem som var i uppföljning under perioden och diagnostiserades före den (hybridanalys, för när periodens egna fall ännu inte är registrerade), åldersstandardiserat med ICSS.',
     'Five-year net survival of those followed during the period who were diagnosed before it (hybrid analysis, for when the period''s own cases are not yet registered), age-standardised with the ICSS.',
     'proportion', 'higher_is_better', NULL, 'net_survival', 5, 'adult', 'cancer-register, deaths, life-tables', 'mart_survival_adults', 78,
     'survival-adults-hybrid', 'analysis=hybrid');
