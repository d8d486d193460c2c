package se.lagesbild.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.lagesbild.loaders.followup.Reconciliation;
import se.lagesbild.warehouse.Warehouse;

/** {@code lagesbild reconcile --year Y}: SKR's extract against our own pathway records. */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Compare SKR/RCC's waiting-time extract with the counts computed from our pathway records per"
                + " region × SVF × period × sex, and list every count that differs by more than the tolerance.")
final class ReconcileCommand extends Verb {
    @Option(names = "--year", required = true, paramLabel = "YEAR", description = "The year whose cells are compared.")
    int year;

    @Option(names = "--tolerance", paramLabel = "N", defaultValue = "0",
            description = "Largest difference (in patients) still counted as agreeing (default: ${DEFAULT-VALUE}).")
    long tolerance;

    @Option(names = "--out", paramLabel = "FILE", description = "CSV of the differences (default: out/reconcile-YEAR.csv).")
    Path csv;

    @Override
    public void run() {
        Reconciliation.Result result;
        try (Warehouse warehouse = Warehouse.openReadOnly(db())) {
            result = Reconciliation.compare(warehouse, year, tolerance);
        }
        out().printf("%d SKR cells for %d compared; %d counts differ by more than %d.%n", result.cellsCompared(), year,
                result.differences().size(), tolerance);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("region_code", "svf_code", "period_code", "sex_code", "measure", "skr", "ours", "difference"));
        for (Reconciliation.Difference d : result.differences()) {
            out().printf("  %s %-8s %-8s sex %d  %-20s SKR %,8d  ours %,8d  (%+d)%n", d.regionCode(), d.svfCode(), d.periodCode(),
                    d.sexCode(), d.measure(), d.skr(), d.ours(), d.difference());
            rows.add(List.of(d.regionCode(), d.svfCode(), d.periodCode(), String.valueOf(d.sexCode()), d.measure(),
                    String.valueOf(d.skr()), String.valueOf(d.ours()), String.valueOf(d.difference())));
        }
        Path file = csv != null ? csv : Path.of("out", "reconcile-" + year + ".csv");
        CsvFile.write(file, rows);
        out().println("Differences written to " + file.toAbsolutePath());
    }
}
