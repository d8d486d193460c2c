package se.lagesbild.warehouse.disclosure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * What an attacker with a linear-programming solver learns of the hidden counts of a {@link Block}:
 * for a hidden count x, the smallest and largest values it can take while every released count
 * keeps its value and every relation holds (min and max of x subject to A·x = b, x ≥ floor), which
 * is the audit of τ-ARGUS and sdcTable (Hundepool et al., Statistical Disclosure Control, Wiley
 * 2012, §4.3.3; Fischetti and Salazar-González, "Solving the cell suppression problem on tabular
 * data with linear constraints", Management Science 47, 2001). Unlike {@link Attack}'s interval
 * propagation it combines relations: two sums with two unknowns each, subtracted, pin a count.
 * The bounds are rounded to whole numbers (counts are); the floor of a hidden count is 0, or 1 for a
 * code's total in the year, which the code's being listed tells to be at least 1 ({@link #floors}).
 *
 * <p>A count hidden by a threshold t is <em>disclosed</em> when the largest value it can take is
 * below t (the attacker knows it is small, whichever reason is published), or its interval holds
 * fewer than the protection interval's number of whole values. Most hidden counts are cleared by
 * one programme per connected group of unknowns that raises every count as far as it needs
 * (Σ min(x, need)); only those it cannot raise get a programme of their own. Solved with ojAlgo
 * (Optimatika, ojalgo.org), exact to 1e-6.
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
     * The floors an attacker can assume: 1 for a hidden count of a cell {@code nonEmpty} marks (null:
     * none) that holds at least 1, else 0. Every table lists every combination of its codes, a cell
     * without data as hidden ({@link Axes}), so a blank may be 0; what an attacker can still take to be
     * at least 1 is a code's total in the year, since the code is listed.
     */
    static double[] floors(Block block, boolean[] known, boolean[] nonEmpty) {
        double[] floor = new double[block.variables()];
        for (int v = 0; v < floor.length; v++) {
            floor[v] = nonEmpty != null && block.published(v) && nonEmpty[block.nodeOf[v]] && !known[v] && block.truth[v] >= 1 ? 1 : 0;
        }
        return floor;
    }

    /** The relations (constraints) of the group of unknowns hidden count {@code v} lies in, given what is {@code known}. */
    static List<Integer> group(Block block, boolean[] known, int v) {
        LpAttack lp = new LpAttack(block, known, floors(block, known, null));
        return lp.component[v] < 0 ? List.of() : Arrays.stream(lp.componentConstraints.get(lp.component[v])).boxed().toList();
    }

    /**
     * Audits {@code targets} (hidden counts) against thresholds: a target is disclosed when its
     * largest possible value is below {@code threshold[i]}, or fewer than {@code interval} whole
     * values remain possible.
     */
    static List<Verdict> audit(Block block, boolean[] known, int[] targets, double[] threshold, double interval) {
        return audit(block, known, targets, threshold, interval, Integer.MAX_VALUE, Long.MAX_VALUE, null);
    }

    /**
     * The same, leaving unsolved ({@link Verdict#audited} false) the counts whose group of unknowns has
     * more than {@code limit} relations, and those not reached within {@code seconds}; the hidden counts of the cells
     * {@code nonEmpty} marks (null: none) start at 1 ({@link #floors}).
     */
    static List<Verdict> audit(Block block, boolean[] known, int[] targets, double[] threshold, double interval, int limit, long seconds,
                               boolean[] nonEmpty) {
        return audit(block, known, targets, threshold, interval, limit, seconds, nonEmpty, null);
    }

    /**
     * The same, skipping every group of unknowns {@code clean} holds (its hidden counts, sorted) and adding to it
     * each group whose every target it clears: a group's programme depends on nothing but which counts are unknown
     * (the released ones keep their values), so a group found clean once is clean again. Null: remembers nothing.
     */
    static List<Verdict> audit(Block block, boolean[] known, int[] targets, double[] threshold, double interval, int limit, long seconds,
                               boolean[] nonEmpty, Set<List<Integer>> clean) {
        LpAttack lp = new LpAttack(block, known, floors(block, known, nonEmpty));
        lp.clean = clean;
        long deadline = seconds == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + seconds * 1_000_000_000L;
        return lp.audit(targets, threshold, interval, limit, deadline);
    }

    /** Groups of unknowns known to disclose nothing ({@link #audit(Block, boolean[], int[], double[], double, int, long, boolean[], Set)}). */
    private Set<List<Integer>> clean;

    /** The hidden counts of group {@code comp}, ascending. */
    private List<Integer> unknownsOf(int comp) {
        if (componentVariables == null) {
            componentVariables = new ArrayList<>();
            for (int i = 0; i < componentConstraints.size(); i++) {
                componentVariables.add(new ArrayList<>());
            }
            for (int v = 0; v < component.length; v++) {
                if (component[v] >= 0) {
                    componentVariables.get(component[v]).add(v);
                }
            }
        }
        return componentVariables.get(comp);
    }

    private List<List<Integer>> componentVariables;

    /** When this audit gives up (System.nanoTime()); Long.MAX_VALUE: never. Each programme is given up by then too. */
    private long deadline = Long.MAX_VALUE;

    private List<Verdict> audit(int[] targets, double[] threshold, double interval, int limit, long deadline) {
        this.deadline = deadline;
        Map<Integer, List<Integer>> byComponent = new HashMap<>();
        for (int i = 0; i < targets.length; i++) {
            byComponent.computeIfAbsent(component[targets[i]], k -> new ArrayList<>()).add(i);
        }
        Verdict[] verdicts = new Verdict[targets.length];
        for (Map.Entry<Integer, List<Integer>> e : byComponent.entrySet()) {
            List<Integer> members = e.getValue();
            double[] need = new double[members.size()];
            int[] vars = new int[members.size()];
            for (int j = 0; j < members.size(); j++) {
                int i = members.get(j);
                vars[j] = targets[i];
                need[j] = Math.max(threshold[i], block.truth[targets[i]] + interval - 1);
            }
            if (componentConstraints.get(e.getKey()).length > limit || System.nanoTime() > deadline) {
                for (int i : members) {
                    verdicts[i] = new Verdict(targets[i], Double.NaN, Double.NaN, false, false, componentConstraints.get(e.getKey()).length, List.of());
                }
                continue;
            }
            int comp = e.getKey();
            int relations = componentConstraints.get(comp).length;
            List<Integer> unknowns = clean == null ? null : unknownsOf(comp);
            if (unknowns != null && clean.contains(unknowns)) {
                for (int i : members) {
                    verdicts[i] = new Verdict(targets[i], Double.NaN, Double.NaN, false, true, relations, List.of());
                }
                continue;
            }
            // up: every target that can reach its true value plus the interval (and its threshold) is clear, its true value
            // being feasible too
            boolean[] cleared = together(comp, vars, need, true, new boolean[vars.length]);
            // then up to the least that protects (the threshold, or the floor plus the interval) and down to that less the
            // interval: both feasible, so the interval is wide enough wherever the true value lies
            double[] up = new double[vars.length];
            double[] down = new double[vars.length];
            for (int j = 0; j < vars.length; j++) {
                up[j] = Math.max(threshold[members.get(j)], floor[vars[j]] + interval - 1);
                down[j] = up[j] - (interval - 1);
            }
            boolean[] raised = together(comp, vars, up, true, cleared);
            boolean[] notRaised = new boolean[vars.length];
            for (int j = 0; j < vars.length; j++) {
                notRaised[j] = cleared[j] || !raised[j];
            }
            boolean[] lowered = together(comp, vars, down, false, notRaised);
            double[] hi = new double[vars.length];
            List<Solved> maxima = new ArrayList<>();
            for (int j = 0; j < vars.length; j++) {
                maxima.add(null);
                if (!cleared[j] && !lowered[j] && System.nanoTime() < deadline) {
                    Solved max = solve(comp, vars[j], true);
                    maxima.set(j, max);
                    hi[j] = Math.floor(max.value + EPSILON);
                }
            }
            for (int j = 0; j < members.size(); j++) {
                int i = members.get(j);
                int v = targets[i];
                if (cleared[j] || lowered[j]) {
                    verdicts[i] = new Verdict(v, Double.NaN, Double.NaN, false, true, relations, List.of());
                    continue;
                }
                if (maxima.get(j) == null || System.nanoTime() > deadline) {
                    verdicts[i] = new Verdict(v, Double.NaN, Double.NaN, false, false, relations, List.of());
                    continue;
                }
                Solved min = solve(comp, v, false);
                if (!min.finished || !maxima.get(j).finished) {
                    verdicts[i] = new Verdict(v, Double.NaN, Double.NaN, false, false, relations, List.of());
                    continue;
                }
                double lo = Math.ceil(min.value - EPSILON);
                boolean disclosed = hi[j] < threshold[i] || hi[j] - lo < interval - 1 - EPSILON;
                List<Integer> pinning = new ArrayList<>();
                if (disclosed) {
                    Set<Integer> binding = new LinkedHashSet<>(maxima.get(j).binding);
                    binding.addAll(min.binding);
                    pinning.addAll(binding);
                }
                verdicts[i] = new Verdict(v, lo, hi[j], disclosed, true, relations, pinning);
            }
            if (unknowns != null && members.stream().allMatch(i -> verdicts[i].audited() && !verdicts[i].disclosed())) {
                clean.add(unknowns);
            }
        }
        return Arrays.asList(verdicts);
    }

    /** A programme's optimum and the block constraints binding at it (those with a non-zero multiplier). */
    private record Solved(double value, List<Integer> binding, boolean finished) {
    }

    /**
     * Programmes over a component that move many targets at once: up, maximise Σ min(x_v, bound_v);
     * down, minimise Σ max(x_v, bound_v). A target that reaches its bound is marked; the rest are tried
     * again together while a round marks any. {@code skip}: targets not to move.
     */
    private boolean[] together(int comp, int[] vars, double[] bound, boolean up, boolean[] skip) {
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
            ExpressionsBasedModel model = newModel();
            Map<Integer, Variable> x = model(model, comp);
            Map<Integer, Variable> y = new HashMap<>();
            for (int j : open) {
                Variable yj = model.addVariable("y" + j).weight(1);
                // up: y ≤ bound and y ≤ x, maximised; down: y ≥ bound and y ≥ x, minimised
                if (up) {
                    yj.lower(0).upper(bound[j]);
                } else {
                    yj.lower(bound[j]);
                }
                Expression link = model.addExpression("link" + j).set(yj, 1).set(unknown(model, x, vars[j]), -1);
                y.put(j, yj);
                if (up) {
                    link.upper(0);
                } else {
                    link.lower(0);
                }
            }
            Optimisation.Result result = up ? model.maximise() : model.minimise();
            progress = false;
            if (!result.getState().isOptimal()) {
                break; // infeasible cannot be (the true counts are feasible); unfinished: the counts go to their own programmes
            }
            for (int j : open) {
                double value = y.get(j).getValue().doubleValue();
                if (up ? value >= bound[j] - EPSILON : value <= bound[j] + EPSILON) {
                    reached[j] = true;
                    progress = true;
                }
            }
        }
        return reached;
    }

    private Solved solve(int comp, int v, boolean maximise) {
        ExpressionsBasedModel model = newModel();
        Map<Integer, Variable> x = model(model, comp);
        unknown(model, x, v).weight(1);
        Optimisation.Result result = maximise ? model.maximise() : model.minimise();
        boolean unbounded = result.getState() == Optimisation.State.UNBOUNDED;
        if (!result.getState().isOptimal() && !unbounded) {
            return new Solved(block.truth[v], List.of(), false); // not finished in time (the true counts are feasible)
        }
        double value = unbounded ? (maximise ? Double.POSITIVE_INFINITY : floor[v]) : x.get(v).getValue().doubleValue();
        List<Integer> binding = new ArrayList<>();
        for (var multiplier : result.getMatchedMultipliers()) {
            String name = multiplier.getKey().getKey().getName();
            if (name.startsWith("c") && Math.abs(multiplier.getValue().doubleValue()) > EPSILON) {
                binding.add(Integer.parseInt(name.substring(1)));
            }
        }
        return new Solved(value, binding, true);
    }

    /** The component's unknowns as variables (from their floor up) and its relations as equalities, known counts moved right. */
    private Map<Integer, Variable> model(ExpressionsBasedModel model, int comp) {
        Map<Integer, Variable> x = new HashMap<>();
        for (int c : componentConstraints.get(comp)) {
            double rhs = 0;
            Expression e = model.addExpression("c" + c);
            int t = block.total[c];
            rhs -= term(model, x, e, t, 1);
            for (int j = block.start[c]; j < block.start[c + 1]; j++) {
                rhs -= term(model, x, e, block.parts[j], -1);
            }
            e.level(BigDecimal.valueOf(rhs));
        }
        for (int p : componentPairs.get(comp)) {
            int[] pair = block.within[p];
            Expression e = model.addExpression("p" + p);
            double rhs = 0;
            rhs -= term(model, x, e, pair[0], 1);
            rhs -= term(model, x, e, pair[1], -1);
            e.upper(BigDecimal.valueOf(rhs));
        }
        return x;
    }

    /** Adds coefficient·x_v to e when v is unknown and returns 0, or returns coefficient·value when it is known. */
    private double term(ExpressionsBasedModel model, Map<Integer, Variable> x, Expression e, int v, double coefficient) {
        if (known[v]) {
            return coefficient * block.truth[v];
        }
        e.set(unknown(model, x, v), coefficient);
        return 0;
    }

    private Variable unknown(ExpressionsBasedModel model, Map<Integer, Variable> x, int v) {
        return x.computeIfAbsent(v, k -> model.addVariable("x" + k).lower(floor[k]));
    }

    private ExpressionsBasedModel newModel() {
        long left = deadline == Long.MAX_VALUE ? TIME_LIMIT_MS : (deadline - System.nanoTime()) / 1_000_000;
        return Programmes.model(Math.max(1, Math.min(TIME_LIMIT_MS, left)));
    }

    /** The variables of constraint c, its total first. */
    static int[] members(Block block, int c) {
        int[] m = new int[block.start[c + 1] - block.start[c] + 1];
        m[0] = block.total[c];
        System.arraycopy(block.parts, block.start[c], m, 1, m.length - 1);
        return m;
    }

    private int[] members(int c) {
        return members(block, c);
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
