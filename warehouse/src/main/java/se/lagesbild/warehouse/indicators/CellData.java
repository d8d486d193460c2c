package se.lagesbild.warehouse.indicators;

import java.util.Map;
import java.util.Set;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.stats.Confidence;
import se.lagesbild.warehouse.stats.Estimate;
import se.lagesbild.warehouse.stats.Means;
import se.lagesbild.warehouse.stats.Medians;
import se.lagesbild.warehouse.stats.Proportions;
import se.lagesbild.warehouse.stats.Rates;
import se.lagesbild.warehouse.stats.StandardisedRates;
import se.lagesbild.warehouse.stats.SurvivalEstimate;
import se.lagesbild.warehouse.stats.TestResult;

/**
 * The data of an indicator's cells in a filter, each cell's estimate, and how two cells are
 * compared, by the indicator's method:
 * <ul>
 * <li>proportions: difference with Newcombe's hybrid score interval, ratio with Katz's log interval,
 *   the two-proportion z test;</li>
 * <li>rates: difference with a normal interval on the Poisson counts, Katz's ratio, the z test of two
 *   rates;</li>
 * <li>directly standardised rates: difference and z test on the DSRs' variances (normal
 *   approximation), ratio with a log-normal interval ({@link StandardisedRates});</li>
 * <li>percentiles (medians, 80th and 90th): difference, ratio and z test with the standard errors
 *   their order-statistic intervals imply (Price and Bonett 2002, {@link Medians});</li>
 * <li>means: Student's t interval, Welch's difference and t test, a delta-method ratio ({@link Means});</li>
 * <li>survival (net or observed): the difference and its standard error, √(se_a² + se_b²) with se
 *   the standard error of S, a normal interval and z test; the ratio on the log scale (as for DSRs,
 *   {@link StandardisedRates#difference}); the cells come from {@link SurvivalCells}.</li>
 * </ul>
 *
 * <p>The data are either read from the warehouse ({@link #load}) or taken from values already
 * measured and released ({@link #measured}): every comparison above is a function of each value's
 * counts, estimate and standard error, so a comparison of released values needs nothing behind
 * them, and a release file answers it as the warehouse does.
 */
final class CellData {
    private final Indicator indicator;
    private final Confidence confidence;
    private final Map<Cell, double[]> counts;
    private final Map<Cell, double[][]> bands;
    private final Map<Cell, double[]> observations;
    private final Map<Cell, Means.Summary> summaries;
    private final Map<Cell, SurvivalCells.Value> survival;
    private final Map<Cell, IndicatorValue> measured;

    private CellData(Indicator indicator, Confidence confidence, Map<Cell, double[]> counts, Map<Cell, double[][]> bands,
                     Map<Cell, double[]> observations, Map<Cell, Means.Summary> summaries) {
        this(indicator, confidence, counts, bands, observations, summaries, null);
    }

    private CellData(Indicator indicator, Confidence confidence, Map<Cell, double[]> counts, Map<Cell, double[][]> bands,
                     Map<Cell, double[]> observations, Map<Cell, Means.Summary> summaries, Map<Cell, SurvivalCells.Value> survival) {
        this(indicator, confidence, counts, bands, observations, summaries, survival, null);
    }

    private CellData(Indicator indicator, Confidence confidence, Map<Cell, double[]> counts, Map<Cell, double[][]> bands,
                     Map<Cell, double[]> observations, Map<Cell, Means.Summary> summaries, Map<Cell, SurvivalCells.Value> survival,
                     Map<Cell, IndicatorValue> measured) {
        this.indicator = indicator;
        this.measured = measured;
        this.confidence = confidence;
        this.counts = counts;
        this.bands = bands;
        this.observations = observations;
        this.summaries = summaries;
        this.survival = survival;
    }

