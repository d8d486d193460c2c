package se.lagesbild.warehouse.stats;

import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * Funnel-plot control limits for proportions around a target (the national value), and where a
 * unit lies: by the normal approximation to the binomial (PHEindicatormethods phe_funnels,
 * proportions) or by the exact binomial distribution (Spiegelhalter 2005), which is what small
 * denominators need.
 */
public final class Funnels {
    private Funnels() {
    }

    /** How the limits are drawn. */
    public enum Method {
        /** target ± z·√(target(1 − target)/n), clipped to [0, 1]. */
        NORMAL("funnel: target ± z·√(target(1 − target)/n), 95 % and 99.8 %"),
        /** Spiegelhalter's interpolated binomial quantiles. */
        EXACT_BINOMIAL("funnel: exact binomial limits around the target (Spiegelhalter 2005), 95 % and 99.8 %");

        private final String description;

        Method(String description) {
            this.description = description;
        }

        /** How the limits are computed, in words. */
        public String description() {
            return description;
        }
    }

    /** Where a unit lies against the 95 % and 99.8 % limits. */
    public enum Position {
        HIGH_998("High (0.001)"), LOW_998("Low (0.001)"), HIGH_95("High (0.025)"), LOW_95("Low (0.025)"), NOT_SIGNIFICANT("Not significant");

        private final String label;

        Position(String label) {
            this.label = label;
        }

        /** PHEindicatormethods' label, e.g. "Low (0.001)". */
        public String label() {
            return label;
        }

        /** Outside the 99.8 % limits. */
        public boolean outlier() {
            return this == HIGH_998 || this == LOW_998;
        }
    }

    /**
     * Limits target ± z·√(target(1 − target)/n) × multiplier for a unit of size n, clipped to
     * [0, multiplier]; target is a proportion (0–1). NaN for n = 0.
     */
    public static Estimate limits(double target, double n, Confidence confidence, double multiplier) {
        if (!(n > 0)) {
            return Estimate.notAvailable("funnel");
        }
        double half = confidence.z() * Math.sqrt(target * (1 - target) / n);
        return new Estimate(target * multiplier, Math.max(0, target - half) * multiplier, Math.min(1, target + half) * multiplier,
                "funnel (normal approximation to the binomial)");
    }

    /**
     * Exact binomial limits for a unit of size n around {@code target} (Spiegelhalter DJ. Funnel plots
     * for comparing institutional performance. Stat Med 2005;24:1185–1202, appendix A.1.1): for a
     * tail probability p (α/2 for the lower limit, 1 − α/2 for the upper), r = the smallest count
     * with F(r) ≥ p under Binomial(n, target), interpolated as α = (F(r) − p) / (F(r) − F(r − 1)),
     * limit = (r − α) / n, clipped to [0, 1], times {@code multiplier}. The upper limit is computed
     * from the upper tail (F(r) − p = (1 − p) − S(r)) so it keeps its accuracy at 99.8 %. The limits
     * step with n less than the normal approximation's and tend to it as n grows.
     *
     * <p>Edge cases: n = 0 or NaN gives NaN; a fractional n (weighted counts such as Halland's split)
     * is rounded to the nearest whole number of units, at least 1; target 0 gives (0, 0) and target 1
     * gives (1, 1). Checked against the same formula in R 4.2.2 with {@code qbinom}/{@code pbinom}
     * to 1e-9.
     */
    public static Estimate exactBinomialLimits(double target, double n, Confidence confidence, double multiplier) {
        String method = "funnel (exact binomial, Spiegelhalter 2005)";
        if (!(n > 0) || !(target >= 0 && target <= 1)) {
            return Estimate.notAvailable(method);
        }
        int units = (int) Math.max(1, Math.round(n));
        BinomialDistribution binomial = BinomialDistribution.of(units, target);
        double lower = lowerLimit(binomial, units, confidence.alphaHalf());
        double upper = upperLimit(binomial, units, confidence.alphaHalf());
        return new Estimate(target * multiplier, lower * multiplier, upper * multiplier, method);
    }

    private static double lowerLimit(BinomialDistribution binomial, int n, double p) {
        int r = binomial.inverseCumulativeProbability(p);
        double mass = binomial.probability(r);
        double alpha = mass > 0 ? (binomial.cumulativeProbability(r) - p) / mass : 0;
        return clip((r - alpha) / n);
    }

    private static double upperLimit(BinomialDistribution binomial, int n, double tail) {
        int r = binomial.inverseSurvivalProbability(tail);
        double mass = binomial.probability(r);
        double alpha = mass > 0 ? (tail - binomial.survivalProbability(r)) / mass : 0;
        return clip((r - alpha) / n);
    }

    private static double clip(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** The limits by {@code method}. */
    public static Estimate limits(Method method, double target, double n, Confidence confidence, double multiplier) {
        return method == Method.EXACT_BINOMIAL ? exactBinomialLimits(target, n, confidence, multiplier)
                : limits(target, n, confidence, multiplier);
    }

    /**
     * Position of a unit with x of n against the normal-approximation funnel around {@code target}:
     * strict inequalities, the 99.8 % limits before the 95 %, low before high (as PHEindicatormethods).
     */
    public static Position position(double x, double n, double target) {
        return position(Method.NORMAL, x, n, target);
    }

    /** The same against the limits drawn by {@code method}. */
    public static Position position(Method method, double x, double n, double target) {
        double p = x / n;
        Estimate outer = limits(method, target, n, Confidence.NINETY_NINE_POINT_EIGHT, 1);
        Estimate inner = limits(method, target, n, Confidence.NINETY_FIVE, 1);
        if (p < outer.lower()) {
            return Position.LOW_998;
        }
        if (p > outer.upper()) {
            return Position.HIGH_998;
        }
        if (p < inner.lower()) {
            return Position.LOW_95;
        }
        if (p > inner.upper()) {
            return Position.HIGH_95;
        }
        return Position.NOT_SIGNIFICANT;
    }
}
