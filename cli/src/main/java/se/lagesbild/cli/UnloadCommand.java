package se.lagesbild.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import se.lagesbild.loaders.Batches;
import se.lagesbild.warehouse.Warehouse;

/** {@code lagesbild unload BATCH}: remove one batch cleanly. */
@Command(name = "unload", mixinStandardHelpOptions = true,
        description = "Remove one batch: its fact rows, its quarantined rows and its lineage row, in one transaction."
                + " Earlier vintages of the same data become current again.")
final class UnloadCommand extends Verb {
    @Parameters(index = "0", paramLabel = "BATCH", description = "The batch number (see `lagesbild batches`).")
    long batchId;

    @Override
    public void run() {
        try (Warehouse warehouse = Warehouse.openForWriting(db())) {
            Batches.Unloaded gone = Batches.unload(warehouse, batchId);
            out().printf("Unloaded batch %d (%s, %s, vintage %s): %,d fact rows and %,d quarantined rows removed.%n",
                    batchId, gone.batch().getSource(), gone.batch().getFileName(), gone.batch().getVintageLabel(),
                    gone.factRows(), gone.quarantinedRows());
        }
    }
}
