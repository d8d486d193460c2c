package se.lagesbild.warehouse.stats;

/**
 * One summary measure of inequality between population groups, with its standard error and
 * confidence interval where the method gives one (NaN where it does not).
 *
 * @param code  HEAT's short name: sii, rii, aci, rci, bgv, bgsd, mdbw, mdbu, mdmw, mdmu, idisw,
 *              idisu, par, paf, ti, mld
 */
public record InequalityMeasure(String code, double value, double standardError, double lower, double upper)
        implements java.io.Serializable {

    /** A measure with no interval. */
    static InequalityMeasure point(String code, double value) {
        return new InequalityMeasure(code, value, Double.NaN, Double.NaN, Double.NaN);
    }

    /** value ± z·se. */
    static InequalityMeasure normal(String code, double value, double se, Confidence confidence) {
        double z = confidence.z();
        return new InequalityMeasure(code, value, se, value - z * se, value + z * se);
    }

    /** Whether the interval excludes {@code nullValue} (0 for differences, 1 for ratios). */
    public boolean excludes(double nullValue) {
        return !Double.isNaN(lower) && (lower > nullValue || upper < nullValue);
    }
}
