package se.lagesbild.warehouse.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * A two-sided confidence level and the quantiles and tail probabilities the methods need, all from
 * Apache Commons Statistics (distribution module 1.1).
 *
 * <p>{@code level} is a fraction: 0.95 (the default) or 0.998 (funnel-plot control limits, and the
 * wide limits shown beside the 95 % ones); the normal quantile is z = Φ⁻¹(1 − (1 − level)/2), so
 * 99.8 % is z = 3.0902, not 3 standard deviations. Commons Statistics inverts a distribution to
 * full double precision (relative 2⁻⁵³), as limits near 1e-6 need (PHEindicatormethods conformance
 * README). A level of 1 gives infinite quantiles.
 *
 * <p>P-values are upper-tail (survival) probabilities computed directly, never 1 − cdf, so they
 * keep their relative accuracy however small they are, down to the smallest normal double
 * (about 2.2e-308); checked against R 4.2's {@code pnorm}, {@code pchisq} and {@code pt} with
 * {@code lower.tail = FALSE}.
 */
public record Confidence(double level) {
    public static final Confidence NINETY_FIVE = new Confidence(0.95);
    public static final Confidence NINETY_NINE_POINT_EIGHT = new Confidence(0.998);
    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    public Confidence {
        if (!(level > 0 && level <= 1)) {
            throw new IllegalArgumentException("confidence must be above 0 and at most 1 (e.g. 0.95), not " + level);
        }
    }

    /** Lower tail probability of the interval: (1 − level) / 2. */
    public double alphaHalf() {
        return (1 - level) / 2;
    }

    /** z = Φ⁻¹(1 − (1 − level)/2), computed as the inverse of the upper tail at (1 − level)/2. */
    public double z() {
        return level == 1 ? Double.POSITIVE_INFINITY : NORMAL.inverseSurvivalProbability(alphaHalf());
    }

    /** The p-quantile of the chi-square distribution with {@code df} degrees of freedom. */
    static double chiSquared(double p, double df) {
        return ChiSquaredDistribution.of(df).inverseCumulativeProbability(p);
    }

    /** The upper (1 − (1 − level)/2) quantile of Student's t with {@code df} degrees of freedom. */
    double t(double df) {
        return level == 1 ? Double.POSITIVE_INFINITY : TDistribution.of(df).inverseSurvivalProbability(alphaHalf());
    }

    /** Two-sided p-value of a standard normal statistic: 2·Φ(−|z|), from the upper tail. NaN for NaN. */
    static double normalPValue(double z) {
        return Double.isNaN(z) ? Double.NaN : Math.min(1, 2 * NORMAL.survivalProbability(Math.abs(z)));
    }

    /**
     * The inverse of {@link #normalPValue}: |z| with 2·Φ(−|z|) = p, from the upper tail (a p below
     * the smallest normal double counts as that double).
     */
    public static double normalZ(double pValue) {
        return NORMAL.inverseSurvivalProbability(Math.max(pValue, Double.MIN_NORMAL) / 2);
    }

    /** Upper-tail p-value of a chi-square statistic with {@code df} degrees of freedom (the survival function). */
    static double chiSquaredPValue(double statistic, double df) {
        return Double.isNaN(statistic) ? Double.NaN : ChiSquaredDistribution.of(df).survivalProbability(statistic);
    }

    /** Two-sided p-value of a t statistic with {@code df} degrees of freedom: 2·P(T &gt; |t|). */
    static double tPValue(double t, double df) {
        return Double.isNaN(t) || Double.isNaN(df) ? Double.NaN : Math.min(1, 2 * TDistribution.of(df).survivalProbability(Math.abs(t)));
    }
}
