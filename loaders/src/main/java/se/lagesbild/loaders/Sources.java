package se.lagesbild.loaders;

import static se.lagesbild.warehouse.db.Tables.FACT_AGREEMENT_RULE;
import static se.lagesbild.warehouse.db.Tables.FACT_CARE_QUALITY;
import static se.lagesbild.warehouse.db.Tables.FACT_DEATH;
import static se.lagesbild.warehouse.db.Tables.FACT_LIFE_TABLE;
import static se.lagesbild.warehouse.db.Tables.FACT_TUMOUR;
import static se.lagesbild.warehouse.db.Tables.FACT_EXTERNAL_WAITING_TIME;
import static se.lagesbild.warehouse.db.Tables.FACT_FOLLOWUP_STRUCTURE;
import static se.lagesbild.warehouse.db.Tables.FACT_HPV_VACCINATION;
import static se.lagesbild.warehouse.db.Tables.FACT_INVESTMENT_FUND;
import static se.lagesbild.warehouse.db.Tables.FACT_INVESTMENT_PROJECT;
import static se.lagesbild.warehouse.db.Tables.FACT_NEW_CASES;
import static se.lagesbild.warehouse.db.Tables.FACT_POPULATION;
import static se.lagesbild.warehouse.db.Tables.FACT_POPULATION_GROUP;
import static se.lagesbild.warehouse.db.Tables.FACT_PREM;
import static se.lagesbild.warehouse.db.Tables.FACT_QUALITY_OF_LIFE;
import static se.lagesbild.warehouse.db.Tables.FACT_REGION_REPORT;
import static se.lagesbild.warehouse.db.Tables.FACT_SCREENING;
import static se.lagesbild.warehouse.db.Tables.FACT_SVF_AGGREGATE;
import static se.lagesbild.warehouse.db.Tables.FACT_SVF_PATHWAY;

import java.util.List;
import java.util.stream.Collectors;

import se.lagesbild.loaders.SourceFormat.Column;
import se.lagesbild.warehouse.WarehouseException;

/** The sources Lägesbild loads. Each is documented in docs/formats/NAME.md with an example file. */
public final class Sources {
    private static final String REGION = "a region code 01–25";
    private static final String SVF = "an SVF code such as BREAST";
    private static final String PERIOD = "a period such as 2026, 2026H1, 2026Q3 or 2026-09";
    private static final String SEX = "1 (men) or 2 (women)";
    private static final String COUNT = "a whole number";
    private static final String DATE = "a date YYYY-MM-DD";
    private static final String YEAR = "a year such as 2026";
    private static final String KRONOR = "an amount in whole kronor";
    private static final String EDUCATION = "an education level FGY, GY, EGK, EGL or US (or SCB's SUN level 1–7)";
    private static final String BIRTH_COUNTRY = "a country-of-birth group SE, NORDEN, EUROPA, UTOM_EUROPA or US";

    private static final List<Column> SVF_COUNTS = List.of(
            req("region_code", REGION, "region"),
            req("svf_code", SVF, "svf"),
            req("period_code", PERIOD, "period"),
            req("sex_code", SEX + ", or 3 (both)", "sex", "kon"),
            req("started", COUNT, "started_pathways"),
            req("closed_by_treatment", COUNT, "treatment_started"),
            req("within_lead_time", COUNT, "within_max"));

