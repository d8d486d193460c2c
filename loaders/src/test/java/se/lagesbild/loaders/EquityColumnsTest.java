package se.lagesbild.loaders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.lagesbild.warehouse.db.Tables.FACT_TUMOUR;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.lagesbild.warehouse.TestWarehouses;
import se.lagesbild.warehouse.Warehouse;

/**
 * The cancer register's education, country of birth and income (issue 26): our codes, SCB's codes
 * and labels read as groups; an empty value is "uppgift saknas" (US), never dropped; a code that is
 * no group is a problem on its line, named; a file without the column carries no group (NULL).
 */
class EquityColumnsTest {
    private static final String HEADER = "person_id,sex_code,birth_date,diagnosis_date,icd10_code,stage,region_code,basis_of_diagnosis";

    @TempDir
    Path folder;

    @Test
    void codesAreReadAsGroupsAndEmptyIsNotKnown() {
        Path file = BrokenFiles.write(folder, "groups.csv", HEADER + ",utbildningsnivå,födelseland,income_quintile",
                "E1,2,1957-03-14,2025-02-03,C50.9,I,01,7,FGY,SE,Q1",
                "E2,2,1957-03-14,2025-02-03,C50.9,I,01,7,6,Utanför Europa,5",           // SCB's level 6, SCB's label, a plain quintile
                "E3,2,1957-03-14,2025-02-03,C50.9,I,01,7,,,",                          // not known: counted as US
                "E4,2,1957-03-14,2025-02-03,C50.9,I,01,7,\"Eftergymnasial utbildning, kortare än 3 år\",norden,Q3",
                "E5,2,1957-03-14,2025-02-03,C50.9,I,01,7,university,SE,Q6");            // two codes that are no group
        try (Warehouse w = Warehouse.openForWriting(TestWarehouses.migrated(folder.resolve("w")))) {
            LoadOutcome outcome = FileLoader.load(w, LoadRequest.of("cancer-register", file).withToday(RegisterSourcesTest.TODAY),
                    LoadListener.SILENT);
            assertEquals(4, outcome.rowsLoaded());
            List<String> problems = outcome.firstProblems().stream().map(p -> p.line() + " " + p.column() + " " + p.rule()).sorted().toList();
            assertEquals(List.of("6 education_level invalid_value", "6 income_quintile invalid_value"), problems);
            var t = FACT_TUMOUR;
            List<String> rows = w.dsl().select(t.PERSON_ID, t.EDUCATION_CODE, t.BIRTH_COUNTRY_CODE, t.INCOME_CODE).from(t).orderBy(t.PERSON_ID)
                    .fetch(r -> String.join(" ", r.value1(), r.value2(), r.value3(), r.value4()));
            assertEquals(List.of("E1 FGY SE Q1", "E2 EGL UTOM_EUROPA Q5", "E3 US US US", "E4 EGK NORDEN Q3"), rows);
        }
    }

    @Test
    void screeningSplitByCountryOfBirthHasTheGroupInItsKey() {
        Path file = BrokenFiles.write(folder, "screening.csv", "programme_code,region_code,year,age_group_code,sex_code,birth_country,invited,screened",
                "CRC,25,2025,60-64,1,SE,2950,1240",
                "CRC,25,2025,60-64,1,UTOM_EUROPA,310,90",
                "CRC,25,2025,60-64,1,,12,5",
                "CRC,25,2025,60-64,1,SE,2950,1240");      // the same cell and group again
        try (Warehouse w = Warehouse.openForWriting(TestWarehouses.migrated(folder.resolve("w")))) {
            LoadOutcome outcome = FileLoader.load(w, LoadRequest.of("screening", file).withToday(RegisterSourcesTest.TODAY).asDryRun(),
                    LoadListener.SILENT);
            assertEquals(List.of("5 duplicate"), outcome.firstProblems().stream().map(p -> p.line() + " " + p.rule()).toList());
        }
    }

    @Test
    void aFileWithoutTheColumnCarriesNoGroup() {
        Path file = BrokenFiles.write(folder, "plain.csv", HEADER, "F1,1,1950-01-01,2025-03-01,C61,II,12,7");
        try (Warehouse w = Warehouse.openForWriting(TestWarehouses.migrated(folder.resolve("w")))) {
            FileLoader.load(w, LoadRequest.of("cancer-register", file).withToday(RegisterSourcesTest.TODAY), LoadListener.SILENT);
            var t = FACT_TUMOUR;
            var row = w.dsl().select(t.EDUCATION_CODE, t.BIRTH_COUNTRY_CODE, t.INCOME_CODE).from(t).fetchOne();
            assertEquals(Arrays.asList(null, null, null), Arrays.asList(row.value1(), row.value2(), row.value3()));
        }
    }

