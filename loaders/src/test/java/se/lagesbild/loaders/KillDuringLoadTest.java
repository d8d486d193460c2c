package se.lagesbild.loaders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.lagesbild.warehouse.db.Tables.FACT_SVF_PATHWAY;
import static se.lagesbild.warehouse.db.Tables.LOAD_BATCH;
import static se.lagesbild.warehouse.db.Tables.LOAD_QUARANTINE;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import se.lagesbild.loaders.bench.SyntheticPathways;
import se.lagesbild.loaders.bench.SyntheticPathways;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import se.lagesbild.warehouse.TestWarehouses;
import se.lagesbild.warehouse.Warehouse;

/**
 * A load killed (SIGKILL) while reading, or in the middle of writing its transaction, leaves
 * the warehouse exactly as it was, and the next load of the same file succeeds.
 */
class KillDuringLoadTest {
    static final long ROWS = 2_000_000;

    @TempDir
    static Path folder;
    static Path big;

    @BeforeAll
    static void bigFile() throws Exception {
        big = SyntheticPathways.write(folder.resolve("big.csv"), ROWS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"reading", "writing"})
    void aKilledLoadLeavesTheWarehouseAsItWas(String phase, @TempDir Path own) throws Exception {
        Path db = TestWarehouses.migrated(own);
        try (Warehouse warehouse = Warehouse.openForWriting(db)) {
            FileLoader.load(warehouse, LoadRequest.of("svf-pathways", Examples.file("svf-pathways.csv")), LoadListener.SILENT);
        }

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                LoadInChild.class.getName(), db.toString(), "svf-pathways", big.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("phase " + phase)) {
            assertNotEquals("done", line, "the load finished before it could be killed");
        }
        assertTrue(line != null, "the child reached the " + phase + " phase");
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertNotEquals(0, child.exitValue(), "killed, not finished");

        try (Warehouse warehouse = Warehouse.openForWriting(db)) {
            var dsl = warehouse.dsl();
            assertEquals(1, dsl.fetchCount(LOAD_BATCH), "no trace of the killed load's batch");
            assertEquals(10, dsl.fetchCount(FACT_SVF_PATHWAY), "no trace of its rows");
            assertEquals(0, dsl.fetchCount(LOAD_QUARANTINE));

            LoadOutcome retry = FileLoader.load(warehouse, LoadRequest.of("svf-pathways", big), LoadListener.SILENT);
            assertEquals(LoadOutcome.Status.LOADED, retry.status(), retry.firstProblems().toString());
            assertEquals(ROWS, retry.rowsLoaded());
            assertEquals(ROWS + 10, dsl.fetchCount(FACT_SVF_PATHWAY));
            // DuckDB reads the file in parallel; every row must still carry its own line (P<i> is on line i + 2)
            assertEquals(0, dsl.fetchCount(FACT_SVF_PATHWAY, FACT_SVF_PATHWAY.BATCH_ID.eq(retry.batchId())
                    .and(FACT_SVF_PATHWAY.SOURCE_LINE.ne(org.jooq.impl.DSL.field("CAST(substr(pathway_id, 2) AS BIGINT) + 2", Long.class)))));
        }
    }
}
