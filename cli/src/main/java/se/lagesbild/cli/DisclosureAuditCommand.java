package se.lagesbild.cli;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.disclosure.AuditRun;
import se.lagesbild.warehouse.snapshots.Snapshots;

/** {@code lagesbild disclosure-audit}: attack every released table as an outsider would, and say what falls. */
@Command(name = "disclosure-audit", mixinStandardHelpOptions = true,
        description = "Attack every released table of every indicator as an outsider would: for each disclosure family and"
                + " year, subtract along every hierarchy at once (regions, healthcare regions with Halland's split, Riket, sex,"
                + " age, months to years, diagnoses), chains included, then solve the attacker's linear programme (min and max of"
                + " each hidden count given every released one), and report every hidden count that can be recovered, narrowed to"
                + " fewer than the protection interval's values, or bounded below its threshold, with the arithmetic or the"
                + " relations that pin it. The attacker knows what a table's listing tells: every combination of its codes is"
                + " listed, a cell without data as hidden, so a blank may be 0, but a period or sex listed occurs, so its total is"
                + " at least 1. Also checks that what every consumer is given hides exactly what the disclosure pattern hides,"
                + " every cell without data included, and leaves no combination of its codes out. Read-only.",
        footer = {"", "Exit code 2 when anything can be recovered."})
final class DisclosureAuditCommand extends Verb {
    @Option(names = "--family", paramLabel = "FAMILY", description = "One disclosure family (e.g. svf-treated); default: all.")
    String family;

    @Option(names = "--year", paramLabel = "YEAR", description = "One calendar year; default: every year with data.")
    Integer year;

    @Option(names = "--snapshot", paramLabel = "NAME", description = "Audit the tables as of a snapshot.")
    String snapshot;

    @Option(names = "--lp-limit", paramLabel = "RELATIONS", defaultValue = "" + AuditRun.LP_LIMIT,
            description = "Solve by linear programming every group of hidden counts linked by at most this many relations"
                    + " (default: ${DEFAULT-VALUE}); larger groups are attacked by propagation only, and counted.")
    int lpLimit;

    @Option(names = "--lp-seconds", paramLabel = "S", defaultValue = "" + AuditRun.LP_SECONDS,
            description = "Time for linear programming per family and year (default: ${DEFAULT-VALUE}); counts not reached are"
                    + " attacked by propagation only, and counted.")
    long lpSeconds;

    @Option(names = "--show", paramLabel = "N", defaultValue = "20", description = "Findings to print per family and year (default: ${DEFAULT-VALUE}).")
    int show;

    @Override
    public void run() {
        if (lpLimit < 0 || lpSeconds < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), (lpLimit < 0 ? "--lp-limit" : "--lp-seconds")
                    + " must be 0 or more (0: propagation only); it was " + (lpLimit < 0 ? lpLimit : lpSeconds) + ".");
        }
        int findings = 0;
        try (Warehouse warehouse = Warehouse.openReadOnly(db())) {
            if (snapshot != null) {
                Snapshots.asOf(warehouse, snapshot);
            }
            out().printf("%-16s %5s %9s %9s %9s %9s %9s %9s%n", "family", "year", "cells", "primary", "secondary", "findings", "LP solved",
                    "LP left");
            long start = System.nanoTime();
            List<AuditRun.Result> results = AuditRun.run(warehouse, family, year, lpLimit, lpSeconds);
            int left = 0;
            int largest = 0;
            for (AuditRun.Result r : results) {
                out().printf("%-16s %5d %,9d %,9d %,9d %,9d %,9d %,9d%n", r.family(), r.year(), r.cells(), r.primary(), r.secondary(),
                        r.findings().size(), r.lpSolved(), r.lpUnsolved());
                left += r.lpUnsolved();
                largest = Math.max(largest, r.largestUnsolved());
                r.findings().stream().limit(show).forEach(f -> out().println("    " + f));
                findings += r.findings().size();
            }
            out().printf("%d tables audited in %.1f s: %s%n", results.size(), (System.nanoTime() - start) / 1e9,
                    findings == 0 ? "no hidden count can be recovered or narrowed below the threshold." : findings + " findings.");
            if (left > 0) {
                out().printf("%,d hidden counts were not solved by linear programming (in groups of unknowns of more than %,d relations,"
                        + " the largest %,d, or past %d s a table; --lp-limit, --lp-seconds): attacked by propagation only.%n", left, lpLimit,
                        largest, lpSeconds);
            }
        }
        if (findings > 0) {
            throw new Rejected(findings + " hidden counts can be recovered or narrowed; see above.");
        }
    }
}
