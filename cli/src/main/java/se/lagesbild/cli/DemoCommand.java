package se.lagesbild.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Command;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.status.StatusReader;

/**
 * {@code lagesbild demo}: the main job, end to end on bundled data. Today it builds the warehouse
 * schema and reference data and shows the status; each following step (loading the bundled
 * files, the yearly report, the API) is added here as it is built.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Build the warehouse from bundled data and show what it holds.",
                "Safe to run again: steps that are done are skipped."})
final class DemoCommand extends Verb {
    @Override
    public void run() {
        PrintWriter out = out();
        out.println("[1/2] Schema and reference data");
        try (Warehouse warehouse = Warehouse.openForWriting(db())) {
            out.printf("      %s at schema version %s (%d migrations applied now)%n", warehouse.file(),
                    warehouse.migration().toVersion(), warehouse.migration().executed());
            out.println("[2/2] Status");
            out.println();
            StatusPrinter.print(StatusReader.read(warehouse), out);
        }
    }
}
