package se.lagesbild.warehouse.stats;

import java.util.Arrays;

/**
 * Medians and other percentiles of days with a distribution-free order-statistic interval.
 */
public final class Medians {
    private Medians() {
    }

    /**
     * The q-quantile (0.5 for the median) of {@code values}, by linear interpolation between order
     * statistics (type 7, as R's quantile and DuckDB's quantile_cont), with the order-statistic
     * interval (Conover 1999, §3.2, normal approximation to the binomial): the values at ranks
     * ⌊nq − z√(nq(1 − q))⌋ and ⌈nq + 1 + z√(nq(1 − q))⌉ (1-based), clamped to 1 … n. Exact enough from
     * n ≈ 10; for smaller n the interval is wide and may reach the extremes. NaN for no values.
     */
    public static Estimate quantile(double[] values, double q, Confidence confidence) {
        if (values.length == 0) {
            return Estimate.notAvailable("order statistic");
        }
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("the quantile must lie between 0 and 1, not " + q);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double position = (n - 1) * q;
        int below = (int) Math.floor(position);
        double value = sorted[below] + (position - below) * (sorted[Math.min(n - 1, below + 1)] - sorted[below]);
        double spread = confidence.z() * Math.sqrt(n * q * (1 - q));
        int lowerRank = (int) Math.max(1, Math.min(n, Math.floor(n * q - spread)));
        int upperRank = (int) Math.max(1, Math.min(n, Math.ceil(n * q + 1 + spread)));
        return new Estimate(value, sorted[lowerRank - 1], sorted[upperRank - 1], "order statistic");
    }

    public static Estimate median(double[] values, Confidence confidence) {
        return quantile(values, 0.5, confidence);
    }
}
