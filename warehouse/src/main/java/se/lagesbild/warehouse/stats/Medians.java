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

    /**
     * The standard error a percentile's order-statistic interval implies: (upper − lower) / (2z),
     * the distribution-free standard error of Price and Bonett (2002), who derive it from the same
     * pair of order statistics. NaN when the interval is not available or has no width.
     */
    static double standardError(Estimate percentile, Confidence confidence) {
        double width = percentile.upper() - percentile.lower();
        return width > 0 ? width / (2 * confidence.z()) : Double.NaN;
    }

    /**
     * Difference of two percentiles from independent samples, a − b ± z·√(SEa² + SEb²), with each SE
     * from its order-statistic interval (Price RA, Bonett DG. Distribution-free confidence intervals
     * for difference and ratio of medians. J Stat Comput Simul 2002;72:119–124). The two estimates
     * must carry intervals at {@code confidence}. NaN when either has no interval width (very few
     * values, or all alike).
     */
    public static Estimate difference(Estimate a, Estimate b, Confidence confidence) {
        double se = Math.sqrt(Math.pow(standardError(a, confidence), 2) + Math.pow(standardError(b, confidence), 2));
        if (!a.available() || !b.available() || Double.isNaN(se)) {
            return Estimate.notAvailable("difference of percentiles (Price–Bonett)");
        }
        double d = a.value() - b.value();
        return new Estimate(d, d - confidence.z() * se, d + confidence.z() * se, "difference of percentiles (Price–Bonett)");
    }

    /**
     * Ratio of two percentiles a / b with Price and Bonett's log interval: SE(ln) from each interval
     * on the log scale, (ln U − ln L) / (2z). NaN when a value or a limit is not positive.
     */
    public static Estimate ratio(Estimate a, Estimate b, Confidence confidence) {
        if (!(a.lower() > 0 && b.lower() > 0 && a.value() > 0 && b.value() > 0)) {
            return Estimate.notAvailable("ratio of percentiles (Price–Bonett)");
        }
        double z = confidence.z();
        double seA = (Math.log(a.upper()) - Math.log(a.lower())) / (2 * z);
        double seB = (Math.log(b.upper()) - Math.log(b.lower())) / (2 * z);
        double se = Math.sqrt(seA * seA + seB * seB);
        if (!(se > 0)) {
            return Estimate.notAvailable("ratio of percentiles (Price–Bonett)");
        }
        double log = Math.log(a.value() / b.value());
        return new Estimate(a.value() / b.value(), Math.exp(log - z * se), Math.exp(log + z * se), "ratio of percentiles (Price–Bonett)");
    }

    /** z test of two percentiles: (a − b) / √(SEa² + SEb²), two-sided. NaN when either has no interval width. */
    public static TestResult test(Estimate a, Estimate b, Confidence confidence) {
        double se = Math.sqrt(Math.pow(standardError(a, confidence), 2) + Math.pow(standardError(b, confidence), 2));
        if (!a.available() || !b.available() || Double.isNaN(se)) {
            return TestResult.notAvailable("z test of two percentiles (Price–Bonett)");
        }
        double z = (a.value() - b.value()) / se;
        return new TestResult(z, Confidence.normalPValue(z), "z test of two percentiles (Price–Bonett)");
    }
}
