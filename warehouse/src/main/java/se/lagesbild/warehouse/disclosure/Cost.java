package se.lagesbild.warehouse.disclosure;

import java.util.List;

import se.lagesbild.warehouse.indicators.Cell;

/**
 * What hiding a cell costs a reader, for choosing complementary suppressions: its count (a large
 * count is more information; τ-ARGUS's "frequency" cost) times the weight of the figure it is.
 * Riket is hidden only when nothing else protects; a region's year for all diagnoses, both sexes
 * and all ages is a headline; a healthcare region, which its regions' figures mostly repeat, a
 * month, a five-year age band, a single sex or a single diagnosis is cheaper. The weights multiply.
 */
final class Cost {
    private Cost() {
    }

    /** Each cell's cost, its count being the largest of its sensitive counts (a cell without any counts as 1). */
    static double[] of(List<Cell> cells, DisclosurePattern.Quantities quantities) {
        double[] cost = new double[cells.size()];
        for (int n = 0; n < cells.size(); n++) {
            double largest = 0;
            for (int[] s : quantities.sensitive()) {
                double count = quantities.values()[n][s[0]];
                if (!Double.isNaN(count)) {
                    largest = Math.max(largest, count);
                }
            }
            cost[n] = of(cells.get(n), largest);
        }
        return cost;
    }

    /**
     * What a pattern's complements weigh: the sum of {@code weight} (null: 1 each, a count) over the cells {@code hidden}
     * hides that are not {@code given} (the primaries, and any cell decided before).
     */
    static double ofComplements(boolean[] hidden, boolean[] given, double[] weight) {
        double sum = 0;
        for (int n = 0; n < hidden.length; n++) {
            sum += hidden[n] && !given[n] ? weight == null ? 1 : weight[n] : 0;
        }
        return sum;
    }

    static double of(Cell cell, double count) {
        return Math.max(1, count) * geography(cell) * period(cell) * (cell.sexCode() == 3 ? 2 : 1)
                * (cell.diagnosisCode().equals("ALL") ? 2 : 1) * age(cell);
    }

    private static double geography(Cell cell) {
        return switch (cell.geoLevel()) {
            case "country" -> 1_000;
            case "healthcare_region" -> 0.3;
            default -> 1;
        };
    }

    private static double period(Cell cell) {
        String p = cell.periodCode();
        return p.length() == 4 ? 2 : p.contains("-") ? 0.5 : 1;
    }

    private static double age(Cell cell) {
        String a = cell.ageGroupCode();
        return a.equals("ALL") ? 2 : a.matches("\\d+-\\d+|\\d+\\+") && !a.equals("0-17") && !a.equals("18+") ? 0.5 : 1;
    }
}
