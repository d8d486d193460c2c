package se.lagesbild.loaders;

import static se.lagesbild.warehouse.db.Tables.LOAD_BATCH;
import static se.lagesbild.warehouse.db.Tables.LOAD_QUARANTINE;

import java.util.List;

import org.jooq.impl.DSL;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;
import se.lagesbild.warehouse.db.tables.records.LoadBatchRecord;

/** The lineage of loads: listing batches and removing one cleanly. */
public final class Batches {
    private Batches() {
    }

    /** Every batch, oldest first. */
    public static List<LoadBatchRecord> list(Warehouse warehouse) {
        return warehouse.dsl().selectFrom(LOAD_BATCH).orderBy(LOAD_BATCH.BATCH_ID).fetch();
    }

    /**
     * What an unload removed.
     *
     * @param batch           the batch as it was
     * @param factRows        rows removed from its fact table
     * @param quarantinedRows problem rows removed from quarantine
     */
    public record Unloaded(LoadBatchRecord batch, long factRows, long quarantinedRows) {
    }

    /**
     * Removes batch {@code batchId}: its fact rows, its quarantined rows and its lineage row, in one
     * transaction. Earlier vintages of the same data become current again.
     */
    public static Unloaded unload(Warehouse warehouse, long batchId) {
        return warehouse.dsl().transactionResult(configuration -> {
            var dsl = DSL.using(configuration);
            LoadBatchRecord batch = dsl.selectFrom(LOAD_BATCH).where(LOAD_BATCH.BATCH_ID.eq(batchId)).fetchOne();
            if (batch == null) {
                throw new WarehouseException("There is no batch " + batchId + ". `lagesbild batches` lists the batches there are.");
            }
            var pinned = se.lagesbild.warehouse.snapshots.Snapshots.including(warehouse, batchId);
            if (pinned != null) {
                throw new WarehouseException("Batch " + batchId + " is part of the snapshot " + pinned.getSnapshotName()
                        + ", so published figures depend on it; it cannot be unloaded. Load a corrected delivery as a new vintage instead.");
            }
            SourceFormat format = Sources.byName(batch.getSource());
            var factBatch = format.factTable().field("batch_id", Long.class);
            long facts = dsl.deleteFrom(format.factTable()).where(factBatch.eq(batchId)).execute();
            long quarantined = dsl.deleteFrom(LOAD_QUARANTINE).where(LOAD_QUARANTINE.BATCH_ID.eq(batchId)).execute();
            dsl.deleteFrom(LOAD_BATCH).where(LOAD_BATCH.BATCH_ID.eq(batchId)).execute();
            return new Unloaded(batch, facts, quarantined);
        });
    }
}
