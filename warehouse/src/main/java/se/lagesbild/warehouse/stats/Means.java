package se.lagesbild.warehouse.stats;

/**
 * Means with Student's t interval (PHEindicatormethods phe_mean), the sample standard deviation,
 * and two means compared by Welch's t test.
 */
public final class Means {
    private Means() {
    }

    /**
     * A mean's sufficient statistics, as a mean indicator's mart gives them: the number of
     * observations, their sum and the sum of their squares. They add up over cells, so pooled cells
     * (both sexes, all diagnoses) are sums of their parts.
     */
    public record Summary(double count, double sum, double sumOfSquares) {
        /** The summary of {@code values}. */
        public static Summary of(double[] values) {
            double sum = 0;
            double squares = 0;
            for (double v : values) {
                sum += v;
                squares += v * v;
            }
            return new Summary(values.length, sum, squares);
        }

        /** The mean, NaN for no observations. */
        public double mean() {
            return count > 0 ? sum / count : Double.NaN;
        }

        /** The sample standard deviation from the sums; see {@link Means#standardDeviation(double, double, double)}. */
        public double standardDeviation() {
            return Means.standardDeviation(count, sum, sumOfSquares);
        }

        /** The mean as it is released: value, standard error s/√n (NaN below two observations) and count. */
        public Sample sample() {
            return new Sample(mean(), count >= 2 ? standardDeviation() / Math.sqrt(count) : Double.NaN, count);
        }

        /** Both summaries together. */
        public Summary plus(Summary other) {
            return new Summary(count + other.count, sum + other.sum, sumOfSquares + other.sumOfSquares);
        }
    }

    /**
     * A mean as the comparisons need it and as a released value carries it: the mean, its standard
     * error s/√n and the number of observations n. Welch's test and the ratio of means are functions
     * of these alone (s²/n = SE²), so two released means can be compared without their observations.
     */
    public record Sample(double mean, double standardError, double count) {
    }

    /**
     * The sample standard deviation s = √(Σ(xᵢ − x̄)² / (n − 1)) (as R's {@code sd()}), computed in two
     * passes (the mean first) so no precision is lost to cancellation. NaN for fewer than two values
     * (R gives NA), 0 when all values are equal. Checked against R 4.2.2 to 1e-13.
     */
    public static double sampleStandardDeviation(double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    /**
     * The sample standard deviation from a count n, a sum S and a sum of squares Q:
     * s = √((Q − S²/n) / (n − 1)), negative rounding clipped to 0. Exact for whole-number
     * observations (days) while Q stays below 2⁵³ ≈ 9·10¹⁵; for values whose mean is large against
     * their spread the one-pass formula loses digits, and observations (two passes) should be used.
     * NaN for fewer than two observations.
     */
    public static double standardDeviation(double count, double sum, double sumOfSquares) {
        if (!(count >= 2)) {
            return Double.NaN;
        }
        return Math.sqrt(Math.max(0, (sumOfSquares - sum * sum / count) / (count - 1)));
    }

    /**
     * Mean = sum / count with interval mean ± t(1 − α/2; count − 1)·sd/√count, sd the sample
     * standard deviation (n − 1). NaN interval for a single value (no degrees of freedom); NaN
     * everything for no values. The estimate carries its standard error sd/√count (not for a single
     * value), from which two released means are compared ({@link Sample}).
     */
    public static Estimate studentT(long count, double sum, double sd, Confidence confidence) {
        if (count <= 0) {
            return Estimate.notAvailable("Student's t");
        }
        double mean = sum / count;
        if (count == 1) {
            return new Estimate(mean, Double.NaN, Double.NaN, "Student's t");
        }
        double se = sd / Math.sqrt(count);
        double half = confidence.t(count - 1) * se;
        return new Estimate(mean, mean - half, mean + half, "Student's t", se);
    }

    /** The same from the values themselves. */
    public static Estimate studentT(double[] values, Confidence confidence) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return studentT(values.length, sum, values.length > 1 ? sampleStandardDeviation(values) : 0, confidence);
    }

