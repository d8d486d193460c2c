package se.lagesbild.warehouse.disclosure;

import java.util.List;

/**
 * The heuristic's last step: a local search that exchanges one complement for others. Each complement
 * in turn, the most costly first, is released and forbidden, and the table is protected again from
 * the pattern without it ({@link Suppression#protect}: the relations it leaves open get their cheapest
 * members, and complements that then protect nothing are released). The new pattern is kept when it
 * hides fewer complements, costs no more ({@link Cost}), and no attack (propagation, then the
 * programme) learns more from it than from the pattern before. One pass, in a fixed order, so the
 * same counts give the same pattern.
 *
 * <p>Why: the heuristic closes one relation at a time, so a complement chosen early can be made
 * unnecessary by those chosen after it, two at a time, which pruning one by one never releases
 * (2026 on the demo: quality of life 13 → 12 complements, where the optimum is 10; PREM 77 → 68;
 * SVF inclusion 72 → 64; screening 135 → 123; never at a higher cost). A pattern with fewer
 * complements but a higher cost is not taken: it hides more informative figures, such as Stockholm's in place of
 * the Stockholm–Gotland total's (issue 15; {@code DisclosureTest}).
 *
 * <p>Edge cases: a table without complements is left as it is; a table of more than
 * {@link #CELL_LIMIT} cells too, since each trial attacks the whole table and there is one trial per
 * complement. On the demo, stage (4,355 cells in 2026) took 22 s a year for 666 → 615, and in the
 * suite one API query that computed patterns then ran past its client's two minutes ({@code FuzzTest},
 * other tests beside it); the SVF treated pathways 2024 (14,131 cells
 * without population groups) took 215 s for 1,142 → 1,133; at Sweden's volume stage (7,741 cells) 77 s.
 */
final class ComplementExchange {
    /** The largest table, in cells, searched: survival (3,003 cells in 2026 on the demo, 3,781 at Sweden's volume) is; stage is not. */
    static final int CELL_LIMIT = 4_000;

    private ComplementExchange() {
    }

    /** The pattern after one pass of exchanges over {@code pattern}'s complements. */
    static Suppression.Pattern improve(Suppression.Problem problem, Suppression.Pattern pattern) {
        List<Integer> candidates = Suppression.mostCostlyFirst(pattern.hidden(), problem.primary(), problem.hiddenBefore(), problem.cost());
        if (candidates.isEmpty()) {
            return pattern; // nothing to exchange, and no attack needed to say so
        }
        int exposures = Suppression.exposures(problem, pattern.hidden());
        Suppression.Pattern current = pattern;
        int complements = problem.complements(current.hidden());
        double cost = problem.cost(current.hidden());
        for (int c : candidates) {
            if (!current.hidden()[c]) {
                continue; // released by an exchange before
            }
            boolean[] start = current.hidden().clone();
            start[c] = false;
            int[] protects = current.protects().clone();
            protects[c] = -1;
            Suppression.Pattern trial = Suppression.protect(problem, start, protects, c, complements);
            if (trial == null) {
                continue;
            }
            int trialComplements = problem.complements(trial.hidden());
            double trialCost = problem.cost(trial.hidden());
            if (trialComplements < complements && trialCost <= cost && Suppression.exposures(problem, trial.hidden()) <= exposures) {
                current = new Suppression.Pattern(trial.hidden(), trial.protects(), current.rounds() + trial.rounds());
                complements = trialComplements;
                cost = trialCost;
            }
        }
        return current;
    }
}
