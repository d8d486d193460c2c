package se.lagesbild.warehouse.stats;

/**
 * A value with its confidence interval. A part that cannot be computed is NaN ("not available":
 * an empty cell, a negative Byar's lower limit, a suppressed value); {@link #available()} says
 * whether the value exists.
 *
 * @param value  the estimate, in the unit of the indicator (a proportion, per 100 000, days …)
 * @param lower  lower confidence limit
 * @param upper  upper confidence limit
 * @param method the method's name, e.g. "Wilson score"
 * @param standardError the standard error of the value on its own scale, where the method gives one
 *               (survival: S · se(log S), the delta method, so analysts can combine regions or
 *               take differences); NaN otherwise
 */
public record Estimate(double value, double lower, double upper, String method, double standardError) implements java.io.Serializable {
    /** An estimate without a standard error. */
    public Estimate(double value, double lower, double upper, String method) {
        this(value, lower, upper, method, Double.NaN);
    }

    public static Estimate notAvailable(String method) {
        return new Estimate(Double.NaN, Double.NaN, Double.NaN, method);
    }

    public boolean available() {
        return !Double.isNaN(value);
    }

    Estimate times(double multiplier) {
        return new Estimate(value * multiplier, lower * multiplier, upper * multiplier, method, standardError * multiplier);
    }
}
