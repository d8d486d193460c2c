package se.lagesbild.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Command;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.schema.SchemaMigrator.MigrationOutcome;

/** {@code lagesbild init}: create the warehouse or bring its schema up to date. Idempotent. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create the warehouse (with its folders) or migrate it to this version's schema."
                + " Running it again changes nothing.")
final class InitCommand extends Verb {
    @Override
    public void run() {
        PrintWriter out = out();
        try (Warehouse warehouse = Warehouse.openForWriting(db())) {
            MigrationOutcome outcome = warehouse.migration();
            if (outcome.changed()) {
                out.printf("Migrated %s from schema version %s to %s (%d migrations applied).%n",
                        warehouse.file(), outcome.fromVersion(), outcome.toVersion(), outcome.executed());
            } else {
                out.printf("%s is up to date (schema version %s); nothing changed.%n", warehouse.file(), outcome.toVersion());
            }
        }
        out.println("Next: `lagesbild status` shows what the warehouse holds.");
    }
}
