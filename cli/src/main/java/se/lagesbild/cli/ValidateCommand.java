package se.lagesbild.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import se.lagesbild.loaders.FileLoader;
import se.lagesbild.loaders.LoadOutcome;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;

/** {@code lagesbild validate SOURCE FILE...}: a dry run of load. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check delivered files exactly as load would, and write nothing: the warehouse is opened read-only."
                + " Problems are listed with file, line, column, value and rule, and written as CSV.",
        footer = {"", "Every file given is checked, also after one that cannot be read. Exit code 2 when any file has problems."})
final class ValidateCommand extends Verb {
    @Mixin
    LoadOptions options;

    @Override
    public void run() {
        long problems = 0;
        int refused = 0;
        var requests = options.requests(db()); // parameters are checked before the warehouse opens
        try (Warehouse warehouse = Warehouse.openReadOnly(db())) {
            for (var request : requests) {
                try {
                    LoadOutcome outcome = FileLoader.load(warehouse, request.asDryRun(), ConsoleProgress.forConsole(out()));
                    OutcomePrinter.print(outcome, out());
                    problems += outcome.problems();
                } catch (WarehouseException e) {
                    // every file given is checked: report this one and go on with the next
                    err().println("lagesbild: " + e.getMessage());
                    refused++;
                }
            }
        }
        if (problems > 0 || refused > 0) {
            throw new Rejected((refused > 0 ? refused + " of " + requests.size() + " files cannot be read as " + options.source
                    + (problems > 0 ? ", and the others have " : "") : "The files have ") + (problems > 0 ? problems + " problems" : "")
                    + "; see above.");
        }
    }
}
