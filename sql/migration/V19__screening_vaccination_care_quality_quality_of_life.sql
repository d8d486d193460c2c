-- Goals 1 and 3 measured (issue 25): four sources from the national quality registers and
-- Folkhälsomyndigheten, each loaded with `lagesbild load NAME FILE` (docs/formats/NAME.md) and
-- vintaged per region × year like every register source, and the indicators they give.

-- Screening per programme × region × year × age band × sex: invited and screened after the
-- invitation (participation), and the target population and those tested within the
-- programme's interval (coverage), as the national quality registers for mammography, cervical
-- screening (NKCx) and colorectal screening count them. The programme is the diagnosis it looks
-- for: BREAST, CERV or CRC. A source that gives only one pair leaves the other empty.
CREATE TABLE fact_screening (
    batch_id          BIGINT NOT NULL,
    source_line       BIGINT NOT NULL,
    programme_code    VARCHAR NOT NULL,
    region_code       VARCHAR NOT NULL,
    year              INTEGER NOT NULL,
    age_group_code    VARCHAR NOT NULL,
    sex_code          INTEGER NOT NULL,
    invited           BIGINT,
    screened          BIGINT,
    target_population BIGINT,
    covered           BIGINT
);

-- HPV vaccination per region × birth year × sex: the cohort and those vaccinated with at least one
-- dose and with every dose of the programme, counted in the year the cohort turns 13
-- (Folkhälsomyndigheten's vaccination register; the school programme vaccinates in grade 5).
CREATE TABLE fact_hpv_vaccination (
    batch_id     BIGINT NOT NULL,
    source_line  BIGINT NOT NULL,
    region_code  VARCHAR NOT NULL,
    birth_year   INTEGER NOT NULL,
    sex_code     INTEGER NOT NULL,
    cohort_size  BIGINT NOT NULL,
    one_dose     BIGINT NOT NULL,
    full_doses   BIGINT NOT NULL
);

-- Care-quality shares from the quality registers per measure × region × year × sex: the patients
-- the measure applies to (eligible) and those for whom it was done (met). Measures: the Swedish
-- palliative register's end-of-life indicators, rehabilitation need assessed, and late-effects
-- follow-up after childhood cancer (docs/formats/care-quality.md lists them).
CREATE TABLE fact_care_quality (
    batch_id     BIGINT NOT NULL,
    source_line  BIGINT NOT NULL,
    measure_code VARCHAR NOT NULL,
    region_code  VARCHAR NOT NULL,
    year         INTEGER NOT NULL,
    sex_code     INTEGER NOT NULL,
    eligible     BIGINT NOT NULL,
    met          BIGINT NOT NULL
);

-- Patient-reported quality of life per region × year × sex × scale: respondents, their mean score
-- and its standard deviation (EORTC QLQ-C30 scales, 0–100; QL2 = global health status).
CREATE TABLE fact_quality_of_life (
    batch_id     BIGINT NOT NULL,
    source_line  BIGINT NOT NULL,
    scale_code   VARCHAR NOT NULL,
    region_code  VARCHAR NOT NULL,
    year         INTEGER NOT NULL,
    sex_code     INTEGER NOT NULL,
    respondents  BIGINT NOT NULL,
    mean_score   DOUBLE NOT NULL,
    sd_score     DOUBLE NOT NULL
);

-- The measures of care-quality: code, which indicator reads it, and its scope.
CREATE TABLE ref_care_quality_measure (
    measure_code   VARCHAR PRIMARY KEY,
    indicator_code VARCHAR NOT NULL,
    register_sv    VARCHAR NOT NULL
);
INSERT INTO ref_care_quality_measure VALUES
    ('EOL_CONVERSATION',     'eol_conversation',       'Svenska palliativregistret'),
    ('EOL_PAIN_ASSESSED',    'eol_pain_assessed',      'Svenska palliativregistret'),
    ('EOL_MOUTH_ASSESSED',   'eol_mouth_assessed',     'Svenska palliativregistret'),
    ('EOL_PREFERRED_PLACE',  'eol_preferred_place',    'Svenska palliativregistret'),
    ('REHAB_NEED_ASSESSED',  'rehab_need_assessed',    'Nationella kvalitetsregister för cancer (INCA)'),
    ('LATE_EFFECTS_FOLLOWUP', 'late_effects_followup', 'Svenska barncancerregistret och uppföljningsmottagningarna för vuxna');

INSERT INTO catalogue_indicator (indicator_code, goal_code, subgoal_code, title_sv, title_en, description_sv, description_en,
    unit, direction, target_value, method, method_param, scope, data_source, mart_view, sort_order, disclosure_family) VALUES
    ('screening_participation', 1, NULL, 'Deltagande i screening', 'Screening participation',
     'Andel kallade som undersökts efter kallelsen, per program (BREAST = mammografi, CERV = livmoderhalscancer, CRC = tjock- och ändtarmscancer); ALL = programmen tillsammans.',
     'Share of those invited who were screened after the invitation, per programme (BREAST = mammography, CERV = cervical, CRC = colorectal); ALL = the programmes together.',
     'proportion', 'higher_is_better', NULL, 'proportion', NULL, 'adult', 'screening', 'mart_screening_participation', 46, 'screening'),
    ('screening_coverage', 1, NULL, 'Täckningsgrad i screening', 'Screening coverage',
     'Andel av målgruppen som testats inom programmets intervall, per program; ALL = programmen tillsammans.',
     'Share of the target population tested within the programme''s interval, per programme; ALL = the programmes together.',
     'proportion', 'higher_is_better', NULL, 'proportion', NULL, 'adult', 'screening', 'mart_screening_coverage', 47, 'screening'),
    ('hpv_vaccination_one_dose', 1, NULL, 'HPV-vaccinerade, minst en dos', 'HPV vaccination, at least one dose',
     'Andel av en födelsekohort som fått minst en dos HPV-vaccin, det år kohorten fyller 13.',
     'Share of a birth cohort vaccinated with at least one dose against HPV, in the year the cohort turns 13.',
     'proportion', 'higher_is_better', NULL, 'proportion', NULL, 'child', 'hpv-vaccination', 'mart_hpv_vaccination_one_dose', 48, 'hpv'),
    ('hpv_vaccination_full', 1, NULL, 'HPV-vaccinerade, fullständigt', 'HPV vaccination, full course',
     'Andel av en födelsekohort som fått programmets alla doser HPV-vaccin, det år kohorten fyller 13.',
     'Share of a birth cohort vaccinated with every dose of the HPV programme, in the year the cohort turns 13.',
     'proportion', 'higher_is_better', NULL, 'proportion', NULL, 'child', 'hpv-vaccination', 'mart_hpv_vaccination_full', 49, 'hpv'),
    ('eol_conversation', 3, NULL, 'Brytpunktssamtal i livets slutskede', 'End-of-life conversation',
     'Andel väntade dödsfall i cancer där ett brytpunktssamtal dokumenterats (Svenska palliativregistret).',
     'Share of expected cancer deaths with a documented end-of-life conversation (Swedish Register of Palliative Care).',
     'proportion', 'higher_is_better', NULL, 'proportion', NULL, 'adult', 'care-quality', 'mart_eol_conversation', 91, 'care-quality'),
    ('eol_pain_assessed', 3, NULL, 'Smärtskattning sista levnadsveckan', 'Pain assessed in the last week of life',
     'Andel väntade dödsfall i cancer där smärtan skattats med ett validerat instrument sista levnadsveckan.',
     'Share of expected cancer deaths whose pain was assessed with a validated instrument in the last week of life.',
     'proportion', 'higher_is_better', NULL, 'proportion', NULL, 'adult', 'care-quality', 'mart_eol_pain_assessed', 92, 'care-quality'),
    ('eol_mouth_assessed', 3, NULL, 'Munhälsobedömning sista levnadsveckan', 'Mouth health assessed in the last week of life',
     'Andel väntade dödsfall i cancer där munhälsan bedömts sista levnadsveckan.',
     'Share of expected cancer deaths whose mouth health was assessed in the last week of life.',
     'proportion', 'higher_is_better', NULL, 'proportion', NULL, 'adult', 'care-quality', 'mart_eol_mouth_assessed', 93, 'care-quality'),
    ('eol_preferred_place', 3, NULL, 'Död på önskad plats', 'Died in the preferred place',
     'Andel väntade dödsfall i cancer där personen dog på den plats hen önskat, bland dem vars önskan var känd.',
     'Share of expected cancer deaths where the person died in the place they wished, among those whose wish was known.',
     'proportion', 'higher_is_better', NULL, 'proportion', NULL, 'adult', 'care-quality', 'mart_eol_preferred_place', 94, 'care-quality'),
    ('rehab_need_assessed', 3, NULL, 'Bedömt rehabiliteringsbehov', 'Rehabilitation need assessed',
     'Andel patienter med ny cancerdiagnos vars behov av cancerrehabilitering bedömts och dokumenterats.',
     'Share of patients with a new cancer diagnosis whose need of cancer rehabilitation was assessed and documented.',
     'proportion', 'higher_is_better', NULL, 'proportion', NULL, 'adult', 'care-quality', 'mart_rehab_need_assessed', 95, 'care-quality'),
    ('late_effects_followup', 3, NULL, 'Uppföljning av sena komplikationer efter barncancer', 'Late-effects follow-up after childhood cancer',
     'Andel som haft cancer som barn och som följts upp vid en mottagning för sena komplikationer, bland dem som är aktuella för uppföljning.',
     'Share of childhood cancer survivors due for follow-up who were seen at a late-effects clinic.',
     'proportion', 'higher_is_better', NULL, 'proportion', NULL, 'child', 'care-quality', 'mart_late_effects_followup', 96, 'care-quality'),
    ('qol_global_health', 3, NULL, 'Livskvalitet, global hälsa (EORTC QLQ-C30)', 'Quality of life, global health (EORTC QLQ-C30)',
     'Medelvärde av global hälsa/livskvalitet (EORTC QLQ-C30, skala 0–100) bland patienter som svarat ett år efter diagnos.',
     'Mean global health status/quality of life (EORTC QLQ-C30, scale 0–100) among patients answering a year after diagnosis.',
     'points', 'higher_is_better', NULL, 'mean', NULL, 'adult', 'quality-of-life', 'mart_qol_global_health', 97, 'quality-of-life');
