package se.lagesbild.warehouse.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.stats.Confidence;
import se.lagesbild.warehouse.stats.Estimate;
import se.lagesbild.warehouse.stats.TestResult;
import se.lagesbild.warehouse.stats.Trend;

/**
 * Baseline against follow-up for every cell in both: the change (follow-up − baseline) with
 * Newcombe's interval (for rates: a normal interval on the difference of rates; for standardised
 * rates: on the DSRs' variances), the relative change, the two-proportion z test of the change (for
 * rates and standardised rates: the z test of two rates), the chi-square test for trend over the
 * years from baseline to follow-up (when they are years; proportions and rates), the
 * target met now and at baseline, and a status in plain words: improved / worsened when the
 * change is significant at 5 % in the indicator's direction, unchanged when it is not, and "not
 * compared" when the test cannot be done (no events in either period, a ratio above 1, too few
 * observations): never "unchanged" for a change nobody measured.
 */
public final class BaselineComparisons {
    private BaselineComparisons() {
    }

    public record Change(Cell cell, Estimate baseline, Estimate followUp, Estimate difference, double relativeChange, TestResult test,
                         TestResult trend, Boolean targetMetAtBaseline, Boolean targetMetNow, String status) {
    }

    /** Baseline period {@code baseline} (e.g. "2026") against {@code followUp} (e.g. "2027") for the cells of {@code filter}. */
    public static List<Change> of(Warehouse warehouse, String code, String baseline, String followUp, CellFilter filter, Confidence confidence) {
        Indicator indicator = Catalogue.byCode(warehouse, code);
        ComparableMethods.require(indicator, "baseline comparisons");
        CellData data = CellData.load(warehouse, indicator, filter.periods(baseline, followUp), confidence);
        List<String> years = trendYears(indicator, baseline, followUp);
        Map<Cell, double[]> between = years.isEmpty() ? Map.of()
                : IndicatorEngine.counts(warehouse, indicator, filter.periods(years.toArray(String[]::new)));
        return of(indicator, data, baseline, followUp, years, between);
    }

    /**
     * The same from values already measured at {@code confidence} (released ones), compared from
     * those values alone ({@link CellData#measured}): {@code values} holds the cells of both periods
     * and, for the trend, of the years between ({@link #periods}); {@code hidden} the cells that exist
     * but are hidden. A trend over a hidden year is not computed (it would tell something of the
     * hidden count); a cell absent from a year counts as no events in it.
     */
    public static List<Change> of(Indicator indicator, java.util.Collection<IndicatorValue> values, java.util.Set<Cell> hidden,
                                  String baseline, String followUp, Confidence confidence) {
        ComparableMethods.require(indicator, "baseline comparisons");
        List<String> years = trendYears(indicator, baseline, followUp);
        Map<Cell, double[]> between = new java.util.HashMap<>();
        for (IndicatorValue v : values) {
            if (years.contains(v.cell().periodCode())) {
                between.put(v.cell(), new double[] {v.numerator(), v.denominator()});
            }
        }
        for (Cell cell : hidden) {
            if (years.contains(cell.periodCode())) {
                between.put(cell, new double[] {Double.NaN, Double.NaN});
            }
        }
        return of(indicator, CellData.measured(indicator, confidence, values), baseline, followUp, years, between);
    }

    /** The periods a comparison of {@code baseline} with {@code followUp} reads: both, and the years between for the trend. */
    public static List<String> periods(Indicator indicator, String baseline, String followUp) {
        java.util.LinkedHashSet<String> periods = new java.util.LinkedHashSet<>(List.of(baseline, followUp));
        periods.addAll(trendYears(indicator, baseline, followUp));
        return List.copyOf(periods);
    }

    private static List<Change> of(Indicator indicator, CellData data, String baseline, String followUp, List<String> years,
                                   Map<Cell, double[]> between) {
        List<Change> changes = new ArrayList<>();
        for (Cell before : data.cells().stream().filter(c -> c.periodCode().equals(baseline)).sorted(Cell.ORDER).toList()) {
            Cell after = before.inPeriod(followUp);
            if (!data.has(after)) {
                continue;
            }
            Estimate eb = data.estimate(before);
            Estimate ea = data.estimate(after);
            Estimate difference = data.difference(after, before);
            TestResult test = data.test(after, before);
            changes.add(new Change(after, eb, ea, difference, (ea.value() - eb.value()) / eb.value(), test,
                    trend(before, years, between), indicator.targetMet(eb.value()), indicator.targetMet(ea.value()),
                    status(indicator, difference, test)));
        }
        return changes;
    }

    static String status(Indicator indicator, Estimate difference, TestResult test) {
        if (Double.isNaN(test.pValue()) || !difference.available()) {
            return "not compared";
        }
        if (!test.reject(0.05) || indicator.direction().equals("neither")) {
            return test.reject(0.05) ? (difference.value() > 0 ? "higher" : "lower") : "unchanged";
        }
        return (difference.value() > 0) == indicator.higherIsBetter() ? "improved" : "worsened";
    }

    /** The years of the trend test: proportions and rates only, see {@link #years}. */
    private static List<String> trendYears(Indicator indicator, String baseline, String followUp) {
        return indicator.method().equals("proportion") || indicator.method().equals("rate") ? years(baseline, followUp) : List.of();
    }

    /** The years from baseline to follow-up when both are years and at least three apart … else none. */
    private static List<String> years(String baseline, String followUp) {
        if (!baseline.matches("\\d{4}") || !followUp.matches("\\d{4}")) {
            return List.of();
        }
        List<String> years = new ArrayList<>();
        for (int y = Integer.parseInt(baseline); y <= Integer.parseInt(followUp); y++) {
            years.add(String.valueOf(y));
        }
        return years.size() >= 3 ? years : List.of();
    }

    private static TestResult trend(Cell cell, List<String> years, Map<Cell, double[]> between) {
        if (years.isEmpty()) {
            return TestResult.notAvailable("chi-square test for trend (three years or more, proportions and rates)");
        }
        double[] x = new double[years.size()];
        double[] n = new double[years.size()];
        double[] scores = new double[years.size()];
        for (int i = 0; i < years.size(); i++) {
            double[] c = between.getOrDefault(cell.inPeriod(years.get(i)), new double[] {0, 0});
            if (Double.isNaN(c[0]) || Double.isNaN(c[1])) {
                return TestResult.notAvailable("chi-square test for trend: not computed, " + years.get(i) + " is hidden for confidentiality");
            }
            x[i] = c[0];
            n[i] = c[1];
            scores[i] = Integer.parseInt(years.get(i));
        }
        return Trend.chiSquaredForTrend(x, n, scores);
    }
}
