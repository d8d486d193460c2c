package se.lagesbild.warehouse.stats;

/** Comparing two crude rates (events per population), by the normal approximation to their Poisson counts. */
public final class Rates {
    private Rates() {
    }

    /**
     * Difference of two crude rates xa/na − xb/nb × multiplier with a normal interval: standard error
     * multiplier·√(xa/na² + xb/nb²). NaN when a population is 0, and when neither has an event (the
     * normal interval would have no width: 0 → 0 is not a measured change).
     */
    public static Estimate difference(double xa, double na, double xb, double nb, double multiplier, Confidence confidence) {
        if (!(na > 0 && nb > 0) || !(xa + xb > 0)) {
            return Estimate.notAvailable("difference of rates (normal approximation)");
        }
        double d = (xa / na - xb / nb) * multiplier;
        double se = multiplier * Math.sqrt(xa / (na * na) + xb / (nb * nb));
        return new Estimate(d, d - confidence.z() * se, d + confidence.z() * se, "difference of rates (normal approximation)");
    }

    /** z test of two rates: (xa/na − xb/nb) / √(xa/na² + xb/nb²), two-sided. NaN with no events at all. */
    public static TestResult test(double xa, double na, double xb, double nb) {
        double variance = xa / (na * na) + xb / (nb * nb);
        if (!(variance > 0)) {
            return TestResult.notAvailable("z test of two rates");
        }
        double z = (xa / na - xb / nb) / Math.sqrt(variance);
        return new TestResult(z, Confidence.normalPValue(z), "z test of two rates");
    }
}
