package se.lagesbild.warehouse.stats;

/**
 * Directly age-standardised rates with Dobson's interval (Dobson et al. 1991; PHEindicatormethods
 * phe_dsr).
 */
public final class StandardisedRates {
    /** Below this total count the rate is not shown (PHEindicatormethods' rule). */
    public static final double MINIMUM_COUNT = 10;

    private StandardisedRates() {
    }

    /**
     * DSR = Σ wᵢ·xᵢ/nᵢ / Σ wᵢ × multiplier, for age bands i with events xᵢ, population nᵢ and
     * standard-population weight wᵢ (ESP2013 or Sweden's own). Dobson's interval moves the DSR by
     * the Byar's limits of the total count O = Σ xᵢ: DSR + √(V/O)·(O_limit − O) with V =
     * Σ wᵢ²·xᵢ/nᵢ² / (Σ wᵢ)² × multiplier². NaN when O &lt; 10 (too few events for the method), when
     * a band has no population. A missing count (NaN) in a band counts as 0 (as PHEindicatormethods).
     * The estimate carries its standard error √V, from which two released DSRs are compared
     * ({@link #difference}, {@link #ratio}, {@link #test}).
     */
    public static Estimate dobson(double[] events, double[] population, double[] weights, double multiplier, Confidence confidence) {
        if (events.length != population.length || events.length != weights.length || events.length == 0) {
            throw new IllegalArgumentException("events, population and weights need one value per age band each");
        }
        double totalWeight = 0;
        double weighted = 0;
        double variance = 0;
        double observed = 0;
        for (int i = 0; i < events.length; i++) {
            if (!(population[i] > 0)) {
                return Estimate.notAvailable("Dobson");
            }
            double x = Double.isNaN(events[i]) ? 0 : events[i];
            totalWeight += weights[i];
            weighted += weights[i] * x / population[i];
            variance += weights[i] * weights[i] * x / (population[i] * population[i]);
            observed += x;
        }
        if (observed < MINIMUM_COUNT) {
            return Estimate.notAvailable("Dobson");
        }
        double dsr = weighted / totalWeight * multiplier;
        double v = variance / (totalWeight * totalWeight) * multiplier * multiplier;
        Estimate o = PoissonCounts.byars(observed, confidence);
        double factor = Math.sqrt(v / observed); // var(DSR) / var(O), with var(O) = O for a Poisson count
        return new Estimate(dsr, dsr + factor * (o.lower() - observed), dsr + factor * (o.upper() - observed), "Dobson", Math.sqrt(v));
    }

    /**
     * The variance of a DSR: V = Σ wᵢ²·xᵢ/nᵢ² / (Σ wᵢ)² × multiplier² (each band's count Poisson,
     * as in Dobson's interval). NaN when a band has no population.
     */
    public static double variance(double[] events, double[] population, double[] weights, double multiplier) {
        double totalWeight = 0;
        double variance = 0;
        for (int i = 0; i < events.length; i++) {
            if (!(population[i] > 0)) {
                return Double.NaN;
            }
            double x = Double.isNaN(events[i]) ? 0 : events[i];
            totalWeight += weights[i];
            variance += weights[i] * weights[i] * x / (population[i] * population[i]);
        }
        return variance / (totalWeight * totalWeight) * multiplier * multiplier;
    }

    /**
     * Difference of two independent DSRs a − b with a normal interval: (a − b) ± z·√(Va + Vb), with V
     * the variance above (Breslow and Day 1987, vol. II, ch. 2; the approach of the APHO technical
     * briefing on comparing standardised rates). {@code a} and {@code b} are the DSRs with their
     * variances; NaN when either is not available.
     */
    public static Estimate difference(double a, double varianceA, double b, double varianceB, Confidence confidence) {
        double se = Math.sqrt(varianceA + varianceB);
        if (Double.isNaN(a) || Double.isNaN(b) || !(se > 0)) {
            return Estimate.notAvailable("difference of DSRs (normal approximation)");
        }
        return new Estimate(a - b, a - b - confidence.z() * se, a - b + confidence.z() * se, "difference of DSRs (normal approximation)");
    }

    /**
     * Ratio of two independent DSRs a / b with a log-normal interval: exp(ln(a/b) ± z·√(Va/a² + Vb/b²))
     * (the delta method on the logarithm). NaN when either is 0 or not available.
     */
    public static Estimate ratio(double a, double varianceA, double b, double varianceB, Confidence confidence) {
        if (!(a > 0 && b > 0) || Double.isNaN(varianceA) || Double.isNaN(varianceB)) {
            return Estimate.notAvailable("ratio of DSRs (log-normal)");
        }
        double se = Math.sqrt(varianceA / (a * a) + varianceB / (b * b));
        double log = Math.log(a / b);
        return new Estimate(a / b, Math.exp(log - confidence.z() * se), Math.exp(log + confidence.z() * se), "ratio of DSRs (log-normal)");
    }

    /** z test of two independent DSRs: (a − b) / √(Va + Vb), two-sided. NaN when either is not available. */
    public static TestResult test(double a, double varianceA, double b, double varianceB) {
        double se = Math.sqrt(varianceA + varianceB);
        if (Double.isNaN(a) || Double.isNaN(b) || !(se > 0)) {
            return TestResult.notAvailable("z test of two DSRs");
        }
        double z = (a - b) / se;
        return new TestResult(z, Confidence.normalPValue(z), "z test of two DSRs");
    }
}
