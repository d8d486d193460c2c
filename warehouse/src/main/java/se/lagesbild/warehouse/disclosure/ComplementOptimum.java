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
 * the count again, whatever else is hidden. The first cuts are those one relation gives alone
 * (a hitting set: {@link #mustHit}: one-step subtractions, and small primary parts of a released
 * total). The loop ends when the attack learns nothing: that choice
 * is optimal, as every cut holds for every protective pattern. When time runs out first, or the
 * attack leaves counts unsolved ({@link #ATTACK_LIMIT}), the last 0–1 optimum is still a lower bound on
 * the optimum (any set of valid cuts gives one), and the loop goes on while the solved counts give cuts.
 *
 * <p>Edge cases: a table without primaries needs 0; a primary whose pinning relations have no
 * released cell left cannot be protected by hiding more (not met on the tables this runs on), and the
 * loop stops with the bound it has.
 */
public final class ComplementOptimum {
    private ComplementOptimum() {
    }

    /**
     * The largest group of unknowns (in relations) the attack solves in each round: larger groups (the
     * 0–1 programme's first choices hide few cells, so their blanks link into groups of thousands,
     * where one ojAlgo programme takes minutes) give no cut that round, and the result is a bound.
     */
    static final int ATTACK_LIMIT = 1_000;

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
        for (List<Integer> relation : mustHit(block, primary, table.quantities(), rules)) {
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
            List<LpAttack.Verdict> verdicts = LpAttack.audit(block, known, t, m, rules.interval(), ATTACK_LIMIT, secondsLeft, null);
            // counts left unsolved give no cut this round: the bound stays a bound, but is no longer known to be the optimum
            boolean unsolved = verdicts.stream().anyMatch(verdict -> !verdict.audited());
            int added = 0;
            boolean unprotectable = false;
            for (LpAttack.Verdict verdict : verdicts) {
                if (!verdict.disclosed()) {
                    continue;
                }
                Set<Integer> cut = new TreeSet<>();
                // no relation named as binding (the solver reported no multipliers): every relation of the count's group
                // of unknowns, whose released members, all kept released, pin it again however else the table is hidden
                List<Integer> pinning = verdict.pinning().isEmpty() ? LpAttack.group(block, known, verdict.variable()) : verdict.pinning();
                for (int c : pinning) {
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
                return new Result((int) Math.round(bound), !unprotectable && !unsolved, rounds, cuts.size(), (System.nanoTime() - start) / 1e9);
            }
        }
    }

    /**
     * Cuts every protective pattern must satisfy, read off one relation (over a sensitive count, no
     * unpublished member) at a time: while its other members stay released, the relation alone tells
     * too much of a primary count, so one of its released cells must be hidden. That is so when it
     * holds exactly one primary cell (a subtraction gives it), or when its total is released and the
     * primary parts' sum S is then known: each part is at least its floor (0, as suppression assumes;
     * {@link LpAttack#floors}), so a part p is at most S less the other parts' floors,
     * and no part's interval is wider than S less all their floors. A part whose largest value is below
     * its threshold, or an interval narrower than the protection interval, needs another hidden member
     * whatever else is hidden (other relations only narrow it further).
     */
    static Set<List<Integer>> mustHit(Block block, boolean[] primary, DisclosurePattern.Quantities quantities, DisclosureRules rules) {
        Map<Integer, Integer> kindOf = new HashMap<>();
        quantities.sensitive().forEach(s -> kindOf.put(s[0], s[1]));
        double[] floor = LpAttack.floors(block, new boolean[block.variables()], null);
        Set<List<Integer>> mustHit = new LinkedHashSet<>();
        for (int c = 0; c < block.constraints(); c++) {
            Integer kind = kindOf.get(block.quantityOf[block.total[c]]);
            int[] members = LpAttack.members(block, c);
            if (kind == null || java.util.Arrays.stream(members).anyMatch(v -> !block.published(v))) {
                continue;
            }
            List<Integer> nodes = java.util.Arrays.stream(members).mapToObj(v -> block.nodeOf[v]).toList();
            long primaries = nodes.stream().filter(n -> primary[n]).count();
            if (primaries == 1 || primaries > 1 && !primary[nodes.get(0)] && tellsTooMuch(block, members, primary, floor,
                    rules.threshold(kind), rules.interval())) {
                mustHit.add(nodes.stream().filter(n -> !primary[n]).sorted().distinct().toList());
            }
        }
        return mustHit;
    }

    /** Whether a released total tells one of its primary parts (members[1..]) too much while the other parts stay released. */
    private static boolean tellsTooMuch(Block block, int[] members, boolean[] primary, double[] floor, double threshold, double interval) {
        double sum = 0;
        double floors = 0;
        for (int j = 1; j < members.length; j++) {
            int v = members[j];
            if (primary[block.nodeOf[v]]) {
                sum += block.truth[v];
                floors += floor[v];
            }
        }
        if (sum - floors < interval - 1 - 1e-6) {
            return true;
        }
        for (int j = 1; j < members.length; j++) {
            int v = members[j];
            if (primary[block.nodeOf[v]] && sum - (floors - floor[v]) < threshold - 1e-6) {
                return true;
            }
        }
        return false;
    }
}
