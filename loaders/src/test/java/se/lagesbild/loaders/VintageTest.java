package se.lagesbild.loaders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.lagesbild.warehouse.db.Tables.FACT_SVF_PATHWAY;
import static se.lagesbild.warehouse.db.Tables.LOAD_BATCH;
import static se.lagesbild.warehouse.db.Tables.LOAD_QUARANTINE;
import static se.lagesbild.warehouse.db.Tables.STG_SVF_PATHWAY;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.lagesbild.warehouse.TestWarehouses;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;

/** A newer delivery of the same region and month is a new vintage; older ones stay; unload restores them. */
class VintageTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final String HEADER = LoadBehaviourTest.PATHWAY_HEADER;

    @TempDir
    Path folder;

    private static String row(String id, String region, String suspicion, String reason) {
        return id + ",X" + id + "," + region + ",0180,BREAST,C50,2,58," + suspicion + ",2026-03-30," + reason + ","
                + (reason.equals("treatment") ? "SURG" : "") + ",Unit";
    }

    @Test
    void aRevisedDeliveryIsANewVintageAndUnloadBringsTheOldOneBack() {
        Path march = BrokenFiles.write(folder, "stockholm-2026-03.csv", HEADER,
                row("P1", "01", "2026-03-02", "treatment"), row("P2", "01", "2026-03-03", "treatment"),
                row("P3", "13", "2026-03-04", "treatment"));
        Path revised = BrokenFiles.write(folder, "stockholm-2026-03-revised.csv", HEADER,
                row("P1", "01", "2026-03-02", "dropped"), row("P2", "01", "2026-03-03", "treatment"),
                row("P4", "01", "2026-03-09", "treatment"), row("P5", "01", "2026-03-10", "bogus"));
        try (Warehouse warehouse = Warehouse.openForWriting(TestWarehouses.migrated(folder))) {
            LoadOutcome first = FileLoader.load(warehouse, LoadRequest.of("svf-pathways", march).withVintage("2026-04").withToday(TODAY),
                    LoadListener.SILENT);
            LoadOutcome second = FileLoader.load(warehouse, LoadRequest.of("svf-pathways", revised).withVintage("2026-05").withToday(TODAY),
                    LoadListener.SILENT);
            var dsl = warehouse.dsl();
            assertEquals(3 + 3, dsl.fetchCount(FACT_SVF_PATHWAY), "both vintages are kept (P5 is quarantined)");
            assertEquals(List.of("P1 dropped", "P2 treatment", "P3 treatment", "P4 treatment"), current(warehouse),
                    "Stockholm's March is the revised vintage; Halland's March is untouched");

            Batches.Unloaded unloaded = Batches.unload(warehouse, second.batchId());
            assertEquals(3, unloaded.factRows());
            assertEquals(1, unloaded.quarantinedRows(), "P5's bad close reason");
            assertEquals(List.of("P1 treatment", "P2 treatment", "P3 treatment"), current(warehouse), "the first vintage is current again");
            assertEquals(List.of(first.batchId()), dsl.select(LOAD_BATCH.BATCH_ID).from(LOAD_BATCH).fetch(LOAD_BATCH.BATCH_ID));
            assertEquals(0, dsl.fetchCount(LOAD_QUARANTINE));

            WarehouseException missing = assertThrows(WarehouseException.class, () -> Batches.unload(warehouse, 999));
            assertTrue(missing.getMessage().contains("There is no batch 999"), missing.getMessage());

            LoadOutcome again = FileLoader.load(warehouse, LoadRequest.of("svf-pathways", revised).withToday(TODAY), LoadListener.SILENT);
            assertEquals(LoadOutcome.Status.LOADED, again.status(), "an unloaded file can be loaded again");
        }
    }

    private static List<String> current(Warehouse warehouse) {
        return warehouse.dsl().select(STG_SVF_PATHWAY.PATHWAY_ID, STG_SVF_PATHWAY.CLOSE_REASON_CODE).from(STG_SVF_PATHWAY)
                .orderBy(STG_SVF_PATHWAY.PATHWAY_ID).fetch(r -> r.value1() + " " + r.value2());
    }
}
