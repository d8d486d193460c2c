package se.lagesbild.warehouse.disclosure;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * What an attacker can learn of the hidden counts of a {@link Block} from the released ones: for
 * every unknown count, the interval it must lie in given every relation of every hierarchy, that
 * counts are never negative (optionally a listed hidden count at least 1 where the tables never show a
 * zero of it: {@link LpAttack#floors}), and that a numerator never exceeds its denominator where that always
 * holds. Intervals are tightened by propagating each constraint total = Σ parts in turn
 * (a part lies between the total's lower bound minus the others' upper bounds and the total's upper
 * bound minus the others' lower bounds; a total between the sums of its parts' bounds) until no
 * bound moves: this finds every recovery along one relation, every chain of them across
 * hierarchies (a cell recovered from one relation used in the next), and the narrowing that
 * non-negativity brings.
 *
 * <p>It is interval propagation, fast, and what complements are chosen by; the audit's last word
 * is the linear programme ({@link LpAttack}), which also finds the recoveries that need two
 * relations with two unknowns each subtracted from each other.
 * Each bound remembers the constraint that last moved it, so a recovery can be shown as arithmetic.
 */
final class Attack {
    private static final double EPSILON = 1e-7;

    final double[] lo;
    final double[] hi;
    /** The constraint that last moved each bound (-1: none; -2 - p: within-pair p). */
    final int[] loBy;
    final int[] hiBy;
    private final Block block;
    private int[][] byVariable;
    private boolean[] queued;

    private Attack(Block block, boolean[] known, boolean[] nonEmpty) {
        this.block = block;
        int n = block.variables();
        lo = new double[n];
        hi = new double[n];
        loBy = new int[n];
        hiBy = new int[n];
        Arrays.fill(loBy, -1);
        Arrays.fill(hiBy, -1);
        double[] floor = LpAttack.floors(block, known, nonEmpty);
        for (int v = 0; v < n; v++) {
            lo[v] = known[v] ? block.truth[v] : floor[v];
            hi[v] = known[v] ? block.truth[v] : Double.POSITIVE_INFINITY;
        }
    }

    /** While a trial runs: every bound change as (variable, old lo, old hi, old loBy, old hiBy), to undo it. */
    private java.util.List<double[]> undo;

    /**
     * Releases {@code vars} as a trial: their values set, and only the relations they are in
     * propagated onwards from the current bounds (still true of the counts; releasing more only
     * narrows, so this gives the same bounds as attacking afresh, at a fraction of the cost). When no
     * count whose bound moved is {@code exposed}, the new bounds stay and true is returned; otherwise
     * every change is undone. Bounds only narrow as propagation goes on, so an exposed count stays
     * exposed: the trial stops at the first one (most trials in the SVF month tables are refused, and
     * this is what makes releasing complements again affordable there).
     */
    boolean tryRelease(int[] vars, java.util.function.IntPredicate exposed) {
        undo = new java.util.ArrayList<>();
        java.util.List<Integer> start = new java.util.ArrayList<>();
        for (int v : vars) {
            record(v);
            lo[v] = block.truth[v];
            hi[v] = block.truth[v];
            for (int c : byVariable[v]) {
                start.add(c);
            }
            for (int p : pairsOf[v]) {
                if (!pairQueued[p]) {
                    pairQueued[p] = true;
                    pairWork.add(p);
                }
            }
        }
        stopWhen = exposed;
        stopped = java.util.Arrays.stream(vars).anyMatch(exposed::test);
        if (!stopped) {
            propagate(start);
        }
        boolean keep = !stopped;
        stopWhen = null;
        stopped = false;
        if (!keep) {
            for (int i = undo.size() - 1; i >= 0; i--) {
                double[] u = undo.get(i);
                int v = (int) u[0];
                lo[v] = u[1];
                hi[v] = u[2];
                loBy[v] = (int) u[3];
                hiBy[v] = (int) u[4];
            }
        }
        undo = null;
        return keep;
    }

    /** While a trial runs: the counts that end it when their bounds move ({@link #tryRelease}), and whether one did. */
    private java.util.function.IntPredicate stopWhen;
    private boolean stopped;

    private void record(int v) {
        if (undo != null) {
            undo.add(new double[] {v, lo[v], hi[v], loBy[v], hiBy[v]});
        }
    }

    /** Runs the attack: {@code known[v]} says which counts are released. */
    static Attack run(Block block, boolean[] known) {
        return run(block, known, null);
    }

    /** The same, for an attacker who knows the cells {@code nonEmpty} marks (by node; null: none) to hold at least 1 ({@link LpAttack#floors}). */
    static Attack run(Block block, boolean[] known, boolean[] nonEmpty) {
        Attack attack = new Attack(block, known, nonEmpty);
        attack.propagate();
        return attack;
    }

    /** The same attack ({@code nonEmpty} none), logging every bound change so that {@link #derivation} can name the relations used. */
    static Attack logged(Block block, boolean[] known) {
        Attack attack = new Attack(block, known, null);
        attack.derivation = new Derivation(block);
        attack.propagate();
        return attack;
    }

    /** The relations v's bounds were derived from, and the within-pair partners used ({@link #logged} attacks only). */
    java.util.Set<Integer> derivation(int v, java.util.Set<Integer> partners) {
        return derivation.relations(v, partners);
    }

    private Derivation derivation;

    /** Whether v is pinned to one value. */
    boolean exact(int v) {
        return hi[v] - lo[v] <= EPSILON * Math.max(1, Math.abs(lo[v]));
    }

    double width(int v) {
        return hi[v] - lo[v];
    }

    /**
     * Whether v's largest possible value is below {@code minimum} (then a reader knows the count is small).
     * The bounds are sums and differences of whole counts, so a bound within rounding of the minimum is the
     * minimum: found at Sweden's volume, a count bounded at exactly 5 was 5.000000001 when suppression
     * released its neighbour and 4.999999999 when the audit attacked afresh.
     */
    boolean below(int v, double minimum) {
        return hi[v] < minimum - EPSILON * Math.max(1, Math.abs(minimum));
    }

    /**
     * Whether v is narrowed below {@code threshold}: its interval holds fewer than {@code threshold}
     * whole numbers (width below threshold − 1). A cell hidden for "fewer than 5 patients" already
     * tells 0–4, five possibilities; an interval of four or fewer tells more than the reason does.
     */
    boolean narrowed(int v, double threshold) {
        return width(v) < threshold - 1 - EPSILON;
    }

    /**
     * Whether the attacker learns too much of a protected count v: recovered exactly, narrowed to fewer
     * whole values than {@code interval}, or bounded below {@code minimum} (its threshold). The one test
     * suppression, the audit and the optimum's cuts all apply.
     */
    boolean exposed(int v, double interval, double minimum) {
        return exact(v) || narrowed(v, interval) || below(v, minimum);
    }

    private void propagate() {
        java.util.List<Integer> all = new java.util.ArrayList<>();
        for (int c = 0; c < block.constraints(); c++) {
            all.add(c);
        }
        pairsOf = pairsOf();
        pairQueued = new boolean[block.within.length];
        work = new Queue(block.constraints());
        pairWork = new Queue(block.within.length);
        for (int p = 0; p < block.within.length; p++) {
            pairWork.add(p);
            pairQueued[p] = true;
        }
        propagate(all);
    }

    /**
     * Tightens until no bound moves, starting from {@code start}'s constraints: every constraint a
     * moved count is in is tightened again, and so is every within-pair it is in (once the
     * constraints are done, as before: only the pairs whose counts moved are looked at again).
     */
    private void propagate(java.util.List<Integer> start) {
        int constraints = block.constraints();
        if (byVariable == null) {
            byVariable = constraintsOf(constraints);
        }
        Queue work = this.work;
        Queue pairWork = this.pairWork;
        if (queued == null) {
            queued = new boolean[constraints]; // all false again whenever a propagation ends
        }
        boolean[] queued = this.queued;
        for (int c : start) {
            if (!queued[c]) {
                work.add(c);
                queued[c] = true;
            }
        }
        java.util.function.IntConsumer onChange = changed -> {
            if (stopWhen != null && !stopped && stopWhen.test(changed)) {
                stopped = true;
            }
            for (int d : byVariable[changed]) {
                if (!queued[d]) {
                    queued[d] = true;
                    work.add(d);
                }
            }
            for (int p : pairsOf[changed]) {
                if (!pairQueued[p]) {
                    pairQueued[p] = true;
                    pairWork.add(p);
                }
            }
        };
        long budget = 200L * Math.max(1, constraints) + 1_000_000;
        while ((!work.isEmpty() || !pairWork.isEmpty()) && !stopped && budget-- > 0) {
            if (work.isEmpty()) {
                while (!pairWork.isEmpty() && !stopped) {
                    int p = pairWork.poll();
                    pairQueued[p] = false;
                    withinPair(p, onChange);
                }
                continue;
            }
            int c = work.poll();
            queued[c] = false;
            tighten(c, onChange);
        }
        while (!work.isEmpty()) {
            queued[work.poll()] = false; // stopped, or the budget ran out: leave the flags clear for the next propagation
        }
        while (!pairWork.isEmpty()) {
            pairQueued[pairWork.poll()] = false;
        }
    }

    /** For each count, the within-pairs it is in. */
    private int[][] pairsOf() {
        int[] count = new int[block.variables()];
        for (int[] pair : block.within) {
            count[pair[0]]++;
            count[pair[1]]++;
        }
        int[][] of = new int[block.variables()][];
        for (int v = 0; v < of.length; v++) {
            of[v] = new int[count[v]];
        }
        int[] at = new int[block.variables()];
        for (int p = 0; p < block.within.length; p++) {
            for (int v : block.within[p]) {
                of[v][at[v]++] = p;
            }
        }
        return of;
    }

    private int[][] pairsOf;
    private boolean[] pairQueued;
    /** The constraints and within-pairs to tighten again (each at most once: its queued flag says so). */
    private Queue work;
    private Queue pairWork;

    /** A first-in, first-out queue of at most {@code capacity} ints, without boxing. */
    private static final class Queue {
        private final int[] items;
        private int head;
        private int size;

        Queue(int capacity) {
            items = new int[Math.max(1, capacity)];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void add(int item) {
            items[(head + size++) % items.length] = item;
        }

        int poll() {
            int item = items[head];
            head = (head + 1) % items.length;
            size--;
            return item;
        }
    }

    private int[][] constraintsOf(int constraints) {
        int[] count = new int[block.variables()];
        for (int c = 0; c < constraints; c++) {
            count[block.total[c]]++;
            for (int j = block.start[c]; j < block.start[c + 1]; j++) {
                count[block.parts[j]]++;
            }
        }
        int[][] of = new int[block.variables()][];
        for (int v = 0; v < of.length; v++) {
            of[v] = new int[count[v]];
        }
        int[] at = new int[block.variables()];
        for (int c = 0; c < constraints; c++) {
            of[block.total[c]][at[block.total[c]]++] = c;
            for (int j = block.start[c]; j < block.start[c + 1]; j++) {
                of[block.parts[j]][at[block.parts[j]]++] = c;
            }
        }
        return of;
    }

    /** One constraint's bounds on each of its variables. */
    private void tighten(int c, java.util.function.IntConsumer changed) {
        int t = block.total[c];
        double sumLo = 0;
        double sumHi = 0;
        int infinite = 0;
        for (int j = block.start[c]; j < block.start[c + 1]; j++) {
            int p = block.parts[j];
            sumLo += lo[p];
            if (Double.isInfinite(hi[p])) {
                infinite++;
            } else {
                sumHi += hi[p];
            }
        }
        if (raiseLo(t, sumLo, c)) {
            changed.accept(t);
        }
        if (infinite == 0 && lowerHi(t, sumHi, c)) {
            changed.accept(t);
        }
        for (int j = block.start[c]; j < block.start[c + 1]; j++) {
            int p = block.parts[j];
            double othersLo = sumLo - lo[p];
            boolean othersFinite = infinite == 0 || (infinite == 1 && Double.isInfinite(hi[p]));
            double othersHi = Double.isInfinite(hi[p]) ? sumHi : sumHi - hi[p];
            boolean moved = lowerHi(p, hi[t] - othersLo, c);
            if (othersFinite && raiseLo(p, lo[t] - othersHi, c)) {
                moved = true;
            }
            if (moved) {
                changed.accept(p);
            }
        }
    }

    /** A numerator within its denominator: each bounds the other. */
    private void withinPair(int p, java.util.function.IntConsumer changed) {
        int small = block.within[p][0];
        int large = block.within[p][1];
        if (lowerHi(small, hi[large], -2 - p)) {
            changed.accept(small);
        }
        if (raiseLo(large, lo[small], -2 - p)) {
            changed.accept(large);
        }
    }

    private boolean raiseLo(int v, double bound, int by) {
        if (bound > lo[v] + EPSILON * Math.max(1, Math.abs(bound))) {
            record(v);
            lo[v] = Math.min(bound, hi[v]);
            loBy[v] = by;
            if (derivation != null) {
                derivation.log(v, by, false);
            }
            return true;
        }
        return false;
    }

    private boolean lowerHi(int v, double bound, int by) {
        if (bound < hi[v] - EPSILON * Math.max(1, Math.abs(bound))) {
            record(v);
            hi[v] = Math.max(bound, lo[v]);
            hiBy[v] = by;
            if (derivation != null) {
                derivation.log(v, by, true);
            }
            return true;
        }
        return false;
    }
}
