package se.lagesbild.publishing.report;

import java.util.List;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.schema.SchemaVersion;
import se.lagesbild.warehouse.snapshots.Snapshots;
import se.lagesbild.warehouse.status.StatusReader;
import se.lagesbild.warehouse.status.WarehouseStatus;

/**
 * Where a report's figures come from: the schema version and every load batch (source, file,
 * vintage, SHA-256) the warehouse answers with, as of a snapshot when one is named. The report's
 * appendix and its manifest are both written from this one list.
 *
 * @param snapshot the snapshot answered as of, or null for the newest vintages
 * @param maxBatchId the snapshot's last batch, or null
 * @param dataDate   the day the figures were fixed (see {@link #of})
 */
public record Provenance(String schemaVersion, String snapshot, Long maxBatchId, List<WarehouseStatus.Batch> batches,
                         java.time.LocalDate dataDate) {
    /**
     * The provenance as of {@code snapshot} (null: the newest vintages). Its {@code dataDate} is the day
     * the figures were fixed: the snapshot's, or the newest load's (null when nothing is loaded), so a
     * report re-run as of the same snapshot carries the same date.
     *
     * @throws se.lagesbild.warehouse.WarehouseException when there is no such snapshot
     */
    public static Provenance of(Warehouse warehouse, String snapshot) {
        var pinned = snapshot == null ? null : Snapshots.named(warehouse, snapshot);
        Long maxBatch = pinned == null ? null : pinned.getMaxBatchId();
        List<WarehouseStatus.Batch> batches = StatusReader.batches(warehouse).stream()
                .filter(b -> maxBatch == null || b.batchId() <= maxBatch).toList();
        java.time.LocalDate date = pinned != null ? pinned.getCreatedAt().toLocalDate()
                : batches.isEmpty() ? null : batches.get(batches.size() - 1).loadedAt().toLocalDate();
        return new Provenance(SchemaVersion.applied(warehouse.dsl()), snapshot, maxBatch, batches, date);
    }

    /** The version of Lägesbild that wrote the report (the build's, written into version.properties; "dev" without a build). */
    public static String lagesbildVersion() {
        try (var in = Provenance.class.getResourceAsStream("/se/lagesbild/warehouse/version.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version");
            return v == null || v.startsWith("$") ? "dev" : v;
        } catch (java.io.IOException e) {
            return "dev";
        }
    }
}
