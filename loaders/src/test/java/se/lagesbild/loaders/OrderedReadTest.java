package se.lagesbild.loaders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.lagesbild.warehouse.db.Tables.FACT_SVF_PATHWAY;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import se.lagesbild.warehouse.TestWarehouses;
import se.lagesbild.warehouse.Warehouse;

/**
 * A CSV file is read and typed in one pass when DuckDB keeps the file's order doing so, and read
 * plainly first otherwise; both number every line the same.
 */
class OrderedReadTest {
    @TempDir
    Path folder;

    @Test
    void duckDbSaysWhichPassesKeepTheOrder() throws Exception {
        Path file = BrokenFiles.write(folder, "two.csv", "a,b", "1,x", "2,y");
        String read = "read_csv('" + file + "', header = true, auto_detect = false, columns = {'a': 'VARCHAR', 'b': 'VARCHAR'})";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            c.createStatement().execute("CREATE TABLE codes AS SELECT '1' AS a");
            assertTrue(Staging.keepsOrder(c, "CREATE TEMP TABLE t AS SELECT TRY_CAST(a AS INT) AS a, upper(b) AS b FROM " + read));
            assertFalse(Staging.keepsOrder(c, "CREATE TEMP TABLE t AS SELECT a, a IN (SELECT a FROM codes) AS known FROM " + read),
                    "a join does not keep the order");
            assertFalse(Staging.keepsOrder(c, "CREATE TEMP TABLE t AS SELECT a, list_contains(['1', '2', '3', '4', '5', '6'], lower(b)) FROM "
                    + read), "DuckDB turns a list of constants into a join too");
        }
    }

    @Test
    void everySourcesTypingRunsInOnePassWithTheRead() {
        for (SourceFormat source : Sources.all()) {
            Path example = Examples.file(source.name() + ".csv");
            List<String> phases = new ArrayList<>();
            try (Warehouse warehouse = Warehouse.openForWriting(TestWarehouses.migrated(folder.resolve(source.name())))) {
                FileLoader.load(warehouse, LoadRequest.of(source.name(), example).withToday(LoadBehaviourTest.TODAY).asDryRun()
                                .withFollowUpUntil(source.name().equals("deaths") ? LoadBehaviourTest.TODAY.minusDays(1) : null),
                        new LoadListener() {
                            @Override
                            public void phase(String description) {
                                phases.add(description);
                            }
                        });
            }
            assertTrue(phases.stream().noneMatch(p -> p.startsWith("typing")), source.name() + ": " + phases);
        }
    }

    @ParameterizedTest(name = "read first: {0}")
    @ValueSource(booleans = {false, true})
    void bothWaysNumberEveryLineTheSame(boolean readFirst) {
        Path file = BrokenFiles.write(folder, "gaps.csv", LoadBehaviourTest.PATHWAY_HEADER,
                LoadBehaviourTest.pathway("P1", "01", "2026-03-02", "2026-03-20"),  // line 2
                "P2,X2,01",                                                           // line 3: too few columns
                "",                                                                   // line 4: blank
                LoadBehaviourTest.pathway("P3", "01", "2026-03-04", "2026-03-21"),  // line 5
                LoadBehaviourTest.pathway("P4", "99", "2026-03-05", "2026-03-22"),  // line 6: unknown region
                LoadBehaviourTest.pathway("P5", "01", "2026-03-06", "2026-03-23"));  // line 7
        Staging.alwaysReadFirst = readFirst;
        try (Warehouse warehouse = Warehouse.openForWriting(TestWarehouses.migrated(folder))) {
            LoadOutcome outcome = FileLoader.load(warehouse, LoadRequest.of("svf-pathways", file).withToday(LoadBehaviourTest.TODAY),
                    LoadListener.SILENT);
            assertEquals(List.of(3L, 6L), outcome.firstProblems().stream().map(Problem::line).toList());
            assertEquals(List.of("2 P1", "5 P3", "7 P5"), warehouse.dsl().select(FACT_SVF_PATHWAY.SOURCE_LINE, FACT_SVF_PATHWAY.PATHWAY_ID)
                    .from(FACT_SVF_PATHWAY).orderBy(FACT_SVF_PATHWAY.SOURCE_LINE).fetch(r -> r.value1() + " " + r.value2()));
        } finally {
            Staging.alwaysReadFirst = false;
        }
    }
}
