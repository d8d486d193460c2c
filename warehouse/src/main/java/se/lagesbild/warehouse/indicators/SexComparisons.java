package se.lagesbild.warehouse.indicators;

import java.util.ArrayList;
import java.util.List;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.stats.Confidence;
import se.lagesbild.warehouse.stats.Estimate;
import se.lagesbild.warehouse.stats.MultipleComparisons;
import se.lagesbild.warehouse.stats.TestResult;

/**
 * Women vs men for every cell where both exist: the difference women − men with Newcombe's
 * interval (for rates: a normal interval on the difference of rates; for standardised rates: on the
 * DSRs' variances), the ratio women / men with Katz's log interval (standardised rates: log-normal),
 * the two-proportion z test (for rates and standardised rates: the z test of two rates), and the
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
                         Estimate difference, Estimate ratio, TestResult test, double adjustedPValue, boolean flagged) implements java.io.Serializable {
    }

    /** Every cell of {@code filter} (sex ignored) with values for women and men. */
    public static List<SexGap> of(Warehouse warehouse, String code, CellFilter filter, Confidence confidence) {
        Indicator indicator = Catalogue.byCode(warehouse, code);
        ComparableMethods.require(indicator, "comparisons of women and men");
        return of(CellData.load(warehouse, indicator, filter.sexes(1, 2), confidence));
    }

    /**
     * The same for values already measured at {@code confidence} (released ones): every cell among
     * {@code values} with a value for women and for men, compared from those values alone
     * ({@link CellData#measured}), adjusted over these cells.
     */
    public static List<SexGap> of(Indicator indicator, java.util.Collection<IndicatorValue> values, Confidence confidence) {
        ComparableMethods.require(indicator, "comparisons of women and men");
        return of(CellData.measured(indicator, confidence, values));
    }

    private static List<SexGap> of(CellData data) {
        List<Cell> both = data.cells().stream().filter(c -> c.sexCode() == 2 && data.has(c.withSex(1))).map(c -> c.withSex(3))
                .sorted(Cell.ORDER).toList();
        double[] pValues = new double[both.size()];
        List<TestResult> tests = new ArrayList<>();
        for (int i = 0; i < both.size(); i++) {
            TestResult test = data.test(both.get(i).withSex(2), both.get(i).withSex(1));
            pValues[i] = test.pValue();
            tests.add(test);
        }
        double[] adjusted = MultipleComparisons.benjaminiHochberg(pValues);
        List<SexGap> gaps = new ArrayList<>();
        for (int i = 0; i < both.size(); i++) {
            Cell women = both.get(i).withSex(2);
            Cell men = both.get(i).withSex(1);
            double[] w = data.totals(women);
            double[] m = data.totals(men);
            gaps.add(new SexGap(both.get(i), w[0], w[1], m[0], m[1], data.difference(women, men), data.ratio(women, men), tests.get(i),
                    adjusted[i], adjusted[i] < FLAG_BELOW));
        }
        return gaps;
    }
}
