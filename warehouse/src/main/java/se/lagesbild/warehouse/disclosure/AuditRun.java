package se.lagesbild.warehouse.disclosure;


import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;


import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.status.StatusReader;
import se.lagesbild.warehouse.indicators.Catalogue;
import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.indicators.CellCounts;
import se.lagesbild.warehouse.indicators.CellFilter;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.stats.Confidence;

/**
 * The audit of every released table: for every disclosure family and every year with data, what
 * {@link Released} gives every consumer (the API, exports, the report) is checked against the
 * family's pattern (a cell the pattern hides is never released, and a released cell shows exactly
 * its counts), and the released values are attacked along every hierarchy ({@link Audit}).
 */
public final class AuditRun {
    private AuditRun() {
    }

    /**
     * One family and year: its size, what was hidden, what the audit found, and the hidden counts
     * linear programming solved and left (their group of unknowns larger than the limit).
     */
    public record Result(String family, int year, int cells, int primary, int secondary, List<String> findings, int lpSolved, int lpUnsolved,
                         int largestUnsolved) {
    }

    /**
     * The largest group of linked unknowns (in relations) the audit solves by linear programming unless
     * told otherwise: the groups suppression itself solves and protects, so the audit must find nothing
     * within it; a deeper audit (--lp-limit) shows what remains to do beyond it.
     */
    public static final int LP_LIMIT = Suppression.LP_LIMIT;

    /** Audits {@code family} (null: every family) in {@code year} (null: every year with data). */
    public static List<Result> run(Warehouse warehouse, String family, Integer year) {
        return run(warehouse, family, year, LP_LIMIT, LP_SECONDS);
    }

    /** The time linear programming may take per family and year unless told otherwise. */
    public static final long LP_SECONDS = 60;

    /**
     * The same, solving groups of unknowns of up to {@code lpLimit} relations by linear programming, for
     * at most {@code lpSeconds} per family and year. The attacker knows what a listed code tells: its total
     * in the year is at least 1 ({@link Axes#margins}).
     */
    public static List<Result> run(Warehouse warehouse, String family, Integer year, int lpLimit, long lpSeconds) {
        DisclosureRules rules = DisclosureRules.of(Disclosure.thresholds(warehouse));
        Hierarchy.Dimensions dimensions = Patterns.dimensions(warehouse);
        List<Result> results = new ArrayList<>();
        eachTable(warehouse, family, year, (f, y, members, counts, pattern) -> {
            List<String> findings = new ArrayList<>(released(warehouse, members, counts, pattern, y, dimensions));
            Audit.Report report = Audit.run(counts, pattern, rules, dimensions, lpLimit, lpSeconds, true);
            report.findings().forEach(finding -> findings.add(finding.toString()));
            results.add(new Result(f, y, pattern.cells(), pattern.primary(), pattern.secondary(), findings, report.solved(), report.unsolved(),
                    report.largestUnsolved()));
        });
        return results;
    }

    /**
     * One family and year's secondaries beside the least that protects it ({@link ComplementOptimum}), by the result's measure:
     * the whole table, or one of the heuristic's two steps ({@link Step}), its cells, primaries and secondaries those of the step.
     */
    public record Optimum(String family, int year, Step step, int cells, int primary, int secondary, ComplementOptimum.Result result) {
        /** The pattern per the least that protects (or its lower bound). */
        public double ratio() {
            return result.ratio();
        }
    }

    /**
     * What an {@link Optimum} measures: the whole table; or, for a table with population groups, one of the two steps the
     * heuristic decides it in (docs/disclosure.md): the figures without groups, as if no group were published, and then the
     * groups' complements with those figures held as decided.
     */
    public enum Step {
        WHOLE("whole table"), WITHOUT_GROUPS("without groups"), GROUPS("groups");

        private final String label;

        Step(String label) {
            this.label = label;
        }

        /** How the benchmark names the step. */
        public String label() {
            return label;
        }
    }

    /**
     * The fewest complements of {@code family} (null: every family) in {@code year} (null: every year) for tables of at
     * most {@code maxCells} cells, {@code seconds} a table.
     */
    public static List<Optimum> optima(Warehouse warehouse, String family, Integer year, int maxCells, long seconds) {
        return optima(warehouse, family, year, maxCells, seconds, ComplementOptimum.Measure.COMPLEMENTS);
    }

    /** As {@link #optima(Warehouse, String, Integer, int, long)}, the least by {@code measure}. */
    public static List<Optimum> optima(Warehouse warehouse, String family, Integer year, int maxCells, long seconds,
                                       ComplementOptimum.Measure measure) {
        return optima(warehouse, family, year, maxCells, seconds, measure, false);
    }

    /**
     * As {@link #optima(Warehouse, String, Integer, int, long, ComplementOptimum.Measure)}, but a table with population groups
     * is measured in the heuristic's two steps, each beside the least that step could use ({@code seconds} each): the figures
     * without groups against the least that protects them alone, and the groups' complements against the least that protects
     * the whole table with the figures without groups held as the pattern has them. Each step's pattern is one the step's
     * programme may choose, so each least (or bound) is at most the step's own.
     */
    public static List<Optimum> optimaBySteps(Warehouse warehouse, String family, Integer year, int maxCells, long seconds,
                                              ComplementOptimum.Measure measure) {
        return optima(warehouse, family, year, maxCells, seconds, measure, true);
    }