    static CellData load(Warehouse warehouse, Indicator indicator, CellFilter filter, Confidence confidence) {
        return switch (indicator.method()) {
            case "dsr" -> new CellData(indicator, confidence, null,
                    Observations.bandsByCell(warehouse, indicator, filter), null, null);
            case "percentile" -> new CellData(indicator, confidence, null, null,
                    IndicatorEngine.fromMartAndGroups(warehouse, indicator, filter, (source, f) -> Observations.byCell(warehouse, source, f)), null);
            case "mean" -> new CellData(indicator, confidence, null, null, null,
                    IndicatorEngine.fromMartAndGroups(warehouse, indicator, filter,
                            (source, f) -> Observations.summariesByCell(warehouse, source, f)));
            case "net_survival", "observed_survival" -> new CellData(indicator, confidence, null, null, null, null,
                    SurvivalCells.of(warehouse, indicator, filter, confidence));
            default -> new CellData(indicator, confidence, IndicatorEngine.counts(warehouse, indicator, filter), null, null, null);
        };
    }

    /**
     * Values already measured at {@code confidence} (with their 99.8 % limits), e.g. released ones:
     * the cells to compare are exactly these.
     */
    static CellData measured(Indicator indicator, Confidence confidence, java.util.Collection<IndicatorValue> values) {
        Map<Cell, IndicatorValue> cells = new java.util.LinkedHashMap<>();
        for (IndicatorValue v : values) {
            cells.put(v.cell(), v);
        }
        return new CellData(indicator, confidence, null, null, null, null, null, cells);
    }

    private boolean survival() {
        return indicator.method().equals("net_survival") || indicator.method().equals("observed_survival");
    }

    private boolean percentile() {
        return indicator.method().equals("percentile");
    }

    private boolean mean() {
        return indicator.method().equals("mean");
    }

    private static boolean dsr(Indicator indicator) {
        return indicator.method().equals("dsr");
    }

    private double multiplier() {
        return indicator.methodParam() == null ? 100_000 : indicator.methodParam();
    }

    Set<Cell> cells() {
        return measured != null ? measured.keySet() : survival != null ? survival.keySet() : counts != null ? counts.keySet() : bands != null ? bands.keySet() : observations != null ? observations.keySet()
                : summaries.keySet();
    }

    boolean has(Cell cell) {
        return cells().contains(cell);
    }

    /**
     * Numerator and denominator: the counts, a DSR's events and population over its bands, or for
     * percentiles and means no numerator (NaN) and the number of observations.
     */
    double[] totals(Cell cell) {
        if (measured != null) {
            IndicatorValue v = measured.get(cell);
            return new double[] {v.numerator(), v.denominator()};
        }
        if (survival != null) {
            return new double[] {Double.NaN, survival.get(cell).patients()};
        }
        if (counts != null) {
            return counts.get(cell);
        }
        if (percentile()) {
            return new double[] {Double.NaN, observations.get(cell).length};
        }
        if (mean()) {
            return new double[] {Double.NaN, summaries.get(cell).count()};
        }
        double[][] b = bands.get(cell);
        return new double[] {sum(b[0]), sum(b[1])};
    }

    /** The cell's estimate at the data's confidence level. */
    Estimate estimate(Cell cell) {
        return estimate(cell, confidence);
    }

    /** The cell's estimate with its interval at {@code level} (e.g. 99.8 % beside the 95 %). */
    Estimate estimate(Cell cell, Confidence level) {
        if (measured != null) {
            IndicatorValue v = measured.get(cell);
            if (level.level() != confidence.level() && level.level() != 0.998) {
                throw new IllegalArgumentException("measured values carry " + confidence.level() + " and 0.998 limits, not " + level.level());
            }
            return level.level() == confidence.level() ? v.estimate() : v.limits998();
        }
        if (survival != null) {
            SurvivalCells.Value v = survival.get(cell);
            SurvivalEstimate e = level.level() == confidence.level() ? v.estimate() : level.level() == 0.998 ? v.wide() : null;
            if (e == null) {
                throw new IllegalArgumentException("survival cells are computed at " + confidence.level() + " and 0.998, not " + level.level());
            }
            return e.available() ? e.estimate(v.method()) : Estimate.notAvailable(e.note());
        }
        if (percentile()) {
            return Medians.quantile(observations.get(cell), indicator.methodParam(), level);
        }
        if (mean()) {
            return Means.studentT(summaries.get(cell), level);
        }
        if (counts != null) {
            double[] c = counts.get(cell);
            return IndicatorEngine.estimate(indicator, c[0], c[1], level);
        }
        double[][] b = bands.get(cell);
        return StandardisedRates.dobson(b[0], b[1], b[2], multiplier(), level);
    }

