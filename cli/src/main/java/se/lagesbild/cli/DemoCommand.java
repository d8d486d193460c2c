package se.lagesbild.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Command;
import se.lagesbild.loaders.FileLoader;
import se.lagesbild.loaders.LoadListener;
import se.lagesbild.loaders.LoadOutcome;
import se.lagesbild.loaders.LoadRequest;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;
import se.lagesbild.warehouse.status.StatusReader;

/**
 * {@code lagesbild demo}: the main job, end to end on bundled data. It builds the warehouse
 * schema and reference data, loads the bundled example file of every source (each only once),
 * and shows the status; each following step (synthetic national data, the yearly report, the
 * API) is added here as it is built.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Build the warehouse from bundled data and show what it holds.",
                "Safe to run again: files already loaded are skipped."})
final class DemoCommand extends Verb {
    /** The bundled example files, one per source, in load order. */
    static final List<String[]> BUNDLED = List.of(
            new String[] {"population", "population.csv"},
            new String[] {"new-cases", "new-cases-socialstyrelsen.csv"},
            new String[] {"new-cases", "new-cases.csv"},
            new String[] {"svf-pathways", "svf-pathways.csv"},
            new String[] {"svf-aggregates", "svf-aggregates.csv"},
            new String[] {"waiting-times-skr", "waiting-times-skr.csv"},
            new String[] {"region-reports", "region-reports.csv"},
            new String[] {"prem", "prem.csv"},
            new String[] {"investments", "investments.csv"},
            new String[] {"projects", "projects.csv"});

    @Override
    public void run() {
        PrintWriter out = out();
        Path examples = home().resolve("docs/formats/examples");
        if (!Files.isDirectory(examples)) {
            throw new WarehouseException("The bundled example files are missing: " + examples
                    + ". Run demo from a checkout of Lägesbild (./lagesbild demo).");
        }
        out.println("[1/3] Schema and reference data");
        try (Warehouse warehouse = Warehouse.openForWriting(db())) {
            out.printf("      %s at schema version %s (%d migrations applied now)%n", warehouse.file(),
                    warehouse.migration().toVersion(), warehouse.migration().executed());
            out.println("[2/3] Bundled example files, one per source (" + examples + ")");
            for (String[] bundled : BUNDLED) {
                LoadOutcome outcome = FileLoader.load(warehouse, LoadRequest.of(bundled[0], examples.resolve(bundled[1])),
                        LoadListener.SILENT);
                out.print("      ");
                OutcomePrinter.print(outcome, out);
            }
            out.println("[3/3] Status");
            out.println();
            StatusPrinter.print(StatusReader.read(warehouse), out);
        }
    }

    /** The checkout the launcher runs from (set by ./lagesbild), else the working directory. */
    static Path home() {
        return Path.of(System.getProperty("lagesbild.home", "."));
    }
}
