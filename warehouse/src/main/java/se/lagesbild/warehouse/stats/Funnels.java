package se.lagesbild.warehouse.stats;

/**
 * Funnel-plot control limits for proportions around a target (the national value), and where a
 * unit lies (PHEindicatormethods phe_funnels, proportions).
 */
public final class Funnels {
    private Funnels() {
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
     * Position of a unit with x of n against the funnel around {@code target}: strict inequalities,
     * the 99.8 % limits before the 95 %, low before high (as PHEindicatormethods).
     */
    public static Position position(double x, double n, double target) {
        double p = x / n;
        Estimate outer = limits(target, n, Confidence.NINETY_NINE_POINT_EIGHT, 1);
        Estimate inner = limits(target, n, Confidence.NINETY_FIVE, 1);
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
