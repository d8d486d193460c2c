package se.lagesbild.cli;

import java.util.List;
import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.disclosure.AuditRun;

/** {@code lagesbild benchmark-disclosure}: how many complements the patterns hide beside the least any protective pattern needs. */
@Command(name = "benchmark-disclosure", mixinStandardHelpOptions = true,
        description = "For each disclosure family and year: the complementary (secondary) suppressions of its pattern beside a lower"
                + " bound on what any protective pattern needs (every relation that would give a primary cell away by one"
                + " subtraction must hide one more cell: the least such hitting set, a 0-1 programme solved within the time"
                + " limit, else its relaxation), the ratio, and the time of the linear-programming audit. Read-only.")
final class BenchmarkDisclosureCommand extends Verb {
    @Option(names = "--family", paramLabel = "FAMILY", description = "One disclosure family; default: all.")
    String family;

    @Option(names = "--year", paramLabel = "YEAR", description = "One calendar year; default: every year with data.")
    Integer year;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "30",
            description = "Time for the 0-1 programme per table (default: ${DEFAULT-VALUE}); past it, the relaxation's bound.")
    long seconds;

    @Option(names = "--lp-seconds", paramLabel = "S", defaultValue = "" + AuditRun.LP_SECONDS,
            description = "Time for the audit's linear programming per table (default: ${DEFAULT-VALUE}).")
    long lpSeconds;

    @Override
    public void run() {
        if (seconds < 1 || lpSeconds < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), seconds < 1 ? "--seconds must be at least 1; it was "
                    + seconds + "." : "--lp-seconds must be 0 or more; it was " + lpSeconds + ".");
        }
        try (Warehouse warehouse = Warehouse.openReadOnly(db())) {
            out().printf("%-24s %5s %8s %8s %10s %8s %-9s %6s %9s %9s%n", "family", "year", "cells", "primary", "secondary", "bound", "bound by",
                    "ratio", "bound s", "audit s");
            long totalSecondary = 0;
            long totalBound = 0;
            for (AuditRun.Bound b : AuditRun.bounds(warehouse, family, year, seconds)) {
                long start = System.nanoTime();
                List<AuditRun.Result> audit = AuditRun.run(warehouse, b.family(), b.year(), AuditRun.LP_LIMIT, lpSeconds, false);
                double auditSeconds = (System.nanoTime() - start) / 1e9;
                var r = b.result();
                out().printf(Locale.ROOT, "%-24s %5d %,8d %,8d %,10d %,8d %-9s %6.2f %9.1f %9.1f%n", b.family(), b.year(), r.cells(), r.primary(),
                        r.secondary(), r.bound(), r.optimal() ? "0-1 opt." : "relaxed", r.ratio(), r.seconds(), auditSeconds);
                if (audit.stream().anyMatch(a -> !a.findings().isEmpty())) {
                    out().println("    the audit finds something here: run disclosure-audit");
                }
                totalSecondary += r.secondary();
                totalBound += r.bound();
            }
            out().printf(Locale.ROOT, "all tables: %,d secondaries, bound %,d, ratio %.2f%n", totalSecondary, totalBound,
                    totalBound == 0 ? 1.0 : (double) totalSecondary / totalBound);
        }
    }
}
