package se.lagesbild.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Command;
import se.lagesbild.loaders.Batches;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.db.tables.records.LoadBatchRecord;

/** {@code lagesbild batches}: the lineage list. */
@Command(name = "batches", mixinStandardHelpOptions = true,
        description = "List every loaded file: batch, source, vintage, file, SHA-256, rows and the period it covers.")
final class BatchesCommand extends Verb {
    @Override
    public void run() {
        PrintWriter out = out();
        try (Warehouse warehouse = Warehouse.openReadOnly(db())) {
            var batches = Batches.list(warehouse);
            if (batches.isEmpty()) {
                out.println("No batches yet. Load files with `lagesbild load SOURCE FILE...`.");
                return;
            }
            out.printf("%-6s %-18s %-12s %-30s %-14s %10s %10s %10s  %-23s %s%n", "batch", "source", "vintage", "file",
                    "sha256", "read", "loaded", "quarant.", "period", "loaded at");
            for (LoadBatchRecord b : batches) {
                out.printf("%-6d %-18s %-12s %-30s %-14s %,10d %,10d %,10d  %-23s %s%n", b.getBatchId(), b.getSource(),
                        b.getVintageLabel(), b.getFileName(), b.getFileSha256().substring(0, 12) + "…", b.getRowsRead(),
                        b.getRowsLoaded(), b.getRowsQuarantined(), b.getPeriodFrom() + " … " + b.getPeriodTo(),
                        b.getLoadedAt().withNano(0));
            }
        }
    }
}
