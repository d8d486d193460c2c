package se.lagesbild.loaders;

import static se.lagesbild.warehouse.db.Tables.FACT_EXTERNAL_WAITING_TIME;
import static se.lagesbild.warehouse.db.Tables.FACT_INVESTMENT_FUND;
import static se.lagesbild.warehouse.db.Tables.FACT_INVESTMENT_PROJECT;
import static se.lagesbild.warehouse.db.Tables.FACT_NEW_CASES;
import static se.lagesbild.warehouse.db.Tables.FACT_POPULATION;
import static se.lagesbild.warehouse.db.Tables.FACT_PREM;
import static se.lagesbild.warehouse.db.Tables.FACT_REGION_REPORT;
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
                    req("age", "an age (45), a band (85-89) or an open band (100+)", "alder", "ålder", "age_years").typed("age_from"),
                    req("year", YEAR, "ar", "år", "tid").typed("year"),
                    req("population", COUNT, "folkmangd", "folkmängd", "value", "varde", "värde").typed("population")),
                    List.of("region_code", "sex_code", "age_from", "year"), "region_code", false),
            new SourceFormat("new-cases", "new-cases.sql", FACT_NEW_CASES, Policy.QUARANTINE, List.of(
                    req("region_code", REGION + " (Socialstyrelsen's regionId 1–25)", "regionid", "region"),
                    req("sex_code", SEX + " (Socialstyrelsen's konId)", "konid", "kon", "sex"),
                    opt("alder_id", "Socialstyrelsen's alderId 1–18", "alderid").typed(null),
                    opt("age", "an age (45) or a band (85-89, 85+)", "alder", "age_band").typed(null),
                    req("year", YEAR, "ar", "år"),
                    req("icd10_code", "an ICD-10 code such as C50", "diagnos", "diagnosis", "diagnosis_code", "icd10"),
                    req("cases", COUNT, "varde", "värde", "value", "antal")),
                    List.of("region_code", "sex_code", "age_from", "year", "icd10_code"), "region_code", false),
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
                    opt("reporting_unit", "the reporting unit", "unit")),
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
