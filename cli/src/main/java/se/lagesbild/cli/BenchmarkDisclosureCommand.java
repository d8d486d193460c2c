package se.lagesbild.cli;

import java.util.List;
import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.disclosure.AuditRun;
import se.lagesbild.warehouse.disclosure.ComplementOptimum;

/** {@code lagesbild benchmark-disclosure}: how many complements the patterns hide beside the fewest that protect each table. */
@Command(name = "benchmark-disclosure", mixinStandardHelpOptions = true,
        description = "For each disclosure family and year with at most --max-cells cells: the complementary (secondary)"
                + " suppressions of its pattern beside the fewest any pattern needs against the attacker's linear programme"
                + " (a 0-1 programme with the attack's cuts, solved until the attack learns nothing, within --seconds; past"
                + " it, a lower bound), the ratio, and the time of the linear-programming audit. Read-only.")
final class BenchmarkDisclosureCommand extends Verb {
    @Option(names = "--family", paramLabel = "FAMILY", description = "One disclosure family; default: all.")
    String family;

    @Option(names = "--year", paramLabel = "YEAR", description = "One calendar year; default: every year with data.")
    Integer year;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "60",
            description = "Time for the optimum per table (default: ${DEFAULT-VALUE}); past it, a lower bound.")
    long seconds;

    @Option(names = "--max-cells", paramLabel = "N", defaultValue = "5000",
            description = "Tables of more cells are left out (default: ${DEFAULT-VALUE}).")
    int maxCells;

    @Option(names = "--measure", paramLabel = "M", defaultValue = "complements",
            description = "What the optimum minimises: complements (each counts 1; default) or cost (what hiding each costs a reader,"
                    + " as the heuristic weighs it: count times the figure's weight, Riket 1,000).")
    String measure;

    @Option(names = "--steps", description = "A table with population groups in the heuristic's two steps, each beside the least it"
            + " could use: the figures without groups (as if no group were published), then the groups' complements with those figures"
            + " as decided (the rule of docs/disclosure.md).")
    boolean steps;

    @Option(names = "--lp-seconds", paramLabel = "S", defaultValue = "" + AuditRun.LP_SECONDS,
            description = "Time for the audit's linear programming per table (default: ${DEFAULT-VALUE}).")
    long lpSeconds;

    @Override
    public void run() {
        if (seconds < 1 || lpSeconds < 0 || maxCells < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), seconds < 1 ? "--seconds must be at least 1; it was "
                    + seconds + "." : maxCells < 1 ? "--max-cells must be at least 1; it was " + maxCells + "."
                    : "--lp-seconds must be 0 or more; it was " + lpSeconds + ".");
        }
        ComplementOptimum.Measure by = switch (measure) {
            case "complements" -> ComplementOptimum.Measure.COMPLEMENTS;
            case "cost" -> ComplementOptimum.Measure.COST;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--measure must be complements or cost; it was '"
                    + measure + "'.");
        };
        boolean byCost = by == ComplementOptimum.Measure.COST;
        try (Warehouse warehouse = Warehouse.openReadOnly(db())) {
            out().printf("%-24s %5s %-15s %8s %8s %10s %10s %-8s %6s %7s %9s %9s%n", "family", "year", "part", "cells", "primary", byCost ? "cost" : "secondary",
                    byCost ? "least" : "optimum", "", "ratio", "rounds", "optimum s", "audit s");
            double totalSecondary = 0;
            double totalOptimum = 0;
            List<AuditRun.Optimum> optima = steps ? AuditRun.optimaBySteps(warehouse, family, year, maxCells, seconds, by)
                    : AuditRun.optima(warehouse, family, year, maxCells, seconds, by);
            for (AuditRun.Optimum o : optima) {
                // the audit is of the table: once, on its last row
                boolean last = o.step() != AuditRun.Step.WITHOUT_GROUPS;
                long start = System.nanoTime();
                List<AuditRun.Result> audit = last ? AuditRun.run(warehouse, o.family(), o.year(), AuditRun.LP_LIMIT, lpSeconds) : List.of();
                double auditSeconds = (System.nanoTime() - start) / 1e9;
                var r = o.result();
                out().printf(Locale.ROOT, "%-24s %5d %-15s %,8d %,8d %,10.0f %,10.0f %-8s %6.2f %7d %9.1f %9s%n", o.family(), o.year(),
                        o.step().label(), o.cells(), o.primary(), r.pattern(), r.least(), r.optimal() ? "optimal" : "at least", o.ratio(),
                        r.rounds(), r.seconds(), last ? String.format(Locale.ROOT, "%.1f", auditSeconds) : "");
                if (audit.stream().anyMatch(a -> !a.findings().isEmpty())) {
                    out().println("    the audit finds something here: run disclosure-audit");
                }
                totalSecondary += r.pattern();
                totalOptimum += r.least();
            }
            out().printf(Locale.ROOT, byCost ? "all tables: secondaries costing %,.0f, least cost %,.0f, ratio %.2f%n"
                            : "all tables: %,.0f secondaries, optimum %,.0f, ratio %.2f%n", totalSecondary, totalOptimum,
                    totalOptimum == 0 ? 1.0 : totalSecondary / totalOptimum);
            summarise(optima, true, "where the optimum is found");
            summarise(optima, false, "against a lower bound only (the true ratio lies below)");
        }
    }

    /** One line on the rows whose least was found ({@code optimal}) or only bounded: how many, and the largest ratio and where. */
    private void summarise(List<AuditRun.Optimum> optima, boolean optimal, String what) {
        List<AuditRun.Optimum> rows = optima.stream().filter(o -> o.result().optimal() == optimal).toList();
        AuditRun.Optimum largest = rows.stream().max(java.util.Comparator.comparingDouble(AuditRun.Optimum::ratio)).orElse(null);
        out().printf(Locale.ROOT, "%s: %d of %d rows%s%n", what, rows.size(), optima.size(), largest == null ? ""
                : String.format(Locale.ROOT, ", largest ratio %.2f (%s %d, %s)", largest.ratio(), largest.family(), largest.year(),
                        largest.step().label()));
    }
}
