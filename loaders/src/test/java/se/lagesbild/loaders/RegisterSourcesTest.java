package se.lagesbild.loaders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.lagesbild.warehouse.db.Tables.FACT_LIFE_TABLE;
import static se.lagesbild.warehouse.db.Tables.LOAD_BATCH;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.lagesbild.warehouse.TestWarehouses;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;

/** The three register sources' own guarantees: the deaths' closing date, whole life tables, and who is in survival. */
class RegisterSourcesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @TempDir
    Path folder;

    private static LoadOutcome load(Warehouse w, LoadRequest request) {
        return FileLoader.load(w, request.withToday(TODAY), LoadListener.SILENT);
    }

    @Test
    void deathsNeedTheirClosingDateAndKeepItOnTheBatch() {
        try (Warehouse w = Warehouse.openForWriting(TestWarehouses.migrated(folder))) {
            Path deaths = Examples.file("deaths.csv");
            WarehouseException missing = assertThrows(WarehouseException.class, () -> load(w, LoadRequest.of("deaths", deaths)));
            assertTrue(missing.getMessage().startsWith("deaths.csv: loading deaths needs --follow-up-until DATE"), missing.getMessage());
            WarehouseException future = assertThrows(WarehouseException.class,
                    () -> load(w, LoadRequest.of("deaths", deaths).withFollowUpUntil(LocalDate.of(2026, 12, 31))));
            assertTrue(future.getMessage().contains("after today"), future.getMessage());
            WarehouseException other = assertThrows(WarehouseException.class,
                    () -> load(w, LoadRequest.of("cancer-register", Examples.file("cancer-register.csv")).withFollowUpUntil(TODAY)));
            assertTrue(other.getMessage().contains("the source cancer-register has none"), other.getMessage());
            assertEquals(0, w.dsl().fetchCount(LOAD_BATCH), "nothing was loaded by the refusals");

            assertTrue(future.getMessage().contains("say so with --future-follow-up"), future.getMessage());

            LoadOutcome loaded = load(w, LoadRequest.of("deaths", deaths).withFollowUpUntil(LocalDate.of(2025, 12, 31)));
            assertEquals(LoadOutcome.Status.LOADED, loaded.status());
            assertEquals(LocalDate.of(2025, 12, 31), w.dsl().select(LOAD_BATCH.FOLLOW_UP_UNTIL).from(LOAD_BATCH).fetchOne().value1());
            assertEquals(LocalDate.now().toString(), loaded.vintage(), "the vintage label is the day of loading, not the --today of the rules");
            // a closing date after today, said to be meant
            Path later = BrokenFiles.write(folder, "deaths-later.csv", "person_id,sex_code,age_years,death_date,underlying_cause,region_code",
                    "Q1,1,70,2026-03-01,C61,01");
            LoadOutcome planned = load(w, LoadRequest.of("deaths", later).withFollowUpUntil(LocalDate.of(2026, 12, 31)).withFutureFollowUp(true));
            assertEquals(LoadOutcome.Status.LOADED, planned.status());
        }
    }

    @Test
    void aLifeTableWithAHoleIsRejectedNamingItAndHazardsArePerThousandOrPerOne() {
        try (Warehouse w = Warehouse.openForWriting(TestWarehouses.migrated(folder))) {
            List<String> lines = new ArrayList<>(List.of("region;år;kön;ålder;dödstal;per"));
            for (int sex = 1; sex <= 2; sex++) {
                for (int age = 0; age <= 3; age++) {
                    if (!(sex == 2 && age == 2)) {
                        lines.add("01;2025;" + sex + ";" + (age == 3 ? "3+" : String.valueOf(age)) + ";" + (10 + age) + ";1000");
                    }
                }
            }
            Path holed = BrokenFiles.write(folder, "holed.csv", lines.toArray(String[]::new));
            LoadOutcome rejected = load(w, LoadRequest.of("life-tables", holed));
            assertEquals(LoadOutcome.Status.REJECTED, rejected.status());
            Problem hole = rejected.firstProblems().stream().filter(p -> p.rule().equals("incomplete_table")).findFirst().orElseThrow();
            assertEquals("the table for region 01 2025 women has 3 ages; it needs every age from 0 to 3 (the last holds for all older ages)",
                    hole.message());

            lines.add(5 + 2, "01;2025;2;2;12;1000");
            Path whole = BrokenFiles.write(folder, "whole.csv", lines.toArray(String[]::new));
            assertEquals(LoadOutcome.Status.LOADED, load(w, LoadRequest.of("life-tables", whole)).status());
            double q = w.dsl().select(FACT_LIFE_TABLE.DEATH_PROBABILITY).from(FACT_LIFE_TABLE)
                    .where(FACT_LIFE_TABLE.SEX_CODE.eq(1).and(FACT_LIFE_TABLE.AGE.eq(1))).fetchOne().value1();
            assertEquals(1 - Math.exp(-0.011), q, 1e-15, "a death rate of 11 per 1 000 is q = 1 − exp(−0.011)");
        }
    }

    @Test
    void deathCertificateOnlyAndRegisterDisagreementsAreLeftOutOfSurvivalAndCounted() {
        try (Warehouse w = Warehouse.openForWriting(TestWarehouses.migrated(folder))) {
            assertEquals(LoadOutcome.Status.LOADED, load(w, LoadRequest.of("cancer-register", Examples.file("cancer-register.csv"))).status());
            assertEquals(LoadOutcome.Status.LOADED,
                    load(w, LoadRequest.of("deaths", Examples.file("deaths.csv")).withFollowUpUntil(LocalDate.of(2025, 12, 31))).status());
            var excluded = w.dsl().resultQuery("SELECT person_id, excluded, exit_days, died FROM int_survival_tumour ORDER BY person_id").fetch();
            assertEquals(6, excluded.size());
            assertEquals("death certificate only", excluded.get(4).get(1), "P0005 has basis 0");
            assertEquals(146, excluded.get(2).get(2, Integer.class), "P0003 died 2025-10-02, 146 days after diagnosis");
            assertEquals(true, excluded.get(2).get(3));
            assertEquals(LocalDate.of(2025, 12, 31).toEpochDay() - LocalDate.of(2025, 2, 3).toEpochDay(),
                    excluded.get(0).get(2, Long.class), "P0001 is alive at the closing date");
            assertEquals(1, w.dsl().fetchCount(org.jooq.impl.DSL.table("mart_survival_children")),
                    "P0006 (aged 11) is the one child, counted once: children's survival is all malignant tumours together");
        }
    }

    @Test
    void aLifeTableYearMissingBetweenTwoOthersIsRefusedAtLoadAndValidateCountingTheYearsAlreadyLoaded() {
        try (Warehouse w = Warehouse.openForWriting(TestWarehouses.migrated(folder))) {
            Path y2020 = BrokenFiles.write(folder, "lt2020.csv", table(2020));
            assertEquals(LoadOutcome.Status.LOADED, load(w, LoadRequest.of("life-tables", y2020)).status());
            // 2022 alone would leave 2021 empty between what is loaded and the file
            Path y2022 = BrokenFiles.write(folder, "lt2022.csv", table(2022));
            LoadOutcome validated = FileLoader.load(w, LoadRequest.of("life-tables", y2022).withToday(TODAY).asDryRun(), LoadListener.SILENT);
            Problem gap = validated.firstProblems().stream().filter(p -> p.rule().equals("missing_years")).findFirst().orElseThrow();
            assertEquals("the life tables for Riket would have no year 2021 between their first and last year (with those already loaded):"
                    + " deliver every year in between", gap.message());
            assertEquals(LoadOutcome.Status.REJECTED, load(w, LoadRequest.of("life-tables", y2022)).status());
            // within one file too
            List<String> both = new ArrayList<>(List.of(table(2023)));
            both.addAll(List.of(table(2025)).subList(1, table(2025).length));
            LoadOutcome holed = load(w, LoadRequest.of("life-tables", BrokenFiles.write(folder, "lt2023-2025.csv", both.toArray(String[]::new))));
            assertTrue(holed.firstProblems().stream().anyMatch(p -> p.rule().equals("missing_years") && p.message().contains("no year 2021, 2022, 2024")),
                    holed.firstProblems().toString());
            // 2021 then 2022: nothing missing
            assertEquals(LoadOutcome.Status.LOADED, load(w, LoadRequest.of("life-tables", BrokenFiles.write(folder, "lt2021.csv", table(2021)))).status());
            assertEquals(LoadOutcome.Status.LOADED, load(w, LoadRequest.of("life-tables", y2022)).status());
        }
    }

    private static String[] table(int year) {
        List<String> lines = new ArrayList<>(List.of("year,sex_code,age,death_probability"));
        for (int sex = 1; sex <= 2; sex++) {
            for (int age = 0; age <= 2; age++) {
                lines.add(year + "," + sex + "," + age + ",0.01");
            }
        }
        return lines.toArray(String[]::new);
    }

    @Test
    void followUpLostToEmigrationCensorsAndNoFollowUpAtAllIsExcludedAndCounted() {
        try (Warehouse w = Warehouse.openForWriting(TestWarehouses.migrated(folder))) {
            Path register = BrokenFiles.write(folder, "register.csv",
                    "person_id,sex_code,birth_date,diagnosis_date,icd10_code,stage,region_code,basis_of_diagnosis,utvandringsdatum",
                    "E1,2,1950-01-01,2024-03-01,C50.9,I,01,7,2025-03-01",
                    "E2,2,1950-01-01,2024-03-01,C50.9,I,01,7,2024-03-01",
                    "E3,1,1950-01-01,2024-03-01,C61,I,01,7,2025-06-01",
                    "E4,1,1950-01-01,2024-03-01,C61,I,01,7,",
                    "E5,1,1950-01-01,2024-03-01,C61,I,01,7,2024-02-01",
                    "E6,1,1950-01-01,2024-03-01,C61,I,01,7,2025-13-01");
            LoadOutcome loaded = load(w, LoadRequest.of("cancer-register", register));
            assertEquals(LoadOutcome.Status.LOADED, loaded.status());
            assertTrue(loaded.firstProblems().stream().anyMatch(p -> p.line() == 6 && p.rule().equals("lost_before_diagnosis")),
                    loaded.firstProblems().toString());
            assertTrue(loaded.firstProblems().stream().anyMatch(p -> p.line() == 7 && p.rule().equals("invalid_lost_date")),
                    loaded.firstProblems().toString());
            Path deaths = BrokenFiles.write(folder, "deaths.csv", "person_id,sex_code,age_years,death_date,underlying_cause,region_code",
                    "E3,1,75,2025-03-01,C61,01", "E4,1,74,2024-03-01,C61,01");
            assertEquals(LoadOutcome.Status.LOADED, load(w, LoadRequest.of("deaths", deaths).withFollowUpUntil(LocalDate.of(2025, 12, 31))).status());
            var rows = w.dsl().resultQuery("SELECT person_id, excluded, exit_days, died FROM int_survival_tumour ORDER BY person_id").fetch();
            assertEquals(4, rows.size());
            assertEquals(365, rows.get(0).get(2, Integer.class), "E1 emigrated a year after diagnosis: censored then");
            assertEquals(false, rows.get(0).get(3));
            assertEquals("no follow-up (0 days)", rows.get(1).get(1), "E2 emigrated on the day of diagnosis");
            assertEquals(true, rows.get(2).get(3), "E3 died before emigrating: a death");
            assertEquals("no follow-up (0 days)", rows.get(3).get(1), "E4 died on the day of diagnosis");
            var exclusions = w.dsl().resultQuery("SELECT reason, count(*) FROM mart_survival_adults_exclusions WHERE diagnosis_code = 'MALIGNANT'"
                    + " GROUP BY ALL").fetchMap(0, 1);
            assertEquals(2L, ((Number) exclusions.get("no follow-up (0 days)")).longValue(), exclusions.toString());
        }
    }

    @Test
    void aValueLongerThanItsColumnHoldsIsAProblemOnItsLine() {
        try (Warehouse w = Warehouse.openForWriting(TestWarehouses.migrated(folder))) {
            Path register = BrokenFiles.write(folder, "long.csv",
                    "person_id,sex_code,birth_date,diagnosis_date,icd10_code,stage,region_code,basis_of_diagnosis",
                    "L1,2,1950-01-01,2024-03-01,C50.9,I,01,7",
                    "X".repeat(200_000) + ",2,1950-01-01,2024-03-01,C50.9,I,01,7");
            LoadOutcome outcome = load(w, LoadRequest.of("cancer-register", register));
            assertEquals(1, outcome.rowsLoaded());
            Problem p = outcome.firstProblems().stream().filter(x -> x.rule().equals("value_too_long")).findFirst().orElseThrow();
            assertEquals(3, p.line());
            assertEquals("person_id", p.column());
            assertEquals("the value has 200000 characters; person_id holds at most 200", p.message());
            assertTrue(p.value().length() < 50, "the problem list shows the start of the value, not all of it");
        }
    }

    @Test
    void aTruncatedParquetFileIsRefusedInWords() throws Exception {
        try (Warehouse w = Warehouse.openForWriting(TestWarehouses.migrated(folder))) {
            Path whole = folder.resolve("deaths.parquet");
            try (var s = w.connection().createStatement()) {
                s.execute("COPY (SELECT 'P1' AS person_id, 1 AS sex_code, 70 AS age_years, DATE '2025-03-01' AS death_date, 'C61' AS underlying_cause,"
                        + " '01' AS region_code) TO '" + whole + "' (FORMAT parquet)");
            }
            byte[] bytes = java.nio.file.Files.readAllBytes(whole);
            Path cut = java.nio.file.Files.write(folder.resolve("cut.parquet"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
            WarehouseException e = assertThrows(WarehouseException.class,
                    () -> load(w, LoadRequest.of("deaths", cut).withFollowUpUntil(LocalDate.of(2025, 12, 31))));
            assertTrue(e.getMessage().contains("is not a whole Parquet file") && e.getMessage().contains("cut short"), e.getMessage());
            assertTrue(!e.getMessage().contains("magic"), e.getMessage());
            assertEquals(LoadOutcome.Status.LOADED, load(w, LoadRequest.of("deaths", whole).withFollowUpUntil(LocalDate.of(2025, 12, 31))).status());
        }
    }
}
