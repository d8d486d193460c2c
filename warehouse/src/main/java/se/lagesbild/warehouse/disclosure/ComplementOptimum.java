package se.lagesbild.warehouse.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.indicators.CellCounts;

/**
 * The fewest complementary cells that protect a table against the attacker's linear programme: the
 * exact cell-suppression problem, solved by generating its constraints (Fischetti and
 * Salazar-González, "Solving the cell suppression problem on tabular data with linear constraints",
 * Management Science 47, 2001; Hundepool et al., Statistical Disclosure Control, Wiley 2012,
 * §4.2.3). A 0–1 programme (ojAlgo) chooses which released cells to hide, fewest first; the attacker's
 * programme ({@link LpAttack}) then attacks that choice, and for every primary count it still
 * recovers, narrows or bounds below its threshold, the relations that pin it (the constraints with a
 * non-zero dual value at its minimum and maximum) give a cut: at least one of their released cells
 * must be hidden too, since while all of them stay released the same combination of relations pins
 * the count again, whatever else is hidden. The first cuts are the one-step subtractions
 * (a hitting set: {@link #mustHit}). The loop ends when the attack learns nothing: that choice
 * is optimal, as every cut holds for every protective pattern. When time runs out first (or the
 * attack leaves a programme unfinished), the last 0–1 optimum is still a lower bound on the optimum.
 *
 * <p>Edge cases: a table without primaries needs 0; a primary whose pinning relations have no
 * released cell left cannot be protected by hiding more (not met on the tables this runs on), and the
 * loop stops with the bound it has.
 */
public final class ComplementOptimum {
    private ComplementOptimum() {
    }

    /**
     * @param complements the fewest complements that protect the table (exact when {@code optimal}), else a lower bound
     * @param optimal     whether the loop ended with a pattern the attack learns nothing from
     * @param rounds      how many 0–1 programmes were solved
     */
    public record Result(int complements, boolean optimal, int rounds, int cuts, double seconds) {
    }

    /** The optimum for one family's counts in one year, with primaries as {@code pattern} has them, within {@code seconds}. */
    public static Result of(List<CellCounts> counts, DisclosurePattern pattern, DisclosureRules rules, Hierarchy.Dimensions dimensions,
                            long seconds) {
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        Audit.Table table = Audit.Table.of(counts, dimensions);
        List<Cell> cells = table.cells();
        Block block = table.block();
        boolean[] primary = new boolean[cells.size()];
        for (int n = 0; n < cells.size(); n++) {
            primary[n] = pattern.primary(cells.get(n));
        }
        List<Integer> targets = new ArrayList<>();
        List<Double> minimums = new ArrayList<>();
        for (int[] s : table.quantities().sensitive()) {
            for (int n = 0; n < cells.size(); n++) {
                int v = block.variable[n][s[0]];
                if (primary[n] && v >= 0) {
                    targets.add(v);
                    minimums.add((double) rules.threshold(s[1]));
                }
            }
        }
        if (targets.isEmpty()) {
            return new Result(0, true, 0, 0, (System.nanoTime() - start) / 1e9);
        }
        int[] t = targets.stream().mapToInt(Integer::intValue).toArray();
        double[] m = minimums.stream().mapToDouble(Double::doubleValue).toArray();
        Set<Set<Integer>> cuts = new LinkedHashSet<>();
        for (List<Integer> relation : mustHit(block, primary, table.quantities())) {
            cuts.add(new TreeSet<>(relation));
        }
        int rounds = 0;
        double bound = 0;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return new Result((int) Math.ceil(bound - 1e-6), false, rounds, cuts.size(), (System.nanoTime() - start) / 1e9);
            }
            ExpressionsBasedModel mip = Programmes.model(left);
            mip.options.sparse = null; // ojAlgo chooses for the 0–1 programme
            Map<Integer, Variable> hide = new HashMap<>();
            for (int n = 0; n < cells.size(); n++) {
                if (!primary[n]) {
                    hide.put(n, mip.addVariable("z" + n).binary().weight(1));
                }
            }
            int row = 0;
            for (Set<Integer> cut : cuts) {
                Expression hit = mip.addExpression("cut" + row++).lower(1);
                cut.forEach(n -> hit.set(hide.get(n), 1));
            }
            Optimisation.Result result = mip.minimise();
            rounds++;
            if (!result.getState().isOptimal()) {
                return new Result((int) Math.ceil(bound - 1e-6), false, rounds, cuts.size(), (System.nanoTime() - start) / 1e9);
            }
            bound = Math.max(bound, result.getValue());
            boolean[] hidden = primary.clone();
            hide.forEach((n, z) -> hidden[n] = z.getValue().doubleValue() > 0.5);
            boolean[] known = Suppression.known(block, hidden);
            long secondsLeft = Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000L);
            List<LpAttack.Verdict> verdicts = LpAttack.audit(block, known, t, m, rules.interval(), Integer.MAX_VALUE, secondsLeft, false);
            if (verdicts.stream().anyMatch(verdict -> !verdict.audited())) {
                return new Result((int) Math.ceil(bound - 1e-6), false, rounds, cuts.size(), (System.nanoTime() - start) / 1e9);
            }
            int added = 0;
            boolean unprotectable = false;
            for (LpAttack.Verdict verdict : verdicts) {
                if (!verdict.disclosed()) {
                    continue;
                }
                Set<Integer> cut = new TreeSet<>();
                for (int c : verdict.pinning()) {
                    for (int v : LpAttack.members(block, c)) {
                        int n = block.nodeOf[v];
                        if (n < cells.size() && !hidden[n]) {
                            cut.add(n);
                        }
                    }
                }
                if (cut.isEmpty()) {
                    unprotectable = true;
                } else if (cuts.add(cut)) {
                    added++;
                }
            }
            if (added == 0) {
                return new Result((int) Math.round(bound), !unprotectable, rounds, cuts.size(), (System.nanoTime() - start) / 1e9);
            }
        }
    }

    /**
     * The released cells of each relation (over a sensitive count) that holds exactly one primary cell
     * and no unpublished member: one of them must be hidden, or a subtraction gives the primary away.
     */
    static Set<List<Integer>> mustHit(Block block, boolean[] primary, DisclosurePattern.Quantities quantities) {
        Set<Integer> sensitive = new java.util.HashSet<>();
        quantities.sensitive().forEach(s -> sensitive.add(s[0]));
        Set<List<Integer>> mustHit = new LinkedHashSet<>();
        for (int c = 0; c < block.constraints(); c++) {
            if (!sensitive.contains(block.quantityOf[block.total[c]])) {
                continue;
            }
            List<Integer> members = new ArrayList<>();
            members.add(block.total[c]);
            for (int j = block.start[c]; j < block.start[c + 1]; j++) {
                members.add(block.parts[j]);
            }
            if (members.stream().anyMatch(v -> !block.published(v))) {
                continue;
            }
            List<Integer> nodes = members.stream().map(v -> block.nodeOf[v]).toList();
            if (nodes.stream().filter(n -> primary[n]).count() == 1) {
                mustHit.add(nodes.stream().filter(n -> !primary[n]).sorted().distinct().toList());
            }
        }
        return mustHit;
    }
}
