package se.lagesbild.warehouse.stats;

/**
 * A survival proportion at a time after diagnosis.
 *
 * @param days            the time, in days (1 year = {@link LifeTable#YEAR_DAYS})
 * @param value           the survival proportion (net survival can exceed 1 when patients die less
 *                        than the population; NaN when it cannot be estimated)
 * @param logStandardError the standard error of log S (relsurv's and survfit's {@code std.err}
 *                        before {@code summary} multiplies it by S)
 * @param lower           lower limit, S·exp(−z·se) (the "log" interval)
 * @param upper           upper limit, S·exp(z·se)
 * @param atRisk          patients at risk at the time
 * @param patients        patients in the estimate
 * @param note            why a value is missing, or an edge worth saying ("" when none)
 * @param ceiling         the highest an upper limit may be: 1 for observed survival (as R's
 *                        {@code survfit} caps it), infinite for net and relative survival
 */
public record SurvivalEstimate(double days, double value, double logStandardError, double lower, double upper, double atRisk,
                               double patients, String note, double ceiling) {

    /** The standard error of S itself: S · se(log S) (the delta method). */
    public double standardError() {
        return value * logStandardError;
    }

    public boolean available() {
        return !Double.isNaN(value);
    }

    /** As a plain estimate with its interval. */
    public Estimate estimate(String method) {
        return new Estimate(value, lower, upper, note.isEmpty() ? method : method + "; " + note, standardError());
    }

    /** The same estimate with its log interval at another confidence level. */
    public SurvivalEstimate atLevel(Confidence confidence) {
        return available() ? withLogInterval(days, value, logStandardError, atRisk, patients, confidence, note, ceiling) : this;
    }

    public static SurvivalEstimate notAvailable(double days, double atRisk, double patients, String note) {
        return new SurvivalEstimate(days, Double.NaN, Double.NaN, Double.NaN, Double.NaN, atRisk, patients, note, Double.POSITIVE_INFINITY);
    }

    /** S with the log interval at {@code confidence}; an S of 0 has no interval and no se(log S), as in R. */
    static SurvivalEstimate withLogInterval(double days, double s, double logSe, double atRisk, double patients, Confidence confidence,
                                            String note, double ceiling) {
        double z = confidence.z();
        boolean interval = s > 0 && Double.isFinite(logSe);
        return new SurvivalEstimate(days, s, s > 0 ? logSe : Double.NaN, interval ? s * Math.exp(-z * logSe) : Double.NaN,
                interval ? Math.min(ceiling, s * Math.exp(z * logSe)) : Double.NaN, atRisk, patients, note, ceiling);
    }
}
