package se.lagesbild.loaders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import se.lagesbild.warehouse.TestWarehouses;
import se.lagesbild.warehouse.Warehouse;

/**
 * One deliberately broken file per validation rule: a valid row on line 2 and the broken row on
 * line 3. The problem must name the file, line 3, the column and the rule; line 2 stays clean.
 */
class ValidationRulesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final Map<String, String[]> HEADER_AND_GOOD_ROW = Map.ofEntries(Map.entry(
            "svf-pathways", new String[] {
                "pathway_id,patient_pseudonym,reporting_region_code,patient_municipality_code,svf_code,icd10_code,sex_code,age_years,"
                        + "suspicion_date,closed_date,close_reason_code,first_treatment_type_code,reporting_unit",
                "P-1,X1,01,0180,BREAST,C50,2,58,2026-02-02,2026-02-25,treatment,SURG,Unit A"}),
            Map.entry("svf-aggregates", new String[] {"region_code,svf_code,period_code,sex_code,started,closed_by_treatment,within_lead_time",
                "01,BREAST,2026-02,2,212,120,61"}),
            Map.entry("prem", new String[] {"region_code,svf_group,period_code,sex_code,question_code,respondents,positive_answers",
                "01,ALL,2026H1,1,INFO_CLEAR,412,338"}),
            Map.entry("population", new String[] {"region;kön;ålder;år;folkmängd", "01;1;45;2025;15000"}),
            Map.entry("screening", new String[] {"programme_code,region_code,year,age_group_code,sex_code,invited,screened,target_population,covered",
                "CRC,25,2025,60-64,1,2950,1240,6500,4100"}),
            Map.entry("hpv-vaccination", new String[] {"region_code,birth_year,sex_code,cohort_size,one_dose,full_doses", "01,2012,2,14210,13520,12610"}),
            Map.entry("care-quality", new String[] {"measure_code,region_code,year,sex_code,eligible,met", "EOL_CONVERSATION,01,2025,2,1840,790"}),
            Map.entry("quality-of-life", new String[] {"scale_code,region_code,year,sex_code,respondents,mean_score,sd_score",
                "QL2,01,2026,1,1410,71.8,20.9"}),
            Map.entry("new-cases", new String[] {"regionId,konId,alderId,ar,diagnos,varde", "1,1,13,2025,C61,412"}),
            Map.entry("region-reports", new String[] {"region_code;report_year;submitted_date;prem_used;inclusion_numerator_h1;inclusion_denominator_h1;actions_sv",
                "01;2026;2026-09-24;ja;8120;9874;Åtgärder"}),
            Map.entry("investments", new String[] {"rcc;area_code;year;allocated_sek;passed_on_sek;allocation_criteria_sv",
                "STHLM;PATHOLOGY;2025;14 069 000,00;12 500 000,00;Ansökan"}),
            Map.entry("projects", new String[] {"rcc,area_code,year,project_id,title_sv,amount_sek,status", "SYD,PATHOLOGY,2025,SYD-1,Patologijour,3800000,avslutad"}),
            Map.entry("cancer-register", new String[] {"person_id,sex_code,birth_date,diagnosis_date,icd10_code,topography,morphology,behaviour,"
                    + "stage,tnm,region_code,municipality_code,basis_of_diagnosis", "P1,2,1957-03-14,2025-02-03,C50.9,C50.4,8500,3,I,T1N0M0,01,,7"}),
            Map.entry("deaths", new String[] {"person_id,sex_code,birth_date,age_years,death_date,underlying_cause,region_code,municipality_code",
                "P1,1,1951-06-30,,2025-10-02,C34.1,13,1380"}));

    @TempDir
    static Path folder;
    static Warehouse warehouse;

    @BeforeAll
    static void open() {
        warehouse = Warehouse.openForWriting(TestWarehouses.migrated(folder));
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @ParameterizedTest(name = "{0}: {3}")
    @CsvSource(delimiter = '|', value = {
        "svf-pathways   | P-2,X2,99,0180,BREAST,C50,2,58,2026-02-02,2026-02-25,treatment,SURG,U        | reporting_region_code     | unknown_region",
        "svf-pathways   | P-2,X2,01,0180,BREASTS,C50,2,58,2026-02-02,2026-02-25,treatment,SURG,U       | svf_code                  | unknown_svf",
        "svf-pathways   | P-2,X2,01,0180,BREAST,C50,3,58,2026-02-02,2026-02-25,treatment,SURG,U        | sex_code                  | invalid_sex",
        "svf-pathways   | P-2,X2,01,0180,BREAST,C50,x,58,2026-02-02,2026-02-25,treatment,SURG,U        | sex_code                  | invalid_value",
        "svf-pathways   | P-2,X2,01,0180,PROST,C61,2,58,2026-02-02,2026-02-25,treatment,SURG,U         | sex_code                  | sex_not_possible_for_svf",
        "svf-pathways   | P-2,X2,01,0180,BREAST,C50,2,130,2026-02-02,2026-02-25,treatment,SURG,U       | age_years                 | age_out_of_range",
        "svf-pathways   | P-2,X2,01,0180,BREAST,C50,2,fifty,2026-02-02,2026-02-25,treatment,SURG,U     | age_years                 | invalid_value",
        "svf-pathways   | P-2,X2,01,0180,BREAST,C50,2,58,2026-02-02,2026-01-25,treatment,SURG,U        | closed_date               | closed_before_suspicion",
        "svf-pathways   | P-2,X2,01,0180,BREAST,C50,2,58,2027-02-02,2027-02-25,treatment,SURG,U        | suspicion_date            | date_in_future",
        "svf-pathways   | P-2,X2,01,0180,BREAST,C50,2,58,2026-02-30,2026-03-25,treatment,SURG,U        | suspicion_date            | invalid_value",
        "svf-pathways   | P-2,X2,01,0180,BREAST,C50,2,58,2026-02-02,2026-02-25,cured,SURG,U            | close_reason_code         | unknown_close_reason",
        "svf-pathways   | P-2,X2,01,0180,BREAST,C50,2,58,2026-02-02,2026-02-25,,,U                     | close_reason_code         | close_reason_without_date",
        "svf-pathways   | P-2,X2,01,0180,BREAST,C50,2,58,2026-02-02,2026-02-25,treatment,MAGIC,U       | first_treatment_type_code | unknown_treatment_type",
        "svf-pathways   | P-2,X2,01,0180,BREAST,C50,2,58,2026-02-02,2026-02-25,treatment,,U            | first_treatment_type_code | treatment_type_missing",
        "svf-pathways   | P-2,X2,01,13800,BREAST,C50,2,58,2026-02-02,2026-02-25,treatment,SURG,U       | patient_municipality_code | invalid_municipality",
        "svf-pathways   | ,X2,01,0180,BREAST,C50,2,58,2026-02-02,2026-02-25,treatment,SURG,U           | pathway_id                | missing_value",
        "svf-pathways   | P-1,X2,01,0180,BREAST,C50,2,58,2026-02-02,2026-02-25,treatment,SURG,U        | pathway_id                | duplicate",
        "svf-pathways   | P-2,X2,01                                                                    | ''                        | column_count",
        "svf-pathways   | P-2,X2,01,0180,BREAST,C50,2,58,2026-02-02,2026-02-25,treatment,SURG,U,extra  | ''                        | column_count",
        "svf-aggregates | 01,BREAST,2026-03,2,212,120,121                                              | within_lead_time          | within_exceeds_closed",
        "svf-aggregates | 01,BREAST,2026-03,2,-1,0,0                                                   | started                   | negative_count",
        "svf-aggregates | 01,BREAST,2026-13,2,212,120,61                                               | period_code               | unknown_period",
        "svf-aggregates | 01,BREAST,2026-02,2,212,120,60                                               | region_code, svf_code, period_code, sex_code | duplicate",
        "prem           | 01,ALL,2026H1,2,INFO_CLEAR,100,101                                           | positive_answers          | positive_exceeds_respondents",
        "prem           | 01,LEGS,2026H1,2,INFO_CLEAR,100,50                                           | svf_group                 | unknown_svf",
        "screening      | MAMMO,25,2025,60-64,2,2950,1240,6500,4100                                    | programme_code            | unknown_programme",
        "screening      | CRC,25,2025,62-66,2,2950,1240,6500,4100                                      | age_group_code            | unknown_age_band",
        "screening      | BREAST,25,2025,60-64,1,2950,1240,6500,4100                                   | sex_code                  | invalid_sex",
        "screening      | CRC,25,2025,60-64,2,2950,,6500,4100                                          | screened                  | pair_incomplete",
        "screening      | CRC,25,2025,60-64,2,2950,1240,6500,6501                                      | covered                   | count_exceeds_base",
        "screening      | CRC,25,2025,60-64,1,2950,1240,6500,4100                                      | programme_code, region_code, year, age_group_code, sex_code, birth_country_code, education_code | duplicate",
        "hpv-vaccination | 01,1990,2,14210,13520,12610                                                 | birth_year                | unknown_year",
        "hpv-vaccination | 01,2012,1,14210,13520,13600                                                 | full_doses                | count_exceeds_base",
        "hpv-vaccination | 01,2012,3,14210,13520,12610                                                 | sex_code                  | invalid_sex",
        "care-quality    | EOL_HOPE,01,2025,2,1840,790                                                 | measure_code              | unknown_measure",
        "care-quality    | EOL_CONVERSATION,01,2025,1,1840,1841                                        | met                       | count_exceeds_base",
        "care-quality    | EOL_CONVERSATION,01,2025,1,-3,0                                             | eligible                  | negative_count",
        "quality-of-life | QL2,01,2026,2,1410,171.8,20.9                                               | mean_score                | score_out_of_range",
        "quality-of-life | QL2,01,2026,2,1410,71.8,sd                                                  | sd_score                  | invalid_value",
        "quality-of-life | QL2,01,2026,2,0,71.8,20.9                                                   | respondents               | score_out_of_range",
        "quality-of-life | QL 2,01,2026,2,10,71.8,20.9                                                 | scale_code                | invalid_scale",
        "population     | 00;1;45;2025;15000                                                           | region                    | unknown_region",
        "population     | 01;3;46;2025;15000                                                           | sex                       | invalid_sex",
        "population     | 01;1;46;2025;-5                                                              | population                | negative_count",
        "population     | 01;1;old;2025;15000                                                          | age                       | invalid_age",
        "population     | 01;1;46;2150;15000                                                           | year                      | unknown_year",
        "population     | 01;1;40-49;2025;15000                                                        | age                       | overlapping_ages",
        "new-cases      | 0,1,13,2025,C61,412                                                          | region_code               | total_row",
        "new-cases      | 1,3,14,2025,C61,412                                                          | sex_code                  | total_row",
        "new-cases      | 1,1,19,2025,C61,412                                                          | age                       | age_missing",
        "new-cases      | 1,1,14,2025,prostate,412                                                     | icd10_code                | invalid_icd10",
        "region-reports | 03;2026;2026-09-24;kanske;8120;9874;Åtgärder                                 | prem_used                 | invalid_value",
        "region-reports | 03;2026;2027-01-10;ja;8120;9874;Åtgärder                                     | submitted_date            | date_in_future",
        "region-reports | 03;2026;2026-09-24;ja;9874;8120;Åtgärder                                     | inclusion_numerator_h1    | numerator_above_denominator",
        "investments    | SYD;PATHOLOGY;2025;100 000;120 000;Ansökan                                   | passed_on_sek             | passed_on_exceeds_allocated",
        "investments    | SYD;LEGAL;2025;100 000;80 000;Ansökan                                        | area_code                 | unknown_area",
        "investments    | EAST;PATHOLOGY;2025;100 000;80 000;Ansökan                                   | rcc                       | unknown_rcc",
        "investments    | SYD;IMAGING;2025;100 000,50;80 000;Ansökan                                   | allocated_sek             | invalid_value",
        "projects       | SYD,PATHOLOGY,2025,SYD-2,Jour,100000,done                                    | status                    | unknown_status",
        "cancer-register | P2,3,1957-03-14,2025-02-03,C50.9,,,3,I,,01,,7                               | sex_code                  | invalid_sex",
        "cancer-register | P2,2,1957-03-14,2025-02-03,C61,,,3,I,,01,,7                                 | sex_code                  | sex_not_possible_for_site",
        "cancer-register | P2,2,1957-03-14,2025-02-03,C50.9,,,3,V,,01,,7                               | stage                     | invalid_stage",
        "cancer-register | P2,2,1957-03-14,2025-02-03,C50.9,,,3,I,,01,,3                               | basis_of_diagnosis        | invalid_basis",
        "cancer-register | P2,2,1957-03-14,2025-02-03,C50.9,C50.4,99999999999999999999,3,I,,01,,7      | morphology                | invalid_morphology",
        "cancer-register | P2,2,1957-03-14,2025-02-03,C50.9,50.4,8500,3,I,,01,,7                       | topography                | invalid_topography",
        "cancer-register | P2,2,1957-03-14,2025-02-03,C50.9,,,4,I,,01,,7                               | behaviour                 | invalid_behaviour",
        "cancer-register | P2,2,2025-03-14,2025-02-03,C50.9,,,3,I,,01,,7                               | birth_date                | born_after_diagnosis",
        "cancer-register | P2,2,1957-13,2025-02-03,C50.9,,,3,I,,01,,7                                  | birth_date                | invalid_birth_date",
        "cancer-register | P2,2,1957-03-14,2027-02-03,C50.9,,,3,I,,01,,7                               | diagnosis_date            | date_in_future",
        "cancer-register | P2,2,1957-03-14,2025-02-03,breast,,,3,I,,01,,7                              | icd10_code                | invalid_icd10",
        "cancer-register | P2,2,1957-03-14,2025-02-03,C50.9,,,3,I,,31,,7                               | region_code               | unknown_region",
        "cancer-register | P1,2,1957-03-14,2025-02-03,C50.9,,,3,II,,01,,7                              | person_id, diagnosis_date, icd10_code | duplicate",
        "deaths          | P2,1,1951-06-30,,2026-01-05,C34.1,13,                                       | death_date                | after_follow_up",
        "deaths          | P2,1,,,2025-10-02,C34.1,13,                                                 | age_years                 | age_missing",
        "deaths          | P2,1,1951-06-30,99999999999999999999,2025-10-02,C34.1,13,                     | age_years                 | invalid_age",
        "deaths          | P2,1,1951-06-30,,2025-10-02,lung,13,                                        | underlying_cause          | invalid_icd10",
        "deaths          | P2,1,2026-06-30,,2025-10-02,C34.1,13,                                       | death_date                | died_before_birth",
        "deaths          | P1,1,1951-06-30,,2025-10-03,C34.1,13,                                       | person_id                 | duplicate"})
    void aBrokenRowIsReportedWithLineColumnAndRule(String source, String brokenRow, String column, String rule) {
        String[] headerAndGood = HEADER_AND_GOOD_ROW.get(source);
        Path file = BrokenFiles.write(folder, source + "-" + rule + ".csv", headerAndGood[0], headerAndGood[1], brokenRow);
        LoadRequest request = LoadRequest.of(source, file).withToday(TODAY).asDryRun();
        LoadOutcome outcome = FileLoader.load(warehouse, source.equals("deaths") ? request.withFollowUpUntil(LocalDate.of(2025, 12, 31)) : request,
                LoadListener.SILENT);

        List<Problem> problems = outcome.firstProblems();
        assertTrue(problems.stream().anyMatch(p -> p.line() == 3 && p.column().equals(column) && p.rule().equals(rule)),
                "expected line 3, column " + column + ", rule " + rule + " in " + problems);
        assertTrue(problems.stream().noneMatch(p -> p.line() == 2), "the valid row has no problem: " + problems);
        assertEquals(2, outcome.rowsRead());
        assertEquals(1, outcome.rowsQuarantined(), "one row has problems");
        Problem problem = problems.stream().filter(p -> p.rule().equals(rule)).findFirst().orElseThrow();
        assertTrue(problem.describe(file.getFileName().toString()).startsWith(file.getFileName() + ":3:"), problem.describe("x"));
        assertTrue(problem.message().length() > 10, "the message says what is wrong: " + problem.message());
    }
}
