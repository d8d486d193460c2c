-- One row per reporting period from 2015 to 2035: years ('2026'), half-years ('2026H1'),
-- quarters ('2026Q3') and months ('2026-09'). Dates are inclusive. Each row names its parents,
-- so a month rolls up to its quarter, half-year and year without date arithmetic.
CREATE TABLE dim_period (
    period_code  VARCHAR PRIMARY KEY,
    period_type  VARCHAR NOT NULL CHECK (period_type IN ('year', 'half', 'quarter', 'month')),
    year         INTEGER NOT NULL,
    start_date   DATE NOT NULL,
    end_date     DATE NOT NULL CHECK (end_date >= start_date),
    year_code    VARCHAR NOT NULL,
    half_code    VARCHAR,
    quarter_code VARCHAR,
    name_sv      VARCHAR NOT NULL,
    name_en      VARCHAR NOT NULL
);

INSERT INTO dim_period
WITH years AS (
    SELECT y::INTEGER AS y FROM range(2015, 2036) t(y)
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
