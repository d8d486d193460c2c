package se.lagesbild.warehouse.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.indicators.CellCounts;

/**
 * The disclosure audit: attacks what is released as an outsider would, with every relation of
 * every hierarchy ({@link Attack}), and reports, with the arithmetic that does it: for a cell hidden
 * by a threshold, its count of patients (or cases) recovered exactly or narrowed to an interval
 * narrower than the threshold; for a complementary cell, all its counts recovered (its value would
 * follow). A numerator alone is not protected (released cells show numerators of any size; the
 * thresholds are about how many patients a figure rests on), so one recovered from a released total
 * of 0 is not reported. An empty list means the released tables hold.
 */
public final class Audit {
    private Audit() {
    }

    /**
     * One recovery.
     *
     * @param quantity   the count (e.g. "svf_within_lead_time.denominator")
     * @param lo         the lowest value the released figures allow
     * @param hi         the highest
     * @param arithmetic how the bound is reached, e.g. "2026H2 = 2026 (9) − 2026H1 (6)"
     */
    public record Finding(Cell cell, String quantity, double trueValue, double lo, double hi, String arithmetic) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %s = %s: the released figures give %s (%s)", describe(cell), quantity, number(trueValue),
                    lo == hi ? "exactly " + number(lo) : "[" + number(lo) + ", " + number(hi) + "]", arithmetic);
        }
    }

    /** A cell as a reader would name it: "2026 region 09 BREAST sex 1 age ALL". */
    static String describe(Cell c) {
        return c.periodCode() + " " + c.geoLevel() + " " + c.geoCode() + " " + c.diagnosisCode() + " sex " + c.sexCode() + " age "
                + c.ageGroupCode();
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }

    /**
     * Attacks the released cells of {@code counts} (one family, one year), those {@code pattern} does
     * not hide, and returns what the attack learns beyond what the pattern allows: first by interval
     * propagation ({@link Attack}, which shows its arithmetic), then, for every count hidden by a
     * threshold that propagation leaves protected, by linear programming ({@link LpAttack}, which
     * names the relations that pin it).
     */
    public static List<Finding> of(List<CellCounts> counts, DisclosurePattern pattern, DisclosureRules rules, Hierarchy.Dimensions dimensions) {
        return run(counts, pattern, rules, dimensions, Integer.MAX_VALUE, Long.MAX_VALUE, false).findings();
    }

    /**
     * What an audit found, and how far linear programming went: the hidden counts it solved, those it
     * left to propagation alone because their group of unknowns has more relations than the limit,
     * and the largest such group.
     */
    public record Report(List<Finding> findings, int solved, int unsolved, int largestUnsolved) {
    }

    /**
     * As {@link #of}, solving by linear programming only groups of unknowns of at most {@code lpLimit}
     * relations, for at most {@code lpSeconds}; with {@code presence}, as an attacker who takes each listed
     * code's total in the year to be at least 1 ({@link Axes#margins}: the code is listed because it occurs).
     */
    public static Report run(List<CellCounts> counts, DisclosurePattern pattern, DisclosureRules rules, Hierarchy.Dimensions dimensions,
                             int lpLimit, long lpSeconds, boolean presence) {
        Table table = Table.of(counts, dimensions);
        List<Cell> cells = table.cells();
        DisclosurePattern.Quantities q = table.quantities();
        Block block = table.block();
        boolean[] hidden = new boolean[cells.size()];
        for (int n = 0; n < cells.size(); n++) {
            hidden[n] = pattern.hidden(cells.get(n));
        }
        boolean[] known = Suppression.known(block, hidden);
        boolean[] nonEmpty = presence ? Axes.margins(counts, cells, dimensions) : null;
        Attack attack = Attack.run(block, known, nonEmpty);
        // a complementary cell is recovered when all its counts are (then its value follows); a cell
        // hidden by a threshold when any count is, or its thresholded count is narrowed below the protection
        // interval, or its largest possible value is below the threshold
        boolean[] allExact = new boolean[cells.size()];
        java.util.Arrays.fill(allExact, true);
        for (int v = 0; v < block.variables(); v++) {
            if (block.published(v) && !attack.exact(v)) {
                allExact[block.nodeOf[v]] = false;
            }
        }
        List<Finding> findings = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        List<Double> minimums = new ArrayList<>();
        for (int v = 0; v < block.variables(); v++) {
            int node = block.nodeOf[v];
            if (!block.published(v) || !hidden[node]) {
                continue;
            }
            boolean primary = pattern.primary(cells.get(node));
            int quantity = block.quantityOf[v];
            int[] kind = q.sensitive().stream().filter(s -> s[0] == quantity).findFirst().orElse(null);
            boolean sensitive = kind != null;
            double minimum = kind == null ? 0 : rules.threshold(kind[1]);
            if (primary ? sensitive && attack.exposed(v, rules.interval(), minimum) : allExact[node]) {
                findings.add(new Finding(cells.get(node), block.quantityNames.get(quantity), block.truth[v], attack.lo[v],
                        attack.hi[v], arithmetic(block, attack, v)));
            } else if (primary && sensitive) {
                targets.add(v);
                minimums.add(minimum);
            }
        }
        int solved = 0;
        int unsolved = 0;
        int largest = 0;
        for (LpAttack.Verdict verdict : LpAttack.audit(block, known, targets.stream().mapToInt(Integer::intValue).toArray(),
                minimums.stream().mapToDouble(Double::doubleValue).toArray(), rules.interval(), lpLimit, lpSeconds, nonEmpty)) {
            if (!verdict.audited()) {
                unsolved++;
                largest = Math.max(largest, verdict.relations());
                continue;
            }
            solved++;
            if (verdict.disclosed()) {
                int v = verdict.variable();
                findings.add(new Finding(cells.get(block.nodeOf[v]), block.quantityNames.get(block.quantityOf[v]), block.truth[v],
                        Double.isNaN(verdict.lo()) ? 0 : verdict.lo(), verdict.hi(), pinning(block, verdict.pinning())));
            }
        }
        return new Report(findings, solved, unsolved, largest);
    }

    /** A family's counts in one year as the attacker sees them: its cells in order, its quantities, and its relations. */
    record Table(List<Cell> cells, DisclosurePattern.Quantities quantities, Block block) {
        static Table of(List<CellCounts> counts, Hierarchy.Dimensions dimensions) {
            java.util.Map<Cell, Integer> index = new java.util.LinkedHashMap<>();
            counts.forEach(c -> c.byCell().keySet().stream().sorted(Cell.ORDER).forEach(cell -> index.putIfAbsent(cell, index.size())));
            List<Cell> cells = new ArrayList<>(index.keySet());
            DisclosurePattern.Quantities q = DisclosurePattern.Quantities.of(counts, cells, index);
            return new Table(cells, q, new Block(cells, Hierarchy.of(cells, dimensions), q.values(), q.names(), q.orderedPairs()));
        }
    }

    /** The relations a linear programme found binding, as a reader would name them. */
    private static String pinning(Block block, List<Integer> constraints) {
        StringBuilder s = new StringBuilder("by linear programming over " + constraints.size() + " relations");
        int shown = 0;
        for (int c : constraints) {
            if (shown++ == 4) {
                s.append("; …");
                break;
            }
            Hierarchy.Relation rel = block.structure.relations().get(block.relation[c]);
            s.append(shown == 1 ? ": " : "; ").append(rel.kind()).append(" of ").append(name(block, block.total[c]));
        }
        return s.toString();
    }

    /** The constraint behind v's upper bound, written out with the released values it uses. */
    private static String arithmetic(Block block, Attack attack, int v) {
        int c = attack.hiBy[v] >= 0 ? attack.hiBy[v] : attack.loBy[v];
        if (c < 0) {
            return c <= -2 ? "a numerator is never above its denominator" : "non-negative counts";
        }
        Hierarchy.Relation rel = block.structure.relations().get(block.relation[c]);
        StringBuilder s = new StringBuilder(rel.kind() + ": ");
        Set<Integer> members = new LinkedHashSet<>();
        members.add(block.total[c]);
        for (int j = block.start[c]; j < block.start[c + 1]; j++) {
            members.add(block.parts[j]);
        }
        boolean first = true;
        s.append(name(block, v)).append(" = ");
        if (block.total[c] != v) {
            s.append(name(block, block.total[c])).append(" (").append(bound(attack, block.total[c])).append(")");
            first = false;
        }
        for (int m : members) {
            if (m == v || m == block.total[c]) {
                continue;
            }
            s.append(first ? "" : block.total[c] == v ? " + " : " − ").append(name(block, m)).append(" (").append(bound(attack, m)).append(")");
            first = false;
        }
        return s.toString();
    }

    private static String name(Block block, int v) {
        int node = block.nodeOf[v];
        if (node < block.cells.size()) {
            Cell c = block.cells.get(node);
            return c.periodCode() + " " + c.geoCode() + " " + c.diagnosisCode() + " " + c.sexCode() + " " + c.ageGroupCode();
        }
        return node == Integer.MAX_VALUE ? "the unlisted rest" : "an unpublished part";
    }

    private static String bound(Attack attack, int v) {
        return attack.exact(v) ? number(attack.lo[v]) : "[" + number(attack.lo[v]) + ", " + number(attack.hi[v]) + "]";
    }
}
