package se.lagesbild.warehouse.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.stats.Confidence;
import se.lagesbild.warehouse.stats.Estimate;
import se.lagesbild.warehouse.stats.MultipleComparisons;
import se.lagesbild.warehouse.stats.Proportions;
import se.lagesbild.warehouse.stats.Rates;
import se.lagesbild.warehouse.stats.TestResult;

/**
 * Women vs men for every cell where both exist: the difference women − men with Newcombe's
 * interval (for rates: a normal interval on the difference of rates), the ratio women / men with
 * Katz's log interval, the two-proportion z test (for rates: the z test of two rates), and the
 * test's p-value adjusted for all cells compared at once by Benjamini–Hochberg (false discovery
 * rate). A gap is flagged when the adjusted p-value is below 0.05.
 */
public final class SexComparisons {
    public static final double FLAG_BELOW = 0.05;

    private SexComparisons() {
    }

    /**
     * @param cell            the cell for both sexes (sex 3)
     * @param adjustedPValue  Benjamini–Hochberg over every gap returned together
     */
    public record SexGap(Cell cell, double womenNumerator, double womenDenominator, double menNumerator, double menDenominator,
                         Estimate difference, Estimate ratio, TestResult test, double adjustedPValue, boolean flagged) {
    }

    /** Every cell of {@code filter} (sex ignored) with values for women and men. */
    public static List<SexGap> of(Warehouse warehouse, String code, CellFilter filter, Confidence confidence) {
        Indicator indicator = Catalogue.byCode(warehouse, code);
        Comparable.require(indicator, "comparisons of women and men");
        boolean rate = indicator.method().equals("rate");
        double multiplier = indicator.methodParam() == null ? 100_000 : indicator.methodParam();
        Map<Cell, double[]> counts = IndicatorEngine.counts(warehouse, indicator, filter.sexes(1, 2));
        List<Cell> both = counts.keySet().stream().filter(c -> c.sexCode() == 2 && counts.containsKey(c.withSex(1)))
                .map(c -> c.withSex(3)).toList();
        double[] pValues = new double[both.size()];
        List<Object[]> partial = new ArrayList<>();
        for (int i = 0; i < both.size(); i++) {
            double[] women = counts.get(both.get(i).withSex(2));
            double[] men = counts.get(both.get(i).withSex(1));
            TestResult test = rate ? Rates.test(women[0], women[1], men[0], men[1])
                    : Proportions.twoProportionTest(women[0], women[1], men[0], men[1]);
            pValues[i] = test.pValue();
            partial.add(new Object[] {women, men, test});
        }
        double[] adjusted = MultipleComparisons.benjaminiHochberg(pValues);
        List<SexGap> gaps = new ArrayList<>();
        for (int i = 0; i < both.size(); i++) {
            double[] women = (double[]) partial.get(i)[0];
            double[] men = (double[]) partial.get(i)[1];
            gaps.add(new SexGap(both.get(i), women[0], women[1], men[0], men[1],
                    rate ? Rates.difference(women[0], women[1], men[0], men[1], multiplier, confidence)
                            : Proportions.newcombeDifference(women[0], women[1], men[0], men[1], confidence),
                    Proportions.katzRatio(women[0], women[1], men[0], men[1], confidence), (TestResult) partial.get(i)[2], adjusted[i],
                    adjusted[i] < FLAG_BELOW));
        }
        return gaps;
    }
}
