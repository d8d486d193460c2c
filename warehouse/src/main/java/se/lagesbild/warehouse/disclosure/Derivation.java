package se.lagesbild.warehouse.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which relations an {@link Attack} used to bound a count: every bound change is logged in order
 * (the count, and the relation or within-pair that moved it), and a bound's derivation is traced back
 * through the bounds of the relation's other members as they stood <em>before</em> that change. So the
 * trace is acyclic and sound, unlike following each count's last-moved-by pointers, which can loop.
 * The relations found pin the count on their own: while every released member of them stays released,
 * the same arithmetic bounds it again whatever else is hidden, which is what makes them a valid cut for
 * {@link ComplementOptimum}. Both bounds of every member are followed (a superset of what the arithmetic
 * needed, so the cut is weaker than it could be, never wrong).
 */
final class Derivation {
    private final Block block;
    /** The log: what moved each change's bound, whether it was the upper one, and the same count's change before it (−1: none). */
    private int[] by = new int[1024];
    private boolean[] upper = new boolean[1024];
    private int[] previous = new int[1024];
    private int size;
    /** For each count, its last logged change (−1: none). */
    private final int[] last;

    Derivation(Block block) {
        this.block = block;
        last = new int[block.variables()];
        Arrays.fill(last, -1);
    }

    /** Logs that {@code by} (a relation, or −2 − p for within-pair p) moved v's upper or lower bound. */
    void log(int v, int relation, boolean upperBound) {
        if (size == by.length) {
            by = Arrays.copyOf(by, size * 2);
            upper = Arrays.copyOf(upper, size * 2);
            previous = Arrays.copyOf(previous, size * 2);
        }
        by[size] = relation;
        upper[size] = upperBound;
        previous[size] = last[v];
        last[v] = size++;
    }

    /**
     * The relations the bounds of {@code v} were derived from (empty when nothing narrowed them), and in
     * {@code partners} the other counts of the within-pairs used (a numerator within its denominator):
     * a released partner bounds the count as a relation's released member does.
     */
    Set<Integer> relations(int v, Set<Integer> partners) {
        Set<Integer> relations = new TreeSet<>();
        boolean[] expanded = new boolean[size];
        ArrayList<int[]> work = new ArrayList<>();
        work.add(new int[] {v, size});
        while (!work.isEmpty()) {
            int[] item = work.remove(work.size() - 1);
            int x = item[0];
            int before = item[1];
            // the bounds of x as they stood then: its last lower and last upper change before that time
            int e = last[x];
            while (e >= before) {
                e = previous[e];
            }
            int lastLower = -1;
            int lastUpper = -1;
            for (; e >= 0 && (lastLower < 0 || lastUpper < 0); e = previous[e]) {
                if (upper[e] && lastUpper < 0) {
                    lastUpper = e;
                } else if (!upper[e] && lastLower < 0) {
                    lastLower = e;
                }
            }
            for (int change : new int[] {lastLower, lastUpper}) {
                if (change < 0 || expanded[change]) {
                    continue;
                }
                expanded[change] = true;
                // a bound is clamped to the other bound of x as it stood then
                work.add(new int[] {x, change});
                int c = by[change];
                if (c >= 0) {
                    relations.add(c);
                    for (int y : LpAttack.members(block, c)) {
                        if (y != x) {
                            work.add(new int[] {y, change});
                        }
                    }
                } else if (c <= -2) {
                    int[] pair = block.within[-2 - c];
                    int partner = pair[0] == x ? pair[1] : pair[0];
                    partners.add(partner);
                    work.add(new int[] {partner, change});
                }
            }
        }
        return relations;
    }
}
