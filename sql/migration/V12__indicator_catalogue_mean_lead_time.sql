-- A mean indicator: the mean lead time in days, with Student's t interval. Its mart is the lead-time
-- observations mart the percentiles use (the mean contract accepts observations, or per cell
-- observation_count, observation_sum and observation_sum_squares): no new view, no Java.
INSERT INTO catalogue_indicator (indicator_code, goal_code, subgoal_code, title_sv, title_en, description_sv, description_en,
    unit, direction, target_value, method, method_param, scope, data_source, mart_view, sort_order) VALUES
    ('svf_lead_time_mean', 2, NULL, 'Ledtid, medelvärde', 'Lead time, mean',
     'Medelantal dagar från välgrundad misstanke till start av första behandling.',
     'Mean days from well-founded suspicion to start of first treatment.',
     'days', 'lower_is_better', NULL, 'mean', NULL, 'adult', 'svf-pathways', 'mart_svf_lead_time_observations', 24);
