package se.lagesbild.warehouse.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import se.lagesbild.warehouse.indicators.Cell;

/**
 * One disclosure problem: the cells of an indicator family in one calendar year (no hierarchy
 * crosses a year), each with the additive counts it publishes, as linear constraints an attacker
 * can use. A variable is one count of one node (a cell, or an unpublished part: a split region's
 * half, or what a total holds beyond its listed parts); a constraint says a total variable is the
 * sum of its part variables. Each relation of the {@link Hierarchy} is checked against the true
 * counts, count by count: it holds exactly, or the total exceeds its parts (an unpublished
 * remainder, at least 0, joins the parts), or the parts exceed the total (overlapping groups, not
 * a sum: left out). Where a count never exceeds another in any cell (a numerator within its
 * denominator), the attacker knows that too.
 */
final class Block {
    private static final double TOLERANCE = 1e-6;

    final List<Cell> cells;
    final Hierarchy.Structure structure;
    /** counts[cell][q]: NaN where the cell does not publish that count. */
    final double[][] counts;
    final List<String> quantityNames;
    /** The variable of (node, q), or -1. */
    final int[][] variable;
    final double[] truth;
    final int[] nodeOf;
    final int[] quantityOf;
    /** Constraint c: variable total[c] = Σ parts[start[c] … start[c + 1]); relation[c] indexes the structure's relations (-1: a pair). */
    final int[] total;
    final int[] start;
    final int[] parts;
    final int[] relation;
    /** Pairs (smaller, larger): a variable never above another of the same node. */
    final int[][] within;

    Block(List<Cell> cells, Hierarchy.Structure structure, double[][] counts, List<String> quantityNames, int[][] orderedPairs) {
        this.cells = cells;
        this.structure = structure;
        this.counts = counts;
        this.quantityNames = quantityNames;
        int q = quantityNames.size();
        int nodes = structure.nodes();
        variable = new int[nodes][q];
        List<Double> values = new ArrayList<>();
        List<int[]> owners = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            for (int k = 0; k < q; k++) {
                boolean present = n >= cells.size() || !Double.isNaN(counts[n][k]);
                variable[n][k] = present ? values.size() : -1;
                if (present) {
                    values.add(n < cells.size() ? counts[n][k] : Double.NaN);
                    owners.add(new int[] {n, k});
                }
            }
        }
        List<int[]> constraints = new ArrayList<>();
        latentValues(values, q);
        for (int r = 0; r < structure.relations().size(); r++) {
            Hierarchy.Relation rel = structure.relations().get(r);
            for (int k = 0; k < q; k++) {
                int[] c = constraint(rel, k, values, owners);
                if (c != null) {
                    int[] withRelation = Arrays.copyOf(c, c.length + 1);
                    withRelation[c.length] = r;
                    constraints.add(withRelation);
                }
            }
        }
        truth = values.stream().mapToDouble(Double::doubleValue).toArray();
        nodeOf = owners.stream().mapToInt(o -> o[0]).toArray();
        quantityOf = owners.stream().mapToInt(o -> o[1]).toArray();
        total = new int[constraints.size()];
        start = new int[constraints.size() + 1];
        relation = new int[constraints.size()];
        int size = constraints.stream().mapToInt(c -> c.length - 2).sum();
        parts = new int[size];
        int at = 0;
        for (int c = 0; c < constraints.size(); c++) {
            int[] con = constraints.get(c);
            total[c] = con[0];
            relation[c] = con[con.length - 1];
            start[c] = at;
            for (int j = 1; j < con.length - 1; j++) {
                parts[at++] = con[j];
            }
        }
        start[constraints.size()] = at;
        within = pairs(orderedPairs);
    }

    int variables() {
        return truth.length;
    }

    int constraints() {
        return total.length;
    }

    /** Whether variable v is a count a cell publishes (not an unpublished part). */
    boolean published(int v) {
        return nodeOf[v] < cells.size();
    }

    /** The value of each latent half: its healthcare region minus the region's other parts there. */
    private void latentValues(List<Double> values, int q) {
        for (Hierarchy.Relation rel : structure.relations()) {
            if (!rel.kind().equals("regions in a healthcare region")) {
                continue;
            }
            for (int k = 0; k < q; k++) {
                int t = variable[rel.total()][k];
                if (t < 0) {
                    continue;
                }
                double rest = values.get(t);
                List<Integer> unknown = new ArrayList<>();
                for (int part : rel.parts()) {
                    int v = variable[part][k];
                    if (part >= cells.size()) {
                        unknown.add(v);
                    } else if (v >= 0) {
                        rest -= values.get(v);
                    }
                }
                for (int v : unknown) {
                    values.set(v, Math.max(0, rest / unknown.size()));
                }
            }
        }
        for (int v = 0; v < values.size(); v++) {
            if (Double.isNaN(values.get(v))) {
                values.set(v, 0.0); // a half in no healthcare-region relation of this count
            }
        }
    }

    /**
     * The constraint {total, parts…} of a relation for count k, with an unpublished remainder when
     * the total exceeds its parts; null when the total does not publish k or the parts exceed it.
     */
    private int[] constraint(Hierarchy.Relation rel, int k, List<Double> values, List<int[]> owners) {
        int t = variable[rel.total()][k];
        if (t < 0) {
            return null;
        }
        List<Integer> vars = new ArrayList<>();
        vars.add(t);
        double residual = values.get(t);
        for (int part : rel.parts()) {
            int v = variable[part][k];
            if (v >= 0) {
                vars.add(v);
                residual -= values.get(v);
            }
        }
        if (vars.size() == 1) {
            return null;
        }
        double tolerance = TOLERANCE * Math.max(1, Math.abs(values.get(t)));
        if (residual < -tolerance) {
            return null;
        }
        if (residual > tolerance) {
            vars.add(values.size());
            values.add(residual);
            owners.add(new int[] {Integer.MAX_VALUE, k});
        }
        return vars.stream().mapToInt(Integer::intValue).toArray();
    }

    /** For each ordered pair of counts (q1, q2) that holds in every cell, one (v1, v2) pair per cell. */
    private int[][] pairs(int[][] orderedPairs) {
        List<int[]> result = new ArrayList<>();
        for (int[] pair : orderedPairs) {
            boolean always = true;
            for (int n = 0; n < cells.size() && always; n++) {
                double a = counts[n][pair[0]];
                double b = counts[n][pair[1]];
                always = Double.isNaN(a) || Double.isNaN(b) || a <= b + TOLERANCE;
            }
            for (int n = 0; n < cells.size() && always; n++) {
                if (variable[n][pair[0]] >= 0 && variable[n][pair[1]] >= 0) {
                    result.add(new int[] {variable[n][pair[0]], variable[n][pair[1]]});
                }
            }
        }
        return result.toArray(int[][]::new);
    }
}
