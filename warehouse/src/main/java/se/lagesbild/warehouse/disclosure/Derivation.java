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
    private int[] by = new int[1024];
    private boolean[] upper = new boolean[1024];
    private int size;
    /** For each count, the indices of its logged changes, in order. */
    private final ArrayList<int[]> changesOf = new ArrayList<>();
    private int[] changesSize;

    Derivation(Block block) {
        this.block = block;
        changesSize = new int[block.variables()];
        for (int v = 0; v < block.variables(); v++) {
            changesOf.add(null);
        }
    }

    /** Logs that {@code by} (a relation, or −2 − p for within-pair p) moved v's upper or lower bound. */
    void log(int v, int relation, boolean upperBound) {
        if (size == by.length) {
            by = Arrays.copyOf(by, size * 2);
            upper = Arrays.copyOf(upper, size * 2);
        }
        by[size] = relation;
        upper[size] = upperBound;
        int[] mine = changesOf.get(v);
        if (mine == null || changesSize[v] == mine.length) {
            mine = mine == null ? new int[4] : Arrays.copyOf(mine, mine.length * 2);
            changesOf.set(v, mine);
        }
        mine[changesSize[v]++] = size++;
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
            int[] mine = changesOf.get(x);
            // the bounds of x as they stood then: its last lower and last upper change before that time
            int lastLower = -1;
            int lastUpper = -1;
            for (int i = 0; mine != null && i < changesSize[x] && mine[i] < before; i++) {
                if (upper[mine[i]]) {
                    lastUpper = mine[i];
                } else {
                    lastLower = mine[i];
                }
            }
            for (int e : new int[] {lastLower, lastUpper}) {
                if (e < 0 || expanded[e]) {
                    continue;
                }
                expanded[e] = true;
                // a bound is clamped to the other bound of x as it stood then
                work.add(new int[] {x, e});
                int c = by[e];
                if (c >= 0) {
                    relations.add(c);
                    for (int y : LpAttack.members(block, c)) {
                        if (y != x) {
                            work.add(new int[] {y, e});
                        }
                    }
                } else if (c <= -2) {
                    int[] pair = block.within[-2 - c];
                    int partner = pair[0] == x ? pair[1] : pair[0];
                    partners.add(partner);
                    work.add(new int[] {partner, e});
                }
            }
        }
        return relations;
    }
}
