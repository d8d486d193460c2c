package se.lagesbild.cli;

import picocli.CommandLine.Command;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.status.StatusReader;

/** {@code lagesbild status}: schema version, reference data, batches, facts. Read-only. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the schema version, reference-data counts, load batches, rows per fact table"
                + " and the periods they cover. Opens the warehouse read-only; changes nothing.")
final class StatusCommand extends Verb {
    @Override
    public void run() {
        try (Warehouse warehouse = Warehouse.openReadOnly(db())) {
            StatusPrinter.print(StatusReader.read(warehouse), out());
        }
    }
}