    /** The same from a summary (count, sum, sum of squares). */
    public static Estimate studentT(Summary summary, Confidence confidence) {
        return studentT((long) summary.count(), summary.sum(), summary.count() > 1 ? summary.standardDeviation() : 0, confidence);
    }

    /**
     * Difference of two means a − b with Welch's interval (Welch 1947; as R's {@code t.test(a, b)}
     * with unequal variances): (x̄a − x̄b) ± t(1 − α/2; ν)·SE, SE = √(sa²/na + sb²/nb), ν the
     * Welch–Satterthwaite degrees of freedom SE⁴ / ((sa²/na)²/(na − 1) + (sb²/nb)²/(nb − 1)). NaN when
     * either side has fewer than two observations or both have no spread. Checked against R 4.2.2.
     */
    public static Estimate welchDifference(Summary a, Summary b, Confidence confidence) {
        return welchDifference(a.sample(), b.sample(), confidence);
    }

    /** The same from two means' standard errors and counts (s²/n = SE²). */
    public static Estimate welchDifference(Sample a, Sample b, Confidence confidence) {
        String method = "difference of means (Welch)";
        double[] w = welch(a, b);
        if (w == null) {
            return Estimate.notAvailable(method);
        }
        double d = a.mean() - b.mean();
        double half = confidence.t(w[1]) * w[0];
        return new Estimate(d, d - half, d + half, method);
    }

    /** Welch's t test of two means: t = (x̄a − x̄b)/SE with ν degrees of freedom, two-sided p-value from the t upper tail. */
    public static TestResult welchTest(Summary a, Summary b) {
        return welchTest(a.sample(), b.sample());
    }

    /** The same from two means' standard errors and counts. */
    public static TestResult welchTest(Sample a, Sample b) {
        double[] w = welch(a, b);
        if (w == null) {
            return TestResult.notAvailable("Welch's t test");
        }
        double t = (a.mean() - b.mean()) / w[0];
        return new TestResult(t, Confidence.tPValue(t, w[1]), "Welch's t test");
    }

    /**
     * Ratio of two means a / b with a log interval by the delta method: exp(ln(x̄a/x̄b) ±
     * z·√(sa²/(na·x̄a²) + sb²/(nb·x̄b²))). NaN when a mean is not positive or a side has fewer than two
     * observations.
     */
    public static Estimate ratio(Summary a, Summary b, Confidence confidence) {
        return ratio(a.sample(), b.sample(), confidence);
    }

    /** The same from two means' standard errors and counts: SE(ln x̄) = SE/x̄. */
    public static Estimate ratio(Sample a, Sample b, Confidence confidence) {
        String method = "ratio of means (delta method, log scale)";
        if (!(a.count() >= 2 && b.count() >= 2 && a.mean() > 0 && b.mean() > 0)) {
            return Estimate.notAvailable(method);
        }
        double va = Math.pow(a.standardError() / a.mean(), 2);
        double vb = Math.pow(b.standardError() / b.mean(), 2);
        double se = Math.sqrt(va + vb);
        double log = Math.log(a.mean() / b.mean());
        double z = confidence.z();
        return new Estimate(a.mean() / b.mean(), Math.exp(log - z * se), Math.exp(log + z * se), method);
    }

    /** {SE, ν} of Welch's test, or null when it cannot be done. */
    private static double[] welch(Sample a, Sample b) {
        if (!(a.count() >= 2 && b.count() >= 2)) {
            return null;
        }
        double va = a.standardError() * a.standardError();
        double vb = b.standardError() * b.standardError();
        double se2 = va + vb;
        if (!(se2 > 0)) {
            return null;
        }
        double df = se2 * se2 / (va * va / (a.count() - 1) + vb * vb / (b.count() - 1));
        return new double[] {Math.sqrt(se2), df};
    }
}
