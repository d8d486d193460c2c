-- The follow-up structure as data (issue 25): Vårdanalys' goals, sub-goals (delmål) and which
-- indicators serve each, with the target value and year, the direction, the smallest base a
-- judgement needs, and the data source. Loaded with `lagesbild load follow-up-structure FILE`
-- (docs/formats/follow-up-structure.md) and vintaged like every source: a later file replaces the
-- whole structure, the earlier stays for snapshots. The catalogue's method definitions
-- (catalogue_indicator: how each indicator is computed) stay code; what the structure says about
-- them is here.
--
-- One row per sub-goal × indicator; a sub-goal without indicators yet is one row with an empty
-- indicator ('-'). The goal's and sub-goal's columns repeat on every row and must agree.
CREATE TABLE fact_followup_structure (
    batch_id            BIGINT NOT NULL,
    source_line         BIGINT NOT NULL,
    goal_code           INTEGER NOT NULL,
    goal_title_sv       VARCHAR NOT NULL,
    goal_title_en       VARCHAR NOT NULL,
    subgoal_code        VARCHAR NOT NULL,
    subgoal_title_sv    VARCHAR NOT NULL,
    subgoal_title_en    VARCHAR NOT NULL,
    subgoal_placeholder BOOLEAN NOT NULL,
    subgoal_order       INTEGER NOT NULL,
    indicator_code      VARCHAR NOT NULL,
    direction           VARCHAR,
    target_value        DOUBLE,
    target_year         INTEGER,
    min_base            INTEGER,
    data_source         VARCHAR,
    note_sv             VARCHAR
);
