package se.lagesbild.warehouse.stats;

/**
 * Proportions: Wilson score interval, women-vs-men differences with Newcombe's interval, ratios
 * with Katz's log interval, and the two-proportion z test.
 */
public final class Proportions {
    private Proportions() {
    }

    /**
     * Wilson score interval for x of n (Wilson 1927; PHEindicatormethods phe_proportion):
     * (2x + z² ± z·√(z² + 4x(1 − x/n))) / (2(n + z²)), value x/n, all times {@code multiplier}
     * (1 for a proportion, 100 for percent).
     *
     * <p>Edge cases: n = 0 (or NaN inputs) gives NaN everywhere; x = 0 gives lower 0; x = n gives
     * upper 1; confidence 1 gives (0, 1). x may be fractional (weighted counts); x must lie in
     * [0, n].
     */
    public static Estimate wilson(double x, double n, Confidence confidence, double multiplier) {
        if (!(n > 0) || Double.isNaN(x)) {
            return Estimate.notAvailable("Wilson score");
        }
        if (x < 0 || x > n) {
            throw new IllegalArgumentException("numerator " + x + " must lie between 0 and the denominator " + n);
        }
        if (confidence.level() == 1) {
            return new Estimate(x / n * multiplier, 0, multiplier, "Wilson score");
        }
        double z = confidence.z();
        double z2 = z * z;
        double root = z * Math.sqrt(z2 + 4 * x * (1 - x / n));
        double lower = (2 * x + z2 - root) / (2 * (n + z2));
        double upper = (2 * x + z2 + root) / (2 * (n + z2));
        return new Estimate(x / n * multiplier, Math.max(0, lower) * multiplier, Math.min(1, upper) * multiplier, "Wilson score");
    }

    public static Estimate wilson(double x, double n, Confidence confidence) {
        return wilson(x, n, confidence, 1);
    }

    /**
     * Difference p1 − p2 with Newcombe's hybrid score interval (Newcombe 1998, method 10), built on
     * the two Wilson intervals: lower = d − √((p1 − l1)² + (u2 − p2)²), upper = d + √((u1 − p1)² +
     * (p2 − l2)²). NaN when either denominator is 0.
     */
    public static Estimate newcombeDifference(double x1, double n1, double x2, double n2, Confidence confidence) {
        Estimate a = wilson(x1, n1, confidence);
        Estimate b = wilson(x2, n2, confidence);
        if (!a.available() || !b.available()) {
            return Estimate.notAvailable("Newcombe hybrid score");
        }
        double d = a.value() - b.value();
        double lower = d - Math.sqrt(sq(a.value() - a.lower()) + sq(b.upper() - b.value()));
        double upper = d + Math.sqrt(sq(a.upper() - a.value()) + sq(b.value() - b.lower()));
        return new Estimate(d, lower, upper, "Newcombe hybrid score");
    }

    /**
     * Ratio p1 / p2 with Katz's log interval: exp(ln r ± z·√(1/x1 − 1/n1 + 1/x2 − 1/n2)). NaN when a
     * numerator or denominator is 0 (the ratio or its logarithm does not exist).
     */
    public static Estimate katzRatio(double x1, double n1, double x2, double n2, Confidence confidence) {
        if (!(x1 > 0 && x2 > 0 && n1 > 0 && n2 > 0)) {
            return Estimate.notAvailable("Katz log");
        }
        double ratio = (x1 / n1) / (x2 / n2);
        double se = Math.sqrt(Math.max(0, 1 / x1 - 1 / n1 + 1 / x2 - 1 / n2));
        double z = confidence.z();
        return new Estimate(ratio, ratio * Math.exp(-z * se), ratio * Math.exp(z * se), "Katz log");
    }

    /**
     * Two-proportion z test with pooled variance: z = (p1 − p2) / √(p(1 − p)(1/n1 + 1/n2)), p the
     * pooled proportion; two-sided p-value. NaN when a denominator is 0 or p is 0 or 1 (no variance).
     */
    public static TestResult twoProportionTest(double x1, double n1, double x2, double n2) {
        if (!(n1 > 0 && n2 > 0)) {
            return TestResult.notAvailable("two-proportion z test");
        }
        double pooled = (x1 + x2) / (n1 + n2);
        double variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
        if (!(variance > 0)) {
            return TestResult.notAvailable("two-proportion z test");
        }
        double z = (x1 / n1 - x2 / n2) / Math.sqrt(variance);
        return new TestResult(z, Confidence.normalPValue(z), "two-proportion z test");
    }

    private static double sq(double v) {
        return v * v;
    }
}
