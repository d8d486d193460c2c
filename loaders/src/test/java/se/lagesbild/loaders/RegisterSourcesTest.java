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

            LoadOutcome loaded = load(w, LoadRequest.of("deaths", deaths).withFollowUpUntil(LocalDate.of(2025, 12, 31)));
            assertEquals(LoadOutcome.Status.LOADED, loaded.status());
            assertEquals(LocalDate.of(2025, 12, 31), w.dsl().select(LOAD_BATCH.FOLLOW_UP_UNTIL).from(LOAD_BATCH).fetchOne().value1());
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
}