    @Test
    void populationByGroupGivesOneDimensionPerFileAndNamesABadGroup() {
        Path education = BrokenFiles.write(folder, "education.csv", "region;kön;ålder;utbildningsnivå;år;antal",
                "01 Stockholms län;män;25-64;förgymnasial utbildning;2025;61 230",
                "01 Stockholms län;män;25-64;6;2025;242 880",                      // SCB's SUN level
                "01 Stockholms län;män;25-64;;2025;18 310",                         // empty: uppgift saknas
                "01 Stockholms län;kvinnor;25-64;doktorsexamen;2025;5 000");       // no group
        Path both = BrokenFiles.write(folder, "both.csv", "region;kön;ålder;utbildningsnivå;födelseregion;år;antal",
                "01;1;25-64;GY;SE;2025;100");
        try (Warehouse w = Warehouse.openForWriting(TestWarehouses.migrated(folder.resolve("w")))) {
            LoadOutcome bad = FileLoader.load(w, LoadRequest.of("population-groups", education).withToday(RegisterSourcesTest.TODAY),
                    LoadListener.SILENT);
            assertEquals(LoadOutcome.Status.REJECTED, bad.status(), "a denominator must be complete: the file is refused whole");
            assertEquals(List.of("5 education_level invalid_value"), bad.firstProblems().stream().map(p -> p.line() + " " + p.column() + " "
                    + p.rule()).toList());
            LoadOutcome twice = FileLoader.load(w, LoadRequest.of("population-groups", both).withToday(RegisterSourcesTest.TODAY),
                    LoadListener.SILENT);
            assertEquals(List.of("2 birth_country one_dimension"), twice.firstProblems().stream().map(p -> p.line() + " " + p.column() + " "
                    + p.rule()).toList());
            assertEquals(0, w.dsl().fetchCount(se.lagesbild.warehouse.db.Tables.FACT_POPULATION_GROUP), "nothing half-written");

            Path good = BrokenFiles.write(folder, "good.csv", "region;kön;ålder;utbildningsnivå;år;antal",
                    "01 Stockholms län;män;25-64;förgymnasial utbildning;2025;61 230",
                    "01 Stockholms län;män;25-64;6;2025;242 880",
                    "01 Stockholms län;män;25-64;;2025;18 310");
            assertEquals(3, FileLoader.load(w, LoadRequest.of("population-groups", good).withToday(RegisterSourcesTest.TODAY),
                    LoadListener.SILENT).rowsLoaded());
            var g = se.lagesbild.warehouse.db.Tables.FACT_POPULATION_GROUP;
            assertEquals(List.of("education EGL 242880", "education FGY 61230", "education US 18310"), w.dsl()
                    .select(g.DIMENSION_CODE, g.GROUP_CODE, g.POPULATION).from(g).orderBy(g.GROUP_CODE)
                    .fetch(r -> r.value1() + " " + r.value2() + " " + r.value3()));
        }
    }

    @Test
    void pathwaysCarryEducationAndCountryOfBirthWhenLinked() {
        Path file = BrokenFiles.write(folder, "pathways.csv", "pathway_id,patient_pseudonym,reporting_region_code,svf_code,sex_code,age_years,"
                        + "suspicion_date,closed_date,close_reason_code,first_treatment_type_code,utbildningsnivå,födelseland",
                "P1,a1,01,BREAST,2,61,2025-03-01,2025-03-20,treatment,SURG,EGL,Utanför Europa",
                "P2,a2,01,BREAST,2,58,2025-03-02,2025-03-25,treatment,SURG,,",             // not known: US, never dropped
                "P3,a3,01,BREAST,2,70,2025-03-03,2025-03-28,treatment,SURG,3,Mars");      // SCB's level 3; no such group
        try (Warehouse w = Warehouse.openForWriting(TestWarehouses.migrated(folder.resolve("w")))) {
            LoadOutcome outcome = FileLoader.load(w, LoadRequest.of("svf-pathways", file).withToday(RegisterSourcesTest.TODAY), LoadListener.SILENT);
            assertEquals(2, outcome.rowsLoaded());
            assertEquals(List.of("4 birth_country invalid_value"), outcome.firstProblems().stream().map(p -> p.line() + " " + p.column() + " "
                    + p.rule()).toList());
            var p = se.lagesbild.warehouse.db.Tables.FACT_SVF_PATHWAY;
            assertEquals(List.of("P1 EGL UTOM_EUROPA", "P2 US US"), w.dsl().select(p.PATHWAY_ID, p.EDUCATION_CODE, p.BIRTH_COUNTRY_CODE).from(p)
                    .orderBy(p.PATHWAY_ID).fetch(r -> String.join(" ", r.value1(), r.value2(), r.value3())));
        }
    }
}
