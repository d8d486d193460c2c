-- The indicator catalogue as data: goal → sub-goal → indicator. The strategy's 23 sub-goals are
-- not public in our sources, so analysts add sub-goals and indicators as rows; each indicator
-- points at the mart view that yields its numerator and denominator (or observations).

-- The three overall goals of the national cancer strategy 2.0 (seed 000).
CREATE TABLE catalogue_goal (
    goal_code INTEGER PRIMARY KEY CHECK (goal_code >= 1),
    title_sv  VARCHAR NOT NULL,
    title_en  VARCHAR NOT NULL
);

INSERT INTO catalogue_goal VALUES
    (1, 'Minskad risk att utveckla cancer och fler som diagnostiseras tidigt', 'Lower risk of developing cancer and more diagnosed early'),
    (2, 'Ökad canceröverlevnad', 'Higher cancer survival'),
    (3, 'Bästa möjliga livskvalitet – under och efter cancersjukdom', 'Best possible quality of life – during and after cancer');

CREATE TABLE catalogue_subgoal (
    subgoal_code VARCHAR PRIMARY KEY,
    goal_code    INTEGER NOT NULL REFERENCES catalogue_goal (goal_code),
    title_sv     VARCHAR NOT NULL,
    title_en     VARCHAR NOT NULL
);

-- method: proportion, rate (per 100 000), dsr (directly age-standardised rate), percentile
-- (median or other percentile of days), mean. direction: which way is better.
CREATE TABLE catalogue_indicator (
    indicator_code VARCHAR PRIMARY KEY CHECK (regexp_full_match(indicator_code, '[a-z][a-z0-9_]{1,63}')),
    goal_code      INTEGER NOT NULL REFERENCES catalogue_goal (goal_code),
    subgoal_code   VARCHAR REFERENCES catalogue_subgoal (subgoal_code),
    title_sv       VARCHAR NOT NULL,
    title_en       VARCHAR NOT NULL,
    description_sv VARCHAR NOT NULL,
    description_en VARCHAR NOT NULL,
    unit           VARCHAR NOT NULL,
    direction      VARCHAR NOT NULL CHECK (direction IN ('higher_is_better', 'lower_is_better', 'neither')),
    target_value   DOUBLE,
    method         VARCHAR NOT NULL CHECK (method IN ('proportion', 'rate', 'dsr', 'percentile', 'mean')),
    method_param   DOUBLE,
    scope          VARCHAR NOT NULL CHECK (scope IN ('adult', 'child', 'both')),
    data_source    VARCHAR NOT NULL,
    mart_view      VARCHAR NOT NULL,
    sort_order     INTEGER NOT NULL DEFAULT 100
);