    /**
     * The variance of a DSR or of a survival cell's S (NaN when it has none): from the bands or the
     * survival estimate read, or the square of a measured value's standard error.
     */
    private double variance(Cell cell) {
        if (measured != null) {
            Estimate e = measured.get(cell).estimate();
            return e.available() ? e.standardError() * e.standardError() : Double.NaN;
        }
        if (survival != null) {
            SurvivalEstimate e = survival.get(cell).estimate();
            return e.available() ? e.standardError() * e.standardError() : Double.NaN;
        }
        double[][] b = bands.get(cell);
        return StandardisedRates.variance(b[0], b[1], b[2], multiplier());
    }

    /** A mean's value, standard error and count. */
    private Means.Sample sample(Cell cell) {
        if (measured != null) {
            IndicatorValue v = measured.get(cell);
            return new Means.Sample(v.estimate().value(), v.estimate().standardError(), v.denominator());
        }
        return summaries.get(cell).sample();
    }

    /** Numerator and denominator of a proportion or rate. */
    private double[] counts(Cell cell) {
        return measured != null ? totals(cell) : counts.get(cell);
    }

    /** a − b. */
    Estimate difference(Cell a, Cell b) {
        if (survival() || dsr(indicator)) {
            return StandardisedRates.difference(estimate(a).value(), variance(a), estimate(b).value(), variance(b), confidence);
        }
        if (percentile()) {
            return Medians.difference(estimate(a), estimate(b), confidence);
        }
        if (mean()) {
            return Means.welchDifference(sample(a), sample(b), confidence);
        }
        double[] x = counts(a);
        double[] y = counts(b);
        if (indicator.method().equals("rate")) {
            return Rates.difference(x[0], x[1], y[0], y[1], multiplier(), confidence);
        }
        return aboveOne(x, y) ? Estimate.notAvailable(ABOVE_ONE) : Proportions.newcombeDifference(x[0], x[1], y[0], y[1], confidence);
    }

    /** a / b. */
    Estimate ratio(Cell a, Cell b) {
        if (survival() || dsr(indicator)) {
            return StandardisedRates.ratio(estimate(a).value(), variance(a), estimate(b).value(), variance(b), confidence);
        }
        if (percentile()) {
            return Medians.ratio(estimate(a), estimate(b), confidence);
        }
        if (mean()) {
            return Means.ratio(sample(a), sample(b), confidence);
        }
        double[] x = counts(a);
        double[] y = counts(b);
        return !indicator.method().equals("rate") && aboveOne(x, y) ? Estimate.notAvailable(ABOVE_ONE)
                : Proportions.katzRatio(x[0], x[1], y[0], y[1], confidence);
    }

    /** Whether a and b differ. */
    TestResult test(Cell a, Cell b) {
        if (survival() || dsr(indicator)) {
            return StandardisedRates.test(estimate(a).value(), variance(a), estimate(b).value(), variance(b));
        }
        if (percentile()) {
            return Medians.test(estimate(a), estimate(b), confidence);
        }
        if (mean()) {
            return Means.welchTest(sample(a), sample(b));
        }
        double[] x = counts(a);
        double[] y = counts(b);
        if (indicator.method().equals("rate")) {
            return Rates.test(x[0], x[1], y[0], y[1]);
        }
        return aboveOne(x, y) ? TestResult.notAvailable(ABOVE_ONE) : Proportions.twoProportionTest(x[0], x[1], y[0], y[1]);
    }

    /** Why a proportion's comparison is missing when a numerator exceeds its denominator (two registers disagree). */
    static final String ABOVE_ONE = "not compared: a numerator exceeds its denominator (ratio above 1)";

    private static boolean aboveOne(double[] x, double[] y) {
        return x[0] > x[1] || y[0] > y[1];
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += Double.isNaN(v) ? 0 : v;
        }
        return total;
    }
}
