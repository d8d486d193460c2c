package se.lagesbild.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import se.lagesbild.loaders.FileLoader;
import se.lagesbild.loaders.LoadOutcome;
import se.lagesbild.warehouse.Warehouse;

/** {@code lagesbild validate SOURCE FILE...}: a dry run of load. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check delivered files exactly as load would, and write nothing: the warehouse is opened read-only."
                + " Problems are listed with file, line, column, value and rule, and written as CSV.",
        footer = {"", "Exit code 2 when any file has problems."})
final class ValidateCommand extends Verb {
    @Mixin
    LoadOptions options;

    @Override
    public void run() {
        long problems = 0;
        var requests = options.requests(db()); // parameters are checked before the warehouse opens
        try (Warehouse warehouse = Warehouse.openReadOnly(db())) {
            for (var request : requests) {
                LoadOutcome outcome = FileLoader.load(warehouse, request.asDryRun(), ConsoleProgress.forConsole(out()));
                OutcomePrinter.print(outcome, out());
                problems += outcome.problems();
            }
        }
        if (problems > 0) {
            throw new Rejected("The files have " + problems + " problems; see above.");
        }
    }
}