    private static List<Optimum> optima(Warehouse warehouse, String family, Integer year, int maxCells, long seconds,
                                        ComplementOptimum.Measure measure, boolean bySteps) {
        DisclosureRules rules = DisclosureRules.of(Disclosure.thresholds(warehouse));
        Hierarchy.Dimensions dimensions = Patterns.dimensions(warehouse);
        List<Optimum> optima = new ArrayList<>();
        eachTable(warehouse, family, year, (f, y, members, counts, pattern) -> {
            if (pattern.cells() > maxCells) {
                return;
            }
            if (!bySteps || !DisclosurePattern.grouped(counts)) {
                optima.add(new Optimum(f, y, Step.WHOLE, pattern.cells(), pattern.primary(), pattern.secondary(),
                        ComplementOptimum.of(counts, pattern, rules, dimensions, seconds, measure)));
                return;
            }
            java.util.Set<Cell> cells = new java.util.LinkedHashSet<>();
            counts.forEach(c -> cells.addAll(c.byCell().keySet()));
            for (Step step : List.of(Step.WITHOUT_GROUPS, Step.GROUPS)) {
                boolean groups = step == Step.GROUPS;
                int[] tally = new int[3];
                for (Cell cell : cells) {
                    if (DisclosurePattern.ofGroup(cell) == groups) {
                        tally[0]++;
                        tally[1] += pattern.primary(cell) ? 1 : 0;
                        tally[2] += pattern.hidden(cell) && !pattern.primary(cell) ? 1 : 0;
                    }
                }
                ComplementOptimum.Result result = groups
                        ? ComplementOptimum.of(counts, pattern, rules, dimensions, seconds, measure, cell -> !DisclosurePattern.ofGroup(cell))
                        : ComplementOptimum.of(DisclosurePattern.withoutGroups(counts), pattern, rules, dimensions, seconds, measure);
                optima.add(new Optimum(f, y, step, tally[0], tally[1], tally[2], result));
            }
        });
        return optima;
    }

    private interface TableVisitor {
        void visit(String family, int year, List<Indicator> members, List<CellCounts> counts, DisclosurePattern pattern);
    }

    /** Every family (or the one named) and year (or the one given) with data: its indicators, their counts and its pattern. */
    private static void eachTable(Warehouse warehouse, String family, Integer year, TableVisitor visitor) {
        List<Indicator> catalogue = Catalogue.all(warehouse);
        TreeSet<String> families = new TreeSet<>();
        catalogue.forEach(i -> families.add(i.disclosureFamily()));
        if (family != null && !families.contains(family)) {
            throw new se.lagesbild.warehouse.WarehouseException("Unknown disclosure family '" + family + "'. Families: "
                    + String.join(", ", families) + ".");
        }
        for (String f : family == null ? families : List.of(family)) {
            List<Indicator> members = DisclosurePattern.members(catalogue, f);
            for (int y : year == null ? StatusReader.years(warehouse) : List.of(year)) {
                List<CellCounts> counts = new ArrayList<>();
                for (Indicator member : members) {
                    counts.add(CellCounts.of(warehouse, member, DisclosurePattern.periods(y)));
                }
                if (counts.stream().allMatch(c -> c.byCell().isEmpty())) {
                    continue;
                }
                visitor.visit(f, y, members, counts, Patterns.of(warehouse, members.get(0), y));
            }
        }
    }

    /**
     * What Released gives for the year against the pattern: nothing hidden shown, every shown count as
     * counted, every cell without data hidden, and no combination of the listed codes left out.
     */
    private static List<String> released(Warehouse warehouse, List<Indicator> members, List<CellCounts> counts, DisclosurePattern pattern,
                                         int year, Hierarchy.Dimensions dimensions) {
        List<String> findings = new ArrayList<>();
        for (int m = 0; m < members.size(); m++) {
            Indicator indicator = members.get(m);
            Map<Cell, double[]> truth = new LinkedHashMap<>(counts.get(m).byCell());
            CellFilter ofYear = CellFilter.all().periods(DisclosurePattern.periods(year).toArray(String[]::new));
            java.util.Set<Cell> listed = new java.util.HashSet<>();
            for (ReleasedValue v : Released.values(warehouse, indicator.code(), ofYear, Confidence.NINETY_FIVE)) {
                listed.add(v.cell());
                // a cell without data is listed as hidden, so that a hidden cell may be empty
                boolean hidden = pattern.hidden(v.cell()) || !truth.containsKey(v.cell());
                if (hidden != v.suppressed()) {
                    findings.add(indicator.code() + " " + Audit.describe(v.cell()) + ": " + (hidden ? "released although "
                            + (truth.containsKey(v.cell()) ? "the pattern hides it" : "it has no data") : "hidden although the pattern releases it"));
                } else if (!hidden && truth.containsKey(v.cell()) && indicator.method().equals("proportion")
                        && Math.abs(truth.get(v.cell())[1] - v.denominator()) > 1e-6) {
                    findings.add(indicator.code() + " " + Audit.describe(v.cell()) + ": released denominator " + v.denominator()
                            + " is not the counted " + truth.get(v.cell())[1]);
                }
            }
            // a reader sees the codes listed: a combination of them left out would tell that it is empty
            long omitted = Axes.of(listed, dimensions, indicator.scope()).cells(ofYear).stream().filter(c -> !listed.contains(c)).count();
            if (omitted > 0) {
                findings.add(indicator.code() + " " + year + ": " + omitted + " combinations of the listed codes are left out, which tells"
                        + " that they are empty and that the hidden cells listed are not");
            }
        }
        return findings;
    }
}
