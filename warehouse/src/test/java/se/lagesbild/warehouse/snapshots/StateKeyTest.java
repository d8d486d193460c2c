package se.lagesbild.warehouse.snapshots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.lagesbild.warehouse.TestWarehouses;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.indicators.Catalogue;
import se.lagesbild.warehouse.indicators.Indicator;

/**
 * The fingerprint that kept results (disclosure patterns, survival cells) are filed under: over the
 * sources a result reads, it moves when one of their batches is loaded, unloaded or left out by a
 * snapshot, and stays when another source's batch is (a new follow-up structure does not make the
 * registers' survival or the pathways' patterns be computed again).
 */
class StateKeyTest {
    @TempDir
    Path folder;

    private static long batch(Warehouse w, String source, int n) {
        return w.dsl().resultQuery("INSERT INTO load_batch (source, file_name, file_sha256, file_bytes, file_format, rows_read, rows_loaded,"
                + " rows_quarantined, vintage_label) VALUES (?, ?, ?, 1, 'csv', 0, 0, 0, 'v') RETURNING batch_id", source, source + n + ".csv",
                String.format("%064x", n)).fetchOne().get(0, Long.class);
    }

    @Test
    void aSourcesFingerprintMovesWithItsOwnBatchesOnly() {
        try (Warehouse w = Warehouse.openForWriting(TestWarehouses.migrated(folder))) {
            Set<String> survival = Indicator.sourcesRead(List.of(Catalogue.byCode(w, "net_survival_5y")));
            assertTrue(survival.containsAll(List.of("cancer-register", "deaths", "life-tables", "population", "population-groups"))
                    && !survival.contains("svf-pathways"), "survival reads the registers and the population: " + survival);
            assertTrue(Indicator.sourcesRead(List.of(Catalogue.byCode(w, "svf_within_lead_time"))).contains("svf-aggregates"),
                    "the pathways' aggregated deliveries beside the pathways");

            batch(w, "cancer-register", 1);
            String registers = Snapshots.stateKey(w, survival);
            String everything = Snapshots.stateKey(w);
            batch(w, "follow-up-structure", 2);
            batch(w, "svf-pathways", 3);
            assertEquals(registers, Snapshots.stateKey(w, survival), "another source's batches leave it");
            assertNotEquals(everything, Snapshots.stateKey(w), "the whole warehouse's fingerprint moves");
            Snapshots.create(w, "before-deaths", null);
            long deaths = batch(w, "deaths", 4);
            String withDeaths = Snapshots.stateKey(w, survival);
            assertNotEquals(registers, withDeaths, "a batch of a source read moves it");
            Snapshots.asOf(w, "before-deaths");
            assertEquals(registers, Snapshots.stateKey(w, survival), "as of a snapshot without the batch: as before it");
            Snapshots.current(w);
            w.dsl().execute("DELETE FROM load_batch WHERE batch_id = ?", deaths);
            assertEquals(registers, Snapshots.stateKey(w, survival), "unloaded: as before it");
        }
    }
}
