package se.lagesbild.warehouse.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A two-sided confidence level and the quantiles the interval methods need.
 *
 * <p>{@code level} is a fraction: 0.95 (the default) or 0.998 (funnel-plot control limits); the
 * normal quantile is z = Φ⁻¹(1 − (1 − level)/2), so 99.8 % is z = 3.0902, not 3 standard
 * deviations. Chi-square and t quantiles are computed with an inverse accuracy of 1e-15: Commons
 * Math's default of 1e-9 absolute is far too coarse for limits near 1e-6 (PHEindicatormethods
 * conformance README). A level of 1 gives infinite quantiles.
 */
public record Confidence(double level) {
    public static final Confidence NINETY_FIVE = new Confidence(0.95);
    public static final Confidence NINETY_NINE_POINT_EIGHT = new Confidence(0.998);
    private static final double ACCURACY = 1e-15;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1, ACCURACY);

    public Confidence {
        if (!(level > 0 && level <= 1)) {
            throw new IllegalArgumentException("confidence must be above 0 and at most 1 (e.g. 0.95), not " + level);
        }
    }

    /** Lower tail probability of the interval: (1 − level) / 2. */
    public double alphaHalf() {
        return (1 - level) / 2;
    }

    /** z = Φ⁻¹(1 − (1 − level)/2). */
    public double z() {
        return level == 1 ? Double.POSITIVE_INFINITY : NORMAL.inverseCumulativeProbability(1 - alphaHalf());
    }

    /** The p-quantile of the chi-square distribution with {@code df} degrees of freedom. */
    static double chiSquared(double p, double df) {
        return new ChiSquaredDistribution(null, df, ACCURACY).inverseCumulativeProbability(p);
    }

    /** The upper (1 − (1 − level)/2) quantile of Student's t with {@code df} degrees of freedom. */
    double t(double df) {
        return level == 1 ? Double.POSITIVE_INFINITY : new TDistribution(null, df, ACCURACY).inverseCumulativeProbability(1 - alphaHalf());
    }

    /** Two-sided p-value of a standard normal statistic. */
    static double normalPValue(double z) {
        return 2 * NORMAL.cumulativeProbability(-Math.abs(z));
    }

    /** Upper-tail p-value of a chi-square statistic. */
    static double chiSquaredPValue(double statistic, double df) {
        return 1 - new ChiSquaredDistribution(null, df, ACCURACY).cumulativeProbability(statistic);
    }
}
