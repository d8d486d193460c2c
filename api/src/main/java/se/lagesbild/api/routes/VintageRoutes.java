package se.lagesbild.api.routes;

import java.util.List;

import se.lagesbild.publishing.tables.Column;
import se.lagesbild.publishing.tables.ResultTable;
import se.lagesbild.warehouse.db.tables.records.SnapshotRecord;
import se.lagesbild.warehouse.status.WarehouseStatus;

/** What is loaded (every batch, as a vintage) and the named snapshots answers can be asked as of. */
final class VintageRoutes {
    private VintageRoutes() {
    }

    static List<Route> all() {
        return List.of(new Route("/vintages", List.of(), (lease, query, params) -> {
            ResultTable.Builder table = ResultTable.builder("Vintages (load batches)", Column.integerDimension("batch_id"),
                    Column.text("source"), Column.text("file_name"), Column.text("vintage"), Column.count("rows_loaded"),
                    Column.count("rows_quarantined"), Column.text("loaded_at"));
            for (WarehouseStatus.Batch b : lease.catalog().batches()) {
                table.row(b.batchId(), b.source(), b.fileName(), b.vintage(), b.rowsLoaded(), b.rowsQuarantined(), String.valueOf(b.loadedAt()));
            }
            return new Answer.Table(table.meta("current_batch", lease.catalog().maxBatchId()).build());
        }), new Route("/snapshots", List.of(), (lease, query, params) -> {
            ResultTable.Builder table = ResultTable.builder("Snapshots", Column.dimension("name"), Column.text("description"),
                    Column.count("max_batch_id"), Column.text("created_at"));
            for (SnapshotRecord s : lease.catalog().snapshots()) {
                table.row(s.getSnapshotName(), s.getDescription(), s.getMaxBatchId(), String.valueOf(s.getCreatedAt()));
            }
            return new Answer.Table(table.build());
        }));
    }
}
