package se.lagesbild.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.db.tables.records.SnapshotRecord;
import se.lagesbild.warehouse.snapshots.Snapshots;

/** {@code lagesbild snapshot [NAME]}: pin what is loaded now under a name, or list the snapshots. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "With a NAME: take an immutable snapshot of everything loaded now (e.g. baseline-2026), so figures"
                + " published from it come out the same however many vintages are loaded later; the batches it includes can no"
                + " longer be unloaded. Without a NAME: list the snapshots.")
final class SnapshotCommand extends Verb {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Letters, digits, '.', '_' or '-'.")
    String name;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the snapshot is for.")
    String description;

    @Override
    public void run() {
        if (name == null) {
            try (Warehouse warehouse = Warehouse.openReadOnly(db())) {
                var snapshots = Snapshots.list(warehouse);
                if (snapshots.isEmpty()) {
                    out().println("No snapshots yet. Take one with `lagesbild snapshot NAME` (e.g. baseline-2026).");
                }
                for (SnapshotRecord s : snapshots) {
                    out().printf("%-24s batches 1–%d  %s  %s%n", s.getSnapshotName(), s.getMaxBatchId(), s.getCreatedAt().withNano(0),
                            s.getDescription() == null ? "" : s.getDescription());
                }
            }
            return;
        }
        try (Warehouse warehouse = Warehouse.openForWriting(db())) {
            SnapshotRecord s = Snapshots.create(warehouse, name, description);
            out().printf("Snapshot %s taken: batches 1–%d. Figures as of it stay the same whatever is loaded later.%n",
                    s.getSnapshotName(), s.getMaxBatchId());
        }
    }
}
