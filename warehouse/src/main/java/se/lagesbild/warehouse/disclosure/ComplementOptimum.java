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
 * recovers, narrows or bounds below its threshold, the relations of its whole group of unknowns give a
 * cut: at least one of their released cells must be hidden too, since while all of them stay released
 * the same relations pin the count again, whatever else is hidden. (The relations the solver names as
 * binding at the optimum are not enough: on quality of life 2026 their cuts claimed 13 complements
 * optimal where 10 protect.) The first cuts are those one relation gives alone
 * (a hitting set: {@link #mustHit}: one-step subtractions, and small primary parts of a released
 * total). Each choice is attacked by propagation first ({@link Attack}): a count it pins gives the
 * cut of the relations its arithmetic used ({@link Derivation}), whatever the size of its group of
 * unknowns; only when propagation learns nothing does the programme attack. The loop ends when the
 * attack learns nothing: that choice is optimal, as every cut holds for every protective pattern.
 * The 0–1 programme has half the time: ojAlgo slows down (and overruns its limit) once the cuts number
 * hundreds, so the rest of the time goes to the programme's relaxation (0 ≤ z ≤ 1, each cell it hides
 * at all hidden and attacked), whose value is a lower bound as well. When time runs out first, or the
 * attack leaves counts unsolved ({@link #ATTACK_LIMIT}), the largest of these values is a lower bound on
 * the optimum (any set of valid cuts gives one).
 *
 * <p>The same loop finds the least <em>cost</em> ({@link Measure#COST}): each cell hidden weighs what
 * {@link Cost} says hiding it costs a reader, the measure the heuristic ({@link Suppression}) minimises;
 * the cuts do not depend on the weights. The count measures what the issue asks (fewest complements);
 * the cost measures the heuristic against its own aim, which spares headline figures (Riket, a
 * region's year) at the price of more, smaller cells.
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
     * The most one relaxed programme may take: ojAlgo solves most in a fraction of a second, but on PREM 2026 (demo, 802
     * cuts) one ran 57 s without an optimum; the 0–1 programme then goes on from the cuts gathered.
     */
    static final long RELAXATION_MILLISECONDS = 5_000;

    /**
     * The most cuts the 0–1 programme is given. Past them ojAlgo overran its time limit by minutes: on stage 2026 (demo) the
     * second round, 3,056 cuts, ran 146 s against a limit of 30 s and failed, so the benchmark took 77 s for a table given
     * 60 s. With the limit the relaxation goes on from those cuts (its bound is the same, 350, and the table takes 15–18 s).
     */
    static final int INTEGRAL_CUTS = 2_000;

    /** What is minimised: the number of complements (each counts 1), or their cost as the heuristic weighs it ({@link Cost}). */
    public enum Measure { COMPLEMENTS, COST }

    /**
     * @param measure what {@code least} and {@code pattern} measure
     * @param least   the least that protects the table (exact when {@code optimal}), else a lower bound: the fewest complements
     *                (a whole number) or their least cost
     * @param pattern the pattern's complements, in the same measure
     * @param optimal whether the loop ended with a pattern the attack learns nothing from
     * @param rounds  how many 0–1 programmes were solved
     */
    public record Result(Measure measure, double least, double pattern, boolean optimal, int rounds, int cuts, double seconds) {
        /** The fewest complements (or their bound), for {@link Measure#COMPLEMENTS}. */
        public int complements() {
            return (int) Math.round(least);
        }

        /** The pattern beside the least (or its bound): 1 when both are 0. */
        public double ratio() {
            return least == 0 ? (pattern == 0 ? 1 : Double.POSITIVE_INFINITY) : pattern / least;
        }
    }

    /** The fewest complements for one family's counts in one year, with primaries as {@code pattern} has them, within {@code seconds}. */
    public static Result of(List<CellCounts> counts, DisclosurePattern pattern, DisclosureRules rules, Hierarchy.Dimensions dimensions,
                            long seconds) {
        return of(counts, pattern, rules, dimensions, seconds, Measure.COMPLEMENTS);
    }

    /**
     * The least that protects one family's counts in one year by {@code measure}, with primaries as {@code pattern} has
     * them, within {@code seconds}. The cuts are the same whatever the measure: they hold for every protective pattern.
     */
    public static Result of(List<CellCounts> counts, DisclosurePattern pattern, DisclosureRules rules, Hierarchy.Dimensions dimensions,
                            long seconds, Measure measure) {
        return of(counts, pattern, rules, dimensions, seconds, measure, cell -> false);
    }

    /**
     * The same with the cells {@code kept} selects held as {@code pattern} has them (hidden or released): the least that
     * protects the table when only the other cells may be chosen, and only they are counted, in the least and in the pattern.
     * This measures one step of the heuristic against the fewest that step could use, e.g. the population groups' complements
     * once the figures without groups are decided. A cut whose released cells are all held released cannot be met, and the
     * loop stops with the bound it has.
     */
    static Result of(List<CellCounts> counts, DisclosurePattern pattern, DisclosureRules rules, Hierarchy.Dimensions dimensions,
                     long seconds, Measure measure, java.util.function.Predicate<Cell> kept) {
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        Audit.Table table = Audit.Table.of(counts, dimensions);
        List<Cell> cells = table.cells();
        Block block = table.block();
        boolean[] primary = new boolean[cells.size()];
        // a held cell is decided: hidden, it is hidden in every choice (like a primary, at no cost); released, it is never chosen
        boolean[] hiddenByPattern = new boolean[cells.size()];
        boolean[] given = new boolean[cells.size()];
        boolean[] never = new boolean[cells.size()];
        for (int n = 0; n < cells.size(); n++) {
            primary[n] = pattern.primary(cells.get(n));
            hiddenByPattern[n] = pattern.hidden(cells.get(n));
            boolean held = !primary[n] && kept.test(cells.get(n));
            given[n] = primary[n] || held && hiddenByPattern[n];
            never[n] = held && !hiddenByPattern[n];
        }
        double[] weight = measure == Measure.COST ? Cost.of(cells, table.quantities()) : ones(cells.size());
        double patternValue = Cost.ofComplements(hiddenByPattern, given, weight);
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
            return new Result(measure, 0, patternValue, true, 0, 0, (System.nanoTime() - start) / 1e9);
        }
        int[] t = targets.stream().mapToInt(Integer::intValue).toArray();
        double[] m = minimums.stream().mapToDouble(Double::doubleValue).toArray();
        Set<Set<Integer>> cuts = new LinkedHashSet<>();
        for (List<Integer> relation : mustHit(block, primary, table.quantities(), rules)) {
            if (relation.stream().noneMatch(n -> given[n])) {
                Set<Integer> cut = new TreeSet<>(relation);
                cut.removeIf(n -> never[n]);
                cuts.add(cut);
            }
        }
        if (cuts.contains(Set.<Integer>of())) {
            return new Result(measure, 0, patternValue, false, 0, cuts.size(), (System.nanoTime() - start) / 1e9);
        }
        int[] rounds = {0};
        double bound = 0;
        // the 0–1 programme for half the time, while the cuts are few enough for ojAlgo: when the attack learns nothing from its
        // choice, that choice is optimal
        long half = start + (deadline - start) / 2;
        while (cuts.size() <= INTEGRAL_CUTS) {
            Choice choice = choose(weight, given, never, cuts, true, half, rounds);
            if (choice == null) {
                break;
            }
            bound = Math.max(bound, choice.value());
            Attacked attacked = attack(block, choice.hidden(), never, t, m, rules, cuts, half);
            if (attacked.added() == 0) {
                return new Result(measure, measure == Measure.COMPLEMENTS ? Math.round(bound) : bound, patternValue,
                        !attacked.unprotectable() && !attacked.unsolved(), rounds[0], cuts.size(), (System.nanoTime() - start) / 1e9);
            }
        }
        // then its relaxation (0 ≤ z ≤ 1), fast where ojAlgo's 0–1 programme slows down with hundreds of cuts: each cell it
        // hides at all is hidden and attacked, and its value is a lower bound too
        while (System.nanoTime() < deadline) {
            Choice relaxed = choose(weight, given, never, cuts, false, deadline, rounds);
            if (relaxed == null) {
                break;
            }
            bound = Math.max(bound, relaxed.value());
            if (attack(block, relaxed.hidden(), never, t, m, rules, cuts, deadline).added() == 0) {
                break;
            }
        }
        // a count of complements is a whole number, so its bound rounds up
        return new Result(measure, measure == Measure.COMPLEMENTS ? Math.ceil(bound - 1e-6) : bound, patternValue, false, rounds[0], cuts.size(),
                (System.nanoTime() - start) / 1e9);
    }

    /** A choice of cells to hide (primaries and every complement the programme hides at all) and the programme's value. */
    private record Choice(boolean[] hidden, double value) {
    }

    private static double[] ones(int cells) {
        double[] ones = new double[cells];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }

    /**
     * The programme's choice under the cuts (0–1, or its relaxation), hiding cell n at {@code weight[n]}, or null when time ran out
     * first. The {@code given} cells (primaries, and cells held hidden) are hidden in every choice, the {@code never} cells in none.
     */
    private static Choice choose(double[] weight, boolean[] given, boolean[] never, Set<Set<Integer>> cuts, boolean integral, long deadline,
                                 int[] rounds) {
        int cells = weight.length;
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            return null;
        }
        ExpressionsBasedModel mip = Programmes.model(integral ? left : Math.min(left, RELAXATION_MILLISECONDS));
        mip.options.sparse = null; // ojAlgo chooses
        Map<Integer, Variable> hide = new HashMap<>();
        for (int n = 0; n < cells; n++) {
            if (!given[n] && !never[n]) {
                Variable z = mip.addVariable("z" + n).weight(weight[n]);
                hide.put(n, integral ? z.binary() : z.lower(0).upper(1));
            }
        }
        int row = 0;
        for (Set<Integer> cut : cuts) {
            Expression hit = mip.addExpression("cut" + row++).lower(1);
            cut.forEach(n -> hit.set(hide.get(n), 1));
        }
        Optimisation.Result result = mip.minimise();
        rounds[0]++;
        if (!result.getState().isOptimal()) {
            return null;
        }
        boolean[] hidden = given.clone();
        hide.forEach((n, z) -> hidden[n] = z.getValue().doubleValue() > (integral ? 0.5 : 1e-6));
        return new Choice(hidden, result.getValue());
    }

    /** What attacking a choice gave: new cuts, and whether counts were left unsolved or cannot be protected. */
    private record Attacked(int added, boolean unsolved, boolean unprotectable) {
    }

    /**
     * Attacks a choice, propagation first, then the programme, adding a cut for every count it learns too much of: the released
     * cells that pin it, less the {@code never} cells, which cannot be hidden.
     */
    private static Attacked attack(Block block, boolean[] hidden, boolean[] never, int[] t, double[] m, DisclosureRules rules, Set<Set<Integer>> cuts,
                                   long deadline) {
        boolean[] known = Suppression.known(block, hidden);
        // propagation first: what it learns, the programme learns too, and its arithmetic names the relations at
        // once, however large the group of unknowns (the programme gives no cut past ATTACK_LIMIT)
        int propagated = propagationCuts(block, known, hidden, never, t, m, rules.interval(), cuts);
        if (propagated > 0) {
            return new Attacked(propagated, false, false);
        }
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
            // every relation of the count's group of unknowns, whose released members, all kept released, pin it again
            // however else the table is hidden. (Only the relations the solver names as binding, those with a non-zero
            // multiplier, gave cuts that were too strong: with them quality of life 2026 on the demo was "optimal" at 13
            // complements, while a pattern of 10 passes the audit.)
            Set<Integer> cut = releasedCells(block, LpAttack.group(block, known, verdict.variable()), Set.of(), hidden, never);
            if (cut.isEmpty()) {
                unprotectable = true;
            } else if (cuts.add(cut)) {
                added++;
            }
        }
        return new Attacked(added, unsolved, unprotectable);
    }

    /**
     * Cuts from the propagation attack on a choice: for every primary count it recovers, narrows or
     * bounds below its threshold, the released cells of the relations its bounds were derived from
     * ({@link Derivation}): while all of them stay released, the same arithmetic pins the count again.
     * Returns how many new cuts were added.
     */
    private static int propagationCuts(Block block, boolean[] known, boolean[] hidden, boolean[] never, int[] targets, double[] minimums, double interval,
                                       Set<Set<Integer>> cuts) {
        Attack attack = Attack.logged(block, known);
        int added = 0;
        for (int i = 0; i < targets.length; i++) {
            int v = targets[i];
            if (!attack.exposed(v, interval, minimums[i])) {
                continue;
            }
            Set<Integer> partners = new TreeSet<>();
            Set<Integer> cut = releasedCells(block, attack.derivation(v, partners), partners, hidden, never);
            if (!cut.isEmpty() && cuts.add(cut)) {
                added++;
            }
        }
        return added;
    }

    /**
     * The cut of an attack's arithmetic: the released cells among the members of {@code relations} and
     * the {@code partners} (counts of within-pairs it used). While all of them stay released, the same
     * arithmetic bounds the count again, whatever else is hidden. The {@code never} cells, which cannot be hidden, are left out.
     */
    private static Set<Integer> releasedCells(Block block, Iterable<Integer> relations, Set<Integer> partners, boolean[] hidden,
                                              boolean[] never) {
        Set<Integer> counts = new TreeSet<>(partners);
        for (int c : relations) {
            for (int v : LpAttack.members(block, c)) {
                counts.add(v);
            }
        }
        Set<Integer> cells = new TreeSet<>();
        for (int v : counts) {
            int n = block.nodeOf[v];
            if (n < hidden.length && !hidden[n] && !never[n]) {
                cells.add(n);
            }
        }
        return cells;
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
