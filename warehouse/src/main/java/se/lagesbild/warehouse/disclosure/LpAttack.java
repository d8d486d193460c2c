package se.lagesbild.warehouse.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * What an attacker with a linear-programming solver learns of the hidden counts of a {@link Block}:
 * for a hidden count x, the smallest and largest values it can take while every released count
 * keeps its value and every relation holds (min and max of x subject to A·x = b, x ≥ floor), which
 * is the audit of τ-ARGUS and sdcTable (Hundepool et al., Statistical Disclosure Control, Wiley
 * 2012, §4.3.3; Fischetti and Salazar-González, "Solving the cell suppression problem on tabular
 * data with linear constraints", Management Science 47, 2001). Unlike {@link Attack}'s interval
 * propagation it combines relations: two sums with two unknowns each, subtracted, pin a count.
 * The bounds are rounded to whole numbers (counts are); the floor of a hidden count is 0, or, for an
 * attacker who assumes it ({@code presence}), 1 where the released tables never show a zero of that
 * count (a sparse table that omits empty cells tells that a listed cell is not empty).
 *
 * <p>A count hidden by a threshold t is <em>disclosed</em> when the largest value it can take is
 * below t (the attacker knows it is small, whichever reason is published), or its interval holds
 * fewer than the protection interval's number of whole values. Most hidden counts are cleared by
 * one programme per connected group of unknowns that raises every count as far as it needs
 * (Σ min(x, need)); only those it cannot raise get a programme of their own. Solved with GLOP,
 * the simplex of Google's OR-Tools (developers.google.com/optimization), exact to 1e-6; a group's
 * programme is built once and re-solved with each count as its objective.
 *
 * <p>Limit: groups of more relations than the caller's limit are not solved (their counts are
 * returned unaudited and are attacked by propagation alone). Tried and dropped for them: judging each
 * count in a neighbourhood of the group with every other unknown held at its true value (sound, as
 * a neighbourhood's tables are tables of the group, but on the demo's SVF month tables a
 * neighbourhood of 3,000 relations, breadth first or a box of siblings along every dimension, held
 * every count at its true value while the whole group's programme lets it range over 0–18); and the
 * whole group of 69,861 relations at once (GLOP: about 8 s a programme, over 11,000 counts).
 */
final class LpAttack {
    private static final double EPSILON = 1e-6;
    /** A programme that has not finished in this time is given up: its counts are left unsolved, never called safe. */
    private static final long TIME_LIMIT_MS = 20_000;

    /**
     * One hidden count's verdict: its whole-number bounds, and the relations that pin them when it is disclosed.
     *
     * @param audited false when the hidden count lies in a group of unknowns larger than the programme's limit, or its
     *                programme did not finish in time (not solved)
     */
    record Verdict(int variable, double lo, double hi, boolean disclosed, boolean audited, int relations, List<Integer> pinning) {
    }

    private final Block block;
    private final boolean[] known;
    /** Stop at the first count disclosed or left unsolved (a yes/no question: does this pattern hold?). */
    private boolean stopAtFirst;
    private boolean stopped;
    private final double[] floor;
    /** For each unknown variable its component, -1 for known ones. */
    private final int[] component;
    private final List<int[]> componentConstraints = new ArrayList<>();
    private final List<int[]> componentPairs = new ArrayList<>();

    private LpAttack(Block block, boolean[] known, double[] floor) {
        this.block = block;
        this.known = known;
        this.floor = floor;
        int n = block.variables();
        int[] parent = new int[n];
        for (int v = 0; v < n; v++) {
            parent[v] = v;
        }
        for (int c = 0; c < block.constraints(); c++) {
            int first = -1;
            for (int v : members(c)) {
                if (!known[v]) {
                    if (first < 0) {
                        first = v;
                    } else {
                        union(parent, first, v);
                    }
                }
            }
        }
        for (int[] pair : block.within) {
            if (!known[pair[0]] && !known[pair[1]]) {
                union(parent, pair[0], pair[1]);
            }
        }
        component = new int[n];
        Map<Integer, Integer> ids = new HashMap<>();
        for (int v = 0; v < n; v++) {
            component[v] = known[v] ? -1 : ids.computeIfAbsent(find(parent, v), k -> ids.size());
        }
        List<List<Integer>> constraints = new ArrayList<>();
        List<List<Integer>> pairs = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            constraints.add(new ArrayList<>());
            pairs.add(new ArrayList<>());
        }
        for (int c = 0; c < block.constraints(); c++) {
            for (int v : members(c)) {
                if (!known[v]) {
                    constraints.get(component[v]).add(c);
                    break;
                }
            }
        }
        for (int p = 0; p < block.within.length; p++) {
            int[] pair = block.within[p];
            int v = known[pair[0]] ? pair[1] : pair[0];
            if (!known[v]) {
                pairs.get(component[v]).add(p);
            }
        }
        constraints.forEach(l -> componentConstraints.add(l.stream().mapToInt(Integer::intValue).toArray()));
        pairs.forEach(l -> componentPairs.add(l.stream().mapToInt(Integer::intValue).toArray()));
    }

    /**
     * The unknowns (with {@code known} as given) in the groups that hold any of {@code variables}: what a
     * change to those variables can affect.
     */
    static Set<Integer> linked(Block block, boolean[] known, int[] variables) {
        LpAttack lp = new LpAttack(block, known, new double[block.variables()]);
        Set<Integer> groups = new java.util.HashSet<>();
        for (int v : variables) {
            if (!known[v]) {
                groups.add(lp.component[v]);
            }
        }
        Set<Integer> linked = new java.util.HashSet<>();
        for (int v = 0; v < block.variables(); v++) {
            if (!known[v] && groups.contains(lp.component[v])) {
                linked.add(v);
            }
        }
        return linked;
    }

    /**
     * The floors an attacker can assume: with {@code presence}, 1 for a hidden count of a kind the block
     * never shows as 0 (listed means at least one), else 0.
     */
    static double[] floors(Block block, boolean[] known, boolean presence) {
        int quantities = block.quantityNames.size();
        boolean[] zeroSeen = new boolean[quantities];
        for (int v = 0; v < block.variables(); v++) {
            if (block.published(v) && Math.abs(block.truth[v]) < EPSILON) {
                zeroSeen[block.quantityOf[v]] = true;
            }
        }
        double[] floor = new double[block.variables()];
        for (int v = 0; v < floor.length; v++) {
            floor[v] = presence && block.published(v) && !known[v] && !zeroSeen[block.quantityOf[v]] ? 1 : 0;
        }
        return floor;
    }

    /**
     * Audits {@code targets} (hidden counts) against thresholds: a target is disclosed when its
     * largest possible value is below {@code threshold[i]}, or fewer than {@code interval} whole
     * values remain possible.
     */
    static List<Verdict> audit(Block block, boolean[] known, int[] targets, double[] threshold, double interval) {
        return audit(block, known, targets, threshold, interval, Integer.MAX_VALUE, Long.MAX_VALUE, false);
    }

    /**
     * The same, leaving unsolved ({@link Verdict#audited} false) the counts whose group of unknowns has
     * more than {@code limit} relations, and those not reached within {@code seconds}; with {@code presence}, listed
     * blanks start at 1 ({@link #floors}).
     */
    static List<Verdict> audit(Block block, boolean[] known, int[] targets, double[] threshold, double interval, int limit, long seconds,
                               boolean presence) {
        LpAttack lp = new LpAttack(block, known, floors(block, known, presence));
        long deadline = seconds == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + seconds * 1_000_000_000L;
        return lp.audit(targets, threshold, interval, limit, deadline);
    }

    /**
     * Whether no target is disclosed and every one is solved: as {@link #audit}, stopping at the first
     * count that is not.
     */
    static boolean holds(Block block, boolean[] known, int[] targets, double[] threshold, double interval, int limit) {
        LpAttack lp = new LpAttack(block, known, floors(block, known, false));
        lp.stopAtFirst = true;
        List<Verdict> verdicts = lp.audit(targets, threshold, interval, limit, Long.MAX_VALUE);
        return !lp.stopped && verdicts.stream().allMatch(v -> v != null && v.audited() && !v.disclosed());
    }

    private List<Verdict> audit(int[] targets, double[] threshold, double interval, int limit, long deadline) {
        Map<Integer, List<Integer>> byComponent = new HashMap<>();
        for (int i = 0; i < targets.length; i++) {
            byComponent.computeIfAbsent(component[targets[i]], k -> new ArrayList<>()).add(i);
        }
        Verdict[] verdicts = new Verdict[targets.length];
        for (Map.Entry<Integer, List<Integer>> e : byComponent.entrySet()) {
            int comp = e.getKey();
            List<Integer> members = e.getValue();
            int relations = componentConstraints.get(comp).length;
            if (stopped) {
                break;
            }
            if (relations <= limit) {
                judge(new Scope(componentConstraints.get(comp), componentPairs.get(comp)), members, targets, threshold, interval, deadline,
                        verdicts);
            } else {
                for (int i : members) {
                    verdicts[i] = new Verdict(targets[i], Double.NaN, Double.NaN, false, false, relations, List.of());
                }
            }
        }
        return Arrays.asList(verdicts);
    }

    /**
     * Judges {@code members} (indices into targets) over {@code scope}: those the programmes move far
     * enough are cleared; the rest get their own minimum and maximum.
     */
    private void judge(Scope scope, List<Integer> members, int[] targets, double[] threshold, double interval, long deadline,
                       Verdict[] verdicts) {
        int relations = scope.constraints().length;
        double[] need = new double[members.size()];
        int[] vars = new int[members.size()];
        for (int j = 0; j < members.size(); j++) {
            int i = members.get(j);
            vars[j] = targets[i];
            need[j] = Math.max(threshold[i], block.truth[targets[i]] + interval - 1);
        }
        if (System.nanoTime() > deadline) {
            for (int i : members) {
                verdicts[i] = new Verdict(targets[i], Double.NaN, Double.NaN, false, false, relations, List.of());
            }
            return;
        }
        // up: every target that can reach its true value plus the interval (and its threshold) is clear, its true value
        // being feasible too
        boolean[] cleared = together(scope, vars, need, true, new boolean[vars.length], deadline);
        // then up to the least that protects (the threshold, or the floor plus the interval) and down to that less the
        // interval: both feasible, so the interval is wide enough wherever the true value lies
        double[] up = new double[vars.length];
        double[] down = new double[vars.length];
        for (int j = 0; j < vars.length; j++) {
            up[j] = Math.max(threshold[members.get(j)], floor[vars[j]] + interval - 1);
            down[j] = up[j] - (interval - 1);
        }
        boolean[] raised = together(scope, vars, up, true, cleared, deadline);
        boolean[] notRaised = new boolean[vars.length];
        for (int j = 0; j < vars.length; j++) {
            notRaised[j] = cleared[j] || !raised[j];
        }
        boolean[] lowered = together(scope, vars, down, false, notRaised, deadline);
        Programme own = null;
        try {
            for (int j = 0; j < members.size(); j++) {
            int i = members.get(j);
            int v = targets[i];
            if (cleared[j] || lowered[j]) {
                verdicts[i] = new Verdict(v, Double.NaN, Double.NaN, false, true, relations, List.of());
                continue;
            }
            if (System.nanoTime() > deadline) {
                verdicts[i] = new Verdict(v, Double.NaN, Double.NaN, false, false, relations, List.of());
                continue;
            }
            if (own == null) {
                own = new Programme(scope);
            }
            Solved max = solve(own, v, true);
            Solved min = max.finished ? solve(own, v, false) : max;
            if (!min.finished || !max.finished) {
                verdicts[i] = new Verdict(v, Double.NaN, Double.NaN, false, false, relations, List.of());
                continue;
            }
            double hi = Math.floor(max.value + EPSILON);
            double lo = Math.ceil(min.value - EPSILON);
            boolean disclosed = hi < threshold[i] || hi - lo < interval - 1 - EPSILON;
            List<Integer> pinning = new ArrayList<>();
            if (disclosed) {
                Set<Integer> binding = new LinkedHashSet<>(max.binding);
                binding.addAll(min.binding);
                pinning.addAll(binding);
            }
            verdicts[i] = new Verdict(v, lo, hi, disclosed, true, relations, pinning);
            stopped |= stopAtFirst && disclosed;
            if (stopped) {
                return;
            }
            }
        } finally {
            if (own != null) {
                own.close();
            }
        }
    }

    /** What a programme is written over: a group's relations (constraints) and numerator-within-denominator pairs. */
    private record Scope(int[] constraints, int[] pairs) {
    }

    /** A programme's optimum and the block constraints binding at it (those with a non-zero dual value). */
    private record Solved(double value, List<Integer> binding, boolean finished) {
    }

    /**
     * Programmes over a scope that move many targets at once: up, maximise Σ min(x_v, bound_v);
     * down, minimise Σ max(x_v, bound_v). A target that reaches its bound is marked; the rest are tried
     * again together while a round marks any. {@code skip}: targets not to move.
     */
    private boolean[] together(Scope scope, int[] vars, double[] bound, boolean up, boolean[] skip, long deadline) {
        boolean[] reached = new boolean[vars.length];
        boolean progress = true;
        while (progress && System.nanoTime() < deadline) {
            List<Integer> open = new ArrayList<>();
            for (int j = 0; j < vars.length; j++) {
                if (!reached[j] && !skip[j]) {
                    open.add(j);
                }
            }
            if (open.isEmpty()) {
                break;
            }
            Programme programme = new Programme(scope);
            try {
                MPSolver solver = programme.solver;
                Map<Integer, MPVariable> y = new HashMap<>();
                MPObjective objective = solver.objective();
                for (int j : open) {
                    // up: y ≤ bound and y ≤ x, maximised; down: y ≥ bound and y ≥ x, minimised
                    MPVariable yj = up ? solver.makeNumVar(0, bound[j], "y" + j) : solver.makeNumVar(bound[j], MPSolver.infinity(), "y" + j);
                    MPConstraint link = up ? solver.makeConstraint(-MPSolver.infinity(), 0, "l" + j) : solver.makeConstraint(0, MPSolver.infinity(), "l" + j);
                    link.setCoefficient(yj, 1);
                    link.setCoefficient(programme.unknown(vars[j]), -1);
                    objective.setCoefficient(yj, 1);
                    y.put(j, yj);
                }
                if (up) {
                    objective.setMaximization();
                } else {
                    objective.setMinimization();
                }
                MPSolver.ResultStatus status = solver.solve();
                progress = false;
                if (status != MPSolver.ResultStatus.OPTIMAL) {
                    break; // infeasible cannot be (the true counts are feasible); unfinished: the counts go to their own programmes
                }
                for (int j : open) {
                    double value = y.get(j).solutionValue();
                    if (up ? value >= bound[j] - EPSILON : value <= bound[j] + EPSILON) {
                        reached[j] = true;
                        progress = true;
                    }
                }
            } finally {
                programme.close();
            }
        }
        return reached;
    }

    /** The smallest or largest value of v over a programme (kept open for the scope's other counts). */
    private Solved solve(Programme programme, int v, boolean maximise) {
        MPObjective objective = programme.solver.objective();
        objective.clear();
        objective.setCoefficient(programme.unknown(v), 1);
        if (maximise) {
            objective.setMaximization();
        } else {
            objective.setMinimization();
        }
        MPSolver.ResultStatus status = programme.solver.solve();
        if (status == MPSolver.ResultStatus.UNBOUNDED) {
            return new Solved(maximise ? Double.POSITIVE_INFINITY : floor[v], List.of(), true);
        }
        if (status != MPSolver.ResultStatus.OPTIMAL) {
            return new Solved(block.truth[v], List.of(), false); // not finished in time (the true counts are feasible)
        }
        List<Integer> binding = new ArrayList<>();
        for (int k = 0; k < programme.rows.size(); k++) {
            if (Math.abs(programme.rows.get(k).dualValue()) > EPSILON) {
                binding.add(programme.constraintOf.get(k));
            }
        }
        return new Solved(programme.unknown(v).solutionValue(), binding, true);
    }

    /**
     * The attacker's programme over a scope: its moving unknowns as variables (from their floor up), its
     * relations as equalities and its pairs as inequalities, known counts (and those held) moved right.
     * Native memory: {@link #close} when done.
     */
    private final class Programme implements AutoCloseable {
        final MPSolver solver = Programmes.linear(TIME_LIMIT_MS);
        final Map<Integer, MPVariable> x = new HashMap<>();
        /** The rows, and for each the block constraint it is (a pair p: -1 - p). */
        final List<MPConstraint> rows = new ArrayList<>();
        final List<Integer> constraintOf = new ArrayList<>();
        private final Scope scope;

        Programme(Scope scope) {
            this.scope = scope;
            for (int c : scope.constraints()) {
                double rhs = 0;
                List<int[]> terms = new ArrayList<>();
                rhs -= term(terms, block.total[c], 1);
                for (int j = block.start[c]; j < block.start[c + 1]; j++) {
                    rhs -= term(terms, block.parts[j], -1);
                }
                MPConstraint row = solver.makeConstraint(rhs, rhs, "c" + c);
                terms.forEach(t -> row.setCoefficient(unknown(t[0]), row.getCoefficient(unknown(t[0])) + t[1]));
                rows.add(row);
                constraintOf.add(c);
            }
            for (int p : scope.pairs()) {
                int[] pair = block.within[p];
                List<int[]> terms = new ArrayList<>();
                double rhs = -term(terms, pair[0], 1) - term(terms, pair[1], -1);
                MPConstraint row = solver.makeConstraint(-MPSolver.infinity(), rhs, "p" + p);
                terms.forEach(t -> row.setCoefficient(unknown(t[0]), row.getCoefficient(unknown(t[0])) + t[1]));
                rows.add(row);
                constraintOf.add(-1 - p);
            }
        }

        /**
         * Adds (v, coefficient) to terms when v is unknown and returns 0, or returns coefficient·value when it is known.
         */
        private double term(List<int[]> terms, int v, int coefficient) {
            if (known[v]) {
                return coefficient * block.truth[v];
            }
            terms.add(new int[] {v, coefficient});
            return 0;
        }

        MPVariable unknown(int v) {
            return x.computeIfAbsent(v, k -> solver.makeNumVar(floor[k], MPSolver.infinity(), "x" + k));
        }

        @Override
        public void close() {
            solver.delete();
        }
    }

    /** The variables of constraint c (total first), or of pair -1 - c. */
    static int[] members(Block block, int c) {
        if (c < 0) {
            return block.within[-1 - c].clone();
        }
        int[] m = new int[block.start[c + 1] - block.start[c] + 1];
        m[0] = block.total[c];
        System.arraycopy(block.parts, block.start[c], m, 1, m.length - 1);
        return m;
    }

    private int[] members(int c) {
        int[] m = new int[block.start[c + 1] - block.start[c] + 1];
        m[0] = block.total[c];
        System.arraycopy(block.parts, block.start[c], m, 1, m.length - 1);
        return m;
    }

    private static int find(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }
}
