package se.lagesbild.warehouse.stats;

/**
 * A test statistic and its p-value.
 *
 * @param statistic the statistic (z, or chi-square)
 * @param pValue    two-sided p-value (NaN when the test cannot be done)
 * @param method    the test's name
 */
public record TestResult(double statistic, double pValue, String method) implements java.io.Serializable {
    public static TestResult notAvailable(String method) {
        return new TestResult(Double.NaN, Double.NaN, method);
    }

    /** Whether the null hypothesis is rejected at significance level {@code alpha} (false when not available). */
    public boolean reject(double alpha) {
        return pValue < alpha;
    }
}
