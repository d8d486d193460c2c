package se.lagesbild.warehouse.stats;

/**
 * Intervals for counts and crude rates (events per population): exact Poisson for small counts,
 * Byar's approximation from 10 (PHEindicatormethods phe_rate and byars_lower/upper).
 */
public final class PoissonCounts {
    /** From this count on, crude rates use Byar's approximation; below it the exact Poisson limits. */
    public static final double BYARS_FROM = 10;

    private PoissonCounts() {
    }

    /**
     * Byar's limits for a count x (Breslow and Day 1987, the form PHEindicatormethods uses: x in
     * the lower limit, x + 1 in the upper): lower = x(1 − 1/(9x) − z/(3√x))³, upper = (x + 1)(1 −
     * 1/(9(x + 1)) + z/(3√(x + 1)))³. A negative lower limit is NaN (not available); x = 0 gives a
     * lower limit of 0. x must not be negative.
     */
    public static Estimate byars(double x, Confidence confidence) {
        requireCount(x);
        double z = confidence.z();
        double lower = x == 0 ? 0 : x * Math.pow(1 - 1 / (9 * x) - z / (3 * Math.sqrt(x)), 3);
        double upper = (x + 1) * Math.pow(1 - 1 / (9 * (x + 1)) + z / (3 * Math.sqrt(x + 1)), 3);
        return new Estimate(x, lower < 0 ? Double.NaN : lower, upper, "Byar's");
    }

    /**
     * Exact Poisson limits for a count x (Garwood 1936): lower = χ²(α/2; 2x)/2 (0 when x = 0),
     * upper = χ²(1 − α/2; 2(x + 1))/2, α = 1 − confidence.
     */
    public static Estimate exact(double x, Confidence confidence) {
        requireCount(x);
        double lower = x == 0 ? 0 : Confidence.chiSquared(confidence.alphaHalf(), 2 * x) / 2;
        double upper = Confidence.chiSquared(1 - confidence.alphaHalf(), 2 * (x + 1)) / 2;
        return new Estimate(x, lower, upper, "exact Poisson");
    }

    /**
     * A crude rate x / n × multiplier (e.g. per 100 000) with the count's limits divided by n:
     * exact Poisson when x &lt; 10, Byar's from 10. NaN when n is 0 or either is missing (NaN).
     */
    public static Estimate crudeRate(double x, double n, double multiplier, Confidence confidence) {
        if (!(n > 0) || Double.isNaN(x)) {
            return Estimate.notAvailable("crude rate");
        }
        Estimate count = x < BYARS_FROM ? exact(x, confidence) : byars(x, confidence);
        return new Estimate(x / n * multiplier, count.lower() / n * multiplier, count.upper() / n * multiplier, count.method());
    }

    private static void requireCount(double x) {
        if (!(x >= 0)) {
            throw new IllegalArgumentException("a count must be 0 or more, not " + x);
        }
    }
}
