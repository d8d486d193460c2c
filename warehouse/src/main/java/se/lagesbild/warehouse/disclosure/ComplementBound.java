package se.lagesbild.warehouse.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.indicators.CellCounts;

/**
 * How few complementary cells any protective pattern needs: a lower bound to set the pattern's
 * secondaries beside. Every relation that holds a primary cell's count and no other hidden unknown
 * would give it away by one subtraction, so any pattern hides at least one more of its cells: a
 * hitting set. The least number of cells that hits every such relation (a 0–1 programme, solved by
 * ojAlgo within a time limit; when the limit passes, its linear relaxation rounded up, still a
 * bound) is at most the optimum of the real problem, which must also stop chains, combinations and
 * narrowing (Fischetti and Salazar-González, Management Science 47, 2001, use the same covering
 * inequalities as the first cuts of their exact model). So secondaries ÷ bound is an upper limit on
 * how far the pattern is from the optimum.
 *
 * <p>Relations with an unpublished member (Halland's halves, a total's unlisted rest) never expose a
 * cell alone and are left out; primaries hit every relation they are in.
 */
public final class ComplementBound {
    private ComplementBound() {
    }

    /**
     * @param bound   the least number of complements any protective pattern needs (at least)
     * @param optimal whether the 0–1 programme was solved to optimality (else the bound is its relaxation's)
     */
    public record Result(int cells, int primary, int secondary, int bound, boolean optimal, double seconds) {
        /** Secondaries per complement the bound demands (1 when both are 0). */
        public double ratio() {
            return bound == 0 ? (secondary == 0 ? 1 : Double.POSITIVE_INFINITY) : (double) secondary / bound;
        }
    }

    /** The bound for one family's counts in one year, beside {@code pattern}'s secondaries. */
    public static Result of(List<CellCounts> counts, DisclosurePattern pattern, Hierarchy.Dimensions dimensions, long seconds) {
        long start = System.nanoTime();
        Audit.Table table = Audit.Table.of(counts, dimensions);
        List<Cell> cells = table.cells();
        Block block = table.block();
        boolean[] primary = new boolean[cells.size()];
        int primaries = 0;
        int secondaries = 0;
        for (int n = 0; n < cells.size(); n++) {
            String reason = pattern.reason(cells.get(n));
            primary[n] = reason != null && reason.contains("primary");
            primaries += primary[n] ? 1 : 0;
            secondaries += reason != null && !primary[n] ? 1 : 0;
        }
        Set<Integer> sensitive = new java.util.HashSet<>();
        table.quantities().sensitive().forEach(s -> sensitive.add(s[0]));
        // each relation (over a sensitive count) that holds a primary, no unpublished member and no other primary
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
        if (mustHit.isEmpty()) {
            return new Result(cells.size(), primaries, secondaries, 0, true, (System.nanoTime() - start) / 1e9);
        }
        ExpressionsBasedModel model = Programmes.model(seconds * 1000);
        model.options.sparse = null; // ojAlgo chooses for the 0–1 programme
        Map<Integer, Variable> hide = new HashMap<>();
        int row = 0;
        for (List<Integer> relation : mustHit) {
            Expression hit = model.addExpression("hit" + row++).lower(1);
            for (int n : relation) {
                hit.set(hide.computeIfAbsent(n, k -> model.addVariable("z" + k).binary().weight(1)), 1);
            }
        }
        Optimisation.Result result = model.minimise();
        boolean optimal = result.getState().isOptimal();
        double bound;
        if (optimal) {
            bound = Math.round(result.getValue());
        } else {
            model.relax();
            Optimisation.Result relaxed = model.minimise();
            bound = relaxed.getState().isOptimal() ? Math.ceil(relaxed.getValue() - 1e-6) : 0;
        }
        return new Result(cells.size(), primaries, secondaries, (int) bound, optimal, (System.nanoTime() - start) / 1e9);
    }
}
