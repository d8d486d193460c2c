package se.lagesbild.warehouse.stats;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Proportions: Wilson score and Clopper–Pearson (exact) intervals, women-vs-men differences with
 * Newcombe's interval, ratios with Katz's log interval, and the two-proportion test with and
 * without Yates' continuity correction.
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
     * Clopper–Pearson ("exact") interval for x of n (Clopper and Pearson 1934; as R's
     * {@code binom.test(x, n)$conf.int}): lower = B(α/2; x, n − x + 1), upper = B(1 − α/2; x + 1,
     * n − x), B(p; a, b) the p-quantile of the beta distribution, α = 1 − confidence; value x/n;
     * all times {@code multiplier}. It guarantees at least the nominal coverage, so it is wider than
     * Wilson's, most for small n.
     *
     * <p>Edge cases: x = 0 gives lower 0 (upper 1 − (α/2)^(1/n)); x = n gives upper 1; n = 0 (or NaN
     * inputs) gives NaN everywhere; confidence 1 gives (0, 1). A fractional x or n (weighted counts,
     * such as Halland's split) is taken as it is: the beta quantiles are defined for any positive
     * shape. x must lie in [0, n]. Checked against R 4.2.2 to 1e-10.
     */
    public static Estimate clopperPearson(double x, double n, Confidence confidence, double multiplier) {
        String method = "Clopper–Pearson (exact)";
        if (!(n > 0) || Double.isNaN(x)) {
            return Estimate.notAvailable(method);
        }
        if (x < 0 || x > n) {
            throw new IllegalArgumentException("numerator " + x + " must lie between 0 and the denominator " + n);
        }
        if (confidence.level() == 1) {
            return new Estimate(x / n * multiplier, 0, multiplier, method);
        }
        double alphaHalf = confidence.alphaHalf();
        double lower = x == 0 ? 0 : BetaDistribution.of(x, n - x + 1).inverseCumulativeProbability(alphaHalf);
        double upper = x == n ? 1 : BetaDistribution.of(x + 1, n - x).inverseSurvivalProbability(alphaHalf);
        return new Estimate(x / n * multiplier, lower * multiplier, upper * multiplier, method);
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

    /**
     * The two-proportion test as R's {@code prop.test(c(x1, x2), c(n1, n2), correct)}: Pearson's
     * chi-square on the 2 × 2 table of successes and failures, with Yates' continuity correction
     * when {@code continuityCorrection}: χ² = Σ (|O − E| − c)² / E over the four cells, E from the
     * pooled proportion, c = min(0.5, |p1 − p2| / (1/n1 + 1/n2)) (R's rule: the correction never
     * exceeds the difference it corrects, so equal proportions give χ² = 0); c = 0 without it, when
     * χ² equals the square of the pooled z statistic. The statistic returned is signed √χ² (positive
     * when p1 &gt; p2); the p-value is the chi-square(1) upper tail (Yates 1934; Fleiss, Levin and Paik
     * 2003, §2.4). NaN when a denominator is 0 or the pooled proportion is 0 or 1 (no variance).
     * Checked against R 4.2.2 to 1e-12.
     */
    public static TestResult twoProportionTest(double x1, double n1, double x2, double n2, boolean continuityCorrection) {
        String method = continuityCorrection ? "two-proportion chi-square test with Yates' correction" : "two-proportion z test";
        if (!continuityCorrection) {
            return twoProportionTest(x1, n1, x2, n2);
        }
        if (!(n1 > 0 && n2 > 0)) {
            return TestResult.notAvailable(method);
        }
        double pooled = (x1 + x2) / (n1 + n2);
        if (!(pooled > 0 && pooled < 1)) {
            return TestResult.notAvailable(method);
        }
        double delta = x1 / n1 - x2 / n2;
        double correction = Math.min(0.5, Math.abs(delta) / (1 / n1 + 1 / n2));
        double[][] observed = {{x1, n1 - x1}, {x2, n2 - x2}};
        double[] size = {n1, n2};
        double[] share = {pooled, 1 - pooled};
        double chi = 0;
        for (int group = 0; group < 2; group++) {
            for (int outcome = 0; outcome < 2; outcome++) {
                double expected = size[group] * share[outcome];
                chi += sq(Math.abs(observed[group][outcome] - expected) - correction) / expected;
            }
        }
        return new TestResult(Math.copySign(Math.sqrt(chi), delta), Confidence.chiSquaredPValue(chi, 1), method);
    }

    private static double sq(double v) {
        return v * v;
    }
}
