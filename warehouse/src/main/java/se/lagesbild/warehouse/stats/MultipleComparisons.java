package se.lagesbild.warehouse.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Adjusting p-values when many cells are tested at once. */
public final class MultipleComparisons {
    private MultipleComparisons() {
    }

    /**
     * Benjamini–Hochberg adjusted p-values (false discovery rate; Benjamini and Hochberg 1995, as
     * R's p.adjust(method = "BH")): sort ascending, pᵢ·m/i, then the running minimum from the
     * largest down, capped at 1. NaN p-values stay NaN and do not count in m.
     */
    public static double[] benjaminiHochberg(double[] pValues) {
        Integer[] order = IntStream.range(0, pValues.length).filter(i -> !Double.isNaN(pValues[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> pValues[i])).toArray(Integer[]::new);
        double[] adjusted = new double[pValues.length];
        Arrays.fill(adjusted, Double.NaN);
        int m = order.length;
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, pValues[i] * m / rank);
            adjusted[i] = Math.min(1, running);
        }
        return adjusted;
    }
}
