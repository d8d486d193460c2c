package se.lagesbild.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.lagesbild.loaders.FileLoader;
import se.lagesbild.loaders.LoadOutcome;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;

/** {@code lagesbild load SOURCE FILE...}: load delivered files, each atomically and only once. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load delivered files into the warehouse. Each file loads completely in one transaction or not"
                + " at all; a file already loaded (same SHA-256) is skipped. Rows with problems are quarantined or the"
                + " file is rejected, as the source's policy says. Formats: docs/formats/SOURCE.md.",
        footer = {"", "Exit code 2 when a file is rejected; quarantined rows alone do not fail the load."})
final class LoadCommand extends Verb {
    @Mixin
    LoadOptions options;

    @Option(names = "--vintage", paramLabel = "LABEL",
            description = "Label of this delivery's vintage (default: today's date). A newer delivery of the same data is a new vintage.")
    String vintage;

    @Override
    public void run() {
        int rejected = 0;
        var requests = options.requests(db()); // parameters are checked before the warehouse opens
        try (Warehouse warehouse = Warehouse.openForWriting(db())) {
            for (var request : requests) {
                try {
                    LoadOutcome outcome = FileLoader.load(warehouse, request.withVintage(vintage), ConsoleProgress.forConsole(out()));
                    OutcomePrinter.print(outcome, out());
                    rejected += outcome.status() == LoadOutcome.Status.REJECTED ? 1 : 0;
                } catch (WarehouseException e) {
                    // each file is its own transaction: this one loaded nothing, the next is still loaded
                    err().println("lagesbild: " + e.getMessage());
                    rejected++;
                }
            }
        }
        if (rejected > 0) {
            throw new Rejected(rejected + " of " + requests.size() + " files were not loaded; see above.");
        }
    }
}