    private static final List<SourceFormat> ALL = List.of(
            new SourceFormat("population", "population.sql", FACT_POPULATION, Policy.REJECT_FILE, List.of(
                    req("region", REGION + " (\"01\" or \"01 Stockholms län\")", "region_code", "lan", "län").typed("region_code"),
                    req("sex", SEX + " (or män/kvinnor)", "kon", "kön", "sex_code").typed("sex_code"),
                    req("age", "an age (45), a band (85-89), an open band (100+), or totalt with sex 3", "alder", "ålder", "age_years")
                            .typed(null),
                    req("year", "a year (2024: 31 December), SCB's month (2025M09) or quarter (2025K3), or a date (2025-09-30)",
                            "ar", "år", "tid", "period", "month", "manad", "månad", "reference_date").typed("reference_date"),
                    req("population", COUNT, "folkmangd", "folkmängd", "value", "varde", "värde").typed("population")),
                    List.of("region_code", "sex_code", "age_from", "reference_date"), "region_code", false),
            new SourceFormat("population-groups", "population-groups.sql", FACT_POPULATION_GROUP, Policy.REJECT_FILE, List.of(
                    req("region", REGION + " (\"01\" or \"01 Stockholms län\")", "region_code", "lan", "län").typed("region_code"),
                    req("sex", SEX + " (or män/kvinnor)", "kon", "kön", "sex_code").typed("sex_code"),
                    req("age", "an age (45), a band (85-89) or an open band (95+)", "alder", "ålder", "age_years").typed("age_from"),
                    req("year", "a year (2024: 31 December), SCB's month (2025M09) or quarter (2025K3), or a date (2025-09-30)",
                            "ar", "år", "tid", "period", "month", "manad", "månad", "reference_date").typed("reference_date"),
                    req("population", COUNT, "folkmangd", "folkmängd", "value", "varde", "värde", "antal").typed("population"),
                    opt("education_level", EDUCATION, "utbildningsniva", "utbildningsnivå", "sun2020niva", "education").typed("group_code"),
                    opt("birth_country", BIRTH_COUNTRY, "fodelseland", "födelseland", "country_of_birth", "fodelseregion", "födelseregion",
                            "fodelselandgrupp").typed("group_code")),
                    List.of("region_code", "sex_code", "age_from", "reference_date", "dimension_code", "group_code"), "region_code", false),
            new SourceFormat("agreement-rules", "agreement-rules.sql", FACT_AGREEMENT_RULE, Policy.REJECT_FILE, List.of(
                    req("agreement_year", YEAR, "year", "ar", "år"),
                    req("title", "the agreement's title", "title_sv").typed("title_sv"),
                    req("svf_total_sek", KRONOR, "total_sek"),
                    req("report_deadline", DATE, "deadline"),
                    req("population_date", "the population's date: a date, a year (31 December) or SCB's month (2025M09)"),
                    opt("population_note", "why that date", "population_reference_note"),
                    opt("source", "where the rules come from", "source_sv").typed("source_sv"),
                    req("payment_code", "a part's code such as P1, P2A"),
                    req("payment_no", "1 or 2"),
                    opt("part_no", "the part's number within its payment (default 1)"),
                    req("amount_sek", KRONOR, "amount"),
                    req("shared_among", "all_regions or qualifying_regions"),
                    req("payment_name", "the part's name", "payment_name_sv").typed("payment_name_sv"),
                    opt("condition_code", "a condition's code such as INCLUSION; empty for a part without conditions"),
                    opt("metric", "svf_inclusion, prem_used, report_submitted or lead_time_within_max"),
                    opt("svf_scope", "introduced_before_year or an SVF code"),
                    opt("icd10_scope", "an ICD-10 code or range such as C19-C20"),
                    opt("period", PERIOD, "period_code").typed("period_code"),
                    opt("threshold", "a share (0.70, 0,70 or 70 %), empty when not yet set"),
                    opt("comparison", ">=, <=, is_true or on_or_before_deadline"),
                    opt("description", "the condition in words", "description_sv").typed("description_sv"),
                    opt("note", "a note", "note_sv").typed("note_sv")),
                    List.of("agreement_year", "payment_code", "condition_code"), null, false),
            new SourceFormat("follow-up-structure", "follow-up-structure.sql", FACT_FOLLOWUP_STRUCTURE, Policy.REJECT_FILE, List.of(
                    req("goal_code", "the strategy's goal: 1, 2 or 3", "goal", "mal", "mål"),
                    req("goal_title_sv", "the goal in Swedish", "goal_title", "mal_text", "måltext"),
                    req("goal_title_en", "the goal in English"),
                    req("subgoal_code", "a sub-goal code such as 1.1", "subgoal", "delmal", "delmål"),
                    req("subgoal_title_sv", "the sub-goal in Swedish", "subgoal_title", "delmal_text", "delmålstext"),
                    req("subgoal_title_en", "the sub-goal in English"),
                    opt("placeholder", "ja/nej: the sub-goal stands in until Vårdanalys' own text is there (default nej)",
                            "subgoal_placeholder", "platshallare", "platshållare").typed("subgoal_placeholder"),
                    req("subgoal_order", "the sub-goal's place within its goal (1, 2, …)", "order", "ordning"),
                    opt("indicator_code", "an indicator of the catalogue; empty for a sub-goal without one yet", "indicator", "indikator"),
                    opt("direction", "higher_is_better, lower_is_better or neither (empty: the catalogue's)", "riktning"),
                    opt("target_value", "the target: a share (0.80 or 80 %) or a value in the indicator's unit", "target", "malvarde",
                            "målvärde"),
                    opt("target_year", "the year the target is to be reached, 2026–2040", "malar", "målår"),
                    opt("min_base", "the smallest denominator a judgement needs, a whole number", "minimum_base", "minsta_underlag"),
                    opt("data_source", "where the indicator's data come from", "source", "datakalla", "datakälla"),
                    opt("note", "a note", "note_sv", "anmarkning", "anmärkning").typed("note_sv")),
                    List.of("subgoal_code", "indicator_code"), null, false),
            new SourceFormat("new-cases", "new-cases.sql", FACT_NEW_CASES, Policy.QUARANTINE, List.of(
                    req("region_code", REGION + " (Socialstyrelsen's regionId 1–25)", "regionid", "region"),
                    req("sex_code", SEX + " (Socialstyrelsen's konId)", "konid", "kon", "sex"),
                    opt("alder_id", "Socialstyrelsen's alderId 1–18", "alderid").typed(null),
                    opt("age", "an age (45) or a band (85-89, 85+)", "alder", "age_band").typed(null),
                    req("year", YEAR, "ar", "år"),
                    req("icd10_code", "an ICD-10 code such as C50", "diagnos", "diagnosis", "diagnosis_code", "icd10"),
                    req("cases", COUNT, "varde", "värde", "value", "antal")),
                    List.of("region_code", "sex_code", "age_from", "year", "icd10_code"), "region_code", false),
            new SourceFormat("cancer-register", "cancer-register.sql", FACT_TUMOUR, Policy.QUARANTINE, List.of(
                    req("person_id", "a pseudonymised person id", "lopnr", "löpnr", "pseudonym", "patient_pseudonym"),
                    req("sex_code", SEX, "sex", "kon", "kön"),
                    req("birth_date", DATE + ", or YYYY-MM when the day is withheld", "fodelsedatum", "födelsedatum", "date_of_birth")
                            .typed(null),
                    req("diagnosis_date", DATE, "diagnosdatum", "diadat", "date_of_diagnosis"),
                    req("icd10_code", "an ICD-10 code such as C50.9", "icd10", "icd_10", "diagnos"),
                    opt("topography", "an ICD-O-3 topography such as C50.4", "icdo3_topography", "topografi"),
                    opt("morphology", "an ICD-O-3 morphology such as 8500", "icdo3_morphology", "morfologi"),
                    opt("behaviour", "ICD-O-3 behaviour 0–3, 6 or 9 (empty: 3)", "behavior", "malignitet").typed(null),
                    req("stage", "0, I, II, III, IV or unknown", "stadium", "stage_group").typed(null),
                    opt("tnm", "TNM as recorded, e.g. T2N0M0"),
                    req("region_code", REGION, "region", "lan", "län"),
                    opt("municipality_code", "a four-digit municipality code", "kommun", "municipality").typed(null),
                    req("basis_of_diagnosis", "the ENCR basis 0 (death certificate only), 1, 2, 4, 5, 6, 7 or 9", "basis", "diagnosgrund")
                            .typed(null),
                    opt("lost_to_follow_up_date", DATE + ": the day the person emigrated or was otherwise lost to follow-up",
                            "emigration_date", "utvandringsdatum", "censoring_date"),
                    opt("education_level", EDUCATION, "utbildningsniva", "utbildningsnivå", "sun2020niva", "education").typed("education_code"),
                    opt("birth_country", BIRTH_COUNTRY, "fodelseland", "födelseland", "country_of_birth", "fodelselandgrupp")
                            .typed("birth_country_code"),
                    opt("income_quintile", "a disposable-income quintile Q1–Q5 (or 1–5) or US", "inkomstkvintil", "income")
                            .typed("income_code")),
                    List.of("person_id", "diagnosis_date", "icd10_code"), "region_code", true),
            new SourceFormat("deaths", "deaths.sql", FACT_DEATH, Policy.QUARANTINE, List.of(
                    req("person_id", "the person id the cancer register uses", "lopnr", "löpnr", "pseudonym"),
                    req("sex_code", SEX, "sex", "kon", "kön"),
                    opt("birth_date", DATE + ", or YYYY-MM", "fodelsedatum", "födelsedatum", "date_of_birth").typed(null),
                    opt("age_years", "age at death in whole years", "age", "alder", "ålder").typed(null),
                    req("death_date", DATE, "dodsdatum", "dödsdatum", "date_of_death"),
                    req("underlying_cause", "an ICD-10 code such as C34.1", "ulorsak", "underliggande_dodsorsak", "cause"),
                    req("region_code", REGION, "region", "lan", "län"),
                    opt("municipality_code", "a four-digit municipality code", "kommun", "municipality").typed(null),
                    opt("education_level", EDUCATION, "utbildningsniva", "utbildningsnivå", "sun2020niva", "education").typed("education_code"),
                    opt("birth_country", BIRTH_COUNTRY, "fodelseland", "födelseland", "country_of_birth", "fodelselandgrupp")
                            .typed("birth_country_code")),
                    List.of("person_id"), "region_code", true),
            new SourceFormat("life-tables", "life-tables.sql", FACT_LIFE_TABLE, Policy.REJECT_FILE, List.of(
                    opt("region_code", "00 or empty for Riket, or " + REGION, "region", "lan", "län").typed(null),
                    req("year", YEAR, "ar", "år"),
                    req("sex_code", SEX, "sex", "kon", "kön"),
                    req("age", "a single year of age (0–120; the last may be written 100+)", "alder", "ålder").typed(null),
                    opt("death_probability", "q, the probability of dying within the year of age", "q", "dodsrisk", "dödsrisk")
                            .typed(null),
                    opt("hazard", "the death rate m (deaths per person-year)", "death_rate", "dodstal", "dödstal", "mx").typed(null),
                    opt("per", "1 (default) or 1000 when q or m is per thousand", "per_1000").typed(null)),
                    List.of("region_code", "year", "sex_code", "age"), null, false),
            new SourceFormat("svf-pathways", "svf-pathways.sql", FACT_SVF_PATHWAY, Policy.QUARANTINE, List.of(
                    req("pathway_id", "a pathway identifier"),
                    req("patient_pseudonym", "a pseudonym"),
                    req("reporting_region_code", REGION, "region_code", "region"),
                    opt("patient_municipality_code", "a four-digit municipality code", "municipality_code", "kommun").typed(null),
                    req("svf_code", SVF, "svf"),
                    opt("icd10_code", "an ICD-10 code such as C18", "icd10"),
                    req("sex_code", SEX, "sex", "kon"),
                    req("age_years", "age in whole years", "age", "alder"),
                    req("suspicion_date", DATE, "well_founded_suspicion_date"),
                    opt("closed_date", DATE, "close_date"),
                    opt("close_reason_code", "treatment, dropped or other", "close_reason"),
                    opt("first_treatment_type_code", "SURG, RAD, DRUG, RADDRUG, PALL, EXP, NONE or OTHER", "first_treatment_type", "treatment_type"),
                    opt("reporting_unit", "the reporting unit", "unit"),
                    opt("education_level", EDUCATION, "utbildningsniva", "utbildningsnivå", "sun2020niva", "education").typed("education_code"),
                    opt("birth_country", BIRTH_COUNTRY, "fodelseland", "födelseland", "country_of_birth", "fodelselandgrupp")
                            .typed("birth_country_code")),
                    List.of("pathway_id"), "reporting_region_code", true),
            new SourceFormat("svf-aggregates", "svf-counts.sql", FACT_SVF_AGGREGATE, Policy.QUARANTINE, SVF_COUNTS,
                    List.of("region_code", "svf_code", "period_code", "sex_code"), "region_code", false),
            new SourceFormat("region-reports", "region-reports.sql", FACT_REGION_REPORT, Policy.QUARANTINE, List.of(
                    req("region_code", REGION, "region"),
                    req("report_year", YEAR, "year", "ar", "år"),
                    req("submitted_date", DATE, "submitted", "inkommen"),
                    req("prem_used", "ja/nej (yes/no)", "prem"),
                    opt("inclusion_numerator_h1", COUNT, "numerator_h1"),
                    opt("inclusion_denominator_h1", COUNT, "denominator_h1"),
                    opt("actions_sv", "free text", "actions", "atgarder", "åtgärder")),
                    List.of("region_code", "report_year"), "region_code", false),
            new SourceFormat("prem", "prem.sql", FACT_PREM, Policy.QUARANTINE, List.of(
                    req("region_code", REGION, "region"),
                    req("svf_group", SVF + ", or ALL", "svf_code", "svf"),
                    req("period_code", PERIOD, "period"),
                    req("sex_code", SEX + ", or 3 (both)", "sex", "kon"),
                    req("question_code", "a question code", "question"),
                    req("respondents", COUNT, "answers"),
                    req("positive_answers", COUNT, "positive")),
                    List.of("region_code", "svf_group", "period_code", "sex_code", "question_code"), "region_code", false),
            new SourceFormat("screening", "screening.sql", FACT_SCREENING, Policy.QUARANTINE, List.of(
                    req("programme_code", "BREAST, CERV or CRC", "programme", "program"),
                    req("region_code", REGION, "region"),
                    req("year", YEAR, "ar", "år"),
                    req("age_group_code", "a five-year age band such as 50-54", "age_band", "age", "alder", "ålder").typed(null),
                    req("sex_code", SEX, "sex", "kon", "kön"),
                    opt("invited", COUNT, "kallade"),
                    opt("screened", COUNT, "undersokta", "undersökta"),
                    opt("target_population", COUNT, "population", "malgrupp", "målgrupp"),
                    opt("covered", COUNT, "tackta", "täckta"),
                    opt("birth_country", BIRTH_COUNTRY, "fodelseland", "födelseland", "country_of_birth", "fodelselandgrupp")
                            .typed("birth_country_code"),
                    opt("education_level", EDUCATION, "utbildningsniva", "utbildningsnivå", "sun2020niva", "education").typed("education_code")),
                    List.of("programme_code", "region_code", "year", "age_group_code", "sex_code", "birth_country_code", "education_code"),
                    "region_code", false),
            new SourceFormat("hpv-vaccination", "hpv-vaccination.sql", FACT_HPV_VACCINATION, Policy.QUARANTINE, List.of(
                    req("region_code", REGION, "region"),
                    req("birth_year", "a birth year such as 2013", "fodelsear", "födelseår", "cohort"),
                    req("sex_code", SEX, "sex", "kon", "kön"),
                    req("cohort_size", COUNT, "cohort", "population"),
                    req("one_dose", COUNT, "at_least_one_dose", "minst_en_dos"),
                    req("full_doses", COUNT, "fully_vaccinated", "fullvaccinerade")),
                    List.of("region_code", "birth_year", "sex_code"), "region_code", false),
            new SourceFormat("care-quality", "care-quality.sql", FACT_CARE_QUALITY, Policy.QUARANTINE, List.of(
                    req("measure_code", "a measure such as EOL_CONVERSATION", "measure", "matt", "mått"),
                    req("region_code", REGION, "region"),
                    req("year", YEAR, "ar", "år"),
                    req("sex_code", SEX, "sex", "kon", "kön"),
                    req("eligible", COUNT, "patients", "denominator", "namnare", "nämnare"),
                    req("met", COUNT, "numerator", "taljare", "täljare")),
                    List.of("measure_code", "region_code", "year", "sex_code"), "region_code", false),
            new SourceFormat("quality-of-life", "quality-of-life.sql", FACT_QUALITY_OF_LIFE, Policy.QUARANTINE, List.of(
                    req("scale_code", "a scale code such as QL2", "scale", "skala"),
                    req("region_code", REGION, "region"),
                    req("year", YEAR, "ar", "år"),
                    req("sex_code", SEX, "sex", "kon", "kön"),
                    req("respondents", COUNT, "n", "svarande"),
                    req("mean_score", "a mean score 0–100 (decimal point or comma)", "mean", "medelvarde", "medelvärde"),
                    req("sd_score", "a standard deviation (decimal point or comma)", "sd", "standardavvikelse")),
                    List.of("scale_code", "region_code", "year", "sex_code"), "region_code", false),
            new SourceFormat("investments", "investments.sql", FACT_INVESTMENT_FUND, Policy.REJECT_FILE, List.of(
                    req("rcc", "an RCC code such as NORR", "healthcare_region_code", "rcc_code").typed("healthcare_region_code"),
                    req("area_code", "PATHOLOGY, IMAGING, REHAB or PRIMARY_CARE", "area"),
                    req("year", YEAR, "ar", "år"),
                    req("allocated_sek", KRONOR, "allocated", "tilldelat"),
                    req("passed_on_sek", KRONOR, "passed_on", "vidarefordelat"),
                    opt("allocation_criteria_sv", "free text", "allocation_criteria", "kriterier")),
                    List.of("healthcare_region_code", "area_code", "year"), null, false),
            new SourceFormat("projects", "projects.sql", FACT_INVESTMENT_PROJECT, Policy.QUARANTINE, List.of(
                    req("rcc", "an RCC code such as NORR", "healthcare_region_code", "rcc_code").typed("healthcare_region_code"),
                    req("area_code", "PATHOLOGY, IMAGING, REHAB or PRIMARY_CARE", "area"),
                    req("year", YEAR, "ar", "år"),
                    req("project_id", "a project identifier", "project"),
                    req("title_sv", "the project's title", "title", "titel"),
                    req("amount_sek", KRONOR, "amount", "belopp"),
                    req("status", "beviljad, pågående, avslutad or återkallad")),
                    List.of("healthcare_region_code", "project_id", "year"), null, false),
            new SourceFormat("waiting-times-skr", "svf-counts.sql", FACT_EXTERNAL_WAITING_TIME, Policy.QUARANTINE, SVF_COUNTS,
                    List.of("region_code", "svf_code", "period_code", "sex_code"), "region_code", false));

    private Sources() {
    }

    public static List<SourceFormat> all() {
        return ALL;
    }

    /** The source called {@code name}, or an error listing the sources there are. */
    public static SourceFormat byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new WarehouseException("Unknown source '" + name + "'. Sources: " + names() + "."));
    }

    public static String names() {
        return ALL.stream().map(SourceFormat::name).collect(Collectors.joining(", "));
    }

    private static Column req(String name, String expected, String... aliases) {
        return new Column(name, true, expected, name, List.of(aliases));
    }

    private static Column opt(String name, String expected, String... aliases) {
        return new Column(name, false, expected, name, List.of(aliases));
    }
}
